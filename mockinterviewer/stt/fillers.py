"""Capturing "um" and "uh", which Whisper tends to drop.

Two complementary means:

* a short prompt full of hesitations (``FILLER_PROMPT``), which makes Whisper write more of them;
* :func:`recover_fillers`: voiced stretches that no transcribed word covers and that sound like a
  held vowel or hum (steady spectrum) become ``Word("um", filler=True)``.
"""

from __future__ import annotations

import logging

import numpy as np

from mockinterviewer.transcript import Word, is_filler

log = logging.getLogger(__name__)

FILLER_PROMPT = "Umm, let me think like, hmm... Okay, here's what I'm, like, thinking. Uh, so, um,"

_FRAME = 0.02  # seconds per analysis frame
_MIN_FILLER = 0.3  # seconds: shorter voiced blips are breaths, clicks or word-timing slack
_MAX_FILLER = 1.6  # seconds: longer uncovered speech is more likely missed words than a filler
_WORD_MARGIN = 0.06  # seconds of slack around word timestamps
_VOICE_DB = 12.0  # a frame is voiced when this far above the noise floor
_STEADY = 0.88  # mean spectral correlation of neighbouring frames for a held sound


def mark_fillers(words: list[Word]) -> list[Word]:
    """Sets ``filler`` on words that are hesitations ("um", "uh", ...).

    Args:
        words: transcribed words.

    Returns:
        The words, fillers marked; a filler written as "Um," keeps its text.
    """
    out: list[Word] = []
    for w in words:
        flag = is_filler(w.word)
        out.append(w if w.filler == flag else Word(w.word, w.start, w.end, flag, w.probability))
    return out


def _frames(audio: np.ndarray, sample_rate: int) -> np.ndarray:
    hop = int(_FRAME * sample_rate)
    n = len(audio) // hop
    return audio[: n * hop].reshape(n, hop) if n else np.zeros((0, hop), dtype=np.float32)


def _voiced_mask(frames: np.ndarray) -> np.ndarray:
    if not len(frames):
        return np.zeros(0, dtype=bool)
    rms = np.sqrt(np.mean(frames.astype(np.float64) ** 2, axis=1) + 1e-12)
    db = 20 * np.log10(rms)
    floor = np.percentile(db, 10)
    loud = np.percentile(db, 95)
    gate = max(floor + _VOICE_DB, loud - 35.0, -55.0)
    return db > gate


def _steadiness(frames: np.ndarray) -> float:
    """Mean correlation of neighbouring magnitude spectra: high for a held vowel or hum."""
    if len(frames) < 3:
        return 0.0
    window = np.hanning(frames.shape[1])
    spec = np.abs(np.fft.rfft(frames * window, axis=1))[:, 2 : frames.shape[1] // 4]
    spec = np.log1p(spec)
    spec = spec - spec.mean(axis=1, keepdims=True)
    norm = np.linalg.norm(spec, axis=1) + 1e-9
    corr = np.sum(spec[1:] * spec[:-1], axis=1) / (norm[1:] * norm[:-1])
    return float(np.mean(corr))


def recover_fillers(
    audio: np.ndarray, words: list[Word], offset: float = 0.0, sample_rate: int = 16000
) -> list[Word]:
    """Finds hesitations that no transcribed word covers.

    Args:
        audio: the audio the words were transcribed from (mono float32).
        words: the words, times in seconds from the start of the recording.
        offset: the recording time of ``audio[0]``.
        sample_rate: samples per second of ``audio``.

    Returns:
        New filler words (``Word("um", filler=True)``), in time order; the input words are not
        included.
    """
    frames = _frames(np.asarray(audio, dtype=np.float32), sample_rate)
    voiced = _voiced_mask(frames)
    if not voiced.any():
        return []
    covered = np.zeros(len(voiced), dtype=bool)
    for w in words:
        a = max(0, int((w.start - offset - _WORD_MARGIN) / _FRAME))
        b = min(len(covered), int(np.ceil((w.end - offset + _WORD_MARGIN) / _FRAME)))
        covered[a:b] = True
    free = voiced & ~covered
    found: list[Word] = []
    i = 0
    n = len(free)
    while i < n:
        if not free[i]:
            i += 1
            continue
        j = i
        gap = 0
        while j + 1 < n and (free[j + 1] or (gap < 3 and not covered[j + 1])):
            j += 1
            gap = 0 if free[j] else gap + 1
        while j > i and not free[j]:
            j -= 1
        length = (j - i + 1) * _FRAME
        if _MIN_FILLER <= length <= _MAX_FILLER:
            steady = _steadiness(frames[i : j + 1])
            if steady >= _STEADY:
                start = offset + i * _FRAME
                found.append(Word("um", start, start + length, True, min(1.0, steady)))
        i = j + 1
    return found


def merge(words: list[Word], extra: list[Word]) -> list[Word]:
    """Merges recovered fillers into the word list by time."""
    if not extra:
        return words
    return sorted([*words, *extra], key=lambda w: (w.start, w.end))
