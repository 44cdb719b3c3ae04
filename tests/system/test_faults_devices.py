"""Sound hardware faults, injected at the ``sounddevice`` (PortAudio) boundary, and a full disk
while recording: the user gets a message in words, and what was recorded so far is kept.

Real-device versions live in test_audio_pulse.py (the sound server killed mid-answer) and the
GUI's handling in test_ui_rehearse_faults.py / test_ui_settings.py; here a fake ``sounddevice``
module stands in for PortAudio so that each failure mode can be produced exactly.
"""

from __future__ import annotations

import errno
import os
import threading
from pathlib import Path

import numpy as np
import pytest
from fake_devices import (
    EchoEngine,
    FakeSoundDevice,
    _import_fails,
    _session,
    _speechlike,
    install,
)

from mockinterviewer.audio import recorder as recorder_mod
from mockinterviewer.audio import sources
from mockinterviewer.audio.errors import AudioError
from mockinterviewer.audio.player import Player
from mockinterviewer.audio.recorder import read_wav
from mockinterviewer.audio.sources import FileSource, MicrophoneSource
from mockinterviewer.stt.session import RecordingSession

RATE = 16000
BLOCK = RATE // 10


@pytest.mark.parametrize("exc, todo", [
    (OSError("PortAudio library not found"), "libportaudio2"),
    (ModuleNotFoundError("No module named 'sounddevice'"), "Reinstall"),
], ids=["portaudio-missing", "sounddevice-missing"])
def test_missing_sound_library_is_explained(exc: BaseException, todo: str, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    _import_fails(monkeypatch, exc)
    session, _ = _session(tmp_path, MicrophoneSource())
    with pytest.raises(AudioError, match=f"PortAudio sound library is missing.*{todo}.*audio "
                       "files"):
        session.run(threading.Event())
    with pytest.raises(AudioError, match="PortAudio sound library is missing"):
        Player().play_array(np.zeros(RATE, dtype=np.float32), RATE)
    assert not (tmp_path / "answer.wav").exists(), "no empty recording is left behind"


def test_no_input_device_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    install(monkeypatch, FakeSoundDevice(inputs=0, outputs=1))
    session, _ = _session(tmp_path, MicrophoneSource())
    with pytest.raises(AudioError, match="No input device was found. Connect a microphone"):
        session.run(threading.Event())
    assert not (tmp_path / "answer.wav").exists(), "no empty recording is left behind"


def test_microphone_that_refuses_to_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sd = install(monkeypatch, FakeSoundDevice(refuse_open=True))
    session, _ = _session(tmp_path, MicrophoneSource())
    with pytest.raises(AudioError, match="Could not open the microphone 'Fake USB mic'.*another "
                       "program.*Settings"):
        session.run(threading.Event())
    assert sd.streams and sd.streams[0].active is False
    assert list(tmp_path.iterdir()) == [], "no empty 44-byte recording is left behind"


def test_a_start_failure_never_removes_a_file_holding_samples(tmp_path: Path) -> None:
    """Only the header-only WAV of a failed start is removed: if anything wrote samples into the
    file (here: the source itself, before failing), the file stays."""
    path = tmp_path / "answer.wav"

    class WritesThenFails(FileSource):
        def start(self) -> None:
            with path.open("ab") as fh:
                fh.write(b"\x01\x00" * 800)
            raise AudioError("the device failed while starting")

    session = RecordingSession(WritesThenFails(None, audio=np.zeros(RATE, np.float32)), path,
                               EchoEngine())
    with pytest.raises(AudioError, match="failed while starting"):
        session.run(threading.Event())
    assert path.stat().st_size == 44 + 1600


@pytest.mark.parametrize("then, message", [
    ("unplugged", "The microphone stopped working (unplugged or a driver error). What you said "
                  "until then was kept."),
    ("hang", "The microphone stopped sending sound. What you said until then was kept; check the "
             "microphone and try again."),
])
def test_microphone_failing_mid_answer_keeps_the_answer(then: str, message: str, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    sd = install(monkeypatch, FakeSoundDevice(blocks=15, then=then))
    monkeypatch.setattr(sources, "_STALL_SECONDS", 0.5)
    session, warnings = _session(tmp_path, MicrophoneSource())
    result = session.run(threading.Event())  # ends by itself: the device failed
    assert result.error == message and warnings == [message]
    kept, rate = read_wav(result.recording_path)
    assert rate == RATE and len(kept) == 15 * BLOCK, "every captured block is on disk"
    assert result.transcript.duration == pytest.approx(1.5)
    assert result.transcript.words, "the answer so far is transcribed (and so can be analysed)"
    assert sd.streams[0].closed


def test_no_output_device(monkeypatch: pytest.MonkeyPatch) -> None:
    install(monkeypatch, FakeSoundDevice(inputs=1, outputs=0))
    with pytest.raises(AudioError, match="No output device was found. Connect a speaker or "
                       "headphones"):
        Player().play_array(np.zeros(RATE, dtype=np.float32), RATE)


def test_output_device_that_refuses_to_open(monkeypatch: pytest.MonkeyPatch) -> None:
    install(monkeypatch, FakeSoundDevice(refuse_open=True))
    player = Player()
    with pytest.raises(AudioError, match="Could not play sound on 'Fake speaker'.*another output"):
        player.play_array(np.zeros(RATE, dtype=np.float32), RATE)
    assert not player.is_playing


def test_disk_full_while_recording_keeps_what_was_written(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills up 1.0 s into a 3 s answer: recording stops cleanly, 1.0 s is kept and
    transcribed, and the user is told why and what to do."""
    path = tmp_path / "answer.wav"
    real_write = os.write
    written = {"bytes": 0}

    def filling(fd: int, data: bytes) -> int:
        if os.readlink(f"/proc/self/fd/{fd}") == str(path):
            if written["bytes"] + len(data) > 44 + 2 * RATE:
                raise OSError(errno.ENOSPC, "No space left on device")
            written["bytes"] += len(data)
        return real_write(fd, data)

    monkeypatch.setattr(recorder_mod.os, "write", filling)
    warnings: list[str] = []
    session = RecordingSession(FileSource(None, speed=0, audio=_speechlike(3.0)), path,
                               EchoEngine(), on_warning=warnings.append)
    result = session.run(threading.Event())
    monkeypatch.undo()
    assert result.error == (f"Recording stopped because the disk is full. The first 1.0 s were "
                            f"kept in {path}. Free some space and record again.")
    assert warnings == [result.error]
    kept, _ = read_wav(path)
    assert len(kept) == RATE
    assert result.transcript.duration == pytest.approx(1.0) and result.transcript.words


def test_chosen_microphone_gone_falls_back_to_the_default(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The microphone chosen in Settings was unplugged between sessions: the answer is recorded
    from the system default instead of failing (``device_notice`` says which, for the UI)."""
    install(monkeypatch, FakeSoundDevice(blocks=5, then="unplugged"))
    source = MicrophoneSource("Blue Yeti")
    session, _ = _session(tmp_path, source)
    result = session.run(threading.Event())
    assert source.info is not None and source.info.name == "Fake USB mic"
    assert source.choice is not None and source.choice.fell_back
    assert source.device_notice == ("Your chosen microphone “Blue Yeti” was not found, so the "
                                    "system default “Fake USB mic” is used. Choose another in "
                                    "Settings.")
    assert read_wav(result.recording_path)[0].size == 5 * BLOCK
