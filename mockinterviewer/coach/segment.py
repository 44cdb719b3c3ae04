"""STAR segmentation: splits timestamped words into situation, task, action, result, reflection.

Manual marks win where given: a mark is the time the user pressed "next segment". Without marks
(and after the last mark), the words are cut into annotated units (:mod:`.units`), each unit gets
a probability per label from the learned classifier (:mod:`.segmodel`), and a Viterbi pass over
an ordered chain picks the best labelling: parts come in STAR order, any part may be absent, and
an answer may open with a short Result preview. Whether a part is present is decided by the
words alone: an absent part takes no units from its neighbours, and there is no length prior.
A part the writer names ("S:", "Task -", "goal:"; see :mod:`.part_labels`) takes that name for
the unit the name heads, as a mark would.

Each part also gets the probability that it is present at all (the chain's forward sums with and
without it), so findings can tell "no Task was said" from "a Task may be there, I am unsure".
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from mockinterviewer.coach.chain import best_path
from mockinterviewer.coach.closings import no_outcome_run, no_reflection
from mockinterviewer.coach.part_labels import named_parts
from mockinterviewer.coach.segmodel import (
    STATE_LABEL,
    STATES,
    SegmentModel,
    allowed,
    default_model,
)
from mockinterviewer.coach.text import join
from mockinterviewer.coach.types import SegmentResult, TimingStatus
from mockinterviewer.coach.units import Unit, annotate, sanitize
from mockinterviewer.content.model import SEGMENT_LABELS
from mockinterviewer.transcript import Word, is_filler

# How much of the training share of each label is divided out of the classifier's posterior
# (0: posteriors as they are; 1: scaled likelihoods), and the weights of the chain's transitions
# and of its opening state. Chosen by leave-one-register-out runs on the training split only
# (never the test split): 0.5/0.5/1.0 gave 88.3% of words and 35 false "missing" parts on 311
# answers; every other pair in {0, 0.25, 0.5, 1} x {0.5, 1} x {0.5, 1} gave 87.2-88.3% and 32-50.
PRIOR_WEIGHT = 0.5
TRANS_WEIGHT = 0.5
START_WEIGHT = 1.0
_L = len(SEGMENT_LABELS)
_S = len(STATES)
# A part the likeliest labelling skips is kept when its probability of being present (summed over
# every labelling) reaches this; the labelling is then the likeliest one that has it. Only the
# Action and the Result, which nearly every answer has. Out of fold on the training split (each
# register left out in turn, stop 23), every skipped Result at >= 0.3 and every skipped Action at
# >= 0.1 had been written by its author (13 and 7 of them; none absent); with the register's own
# models, keeping them took false "missing" parts from 84 to 70 and invented none. A Task at
# >= 0.6 was right 4 times of 4 there but invented one in an outside set, so it is not kept.
# Stop 24 (984 answers, the same way): skipped Results at >= 0.3 were written 15 times and absent
# 3, at >= 0.35 written 12 times and absent once; two weak spoken answers of the development set
# had their last Action kept as a Result at 0.33 and 0.34. Hence 0.35. Stop 26 (1,177 answers,
# 90 more of them without a Result, and a closing that says nothing came of the work given back
# to the Action afterwards, see :func:`_without_unsaid_result`): skipped Results at >= 0.2 were
# written 16 times and absent 7, and keeping them took false "missing" parts from 113 to 104 for
# 4 more invented ones; those two spoken answers keep the same labels. Hence 0.2.
KEEP_IF_PRESENT: dict[str, float] = {"action": 0.1, "result": 0.2}


_REFLECTION_STATES = [st for st in range(_S) if STATE_LABEL[st] == SEGMENT_LABELS.index(
    "reflection")]
_RESULT = SEGMENT_LABELS.index("result")


@dataclass(frozen=True)
class Decoding:
    """The decoder's answer for a run of units.

    Attributes:
        labels: a label index per unit (a preview unit carries the Result's index).
        states: a chain state per unit (0 is the Result preview).
        presence: per label, the probability that the part is present at all.
        closest: per label, the index of the unit most like it (-1 when there are no units).
        marginals: per unit, the probability of each label given the whole run (the chain's
            forward-backward sums): how sure the decoder is of each unit's part.
    """

    labels: tuple[int, ...]
    states: tuple[int, ...]
    presence: tuple[float, ...]
    closest: tuple[int, ...] = ()
    marginals: tuple[tuple[float, ...], ...] = ()


def _emissions(lp: np.ndarray, model: SegmentModel, first_label: int) -> np.ndarray:
    em = np.empty((lp.shape[0], _S))
    for s in range(_S):
        k = STATE_LABEL[s]
        em[:, s] = lp[:, k] - PRIOR_WEIGHT * model.log_prior[k]
        if (s == 0 and first_label > 0) or (s > 0 and k < first_label):
            em[:, s] = -np.inf
    return em


def _trans(model: SegmentModel) -> np.ndarray:
    t = TRANS_WEIGHT * model.log_trans
    for a in range(_S):
        for b in range(_S):
            if not allowed(a, b):
                t[a, b] = -np.inf
    return t


def _logsumexp(v: np.ndarray, axis: int) -> np.ndarray:
    top = np.max(v, axis=axis, keepdims=True)
    top = np.where(np.isfinite(top), top, 0.0)
    with np.errstate(divide="ignore"):
        return np.squeeze(top, axis=axis) + np.log(np.exp(v - top).sum(axis=axis))


def _forward(em: np.ndarray, start: np.ndarray, trans: np.ndarray, end: np.ndarray) -> float:
    alpha = start + em[0]
    for t in range(1, len(em)):
        alpha = _logsumexp(alpha[:, None] + trans, axis=0) + em[t]
    return float(_logsumexp(alpha + end, axis=0))


def _marginals(em: np.ndarray, start: np.ndarray, trans: np.ndarray, end: np.ndarray
               ) -> tuple[tuple[float, ...], ...]:
    """Per unit, each label's probability given the whole run (forward-backward)."""
    n = len(em)
    alpha = np.empty_like(em)
    beta = np.empty_like(em)
    alpha[0] = start + em[0]
    for t in range(1, n):
        alpha[t] = _logsumexp(alpha[t - 1][:, None] + trans, axis=0) + em[t]
    beta[n - 1] = end
    for t in range(n - 2, -1, -1):
        beta[t] = _logsumexp(trans + (em[t + 1] + beta[t + 1])[None, :], axis=1)
    z = _logsumexp(alpha[n - 1] + end, axis=0)
    if not np.isfinite(z):
        return tuple((0.0,) * _L for _ in range(n))
    with np.errstate(invalid="ignore"):
        post = np.nan_to_num(np.exp(alpha + beta - z))
    out = np.zeros((n, _L))
    for st in range(_S):
        out[:, STATE_LABEL[st]] += post[:, st]
    return tuple(tuple(round(float(min(1.0, v)), 4) for v in row) for row in out)


def decode(units: Sequence[Unit], model: SegmentModel | None = None,
           horizon: float | None = None, first_label: int = 0) -> Decoding:
    """Labels units along the ordered chain.

    Args:
        units: the units, in order.
        model: the learned model (default: the shipped one).
        horizon: expected length in seconds while the answer is still going (live use).
        first_label: the lowest label allowed (after manual marks; no preview then).

    Returns:
        The labels, the chain states and each part's probability of being present.
    """
    n = len(units)
    if n == 0:
        return Decoding((), (), (0.0,) * _L, (-1,) * _L)
    model = model or default_model()
    lp = model.log_posteriors(units, horizon)
    base = _emissions(lp, model, first_label)
    em = base.copy()
    for i, u in enumerate(units):
        if no_reflection(u.text):
            em[i, _REFLECTION_STATES] = -np.inf
    trans = _trans(model)
    start = START_WEIGHT * model.log_start
    # A finished answer never ends inside its Result preview: a preview announces a story that
    # follows (a whole short answer read as one "preview" would leave every other part missing).
    # While the answer is still going, the story may not have started yet.
    end = np.zeros(_S)
    if horizon is None:
        end[0] = -np.inf
    written = [u.text.split() for u in units]
    firsts = list(itertools.accumulate((len(w) for w in written[:-1]), initial=0))
    named = _named(em, base, named_parts([w for ws in written for w in ws], firsts), first_label)
    if named is not None and math.isfinite(_forward(named, start, trans, end)):
        em = named  # parts named out of STAR order are left to the classifier
    states = best_path(em, start, trans, end) or [0] * n
    z = _forward(em, start, trans, end)
    presence = []
    for k in range(_L):
        masked = em.copy()
        for st in range(_S):
            if STATE_LABEL[st] == k:
                masked[:, st] = -np.inf
        z_without = _forward(masked, start, trans, end) if k >= first_label else -np.inf
        p = 1.0 - math.exp(min(0.0, z_without - z)) if math.isfinite(z) else 0.0
        presence.append(round(max(0.0, min(1.0, p)), 4))
    if horizon is None:
        states = _with_likely_parts(states, presence, em, start, trans, end, first_label)
        states = _without_unsaid_result(units, states, presence, em, (start, trans, end))
    return Decoding(tuple(STATE_LABEL[s] for s in states), tuple(states), tuple(presence),
                    tuple(int(i) for i in np.argmax(lp, axis=0)),
                    _marginals(em, start, trans, end))


def _named(em: np.ndarray, base: np.ndarray, parts: Sequence[int | None], first_label: int
           ) -> np.ndarray | None:
    """Emissions where each unit whose writer named its part (see :mod:`.part_labels`) can only
    take that part; None when no unit was named."""
    if all(k is None or k < first_label for k in parts):
        return None
    out = em.copy()
    for i, k in enumerate(parts):
        if k is None or k < first_label:
            continue
        for st in range(_S):
            out[i, st] = base[i, st] if STATE_LABEL[st] == k else -np.inf
    return out


def _with_likely_parts(states: list[int], presence: Sequence[float], em: np.ndarray,
                       start: np.ndarray, trans: np.ndarray, end: np.ndarray,
                       first_label: int) -> list[int]:
    """The likeliest path that keeps every part the chain thinks likely present (see
    :data:`KEEP_IF_PRESENT`), when the likeliest path of all skipped one."""
    found = {STATE_LABEL[s] for s in states}
    need = [k for k, label in enumerate(SEGMENT_LABELS)
            if k >= first_label and k not in found
            and presence[k] >= KEEP_IF_PRESENT.get(label, 2.0)]
    if not need:
        return states
    bits = [1 << need.index(STATE_LABEL[s]) if STATE_LABEL[s] in need else 0
            for s in range(_S)]
    return best_path(em, start, trans, end, bits) or states


def _without_unsaid_result(units: Sequence[Unit], states: list[int], presence: list[float],
                           em: np.ndarray, chain: tuple[np.ndarray, np.ndarray, np.ndarray]
                           ) -> list[int]:
    """Gives a closing read as the Result that says nothing came of the work (see
    :func:`~.closings.no_outcome_run`) to the part before it, and sets the Result's presence to
    the chain's probability of a Result elsewhere."""
    run = [i for i, s in enumerate(states) if s != 0 and STATE_LABEL[s] == _RESULT]
    if not run or run[0] == 0 or run != list(range(run[0], run[-1] + 1)):
        return states
    before = states[run[0] - 1]
    after = states[run[-1] + 1] if run[-1] + 1 < len(states) else None
    if before == 0 or (after is not None and not allowed(before, after)):
        return states
    if not no_outcome_run([units[i] for i in run]):
        return states
    result_states = [st for st in range(_S) if STATE_LABEL[st] == _RESULT]
    masked = em.copy()
    masked[np.ix_(run, result_states)] = -np.inf
    z = _forward(masked, *chain)
    masked[:, result_states] = -np.inf
    z_without = _forward(masked, *chain)
    if math.isfinite(z):
        presence[_RESULT] = round(max(0.0, min(1.0, 1.0 - math.exp(min(0.0, z_without - z)))), 4)
    return [before if i in run else s for i, s in enumerate(states)]


def _clean_marks(marks: Sequence[float] | None) -> list[float]:
    return sorted(float(m) for m in (marks or ())
                  if isinstance(m, int | float) and math.isfinite(m))


@dataclass(frozen=True)
class Labelling:
    """Labels for an answer's words, with the units and presence behind them.

    Attributes:
        words: the (sanitised, ordered) words.
        labels: a label index per word.
        units: the annotated units (cut at manual marks too).
        unit_labels: a label index per unit.
        presence: per label, the probability the part is present (1 for marked parts).
        preview: per word, whether it belongs to a Result preview at the start.
        closest: per label, the unit most like it (None when there is none to infer).
        marginals: per unit, each label's probability (marked units are certain).
    """

    words: tuple[Word, ...]
    labels: tuple[int, ...]
    units: tuple[Unit, ...]
    unit_labels: tuple[int, ...]
    presence: tuple[float, ...]
    preview: tuple[bool, ...]
    closest: tuple[Unit | None, ...] = ()
    marginals: tuple[tuple[float, ...], ...] = ()

    def likely(self, label: int, floor: float) -> tuple[Unit, ...]:
        """Units labelled otherwise that are at least ``floor`` likely to be ``label``."""
        return tuple(u for u, k, m in zip(self.units, self.unit_labels, self.marginals,
                                          strict=True) if k != label and m[label] >= floor)


def label_answer(words: Sequence[Word], marks: Sequence[float] | None = None,
                 model: SegmentModel | None = None, horizon: float | None = None) -> Labelling:
    """Labels an answer's words, marks first, the decoder after the last mark.

    Args:
        words: ordered words (see :func:`~.units.sanitize`).
        marks: times the user pressed "next segment" (they win when given).
        model: the learned model (default: the shipped one).
        horizon: expected length in seconds while the answer is still going (live use).

    Returns:
        The labelling.
    """
    ws = tuple(words)
    clean_marks = _clean_marks(marks)
    units = annotate(ws, marks=clean_marks,
                     boundaries=model.boundaries if model is not None else None)
    if not ws:
        return Labelling((), (), (), (), (0.0,) * _L, (), (None,) * _L)

    def by_marks(t: float) -> int:
        return min(sum(1 for m in clean_marks if m <= t), _L - 1)

    last = by_marks(math.inf) if clean_marks else 0
    # The units before the last mark take the marks' labels (never going back, even when odd word
    # times put a word's middle before an earlier mark); the rest are decoded.
    marked = list(itertools.takewhile(
        lambda u: bool(clean_marks) and by_marks((u.start + u.end) / 2) < last, units))
    rest = list(units[len(marked):])
    unit_labels = list(itertools.accumulate((by_marks((u.start + u.end) / 2) for u in marked),
                                            max))
    presence = [1.0 if k < last else 0.0 for k in range(_L)]
    marginals = [tuple(float(j == k) for j in range(_L)) for k in unit_labels]
    states: list[int] = [k + 1 for k in unit_labels]
    closest: list[Unit | None] = [None] * _L
    if rest and (not clean_marks or last < _L - 1):
        dec = decode(rest, model, horizon, first_label=last)
        unit_labels += list(dec.labels)
        states += list(dec.states)
        marginals += list(dec.marginals)
        for k in range(last, _L):
            presence[k] = dec.presence[k]
            closest[k] = rest[dec.closest[k]] if dec.closest[k] >= 0 else None
    elif rest:
        unit_labels += [last] * len(rest)
        states += [last + 1] * len(rest)
        marginals += [tuple(float(j == last) for j in range(_L))] * len(rest)
        presence[last] = 1.0
    labels = [0] * len(ws)
    preview = [False] * len(ws)
    for u, k, s in zip(units, unit_labels, states, strict=True):
        for i in range(u.first, u.last):
            labels[i] = k
            preview[i] = s == 0
    return Labelling(ws, tuple(labels), units, tuple(unit_labels), tuple(presence),
                     tuple(preview), tuple(closest), tuple(marginals))


def segments_of(lab: Labelling, targets: dict[str, float], marks: Sequence[float] | None = None,
                tolerance: float = 0.2) -> tuple[SegmentResult, ...]:
    """Times each part of a labelled answer against its target.

    A part's time runs from its first word to the next part's first word; a Result preview at
    the start counts towards the Result's time, and the Result's start and end are those of its
    main stretch.

    Args:
        lab: the labelling.
        targets: target seconds per label.
        marks: the manual marks (a mark is the boundary it marks).
        tolerance: fraction of a target that still counts as on time.

    Returns:
        Five results in STAR order; a part with no words has status ``missing`` and no length,
        placed where the next part starts. Parts never overlap in time; they follow STAR order
        except a Result told only as a preview, which sits at the start.
    """
    ws = lab.words
    if not ws:
        return tuple(SegmentResult(lb, 0.0, 0.0, 0.0, max(float(targets.get(lb, 0.0)), 0.0),
                                   "missing", "", 0.0, 0, confidence=0.0)
                     for lb in SEGMENT_LABELS)
    finish = max(w.end for w in ws)
    clean_marks = _clean_marks(marks)
    # Runs of equal labels: (label, first word, one past the last word).
    runs: list[tuple[int, int, int]] = []
    for i, k in enumerate(lab.labels):
        if runs and runs[-1][0] == k:
            runs[-1] = (k, runs[-1][1], i + 1)
        else:
            runs.append((k, i, i + 1))
    starts = [ws[a].start for _, a, _ in runs] + [finish]
    starts[0] = ws[0].start
    for j, m in enumerate(clean_marks[: _L - 1], start=1):  # a mark is the boundary it marks
        r = next((r for r, (k, _, _) in enumerate(runs) if k >= j), None)
        if r is not None and r > 0:
            starts[r] = min(max(m, ws[0].start), finish)
    if clean_marks:  # marked boundaries never go backwards
        starts = list(itertools.accumulate(starts, max))
    results: list[SegmentResult] = []
    for k, label in enumerate(SEGMENT_LABELS):
        target = max(float(targets.get(label, 0.0)), 0.0)
        mine = [r for r, run in enumerate(runs) if run[0] == k]
        conf = float(lab.presence[k])
        if not mine:
            nxt = next((starts[r] for r, run in enumerate(runs)
                        if run[0] > k and not lab.preview[run[1]]), finish)
            results.append(SegmentResult(label, nxt, nxt, 0.0, target, "missing", "", 0.0, 0,
                                         confidence=conf))
            continue
        seconds = sum(max(0.0, starts[r + 1] - starts[r]) for r in mine)
        told = [r for r in mine if not lab.preview[runs[r][1]]] or mine
        main = max(told, key=lambda r: (starts[r + 1] - starts[r], r))
        g = [w for r in mine for w in ws[runs[r][1]: runs[r][2]]]
        spoken = [w for w in g if not (w.filler or is_filler(w.word))]
        wpm = len(spoken) / seconds * 60.0 if seconds > 0 else 0.0
        results.append(SegmentResult(
            label=label, start=starts[main], end=max(starts[main], starts[main + 1]),
            seconds=seconds, target_seconds=target, status=timing_status(seconds, target,
                                                                          tolerance),
            text=join(g), words_per_minute=wpm, fillers=len(g) - len(spoken), words=tuple(g),
            confidence=conf,
            units=tuple(u for u, lk in zip(lab.units, lab.unit_labels, strict=True) if lk == k),
        ))
    return tuple(results)


def segment_words(words: Sequence[Word], targets: dict[str, float],
                  marks: Sequence[float] | None = None, model: SegmentModel | None = None,
                  tolerance: float = 0.2) -> tuple[SegmentResult, ...]:
    """Splits an answer into the five STAR segments and times each against its target.

    Args:
        words: the answer's words (any order; impossible times are dropped).
        targets: target seconds per label.
        marks: times the user pressed "next segment"; words before the first mark are the
            situation, and so on. Marks win over inference when given.
        model: the learned model (default: the shipped one).
        tolerance: fraction of a target that still counts as on time.

    Returns:
        Five results in STAR order; a segment with no words has status ``missing``.
    """
    lab = label_answer(sanitize(words), marks, model)
    return segments_of(lab, targets, marks, tolerance)


def timing_status(seconds: float, target: float, tolerance: float) -> TimingStatus:
    """``under``, ``ok`` or ``over`` for time spent against a target.

    Args:
        seconds: time spent.
        target: target seconds (0 or less: always ok).
        tolerance: fraction of the target that still counts as on time.

    Returns:
        The status.
    """
    if target <= 0:
        return "ok"
    if seconds < target * (1 - tolerance):
        return "under"
    if seconds > target * (1 + tolerance):
        return "over"
    return "ok"


def current_segment(words: Sequence[Word], elapsed: float, marks: Sequence[float] | None,
                    targets: dict[str, float], model: SegmentModel | None = None) -> str:
    """The segment the speaker is in now (the decoder over the words so far, or the marks).

    Args:
        words: the words so far.
        elapsed: seconds since the answer started.
        marks: "next segment" presses so far.
        targets: target seconds per label (their sum is the expected length).
        model: the learned model.

    Returns:
        A label; with marks, the number of marks pressed decides until words follow the last.
    """
    clean_marks = _clean_marks(marks)
    if clean_marks:
        return SEGMENT_LABELS[min(sum(1 for m in clean_marks if m <= elapsed), _L - 1)]
    ws = sanitize(words)
    if not ws:
        return SEGMENT_LABELS[0]
    horizon = sum(max(v, 0.0) for v in targets.values()) or None
    lab = label_answer(ws, None, model, horizon)
    return SEGMENT_LABELS[lab.labels[-1]]
