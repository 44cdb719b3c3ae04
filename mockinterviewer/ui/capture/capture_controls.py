"""The answer-capture wiring shared by the screens that record spoken answers (Rehearse, Drill,
and the Loop's questions).

:class:`CaptureScreen` is the base class those screens share: it creates their
:class:`AnswerCapture`, connects it to the screen's level meter, live transcript and slots, runs
the 100 ms clock that redraws the timers while recording, builds the row of key buttons (each
bound to its key with a :class:`QShortcut`), and gives the screens the same ``set_services`` and
``shutdown``. For the screens that ask a question answered in STAR segments, then follow-ups
(Rehearse and Loop), it also holds the keys Space, Enter, R and P, their buttons' labels, and the
live STAR segmenter that follows the answer as it is spoken.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mockinterviewer.coach.live import LiveSegmenter, warm_up
from mockinterviewer.content.model import SEGMENT_LABELS
from mockinterviewer.settings import Settings
from mockinterviewer.transcript import Word
from mockinterviewer.ui import theme
from mockinterviewer.ui.capture.answer_capture import AnswerCapture, Capture
from mockinterviewer.ui.widgets.level_meter import LevelMeter
from mockinterviewer.ui.widgets.star_strip import StarStrip

log = logging.getLogger(__name__)

KEY_NAMES = {Qt.Key.Key_Space: "Space", Qt.Key.Key_Return: "Enter", Qt.Key.Key_R: "R",
             Qt.Key.Key_P: "P", Qt.Key.Key_Escape: "Esc"}
"""How each key is written on its button."""

CAPTURE_STATUS = {"starting": "Opening the microphone…",
                  "speaking": "Listen to the question… (Space: answer now)",
                  "finishing": "Finishing the transcript…"}
"""The status line for the capture states every capture screen words the same way."""

#: (name, button text, key, slot) for :meth:`CaptureScreen._key_buttons`.
KeyAction = tuple[str, str, Qt.Key, Callable[[], None]]


class CaptureScreen:
    """Base for a QWidget screen that asks questions and captures spoken answers (Rehearse, Drill
    and Loop; listed before ``QWidget`` among the screen's bases).

    The screen provides ``meter`` (a LevelMeter), ``transcript`` (a LiveTranscript, or None on a
    screen that shows no transcript), and the slots ``_on_captured``, ``_tick`` and
    ``_update_status``. A screen that asks a question answered in segments (its keys
    :meth:`next_segment`, :meth:`done`, :meth:`repeat_question`, :meth:`toggle_pause`) says what
    it is asking in :meth:`_capture_phase`.
    """

    services: Any
    settings: Settings
    capture: AnswerCapture
    timer: QTimer
    buttons: dict[str, QPushButton]
    meter: Any
    transcript: Any
    question: QLabel
    status: QLabel
    banner: QLabel
    strip: StarStrip
    live: LiveSegmenter
    _capture_failed: Callable[[str], None]

    def _make_capture(self, services: Any, settings: Settings) -> None:
        """Creates the screen's :class:`AnswerCapture` (before the layout is built)."""
        assert isinstance(self, QObject)
        self.capture = AnswerCapture(services, speak=settings.speak_questions, parent=self)

    def _wire_capture(self, on_warning: Callable[[str], None],
                      on_failed: Callable[[str], None]) -> None:
        """Connects the capture to the meter, the live transcript (where the screen has one) and
        the screen's slots, and creates the 100 ms clock (``timer``) that calls ``_tick`` while
        recording.

        Args:
            on_warning: shows a warning (recording goes on).
            on_failed: shows that nothing could be recorded.
        """
        assert isinstance(self, QObject)
        capture = self.capture
        self._capture_failed = on_failed
        capture.state_changed.connect(self._on_state)
        capture.level.connect(self.meter.set_level)
        if self.transcript is not None:
            capture.words.connect(self.transcript.append_words)
        capture.warning.connect(on_warning)
        capture.captured.connect(self._on_captured)  # type: ignore[attr-defined]
        capture.failed.connect(on_failed)
        self.timer = QTimer(self)
        self.timer.setInterval(100)
        self.timer.timeout.connect(self._tick)  # type: ignore[attr-defined]

    def _follow_live_answer(self) -> None:
        """Follows the answer's STAR segments from its words as it is spoken, for when the user
        does not press Space (marks win): :attr:`live` (its model loads off the UI thread now,
        before the first words arrive)."""
        self.live = LiveSegmenter()
        warm_up()
        self.capture.words.connect(self._on_live_words)

    def _add_answer_area(self, root: QVBoxLayout, clocks: Sequence[QLabel]) -> None:
        """Adds what a screen asking a question answered in segments shows while it is answered:
        the question (``question``), the status line (``status``), the warnings (``banner``,
        hidden), the live STAR strip (``strip``), and a row of the screen's clocks with the
        microphone's level (``meter``).

        Args:
            root: the screen's layout.
            clocks: the clock labels, left to right.
        """
        self.question = theme.style_heading(QLabel(), 1.35)
        self.question.setWordWrap(True)
        self.question.setAccessibleName("Question")
        self.question.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        root.addWidget(self.question)
        self.status = QLabel()
        self.status.setAccessibleName("What is happening")
        self.status.setFont(theme.scaled_font(None, 1.1, True))
        root.addWidget(self.status)
        self.banner = QLabel()
        self.banner.setProperty("role", "warn")
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName("Warnings")
        self.banner.hide()
        root.addWidget(self.banner)
        self.strip = StarStrip()
        root.addWidget(self.strip)
        row = QHBoxLayout()
        for clock in clocks:
            clock.setFont(theme.scaled_font(None, 1.15, False))
            row.addWidget(clock)
        row.addStretch(1)
        mic = QLabel("Microphone")
        mic.setProperty("role", "muted")
        row.addWidget(mic)
        self.meter = LevelMeter()
        self.meter.setMaximumWidth(self.meter.sizeHint().width() * 2)
        row.addWidget(self.meter, 1)
        root.addLayout(row)

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

    # -- the keys of a question answered in segments ----------------------------------------------

    def _capture_phase(self) -> str:
        """What the screen asks now: ``answer`` (the question: Space marks its segments),
        ``probe`` (a follow-up), or anything else (nothing to answer)."""
        return ""

    def _start_answering(self) -> bool:
        """Space before an answer: stops the question being spoken, or starts recording after it.

        Returns:
            Whether it did either.
        """
        state = self.capture.state
        if state == "speaking":
            self.capture.skip_speech()
        elif state == "waiting":
            self.capture.start_recording()
        else:
            return False
        return True

    def next_segment(self) -> None:
        """Space: starts answering, or moves to the next STAR segment of the answer."""
        if self._start_answering():
            return
        if (self.capture.state == "recording" and self._capture_phase() == "answer"
                and len(self.capture.marks) < len(SEGMENT_LABELS) - 1):
            self.capture.mark()
            if self.transcript is not None:
                self.transcript.set_marks(self.capture.marks)
            self._tick()  # type: ignore[attr-defined]

    def done(self) -> None:
        """Enter: ends the answer (or the follow-up answer)."""
        if self.capture.state in ("recording", "paused"):
            self.capture.finish()

    def repeat_question(self) -> None:
        """R: speaks the question (or the follow-up) again."""
        if self._capture_phase() in ("answer", "probe"):
            self.capture.repeat_question()

    def toggle_pause(self) -> None:
        """P: pauses or resumes recording."""
        if self.capture.state == "recording":
            self.capture.pause()
        elif self.capture.state == "paused":
            self.capture.resume()

    def _refresh_answer_keys(self) -> None:
        """Labels and enables the buttons ``next``, ``done``, ``pause`` and ``repeat`` for the
        capture's state in the screen's phase."""
        state, phase = self.capture.state, self._capture_phase()
        self._label("next", "Start answering (Space)" if state in ("speaking", "waiting")
                    else "Next segment (Space)")
        self.buttons["next"].setEnabled(state in ("speaking", "waiting") or (
            state == "recording" and phase == "answer"))
        self.buttons["done"].setEnabled(state in ("recording", "paused"))
        self._label("pause", "Resume (P)" if state == "paused" else "Pause (P)")
        self.buttons["pause"].setEnabled(state in ("recording", "paused"))
        self.buttons["repeat"].setEnabled(phase in ("answer", "probe") and state != "finishing")

    def _label(self, name: str, text: str) -> None:
        """Sets a button's text (only when it changes)."""
        if self.buttons[name].text() != text:
            self.buttons[name].setText(text)

    # -- following the capture --------------------------------------------------------------------

    def _on_state(self, state: str) -> None:
        """The capture's state changed: saves the attempt as the microphone opens, runs the clock
        while recording, and redraws the status."""
        if state == "starting":
            self._recording_starts()
        if state == "recording":
            self.timer.start()
        elif state in ("paused", "finishing", "idle"):
            self.timer.stop()
            self._tick()  # type: ignore[attr-defined]
        self._update_status()  # type: ignore[attr-defined]

    def _recording_starts(self) -> None:
        """The microphone is opening: where the screen saves its attempt, before the first sample
        is written (nothing by default)."""

    def _nothing_said(self, cap: Capture) -> bool:
        """Whether the device failed before anything was said: then there is nothing to analyse,
        the failure is shown and Space tries again (the question stays)."""
        if cap.error and not cap.words and cap.seconds < 1.0:
            self.capture.rearm()
            self._capture_failed(cap.error)
            return True
        return False

    def _on_live_words(self, words: list[Word]) -> None:
        """New words of the main answer: the STAR strip (and the transcript's segment marks until
        the user presses Space) follow the decoder."""
        if self._capture_phase() != "answer":
            return
        live = self.live.add_words(words)
        if not self.capture.marks and self.transcript is not None:
            self.transcript.set_marks(live.boundaries())
        self._tick()  # type: ignore[attr-defined]
