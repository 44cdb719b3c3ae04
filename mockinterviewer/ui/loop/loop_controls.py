"""The loop question screen's controls: the row of keys and the status line's words."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

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


class KeyRow(QWidget):
    """Buttons labelled with their keys; each key is a shortcut on ``host`` (active while the host
    is shown), so the screen works from the keyboard alone.

    Attributes:
        buttons: the buttons by name.
    """

    def __init__(self, host: QWidget,
                 actions: Sequence[tuple[str, str, Qt.Key, Callable[[], None]]],
                 enter: Callable[[], None]) -> None:
        super().__init__(host)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QPushButton] = {}
        for name, text, key, slot in actions:
            btn = QPushButton(text)
            btn.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            btn.setAccessibleName(text)
            btn.clicked.connect(slot)
            QShortcut(QKeySequence(key), host, slot).setAutoRepeat(False)
            row.addWidget(btn)
            self.buttons[name] = btn
        QShortcut(QKeySequence(Qt.Key.Key_Enter), host, enter).setAutoRepeat(False)

    def refresh(self, state: str, phase: str) -> None:
        """Labels and enables the keys for a capture state in a loop phase."""
        b = self.buttons
        b["next"].setText("Start answering (Space)" if state in ("speaking", "waiting")
                          else "Next segment (Space)")
        b["next"].setEnabled(state in ("speaking", "waiting") or (
            state == "recording" and phase == "answer"))
        b["done"].setEnabled(state in ("recording", "paused"))
        b["pause"].setText("Resume (P)" if state == "paused" else "Pause (P)")
        b["pause"].setEnabled(state in ("recording", "paused"))
        b["repeat"].setEnabled(phase in ("answer", "probe"))
        b["end"].setEnabled(phase not in ("idle", "debriefing", "done"))
