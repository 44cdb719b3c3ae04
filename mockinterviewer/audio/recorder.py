"""Crash-safe WAV recordings.

:class:`WavRecorder` writes 16-bit PCM straight to the file descriptor (no user-space buffer) and
rewrites the RIFF/data sizes in the header after every chunk, so a killed process leaves a
valid, playable WAV that lacks at most the chunk being written (0.1 s by default, well under the
0.5 s promise). Files are created readable by the user only (0600).
"""

from __future__ import annotations

import errno
import logging
import os
import struct
from pathlib import Path

import numpy as np

from mockinterviewer.audio.errors import AudioError
from mockinterviewer.paths import ensure

log = logging.getLogger(__name__)

HEADER_BYTES = 44
_MAX_DATA = 0xFFFFFFFF - HEADER_BYTES


def _header(sample_rate: int, channels: int, data_bytes: int) -> bytes:
    block = channels * 2
    return (
        b"RIFF"
        + struct.pack("<I", min(36 + data_bytes, 0xFFFFFFFF))
        + b"WAVEfmt "
        + struct.pack("<IHHIIHH", 16, 1, channels, sample_rate, sample_rate * block, block, 16)
        + b"data"
        + struct.pack("<I", min(data_bytes, 0xFFFFFFFF))
    )


def to_pcm16(chunk: np.ndarray) -> bytes:
    """Converts float samples in -1..1 to little-endian 16-bit PCM (clipping out-of-range)."""
    x = np.clip(np.asarray(chunk, dtype=np.float32).reshape(-1), -1.0, 1.0)
    return (x * 32767.0).round().astype("<i2").tobytes()


