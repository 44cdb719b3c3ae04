"""Scoring the coaching engine against labelled answers (pure: no audio, no Whisper).

The labelled spoken set lives in ``coach/evalset/answers.toml``; ``mockinterviewer evaluate``
synthesises it, transcribes it and hands the words here. The written answers are measured in
:mod:`mockinterviewer.coach.evalwritten`.
"""

from __future__ import annotations

import statistics
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from mockinterviewer.coach.types import Analysis
from mockinterviewer.content.model import SEGMENT_LABELS
from mockinterviewer.errors import UserError
from mockinterviewer.transcript import Word

EVALSET = Path(__file__).resolve().parent / "evalset" / "answers.toml"
# Natural register (fillers, run-on sentences, thinking pauses inside parts, skipped parts), written
# blind by another writer and voiced by espeak-ng, flite and festival; never tuned on.
NATURAL = Path(__file__).resolve().parent / "evalset" / "natural.toml"
# A second natural-register set by a third writer, for tuning the findings (``evaluate --dev-set``);
# the set above stays measure-only.
NATURAL_DEV = Path(__file__).resolve().parent / "evalset" / "natural-dev.toml"

# Findings the set is labelled for; delivery and timing depend on the synthetic voice and are
# reported but not scored.
SCORED_PREFIXES: tuple[str, ...] = (
    "action.we_language", "initiation.assigned", "task.no_scope_boundary",
    "result.not_quantified", "result.no_second_order", "reflection.generic", "segment.missing.",
)


@dataclass(frozen=True)
class LabelledAnswer:
    """One answer of the evaluation set.

    Attributes:
        id: its id.
        scenario: scenario or principle id it answers.
        kind: strong, weak or mixed.
        voice: the engine's voice.
        speed: words per minute.
        gap: seconds of silence between segments.
        segments: (label, text) in STAR order; absent segments are not listed.
        expected: the content findings a coach should raise.
        engine: the synthesizer (espeak-ng, flite or festival).
    """

    id: str
    scenario: str
    kind: str
    voice: str
    speed: int
    gap: float
    segments: tuple[tuple[str, str], ...]
    expected: tuple[str, ...]
    engine: str = "espeak-ng"

    @property
    def text(self) -> str:
        """The whole answer as text."""
        return "\n\n".join(t for _, t in self.segments)


@dataclass(frozen=True)
class AnswerScore:
    """How the engine did on one answer.

    Attributes:
        id: the answer.
        kind: strong, weak or mixed.
        seconds: its length.
        boundary_errors: per true boundary, seconds between it and the predicted one.
        time_correct: share of speaking time labelled with the true segment.
        expected: expected content findings.
        found: content findings raised.
        critical: ids of critical findings raised.
        verdict: the engine's verdict.
    """

    id: str
    kind: str
    seconds: float
    boundary_errors: tuple[float, ...]
    time_correct: float
    expected: tuple[str, ...]
    found: tuple[str, ...]
    critical: tuple[str, ...]
    verdict: str

    @property
    def median_boundary_error(self) -> float:
        """Median of the boundary errors (0 when there are none)."""
        return statistics.median(self.boundary_errors) if self.boundary_errors else 0.0

    @property
    def true_positives(self) -> int:
        """Expected findings that were raised."""
        return len(set(self.expected) & set(self.found))

    @property
    def missed(self) -> tuple[str, ...]:
        """Expected findings that were not raised."""
        return tuple(sorted(set(self.expected) - set(self.found)))

    @property
    def false(self) -> tuple[str, ...]:
        """Findings raised that were not expected."""
        return tuple(sorted(set(self.found) - set(self.expected)))


