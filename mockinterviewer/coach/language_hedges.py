"""Hedges: the words that soften what the speaker did ("I think", "sort of", "maybe").

A hedge counts against the user unless it sits in hindsight: a sentence whose own grammar looks
back or ahead ("would have", "next time", "looking back", "if I did it again", "I'd split the
rollout"), or a sentence that weighs a choice or draws the lesson ("the better call", "rather
than", "the real lesson") when the hedge itself is in the Reflection (or when the sentence is read
without its answer): a Result that runs into the lesson without a full stop keeps its hedges.
Word senses are told apart ("the kind of customer", "I thought about three options", "sort the
tickets", "I believe in"), and words quoted from someone else ("my manager said maybe we should
wait", "'I guess I'll go elsewhere'") are not the user's hedges.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from mockinterviewer.coach.language_lexicon import (
    HEDGE_VERBS,
    HEDGES,
    HINDSIGHT,
    PARTICIPLES,
    QUOTE_VERBS,
    TRADE_OFF,
    hedge_sense_ok,
)
from mockinterviewer.coach.text import clean, ends_sentence
from mockinterviewer.transcript import is_filler

HEDGES_PER_100 = 2.0  # hedges per 100 words above which the answer sounds unsure
MIN_HEDGES = 2  # and at least this many hedges


LONG_SENTENCE = 30  # words; a longer run (speech without full stops) is read in pieces
_PIECE = 20  # words per piece when a long run has no commas either
QUOTE_REACH = 15  # words after "she said" taken as someone else's


def _sentences(toks: Sequence[str], words: Sequence[str]) -> list[tuple[int, int]]:
    """(first, end) word ranges of the sentences (end exclusive). A run longer than
    :data:`LONG_SENTENCE` words is cut at its commas, or every :data:`_PIECE` words, so that one
    "looking back" in an unpunctuated answer does not excuse every hedge in it."""
    out, start = [], 0
    for i, w in enumerate(words):
        if ends_sentence(w) and toks[i]:
            out.append((start, i + 1))
            start = i + 1
    if start < len(words):
        out.append((start, len(words)))
    pieces: list[tuple[int, int]] = []
    for a, b in out:
        while b - a > LONG_SENTENCE:
            commas = [i + 1 for i in range(a + 8, min(b - 8, a + LONG_SENTENCE))
                      if words[i].rstrip().endswith(",")]
            cut = commas[-1] if commas else a + _PIECE
            pieces.append((a, cut))
            a = cut
        pieces.append((a, b))
    return pieces


@lru_cache(maxsize=16)
def _by_first(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases by their first word, in their own order (longest first in the lexicon)."""
    return {w: tuple(p for p in phrases if p[0] == w) for w in {p[0] for p in phrases}}


