"""Decoding audio files to 16 kHz mono float32 with bounded memory.

PyAV decodes the file frame by frame and resamples it to 16 kHz mono 16-bit, exactly as
``faster_whisper.decode_audio`` does, so the samples are bit-for-bit the same. Two things differ:

- :func:`decode_file` writes each resampled frame straight into one float32 array sized from the
  container's duration (grown in place if the estimate was short, trimmed in place at the end).
  ``decode_audio`` collects 16-bit bytes, copies them and converts them with two more full-length
  temporaries, so its peak is about 2.5 times the result (about 600 MB for an hour of audio);
  here it is the result plus one frame group (230 MB for an hour).
- :func:`decode_blocks` yields the audio in blocks, for callers that never need the whole
  recording at once (``mockinterviewer transcribe`` on a long file).

Bad input raises :class:`~mockinterviewer.errors.UserError` with one sentence the user can act on.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from mockinterviewer.errors import UserError

log = logging.getLogger(__name__)

SAMPLE_RATE = 16000
_GROUP_SAMPLES = 500000  # input samples per resampler call (as faster-whisper groups them)
_MAX_ESTIMATE_SECONDS = 4 * 3600.0  # a header claiming more is not trusted for preallocation
_MIN_GROWTH = 60 * SAMPLE_RATE


def check_file(path: Path) -> Path:
    """Checks that ``path`` is a non-empty file before decoding it.

    Args:
        path: the file.

    Returns:
        The path.

    Raises:
        UserError: missing, a folder, empty or unreadable.
    """
    path = Path(path)
    if not path.exists():
        raise UserError(f"{path}: no such file.")
    if path.is_dir():
        raise UserError(f"{path} is a folder, not an audio file.")
    try:
        if path.stat().st_size == 0:
            raise UserError(f"{path} is empty (0 bytes): nothing to transcribe.")
    except OSError as exc:
        raise UserError(f"{path} cannot be read ({exc.strerror}).") from exc
    return path


def _not_audio(path: Path, exc: BaseException) -> UserError:
    log.info("decoding %s failed", path, exc_info=(type(exc), exc, exc.__traceback__))
    return UserError(
        f"{path} is not a readable audio file ({type(exc).__name__}). "
        "Use a WAV, FLAC, MP3, OGG or M4A recording."
    )


def _no_samples(path: Path) -> UserError:
    return UserError(f"{path} holds no audio samples: nothing to transcribe.")


def _valid_frames(frames: Iterator[Any]) -> Iterator[Any]:
    import av

    iterator = iter(frames)
    while True:
        try:
            yield next(iterator)
        except StopIteration:
            return
        except av.error.InvalidDataError:  # a damaged frame: skip it, keep the rest
            continue


def _groups(frames: Iterator[Any]) -> Iterator[Any]:
    import av

    fifo = av.audio.fifo.AudioFifo()
    for frame in frames:
        frame.pts = None  # no timestamp check: a file with gaps still decodes
        fifo.write(frame)
        if fifo.samples >= _GROUP_SAMPLES:
            yield fifo.read()
    if fifo.samples > 0:
        yield fifo.read()


def _resampled(container: Any, resampler: Any) -> Iterator[np.ndarray]:
    for group in _groups(_valid_frames(container.decode(audio=0))):
        for frame in resampler.resample(group):
            yield frame.to_ndarray().reshape(-1)
    for frame in resampler.resample(None):  # flush
        yield frame.to_ndarray().reshape(-1)


@contextmanager
def _opened(path: Path) -> Iterator[tuple[Any, Iterator[np.ndarray]]]:
    """Opens the container; yields it and a generator of 16-bit mono 16 kHz sample blocks."""
    import av

    resampler: Any = av.audio.resampler.AudioResampler(format="s16", layout="mono",
                                                       rate=SAMPLE_RATE)
    try:
        with av.open(str(path), mode="r", metadata_errors="ignore") as container:
            yield container, _resampled(container, resampler)
    finally:
        # PyAV's resampler objects are only freed by the cycle collector (faster-whisper #390)
        resampler = None
        gc.collect()


def _estimate(container: Any) -> int:
    """Output samples the container says it holds (0 when unknown)."""
    seconds = 0.0
    try:
        if container.duration:
            seconds = float(container.duration) / 1_000_000  # av.time_base
        else:
            stream = container.streams.audio[0]
            if stream.duration and stream.time_base:
                seconds = float(stream.duration * stream.time_base)
    except Exception:  # noqa: BLE001 - no audio stream or odd metadata: decoding will tell
        return 0
    seconds = min(max(seconds, 0.0), _MAX_ESTIMATE_SECONDS)
    return int(seconds * SAMPLE_RATE) + SAMPLE_RATE  # one second of slack


class _Samples:
    """A float32 array filled in place, grown and trimmed with realloc (no second copy)."""

    def __init__(self, capacity: int) -> None:
        self.data = np.empty(max(capacity, SAMPLE_RATE), dtype=np.float32)
        self.size = 0

    def append(self, pcm16: np.ndarray) -> None:
        n = len(pcm16)
        end = self.size + n
        if end > len(self.data):
            grow = max(end - len(self.data), len(self.data) // 4, _MIN_GROWTH)
            self.data.resize(len(self.data) + grow, refcheck=False)
        out = self.data[self.size : end]
        out[:] = pcm16  # int16 -> float32 is exact
        out /= 32768.0  # a power of two: exact, as in faster_whisper.decode_audio
        self.size = end

    def finish(self) -> np.ndarray:
        if self.size != len(self.data):
            self.data.resize(self.size, refcheck=False)
        return self.data


def decode_file(path: Path) -> np.ndarray:
    """Decodes any audio file to 16 kHz mono float32.

    The samples equal ``faster_whisper.decode_audio``'s; the peak memory is about the size of the
    result (4 bytes a sample: 230 MB for an hour).

    Args:
        path: the file.

    Returns:
        The samples.

    Raises:
        UserError: missing, unreadable, not audio, or empty.
    """
    path = check_file(Path(path))
    try:
        with _opened(path) as (container, blocks):
            samples = _Samples(_estimate(container))
            for block in blocks:
                samples.append(block)
            audio = samples.finish()
    except UserError:
        raise
    except Exception as exc:
        raise _not_audio(path, exc) from exc
    if audio.size == 0:
        raise _no_samples(path)
    return audio


def decode_blocks(path: Path, block_seconds: float = 60.0) -> Iterator[np.ndarray]:
    """Decodes a file block by block (16 kHz mono float32), never holding all of it.

    The blocks joined equal :func:`decode_file`'s result, and bad input raises the same errors
    (a file damaged half-way raises once the blocks before the damage were yielded).

    Args:
        path: the file.
        block_seconds: seconds per block (the last one may be shorter).

    Yields:
        Blocks of ``block_seconds`` of audio.

    Raises:
        UserError: missing, unreadable, not audio, or empty.
    """
    path = check_file(Path(path))
    size = max(1, int(block_seconds * SAMPLE_RATE))
    buffer = np.empty(size, dtype=np.float32)
    filled = 0
    total = 0
    try:
        with _opened(path) as (_container, blocks):
            for pcm in blocks:
                pos = 0
                while pos < len(pcm):
                    n = min(size - filled, len(pcm) - pos)
                    out = buffer[filled : filled + n]
                    out[:] = pcm[pos : pos + n]
                    out /= 32768.0
                    filled += n
                    pos += n
                    if filled == size:
                        total += filled
                        yield buffer.copy()
                        filled = 0
    except UserError:
        raise
    except GeneratorExit:
        raise
    except Exception as exc:
        raise _not_audio(path, exc) from exc
    total += filled
    if total == 0:
        raise _no_samples(path)
    if filled:
        yield buffer[:filled].copy()