def load_evalset(path: Path = EVALSET) -> tuple[LabelledAnswer, ...]:
    """Reads the labelled answers.

    Args:
        path: the TOML file.

    Returns:
        The answers.

    Raises:
        UserError: the file is missing or malformed.
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        out = []
        for a in data["answers"]:
            segs = tuple((label, str(a["segments"][label]).strip())
                         for label in SEGMENT_LABELS if label in a["segments"])
            out.append(LabelledAnswer(
                id=str(a["id"]), scenario=str(a["scenario"]), kind=str(a["kind"]),
                voice=str(a.get("voice", "en-us")), speed=int(a.get("speed", 170)),
                gap=float(a.get("gap", 0.5)), segments=segs,
                expected=tuple(str(x) for x in a.get("expected", ())),
                engine=str(a.get("engine", "espeak-ng")),
            ))
    except (OSError, KeyError, TypeError, ValueError, tomllib.TOMLDecodeError) as exc:
        raise UserError(f"evaluation set {path} is unreadable: {exc}") from exc
    return tuple(out)


def is_scored(finding_id: str) -> bool:
    """Tells whether a finding id is one the evaluation set is labelled for."""
    return any(finding_id == p or (p.endswith(".") and finding_id.startswith(p))
               for p in SCORED_PREFIXES)


def true_labels(words: Sequence[Word], cuts: Sequence[float]) -> list[int]:
    """The true label index of each word, from the times where each present segment begins.

    Args:
        words: ordered words.
        cuts: for each present segment after the first, the time its audio begins.

    Returns:
        An index into the present segments per word (by word midpoint).
    """
    return [sum(1 for c in cuts if c <= (w.start + w.end) / 2) for w in words]


def score_labels(words: Sequence[Word], truth: Sequence[str], predicted: Sequence[str],
                 true_starts: dict[str, float]) -> tuple[tuple[float, ...], float]:
    """Boundary errors and time accuracy of a labelling.

    A predicted boundary for segment k is the start of the first word labelled k or later in
    STAR order (the end of the answer when there is none).

    Args:
        words: ordered words.
        truth: the true label per word.
        predicted: the predicted label per word.
        true_starts: for each present segment after the first, when it truly begins.

    Returns:
        (boundary errors in seconds, share of speaking time labelled correctly).
    """
    order = {label: i for i, label in enumerate(SEGMENT_LABELS)}
    total = sum(max(w.end - w.start, 0.02) for w in words) or 1.0
    right = sum(max(w.end - w.start, 0.02) for w, t, p in zip(words, truth, predicted, strict=True)
                if t == p)
    errors = []
    end = words[-1].end if words else 0.0
    for label, t in true_starts.items():
        k = order[label]
        pred = next((w.start for w, p in zip(words, predicted, strict=True) if order[p] >= k), end)
        errors.append(abs(pred - t))
    return tuple(errors), right / total


def summarize(scores: Sequence[AnswerScore]) -> dict[str, float]:
    """Overall numbers: median boundary error, time correct, finding precision and recall.

    Args:
        scores: per-answer scores.

    Returns:
        ``median_boundary_error``, ``time_correct`` (weighted by answer length), ``precision``,
        ``recall``, ``weak_recall`` (on weak answers only), ``strong_false_critical`` and
        ``worst`` (the lowest share of time labelled correctly in one answer).
    """
    errors = [e for s in scores for e in s.boundary_errors]
    secs = sum(s.seconds for s in scores) or 1.0
    tp = sum(s.true_positives for s in scores)
    n_found = sum(len(s.found) for s in scores)
    n_exp = sum(len(s.expected) for s in scores)
    weak = [s for s in scores if s.kind == "weak"]
    w_tp = sum(s.true_positives for s in weak)
    w_exp = sum(len(s.expected) for s in weak)
    return {
        "median_boundary_error": statistics.median(errors) if errors else 0.0,
        "time_correct": sum(s.time_correct * s.seconds for s in scores) / secs,
        "precision": tp / n_found if n_found else 1.0,
        "recall": tp / n_exp if n_exp else 1.0,
        "weak_recall": w_tp / w_exp if w_exp else 1.0,
        "strong_false_critical": float(sum(len(s.critical) for s in scores if s.kind == "strong")),
        "worst": min((s.time_correct for s in scores), default=1.0),
    }


def score_answer(answer: LabelledAnswer, analysis: Analysis, words: Sequence[Word],
                 true_starts: dict[str, float]) -> AnswerScore:
    """Scores one analysed answer against its labels.

    Args:
        answer: the labelled answer.
        analysis: the engine's analysis of its transcript.
        words: the transcript's words (ordered).
        true_starts: when each present segment truly begins (the first is not needed).

    Returns:
        The score.
    """
    present = [label for label, _ in answer.segments]
    cuts = [true_starts[label] for label in present[1:]]
    truth = [present[i] for i in true_labels(words, cuts)]
    pred = []
    for w in words:
        mid = (w.start + w.end) / 2
        seg = next((s for s in analysis.segments if s.status != "missing" and s.start <= mid
                    < s.end), None)
        if seg is None:  # past the last segment's end: the last present one
            seg = next((s for s in reversed(analysis.segments) if s.status != "missing"
                        and s.start <= mid), analysis.segments[0])
        pred.append(seg.label)
    errors, correct = score_labels(words, truth, pred,
                                   {label: true_starts[label] for label in present[1:]})
    found = tuple(sorted({f.id for f in analysis.findings if is_scored(f.id)}))
    crit = tuple(sorted({f.id for f in analysis.findings if f.severity == "critical"}))
    seconds = (words[-1].end - words[0].start) if words else 0.0
    return AnswerScore(answer.id, answer.kind, seconds, errors, correct, answer.expected, found,
                       crit, analysis.verdict)
