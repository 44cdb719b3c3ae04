"""Settings: saved to settings.json, test recording through the real file audio source and the
workers layer, model download progress and failure, local model folder, voice sample."""

from __future__ import annotations

import json
import threading

import numpy as np
import pytest
from PySide6.QtCore import Qt
from ui_fakes import (
    FakeSpeaker,
    dark_palette,
    make_services,
    shoot,
    tone_source_factory,
)

from mockinterviewer.audio import devices
from mockinterviewer.audio.devices import DeviceInfo
from mockinterviewer.audio.errors import AudioError
from mockinterviewer.errors import UserError
from mockinterviewer.paths import app_paths
from mockinterviewer.settings import Settings, load_settings
from mockinterviewer.stt import models
from mockinterviewer.ui import dialogs
from mockinterviewer.ui.main_window import MainWindow
from mockinterviewer.ui.services import MicrophoneFactory
from mockinterviewer.ui.settings.settings_view import SettingsView


def _dev(i: int, name: str, inp: int, out: int, default_in: bool = False) -> DeviceInfo:
    return DeviceInfo(i, name, "ALSA", inp, out, 48000.0, default_in, False)


@pytest.fixture
def fake_devices(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two microphones and one speaker (device listing only; the recording itself is real)."""
    ins = [_dev(0, "USB Headset Mic", 1, 0, True), _dev(1, "Desk Microphone", 2, 0)]
    outs = [_dev(2, "Speakers", 0, 2)]
    monkeypatch.setattr(devices, "list_input_devices", lambda: ins)
    monkeypatch.setattr(devices, "list_output_devices", lambda: outs)


def _close_boxes() -> None:
    for box in dialogs.open_boxes():
        box.done(0)


def test_settings_are_saved_and_used(qtbot, fake_devices, tmp_path, artifacts) -> None:
    w = MainWindow(Settings(), make_services(), load_model=False)
    qtbot.addWidget(w)
    w.resize(1100, 800)
    w.show()
    view = w.settings_view
    with qtbot.waitSignal(view.devices_listed, timeout=10000):
        view.refresh_devices()
    names = [view.input_combo.itemText(i) for i in range(view.input_combo.count())]
    assert names == ["System default", "USB Headset Mic", "Desk Microphone"]
    assert [view.voice_combo.itemText(i) for i in range(view.voice_combo.count())] == [
        "Engine default", "English (UK)", "English (US)"]
    w.show_screen("settings")
    shoot(w, artifacts, "settings")
    with dark_palette():
        shoot(w, artifacts, "settings-dark")
    view.input_combo.setCurrentIndex(view.input_combo.findData("Desk Microphone"))
    view.output_combo.setCurrentIndex(view.output_combo.findData("Speakers"))
    view.voice_combo.setCurrentIndex(view.voice_combo.findData("en-gb"))
    view.rate_spin.setValue(200)
    view.tolerance_spin.setValue(30)
    view.device_combo.setCurrentIndex(view.device_combo.findData("cpu"))
    view.speak_check.setChecked(False)
    view.fillers_check.setChecked(False)
    data = tmp_path / "my-data"
    view.data_edit.setText(str(data))
    view.rate_spin.setFocus()
    with qtbot.waitSignal(view.saved) as sig:
        qtbot.keyClick(view.rate_spin, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = load_settings()
    assert sig.args[0] == saved
    assert (saved.input_device, saved.output_device, saved.voice) == (
        "Desk Microphone", "Speakers", "en-gb")
    assert (saved.speech_rate, saved.tolerance, saved.stt_device) == (200, 0.3, "cpu")
    assert not saved.speak_questions and not saved.capture_fillers
    assert saved.data_dir == str(data) and data.is_dir()
    raw = json.loads(app_paths().settings_file.read_text())
    assert raw["input_device"] == "Desk Microphone"
    # the window uses them: the microphone factory now opens the chosen device
    assert w.settings == saved
    assert isinstance(w.services.source_factory, MicrophoneFactory)
    assert w.services.source_factory.device == "Desk Microphone"
    assert any(b.windowTitle() == "Data folder changed" for b in dialogs.open_boxes())
    _close_boxes()
    # a new window shows the saved choices, even for a microphone that is unplugged now
    w2 = MainWindow(load_settings(), make_services(), load_model=False)
    qtbot.addWidget(w2)
    assert w2.settings_view.input_combo.currentData() == "Desk Microphone"
    assert w2.settings_view.tolerance_spin.value() == 30
    # Cancel changes puts back the saved values
    w2.settings_view.rate_spin.setValue(120)
    w2.settings_view.revert_button.click()
    assert w2.settings_view.rate_spin.value() == 200


def test_unwritable_data_folder_is_refused(qtbot, tmp_path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    view = SettingsView(Settings(), make_services())
    qtbot.addWidget(view)
    view.data_edit.setText(str(blocker / "sub"))
    assert view.save() is False
    box = next(b for b in dialogs.open_boxes() if b.windowTitle() == "Data folder not usable")
    assert "What to do" in box.informativeText()
    assert load_settings().data_dir is None
    _close_boxes()


def test_test_recording_moves_the_meter_and_hears_voice(qtbot) -> None:
    factory = tone_source_factory(seconds=3.0)
    view = SettingsView(Settings(), make_services(source_factory=factory))
    qtbot.addWidget(view)
    view.show()
    main = threading.get_ident()
    levels: list[float] = []
    view.audio.level.connect(lambda rms, _pk: levels.append(rms))
    with qtbot.waitSignal(view.recorded, timeout=20000) as sig:
        view.test_button.click()
        assert view.test_button.text() == "S&top"
    peak, voiced = sig.args
    assert voiced and peak > -20
    assert len(levels) >= 10 and max(levels) > -30 and min(levels) < -40
    assert view.meter.updates >= 10
    assert "hears you" in view.test_result.text()
    assert view.test_button.text() == "&Test recording"
    assert factory.calls == [None] and threading.get_ident() == main


def test_test_recording_of_silence_says_so(qtbot) -> None:
    from mockinterviewer.audio.sources import FileSource

    silent = np.zeros(16000 * 3, dtype=np.float32)
    view = SettingsView(Settings(), make_services(
        source_factory=lambda device=None: FileSource(None, speed=4.0, audio=silent)))
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.recorded, timeout=20000) as sig:
        view.toggle_test_recording()
    assert sig.args[1] is False
    assert "Only silence" in view.test_result.text()


def test_test_recording_without_a_microphone_is_explained(qtbot) -> None:
    def no_mic(device: object = None) -> object:
        raise AudioError("No input device was found. Connect a microphone and try again.")

    view = SettingsView(Settings(), make_services(source_factory=no_mic))
    qtbot.addWidget(view)
    view.toggle_test_recording()
    qtbot.waitUntil(lambda: any(b.windowTitle() == "Test recording failed"
                                for b in dialogs.open_boxes()), timeout=10000)
    box = next(b for b in dialogs.open_boxes() if b.windowTitle() == "Test recording failed")
    assert "No input device" in box.informativeText() and "What to do" in box.informativeText()
    assert view.test_button.isEnabled() and view.test_button.text() == "&Test recording"
    _close_boxes()


def test_model_download_progress_and_failure(qtbot, monkeypatch) -> None:
    view = SettingsView(Settings(), make_services())
    qtbot.addWidget(view)
    view.show()
    view.model_combo.setCurrentIndex(view.model_combo.findData("base.en"))
    assert "Not downloaded" in view.model_status.text() and view.download_button.isEnabled()
    # offline: the download fails with words, nothing is half-installed
    def offline(name, progress=None, root=None):
        raise UserError("Could not download the base.en model (ConnectionError). Check the "
                        "internet connection and try again.")

    monkeypatch.setattr(models, "download", offline)
    with qtbot.waitSignal(view.model_changed, timeout=10000) as sig:
        view.download_button.click()
    assert "Could not download" in sig.args[0]
    assert any(b.windowTitle() == "Download failed" for b in dialogs.open_boxes())
    assert not view.download_bar.isVisible()
    _close_boxes()
    # a download that reports progress ends with the model on disk
    seen: list[int] = []
    view.download_bar.valueChanged.connect(seen.append)

    def fake_download(name, progress=None, root=None):
        target = models.model_dir(name)
        target.mkdir(parents=True)
        for i, f in enumerate(("model.bin", "config.json")):
            (target / f).write_text("{}")
            progress((i + 1) / 2)
        return target

    monkeypatch.setattr(models, "download", fake_download)
    with qtbot.waitSignal(view.model_changed, timeout=10000) as sig:
        view.download_button.click()
    assert sig.args == [""] and 100 in seen and 50 in seen
    assert "On this computer" in view.model_status.text()
    assert not view.download_button.isEnabled()


def test_local_model_folder(qtbot, tmp_path) -> None:
    view = SettingsView(Settings(), make_services())
    qtbot.addWidget(view)
    assert view.use_model_folder(str(tmp_path)) is False
    assert any(b.windowTitle() == "Not a Whisper model" for b in dialogs.open_boxes())
    _close_boxes()
    bundled = models.bundled_model_path()
    if bundled is None:
        pytest.skip("the bundled tiny.en model is not installed")
    assert view.use_model_folder(str(bundled)) is True
    assert view.current().model == str(bundled)
    assert "On this computer" in view.model_status.text()


def test_speak_a_sample(qtbot) -> None:
    speaker = FakeSpeaker()
    view = SettingsView(Settings(), make_services(speaker=speaker))
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.sample_spoken, timeout=10000) as sig:
        view.sample_button.click()
    assert sig.args == [""] and speaker.spoken and "customer" in speaker.spoken[0]
    assert view.sample_button.isEnabled()


def test_controls_have_names_tooltips_and_mnemonics(qtbot) -> None:
    view = SettingsView(Settings(), make_services())
    qtbot.addWidget(view)
    for w in (view.input_combo, view.output_combo, view.model_combo, view.device_combo,
              view.voice_combo, view.rate_spin, view.tolerance_spin, view.data_edit,
              view.test_button, view.meter):
        assert w.accessibleName(), w
        assert w.toolTip(), w
    from PySide6.QtWidgets import QAbstractButton, QLabel

    keys = [b.shortcut().toString() for b in view.findChildren(QAbstractButton)
            if b.shortcut().toString()]
    keys += [lbl.text() for lbl in view.findChildren(QLabel) if lbl.buddy() is not None]
    mnemonics = [k.split("+")[-1] if "+" in k else k[k.index("&") + 1].upper() for k in keys]
    assert len(mnemonics) == len(set(mnemonics)), sorted(mnemonics)
