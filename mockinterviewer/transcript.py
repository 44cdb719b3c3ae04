"""Timestamped words: the plain data shared by speech-to-text and the coaching engine."""

from __future__ import annotations

from dataclasses import dataclass, field

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
