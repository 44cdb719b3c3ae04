"""Annotated units: the pieces of an answer the STAR decoder labels whole, computed once.

An answer's words are cut into units at sentence ends, at pauses longer than ``PAUSE_SPLIT``
seconds, at clause boundaries (a comma or dash followed by a new clause), and before discourse
markers that open a new step of a story ("so I", "and then I", "which meant", "as a result",
"looking back"). A long run with no punctuation (note-form, or a speaker who never pauses) is cut
at the same clause boundaries, never at a fixed word count. Cuts never leave a unit shorter than
``MIN_UNIT_WORDS`` spoken words.

Hedges ("I think", "I guess", "maybe", "sort of") say how sure the speaker is, not which part of
the story they are telling, and a hesitant speaker puts them in every part. They are left out of
the words the classifier reads and never open or close a unit ("his detentions dropped, I believe,
to one a term" stays one unit). Before this, a hedged Action read as Reflection: a writer's 64
hedging answers, read blind, had a Reflection invented in half of those that had none.

Each :class:`Unit` carries its text, times, tokens and flags; segmentation, findings and delivery
all read the same units (:func:`annotate`), so the words are cleaned and tokenised once.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from mockinterviewer.coach.boundary_model import (
    THRESHOLD,
    BoundaryModel,
    choose_cuts,
    default_boundaries,
)
from mockinterviewer.coach.language_hedges import find_hedges
from mockinterviewer.coach.part_labels import name_starts
from mockinterviewer.coach.text import clean, ends_sentence, join, tokens, word_set
from mockinterviewer.transcript import Word, is_filler

PAUSE_SPLIT = 0.6  # seconds of silence that end a unit
MIN_UNIT_WORDS = 3  # a cut never leaves fewer spoken words than this on either side
MAX_UNITS = 240  # a longer answer has neighbouring units merged, so decoding stays fast

# Words that start a new clause when they follow a comma, dash or colon (or open a sentence).
_SUBJECTS = word_set("""i we they he she it my our their you this that there the everyone nobody
    management""")
# Discourse markers that open a new step of a story even without punctuation before them. Each is
# a sequence of tokens; the cut goes before the first one. They are general spoken-English clause
# openers, not the wording of any answer.
_MARKERS: tuple[tuple[str, ...], ...] = tuple(tuple(m.split()) for m in """
    so i|so we|so my|so the|so that's|and so|and then|then i|then we|after that|afterwards
    which meant|which means|that meant|this meant|as a result|in the end|by the end|at the end
    ultimately|eventually|in total|overall|looking back|in hindsight|in retrospect|on reflection
    what i learned|what i learnt|the lesson|my lesson|my takeaway|the takeaway|next time
    if i did|if i had|if i were|i learned|i learnt|i realized|i realised|since then|now i
    my goal|the goal|my job|my task|my role|my responsibility|i decided|i needed|i had to
    i wanted|nobody asked|no one asked|first i|first we|first of all|to start|i started
    i began|but i|but we|and i|and we|because of that|thanks to|the result|the outcome
    the impact|these days|going forward|today|now we|now the|it turned out|turns out""".replace(
    "\n", "|").split("|") if m.strip())
_LONG_RUN = 10  # in a run this long without punctuation, any clause opener starts a unit
# A run this long with no sentence end is note-form even in an answer that has a full stop
# elsewhere ("shift sup, coffee shop, 2 sites. pastries ordered same qty every day, bin full at
# every close took it on myself ... logged sales + waste per item for 4 wks, spotted ..."): the
# clause rules cut it at commas and openers as usual, and the boundary model adds the cuts it is
# sure of (as it cuts an answer with no sentence end at all, with a higher bar).
_NOTE_RUN = 40
_NOTE_RUN_THRESHOLD = 0.2
# A token of its own that steps to the next item of a list of notes ("-> rang her", "• chased
# it", "sous chef | food cost 34%"). A run of 2 * _LONG_RUN words holding one is note-form even
# when the answer has a full stop somewhere ("HR generalist, 3 sites. holiday requests = paper
# form -> line mgr -> HR ..."), so it is cut at every comma, colon and arrow.
_STEP = re.compile(r"-+>|=+>|→|⇒|•|\|")
_PERSONS = word_set("""i we they he she nobody everyone management""")
# Past-tense verbs that open a subject-less clause in note-form ("raised it", "built a sheet").
_IRREGULAR_PAST = word_set("""built wrote ran found made took got gave told brought led sent
    kept met spent paid sat set put cut held felt heard began chose
    drew drove flew""")
_BEFORE_VERB = word_set("""i we they he she it you was were had have has be been being is are to
    the a an my our not never just also then and so but who that which
    got get been when if once after before""")


# The label a note gives its next line ("goal: keep the sale", "my part: reconcile the numbers",
# "lesson: ask sooner"). Written without a full stop before it ("... = 5 days goal: get her the
# shoes"), it heads the words after it, not the ones before: the unit starts at the label. The
# words are the parts of a story and their everyday names, not the wording of any answer.
_HEAD_WORDS = word_set("""context situation background setting problem issue challenge goal goals
    aim aims task target objective brief remit ask me part role job resp responsibility
    action actions steps approach did result results outcome outcomes impact numbers lesson
    lessons learned learnt learning learnings takeaway takeaways reflection hindsight
    differently headline tldr summary""")
_HEAD_LEAD = word_set("""my our the what i i'd do key main end final""")


