"""The microphone chosen in Settings is no longer there: the system default records instead, and
the user is told once, in words, on the practice screen.

The fallback travels as data (``DeviceChoice`` / ``MicrophoneSource.device_notice``), not through
the log. The real-device tests use the private PulseAudio virtual microphone (tests/pulse.py),
whose only input devices are ``pulse`` and ``default``.
"""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest
from ui_flow_support import InstantSpeaker, close_boxes

from mockinterviewer.audio import devices
from mockinterviewer.audio.devices import DeviceInfo, choose
from mockinterviewer.audio.errors import AudioError
from mockinterviewer.audio.sources import MicrophoneSource

GONE = "Blue Yeti USB Microphone"


def _device(index: int, name: str, default: bool = False) -> DeviceInfo:
    return DeviceInfo(index, name, "ALSA", 1, 0, 48000.0, default, False)


def test_choice_says_when_the_named_device_is_missing() -> None:
    mics = [_device(0, "Built-in Microphone"), _device(1, "USB Headset", default=True)]
    exact = choose("Built-in Microphone", mics, "input")
    assert exact.device.index == 0 and exact.found and not exact.fell_back and exact.notice == ""
    part = choose("headset", mics, "input")  # a part of the name, any case, is still "found"
    assert part.device.index == 1 and not part.fell_back
    default = choose(None, mics, "input")
    assert default.device.index == 1 and not default.fell_back and default.notice == ""
    gone = choose(GONE, mics, "input")
    assert gone.device.index == 1 and gone.fell_back and not gone.found
    assert gone.notice == (f"Your chosen microphone “{GONE}” was not found, so the system default "
                           "“USB Headset” is used. Choose another in Settings.")
    speaker = choose("Old speaker", [_device(3, "HDMI", default=False)], "output")
    assert speaker.notice.startswith("Your chosen speaker “Old speaker” was not found")
    with pytest.raises(AudioError, match="No input device was found"):
        choose(GONE, [], "input")


def test_real_microphone_falls_back_and_reports_it(pulse_audio) -> None:
    """Real PortAudio: the named microphone is absent, the default records, the source says so."""
    source = MicrophoneSource(GONE)
    assert source.device_notice == ""  # nothing is known before it starts
    source.start()
    try:
        got = 0
        for _ in range(50):
            chunk = source.read(0.2)
            got += 0 if chunk is None else len(chunk)
            if got >= 1600:
                break
    finally:
        source.stop()
    assert got >= 1600, "the system default microphone delivered sound"
    assert source.info is not None and source.info.name != GONE
    assert source.device_notice == (f"Your chosen microphone “{GONE}” was not found, so the system "
                                    f"default “{source.info.name}” is used. Choose another in "
                                    "Settings.")
    named = MicrophoneSource(source.info.name)
    named.start()
    named.stop()
    assert named.device_notice == "", "a device that is there brings no notice"


def test_no_empty_recording_is_left_when_no_microphone_exists(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Real PortAudio on a computer that lists no microphone: the session cannot start, says why,
    and leaves no empty 44-byte WAV behind."""
    from mockinterviewer.stt.session import RecordingSession

    monkeypatch.setattr(devices, "list_input_devices", lambda: [])

    class NoEngine:
        model_name, device, load_warning = "none", "cpu", None

        def load(self) -> None:
            pass

        def find_fillers(self, audio, words, offset=0.0) -> list:
            return []

        def transcribe_array(self, audio: np.ndarray, offset: float = 0.0, prompt=None,
                             fast=False, speech_end=None) -> list:
            return []

    path = tmp_path / "recordings" / "answer.wav"
    session = RecordingSession(MicrophoneSource(GONE), path, NoEngine())
    with pytest.raises(AudioError, match="No input device was found"):
        session.run(threading.Event())
    assert not path.exists()


def test_rehearse_screen_tells_the_user_once(
        qtbot, pulse_audio, whisper_tiny, artifacts: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The app as the user runs it (real PortAudio through the virtual microphone, real Whisper):
    Settings name a microphone that was unplugged. Recording starts on the default, and a banner
    says which one is used and what to do; the next answer does not repeat it."""
    from mockinterviewer.content.library import load_library
    from mockinterviewer.settings import Settings
    from mockinterviewer.store import HistoryStore
    from mockinterviewer.ui.capture import answer_capture
    from mockinterviewer.ui.rehearse.rehearse_view import RehearseView
    from mockinterviewer.ui.services import MicrophoneFactory, Services

    monkeypatch.setattr(answer_capture, "_ANNOUNCED", set())
    services = Services(transcriber=whisper_tiny, speaker=InstantSpeaker(),
                        source_factory=MicrophoneFactory(GONE), store=HistoryStore(),
                        library=load_library())
    view = RehearseView(services, Settings(input_device=GONE), max_probes=1)
    qtbot.addWidget(view, before_close_func=close_boxes)
    view.resize(1000, 640)
    view.show()
    scenario = load_library().by_id("customer-obsession")
    view.start(scenario)
    notice = f"Your chosen microphone “{GONE}” was not found, so the system default"
    qtbot.waitUntil(lambda: view.capture.state == "recording", timeout=30000)
    qtbot.waitUntil(lambda: notice in view.banner.text(), timeout=10000)
    assert view.banner.isVisible()
    assert "Choose another in Settings." in view.banner.text()
    assert sum(notice in m for m in view.messages) == 1
    view.grab().save(str(artifacts / "rehearse-microphone-fallback.png"))
    # the next answer records from the same stand-in without repeating the notice
    view.start(scenario)
    qtbot.waitUntil(lambda: view.capture.state == "recording", timeout=30000)
    qtbot.waitUntil(lambda: view.capture.elapsed > 0.3, timeout=10000)
    assert not any(notice in m for m in view.messages)
    view.shutdown()
