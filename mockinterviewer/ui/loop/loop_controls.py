"""The loop question screen's status line: its words for each capture state and loop phase.

The keys and their buttons are the shared
:class:`~mockinterviewer.ui.capture.capture_controls.CaptureScreen`'s.
"""

from __future__ import annotations

from mockinterviewer.ui.capture.capture_controls import CAPTURE_STATUS

_PHASE_STATUS = {"analysing": "One moment…", "probe_analysing": "One moment…",
                 "debriefing": "Weighing the whole loop…", "done": "Loop finished."}


def status_text(state: str, phase: str) -> str:
    """The status line for a capture state in a loop phase (no verdict: no report in between)."""
    if phase in _PHASE_STATUS:
        return _PHASE_STATUS[phase]
    return {**CAPTURE_STATUS,
            "waiting": "Press Space to start answering.",
            "recording": ("Recording. Space marks the next segment, Enter ends the answer."
                          if phase == "answer" else "Recording your follow-up answer. Enter "
                          "ends it."),
            "paused": "Paused. Press P to go on."}.get(state, "")

