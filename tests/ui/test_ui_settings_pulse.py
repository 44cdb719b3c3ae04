"""Settings and the set-up check on real PortAudio devices (private PulseAudio virtual microphone
and speaker): the test recording hears espeak-ng speech played into the microphone, and the test
sound is heard on the speaker."""

from __future__ import annotations

from pathlib import Path

import pytest
from pulse import espeak_wav
from ui_fakes import make_services

from mockinterviewer.audio.level import measure
from mockinterviewer.audio.player import Player
from mockinterviewer.audio.recorder import read_wav
from mockinterviewer.settings import Settings
from mockinterviewer.ui.services import MicrophoneFactory
from mockinterviewer.ui.settings.settings_view import SettingsView
from mockinterviewer.ui.startup import first_run

pytestmark = [pytest.mark.slow, pytest.mark.pulse]


def _loud_seconds(path: Path) -> float:
    audio, rate = read_wav(path)
    block = rate // 10
    return sum(measure(audio[i:i + block]).rms_db > -45
               for i in range(0, len(audio) - block, block)) / 10


def test_test_recording_on_the_real_microphone(qtbot, pulse_audio, tmp_path) -> None:
    view = SettingsView(Settings(), make_services(source_factory=MicrophoneFactory(None)))
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.devices_listed, timeout=15000):
        view.refresh_devices()
    assert view.input_combo.findData("pulse") > 0
    view.input_combo.setCurrentIndex(view.input_combo.findData("pulse"))
    wav = espeak_wav("Testing my microphone, one two three, can you hear me clearly?",
                     tmp_path / "speech.wav")
    levels: list[float] = []
    view.audio.level.connect(lambda rms, _pk: levels.append(rms))
    # as a user would: press the button, then speak once the meter shows the mic is open
    with qtbot.waitSignal(view.recorded, timeout=30000) as sig:
        with qtbot.waitSignal(view.audio.level, timeout=15000):
            view.test_button.click()
        proc = pulse_audio.play_into_mic(wav)
    proc.wait(timeout=30)
    peak, voiced = sig.args
    assert voiced, peak
    assert view.meter.updates >= 10 and max(levels) > -35
    assert "hears you" in view.test_result.text()


def test_test_sound_is_heard_on_the_real_speaker(qtbot, pulse_audio) -> None:
    player = Player(None)
    view = SettingsView(Settings(), make_services(player=player))
    qtbot.addWidget(view)
    with pulse_audio.listen() as heard:
        view.sound_button.click()
        qtbot.waitUntil(lambda: player.is_playing, timeout=10000)
        assert player.wait(10)
    assert _loud_seconds(heard.path) >= 0.3


def test_set_up_check_finds_the_real_devices(pulse_audio) -> None:
    mic = first_run.check_microphone(Settings(input_device="pulse"))
    assert mic.state == first_run.OK and "pulse" in mic.message
    assert first_run.check_speaker(Settings()).state == first_run.OK


def test_speak_a_sample_with_the_real_voice(qtbot, pulse_audio) -> None:
    from mockinterviewer.tts import Pyttsx3Speaker

    speaker = Pyttsx3Speaker(rate=220)
    if not speaker.available():
        pytest.skip("no text-to-speech engine here")
    view = SettingsView(Settings(), make_services(speaker=speaker))
    qtbot.addWidget(view)
    view.rate_spin.setValue(220)
    with pulse_audio.listen() as heard, qtbot.waitSignal(view.sample_spoken,
                                                         timeout=60000) as sig:
        view.sample_button.click()
    assert sig.args == [""]
    assert _loud_seconds(heard.path) >= 1.0
