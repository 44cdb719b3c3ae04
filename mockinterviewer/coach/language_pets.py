"""Pet phrases: a word or phrase said far above normal use.

Three ways in, each in its habit sense only ("like" as a filler, not "looks like"):

- a known verbal habit ("basically", "you know", "at the end of the day") said
  :data:`PET_KNOWN_MIN` times;
- any other 1-4-word phrase made only of grammar and discourse words, with at least one
  discourse word, said :data:`PET_ANY_MIN` times and :data:`PET_FACTOR` times more often than
  normal use (:mod:`~mockinterviewer.coach.language_baseline`);
- a stock phrase said as an aside, set off by commas ("long story short", "so to speak").

A phrase with a content word that is not set off, a name or a number carries the story and never
counts; a phrase that is part of a longer counted one is left out.
"""

from __future__ import annotations

from collections.abc import Sequence

from mockinterviewer.coach.language_baseline import baseline, is_grammar
from mockinterviewer.coach.language_lexicon import DISCOURSE, PETS, pet_sense_ok
from mockinterviewer.coach.text import clean
from mockinterviewer.transcript import is_filler

PET_KNOWN_MIN = 3  # a known pet phrase said this many times is noticed
PET_ANY_MIN = 4  # any other non-content phrase needs this many
PET_FACTOR = 3.0  # and this many times its normal rate (see language_baseline)
MAX_N = 4  # longest phrase looked for

# Connectives too common alone to call a habit ("so I called", "so bad", "so that").
_TOO_COMMON = frozenset({("so",), ("well",), ("right",), ("sure",), ("yes",)})


def _sub(short: str, long: str) -> bool:
    """Whether phrase ``short`` is a proper part of phrase ``long``."""
    return short != long and f" {short} " in f" {long} "


def find_pet_phrases(words: Sequence[str]) -> dict[str, list[int]]:
    """Finds pet phrases.

    A known phrase counts when said :data:`PET_KNOWN_MIN` times in its habit sense; any other
    1-4-word phrase made only of grammar and discourse words counts when said
    :data:`PET_ANY_MIN` times and :data:`PET_FACTOR` times more often than normal use (see
    :mod:`~mockinterviewer.coach.language_baseline`). A phrase with a content word, a name or a
    number carries the story and never counts.

    Args:
        words: the answer's words as said.

    Returns:
        Phrase -> the word indexes where each saying of it starts (a phrase that is only part
        of a longer counted one is left out).
    """
    toks = [clean(w) for w in words]
    spoken = [(i, t) for i, t in enumerate(toks) if t and not is_filler(t)]
    seq = [t for _, t in spoken]
    # set off by commas ("it was, like, slow"): a spoken aside, never the literal word
    aside = [words[i].rstrip().endswith(",") or (k > 0 and words[spoken[k - 1][0]].rstrip()
                                                 .endswith(","))
             for k, (i, _) in enumerate(spoken)]
    where: dict[str, list[int]] = {}
    literal = [False] * len(seq)  # a word used literally ("looks like", "the right call")
    for pet in PETS:
        n = len(pet)
        at = []
        for i in range(len(seq) - n + 1):
            if tuple(seq[i: i + n]) != pet:
                continue
            if aside[i] or pet_sense_ok(seq, i, pet):
                at.append(i)
            else:
                literal[i: i + n] = [True] * n
        if len(at) >= PET_KNOWN_MIN:
            where[" ".join(pet)] = at
    # a known phrase inside a longer counted one ("you know" in "you know what I mean")
    where = {p: at for p, at in where.items()
             if not any(_sub(p, q) and len(where[q]) >= len(at) - 1 for q in where)}
    known = dict(where)
    rates = baseline()
    total = len(seq)
    grams: dict[tuple[str, ...], list[int]] = {}
    for n in range(MAX_N, 0, -1):
        for i in range(total - n + 1):
            g = tuple(seq[i: i + n])
            if any(literal[i: i + n]) or not all(is_grammar(t) for t in g):
                continue
            grams.setdefault(g, []).append(i)
    taken = [False] * total  # words inside a counted saying
    for p, at in where.items():
        for i in at:
            taken[i: i + len(p.split())] = [True] * len(p.split())
    for g, found in sorted(grams.items(), key=lambda kv: (-len(kv[0]), -len(kv[1]))):
        phrase = " ".join(g)
        at = [i for i in found if not any(taken[i: i + len(g)])]
        if (len(at) < PET_ANY_MIN or phrase in where or not any(t in DISCOURSE for t in g)
                or g in _TOO_COMMON):
            continue
        expected = rates.get(phrase, 0.0) * total / 1000.0
        if len(at) < PET_FACTOR * expected:
            continue
        if any(_sub(phrase, q) and len(where[q]) >= len(at) - 1 for q in where):
            continue  # part of a longer counted phrase
        if any(_sub(p, phrase) for p in known):
            continue  # a known pet phrase with a neighbour ("was super")
        where[phrase] = at
        for i in at:
            taken[i: i + len(g)] = [True] * len(g)
    where.update(_asides(words, spoken, taken, where))
    return {p: [spoken[i][0] for i in at] for p, at in where.items()}


def _set_off(words: Sequence[str], first: int, last: int) -> bool:
    """Whether words[first..last] stand apart: a clause break or the start before, and a comma
    or sentence end after ("..., long story short, we...")."""
    tag = clean(words[first]) in ("and", "or")  # a trailing tag: "pallets and whatnot."
    before = tag or first == 0 or words[first - 1].rstrip().endswith(
        (",", ".", "?", "!", ";", ":"))
    return before and words[last].rstrip().endswith((",", ".", "?", "!", ";", ":"))


def _asides(words: Sequence[str], spoken: Sequence[tuple[int, str]], taken: Sequence[bool],
            counted: dict[str, list[int]]) -> dict[str, list[int]]:
    """Stock phrases said as asides: a 2-4-word phrase said :data:`PET_ANY_MIN` times or more,
    set off by commas at least three times in four ("long story short", "so to speak", "and
    whatnot"). Story words are not set off like that; a phrase with a number never counts."""
    seq = [t for _, t in spoken]
    out: dict[str, list[int]] = {}
    busy = list(taken)
    for n in range(MAX_N, 1, -1):
        grams: dict[tuple[str, ...], list[int]] = {}
        for k in range(len(seq) - n + 1):
            g = tuple(seq[k: k + n])
            if any(c.isdigit() for t in g for c in t) or any(busy[k: k + n]):
                continue
            grams.setdefault(g, []).append(k)
        for g, at in grams.items():
            phrase = " ".join(g)
            if len(at) < PET_ANY_MIN or phrase in counted or any(_sub(phrase, q) for q in out):
                continue
            off = sum(_set_off(words, spoken[k][0], spoken[k + n - 1][0]) for k in at)
            if off >= 0.75 * len(at):
                out[phrase] = at
                for k in at:
                    busy[k: k + n] = [True] * n
    return out


def pet_phrases(words: Sequence[str]) -> dict[str, int]:
    """Pet phrase -> how many times it was said."""
    return {p: len(at) for p, at in find_pet_phrases(words).items()}