def _heading_starts(words: Sequence[Word], low: Sequence[str]) -> dict[int, int]:
    """Where a note's label ("goal:", "my part:") starts -> the index after its colon."""
    out = {}
    for k, w in enumerate(words):
        if not (w.word.rstrip().endswith(":") and low[k] in _HEAD_WORDS):
            continue
        h = k
        while h > 0 and k - h < 3 and low[h - 1] in _HEAD_LEAD and not words[h - 1].word.rstrip(
                ).endswith((",", ":", ";", ".")):
            h -= 1
        out[h] = k + 1
    for h, after in name_starts([w.word for w in words]).items():
        if not any(a <= h < b for a, b in out.items()):
            out[h] = after
    return out


def is_past_verb(tok: str) -> bool:
    """Whether a lower-case token reads as a past-tense verb ("built", "checked")."""
    return tok in _IRREGULAR_PAST or (len(tok) > 4 and tok.endswith("ed")
                                      and tok not in ("need", "speed", "feed", "seed"))


# Words after which a marker that opens with "my", "now" or "the" is the rest of the phrase
# before it: "that's not my job", "it was my responsibility", "the sheet is now the standard".
_NO_MARKER_AFTER = word_set("""not is was isn't wasn't it's that's be been being were are am
    never""")
# Words after which a clause opener is part of the same phrase ("the team", "to my manager").
_NO_CUT_AFTER = word_set("""the a an to of for with by from at in on into about than that and or
    but so said told asked""")
_RUN_JOINERS = frozenset({"and", "so", "then", "but", "because", "which", "while", "until",
                          "after", "once", "when"})


@dataclass(frozen=True)
class Unit:
    """A run of words labelled as a whole, annotated once.

    Attributes:
        first: index of its first word.
        last: index one past its last word.
        start: when it starts (seconds).
        end: when it ends (seconds).
        text: its words joined.
        tokens: its lower-case tokens without hesitations ("um") or hedges ("I think", "sort
            of"; see :func:`hedge_mask`): the words the STAR classifier reads.
        opens_sentence: whether it starts a sentence (else it continues one after a clause cut).
        ends_sentence: whether it closes a sentence.
    """

    first: int
    last: int
    start: float
    end: float
    text: str
    tokens: tuple[str, ...] = ()
    opens_sentence: bool = True
    ends_sentence: bool = True


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


def _spoken(words: Sequence[Word]) -> list[str]:
    return [c for c in (clean(w.word) for w in words) if c and not is_filler(c)]


def _marker_at(low: Sequence[str], i: int) -> bool:
    return any(tuple(low[i: i + len(m)]) == m for m in _MARKERS)


def _closes_clause(words: Sequence[Word], low: Sequence[str], j: int, end: int) -> bool:
    """Whether the marker at ``j`` ends the clause before it rather than opening one: it is
    followed at once by a comma and a joiner ("we kept an eye on it for a while after that, and
    we checked ...", "it settled down eventually, but ...")."""
    for m in _MARKERS:
        k = j + len(m)
        if tuple(low[j: k]) == m and k < end and words[k - 1].word.rstrip().endswith(",") and (
                low[k] in ("and", "but", "so")):
            return True
    return False


