"""Prosody of a recording: the voice's pitch (F0) and loudness, frame by frame.

Pitch is found with the YIN method (de Cheveigné and Kawahara, 2002) in plain numpy: for every
10 ms frame the cumulative-mean-normalised difference function is computed (its cross term by FFT,
a few thousand frames at a time) and the first dip below a threshold gives the period. A frame is
voiced when that dip is clear and the frame is loud enough, relative to the loudest speech in the
recording (so a quiet recording keeps its voiced frames, and its level can be judged).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

RATE = 16000
HOP = 0.010  # seconds between frames
WINDOW = 0.025  # seconds integrated per frame
F0_MIN = 60.0  # Hz: low male voice
F0_MAX = 400.0  # Hz: high female voice
YIN_THRESHOLD = 0.2  # dip of the normalised difference that counts as periodic
VOICED_BELOW_PEAK_DB = 35.0  # frames quieter than the loud speech by more than this are silence
FLOOR_DB = -100.0
_CHUNK = 2048  # frames per FFT batch (bounds memory for long recordings)


@dataclass(frozen=True)
class Prosody:
    """Pitch and loudness tracks of one recording, one value per 10 ms frame.

    Attributes:
        times: frame centres in seconds from the start.
        f0: fundamental frequency in Hz; NaN where the frame is not voiced.
        level_db: RMS level in dBFS (``FLOOR_DB`` for digital silence).
    """

    times: np.ndarray
    f0: np.ndarray
    level_db: np.ndarray

    @property
    def voiced(self) -> np.ndarray:
        """Boolean mask of the voiced frames."""
        return ~np.isnan(self.f0)


def _to_rate(audio: np.ndarray, rate: int) -> np.ndarray:
    x = np.asarray(audio, dtype=np.float64).reshape(-1)
    if rate == RATE or not len(x):
        return x
    n = int(round(len(x) * RATE / rate))
    return np.interp(np.arange(n) * (rate / RATE), np.arange(len(x)), x)


def _frames(x: np.ndarray, starts: np.ndarray, width: int) -> np.ndarray:
    idx = starts[:, None] + np.arange(width)[None, :]
    return x[idx]


def _yin(frames: np.ndarray, integ: int, tau_min: int, tau_max: int) -> tuple[np.ndarray,
                                                                             np.ndarray]:
    """Period (samples, fractional) and dip depth per frame; frames are integ + tau_max long."""
    n, width = frames.shape
    nfft = 1 << int(np.ceil(np.log2(width + integ)))
    head = frames[:, :integ]
    spec = np.fft.rfft(frames, nfft) * np.conj(np.fft.rfft(head, nfft))
    cross = np.fft.irfft(spec, nfft)[:, : tau_max + 1]  # sum_j x[j] x[j+tau], j < integ
    sq = np.concatenate([np.zeros((n, 1)), np.cumsum(frames * frames, axis=1)], axis=1)
    taus = np.arange(tau_max + 1)
    energy_tau = sq[:, taus + integ] - sq[:, taus]
    diff = np.maximum(energy_tau[:, :1] + energy_tau - 2.0 * cross, 0.0)
    cum = np.cumsum(diff[:, 1:], axis=1)
    cmnd = np.ones_like(diff)
    cmnd[:, 1:] = diff[:, 1:] * taus[1:] / np.maximum(cum, 1e-12)
    band = cmnd[:, tau_min: tau_max + 1]
    below = band < YIN_THRESHOLD
    has = below.any(axis=1)
    first = np.where(has, below.argmax(axis=1), band.argmin(axis=1))
    # walk down to the bottom of the dip that starts at the first crossing
    rows = np.arange(n)
    pos = first.copy()
    for _ in range(tau_max - tau_min):
        nxt = np.minimum(pos + 1, band.shape[1] - 1)
        step = band[rows, nxt] < band[rows, pos]
        if not step.any():
            break
        pos = np.where(step, nxt, pos)
    depth = band[rows, pos]
    # parabolic interpolation around the minimum
    left = band[rows, np.maximum(pos - 1, 0)]
    right = band[rows, np.minimum(pos + 1, band.shape[1] - 1)]
    denom = left - 2.0 * depth + right
    shift = np.where(np.abs(denom) > 1e-12, 0.5 * (left - right) / np.where(
        np.abs(denom) > 1e-12, denom, 1.0), 0.0)
    period = pos + tau_min + np.clip(shift, -1.0, 1.0)
    return period, depth


def analyse(audio: np.ndarray, sample_rate: int) -> Prosody:
    """Finds the pitch and loudness tracks of mono samples.

    Args:
        audio: mono samples in -1..1.
        sample_rate: their rate (resampled to 16 kHz here).

    Returns:
        The tracks (empty arrays for audio shorter than one frame).
    """
    x = _to_rate(audio, sample_rate)
    hop, integ = int(HOP * RATE), int(WINDOW * RATE)
    tau_min, tau_max = int(RATE / F0_MAX), int(np.ceil(RATE / F0_MIN))
    width = integ + tau_max
    if len(x) < width:
        empty = np.zeros(0)
        return Prosody(empty, empty, empty)
    x = x - float(np.mean(x))
    starts = np.arange(0, len(x) - width + 1, hop)
    periods = np.empty(len(starts))
    depths = np.empty(len(starts))
    levels = np.empty(len(starts))
    for a in range(0, len(starts), _CHUNK):
        fr = _frames(x, starts[a: a + _CHUNK], width)
        periods[a: a + _CHUNK], depths[a: a + _CHUNK] = _yin(fr, integ, tau_min, tau_max)
        rms = np.sqrt(np.mean(fr[:, :integ] ** 2, axis=1))
        levels[a: a + _CHUNK] = np.maximum(FLOOR_DB, 20.0 * np.log10(np.maximum(rms, 1e-10)))
    loud = float(np.percentile(levels, 95)) if len(levels) else FLOOR_DB
    voiced = (depths < YIN_THRESHOLD) & (levels > loud - VOICED_BELOW_PEAK_DB) & (
        levels > FLOOR_DB + 20) & (periods < tau_max - 1)  # a dip at the band's edge: no pitch
    f0 = np.where(voiced, RATE / np.maximum(periods, 1.0), np.nan)
    f0 = _drop_octave_jumps(f0)
    times = (starts + integ / 2) / RATE
    return Prosody(times=times, f0=f0, level_db=levels)


def _drop_octave_jumps(f0: np.ndarray) -> np.ndarray:
    """Unvoices isolated frames an octave away from their neighbours' median (tracking errors)."""
    out = f0.copy()
    if len(f0) < 5:
        return out
    padded = np.pad(f0, 2, constant_values=np.nan)
    windows = np.lib.stride_tricks.sliding_window_view(padded, 5)
    with np.errstate(all="ignore"):
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            local = np.nanmedian(windows, axis=1)
        jump = np.abs(12.0 * np.log2(f0 / local)) > 9.0
    out[np.nan_to_num(jump, nan=0.0).astype(bool)] = np.nan
    return out


def analyse_file(path: Path) -> Prosody:
    """Reads a recording and finds its pitch and loudness tracks.

    Args:
        path: a WAV file (or any audio file PyAV decodes).

    Raises:
        AudioError: the WAV cannot be read.
        UserError: the file is not audio.
    """
    from mockinterviewer.audio.player import load_audio

    audio, rate = load_audio(Path(path))
    return analyse(audio, rate)


def measure_recording(path: Path | None) -> Prosody | None:
    """Like :func:`analyse_file`, but a missing or unreadable recording gives None (logged).

    The voice metrics are an extra: an answer whose recording cannot be measured is still
    analysed from its words.
    """
    if path is None:
        return None
    try:
        return analyse_file(Path(path))
    except Exception:
        log.warning("the voice of %s could not be measured", path, exc_info=True)
        return None
