"""Marks over an answer's words (fillers, hedges, pet phrases) and the word playing at a moment.

The replay highlights words by kind; any value with ``kind``, ``first_word`` and ``last_word``
(inclusive indexes into the answer's word list) is a mark, so the language detectors' marks and
the fillers found here are shown alike.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from mockinterviewer.transcript import Word, is_filler

MARK_KINDS: tuple[str, ...] = ("filler", "hedge", "pet_phrase")
"""Kinds in the order they win when marks overlap (a filler inside a hedge shows as a filler)."""


class WordMarkLike(Protocol):
    """A run of words of one kind."""

    @property
    def kind(self) -> str:
        """``filler``, ``hedge`` or ``pet_phrase``."""
        ...

    @property
    def first_word(self) -> int:
        """Index of the first word."""
        ...

    @property
    def last_word(self) -> int:
        """Index of the last word (inclusive)."""
        ...


@dataclass(frozen=True)
class WordMark:
    """A run of words of one kind (see :class:`WordMarkLike`)."""

    kind: str
    first_word: int
    last_word: int


def filler_marks(words: Sequence[Word]) -> tuple[WordMark, ...]:
    """One mark per hesitation ("um", "uh") in the words."""
    return tuple(WordMark("filler", i, i) for i, w in enumerate(words)
                 if w.filler or is_filler(w.word))


def word_kinds(count: int, marks: Sequence[WordMarkLike]) -> list[str | None]:
    """The kind each word is highlighted as (None: not marked).

    Args:
        count: number of words.
        marks: the marks; ranges outside ``0..count-1`` are clipped, unknown kinds ignored.

    Returns:
        One kind (or None) per word; where marks overlap the earlier kind of
        :data:`MARK_KINDS` wins.
    """
    rank = {k: i for i, k in enumerate(MARK_KINDS)}
    kinds: list[str | None] = [None] * count
    for m in marks:
        if m.kind not in rank:
            continue
        for i in range(max(0, m.first_word), min(count, m.last_word + 1)):
            old = kinds[i]
            if old is None or rank[m.kind] < rank[old]:
                kinds[i] = m.kind
    return kinds


def word_at(words: Sequence[Word], seconds: float) -> int | None:
    """The index of the word being said at ``seconds`` (the last one started), or None before
    the first word."""
    starts = [w.start for w in words]
    i = bisect.bisect_right(starts, seconds + 1e-6) - 1
    return i if i >= 0 else None
