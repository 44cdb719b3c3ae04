"""Settings, sound part: microphone and speaker choice, a test recording with a live level meter,
and a test sound.

Listing devices and recording run through the workers layer: the recording job reads the audio
source on a pool thread and sends each chunk's level to the meter through a Qt signal.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton

from mockinterviewer.settings import Settings
from mockinterviewer.ui import dialogs
from mockinterviewer.ui.services import Services
from mockinterviewer.ui.settings.speech_section import buddy, settings_combo
from mockinterviewer.ui.widgets.level_meter import LevelMeter

log = logging.getLogger(__name__)

TEST_SECONDS = 3.0
DEFAULT_DEVICE = "System default"


class _Levels(QObject):
    """Carries meter levels from the recording job to the UI thread."""

    level = Signal(float, float)


def select_data(combo: QComboBox, value: str | None) -> None:
    """Selects the item holding ``value``, adding it (marked not connected) when missing."""
    if value and combo.findData(value) < 0:
        combo.addItem(f"{value} (not connected)", value)
    combo.setCurrentIndex(max(0, combo.findData(value) if value else 0))


def record_levels(source: Any, stop: threading.Event, on_level: Any,
                  progress: Any) -> tuple[float, bool]:
    """Reads an audio source for up to ``TEST_SECONDS``, reporting each chunk's level.

    Args:
        source: an audio source (not started).
        stop: set to end early.
        on_level: called with (rms_db, peak_db) per chunk.
        progress: called with 0..1.

    Returns:
        (loudest peak in dBFS, whether voice was heard).
    """
    from mockinterviewer.audio.level import VoiceDetector, measure

    detector = VoiceDetector()
    peak, voiced = -100.0, False
    source.start()
    t0 = time.monotonic()
    got = 0.0
    try:
        while not stop.is_set() and got < TEST_SECONDS:
            chunk = source.read(0.5)
            if chunk is None:
                if getattr(source, "exhausted", False) or time.monotonic() - t0 > TEST_SECONDS + 3:
                    break
                continue
            got += len(chunk) / source.sample_rate
            lv = measure(chunk)
            peak = max(peak, lv.peak_db)
            voiced = detector.update(chunk, source.sample_rate) or voiced
            on_level(lv.rms_db, lv.peak_db)
            progress(got / TEST_SECONDS)
    finally:
        source.stop()
    return peak, voiced


class AudioSettings(QGroupBox):
    """The microphone and speaker group of the Settings screen.

    Signals:
        recorded: (peak_db, heard_voice) when a test recording ends.
        devices_listed: the device lists were refreshed.
        level: (rms_db, peak_db) of each chunk of a test recording.
    """

    recorded = Signal(float, bool)
    devices_listed = Signal()
    level = Signal(float, float)

    def __init__(self, settings: Settings, services: Services) -> None:
        super().__init__("Microphone and speaker")
        self.settings = settings
        self.services = services
        self._stop = threading.Event()
        self._recording = False
        self._levels = _Levels()
        self._levels.level.connect(self._on_level)
        form = QFormLayout(self)
        self.input_combo = settings_combo("Input device", "The microphone to record your answers")
        refresh = QPushButton("R&efresh")
        refresh.setToolTip("List the sound devices again (after plugging one in)")
        refresh.clicked.connect(self.refresh_devices)
        row = QHBoxLayout()
        row.addWidget(self.input_combo, 1)
        row.addWidget(refresh)
        form.addRow(buddy("&Microphone:", self.input_combo), row)
        self.test_button = QPushButton("&Test recording")
        self.test_button.setToolTip(f"Record {TEST_SECONDS:.0f} seconds and show the level: "
                                    "speak and watch the meter move")
        self.test_button.setAccessibleName("Test recording")
        self.test_button.clicked.connect(self.toggle_test_recording)
        self.meter = LevelMeter()
        self.meter.setAccessibleName("Microphone level")
        self.meter.setToolTip("How loud the microphone hears you")
        row2 = QHBoxLayout()
        row2.addWidget(self.test_button)
        row2.addWidget(self.meter, 1)
        form.addRow("", row2)
        self.test_result = QLabel("Speak after pressing Test recording.")
        self.test_result.setWordWrap(True)
        self.test_result.setProperty("role", "muted")
        form.addRow("", self.test_result)
        self.output_combo = settings_combo("Output device", "Where questions and cues are played")
        self.sound_button = QPushButton("Play a test sou&nd")
        self.sound_button.setToolTip("Play the chime that marks a segment's target time")
        self.sound_button.clicked.connect(self.play_test_sound)
        row3 = QHBoxLayout()
        row3.addWidget(self.output_combo, 1)
        row3.addWidget(self.sound_button)
        form.addRow(buddy("S&peaker:", self.output_combo), row3)

    def load(self, settings: Settings) -> None:
        """Shows these settings."""
        self.settings = settings
        select_data(self.input_combo, settings.input_device)
        select_data(self.output_combo, settings.output_device)

    def values(self) -> dict[str, Any]:
        """The chosen values, as Settings fields."""
        return {"input_device": self.input_combo.currentData() or None,
                "output_device": self.output_combo.currentData() or None}

    # -- devices ----------------------------------------------------------------------------------

    def refresh_devices(self) -> None:
        """Lists the sound devices in the background."""
        from mockinterviewer.workers.jobs import run_job

        def work(_p: Any) -> tuple[list[str], list[str], str]:
            from mockinterviewer.audio import devices

            try:
                return ([d.name for d in devices.list_input_devices()],
                        [d.name for d in devices.list_output_devices()], "")
            except Exception as exc:  # noqa: BLE001 - AudioError has the words
                return [], [], str(exc)

        run_job(work, self._listed, self._list_failed, name="listing sound devices")

    def _listed(self, result: tuple[list[str], list[str], str]) -> None:
        ins, outs, problem = result
        for combo, names, chosen in ((self.input_combo, ins, self.settings.input_device),
                                     (self.output_combo, outs, self.settings.output_device)):
            keep = combo.currentData() or chosen
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(DEFAULT_DEVICE, None)
            for n in names:
                combo.addItem(n, n)
            combo.blockSignals(False)
            select_data(combo, keep)
        if problem:
            self.test_result.setText(problem)
        elif not ins:
            self.test_result.setText("No microphone found: connect one and press Refresh.")
        self.devices_listed.emit()

    def _list_failed(self, message: str) -> None:
        self.test_result.setText(message)
        self.devices_listed.emit()

    # -- test recording ---------------------------------------------------------------------------

    def toggle_test_recording(self) -> None:
        """Starts a short test recording, or stops the running one."""
        if self._recording:
            self._stop.set()
            return
        from mockinterviewer.workers.jobs import run_job

        device = self.input_combo.currentData() or None
        factory = self.services.source_factory
        emit = self._levels.level.emit
        stop = threading.Event()
        self._stop = stop
        self._recording = True
        self.test_button.setText("S&top")
        self.test_result.setText("Recording… speak now.")
        run_job(lambda progress: record_levels(factory(device), stop, emit, progress),
                self._test_done, self._test_failed, name="the test recording")

    def stop_test_recording(self) -> None:
        """Ends a running test recording early (e.g. when the screen is left)."""
        self._stop.set()

    def _on_level(self, rms_db: float, peak_db: float) -> None:
        self.meter.set_level(rms_db, peak_db)
        self.level.emit(rms_db, peak_db)

    def _test_done(self, result: tuple[float, bool]) -> None:
        peak, voiced = result
        self._recording = False
        self.test_button.setText("&Test recording")
        self.meter.reset()
        if voiced:
            self.test_result.setText(f"The microphone hears you (loudest {peak:.0f} dB).")
        elif peak > -60:
            self.test_result.setText(f"Some sound was heard (loudest {peak:.0f} dB) but no clear "
                                     "speech. Move closer to the microphone or raise its volume.")
        else:
            self.test_result.setText("Only silence was heard. Check that the microphone is not "
                                     "muted and that the right one is chosen above.")
        self.recorded.emit(peak, voiced)

    def _test_failed(self, message: str) -> None:
        self._recording = False
        self.test_button.setText("&Test recording")
        self.test_result.setText(message)
        dialogs.show_error(self, "Test recording failed", message,
                           "Choose another microphone above, or connect one and press Refresh.")

    # -- test sound -------------------------------------------------------------------------------

    def play_test_sound(self) -> None:
        """Plays a cue on the output device so the user can hear it works."""
        from mockinterviewer.ui.capture.audio_out import play_cue

        if not play_cue(self.services.player, "target", self._sound_failed):
            self._sound_failed("No sound output is available.")

    def _sound_failed(self, message: str) -> None:
        dialogs.show_error(self, "No sound", message,
                           "Choose another speaker above, or connect speakers or headphones.")
