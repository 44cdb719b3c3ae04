"""Where audio comes from: the microphone, or a file played through the same pipeline.

Every source delivers float32 mono chunks at 16 kHz. The microphone callback only copies the
PortAudio buffer into a queue; resampling and everything else happens in :meth:`read`, on the
consumer's thread.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from mockinterviewer.audio.devices import DeviceChoice, DeviceInfo, choose_input, sd_module
from mockinterviewer.audio.errors import AudioError

log = logging.getLogger(__name__)

SAMPLE_RATE = 16000
_STALL_SECONDS = 3.0  # no data for this long from a running stream means the device hung


@runtime_checkable
class AudioSource(Protocol):
    """A stream of 16 kHz mono float32 chunks."""

    sample_rate: int

    @property
    def exhausted(self) -> bool:
        """True once a finite source has delivered everything."""
        ...

    @property
    def overflows(self) -> int:
        """Input overflows (lost audio) reported by the device so far."""
        ...

    def start(self) -> None:
        """Starts delivering audio."""
        ...

    def read(self, timeout: float) -> np.ndarray | None:
        """Returns the next chunk, or None when none arrived within ``timeout`` seconds."""
        ...

    def stop(self) -> None:
        """Stops the source (idempotent)."""
        ...


class Resampler:
    """Streaming resampler to 16 kHz (boxcar low-pass + linear interpolation, continuous across
    chunks). Good enough for speech recognition; used only when a device cannot record at 16 kHz.
    """

    def __init__(self, rate_in: float, rate_out: int = SAMPLE_RATE) -> None:
        self.ratio = rate_in / rate_out
        self._taps = max(1, int(round(self.ratio)))
        self._history = np.zeros(self._taps - 1, dtype=np.float32)
        self._pos = 0.0  # position of the next output sample, in input samples (this chunk)
        self._last = np.zeros(1, dtype=np.float32)

    def process(self, chunk: np.ndarray) -> np.ndarray:
        """Resamples one chunk; output length follows the running phase."""
        if self.ratio == 1.0:
            return chunk
        x = np.concatenate([self._history, chunk.astype(np.float32)])
        if self._taps > 1:
            smooth = np.convolve(x, np.ones(self._taps, dtype=np.float32) / self._taps, "valid")
            self._history = x[len(x) - (self._taps - 1) :]
        else:
            smooth = x
        y = np.concatenate([self._last, smooth])  # y[0] is the previous chunk's last sample
        positions = np.arange(self._pos, len(y) - 1, self.ratio)
        out = np.interp(positions, np.arange(len(y)), y).astype(np.float32)
        self._pos = (positions[-1] + self.ratio - (len(y) - 1)) if len(positions) else self._pos - (
            len(y) - 1
        )
        self._last = y[-1:]
        return out


class MicrophoneSource:
    """Captures the microphone with a sounddevice InputStream.

    Args:
        device: input device name (None: the system default).
        block_seconds: seconds per chunk.

    A device that fails mid-stream (unplugged, driver error, hung) surfaces as an
    :class:`AudioError` from :meth:`read`, after every chunk captured before it was delivered.
    When the named device is missing the system default is used, and :attr:`device_notice`
    says so in words for the user (the UI shows it; nothing here parses logs).
    """

    sample_rate = SAMPLE_RATE

    def __init__(self, device: str | None = None, block_seconds: float = 0.1) -> None:
        self.device_name = device
        self.block_seconds = block_seconds
        self.info: DeviceInfo | None = None
        #: which device :meth:`start` picked, and whether the named one was found
        self.choice: DeviceChoice | None = None
        self._queue: queue.Queue[np.ndarray] = queue.Queue()
        self._stream: Any = None
        self._resampler: Resampler | None = None
        self._overflows = 0
        self._finished = threading.Event()
        self._stopping = False
        self._last_data = 0.0
        self._channels = 1

    @property
    def exhausted(self) -> bool:
        """A microphone never runs out."""
        return False

    @property
    def overflows(self) -> int:
        """Input overflows reported by PortAudio."""
        return self._overflows

    @property
    def device_notice(self) -> str:
        """Set once started: the chosen microphone was missing and the default is used (the
        message to show the user), else ""."""
        return self.choice.notice if self.choice is not None else ""

    def _callback(self, indata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        if status and status.input_overflow:
            self._overflows += 1
        self._queue.put(indata.copy())

    def _on_finished(self) -> None:
        self._finished.set()

    def start(self) -> None:
        """Opens and starts the input stream.

        Raises:
            AudioError: no microphone, PortAudio missing, or the device refuses to open.
        """
        sd = sd_module()
        self.choice = choose_input(self.device_name)
        self.info = self.choice.device
        rate: float = SAMPLE_RATE
        try:
            sd.check_input_settings(
                device=self.info.index, samplerate=SAMPLE_RATE, channels=1, dtype="float32"
            )
        except Exception:  # noqa: BLE001 - the device cannot do 16 kHz mono
            rate = self.info.default_samplerate
            self._channels = 1
            try:
                sd.check_input_settings(
                    device=self.info.index, samplerate=rate, channels=1, dtype="float32"
                )
            except Exception:  # noqa: BLE001
                self._channels = max(1, min(2, self.info.max_input_channels))
        self._resampler = Resampler(rate) if rate != SAMPLE_RATE else None
        try:
            self._stream = sd.InputStream(
                device=self.info.index,
                samplerate=rate,
                channels=self._channels,
                dtype="float32",
                blocksize=int(rate * self.block_seconds),
                callback=self._callback,
                finished_callback=self._on_finished,
            )
            self._stream.start()
        except Exception as exc:
            self._stream = None
            notice = f"{self.device_notice} " if self.device_notice else ""
            raise AudioError(
                f"{notice}Could not open the microphone {self.info.name!r} ({exc}). Check that it "
                "is connected and not used by another program, or choose another one in Settings."
            ) from exc
        self._last_data = time.monotonic()
        log.info("recording from %s at %s Hz", self.info.name, rate)

    def read(self, timeout: float) -> np.ndarray | None:
        """Returns the next 16 kHz chunk, None on timeout.

        Raises:
            AudioError: the device stopped delivering sound (only after all captured audio).
        """
        try:
            block = self._queue.get(timeout=timeout)
        except queue.Empty:
            if self._stopping or self._stream is None:
                return None
            if self._finished.is_set() or not self._stream.active:
                raise AudioError(
                    "The microphone stopped working (unplugged or a driver error). What you said "
                    "until then was kept."
                ) from None
            if time.monotonic() - self._last_data > _STALL_SECONDS:
                raise AudioError(
                    "The microphone stopped sending sound. What you said until then was kept; "
                    "check the microphone and try again."
                ) from None
            return None
        self._last_data = time.monotonic()
        mono = block.mean(axis=1) if block.ndim == 2 else block
        mono = mono.astype(np.float32, copy=False)
        if self._resampler is not None:
            mono = self._resampler.process(mono)
        return mono

    def stop(self) -> None:
        """Stops and closes the stream (idempotent)."""
        self._stopping = True
        stream, self._stream = self._stream, None
        if stream is not None:
            try:
                stream.stop()
                stream.close()
            except Exception:
                log.warning("closing the input stream failed", exc_info=True)


class FileSource:
    """Plays an audio file through the capture pipeline.

    Args:
        path: any audio file (decoded with PyAV by faster-whisper), or None with ``audio`` given.
        speed: times real time (1.0: like a live microphone; 0: as fast as possible).
        block_seconds: seconds per chunk.
        audio: samples to use instead of a file (16 kHz mono float32).

    Raises:
        UserError: the file is missing or not audio.
    """

    sample_rate = SAMPLE_RATE

    def __init__(
        self,
        path: Path | None,
        speed: float = 1.0,
        block_seconds: float = 0.1,
        audio: np.ndarray | None = None,
    ) -> None:
        if audio is None:
            if path is None:
                raise ValueError("FileSource needs a path or samples")
            from mockinterviewer.audio.decode import decode_file

            audio = decode_file(Path(path))
        self.audio = np.asarray(audio, dtype=np.float32).reshape(-1)
        self.speed = speed
        self.block = max(1, int(SAMPLE_RATE * block_seconds))
        self._pos = 0
        self._t0: float | None = None
        self._stopped = False

    @property
    def duration(self) -> float:
        """Seconds of audio."""
        return len(self.audio) / SAMPLE_RATE

    @property
    def exhausted(self) -> bool:
        """True once every sample was delivered (or the source was stopped)."""
        return self._stopped or self._pos >= len(self.audio)

    @property
    def overflows(self) -> int:
        """A file never overflows."""
        return 0

    def start(self) -> None:
        """Starts the clock."""
        self._t0 = time.monotonic()

    def read(self, timeout: float) -> np.ndarray | None:
        """Returns the next chunk once real time (times ``speed``) has reached its end."""
        if self.exhausted:
            return None
        if self._t0 is None:
            self.start()
        end = min(len(self.audio), self._pos + self.block)
        if self.speed > 0:
            assert self._t0 is not None
            due = self._t0 + end / SAMPLE_RATE / self.speed
            wait = due - time.monotonic()
            if wait > timeout:
                time.sleep(max(0.0, timeout))
                return None
            if wait > 0:
                time.sleep(wait)
        chunk = self.audio[self._pos : end]
        self._pos = end
        return chunk

    def stop(self) -> None:
        """Stops delivering."""
        self._stopped = True
