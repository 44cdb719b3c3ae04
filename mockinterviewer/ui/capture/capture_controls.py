"""The answer-capture wiring shared by the screens that record spoken answers (Rehearse, Drill).

:class:`CaptureScreen` is the base class both screens share: it creates their
:class:`AnswerCapture`, connects it to the screen's level meter, live transcript and slots, runs
the 100 ms clock that redraws the timers while recording, builds the row of key buttons (each
bound to its key with a :class:`QShortcut`), and gives the screens the same ``set_services`` and
``shutdown``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from mockinterviewer.settings import Settings
from mockinterviewer.ui.capture.answer_capture import AnswerCapture

log = logging.getLogger(__name__)

KEY_NAMES = {Qt.Key.Key_Space: "Space", Qt.Key.Key_Return: "Enter", Qt.Key.Key_R: "R",
             Qt.Key.Key_P: "P", Qt.Key.Key_Escape: "Esc"}
"""How each key is written on its button."""

CAPTURE_STATUS = {"starting": "Opening the microphone…",
                  "speaking": "Listen to the question… (Space: answer now)",
                  "finishing": "Finishing the transcript…"}
"""The status line for the capture states both screens word the same way."""

#: (name, button text, key, slot) for :meth:`CaptureScreen._key_buttons`.
KeyAction = tuple[str, str, Qt.Key, Callable[[], None]]


class CaptureScreen:
    """Base for a QWidget screen that asks questions and captures spoken answers (Rehearse and
    Drill; listed before ``QWidget`` among the screen's bases).

    The screen provides ``meter`` (a LevelMeter), ``transcript`` (a LiveTranscript), and the slots
    ``_on_state``, ``_on_captured`` and ``_tick``.
    """

    services: Any
    settings: Settings
    capture: AnswerCapture
    timer: QTimer
    buttons: dict[str, QPushButton]
    meter: Any
    transcript: Any

    def _make_capture(self, services: Any, settings: Settings) -> None:
        """Creates the screen's :class:`AnswerCapture` (before the layout is built)."""
        assert isinstance(self, QObject)
        self.capture = AnswerCapture(services, speak=settings.speak_questions, parent=self)

    def _wire_capture(self, on_warning: Callable[[str], None],
                      on_failed: Callable[[str], None]) -> None:
        """Connects the capture to the meter, the live transcript and the screen's slots, and
        creates the 100 ms clock (``timer``) that calls ``_tick`` while recording.

        Args:
            on_warning: shows a warning (recording goes on).
            on_failed: shows that nothing could be recorded.
        """
        assert isinstance(self, QObject)
        capture = self.capture
        capture.state_changed.connect(self._on_state)  # type: ignore[attr-defined]
        capture.level.connect(self.meter.set_level)
        capture.words.connect(self.transcript.append_words)
        capture.warning.connect(on_warning)
        capture.captured.connect(self._on_captured)  # type: ignore[attr-defined]
        capture.failed.connect(on_failed)
        self.timer = QTimer(self)
        self.timer.setInterval(100)
        self.timer.timeout.connect(self._tick)  # type: ignore[attr-defined]

    def _key_buttons(self, actions: Sequence[KeyAction],
                     enter: Callable[[], None]) -> QHBoxLayout:
        """A row of buttons labelled with their keys; fills :attr:`buttons` by name.

        Args:
            actions: (name, text, key, slot) per button.
            enter: the slot the keypad's Enter key also triggers (the same as Return's).

        Returns:
            The row (not yet added to a layout).
        """
        assert isinstance(self, QWidget)
        keys = QHBoxLayout()
        self.buttons = {}
        for name, text, key, slot in actions:
            btn = QPushButton(f"{text} ({KEY_NAMES[key]})")
            btn.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            # A QShortcut acts at once (a button's own shortcut clicks 100 ms later, which would
            # shift the segment marks) and only while this screen is visible.
            shortcut = QShortcut(QKeySequence(key), self, slot)
            shortcut.setAutoRepeat(False)
            btn.setAccessibleName(text)
            btn.clicked.connect(slot)
            keys.addWidget(btn)
            self.buttons[name] = btn
        QShortcut(QKeySequence(Qt.Key.Key_Enter), self, enter).setAutoRepeat(False)
        return keys

    def set_services(self, services: Any, settings: Settings | None = None) -> None:
        """Uses new engines (after the settings changed); takes effect from the next answer."""
        self.services = services
        self.capture.services = services
        if settings is not None:
            self.settings = settings
            self.capture.speak_enabled = settings.speak_questions

    def shutdown(self) -> None:
        """Stops recording and waits for the recording thread (window closing)."""
        self.timer.stop()
        self.capture.shutdown()
