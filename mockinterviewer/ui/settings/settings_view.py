"""Settings: devices (with a test recording and level meter), speech model, voice, timing, data.

The sound and speech-recognition groups live in :mod:`settings_audio` and :mod:`settings_model`;
this screen adds the voice and practice groups, and saves everything with ``save_settings``.
Everything slow (listing devices and voices, recording, downloading, speaking a sample) runs
through the workers layer.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mockinterviewer.paths import app_paths
from mockinterviewer.settings import Settings, save_settings
from mockinterviewer.ui import dialogs, theme
from mockinterviewer.ui.services import Services
from mockinterviewer.ui.settings.audio_section import AudioSettings, select_data
from mockinterviewer.ui.settings.speech_section import ModelSettings, buddy, settings_combo

log = logging.getLogger(__name__)

SAMPLE_TEXT = "Tell me about a time you went out of your way to fix something for a customer."


def voice_items(voices: Any) -> list[tuple[str, str]]:
    """Turns whatever the engine lists (Voice objects, pairs or names) into (id, name) pairs."""
    out = []
    for v in voices or []:
        if isinstance(v, str):
            out.append((v, v))
        elif isinstance(v, tuple | list) and v:
            out.append((str(v[0]), str(v[-1])))
        else:
            vid = str(getattr(v, "id", v))
            out.append((vid, str(getattr(v, "name", vid))))
    return out


class SettingsView(QWidget):
    """The settings screen.

    Signals:
        saved: the new settings after they were written to disk.
        recorded: (peak_db, heard_voice) when a test recording ends.
        sample_spoken: "" when the voice sample played, else the problem.
        devices_listed: the device and voice lists were refreshed.
        model_changed: the model status was updated after a download (or its failure).
    """

    saved = Signal(object)
    recorded = Signal(float, bool)
    sample_spoken = Signal(str)
    devices_listed = Signal()
    model_changed = Signal(str)

    def __init__(self, settings: Settings, services: Services,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.services = services
        self._pending = 0
        self.audio = AudioSettings(settings, services)
        self.model = ModelSettings()
        a, m = self.audio, self.model
        self.input_combo, self.output_combo, self.meter = a.input_combo, a.output_combo, a.meter
        self.test_button, self.test_result, self.sound_button = (a.test_button, a.test_result,
                                                                 a.sound_button)
        self.model_combo, self.model_status, self.device_combo = (m.model_combo, m.model_status,
                                                                  m.device_combo)
        self.download_button, self.download_bar, self.fillers_check = (
            m.download_button, m.download_bar, m.fillers_check)
        a.recorded.connect(self.recorded)
        a.devices_listed.connect(self._one_listed)
        m.model_changed.connect(self.model_changed)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(24, 16, 24, 16)
        lay.addWidget(theme.style_heading(QLabel("Settings"), 1.6))
        for group in (a, m, self._voice_group(), self._practice_group()):
            lay.addWidget(group)
        lay.addStretch(1)
        scroll.setWidget(page)
        outer.addWidget(scroll, 1)
        bar = QHBoxLayout()
        bar.setContentsMargins(24, 4, 24, 12)
        self.note = QLabel()
        self.note.setProperty("role", "muted")
        self.note.setWordWrap(True)
        bar.addWidget(self.note, 1)
        self.revert_button = QPushButton("&Cancel changes")
        self.revert_button.setToolTip("Put back the saved settings (undo changes not yet saved)")
        self.revert_button.clicked.connect(lambda: self.load(self.settings))
        self.save_button = QPushButton("&Save")
        self.save_button.setProperty("primary", "true")
        self.save_button.setToolTip("Save the settings (Ctrl+S)")
        self.save_button.clicked.connect(self.save)
        bar.addWidget(self.revert_button)
        bar.addWidget(self.save_button)
        outer.addLayout(bar)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.load(settings)
        self.refresh_devices()

    # -- groups -----------------------------------------------------------------------------------

    def _voice_group(self) -> QGroupBox:
        box = QGroupBox("Interviewer voice")
        form = QFormLayout(box)
        self.voice_combo = settings_combo("Voice", "The voice that reads the questions")
        form.addRow(buddy("&Voice:", self.voice_combo), self.voice_combo)
        self.rate_spin = QSpinBox()
        self.rate_spin.setRange(80, 320)
        self.rate_spin.setSingleStep(10)
        self.rate_spin.setSuffix(" words per minute")
        self.rate_spin.setAccessibleName("Speaking rate")
        self.rate_spin.setToolTip("How fast the questions are read")
        self.sample_button = QPushButton("Spea&k a sample")
        self.sample_button.setToolTip("Hear the voice at this rate")
        self.sample_button.clicked.connect(self.speak_sample)
        row = QHBoxLayout()
        row.addWidget(self.rate_spin, 1)
        row.addWidget(self.sample_button)
        form.addRow(buddy("R&ate:", self.rate_spin), row)
        self.speak_check = QCheckBox("Read questions aloud (else show them only)")
        form.addRow("", self.speak_check)
        self.voice_status = QLabel()
        self.voice_status.setWordWrap(True)
        self.voice_status.setProperty("role", "muted")
        self.voice_status.hide()
        form.addRow("", self.voice_status)
        return box

    def _practice_group(self) -> QGroupBox:
        box = QGroupBox("Practice and data")
        form = QFormLayout(box)
        self.tolerance_spin = QSpinBox()
        self.tolerance_spin.setRange(5, 60)
        self.tolerance_spin.setSingleStep(5)
        self.tolerance_spin.setPrefix("± ")
        self.tolerance_spin.setSuffix(" %")
        self.tolerance_spin.setAccessibleName("Segment tolerance")
        self.tolerance_spin.setToolTip("How far from a segment's target still counts as on time")
        form.addRow(buddy("Segment tole&rance:", self.tolerance_spin), self.tolerance_spin)
        self.data_edit = QLineEdit()
        self.data_edit.setAccessibleName("Data folder")
        self.data_edit.setPlaceholderText(str(app_paths().data))
        self.data_edit.setToolTip("Where history and recordings are kept (empty: the default)")
        browse = QPushButton("&Browse…")
        browse.setToolTip("Choose the data folder")
        browse.clicked.connect(self.choose_data_folder)
        row = QHBoxLayout()
        row.addWidget(self.data_edit, 1)
        row.addWidget(browse)
        form.addRow(buddy("&Data folder:", self.data_edit), row)
        return box

    # -- load and save ----------------------------------------------------------------------------

    def load(self, settings: Settings) -> None:
        """Shows these settings in the form."""
        self.settings = settings
        self.audio.load(settings)
        self.model.load(settings)
        select_data(self.voice_combo, settings.voice)
        self.rate_spin.setValue(settings.speech_rate)
        self.speak_check.setChecked(settings.speak_questions)
        self.tolerance_spin.setValue(round(settings.tolerance * 100))
        self.data_edit.setText(settings.data_dir or "")
        self.note.setText("")

    def current(self) -> Settings:
        """The settings as the form shows them (not yet saved)."""
        data = self.data_edit.text().strip()
        return self.settings.with_changes(
            **self.audio.values(),
            **self.model.values(),
            voice=self.voice_combo.currentData() or None,
            speech_rate=self.rate_spin.value(),
            speak_questions=self.speak_check.isChecked(),
            tolerance=self.tolerance_spin.value() / 100.0,
            data_dir=data or None,
        )

    def save(self) -> bool:
        """Validates and writes the settings; returns whether they were saved."""
        new = self.current()
        if new.data_dir:
            folder = Path(new.data_dir).expanduser()
            try:
                folder.mkdir(parents=True, exist_ok=True)
                probe = folder / ".write-test"
                probe.write_text("", encoding="utf-8")
                probe.unlink()
            except OSError as exc:
                dialogs.show_error(self, "Data folder not usable",
                                   f"The folder {folder} cannot be written ({exc.strerror}).",
                                   "Choose another folder, or leave it empty for the default.")
                return False
        try:
            save_settings(new)
        except OSError as exc:
            dialogs.show_error(self, "Settings not saved",
                               f"The settings file could not be written ({exc.strerror}).",
                               f"Check that {app_paths().config} is writable and try again.")
            return False
        self.settings = new
        self.audio.settings = new
        self.note.setText("Saved.")
        self.saved.emit(new)
        return True

    def set_services(self, services: Services) -> None:
        """Uses new engines (after the settings changed)."""
        self.services = services
        self.audio.services = services

    # -- delegated actions ------------------------------------------------------------------------

    def toggle_test_recording(self) -> None:
        """Starts or stops the test recording."""
        self.audio.toggle_test_recording()

    def play_test_sound(self) -> None:
        """Plays the test sound on the chosen speaker."""
        self.audio.play_test_sound()

    def use_model_folder(self, folder: str) -> bool:
        """Selects a local model folder (False, with a message, when it holds no model)."""
        return self.model.use_model_folder(folder)

    def download_model(self) -> None:
        """Downloads the chosen model in the background."""
        self.model.download_model()

    # -- devices and voices -----------------------------------------------------------------------

    def refresh_devices(self) -> None:
        """Lists devices and voices in the background; ``devices_listed`` follows."""
        from mockinterviewer.workers.jobs import run_job

        self._pending = 2
        self.audio.refresh_devices()
        speaker = self.services.speaker

        def work(_p: Any) -> list[tuple[str, str]]:
            if speaker is None:
                return []
            try:
                return voice_items(speaker.voices())
            except Exception:
                log.info("listing voices failed", exc_info=True)
                return []

        run_job(work, self._voices_listed, lambda _m: self._voices_listed([]),
                name="listing voices")

    def _voices_listed(self, voices: list[tuple[str, str]]) -> None:
        keep = self.voice_combo.currentData() or self.settings.voice
        self.voice_combo.clear()
        self.voice_combo.addItem("Engine default", None)
        for vid, name in voices:
            self.voice_combo.addItem(name, vid)
        select_data(self.voice_combo, keep)
        if self.services.speaker is None:
            self._set_voice_status("No text-to-speech engine: questions are shown as text. "
                                   "Install espeak-ng to hear them.")
        self._one_listed()

    def _one_listed(self) -> None:
        self._pending -= 1
        if self._pending <= 0:
            self.devices_listed.emit()

    # -- voice ----------------------------------------------------------------------------------

    def speak_sample(self) -> None:
        """Speaks a sample sentence with the chosen voice, rate and speaker, in the background."""
        from mockinterviewer.workers.jobs import run_job

        speaker = self.services.speaker
        if speaker is None:
            dialogs.show_error(self, "No voice", "No text-to-speech engine is available, so "
                               "questions are shown as text.",
                               "Install espeak-ng (sudo apt install espeak-ng) and restart.")
            return
        voice, rate = self.voice_combo.currentData(), self.rate_spin.value()
        output = self.output_combo.currentData() or None

        def work(_p: Any) -> None:
            from mockinterviewer.errors import UserError
            from mockinterviewer.tts import Pyttsx3Speaker

            sp = speaker
            if isinstance(speaker, Pyttsx3Speaker):  # try the unsaved choices
                sp = Pyttsx3Speaker(voice=voice, rate=rate, output_device=output)
            sp.speak(SAMPLE_TEXT)
            if not sp.wait(60):
                sp.stop()
                raise UserError("The sample took too long to play and was stopped.")
            if sp.error:
                raise UserError(str(sp.error))

        self.sample_button.setEnabled(False)
        self._set_voice_status("Speaking…")
        run_job(work, lambda _r: self._spoken(""), self._spoken, name="speaking a sample")

    def _set_voice_status(self, text: str) -> None:
        self.voice_status.setText(text)
        self.voice_status.setVisible(bool(text))

    def _spoken(self, problem: str) -> None:
        self.sample_button.setEnabled(True)
        self._set_voice_status(problem)
        self.sample_spoken.emit(problem)
        if problem:
            dialogs.show_error(self, "The voice did not work", problem,
                               "Questions are still shown as text. Try another voice.")

    # -- data folder ------------------------------------------------------------------------------

    def choose_data_folder(self) -> None:
        """Lets the user pick the data folder."""
        folder = QFileDialog.getExistingDirectory(self, "Choose the data folder",
                                                  self.data_edit.text() or str(app_paths().data))
        if folder:
            self.data_edit.setText(folder)

    def hideEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        """Stops a running test recording when the screen is left."""
        self.audio.stop_test_recording()
        super().hideEvent(event)
