"""Cutting timestamped words into units, the pieces of speech the STAR decoder labels whole.

A unit ends at a sentence end or a pause longer than ``PAUSE_SPLIT`` seconds; a unit longer than
``MAX_UNIT_WORDS`` words is split at a clause starter ("as a result", "so I"), a comma or the
longest pause. Very long answers have neighbouring units merged so that decoding stays fast.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from mockinterviewer.coach.cues import BOUNDARY_STARTERS
from mockinterviewer.coach.text import clean, ends_sentence, join
from mockinterviewer.transcript import Word

PAUSE_SPLIT = 0.6  # seconds of silence that end a unit
MAX_UNIT_WORDS = 22  # longer units are split at clause starters or commas
MAX_UNITS = 160  # a longer answer has neighbouring units merged, so decoding stays fast
_GLUE = frozenset({"and", "so", "that", "then", "but", "because"})

@dataclass(frozen=True)
class Unit:
    """A run of words that is labelled as a whole.

    Attributes:
        first: index of its first word.
        last: index one past its last word.
        start: when it starts.
        end: when it ends.
        text: its words.
    """

    first: int
    last: int
    start: float
    end: float
    text: str


def sanitize(words: Sequence[Word]) -> tuple[Word, ...]:
    """Drops words with impossible times and returns the rest in time order.

    Args:
        words: words from any source.

    Returns:
        Finite, non-negative, ordered words with ``end >= start``.
    """
    good = []
    for w in words:
        if not (math.isfinite(w.start) and math.isfinite(w.end)):
            continue
        if w.end < w.start:
            w = Word(w.word, w.start, w.start, w.filler, w.probability)
        good.append(w)
    return tuple(sorted(good, key=lambda w: (w.start, w.end)))


def split_units(words: Sequence[Word], pause: float = PAUSE_SPLIT) -> list[Unit]:
    """Cuts ordered words into units at sentence ends, pauses and clause starters.

    Args:
        words: ordered words.
        pause: silence in seconds that ends a unit.

    Returns:
        Units covering every word, in order.
    """
    cuts = [0]
    for i in range(1, len(words)):
        prev = words[i - 1]
        if ends_sentence(prev.word) or words[i].start - prev.end > pause:
            cuts.append(i)
    cuts.append(len(words))
    spans: list[tuple[int, int]] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        spans.extend(_split_long(words, a, b))
    return [Unit(a, b, words[a].start, words[b - 1].end, join(words[a:b]))
            for a, b in spans if b > a]


def cap_units(units: list[Unit], limit: int = MAX_UNITS) -> list[Unit]:
    """Merges neighbouring units until there are at most ``limit`` (keeps very long answers fast).

    Args:
        units: units in order.
        limit: most units to keep.

    Returns:
        The units, merged pairwise as often as needed.
    """
    while len(units) > limit:
        merged = []
        for a in range(0, len(units), 2):
            pair = units[a: a + 2]
            merged.append(Unit(pair[0].first, pair[-1].last, pair[0].start, pair[-1].end,
                               " ".join(u.text for u in pair)))
        units = merged
    return units


def _split_long(words: Sequence[Word], a: int, b: int) -> list[tuple[int, int]]:
    if b - a <= MAX_UNIT_WORDS:
        return [(a, b)]
    best, best_score = None, 0.0
    for i in range(a + 4, b - 4):
        one, two = clean(words[i].word), " ".join(clean(w.word) for w in words[i: i + 2])
        three = " ".join(clean(w.word) for w in words[i: i + 3])
        score = 0.0
        if BOUNDARY_STARTERS.match(three) or BOUNDARY_STARTERS.match(two):
            score = 3.0
        elif BOUNDARY_STARTERS.match(one):
            score = 2.0
        if words[i - 1].word.rstrip().endswith(","):
            score += 1.0
        if one in ("i", "we", "my", "our") and clean(words[i - 1].word) not in _GLUE:
            score += 1.0  # a new clause usually starts with its subject
        score += words[i].start - words[i - 1].end  # prefer the longest pause
        score -= abs((i - a) - (b - i)) / (b - a)  # and the middle
        if score > best_score:
            best, best_score = i, score
    if best is None:
        mid = (a + b) // 2
        return _split_long(words, a, mid) + _split_long(words, mid, b)
    return _split_long(words, a, best) + _split_long(words, best, b)
