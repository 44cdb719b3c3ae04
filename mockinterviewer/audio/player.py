"""Non-blocking playback of recordings and rendered speech on the chosen output device."""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

import numpy as np

from mockinterviewer.audio.devices import resolve_output, sd_module
from mockinterviewer.audio.errors import AudioError

log = logging.getLogger(__name__)


def load_audio(path: Path) -> tuple[np.ndarray, int]:
    """Reads an audio file for playback: WAV natively, anything else through PyAV (16 kHz).

    Raises:
        UserError: the file is missing or not audio.
    """
    from mockinterviewer.audio.recorder import read_wav

    path = Path(path)
    if path.suffix.lower() == ".wav":
        try:
            return read_wav(path)
        except AudioError:
            log.info("%s: not a plain WAV, decoding with PyAV", path)
    from mockinterviewer.audio.decode import decode_file

    return decode_file(path), 16000


def resample(audio: np.ndarray, rate_in: int, rate_out: int) -> np.ndarray:
    """Resamples a whole array by linear interpolation (playback quality is enough)."""
    if rate_in == rate_out or not len(audio):
        return audio
    n = int(round(len(audio) * rate_out / rate_in))
    return np.interp(
        np.arange(n) * (rate_in / rate_out), np.arange(len(audio)), audio
    ).astype(np.float32)


class Player:
    """Plays audio without blocking the caller.

    Args:
        device: output device name (None: the system default).
    """

    def __init__(self, device: str | None = None) -> None:
        self.device = device
        self._stream: Any = None
        self._audio = np.zeros(0, dtype=np.float32)
        self._pos = 0
        self._rate = 1
        self._done = threading.Event()
        self._done.set()
        self._lock = threading.Lock()

    @property
    def is_playing(self) -> bool:
        """Whether sound is playing."""
        return not self._done.is_set()

    @property
    def position(self) -> float:
        """Seconds played of the current audio (kept after it stops, until the next play)."""
        return self._pos / float(self._rate)

    def play_file(self, path: Path, start: float = 0.0) -> None:
        """Plays a file from ``start`` seconds.

        Raises:
            AudioError: no output device or it refuses to open.
            UserError: the file is not audio.
        """
        audio, rate = load_audio(Path(path))
        first = max(0, min(len(audio), int(start * rate)))
        self.play_array(audio[first:], rate)

    def play_array(self, audio: np.ndarray, sample_rate: int) -> None:
        """Plays mono samples (float in -1..1), replacing anything playing.

        Raises:
            AudioError: no output device, PortAudio missing, or the device refuses to open.
        """
        self.stop()
        sd = sd_module()
        info = resolve_output(self.device)
        rate = int(sample_rate)
        try:
            sd.check_output_settings(device=info.index, samplerate=rate, channels=1)
        except Exception:  # noqa: BLE001 - the device cannot play this rate
            rate = int(info.default_samplerate)
        data = resample(np.asarray(audio, dtype=np.float32).reshape(-1), int(sample_rate), rate)
        with self._lock:
            self._audio = data
            self._pos = 0
            self._rate = rate
            self._done.clear()
        try:
            self._stream = sd.OutputStream(
                device=info.index,
                samplerate=rate,
                channels=1,
                dtype="float32",
                callback=self._callback,
                finished_callback=self._done.set,
            )
            self._stream.start()
        except Exception as exc:
            self._done.set()
            self._stream = None
            raise AudioError(
                f"Could not play sound on {info.name!r} ({exc}). Choose another output device "
                "in Settings."
            ) from exc

    def _callback(self, outdata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        chunk = self._audio[self._pos : self._pos + frames]
        outdata[: len(chunk), 0] = chunk
        outdata[len(chunk) :, 0] = 0.0
        self._pos += len(chunk)
        if len(chunk) < frames:
            raise sd_module().CallbackStop

    def stop(self) -> None:
        """Stops playback now (idempotent)."""
        stream, self._stream = self._stream, None
        if stream is not None:
            try:
                stream.abort()
                stream.close()
            except Exception:
                log.warning("closing the output stream failed", exc_info=True)
        self._done.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Waits until playback ends; returns False on timeout."""
        finished = self._done.wait(timeout)
        if finished and self._stream is not None:
            stream, self._stream = self._stream, None
            try:
                stream.close()
            except Exception:
                log.debug("closing a finished stream failed", exc_info=True)
        return finished
