"""Language: hedging and pet phrases, in spoken and written answers alike.

Two detectors read the answer's words (strings; times only matter for the findings):

- **Hedges** ("I think", "sort of", "maybe", "I guess") soften what the speaker did. A hedge
  counts against the user unless it sits in hindsight: a sentence whose own grammar looks back or
  ahead ("would have", "next time", "looking back", "if I did it again"), or a Reflection sentence
  that weighs a trade-off ("the better call", "rather than", "worth it"). Word senses are told
  apart ("the kind of customer", "I thought about three options", "sort the tickets"), and words
  quoted from someone else ("my manager said maybe we should wait") are not the user's hedges.
- **Pet phrases** are words or phrases repeated far above normal use: a list of known ones
  ("basically", "you know", "at the end of the day") and any 1-4-word phrase said 4 or more times
  that is made only of function and discourse words (a phrase with a content word, a name or a
  number carries the story and is not a pet phrase).

:func:`language_marks` gives both as word spans (for highlighting the transcript);
:func:`language_findings` turns them into findings; :func:`hedge_rate` and :func:`pet_phrases`
are the metrics.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from mockinterviewer.coach.language_lexicon import (
    DISCOURSE,
    FUNCTION,
    HEDGES,
    HINDSIGHT,
    PETS,
    QUOTE_VERBS,
    TRADE_OFF,
    hedge_sense_ok,
    pet_sense_ok,
)
from mockinterviewer.coach.text import clean, ends_sentence
from mockinterviewer.coach.types import Finding, SegmentResult
from mockinterviewer.transcript import Word, is_filler

log = logging.getLogger(__name__)

HEDGES_PER_100 = 1.5  # hedges per 100 words above which the answer sounds unsure
MIN_HEDGES = 2  # and at least this many hedges
PET_KNOWN_MIN = 3  # a known pet phrase said this many times is noticed
PET_ANY_MIN = 4  # any other non-content phrase needs this many
MAX_N = 4  # longest phrase looked for
QUOTED_HEDGES = 3  # hedges quoted in a finding

MarkKind = Literal["hedge", "pet_phrase"]


@dataclass(frozen=True)
class LanguageMark:
    """A hedge or pet phrase in an answer, as a span of its words.

    Attributes:
        kind: ``hedge`` (counted against the user) or ``pet_phrase``.
        first_word: index of its first word in the answer's word list.
        last_word: index of its last word (inclusive).
        text: the words as said.
    """

    kind: MarkKind
    first_word: int
    last_word: int
    text: str


def _sentences(toks: Sequence[str], words: Sequence[str]) -> list[tuple[int, int]]:
    """(first, end) word ranges of the sentences (end exclusive)."""
    out, start = [], 0
    for i, w in enumerate(words):
        if ends_sentence(w) and toks[i]:
            out.append((start, i + 1))
            start = i + 1
    if start < len(words):
        out.append((start, len(words)))
    return out


def _has(toks: Sequence[str], phrases: Sequence[tuple[str, ...]]) -> bool:
    return any(tuple(toks[i: i + len(p)]) == p for p in phrases for i in range(len(toks)))


def _quoted(words: Sequence[str], toks: Sequence[str], first: int, end: int) -> list[bool]:
    """Per word of a sentence, whether it is someone else's words (in quotes, or after "she
    said", "my manager asked")."""
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
        if toks[k] in QUOTE_VERBS and k > first and toks[k - 1] not in ("i", "i'd", "we"):
            for j in range(k + 1, end):
                out[j - first] = True
            break
    return out


def _label_at(labels: Sequence[str] | None, i: int) -> str:
    return labels[i] if labels is not None and i < len(labels) else ""


