"""The voice's measured delivery: pitch range and loudness, per STAR segment and overall.

Plain values with JSON forms (the ``voice`` key of ``analyze --json``); ``coach.voice`` computes
them from a pitch and loudness track.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np


class ProsodyTrack(Protocol):
    """Pitch and loudness of a recording, one value per frame (``audio.prosody.Prosody``).

    Attributes:
        times: frame centres in seconds.
        f0: pitch in Hz, NaN where the frame is not voiced.
        level_db: RMS level in dBFS.
    """

    @property
    def times(self) -> np.ndarray:
        """Frame centres in seconds."""
        ...

    @property
    def f0(self) -> np.ndarray:
        """Pitch in Hz, NaN where unvoiced."""
        ...

    @property
    def level_db(self) -> np.ndarray:
        """RMS level in dBFS."""
        ...


def _opt(value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, (int, float, str)):
        return float(value)
    raise ValueError(f"not a number: {value!r}")


def _r(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(float(value), digits)


@dataclass(frozen=True)
class SegmentVoice:
    """The voice in one STAR segment.

    Attributes:
        label: the segment's label.
        pitch_range_semitones: spread of the voiced pitch (10th to 90th percentile) in
            semitones; None when the segment has too little voiced speech to tell.
        loudness_db: median level of its voiced frames in dBFS (None without voiced speech).
        voiced_seconds: seconds of voiced speech measured.
    """

    label: str
    pitch_range_semitones: float | None
    loudness_db: float | None
    voiced_seconds: float

    def to_dict(self) -> dict[str, Any]:
        """Returns the JSON form."""
        return {"label": self.label,
                "pitch_range_semitones": _r(self.pitch_range_semitones),
                "loudness_db": _r(self.loudness_db),
                "voiced_seconds": _r(self.voiced_seconds, 2)}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> SegmentVoice:
        """Reads the JSON form."""
        return cls(label=str(d.get("label", "")),
                   pitch_range_semitones=_opt(d.get("pitch_range_semitones")),
                   loudness_db=_opt(d.get("loudness_db")),
                   voiced_seconds=float(d.get("voiced_seconds", 0.0)))


@dataclass(frozen=True)
class SentenceEnd:
    """How the loudness moved at the end of one sentence.

    Attributes:
        end: seconds into the recording where the sentence ends.
        first_word: index of the sentence's first word.
        last_word: index of its last word.
        drop_db: the sentence body's median level minus its last 0.4 s of voiced speech.
    """

    end: float
    first_word: int
    last_word: int
    drop_db: float

    def to_dict(self) -> dict[str, Any]:
        """Returns the JSON form."""
        return {"end": _r(self.end, 2), "first_word": self.first_word,
                "last_word": self.last_word, "drop_db": _r(self.drop_db)}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> SentenceEnd:
        """Reads the JSON form."""
        return cls(end=float(d.get("end", 0.0)), first_word=int(d.get("first_word", 0)),
                   last_word=int(d.get("last_word", 0)), drop_db=float(d.get("drop_db", 0.0)))


@dataclass(frozen=True)
class VoiceMetrics:
    """The voice over a whole answer.

    Attributes:
        pitch_range_semitones: spread of the voiced pitch over the answer (10th to 90th
            percentile), None without enough voiced speech.
        median_pitch_hz: the median voiced pitch.
        loudness_db: median level of the voiced frames in dBFS.
        voiced_seconds: seconds of voiced speech.
        segments: the same per STAR segment, in the analysis's segment order.
        sentence_ends: the sentences whose ends could be measured, with their loudness drop.
    """

    pitch_range_semitones: float | None
    median_pitch_hz: float | None
    loudness_db: float | None
    voiced_seconds: float
    segments: tuple[SegmentVoice, ...] = ()
    sentence_ends: tuple[SentenceEnd, ...] = ()

    def segment(self, label: str) -> SegmentVoice | None:
        """The voice in the segment with this label, if measured."""
        return next((s for s in self.segments if s.label == label), None)

    def to_dict(self) -> dict[str, Any]:
        """Returns the JSON form."""
        return {"pitch_range_semitones": _r(self.pitch_range_semitones),
                "median_pitch_hz": _r(self.median_pitch_hz),
                "loudness_db": _r(self.loudness_db),
                "voiced_seconds": _r(self.voiced_seconds, 2),
                "segments": [s.to_dict() for s in self.segments],
                "sentence_ends": [e.to_dict() for e in self.sentence_ends]}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> VoiceMetrics:
        """Reads the JSON form."""
        return cls(pitch_range_semitones=_opt(d.get("pitch_range_semitones")),
                   median_pitch_hz=_opt(d.get("median_pitch_hz")),
                   loudness_db=_opt(d.get("loudness_db")),
                   voiced_seconds=float(d.get("voiced_seconds", 0.0)),
                   segments=tuple(SegmentVoice.from_dict(s) for s in d.get("segments", ())),
                   sentence_ends=tuple(SentenceEnd.from_dict(e)
                                       for e in d.get("sentence_ends", ())))
