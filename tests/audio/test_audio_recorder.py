"""Crash-safe recordings: header kept current, 0600, SIGKILL mid-answer, full disk."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
import wave
from pathlib import Path

import numpy as np
import pytest

from mockinterviewer.audio import recorder as recorder_mod
from mockinterviewer.audio.errors import AudioError
from mockinterviewer.audio.recorder import WavRecorder, read_wav

ROOT = Path(__file__).resolve().parents[2]


def _tone(seconds: float, rate: int = 16000) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (0.5 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)


def test_round_trip_and_private_mode(tmp_path: Path) -> None:
    path = tmp_path / "rec" / "a.wav"
    audio = _tone(1.05)
    with WavRecorder(path) as rec:
        for i in range(0, len(audio), 1600):
            rec.write(audio[i : i + 1600])
        assert rec.seconds == pytest.approx(1.05)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    back, rate = read_wav(path)
    assert rate == 16000 and len(back) == len(audio)
    assert np.max(np.abs(back - audio)) < 1e-3
    with wave.open(str(path)) as w:  # a standard reader agrees
        assert (w.getnframes(), w.getframerate(), w.getsampwidth()) == (len(audio), 16000, 2)


def test_header_is_current_while_recording(tmp_path: Path) -> None:
    path = tmp_path / "b.wav"
    rec = WavRecorder(path)
    rec.write(_tone(0.3))
    with wave.open(str(path)) as w:  # still open for writing, yet playable
        assert w.getnframes() == int(0.3 * 16000)
    rec.close()
    rec.close()  # idempotent
    with pytest.raises(AudioError):
        rec.write(_tone(0.1))


def test_read_wav_rejects_non_wav(tmp_path: Path) -> None:
    bad = tmp_path / "x.wav"
    bad.write_text("hello")
    with pytest.raises(AudioError, match="not a WAV"):
        read_wav(bad)


def test_read_wav_reads_unfinalized_file(tmp_path: Path) -> None:
    path = tmp_path / "c.wav"
    rec = WavRecorder(path)
    rec.write(_tone(0.5))
    os.pwrite(rec._fd, b"\0\0\0\0", 40)  # as if killed before the first header update
    rec._fd, fd = None, rec._fd
    os.close(fd)
    back, _ = read_wav(path)
    assert len(back) == 8000


_CHILD = textwrap.dedent(
    """
    import sys, time
    import numpy as np
    from mockinterviewer.audio.recorder import WavRecorder
    rec = WavRecorder(sys.argv[1])
    t = np.arange(1600) / 16000
    chunk = (0.5 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)
    while True:
        rec.write(chunk)
        print(f"{rec.seconds:.3f}", flush=True)
        time.sleep(0.1)
    """
)


def test_sigkill_mid_answer_leaves_playable_file(tmp_path: Path) -> None:
    path = tmp_path / "killed.wav"
    proc = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    reported = 0.0
    assert proc.stdout is not None
    while reported < 1.5:
        line = proc.stdout.readline()
        assert line, "recorder child died"
        reported = float(line)
    time.sleep(0.25)  # kill at an arbitrary point between writes
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    killed_at = reported + 0.25
    with wave.open(str(path)) as w:  # the header says how much is there: a normal player works
        frames = w.getnframes()
    assert frames > 0
    assert killed_at - frames / 16000 <= 0.5
    back, rate = read_wav(path)
    assert rate == 16000 and len(back) >= frames


def test_full_disk_keeps_what_was_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "full.wav"
    rec = WavRecorder(path)
    rec.write(_tone(0.5))
    real_write = os.write

    def full(fd: int, data: bytes) -> int:
        if fd == rec._fd:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(recorder_mod.os, "write", full)
    with pytest.raises(AudioError, match="disk is full.*0.5 s were kept"):
        rec.write(_tone(0.5))
    monkeypatch.undo()
    assert rec.closed
    back, _ = read_wav(path)
    assert len(back) == 8000


_LIMITED = textwrap.dedent(
    """
    import resource, signal, sys
    import numpy as np
    from mockinterviewer.audio.errors import AudioError
    from mockinterviewer.audio.recorder import WavRecorder
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (20000, 20000))
    rec = WavRecorder(sys.argv[1])
    try:
        for _ in range(100):
            rec.write(np.full(1600, 0.25, dtype=np.float32))
    except AudioError as exc:
        print("stopped:", exc)
    """
)


def test_real_file_size_limit_stops_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "limited.wav"
    out = subprocess.run(
        [sys.executable, "-c", _LIMITED, str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert "stopped: Recording stopped" in out.stdout, out.stderr
    assert path.stat().st_size <= 20000
    with wave.open(str(path)) as w:
        assert w.getnframes() == (path.stat().st_size - 44) // 2 > 0


def test_new_recording_path_is_private_and_unique(private_home: Path) -> None:
    from mockinterviewer.audio.recorder import new_recording_path

    a = new_recording_path("customer obsession/1")
    WavRecorder(a).close()
    b = new_recording_path("customer obsession/1")
    assert a != b and a.parent == b.parent
    assert a.parent.is_relative_to(private_home)
    assert "/" not in a.name and a.name.startswith("customer-obsession-1-")
    assert stat.S_IMODE(a.parent.stat().st_mode) == 0o700