def find_hedges(words: Sequence[str], labels: Sequence[str] | None = None
                ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Finds hedges.

    Args:
        words: the answer's words as said (punctuation attached, as transcribed or written).
        labels: the STAR label of each word (``situation`` ... ``reflection``), or None when not
            known (then only a sentence's own hindsight grammar excuses a hedge).

    Returns:
        (counted, excused): (first, last) word spans, last inclusive; ``excused`` are hedges in
        hindsight or trade-off reflection, not counted against the user.
    """
    toks = [clean(w) for w in words]
    counted: list[tuple[int, int]] = []
    excused: list[tuple[int, int]] = []
    for first, end in _sentences(toks, words):
        sent = toks[first:end]
        hindsight = _has(sent, HINDSIGHT)
        in_reflection = any(_label_at(labels, k) == "reflection" for k in range(first, end))
        weighs = in_reflection and _has(sent, TRADE_OFF)
        quoted = _quoted(words, toks, first, end)
        k = first
        while k < end:
            hit = next((h for h in HEDGES if tuple(toks[k: k + len(h)]) == h
                        and k + len(h) <= end and hedge_sense_ok(toks, k, h)), None)
            if hit is None:
                k += 1
                continue
            span = (k, k + len(hit) - 1)
            if not quoted[k - first]:
                (excused if hindsight or weighs else counted).append(span)
            k += len(hit)
    return counted, excused


def spoken_count(words: Sequence[str]) -> int:
    """Words that are not hesitations ("um")."""
    return sum(1 for w in words if clean(w) and not is_filler(w))


def hedge_rate(words: Sequence[str], labels: Sequence[str] | None = None) -> float:
    """Counted hedges per 100 spoken words (0 for an empty answer)."""
    n = spoken_count(words)
    return 100.0 * len(find_hedges(words, labels)[0]) / n if n else 0.0


def is_hedgy(words: Sequence[str], labels: Sequence[str] | None = None) -> bool:
    """Whether the answer hedges enough to coach it (see :data:`HEDGES_PER_100`)."""
    counted = find_hedges(words, labels)[0]
    n = spoken_count(words)
    return len(counted) >= MIN_HEDGES and n > 0 and 100.0 * len(counted) / n > HEDGES_PER_100


def _content(tok: str) -> bool:
    return tok not in FUNCTION and tok not in DISCOURSE


def find_pet_phrases(words: Sequence[str]) -> dict[str, list[int]]:
    """Finds pet phrases.

    Args:
        words: the answer's words as said.

    Returns:
        Phrase -> the word indexes where each saying of it starts (only phrases said often
        enough; a phrase inside a longer counted one is left out).
    """
    toks = [clean(w) for w in words]
    spoken = [(i, t) for i, t in enumerate(toks) if t and not is_filler(t)]
    seq = [t for _, t in spoken]
    # set off by commas ("it was, like, slow"): a spoken aside, never the literal word
    aside = [words[i].rstrip().endswith(",") or (k > 0 and words[spoken[k - 1][0]].rstrip()
                                                 .endswith(","))
             for k, (i, _) in enumerate(spoken)]
    where: dict[str, list[int]] = {}
    for pet in PETS:
        n = len(pet)
        at = [spoken[i][0] for i in range(len(seq) - n + 1)
              if tuple(seq[i: i + n]) == pet and (aside[i] or pet_sense_ok(seq, i, pet))]
        if len(at) >= PET_KNOWN_MIN:
            where[" ".join(pet)] = at
    # a word used literally ("looks like", "the right call") carries the story here
    literal = [False] * len(seq)
    for i in range(len(seq)):
        for pet in PETS:
            if (tuple(seq[i: i + len(pet)]) == pet and not aside[i]
                    and not pet_sense_ok(seq, i, pet)):
                for j in range(i, i + len(pet)):
                    literal[j] = True
    grams: Counter[tuple[str, ...]] = Counter()
    for n in range(1, MAX_N + 1):
        for i in range(len(seq) - n + 1):
            g = tuple(seq[i: i + n])
            if (any(_content(t) or literal[i + j] for j, t in enumerate(g))
                    or not any(t in DISCOURSE for t in g)):
                continue
            grams[g] += 1
    for g, c in sorted(grams.items(), key=lambda kv: (-len(kv[0]), -kv[1])):
        phrase = " ".join(g)
        if c < PET_ANY_MIN or phrase in where:
            continue
        if any(f" {phrase} " in f" {longer} " for longer in where):
            continue
        n = len(g)
        where[phrase] = [spoken[i][0] for i in range(len(seq) - n + 1)
                         if tuple(seq[i: i + n]) == g and not any(literal[i: i + n])]
    # a counted phrase inside a longer counted one is the longer one's echo
    return {p: at for p, at in where.items()
            if not any(p != q and f" {p} " in f" {q} " and len(where[q]) >= len(at) - 1
                       for q in where)}


def pet_phrases(words: Sequence[str]) -> dict[str, int]:
    """Pet phrase -> how many times it was said."""
    return {p: len(at) for p, at in find_pet_phrases(words).items()}


def language_marks(words: Sequence[str], segments: Sequence[str] | None = None
                   ) -> tuple[LanguageMark, ...]:
    """The hedges counted against the user and the pet phrases, as word spans in word order.

    Args:
        words: the answer's words as said (``Word.word`` of each word of ``Analysis.words``).
        segments: the STAR label of each word, parallel to ``words`` (see :func:`word_labels`),
            or None. With labels, a hedge in a Reflection sentence that weighs a trade-off is not
            marked; without, only a sentence's own hindsight grammar excuses a hedge.

    Returns:
        The marks, sorted by first word; hedges in hindsight are not marked.
    """
    out = [LanguageMark("hedge", a, b, " ".join(w.strip() for w in words[a: b + 1]))
           for a, b in find_hedges(words, segments)[0]]
    for phrase, starts in find_pet_phrases(words).items():
        n = len(phrase.split())
        for s in starts:
            last = s
            got = 1
            while got < n and last + 1 < len(words):
                last += 1
                if clean(words[last]) and not is_filler(words[last]):
                    got += 1
            out.append(LanguageMark("pet_phrase", s, last,
                                    " ".join(w.strip() for w in words[s: last + 1])))
    return tuple(sorted(out, key=lambda m: (m.first_word, m.kind)))


def word_labels(words: Sequence[Word], segments: Sequence[SegmentResult]) -> tuple[str, ...]:
    """The STAR label of each word, by time (for an analysis read back from JSON).

    Args:
        words: the answer's words (``Analysis.words``).
        segments: its segments (``Analysis.segments``).

    Returns:
        A label per word ("" for a word outside every segment).
    """
    spans = [(s.start, s.end, s.label) for s in segments if s.status != "missing"]
    return tuple(next((lab for a, b, lab in spans if a <= (w.start + w.end) / 2 < b), "")
                 for w in words)


def _clock(t: float) -> str:
    return f"{int(t // 60)}:{int(t % 60):02d}"


def _context(texts: Sequence[str], a: int, b: int, before: int = 3, after: int = 3) -> str:
    return " ".join(w.strip() for w in texts[max(0, a - before): b + 1 + after])


def language_findings(words: Sequence[Word], labels: Sequence[str] | None = None,
                      timed: bool = True) -> list[Finding]:
    """The ``language.hedging`` and ``language.pet_phrase`` findings.

    Args:
        words: the answer's words.
        labels: the STAR label of each word (see :func:`find_hedges`).
        timed: whether the times are real (else findings carry no start time).

    Returns:
        At most one hedging finding and one finding per pet phrase (three at most).
    """
    texts = [w.word for w in words]
    out: list[Finding] = []
    counted, excused = find_hedges(texts, labels)
    n = spoken_count(texts)
    rate = 100.0 * len(counted) / n if n else 0.0
    if len(counted) >= MIN_HEDGES and rate > HEDGES_PER_100:
        quotes = " … ".join(_context(texts, a, b) for a, b in counted[:QUOTED_HEDGES])
        said = ", ".join(f'"{" ".join(t.strip(",.;:!?") for t in texts[a: b + 1])}"'
                         for a, b in counted[:QUOTED_HEDGES])
        spared = (f" Hedges while weighing a trade-off in hindsight ({len(excused)}) are fine "
                  "and not counted." if excused else "")
        out.append(Finding(
            "language.hedging", None, "warning" if rate > 2 * HEDGES_PER_100 else "info",
            quotes, words[counted[0][0]].start if timed else None,
            f"You hedged {len(counted)} times ({rate:.1f} per 100 words), for example {said}. "
            "State what you did and what happened; confidence is part of the signal." + spared))
    pets = sorted(find_pet_phrases(texts).items(), key=lambda kv: -len(kv[1]))
    for phrase, starts in pets[:3]:
        when = (" (at " + ", ".join(_clock(words[i].start) for i in starts) + ")") if timed else ""
        a = starts[0]
        out.append(Finding(
            "language.pet_phrase", None, "warning" if len(starts) >= 2 * PET_ANY_MIN else "info",
            _context(texts, a, a + len(phrase.split()) - 1),
            words[a].start if timed else None,
            f'You said "{phrase}" {len(starts)} times{when}. Repeated, it is what the '
            "interviewer remembers; drop it or pause instead."))
    return out


__all__ = [
    "LanguageMark",
    "find_hedges",
    "find_pet_phrases",
    "hedge_rate",
    "is_hedgy",
    "language_findings",
    "language_marks",
    "pet_phrases",
    "spoken_count",
    "word_labels",
]
