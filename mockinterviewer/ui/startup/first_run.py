"""First run: checks the microphone, the speech model and the voice, naming every problem.

The checks themselves are plain functions (no Qt) that the status bar reuses; the dialog runs
them off the UI thread through the workers layer and shows each result with what to do.
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mockinterviewer.settings import Settings
from mockinterviewer.ui import theme
from mockinterviewer.ui.services import Services

log = logging.getLogger(__name__)

OK, WARN, FAIL = "ok", "warn", "fail"


@dataclass(frozen=True)
class Check:
    """The outcome of one readiness check.

    Attributes:
        name: Microphone, Speech model, Voice or Speaker.
        state: ``ok``, ``warn`` (works, with a caveat) or ``fail``.
        message: what was found.
        todo: what to do about it ("" when nothing).
        short: a few words for the status bar ("" to use ``message``).
    """

    name: str
    state: str
    message: str
    todo: str = ""
    short: str = ""

    @property
    def ok(self) -> bool:
        """True unless the check failed."""
        return self.state != FAIL


def check_microphone(settings: Settings) -> Check:
    """Checks that an input device exists (and the chosen one is connected)."""
    from mockinterviewer.audio.devices import list_input_devices, resolve_input

    try:
        devices = list_input_devices()
        if not devices:
            return Check("Microphone", FAIL, "No microphone was found.",
                         "Connect a microphone or headset, then press Check again.",
                         "none found")
        device = resolve_input(settings.input_device)
    except Exception as exc:
        log.info("microphone check failed", exc_info=True)
        return Check("Microphone", FAIL, str(exc),
                     "Fix the sound set-up, then press Check again.", "unavailable")
    if settings.input_device and device.name != settings.input_device:
        return Check("Microphone", WARN,
                     f"Your chosen microphone “{settings.input_device}” is not connected; "
                     f"“{device.name}” is used instead.",
                     "Plug it in, or choose another microphone in Settings.", device.name)
    return Check("Microphone", OK, f"Using “{device.name}”.",
                 "Make a test recording in Settings to see the level meter move.", device.name)


def check_model(settings: Settings, transcriber: Any) -> Check:
    """Checks that the chosen speech model is loaded or can be loaded offline."""
    from mockinterviewer.stt import models

    if transcriber is None:
        return Check("Speech model", FAIL, "The speech recogniser could not be started.",
                     "Reinstall the app (make setup); the log file has the details.",
                     "unavailable")
    warning = transcriber.load_warning
    if transcriber.loaded:
        device = transcriber.device
        if warning:
            return Check("Speech model", WARN, f"{settings.model} is loaded on the {device}. "
                         f"{warning}", "Choose the CPU in Settings to hide this note.",
                         f"{settings.model} on {device}")
        return Check("Speech model", OK, f"{settings.model} is loaded on the {device}.", "",
                     f"{settings.model} ready ({device})")
    if models.is_available(settings.model):
        return Check("Speech model", OK, f"{settings.model} is on this computer and loads in "
                     "the background.", "", f"{settings.model} on disk")
    if settings.model in models.MODEL_CHOICES:
        return Check("Speech model", FAIL, f"The model {settings.model} is not downloaded.",
                     "Download it in Settings (needs the internet once), or choose tiny.en, "
                     "which comes with the app.", "not downloaded")
    return Check("Speech model", FAIL, f"No Whisper model was found in {settings.model}.",
                 "Choose a folder holding model.bin and config.json in Settings, or tiny.en.",
                 "not found")


def check_voice(speaker: Any) -> Check:
    """Checks that a text-to-speech voice can speak the questions."""
    if speaker is None:
        return Check("Voice", WARN, "No text-to-speech engine is available, so questions are "
                     "shown as text only.",
                     "Install a voice (on Debian/Ubuntu: sudo apt install espeak-ng), then "
                     "restart the app.", "off (text only)")
    try:
        available = speaker.available()
    except Exception as exc:
        log.info("voice check failed", exc_info=True)
        available, detail = False, f" ({exc})"
    else:
        detail = ""
    if not available:
        return Check("Voice", WARN, f"The text-to-speech engine does not work{detail}; "
                     "questions are shown as text only.",
                     "Install espeak-ng (sudo apt install espeak-ng) and restart the app.",
                     "off (text only)")
    return Check("Voice", OK, "Questions will be read aloud.",
                 "Choose the voice and speed in Settings.", "ready")


def check_speaker(settings: Settings) -> Check:
    """Checks that an output device exists for the spoken questions and cues."""
    from mockinterviewer.audio.devices import resolve_output

    try:
        device = resolve_output(settings.output_device)
    except Exception as exc:  # noqa: BLE001
        return Check("Speaker", WARN, f"{exc}".strip(),
                     "Questions are still shown as text; connect speakers or headphones to "
                     "hear them.")
    return Check("Speaker", OK, f"Using “{device.name}”.")


def run_checks(settings: Settings, services: Services) -> list[Check]:
    """Runs every check (slow parts included: call it off the UI thread)."""
    return [
        check_microphone(settings),
        check_speaker(settings),
        check_model(settings, services.transcriber),
        check_voice(services.speaker),
    ]


_GLYPH = {OK: "✔", WARN: "!", FAIL: "✘"}
_ROLE = {OK: "good", WARN: "warn", FAIL: "bad"}


class FirstRunDialog(QDialog):
    """Shows the set-up checks, each with what was found and what to do.

    Signals:
        open_settings: the user wants to fix something in Settings.
        checked: the checks finished (the list of :class:`Check`).
    """

    open_settings = Signal()
    checked = Signal(list)

    def __init__(self, settings: Settings, services: Services,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.services = services
        self.results: list[Check] = []
        self.setWindowTitle("Set-up check")
        self.setAccessibleName("Set-up check")
        lay = QVBoxLayout(self)
        title = theme.style_heading(QLabel("Welcome to Mock Interviewer"), 1.5)
        lay.addWidget(title)
        intro = QLabel("Before your first practice, the app checks that it can hear you, "
                       "understand you and speak to you. Anything that needs fixing is listed "
                       "with what to do.")
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(2, 1)
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(10)
        lay.addLayout(self.grid)
        self.status = QLabel("Checking…")
        self.status.setProperty("role", "muted")
        lay.addWidget(self.status)
        lay.addStretch(1)
        buttons = QDialogButtonBox()
        self.again_button = QPushButton("&Check again")
        self.again_button.setToolTip("Run the checks again after fixing something")
        self.settings_button = QPushButton("Open &Settings")
        self.settings_button.setToolTip("Choose devices, model and voice")
        self.start_button = QPushButton("&Start practising")
        self.start_button.setDefault(True)
        buttons.addButton(self.again_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.settings_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.again_button.clicked.connect(self.run)
        self.settings_button.clicked.connect(self._to_settings)
        self.start_button.clicked.connect(self.accept)
        lay.addWidget(buttons)
        self.resize(640, 420)

    def _to_settings(self) -> None:
        self.open_settings.emit()
        self.accept()

    def run(self) -> None:
        """Runs the checks in the background; :attr:`checked` fires with the results."""
        from mockinterviewer.workers.jobs import run_job

        self.again_button.setEnabled(False)
        self.status.setText("Checking…")
        settings, services = self.settings, self.services
        run_job(lambda _p: run_checks(settings, services), self._show, self._failed,
                name="the set-up check")

    def _failed(self, message: str) -> None:
        self.again_button.setEnabled(True)
        self.status.setText(message)

    def _show(self, results: list[Check]) -> None:
        self.results = list(results)
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for row, c in enumerate(self.results):
            glyph = QLabel(_GLYPH[c.state])
            glyph.setProperty("role", _ROLE[c.state])
            glyph.setFont(theme.scaled_font(None, 1.3, True))
            glyph.setAccessibleName(f"{c.name}: {c.state}")
            name = QLabel(f"<b>{html.escape(c.name)}</b>")
            text = f"{html.escape(c.message)}"
            if c.todo:
                prefix = "What to do: " if c.state != OK else ""
                text += f"<br><i>{prefix}{html.escape(c.todo)}</i>"
            body = QLabel(text)
            body.setWordWrap(True)
            body.setTextFormat(Qt.TextFormat.RichText)
            body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.grid.addWidget(glyph, row, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(name, row, 1, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(body, row, 2)
        problems = [c for c in self.results if c.state == FAIL]
        self.status.setText(
            "Everything is ready." if not problems else
            f"{len(problems)} problem{'s' if len(problems) > 1 else ''} to fix before recording."
        )
        self.again_button.setEnabled(True)
        self.checked.emit(self.results)