def _past_hedge(low: Sequence[str], hedged: Sequence[bool], j: int, end: int) -> int:
    """The first word at or after ``j`` (before ``end``) that is neither a hedge nor a filler."""
    while j < end and (hedged[j] or is_filler(low[j])):
        j += 1
    return j


def cut_points(words: Sequence[Word], pause: float = PAUSE_SPLIT,
               extra: Sequence[float] = (), hedged: Sequence[bool] | None = None,
               boundaries: BoundaryModel | None = None) -> list[int]:
    """Indexes where a new unit starts (0 first, ``len(words)`` last).

    Hedges ("I think", "sort of") are how a thing is said, not a clause: they never open or close
    a unit and do not count towards ``MIN_UNIT_WORDS``.

    Args:
        words: ordered words.
        pause: silence in seconds that always ends a unit.
        extra: times that always start a unit (manual marks).
        hedged: per word, whether it is part of a hedge (default: found here).
        boundaries: the model that cuts runs with no sentence end at all (default: the shipped
            one; the rules below when it is missing).

    Returns:
        Sorted cut indexes.
    """
    n = len(words)
    low = [clean(w.word) for w in words]
    if hedged is None:
        hedged = hedge_mask(words)
    spoken_before = [0] * (n + 1)
    for i, t in enumerate(low):
        spoken_before[i + 1] = spoken_before[i] + int(bool(t) and not is_filler(t)
                                                      and not hedged[i])
    hard = {0, n}
    for i in range(1, n):
        prev = words[i - 1]
        if ends_sentence(prev.word) or words[i].start - prev.end > pause:
            hard.add(i)
    for m in extra:
        hard.add(next((i for i, w in enumerate(words) if (w.start + w.end) / 2 >= m), n))
    cuts = sorted(hard)
    soft: set[int] = set()
    # Note-form text (no sentence ends at all over many words) is cut by the learned boundary
    # model, or, when it is missing, at every clause opener.
    any_sentence_end = any(ends_sentence(w.word) for w in words) or n < 2 * _LONG_RUN
    heads = _heading_starts(words, low)
    model = boundaries or default_boundaries()
    if not any_sentence_end and model is not None:
        return _model_cuts(model, low, heads, cuts, 0, n)
    step = [bool(_STEP.fullmatch(w.word.strip())) for w in words]
    for a, b in zip(cuts, cuts[1:], strict=False):
        last = a
        punctuated = any_sentence_end and not (
            spoken_before[b] - spoken_before[a] >= 2 * _LONG_RUN and any(step[a:b]))
        for i in range(a + 1, b):
            left = spoken_before[i] - spoken_before[last]
            right = spoken_before[b] - spoken_before[i]
            if i in heads and left >= 1 and right >= 1:
                soft.add(i)
                last = i
                continue
            if last in heads and i <= heads[last]:
                continue  # a label stays with what it heads
            if left < MIN_UNIT_WORDS or right < MIN_UNIT_WORDS:
                continue
            # Skip hesitations when reading what opens the clause.
            j = i
            while j < b and is_filler(low[j]):
                j += 1
            raw_prev = words[i - 1].word.rstrip()
            after_punct = (raw_prev.endswith((",", ":", ";", "—", "–", "-", "/", ")"))
                           or raw_prev.endswith("...") or not low[i - 1] or step[i - 1])
            opener = low[j] if j < b else ""
            if not opener or step[j]:  # a lone dash or arrow goes with the clause before it
                continue
            k = _past_hedge(low, hedged, j, b) if hedged[j] and after_punct else b
            if k < b and _marker_at(low, k):
                soft.add(i)  # "got it done, I think what I learned ...": the marker's clause
                last = i     # takes the hedge that leads into it
                continue
            if hedged[j] or (hedged[i - 1] and not after_punct):
                continue  # "dropped, I believe, to one": a hedge neither opens nor ends a clause
            cut = _marker_at(low, j) and low[i - 1] not in ("the", "a", "to", "of") and not (
                low[j] in ("my", "now", "the") and low[i - 1] in _NO_MARKER_AFTER) and not (
                not after_punct and _closes_clause(words, low, j, b))
            if after_punct or (left >= _LONG_RUN and not punctuated):
                clause = opener in _SUBJECTS or opener in _RUN_JOINERS
            else:  # "the" or "it" here too often begins an object, not a clause
                clause = opener in _PERSONS or opener in _RUN_JOINERS
            if not cut and clause and (after_punct or left >= _LONG_RUN or not punctuated):
                cut = low[i - 1] not in _NO_CUT_AFTER
            if not cut and not punctuated and is_past_verb(opener) and (
                    low[i - 1] not in _BEFORE_VERB and not low[i - 1].endswith("ly")):
                cut = True  # note-form drops the subject: "... on time raised it with him"
            if not cut and after_punct and not punctuated:
                cut = True
            if cut:
                soft.add(i)
                last = i
        if model is not None and punctuated and spoken_before[b] - spoken_before[a] >= _NOTE_RUN:
            # a long run with no sentence end: the boundary model adds the cuts it is sure of
            soft.update(_model_cuts(model, low, heads, [a, b, *(c for c in soft if a < c < b)],
                                    a, b, _NOTE_RUN_THRESHOLD))
    return sorted(hard | soft)


