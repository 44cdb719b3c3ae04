"""Language: hedging and pet phrases, in spoken and written answers alike.

The detectors read the answer's words as strings (:mod:`~mockinterviewer.coach.language_hedges`,
:mod:`~mockinterviewer.coach.language_pets`); this module turns what they find into word spans for
the transcript (:func:`language_marks`), findings (:func:`language_findings`) and the metrics
(:func:`hedge_rate`, :func:`pet_phrases`).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from mockinterviewer.coach.language_hedges import (
    HEDGES_PER_100,
    MIN_HEDGES,
    find_hedges,
    hedge_rate,
    is_hedgy,
    spoken_count,
)
from mockinterviewer.coach.language_pets import PET_ANY_MIN, find_pet_phrases, pet_phrases
from mockinterviewer.coach.text import clean, ends_sentence
from mockinterviewer.coach.types import Finding, SegmentResult
from mockinterviewer.transcript import Word, is_filler

log = logging.getLogger(__name__)

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


def language_marks(words: Sequence[str], segments: Sequence[str] | None = None
                   ) -> tuple[LanguageMark, ...]:
    """The hedges counted against the user and the pet phrases, as word spans in word order.

    Args:
        words: the answer's words as said (``Word.word`` of each word of ``Analysis.words``).
        segments: the STAR label of each word, parallel to ``words`` (``situation``, ``task``,
            ``action``, ``result``, ``reflection``; see :func:`word_labels` to get them from an
            ``Analysis``), or None. A hedge in hindsight grammar ("next time I'd probably...")
            is never marked; one in a sentence that weighs a trade-off or draws the lesson is
            not marked when that sentence is in the Reflection (or when labels are None).

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
    """The words a..b with a few either side, within their sentence."""
    lo, hi = a, b
    while lo > 0 and a - lo < before and not ends_sentence(texts[lo - 1]):
        lo -= 1
    while hi + 1 < len(texts) and hi - b < after and not ends_sentence(texts[hi]):
        hi += 1
    return " ".join(w.strip() for w in texts[lo: hi + 1])


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
        windows: list[list[int]] = []
        for a, b in counted[:QUOTED_HEDGES]:
            if windows and a - 3 <= windows[-1][1] + 3:
                windows[-1][1] = b
            else:
                windows.append([a, b])
        quotes = " … ".join(_context(texts, a, b) for a, b in windows)
        said = ", ".join(f'"{" ".join(t.strip(",.;:!?") for t in texts[a: b + 1])}"'
                         for a, b in counted[:QUOTED_HEDGES])
        one = len(excused) == 1
        spared = (f" {len(excused)} more {'weighs' if one else 'weigh'} a choice in hindsight "
                  f"(\"next time I'd probably…\"); {'that is' if one else 'those are'} fine and "
                  f"{'was' if one else 'were'} not counted." if excused else "")
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
