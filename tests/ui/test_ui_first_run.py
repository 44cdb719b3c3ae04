"""First run: microphone, model and voice checks, each problem named with what to do."""

from __future__ import annotations

import pytest
from ui_fakes import (
    FakeSpeaker,
    FakeTranscriber,
    dark_palette,
    make_services,
    shoot,
)

from mockinterviewer.audio import devices
from mockinterviewer.audio.devices import DeviceInfo
from mockinterviewer.audio.errors import AudioError
from mockinterviewer.settings import Settings
from mockinterviewer.ui.startup import first_run
from mockinterviewer.ui.startup.first_run import FAIL, OK, WARN, FirstRunDialog


def _mic(name: str = "USB Headset Mic") -> DeviceInfo:
    return DeviceInfo(0, name, "ALSA", 1, 0, 48000.0, True, False)


def test_microphone_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(devices, "list_input_devices", lambda: [])
    c = first_run.check_microphone(Settings())
    assert c.state == FAIL and "No microphone" in c.message and "Connect" in c.todo

    def missing() -> list[DeviceInfo]:
        raise AudioError("The PortAudio sound library is missing ... install libportaudio2")

    monkeypatch.setattr(devices, "list_input_devices", missing)
    c = first_run.check_microphone(Settings())
    assert c.state == FAIL and "PortAudio" in c.message and c.todo
    monkeypatch.setattr(devices, "list_input_devices", lambda: [_mic()])
    c = first_run.check_microphone(Settings(input_device="Old Webcam"))
    assert c.state == WARN and "Old Webcam" in c.message and "USB Headset Mic" in c.message
    c = first_run.check_microphone(Settings())
    assert c.state == OK and c.short == "USB Headset Mic"


def test_model_checks(tmp_path) -> None:
    assert first_run.check_model(Settings(), None).state == FAIL
    t = FakeTranscriber()
    t.load()
    c = first_run.check_model(Settings(), t)
    assert c.state == OK and "loaded" in c.message
    from mockinterviewer.stt import models

    if models.is_available("tiny.en"):
        assert first_run.check_model(Settings(), FakeTranscriber()).state == OK
    c = first_run.check_model(Settings(model="medium.en"), FakeTranscriber())
    assert c.state == FAIL and "not downloaded" in c.message and "tiny.en" in c.todo
    c = first_run.check_model(Settings(model=str(tmp_path)), FakeTranscriber())
    assert c.state == FAIL and "model.bin" in c.todo


def test_voice_checks() -> None:
    assert first_run.check_voice(None).state == WARN
    assert first_run.check_voice(FakeSpeaker(works=False)).state == WARN
    assert first_run.check_voice(FakeSpeaker()).state == OK

    class Broken(FakeSpeaker):
        def available(self) -> bool:
            raise RuntimeError("engine crashed")

    c = first_run.check_voice(Broken())
    assert c.state == WARN and "engine crashed" in c.message and "espeak-ng" in c.todo


def test_dialog_lists_every_problem_with_what_to_do(qtbot, monkeypatch, artifacts) -> None:
    monkeypatch.setattr(devices, "list_input_devices", lambda: [])
    monkeypatch.setattr(devices, "list_output_devices", lambda: [])
    services = make_services(transcriber=FakeTranscriber(), speaker=FakeSpeaker(works=False))
    dialog = FirstRunDialog(Settings(model="small.en"), services)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.checked, timeout=15000) as sig:
        dialog.run()
    results = sig.args[0]
    assert [c.name for c in results] == ["Microphone", "Speaker", "Speech model", "Voice"]
    states = {c.name: c.state for c in results}
    assert states == {"Microphone": FAIL, "Speaker": WARN, "Speech model": FAIL, "Voice": WARN}
    assert "2 problems" in dialog.status.text()
    from PySide6.QtWidgets import QApplication, QLabel

    QApplication.processEvents()  # the rows are shown once queued layout events ran
    texts = " ".join(lbl.text() for lbl in dialog.findChildren(QLabel) if lbl.isVisible())
    for c in results:
        assert c.message.split()[0] in texts
    assert texts.count("What to do:") == 4
    shoot(dialog, artifacts, "first-run")
    with dark_palette():
        shoot(dialog, artifacts, "first-run-dark")
    with qtbot.waitSignal(dialog.open_settings):
        dialog.settings_button.click()
    assert not dialog.isVisible()


def test_dialog_when_everything_is_ready(qtbot, monkeypatch, artifacts) -> None:
    monkeypatch.setattr(devices, "list_input_devices", lambda: [_mic()])
    monkeypatch.setattr(devices, "resolve_input", lambda name=None: _mic())
    monkeypatch.setattr(devices, "resolve_output",
                        lambda name=None: DeviceInfo(1, "Speakers", "ALSA", 0, 2, 48000.0,
                                                     False, True))
    t = FakeTranscriber()
    t.load()
    dialog = FirstRunDialog(Settings(), make_services(transcriber=t))
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.checked, timeout=15000) as sig:
        dialog.run()
    assert all(c.state == OK for c in sig.args[0])
    assert dialog.status.text() == "Everything is ready."
    shoot(dialog, artifacts, "first-run-ready")
