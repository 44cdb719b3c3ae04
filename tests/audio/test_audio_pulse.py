"""Real PortAudio streams through a private PulseAudio virtual microphone and speaker."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import numpy as np
import pytest
from fake_engines import EchoEngine as _EchoEngine
from pulse import espeak_wav

from mockinterviewer.audio.devices import list_input_devices, list_output_devices, resolve_input
from mockinterviewer.audio.level import measure
from mockinterviewer.audio.player import Player
from mockinterviewer.audio.recorder import read_wav
from mockinterviewer.audio.sources import MicrophoneSource
from mockinterviewer.stt.scoring import wer
from mockinterviewer.stt.session import RecordingSession
from mockinterviewer.tts import Pyttsx3Speaker

pytestmark = [pytest.mark.slow, pytest.mark.pulse]

ANSWER = "The customer asked for a refund, so I called her back the same afternoon."


def _loud_seconds(path: Path) -> float:
    audio, rate = read_wav(path)
    block = rate // 10
    loud = [measure(audio[i : i + block]).rms_db > -40 for i in range(0, len(audio) - block, block)]
    return sum(loud) / 10


def test_devices_are_listed(pulse_audio) -> None:
    inputs = list_input_devices()
    assert any(d.name == "pulse" for d in inputs)
    assert any(d.name == "pulse" for d in list_output_devices())
    chosen = resolve_input("pulse")
    assert chosen.name == "pulse" and chosen.max_input_channels > 0


def test_microphone_session_records_and_transcribes(pulse_audio, whisper_tiny, tmp_path) -> None:
    wav = espeak_wav(ANSWER, tmp_path / "answer.wav")
    source = MicrophoneSource("pulse")
    stop = threading.Event()
    words: list = []
    session = RecordingSession(source, tmp_path / "rec.wav", whisper_tiny, on_words=words.extend)
    results: list = []
    runner = threading.Thread(target=lambda: results.append(session.run(stop)))
    runner.start()
    time.sleep(0.5)
    pulse_audio.play_into_mic(wav, wait=True)
    time.sleep(1.0)
    stop.set()
    runner.join(timeout=60)
    assert results, "session did not finish"
    result = results[0]
    assert result.error is None
    assert result.overflows == 0
    assert wer(ANSWER, result.transcript.words) < 0.3, result.transcript.text
    duration = read_wav(wav)[0].size / 16000
    assert _loud_seconds(result.recording_path) >= 0.6 * (duration - 0.6)
    assert result.transcript.duration >= duration


def test_speaker_is_heard_on_the_virtual_speaker(pulse_audio) -> None:
    speaker = Pyttsx3Speaker(output_device="pulse")
    assert speaker.available()
    with pulse_audio.listen() as heard:
        speaker.speak("Tell me about a time you disagreed with your manager.")
        assert speaker.wait(30)
        time.sleep(0.3)
    assert speaker.error is None
    assert _loud_seconds(heard.path) >= 1.0


def _pitches(path: Path) -> list[int]:
    """The dominant frequency (Hz, to 10 Hz) of each loud tenth of a second heard."""
    audio, rate = read_wav(path)
    block = rate // 10
    out = []
    for i in range(0, len(audio) - block, block):
        part = audio[i : i + block]
        if measure(part).rms_db > -40:
            spectrum = np.abs(np.fft.rfft(part * np.hanning(block)))
            out.append(int(round(np.argmax(spectrum) * rate / block, -1)))
    return out


def test_player_plays_from_a_timestamp_and_stops(pulse_audio, tmp_path: Path) -> None:
    """Each second of the file has its own pitch, so what is heard shows where playing began
    (not only how long it lasted)."""
    rate = 16000
    t = np.arange(rate) / rate
    seconds = [440, 660, 880]  # second 0, 1 and 2 of the file
    tone = np.concatenate([0.5 * np.sin(2 * np.pi * f * t) for f in seconds]).astype(np.float32)
    from mockinterviewer.audio.recorder import WavRecorder

    path = tmp_path / "tone.wav"
    with WavRecorder(path) as rec:
        rec.write(tone)
    player = Player("pulse")
    with pulse_audio.listen() as heard:
        player.play_file(path, start=2.0)
        assert player.is_playing
        assert player.wait(10)
        time.sleep(0.3)
    # the position counts the seconds played since play began (the replay adds the start)
    assert abs(player.position - 1.0) < 0.05, player.position
    pitches = _pitches(heard.path)
    # only the last second's pitch: playing began at 2.0 s, not before (none of 440 or 660 Hz)
    assert pitches and set(pitches) == {880}, pitches
    assert 0.6 <= len(pitches) / 10 <= 1.4
    with pulse_audio.listen() as heard2:
        player.play_file(path)
        # stop on the player's own clock (seconds played), not after a wall-clock sleep
        deadline = time.monotonic() + 20
        while player.position < 1.5 and player.is_playing and time.monotonic() < deadline:
            time.sleep(0.01)
        player.stop()
        assert not player.is_playing
        stopped_at = player.position
        assert 1.5 <= stopped_at < 3.0, stopped_at  # stopped before the end, kept after stopping
        time.sleep(0.8)
        assert player.position == stopped_at, "nothing more was played after stop"
    pitches = _pitches(heard2.path)
    # the first second sounds (behind the sink's start-up delay, about 1.3 s on the virtual
    # speaker); a second's pitch sounds only if it began before playing stopped
    played = {f for i, f in enumerate(seconds) if i < stopped_at}
    assert pitches and 440 in pitches and set(pitches) <= played, (pitches, stopped_at)





def test_device_failure_mid_answer_keeps_the_answer(pulse_audio, tmp_path: Path) -> None:
    """The sound server dies mid-answer (like an unplugged USB mic): what was said is kept."""
    import os
    import shutil
    import signal
    import tempfile

    from pulse import PulseAudio, _reinit_portaudio

    root = Path(tempfile.mkdtemp(prefix="mi-pulse2-"))
    private = PulseAudio(root)
    private.start()
    os.environ["XDG_RUNTIME_DIR"] = str(private.runtime)
    _reinit_portaudio()
    try:
        source = MicrophoneSource("pulse")
        warnings: list[str] = []
        session = RecordingSession(
            source, tmp_path / "cut.wav", _EchoEngine(), on_warning=warnings.append
        )
        results: list = []
        runner = threading.Thread(target=lambda: results.append(session.run(threading.Event())))
        runner.start()
        deadline = time.monotonic() + 20
        while session.elapsed < 1.0 and time.monotonic() < deadline:
            time.sleep(0.05)
        pid = int((private.runtime / "pulse" / "pid").read_text())
        os.kill(pid, signal.SIGKILL)
        runner.join(timeout=30)
        assert results, "the session did not end after the device died"
        result = results[0]
        assert result.error and "stopped" in result.error
        assert warnings and warnings[-1] == result.error
        kept, _ = read_wav(result.recording_path)
        assert len(kept) / 16000 >= 1.0
        assert result.transcript.duration == pytest.approx(len(kept) / 16000)
    finally:
        private.stop()
        os.environ["XDG_RUNTIME_DIR"] = str(pulse_audio.runtime)
        _reinit_portaudio()
        shutil.rmtree(root, ignore_errors=True)