def _has(toks: Sequence[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    index = _by_first(phrases)
    return any(tuple(toks[i: i + len(p)]) == p
               for i, t in enumerate(toks) for p in index.get(t, ()))


_ADVERBS = frozenset({"probably", "likely", "still", "also", "definitely", "maybe", "just",
                      "actually", "then", "now", "honestly", "first", "rather"})


def _conditional(toks: Sequence[str]) -> bool:
    """Whether a sentence plans in hindsight with "I'd" / "I would" ("I'd split the rollout",
    "I would probably involve them"), not "I'd say" (a hedge) or "I'd done" ("I had")."""
    for k, t in enumerate(toks):
        if t in ("i'd", "we'd"):
            j = k + 1
        elif t in ("i", "we") and k + 1 < len(toks) and toks[k + 1] == "would":
            j = k + 2
        else:
            continue
        while j < len(toks) and toks[j] in _ADVERBS:
            j += 1
        verb = toks[j] if j < len(toks) else ""
        if verb and verb not in HEDGE_VERBS and verb not in PARTICIPLES and not (
                t in ("i'd", "we'd") and verb.endswith("ed")):
            return True
    return False


# Subjects whose reported words or thoughts are the speaker's own ("I thought", "it felt").
_OWN = frozenset({"i", "i'd", "we", "we'd", "it", "that", "this", "which"})


def _quoted(words: Sequence[str], toks: Sequence[str], first: int, end: int) -> list[bool]:
    """Per word of a sentence, whether it is someone else's words or thoughts (in quotes, or
    after "she said", "my manager thought")."""
    out = [False] * (end - first)
    inside = False
    for k in range(first, end):
        w = words[k].strip()
        opens = w[:1] in "\"“‘'" and len(w) > 1 and not w.startswith("'s")
        if opens:
            inside = True
        out[k - first] = inside
        if inside and w.rstrip(".,!?;:") [-1:] in "\"”’'" and not (opens and len(w) < 3):
            inside = False
    for k in range(first, end):
        if (toks[k] in QUOTE_VERBS and k > first
                and not _OWN.intersection(toks[max(first, k - 3): k])):
            for j in range(k + 1, min(end, k + 1 + QUOTE_REACH)):
                out[j - first] = True
            break
    return out


def _ends_clause(word: str) -> bool:
    return word.rstrip().rstrip("\"”’'").endswith((",", ".", "!", "?", ";", ":"))


def _label_at(labels: Sequence[str] | None, i: int) -> str:
    return labels[i] if labels is not None and i < len(labels) else ""


def find_hedges(words: Sequence[str], labels: Sequence[str] | None = None
                ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Finds hedges.

    Args:
        words: the answer's words as said (punctuation attached, as transcribed or written).
        labels: the STAR label of each word (``situation`` ... ``reflection``), or None when not
            known. With labels, lesson and trade-off words in a sentence excuse only the hedges
            said in the Reflection; without, any in that sentence. Hindsight grammar excuses a
            hedge anywhere.

    Returns:
        (counted, excused): (first, last) word spans, last inclusive; ``excused`` are hedges in
        hindsight or trade-off reflection, not counted against the user.
    """
    toks = [clean(w) for w in words]
    hedges = _by_first(HEDGES)
    counted: list[tuple[int, int]] = []
    excused: list[tuple[int, int]] = []
    for first, end in _sentences(toks, words):
        sent = toks[first:end]
        hindsight = _has(sent, HINDSIGHT) or _conditional(sent)
        weighs = _has(sent, TRADE_OFF)
        quoted = _quoted(words, toks, first, end)
        k = first
        while k < end:
            hit = next((h for h in hedges.get(toks[k], ()) if tuple(toks[k: k + len(h)]) == h
                        and k + len(h) <= end
                        and hedge_sense_ok(sent, k - first, h, _ends_clause(words[k + len(h) - 1]))
                        ), None)
            if hit is None:
                k += 1
                continue
            span = (k, k + len(hit) - 1)
            # A lesson excuses the hedges said in the Reflection, not those in a Result that
            # runs into it without a full stop.
            in_reflection = labels is None or _label_at(labels, k) == "reflection"
            if not quoted[k - first]:
                (excused if hindsight or (weighs and in_reflection) else counted).append(span)
            k += len(hit)
    return counted, excused


def spoken_count(words: Sequence[str]) -> int:
    """Words that are not hesitations ("um")."""
    return sum(1 for w in words if clean(w) and not is_filler(w))


def hedge_rate(words: Sequence[str], labels: Sequence[str] | None = None) -> float:
    """Counted hedges per 100 spoken words (0 for an empty answer)."""
    n = spoken_count(words)
    return 100.0 * len(find_hedges(words, labels)[0]) / n if n else 0.0


def is_hedgy(words: Sequence[str], labels: Sequence[str] | None = None,
             excuse: bool = True) -> bool:
    """Whether the answer hedges enough to coach it (see :data:`HEDGES_PER_100`).

    Args:
        words: the answer's words.
        labels: the STAR label of each word (see :func:`find_hedges`).
        excuse: False counts hindsight hedges too (to measure what the rule is worth).
    """
    counted, excused = find_hedges(words, labels)
    if not excuse:
        counted = counted + excused
    n = spoken_count(words)
    return len(counted) >= MIN_HEDGES and n > 0 and 100.0 * len(counted) / n > HEDGES_PER_100
