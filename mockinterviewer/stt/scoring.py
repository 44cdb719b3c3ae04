"""Accuracy measures: word error rate (fillers scored apart) and filler recall."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mockinterviewer.transcript import FILLER_WORDS, Word

_CONTRACTIONS = {"yknow": "you know", "y'know": "you know", "gonna": "going to"}


_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def number_words(n: int) -> str:
    """Spells a whole number below a million in words ("four hundred twenty")."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else " " + _ONES[n % 10])
    if n < 1000:
        rest = n % 100
        return _ONES[n // 100] + " hundred" + ("" if rest == 0 else " " + number_words(rest))
    if n < 1_000_000:
        rest = n % 1000
        head = number_words(n // 1000) + " thousand"
        return head + ("" if rest == 0 else " " + number_words(rest))
    return str(n)


def normalize(text: str) -> list[str]:
    """Lower-cases, drops punctuation, spells numbers and a few colloquial forms out.

    Args:
        text: any transcript or reference.

    Returns:
        The tokens.
    """
    text = text.lower().replace("’", "'")
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    text = re.sub(r"[^a-z0-9' ]+", " ", text.replace("-", " "))
    tokens: list[str] = []
    for tok in text.split():
        tok = tok.strip("'")
        if not tok:
            continue
        if tok.isdigit():
            tokens.extend(number_words(int(tok)).split())
            continue
        tokens.extend(_CONTRACTIONS.get(tok, tok).split())
    return tokens


def split_fillers(tokens: list[str]) -> tuple[list[str], int]:
    """Returns the tokens without fillers, and how many fillers there were."""
    kept = [t for t in tokens if t not in FILLER_WORDS]
    return kept, len(tokens) - len(kept)


def wer(reference: str, words: list[Word] | tuple[Word, ...]) -> float:
    """Word error rate (0..1+) of transcribed words against a reference, fillers excluded.

    Args:
        reference: the reference text.
        words: the transcribed words.

    Returns:
        The WER, with case, punctuation and fillers removed on both sides.
    """
    import jiwer

    ref, _ = split_fillers(normalize(reference))
    hyp, _ = split_fillers(normalize(" ".join(w.word for w in words if not w.filler)))
    if not ref:
        return 0.0 if not hyp else 1.0
    return float(jiwer.wer(" ".join(ref), " ".join(hyp) if hyp else ""))


@dataclass(frozen=True)
class FillerScore:
    """Filler capture against a reference.

    Attributes:
        reference: fillers in the reference.
        found: fillers in the transcript.
        matched: min(reference, found): fillers counted as caught.
        false: fillers beyond the reference count.
        minutes: audio length in minutes.
    """

    reference: int
    found: int
    matched: int
    false: int
    minutes: float

    @property
    def recall(self) -> float | None:
        """Share of reference fillers caught (None when the reference has none)."""
        return self.matched / self.reference if self.reference else None

    @property
    def false_per_minute(self) -> float:
        """Fillers beyond the reference count, per minute of audio."""
        return self.false / self.minutes if self.minutes > 0 else 0.0


def filler_score(
    reference: str, words: list[Word] | tuple[Word, ...], seconds: float
) -> FillerScore:
    """Counts fillers in the transcript against the reference (order-free count match)."""
    _, ref = split_fillers(normalize(reference))
    found = sum(1 for w in words if w.filler)
    return FillerScore(ref, found, min(ref, found), max(0, found - ref), seconds / 60.0)


def load_references(folder: Path) -> dict[str, str]:
    """Reads ``transcripts.tsv`` (file, text, ...) beside audio files, if present."""
    tsv = Path(folder) / "transcripts.tsv"
    out: dict[str, str] = {}
    if not tsv.is_file():
        return out
    for line in tsv.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].strip() and not line.startswith("#"):
            out[parts[0].strip()] = parts[1].strip()
    return out
