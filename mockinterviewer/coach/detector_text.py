"""Shared helpers of the finding detectors: normalising a sentence, and reading its clauses."""

from __future__ import annotations

import re
from functools import lru_cache

from mockinterviewer.coach import detector_patterns as P


@lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """Normalises a sentence for the patterns.

    Args:
        text: raw text, as transcribed or typed.

    Returns:
        Lower case with straight quotes, "n't" spelled " not", "no one" spelled "nobody", dashes
        spelled " - ", other quotes dropped, and hesitations and hedges ("um", "basically",
        "like,") removed.
    """
    t = text.lower().replace("’", "'").replace("‘", "'")
    for pattern, repl in P.NORMALISE_STEPS:
        t = pattern.sub(repl, t)
    return t.strip(" ,")


def _clause_prefix(t: str, start: int) -> str:
    """The part of the clause holding position ``start`` that comes before it."""
    cut = 0
    for m in P.CLAUSE_BREAK.finditer(t, 0, start):
        cut = m.end()
    return t[cut:start]


def _negated(t: str, m: re.Match[str], group: int | str = 0) -> bool:
    """Tells whether a negator governs a match (in its clause before it, or inside it)."""
    return bool(P.NEGATOR.search(_clause_prefix(t, m.start()) + " " + m.group(group)))


def _speaker_before(t: str, pos: int) -> bool:
    """Tells whether the clause subject right before ``pos`` is the speaker ("I", "we")."""
    words = _clause_prefix(t, pos).split()[-3:]
    return any(w in {"i", "we"} for w in words)
