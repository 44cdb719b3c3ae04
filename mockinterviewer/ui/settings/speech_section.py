"""Settings, speech recognition part: the Whisper model (named, downloaded on request with
progress, or a local folder), the compute device and filler capture.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QThreadPool, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QWidget,
)

from mockinterviewer.settings import Settings
from mockinterviewer.stt import models
from mockinterviewer.ui import dialogs, theme

log = logging.getLogger(__name__)


def settings_combo(name: str, tip: str) -> QComboBox:
    """A combo box for a settings form, with a name, a tooltip and a modest minimum width."""
    c = QComboBox()
    c.setAccessibleName(name)
    c.setToolTip(tip)
    c.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    c.setMinimumContentsLength(24)
    return c


def buddy(text: str, widget: QWidget) -> QLabel:
    """A form label whose mnemonic focuses ``widget``."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label


class ModelSettings(QGroupBox):
    """The speech-recognition group of the Settings screen.

    Signals:
        model_changed: "" after a download finished, else the failure message.
    """

    model_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Speech recognition (Whisper)", parent)
        self._download_pool: QThreadPool | None = None
        self._build()

    def load(self, settings: Settings) -> None:
        """Shows these settings."""
        if self.model_combo.findData(settings.model) < 0:
            self.model_combo.addItem(Path(settings.model).name + " (folder)", settings.model)
        self.model_combo.setCurrentIndex(self.model_combo.findData(settings.model))
        self.device_combo.setCurrentIndex(max(0, self.device_combo.findData(settings.stt_device)))
        self.fillers_check.setChecked(settings.capture_fillers)
        self._update_model_status()

    def values(self) -> dict[str, Any]:
        """The chosen values, as Settings fields."""
        return {"model": str(self.model_combo.currentData()),
                "stt_device": str(self.device_combo.currentData()),
                "capture_fillers": self.fillers_check.isChecked()}

    def _build(self) -> None:
        form = QFormLayout(self)
        self.model_combo = settings_combo("Whisper model", "Larger models are more accurate and "
                                       "slower; tiny.en comes with the app")
        for name in models.MODEL_CHOICES:
            self.model_combo.addItem(name, name)
        self.folder_button = QPushButton("&Local folder…")
        self.folder_button.setToolTip("Use a CTranslate2 Whisper model folder on this computer")
        self.folder_button.clicked.connect(self.choose_model_folder)
        row = QHBoxLayout()
        row.addWidget(self.model_combo, 1)
        row.addWidget(self.folder_button)
        form.addRow(buddy("M&odel:", self.model_combo), row)
        self.model_status = QLabel()
        self.model_status.setWordWrap(True)
        self.download_button = QPushButton("Do&wnload")
        self.download_button.setToolTip("Download the chosen model (needs the internet once)")
        self.download_button.clicked.connect(self.download_model)
        self.download_bar = QProgressBar()
        self.download_bar.setRange(0, 100)
        self.download_bar.setAccessibleName("Download progress")
        self.download_bar.hide()
        row2 = QHBoxLayout()
        row2.addWidget(self.model_status, 1)
        row2.addWidget(self.download_bar)
        row2.addWidget(self.download_button)
        form.addRow("", row2)
        self.device_combo = settings_combo("Compute device", "auto uses the GPU when CUDA works, "
                                        "else the CPU")
        for d, text in (("auto", "Automatic"), ("cpu", "CPU"), ("cuda", "GPU (CUDA)")):
            self.device_combo.addItem(text, d)
        form.addRow(buddy("R&un on:", self.device_combo), self.device_combo)
        self.fillers_check = QCheckBox("Catch “um” and “uh” (filler words)")
        self.fillers_check.setToolTip("Makes filler counts accurate at a small cost in speed")
        form.addRow("", self.fillers_check)
        self.model_combo.currentIndexChanged.connect(lambda _i: self._update_model_status())

    def _update_model_status(self) -> None:
        name = str(self.model_combo.currentData() or "")
        c = theme.colors(self.palette())
        if models.is_available(name):
            self.model_status.setText(f"<span style='color:{c.good}'>✔</span> On this computer.")
            self.download_button.setEnabled(False)
        elif name in models.MODEL_CHOICES:
            self.model_status.setText(f"<span style='color:{c.warn}'>!</span> Not downloaded "
                                      "yet: press Download (needs the internet once).")
            self.download_button.setEnabled(True)
        else:
            self.model_status.setText(f"<span style='color:{c.bad}'>✘</span> No model found in "
                                      "this folder (needs model.bin and config.json).")
            self.download_button.setEnabled(False)

    def choose_model_folder(self) -> None:
        """Lets the user pick a local CTranslate2 model folder."""
        folder = QFileDialog.getExistingDirectory(self, "Choose a Whisper model folder")
        if folder:
            self.use_model_folder(folder)

    def use_model_folder(self, folder: str) -> bool:
        """Selects a local model folder; explains when it holds no model."""
        if not models.is_model_folder(Path(folder)):
            dialogs.show_error(self, "Not a Whisper model",
                               f"{folder} does not hold a CTranslate2 Whisper model "
                               "(model.bin and config.json).",
                               "Choose the folder that contains model.bin, or pick a named model.")
            return False
        if self.model_combo.findData(folder) < 0:
            self.model_combo.addItem(Path(folder).name + " (folder)", folder)
        self.model_combo.setCurrentIndex(self.model_combo.findData(folder))
        return True

    def download_model(self) -> None:
        """Downloads the chosen model in the background, with progress."""
        from mockinterviewer.workers.jobs import run_job

        name = str(self.model_combo.currentData())
        self.download_button.setEnabled(False)
        self.download_bar.setValue(0)
        self.download_bar.show()
        self.model_status.setText(f"Downloading {name}…")
        if self._download_pool is None:  # its own thread: a long download never blocks others
            self._download_pool = QThreadPool(self)
            self._download_pool.setMaxThreadCount(1)
        run_job(lambda p: models.download(name, p), lambda _path: self._downloaded(),
                self._download_failed, lambda v: self.download_bar.setValue(round(v * 100)),
                name=f"downloading {name}", pool=self._download_pool)

    def _downloaded(self) -> None:
        self.download_bar.hide()
        self._update_model_status()
        self.model_changed.emit("")

    def _download_failed(self, message: str) -> None:
        self.download_bar.hide()
        self._update_model_status()
        dialogs.show_error(self, "Download failed", message,
                           "tiny.en works offline and is always available.")
        self.model_changed.emit(message)
