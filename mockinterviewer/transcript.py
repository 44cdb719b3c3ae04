"""Timestamped words: the plain data shared by speech-to-text and the coaching engine."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

FILLER_WORDS = frozenset({"um", "uh", "erm", "er", "ah", "hmm", "mm", "uhm", "umm", "uhh", "eh"})


@dataclass(frozen=True)
class Word:
    """One spoken word.

    Attributes:
        word: the text as transcribed, without surrounding spaces.
        start: seconds from the start of the recording.
        end: seconds from the start of the recording.
        filler: True for "um", "uh" and similar hesitations.
        probability: the recogniser's confidence, 0..1.
    """

    word: str
    start: float
    end: float
    filler: bool = False
    probability: float = 1.0

    def to_dict(self) -> dict[str, object]:
        """Returns the JSON form ``{word, start, end, filler}``."""
        return {
            "word": self.word,
            "start": round(self.start, 3),
            "end": round(self.end, 3),
            "filler": self.filler,
        }


@dataclass(frozen=True)
class Transcript:
    """A transcribed recording.

    Attributes:
        words: the words in time order.
        duration: seconds of audio.
        model: the model name that produced it.
        device: ``cpu`` or ``cuda``.
    """

    words: tuple[Word, ...] = field(default_factory=tuple)
    duration: float = 0.0
    model: str = ""
    device: str = ""

    @property
    def text(self) -> str:
        """The words joined into text."""
        return join_words(self.words)


def join_words(words: tuple[Word, ...] | list[Word]) -> str:
    """Joins words into readable text.

    Args:
        words: the words.

    Returns:
        The text with single spaces.
    """
    return " ".join(w.word.strip() for w in words if w.word.strip())


def is_filler(token: str) -> bool:
    """Tells whether a token is a hesitation such as "um" or "uh".

    Args:
        token: one word, with or without punctuation.

    Returns:
        True for a filler.
    """
    return token.strip().strip(".,!?;:-\"'").lower() in FILLER_WORDS


CutReason = Literal["disk", "microphone"]
"""Why a recording ended before the user finished: ``disk`` the recording could not be written
(a full disk, a write error), ``microphone`` the input device failed or went silent for good."""
CUT_REASONS: tuple[CutReason, ...] = ("disk", "microphone")


@dataclass(frozen=True)
class CutShort:
    """A fault ended the answer before the user did.

    Attributes:
        seconds: where the recording stopped (seconds from its start).
        reason: the kind of fault (see :data:`CutReason`).
        detail: the fault's own message, worded for the user ("" when unknown).
    """

    seconds: float
    reason: CutReason
    detail: str = ""

    def to_dict(self) -> dict[str, object]:
        """Returns the JSON form ``{seconds, reason, detail}``."""
        return {"seconds": round(self.seconds, 2), "reason": self.reason, "detail": self.detail}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any] | None) -> CutShort | None:
        """Reads :meth:`to_dict`'s form; None for None or a malformed value."""
        if not isinstance(d, Mapping):
            return None
        try:
            seconds = float(d.get("seconds", 0.0))
        except (TypeError, ValueError):
            return None
        reason: CutReason = next((r for r in CUT_REASONS if r == d.get("reason")), "microphone")
        return cls(seconds, reason, str(d.get("detail", "") or ""))