def _model_cuts(model: BoundaryModel, low: Sequence[str], heads: dict[int, int],
                fixed: Sequence[int], a: int, b: int, threshold: float = THRESHOLD) -> list[int]:
    """The boundary model's cuts of the words ``a:b`` (absolute indexes) at or above
    ``threshold``, keeping ``fixed`` and every note label in the run with the words it heads."""
    probs = model.probabilities(low[a:b])
    for h, after in heads.items():
        for i in range(max(h + 1, a + 1), min(after, b - 1) + 1):
            probs[i - a - 1] = 0.0  # a label stays with what it heads
    inside = {h - a for h in heads if a < h < b}
    return [a + c for c in choose_cuts(probs, sorted({*(f - a for f in fixed), *inside}),
                                       b - a, MIN_UNIT_WORDS, threshold)]


def hedge_mask(words: Sequence[Word]) -> list[bool]:
    """Which words belong to a hedge ("I think", "sort of", "maybe"), in hindsight or not (see
    :func:`~.language_hedges.find_hedges`, which tells word senses apart: "the kind of customer"
    is no hedge)."""
    mask = [False] * len(words)
    counted, excused = find_hedges([w.word for w in words])
    for first, last in (*counted, *excused):
        for i in range(first, last + 1):
            mask[i] = True
    return mask


def annotate(words: Sequence[Word], pause: float = PAUSE_SPLIT,
             marks: Sequence[float] = (), boundaries: BoundaryModel | None = None
             ) -> tuple[Unit, ...]:
    """Cuts ordered words into annotated units.

    Args:
        words: ordered words (see :func:`sanitize`).
        pause: silence in seconds that ends a unit.
        marks: times that always start a new unit (the user's "next segment" presses).
        boundaries: the model that cuts unpunctuated runs (default: the shipped one).

    Returns:
        Units covering every word, in order.
    """
    if not words:
        return ()
    hedged = hedge_mask(words)
    cuts = cut_points(words, pause, marks, hedged, boundaries)
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if b <= a:
            continue
        text = join(words[a:b])
        plain = join([w for w, h in zip(words[a:b], hedged[a:b], strict=True) if not h])
        prev = words[a - 1].word if a > 0 else "."
        opens = a == 0 or ends_sentence(prev) or words[a].start - words[a - 1].end > pause
        out.append(Unit(a, b, words[a].start, words[b - 1].end, text,
                        tuple(t for t in tokens(plain) if not is_filler(t)), opens,
                        ends_sentence(words[b - 1].word) or b == len(words)))
    return tuple(cap_units(out))


def split_units(words: Sequence[Word], pause: float = PAUSE_SPLIT) -> list[Unit]:
    """The units of ordered words (see :func:`annotate`)."""
    return list(annotate(words, pause))


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
                               " ".join(u.text for u in pair),
                               tuple(t for u in pair for t in u.tokens),
                               pair[0].opens_sentence, pair[-1].ends_sentence))
        units = merged
    return units
