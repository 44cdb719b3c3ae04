"""Levels, file source and the recording session (file source; real and fake transcribers)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import numpy as np
import pytest
from fake_engines import EchoEngine
from pulse import espeak_wav

from mockinterviewer.audio.errors import AudioError
from mockinterviewer.audio.level import FLOOR_DB, SilenceWatch, VoiceDetector, measure
from mockinterviewer.audio.recorder import read_wav
from mockinterviewer.audio.sources import FileSource, Resampler
from mockinterviewer.stt.scoring import wer
from mockinterviewer.stt.session import SILENT_MIC_WARNING, RecordingSession
from mockinterviewer.transcript import Word

TEXT = "I led the migration to the new billing system and we finished two weeks early."


class FailingSource(FileSource):
    """A device that dies after ``after`` seconds (like an unplugged USB microphone)."""

    def __init__(self, audio: np.ndarray, after: float) -> None:
        super().__init__(None, speed=0, audio=audio)
        self.after = after

    def read(self, timeout: float):
        if self._pos >= self.after * 16000:
            raise AudioError("The microphone stopped working (unplugged or a driver error).")
        return super().read(timeout)


def test_levels() -> None:
    assert measure(np.zeros(100, dtype=np.float32)).rms_db == FLOOR_DB
    full = measure(np.ones(100, dtype=np.float32))
    assert full.rms_db == pytest.approx(0.0) and full.peak_db == pytest.approx(0.0)
    half = measure(np.full(10, 0.5, dtype=np.float32))
    assert half.peak_db == pytest.approx(-6.02, abs=0.01)
    det = VoiceDetector()
    rng = np.random.default_rng(1)
    for _ in range(10):
        assert not det.update(0.001 * rng.standard_normal(1600).astype(np.float32))
    assert det.update(0.3 * rng.standard_normal(1600).astype(np.float32))
    assert det.voiced_seconds == pytest.approx(0.1)


def test_silence_watch_warns_once_within_3_seconds() -> None:
    watch = SilenceWatch()
    hits = [watch.update(np.zeros(1600, dtype=np.float32)) for _ in range(40)]
    assert hits.count(True) == 1 and hits.index(True) < 30
    watch.reset()
    noise = np.random.default_rng(2).standard_normal(1600).astype(np.float32) * 0.01
    assert not any(watch.update(noise) for _ in range(40))


def test_resampler_keeps_length_and_pitch() -> None:
    rate = 44100
    t = np.arange(rate) / rate
    x = np.sin(2 * np.pi * 300 * t).astype(np.float32)
    r = Resampler(rate)
    out = np.concatenate([r.process(x[i : i + 4410]) for i in range(0, rate, 4410)])
    assert abs(len(out) - 16000) <= 2
    spectrum = np.abs(np.fft.rfft(out))
    assert abs(np.argmax(spectrum) * 16000 / len(out) - 300) < 3


def test_file_source_real_time_pacing(tmp_path: Path) -> None:
    src = FileSource(None, speed=2.0, audio=np.zeros(16000, dtype=np.float32))
    src.start()
    t0 = time.monotonic()
    got = 0
    while not src.exhausted:
        chunk = src.read(0.5)
        got += 0 if chunk is None else len(chunk)
    assert got == 16000
    assert 0.4 <= time.monotonic() - t0 <= 1.5


def test_file_source_rejects_non_audio(tmp_path: Path) -> None:
    from mockinterviewer.errors import UserError

    bad = tmp_path / "notes.wav"
    bad.write_text("not audio")
    with pytest.raises(UserError, match="not a readable audio file"):
        FileSource(bad)


def test_device_failure_keeps_the_answer(tmp_path: Path) -> None:
    audio = np.random.default_rng(3).standard_normal(16000 * 3).astype(np.float32) * 0.2
    warnings: list[str] = []
    session = RecordingSession(
        FailingSource(audio, after=1.5),
        tmp_path / "r.wav",
        EchoEngine(),
        on_warning=warnings.append,
    )
    result = session.run(threading.Event())
    assert result.error and "stopped working" in result.error
    kept, _ = read_wav(result.recording_path)
    assert len(kept) == 16000 * 3 // 2
    assert result.transcript.duration == pytest.approx(1.5)
    assert warnings == [result.error]


def test_silent_microphone_warning(tmp_path: Path) -> None:
    warnings: list[str] = []
    levels = []
    session = RecordingSession(
        FileSource(None, speed=0, audio=np.zeros(16000 * 4, dtype=np.float32)),
        tmp_path / "s.wav",
        EchoEngine(),
        on_warning=warnings.append,
        on_level=levels.append,
    )
    result = session.run(threading.Event())
    assert warnings == [SILENT_MIC_WARNING]
    assert result.warnings == (SILENT_MIC_WARNING,)
    assert result.error is None and result.transcript.words == ()
    assert len(levels) == 40


def test_stop_and_pause(tmp_path: Path) -> None:
    audio = np.full(16000 * 2, 0.1, dtype=np.float32)
    stop = threading.Event()
    session = RecordingSession(
        FileSource(None, speed=4, audio=audio), tmp_path / "p.wav", EchoEngine()
    )
    session.pause()
    assert session.paused
    timer = threading.Timer(0.25, session.resume)
    stopper = threading.Timer(0.4, stop.set)
    timer.start()
    stopper.start()
    result = session.run(stop)
    assert 0.0 < result.transcript.duration < 1.2
    assert read_wav(result.recording_path)[0].size == int(result.transcript.duration * 16000)


@pytest.mark.slow
def test_session_with_real_whisper(whisper_tiny, tmp_path: Path) -> None:
    wav = espeak_wav(TEXT, tmp_path / "a.wav")
    live: list[list[Word]] = []
    session = RecordingSession(
        FileSource(wav, speed=0), tmp_path / "rec.wav", whisper_tiny, on_words=live.append
    )
    result = session.run(threading.Event())
    assert result.error is None and result.overflows == 0
    assert wer(TEXT, result.transcript.words) < 0.25, result.transcript.text
    # fed at full speed, the file is over before most passes run: live words (provisional, for
    # the live view) may be few, but they arrive in time order and never twice
    starts = [w.start for batch in live for w in batch]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    assert result.tail_latency >= 0
    original, _ = read_wav(wav)
    recorded, _ = read_wav(result.recording_path)
    assert len(recorded) == len(original)


def test_silent_microphone_warning_clears_once_voice_is_heard(tmp_path: Path) -> None:
    rate = 16000
    t = np.arange(3 * rate) / rate
    voice = (0.3 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)
    audio = np.concatenate([np.zeros(4 * rate, dtype=np.float32), voice])
    events: list[tuple[str, str, float]] = []
    session = RecordingSession(
        FileSource(None, speed=0, audio=audio),
        tmp_path / "c.wav",
        EchoEngine(),
        on_warning=lambda m: events.append(("warn", m, session.elapsed)),
        on_warning_cleared=lambda m: events.append(("clear", m, session.elapsed)),
    )
    result = session.run(threading.Event())
    assert [(kind, m) for kind, m, _s in events] == [("warn", SILENT_MIC_WARNING),
                                                       ("clear", SILENT_MIC_WARNING)]
    assert events[1][2] <= 4.2, "cleared at the first voiced chunk"
    assert result.warnings == (), "a warning that cleared is not kept with the answer"


def test_silence_watch_says_when_voice_follows_the_warning() -> None:
    watch = SilenceWatch()
    for _ in range(30):
        watch.update(np.zeros(1600, dtype=np.float32))
    assert watch.warned and not watch.recovered
    watch.update(np.full(1600, 0.2, dtype=np.float32))
    assert watch.recovered


def test_a_device_failure_is_recorded_as_a_cut(tmp_path: Path) -> None:
    audio = np.random.default_rng(4).standard_normal(16000 * 3).astype(np.float32) * 0.2
    result = RecordingSession(FailingSource(audio, after=1.5), tmp_path / "f.wav",
                              EchoEngine()).run(threading.Event())
    assert result.cut_short is not None
    assert result.cut_short.reason == "microphone"
    assert result.cut_short.seconds == pytest.approx(1.5)
    assert "stopped working" in result.cut_short.detail


def test_an_answer_the_user_ended_is_not_cut(tmp_path: Path) -> None:
    audio = np.full(16000, 0.1, dtype=np.float32)
    result = RecordingSession(FileSource(None, speed=0, audio=audio), tmp_path / "w.wav",
                              EchoEngine()).run(threading.Event())
    assert result.error is None and result.cut_short is None


def test_a_full_disk_is_recorded_as_a_cut(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import os

    from mockinterviewer.audio import recorder as recorder_mod

    path = tmp_path / "d.wav"
    real_write = os.write
    written = [0]

    def filling(fd: int, data: bytes) -> int:
        if written[0] >= 2 * 16000 * 2:  # two seconds of 16-bit audio, then the disk is full
            raise OSError(errno.ENOSPC, "No space left on device")
        n = real_write(fd, data)
        written[0] += n
        return n

    monkeypatch.setattr(recorder_mod.os, "write", filling)
    audio = np.full(16000 * 4, 0.1, dtype=np.float32)
    result = RecordingSession(FileSource(None, speed=0, audio=audio), path,
                              EchoEngine()).run(threading.Event())
    monkeypatch.undo()
    assert result.cut_short is not None and result.cut_short.reason == "disk"
    assert result.cut_short.seconds == pytest.approx(2.0, abs=0.11)
    assert "disk is full" in result.cut_short.detail
