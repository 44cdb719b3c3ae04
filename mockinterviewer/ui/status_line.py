"""The readiness line in the status bar: microphone, speech model and voice.

It runs the checks from :mod:`mockinterviewer.ui.startup.first_run` and loads the speech model,
all through the workers layer, and shows each result as a coloured mark with a few words (the
full message and what to do are in the tooltip and the accessible description).
"""

from __future__ import annotations

import html
import logging
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from mockinterviewer.settings import Settings
from mockinterviewer.ui import theme
from mockinterviewer.ui.startup import first_run
from mockinterviewer.ui.startup.first_run import FAIL, OK, WARN, Check

log = logging.getLogger(__name__)

_GLYPH = {OK: "●", WARN: "▲", FAIL: "✘"}


class StatusLine(QWidget):
    """Three labels: microphone, speech model, voice.

    Signals:
        model_loaded: (ok, message) when loading the model ended; message is "" on success.
        readiness_changed: the microphone and voice checks finished.
    """

    model_loaded = Signal(bool, str)
    readiness_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(18)
        self.mic = QLabel("Microphone: checking…")
        self.model = QLabel("Speech model: waiting…")
        self.voice = QLabel("Voice: checking…")
        for w in (self.mic, self.model, self.voice):
            w.setAccessibleName(w.text().split(":")[0] + " status")
            lay.addWidget(w)
        lay.addStretch(1)
        self.model_ready = False
        self._loading: Any = None

    def show_check(self, label: QLabel, check: Check) -> None:
        """Shows one check's result on a label."""
        c = theme.colors(self.palette())
        color = {OK: c.good, WARN: c.warn, FAIL: c.bad}[check.state]
        label.setText(f"<span style='color:{color}'>{_GLYPH[check.state]}</span> "
                      f"{html.escape(check.name)}: {html.escape(check.short or check.message)}")
        detail = f"{check.message} {check.todo}".strip()
        label.setToolTip(detail)
        label.setAccessibleDescription(detail)

    def refresh(self, settings: Settings, speaker: Any, transcriber: Any) -> None:
        """Checks the microphone and voice in the background; shows the model's state now."""
        from mockinterviewer.workers.jobs import run_job

        run_job(lambda _p: (first_run.check_microphone(settings), first_run.check_voice(speaker)),
                self._checked, lambda m: log.warning("readiness check failed: %s", m),
                name="checking the microphone and voice")
        if self.model_ready or transcriber is None:
            self.show_check(self.model, first_run.check_model(settings, transcriber))

    def _checked(self, checks: tuple[Check, Check]) -> None:
        self.show_check(self.mic, checks[0])
        self.show_check(self.voice, checks[1])
        self.readiness_changed.emit()

    def load_model(self, settings: Settings, transcriber: Any) -> None:
        """Loads the speech model once, in the background; ``model_loaded`` reports the end."""
        from mockinterviewer.workers.jobs import run_job

        if transcriber is None:
            self.model_ready = False
            self.show_check(self.model, first_run.check_model(settings, transcriber))
            return
        self.model_ready = False
        self._loading = transcriber
        self.model.setText(f"Speech model: loading {settings.model}…")
        run_job(lambda _p: transcriber.load(), lambda _r: self._loaded(settings, transcriber),
                lambda m: self._failed(transcriber, m), name="loading the speech model")

    def _loaded(self, settings: Settings, transcriber: Any) -> None:
        if transcriber is not self._loading:
            return  # a newer model was asked for meanwhile
        self.model_ready = True
        self.show_check(self.model, first_run.check_model(settings, transcriber))
        self.model_loaded.emit(True, "")

    def _failed(self, transcriber: Any, message: str) -> None:
        if transcriber is not self._loading:
            return
        self.model_ready = False
        self.show_check(self.model, Check("Speech model", FAIL, message, "", "not loaded"))
        self.model_loaded.emit(False, message)
