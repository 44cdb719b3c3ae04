"""Rehearse: the main flow. Question, answer with live STAR timing, follow-ups, then the report.

The question is spoken (off the UI thread) and shown; recording starts when it has been said (or
on Space). While the user answers, the STAR strip fills the current segment, the clocks run and
the live transcript and level meter follow. Keys: Space next segment, Enter done, R repeat the
question, P pause, Esc abandon (asks first). On Enter the final transcript is analysed in a job,
the attempt is saved, and the chosen follow-up probes are asked and answered the same way before
:attr:`RehearseView.report_ready` hands the analysis to the report. Those steps and the state of
the rehearsal live in the :class:`RehearseSession` the view owns (:attr:`RehearseView.session`);
the view follows its signals.

The attempt is saved as ``unfinished`` before recording starts, with its recording path, so a
crash or an abandoned answer never loses what was said.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from mockinterviewer.content.model import LEVEL_NAMES, Scenario
from mockinterviewer.settings import Settings
from mockinterviewer.ui import dialogs
from mockinterviewer.ui.capture.answer_capture import Capture
from mockinterviewer.ui.capture.capture_controls import CAPTURE_STATUS, CaptureScreen
from mockinterviewer.ui.rehearse.rehearse_session import PHASES, RehearseSession
from mockinterviewer.ui.services import Services
from mockinterviewer.ui.widgets.star_strip import format_seconds
from mockinterviewer.ui.widgets.transcript_view import LiveTranscript

log = logging.getLogger(__name__)

__all__ = ["PHASES", "RehearseView"]


class RehearseView(CaptureScreen, QWidget):
    """The Rehearse screen.

    Attributes:
        session: the rehearsal behind the screen (state, analysis, follow-ups, saving).

    Signals:
        report_ready: (analysis, attempt_id or None, recordings by kind) when the flow is done.
        abandoned: the scenario id, after the user abandoned (the recording is kept).
    """

    report_ready = Signal(object, object, dict)
    abandoned = Signal(str)

    def __init__(self, services: Services, settings: Settings, max_probes: int = 3,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.settings = settings
        self.messages: list[str] = []
        self.session = RehearseSession(services, settings, max_probes, parent=self)
        self._make_capture(services, settings)
        self._build()
        self._wire_capture(self.show_message, self._on_capture_failed)
        self._follow_live_answer()
        self.capture.warning_cleared.connect(self.clear_message)
        session = self.session
        session.phase_changed.connect(self._on_phase)
        session.probe_asked.connect(self._ask_probe)
        session.warning.connect(self.show_message)
        session.analysis_failed.connect(self._analysis_failed)
        session.report_ready.connect(self.report_ready)
        self.question.setText("Choose a scenario on Home (Ctrl+1), then press Enter to rehearse "
                              "it.")
        self._update_status()

    # -- layout -----------------------------------------------------------------------------------

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(16, 12, 16, 8)
        self.context = QLabel()
        self.context.setProperty("role", "muted")
        root.addWidget(self.context)
        self.total_clock = QLabel()
        self.total_clock.setAccessibleName("Elapsed time")
        self.segment_clock = QLabel()
        self.segment_clock.setAccessibleName("Time in this segment")
        self._add_answer_area(root, (self.total_clock, self.segment_clock))
        self.transcript = LiveTranscript()
        root.addWidget(self.transcript, 1)
        root.addLayout(self._key_buttons((
            ("next", "Next segment", Qt.Key.Key_Space, self.next_segment),
            ("done", "Done", Qt.Key.Key_Return, self.done),
            ("repeat", "Repeat question", Qt.Key.Key_R, self.repeat_question),
            ("pause", "Pause", Qt.Key.Key_P, self.toggle_pause),
            ("abandon", "Abandon", Qt.Key.Key_Escape, self.abandon),
        ), enter=self.done))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    # -- public -----------------------------------------------------------------------------------

    def start(self, scenario: Scenario, level: str | None = None,
              prompt: str | None = None) -> None:
        """Starts rehearsing a scenario: asks its question.

        Args:
            scenario: what to rehearse.
            level: sde1, sde2 or senior (default: the settings').
            prompt: the question to ask (default: one of the scenario's, least practised first).
        """
        self.capture.cancel()
        session = self.session
        session.begin(scenario, level, prompt)
        level = session.level
        self.messages = []
        self.banner.hide()
        self.strip.show()
        self.strip.set_targets(scenario.targets_for(level), self.settings.tolerance)
        self.live.reset(scenario.targets_for(level))
        self.context.setText(f"{scenario.principle} · {scenario.title} · "
                             f"{LEVEL_NAMES.get(level, level)} · budget "
                             f"{format_seconds(scenario.budget_for(level))}")
        self.question.setText(session.prompt)
        self.transcript.clear_words("Your words appear here as you speak.")
        self.meter.reset()
        self.capture.ask(session.prompt, session.answer_path())
        self._tick()
        self.setFocus()

    def abandon(self) -> None:
        """Esc: after asking, abandons the answer (the recording is kept); in the follow-ups,
        skips the rest and shows the report."""
        session = self.session
        if session.phase in ("probe", "probe_analysing"):
            if dialogs.confirm(self, "Skip follow-ups", "Skip the remaining follow-up questions "
                               "and see the report?", "Skip to the report", "Keep answering"):
                self.capture.cancel()
                session.finish()
            return
        if session.phase not in ("answer", "analysing"):
            return
        if not dialogs.confirm(self, "Abandon this answer", "Stop and abandon this answer? "
                               "The recording so far is kept in your history.", "Abandon",
                               "Keep going"):
            return
        self.capture.cancel()
        session.abandon()
        self.abandoned.emit(session.scenario.id if session.scenario else "")

    def clear_message(self, message: str) -> None:
        """Takes a warning that no longer holds off the banner (hidden when none is left)."""
        if message not in self.messages:
            return
        self.messages.remove(message)
        self.banner.setText("\n".join(self.messages[-3:]))
        self.banner.setVisible(bool(self.messages))

    def show_message(self, message: str) -> None:
        """Shows a warning above the strip (it stays until the next answer)."""
        if message in self.messages:
            return
        self.messages.append(message)
        self.banner.setText("\n".join(self.messages[-3:]))
        self.banner.show()

    # -- flow -------------------------------------------------------------------------------------

    def set_services(self, services: Any, settings: Settings | None = None) -> None:
        """Uses new engines (after the settings changed); takes effect from the next answer."""
        super().set_services(services, settings)
        self.session.services = services
        if settings is not None:
            self.session.settings = settings

    def _capture_phase(self) -> str:
        return self.session.phase

    def _recording_starts(self) -> None:
        session = self.session
        if session.phase == "answer" and session.attempt_id is None:
            session.start_attempt(self.capture.path)  # saved before the first sample is written

    def _tick(self) -> None:
        elapsed = self.capture.elapsed
        session = self.session
        if session.phase == "probe":
            self.total_clock.setText(f"Follow-up answer {format_seconds(elapsed)}")
            self.segment_clock.setText("")
            return
        if session.scenario is None:
            return
        live = self.live.state(self.capture.marks)
        current = live.current
        spent = live.seconds(elapsed)
        recording = self.capture.state in ("recording", "paused")
        self.strip.set_times(spent, current if recording else None)
        budget = session.scenario.budget_for(session.level)
        self.total_clock.setText(f"Total {format_seconds(elapsed)} / {format_seconds(budget)}")
        target = self.strip.targets.get(current, 0.0)
        self.segment_clock.setText(f"{current.title()} {format_seconds(spent[current])} / "
                                   f"{format_seconds(target)}" if recording else "")

    def _update_status(self) -> None:
        state, phase = self.capture.state, self.session.phase
        text = {
            **CAPTURE_STATUS,
            "waiting": "Read the question, then press Space to start answering.",
            "recording": ("Recording: answer now. Space moves to the next segment, Enter ends."
                          if phase == "answer" else "Recording your follow-up answer. Enter "
                          "ends it."),
            "paused": "Paused. Press P to go on.",
        }.get(state, "")
        if phase == "analysing":
            text = "Analysing your answer…"
        elif phase == "probe_analysing":
            text = "Reading your follow-up answer…"
        elif phase == "done":
            text = "Done."
        self.status.setText(text)
        self._refresh_answer_keys()
        self._label("abandon", "Skip follow-ups (Esc)" if phase.startswith("probe")
                    else "Abandon (Esc)")

    def _on_phase(self, _phase: str) -> None:
        self._update_status()

    def _ask_probe(self, number: int, count: int, question: str, path: Path) -> None:
        """The session asks a follow-up: shows it and records the answer to ``path``."""
        self.strip.hide()
        self.transcript.clear_words("Your follow-up answer appears here.")
        self.question.setText(f"Follow-up {number} of {count}: {question}")
        self.capture.ask(question, path)
        self._tick()

    def _analysis_failed(self, message: str) -> None:
        dialogs.show_error(self, "Analysis failed", message,
                           "Your recording is kept in your history; try analysing it again "
                           "from the History screen.")

    def _on_capture_failed(self, message: str) -> None:
        dialogs.show_error(self, "Cannot record", message,
                           "Check the microphone and the speech model in Settings, then press "
                           "Space to try again.")
        self.show_message(message)

    def _on_captured(self, cap: Capture) -> None:
        if self._nothing_said(cap):
            return
        if cap.error:
            self.show_message(f"{cap.error} Your answer so far is analysed below.")
        self.transcript.set_words(cap.words)
        self.session.take_answer(cap)
