"""STAR segmentation: splits timestamped words into situation, task, action, result, reflection.

Manual marks win where given: a mark is the time the user pressed "next segment". Without marks,
the words are cut into units (sentences, pauses longer than ``PAUSE_SPLIT`` seconds, and clause
starters such as "as a result" inside long sentences), each unit is scored for every label
(discourse cues, tense and person, quantities, and the learned :class:`SegmentModel`), and an
order-respecting dynamic programme picks the best contiguous labelling, weighing how each segment's
share of the time compares with its share of the targets. A Task needs positive evidence: the
programme only opens a Task segment over units that state a goal, duty, decision, boundary or
assignment (:func:`is_task_evidence`), so an answer that never says what the speaker set out to do
is reported as having no Task instead of having a Task-sounding sentence relabelled.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from mockinterviewer.coach.cues import cue_scores, states_task
from mockinterviewer.coach.segmodel import SegmentModel, default_model
from mockinterviewer.coach.text import has_number, join, tokens
from mockinterviewer.coach.types import SegmentResult
from mockinterviewer.coach.units import Unit, cap_units, sanitize, split_units
from mockinterviewer.content.model import SEGMENT_LABELS
from mockinterviewer.transcript import Word, is_filler

# Decoder weights (tuned on leave-one-scenario-out runs over the library and the spoken set).
W_MODEL = 0.7
W_CUE = 0.7
W_DURATION = 1.0
# Cost of leaving a label out: an answer without an Action is far rarer than one without a Task.
SKIP_PENALTY = (2.5, 1.5, 5.0, 2.0, 2.0)
SHORT_CAP = 0.8
NO_TASK_CUE = 0.5
# A Task states a goal, a duty, a decision, a boundary or an assignment. The decoder only opens a
# Task segment over units that hold such a statement: a task cue or task wording (coach/cues.py),
# or a learned-model posterior for "task" at least this sure. Otherwise the answer has no Task,
# and the coach says so.
TASK_POSTERIOR = 0.9
_L = len(SEGMENT_LABELS)
_TASK = SEGMENT_LABELS.index("task")


def unit_scores(text: str, model: SegmentModel) -> list[float]:
    """Per-label log scores of one unit (normalised over the labels).

    Args:
        text: the unit's text.
        model: the learned model.

    Returns:
        One score per label in ``SEGMENT_LABELS`` order.
    """
    return score_unit(text, model)[0]


def is_task_evidence(text: str, cues: dict[str, float], post: dict[str, float]) -> bool:
    """Whether a unit states what a Task states: a goal, duty, decision, boundary or assignment.

    Args:
        text: the unit's text.
        cues: its cue scores (:func:`~mockinterviewer.coach.cues.cue_scores`).
        post: the learned model's log posterior per label.

    Returns:
        True when a task cue matched, the unit states a task
        (:func:`~mockinterviewer.coach.cues.states_task`), or the model is sure
        (``TASK_POSTERIOR``) it is a Task.
    """
    return (cues["task"] > 0 or math.exp(post["task"]) >= TASK_POSTERIOR
            or states_task(text))


def score_unit(text: str, model: SegmentModel) -> tuple[list[float], bool]:
    """Per-label log scores of one unit, and whether it is evidence of a Task.

    Args:
        text: the unit's text.
        model: the learned model.

    Returns:
        (one score per label in ``SEGMENT_LABELS`` order, :func:`is_task_evidence`).
    """
    post = model.log_posterior(text)
    cues = cue_scores(text)
    toks = tokens(text)
    extra = dict.fromkeys(SEGMENT_LABELS, 0.0)
    if has_number(text):
        extra["result"] += 0.8
        extra["situation"] += 0.3
    if toks[:1] == ["i"] or toks[:2] in (["so", "i"], ["then", "i"], ["and", "i"]):
        extra["action"] += 0.5
    if cues["task"] == 0:  # a Task states a goal, a duty, a decision or a boundary
        extra["task"] -= NO_TASK_CUE
    if {"would", "should", "always", "now", "learned", "lesson"} & set(toks):
        extra["reflection"] += 0.5
    raw = [W_MODEL * post[label] + W_CUE * (cues[label] + extra[label]) for label in SEGMENT_LABELS]
    top = max(raw)
    z = top + math.log(sum(math.exp(v - top) for v in raw))
    return [v - z for v in raw], is_task_evidence(text, cues, post)


def decode(units: Sequence[Unit], targets: dict[str, float], model: SegmentModel,
           partial: bool = False, first_label: int = 0) -> list[int]:
    """Labels units with an order-respecting segmental dynamic programme.

    Args:
        units: the units, in order.
        targets: target seconds per label (their proportions are the duration prior).
        model: the learned model.
        partial: the answer is still going (live use): the last segment is not penalised for being
            short, and proportions are measured against the full budget.
        first_label: the lowest label index allowed (after manual marks).

    Returns:
        A label index per unit, never decreasing. A Task segment always holds at least one unit
        of task evidence (:func:`is_task_evidence`), unless a manual mark opened it.
    """
    n = len(units)
    if n == 0:
        return []
    weights = [1.0 + 0.08 * len(u.text.split()) for u in units]
    scored = [score_unit(u.text, model) for u in units]
    scores = [sc for sc, _ in scored]
    evidence = [0] * (n + 1)  # evidence[j]: units of task evidence among units[:j]
    for i, (_, ev) in enumerate(scored):
        evidence[i + 1] = evidence[i] + int(ev)
    prefix = [[0.0] * (n + 1) for _ in range(_L)]
    for k in range(_L):
        for i in range(n):
            prefix[k][i + 1] = prefix[k][i] + weights[i] * scores[i][k]
    total_t = max(units[-1].end - units[0].start, 1e-3)
    tsum = sum(max(targets.get(lb, 0.0), 0.0) for lb in SEGMENT_LABELS)
    if partial:
        total_t = max(total_t, tsum)
    share = [(max(targets.get(lb, 0.0), 0.0) / tsum) if tsum > 0 else 1.0 / _L
             for lb in SEGMENT_LABELS]
    starts = [u.start for u in units] + [units[-1].end]
    neg = -1e18

    def seg_score(k: int, i: int, j: int) -> float:
        if k == _TASK and evidence[j] == evidence[i] and not (i == 0 and first_label == _TASK):
            return neg  # no Task without a statement of one (a manual mark may open it)
        frac = (starts[j] - starts[i]) / total_t
        ratio = math.log((frac + 0.03) / (share[k] + 0.03))
        if partial and j == n and ratio < 0:
            ratio = 0.0
        penalty = W_DURATION * ratio * ratio * _scale(n)
        if ratio < 0:  # a short segment must never cost more than leaving the label out
            penalty = min(penalty, SHORT_CAP * SKIP_PENALTY[k])
        return prefix[k][j] - prefix[k][i] - penalty

    # best[k][j]: best score with units[:j] labelled, the last segment having label k.
    # entry[k][i]: best score of a labelling of units[:i] that label k may follow.
    best = [[neg] * (n + 1) for _ in range(_L)]
    back: list[list[tuple[int, int]]] = [[(-1, -1)] * (n + 1) for _ in range(_L)]
    for k in range(first_label, _L):
        entry = [neg] * (n + 1)
        entry_from = [-1] * (n + 1)
        for i in range(1, n):
            for p in range(first_label, k):
                v = best[p][i] - sum(SKIP_PENALTY[p + 1: k])
                if v > entry[i]:
                    entry[i], entry_from[i] = v, p
        for j in range(1, n + 1):
            cand = seg_score(k, 0, j) - sum(SKIP_PENALTY[first_label:k])
            arg = (-1, 0)
            for i in range(1, j):
                if entry[i] <= neg:
                    continue
                v = entry[i] + seg_score(k, i, j)
                if v > cand:
                    cand, arg = v, (entry_from[i], i)
            best[k][j], back[k][j] = cand, arg
    end_k = max(range(first_label, _L), key=lambda k: best[k][n]
                - (0.0 if partial else sum(SKIP_PENALTY[k + 1:])))
    labels = [0] * n
    k, j = end_k, n
    while j > 0:
        p, i = back[k][j]
        for u in range(i, j):
            labels[u] = k
        if p < 0:
            break
        k, j = p, i
    return labels


def _scale(n_units: int) -> float:
    # The duration prior should weigh about as much as a few units' evidence.
    return 2.0 + 0.15 * n_units


def _clean_marks(marks: Sequence[float] | None) -> list[float]:
    return sorted(float(m) for m in (marks or ())
                  if isinstance(m, int | float) and math.isfinite(m))


def label_words(words: Sequence[Word], targets: dict[str, float],
                marks: Sequence[float] | None = None, model: SegmentModel | None = None,
                partial: bool = False, first_label: int = 0) -> list[int]:
    """A label index for each (sanitised, ordered) word.

    Args:
        words: ordered words (see :func:`sanitize`).
        targets: target seconds per label.
        marks: times the user pressed "next segment" (they win when given).
        model: the learned model (default: trained on the content library).
        partial: live use (see :func:`decode`).

    Returns:
        Label indexes, never decreasing.
    """
    if not words:
        return []
    clean_marks = _clean_marks(marks)
    out = [0] * len(words)
    first = 0
    if clean_marks:
        # Words before the last mark are labelled by the marks; after it, by inference over the
        # labels still to come (all of them marked: nothing is left to infer).
        last = len(clean_marks)
        for i, w in enumerate(words):
            mid = (w.start + w.end) / 2
            out[i] = min(sum(1 for m in clean_marks if m <= mid), _L - 1)
        if last >= _L - 1:
            return out
        first = next((i for i, k in enumerate(out) if k >= last), len(words))
        if first == len(words):
            return out
    tail = words[first:]
    units = cap_units(split_units(tail))
    unit_labels = decode(units, targets, model or default_model(), partial=partial,
                         first_label=out[first] if clean_marks else 0)
    for u, k in zip(units, unit_labels, strict=True):
        for i in range(u.first, u.last):
            out[first + i] = k
    return out


def segment_words(words: Sequence[Word], targets: dict[str, float],
                  marks: Sequence[float] | None = None, model: SegmentModel | None = None,
                  tolerance: float = 0.2) -> tuple[SegmentResult, ...]:
    """Splits an answer into the five STAR segments and times each against its target.

    Args:
        words: the answer's words (any order; impossible times are dropped).
        targets: target seconds per label.
        marks: times the user pressed "next segment"; words before the first mark are the
            situation, and so on. Marks win over inference when given.
        model: the learned model (default: trained on the content library).
        tolerance: fraction of a target that still counts as on time.

    Returns:
        Five results in STAR order; a segment with no words has status ``missing``. Segments never
        overlap and never go backwards.
    """
    ws = sanitize(words)
    labels = label_words(ws, targets, marks, model)
    clean_marks = _clean_marks(marks)
    groups: list[list[Word]] = [[] for _ in range(_L)]
    for w, k in zip(ws, labels, strict=True):
        groups[k].append(w)
    results: list[SegmentResult] = []
    if not ws:
        return tuple(SegmentResult(lb, 0.0, 0.0, 0.0, max(float(targets.get(lb, 0.0)), 0.0),
                                   "missing", "", 0.0, 0) for lb in SEGMENT_LABELS)
    begin, finish = ws[0].start, max(w.end for w in ws)
    # Segment k runs from its first word to the next present segment's first word...
    bounds = [begin] * (_L + 1)
    bounds[_L] = finish
    for k in range(_L - 1, -1, -1):
        bounds[k] = groups[k][0].start if groups[k] else bounds[k + 1]
    bounds[0] = begin
    # ...except that a manual mark is the boundary (marks past the fourth are ignored).
    for k, m in enumerate(clean_marks[: _L - 1], start=1):
        bounds[k] = min(max(m, begin), finish)
    for k in range(1, _L + 1):
        bounds[k] = max(bounds[k], bounds[k - 1])
    for k, label in enumerate(SEGMENT_LABELS):
        g = groups[k]
        target = max(float(targets.get(label, 0.0)), 0.0)
        start, end = bounds[k], max(bounds[k], bounds[k + 1])
        if not g:
            results.append(SegmentResult(label, start, start, 0.0, target, "missing", "", 0.0, 0))
            continue
        seconds = end - start
        spoken = [w for w in g if not (w.filler or is_filler(w.word))]
        wpm = len(spoken) / seconds * 60.0 if seconds > 0 else 0.0
        results.append(SegmentResult(
            label=label, start=start, end=end, seconds=seconds, target_seconds=target,
            status=timing_status(seconds, target, tolerance), text=join(g),
            words_per_minute=wpm, fillers=len(g) - len(spoken), words=tuple(g),
        ))
    return tuple(results)


def timing_status(seconds: float, target: float, tolerance: float) -> str:
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
    """The segment the speaker is in now, for the live STAR strip.

    Args:
        words: the words so far.
        elapsed: seconds since the answer started.
        marks: "next segment" presses so far.
        targets: target seconds per label.
        model: the learned model.

    Returns:
        A label; with marks, the number of marks pressed decides.
    """
    clean_marks = _clean_marks(marks)
    if clean_marks:
        return SEGMENT_LABELS[min(sum(1 for m in clean_marks if m <= elapsed), _L - 1)]
    ws = sanitize(words)
    if not ws:
        return SEGMENT_LABELS[0]
    labels = label_words(ws, targets, None, model, partial=True)
    return SEGMENT_LABELS[labels[-1]]