class WavRecorder:
    """Writes a 16-bit mono WAV while it is captured.

    Args:
        path: the file to create (its folder is created with mode 0700).
        sample_rate: samples per second.

    Raises:
        AudioError: the file cannot be created.
    """

    def __init__(self, path: Path, sample_rate: int = 16000) -> None:
        self.path = Path(path)
        self.sample_rate = sample_rate
        self._bytes = 0
        ensure(self.path.parent)
        try:
            self._fd: int | None = os.open(
                self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600
            )
            os.chmod(self.path, 0o600)
            os.write(self._fd, _header(sample_rate, 1, 0))
        except OSError as exc:
            raise AudioError(f"Cannot create the recording {self.path}: {exc.strerror}.") from exc

    @property
    def seconds(self) -> float:
        """Seconds written so far."""
        return self._bytes / 2 / self.sample_rate

    @property
    def closed(self) -> bool:
        """Whether the file is closed."""
        return self._fd is None

    def write(self, chunk: np.ndarray) -> None:
        """Appends samples and updates the header.

        Args:
            chunk: float32 mono samples.

        Raises:
            AudioError: the disk is full or failing; the file is closed and keeps what was written.
        """
        if self._fd is None:
            raise AudioError(f"The recording {self.path} is already closed.")
        data = to_pcm16(chunk)
        if not data:
            return
        if self._bytes + len(data) > _MAX_DATA:
            self.close()
            raise AudioError("The recording reached the 4 GB WAV limit and was stopped.")
        written = 0
        try:
            while written < len(data):
                written += os.write(self._fd, data[written:])
        except OSError as exc:
            self._bytes += written - written % 2
            kept = self.seconds
            self._truncate()
            self.close()
            reason = "the disk is full" if exc.errno == errno.ENOSPC else exc.strerror
            raise AudioError(
                f"Recording stopped because {reason}. The first {kept:.1f} s were kept in "
                f"{self.path}. Free some space and record again."
            ) from exc
        self._bytes += written
        self._update_header()

    def _truncate(self) -> None:
        if self._fd is None:
            return
        try:
            os.ftruncate(self._fd, HEADER_BYTES + self._bytes)
        except OSError:
            log.warning("could not truncate %s", self.path, exc_info=True)

    def _update_header(self) -> None:
        if self._fd is None:
            return
        try:
            os.pwrite(self._fd, struct.pack("<I", min(36 + self._bytes, 0xFFFFFFFF)), 4)
            os.pwrite(self._fd, struct.pack("<I", self._bytes), 40)
        except OSError:
            log.warning("could not update the header of %s", self.path, exc_info=True)

    def close(self) -> None:
        """Finalizes the header and closes the file (idempotent)."""
        if self._fd is None:
            return
        self._update_header()
        try:
            os.fsync(self._fd)
        except OSError:
            pass
        finally:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> WavRecorder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_wav(path: Path) -> tuple[np.ndarray, int]:
    """Reads a PCM or float WAV, including one whose writer was killed before finalizing it.

    Args:
        path: the file.

    Returns:
        ``(samples, sample_rate)``: mono float32 in -1..1 (channels averaged).

    Raises:
        AudioError: not a WAV file this reader understands.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise AudioError(f"Cannot read {path}: {exc.strerror}.") from exc
    if len(raw) < 12 or raw[:4] not in (b"RIFF", b"RF64") or raw[8:12] != b"WAVE":
        raise AudioError(f"{path} is not a WAV file.")
    pos = 12
    fmt: tuple[int, int, int, int] | None = None
    while pos + 8 <= len(raw):
        cid = raw[pos : pos + 4]
        size = struct.unpack("<I", raw[pos + 4 : pos + 8])[0]
        body = pos + 8
        if cid == b"fmt ":
            tag, channels, rate = struct.unpack("<HHI", raw[body : body + 8])
            bits = struct.unpack("<H", raw[body + 14 : body + 16])[0]
            if tag == 0xFFFE and size >= 26:
                tag = struct.unpack("<H", raw[body + 24 : body + 26])[0]
            fmt = (tag, channels, rate, bits)
        elif cid == b"data":
            if fmt is None:
                break
            available = len(raw) - body
            if size == 0 or size > available:  # unfinalized or truncated: take what is there
                size = available
            return _samples(raw[body : body + size], fmt, path), fmt[2]
        pos = body + size + (size & 1)
    raise AudioError(f"{path} is a damaged WAV file (no audio data found).")


def _samples(data: bytes, fmt: tuple[int, int, int, int], path: Path) -> np.ndarray:
    tag, channels, _rate, bits = fmt
    channels = max(1, channels)
    if tag == 1 and bits == 16:
        x = np.frombuffer(data[: len(data) // 2 * 2], dtype="<i2").astype(np.float32) / 32768.0
    elif tag == 1 and bits == 8:
        x = (np.frombuffer(data, dtype=np.uint8).astype(np.float32) - 128.0) / 128.0
    elif tag == 1 and bits == 32:
        x = np.frombuffer(data[: len(data) // 4 * 4], dtype="<i4").astype(np.float32) / 2**31
    elif tag == 3 and bits == 32:
        x = np.frombuffer(data[: len(data) // 4 * 4], dtype="<f4").astype(np.float32)
    else:
        raise AudioError(f"{path} uses a WAV encoding this reader does not support.")
    n = len(x) // channels * channels
    return x[:n].reshape(-1, channels).mean(axis=1).astype(np.float32)


def new_recording_path(stem: str = "answer") -> Path:
    """Returns a fresh file name in the recordings folder (``app_paths().recordings``).

    Args:
        stem: a prefix, e.g. the scenario id.

    Returns:
        ``<recordings>/<stem>-YYYYmmdd-HHMMSS[-n].wav``; the folder is created (0700).
    """
    import re
    import time

    from mockinterviewer.paths import app_paths

    folder = ensure(app_paths().recordings)
    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-") or "answer"
    base = f"{safe}-{time.strftime('%Y%m%d-%H%M%S')}"
    path = folder / f"{base}.wav"
    n = 1
    while path.exists():
        n += 1
        path = folder / f"{base}-{n}.wav"
    return path
