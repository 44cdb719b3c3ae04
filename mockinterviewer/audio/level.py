"""Signal levels for the meter, and energy-based voice/silence detection."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

FLOOR_DB = -100.0


@dataclass(frozen=True)
class Level:
    """Loudness of one chunk, in dB relative to full scale (0 dB = clipping)."""

    rms_db: float
    peak_db: float


def _db(value: float) -> float:
    return max(FLOOR_DB, 20.0 * float(np.log10(max(value, 1e-10))))


def measure(chunk: np.ndarray) -> Level:
    """Measures a chunk of float samples in -1..1.

    Args:
        chunk: mono samples.

    Returns:
        RMS and peak level in dBFS (``FLOOR_DB`` for silence or an empty chunk).
    """
    if chunk.size == 0:
        return Level(FLOOR_DB, FLOOR_DB)
    x = chunk.astype(np.float64, copy=False)
    return Level(_db(float(np.sqrt(np.mean(x * x)))), _db(float(np.max(np.abs(x)))))


class VoiceDetector:
    """Energy voice detector with an adaptive noise floor (cheap; for meters and auto-stop).

    A chunk is voice when its RMS is ``margin_db`` above the running noise floor and above
    ``min_db``. The floor follows quiet chunks quickly and loud ones slowly.

    Args:
        margin_db: how far above the noise floor speech must be.
        min_db: absolute level below which nothing counts as voice.
    """

    def __init__(self, margin_db: float = 10.0, min_db: float = -50.0) -> None:
        self.margin_db = margin_db
        self.min_db = min_db
        self.noise_db: float | None = None
        self.voiced_seconds = 0.0
        self.silence_run = 0.0

    def update(self, chunk: np.ndarray, sample_rate: int = 16000) -> bool:
        """Feeds one chunk; returns whether it holds voice."""
        level = measure(chunk).rms_db
        seconds = len(chunk) / sample_rate
        if self.noise_db is None:
            self.noise_db = level
        voiced = level > max(self.min_db, self.noise_db + self.margin_db)
        rate = 0.02 if voiced else 0.2
        if level < self.noise_db:
            rate = 0.5
        self.noise_db += rate * (level - self.noise_db)
        if voiced:
            self.voiced_seconds += seconds
            self.silence_run = 0.0
        else:
            self.silence_run += seconds
        return voiced


class SilenceWatch:
    """Says when a microphone gave only silence for ``after`` seconds of expected speech.

    Feed it every captured chunk while the user is supposed to be talking; :meth:`update` returns
    True once (the moment to warn), if no chunk so far rose above ``silence_db``. After a warning,
    :attr:`recovered` turns True with the first chunk that does (the warning no longer holds).

    Args:
        after: seconds of speaking time before warning (the app warns within 3 s).
        silence_db: peak level below which a chunk counts as silence (digital zero, a muted or
            dead microphone).
    """

    def __init__(self, after: float = 2.5, silence_db: float = -60.0) -> None:
        self.after = after
        self.silence_db = silence_db
        self.seconds = 0.0
        self.heard = False
        self.warned = False

    @property
    def recovered(self) -> bool:
        """Whether sound was heard after the warning was given."""
        return self.warned and self.heard

    def update(self, chunk: np.ndarray, sample_rate: int = 16000) -> bool:
        """Feeds one chunk; True exactly once, when it is time to warn."""
        self.seconds += len(chunk) / sample_rate
        if measure(chunk).peak_db > self.silence_db:
            self.heard = True
        if not self.heard and not self.warned and self.seconds >= self.after:
            self.warned = True
            return True
        return False

    def reset(self) -> None:
        """Starts over (e.g. after the user picked another microphone)."""
        self.seconds = 0.0
        self.heard = False
        self.warned = False
