"""Measuring the coach on labelled written answers and on the blind finding sentence sets.

Figures, as ``mockinterviewer evaluate`` prints them:

- the frozen test split (``coach/corpus/split.json``): share of words given their author's label,
  answers below 75 %, parts the author wrote that the engine calls missing ("false missing"), and
  per-finding precision and recall against the authors' expected findings;
- leave-one-register-out and leave-one-author-out on the training split: a model trained without
  a register (or a writer) labels that register's answers; the figure that predicts answers
  nobody on the team wrote;
- each finding's detector on its labelled sentence sets (``findings-dev.jsonl`` used while writing
  the detectors, ``findings-test.jsonl`` written blind by another writer and never tuned on).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from mockinterviewer.coach import detectors
from mockinterviewer.coach.corpus import CORPUS_DIR, WrittenAnswer
from mockinterviewer.coach.engine import analyze
from mockinterviewer.coach.segmodel import SegmentModel
from mockinterviewer.coach.text import words_from_text
from mockinterviewer.content.model import Scenario

# Findings the writers labelled their answers for (the scope finding depends on the scenario,
# which written answers do not name).
ANSWER_FINDINGS: tuple[str, ...] = (
    "action.we_language", "initiation.assigned", "result.not_quantified",
    "result.no_second_order", "reflection.generic", "segment.missing.situation",
    "segment.missing.task", "segment.missing.action", "segment.missing.result",
    "segment.missing.reflection",
)
FINDING_SETS = {"dev": CORPUS_DIR / "findings-dev.jsonl",
                "dev2": CORPUS_DIR / "findings-dev2.jsonl",
                "dev3": CORPUS_DIR / "findings-dev3.jsonl",
                "dev4": CORPUS_DIR / "findings-dev4.jsonl",
                "dev5": CORPUS_DIR / "findings-dev5.jsonl",
                "dev6": CORPUS_DIR / "findings-dev6.jsonl",
                "dev7": CORPUS_DIR / "findings-dev7.jsonl",
                "dev8": CORPUS_DIR / "findings-dev8.jsonl",
                "test": CORPUS_DIR / "findings-test.jsonl",
                "test2": CORPUS_DIR / "findings-test2.jsonl",
                "test3": CORPUS_DIR / "findings-test3.jsonl",
                "test4": CORPUS_DIR / "findings-test4.jsonl"}


@dataclass(frozen=True)
class Tally:
    """True positives, false positives and false negatives of one detector or finding."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1 when nothing was raised."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def add(self, expected: bool, found: bool) -> Tally:
        """This tally with one more decision counted."""
        return Tally(self.tp + int(expected and found), self.fp + int(found and not expected),
                     self.fn + int(expected and not found))


def answer_findings(answers: Sequence[WrittenAnswer], scenario: Scenario,
                    model: SegmentModel | None = None) -> dict[str, Tally]:
    """Per finding id, how the engine's findings on written answers match the authors'.

    Args:
        answers: labelled answers.
        scenario: the scenario to analyse them against (findings do not depend on it except
            for the scope finding, which is not scored).
        model: the segment model (default: the shipped one).

    Returns:
        Finding id -> tally.
    """
    out = {fid: Tally() for fid in ANSWER_FINDINGS}
    for a in answers:
        analysis = analyze(words_from_text(a.text), scenario, "sde2", timed=False, model=model)
        found = set(analysis.finding_ids)
        for fid in ANSWER_FINDINGS:
            out[fid] = out[fid].add(fid in a.expected, fid in found)
    return out


def check_sets(path: Path) -> dict[str, Tally]:
    """Each detector on a labelled sentence file (see
    :func:`~mockinterviewer.coach.detectors.evaluate_file`); checks absent from the file are
    empty tallies."""
    scored = detectors.evaluate_file(path) if path.exists() else {}
    return {c: Tally(int(scored[c]["tp"]), int(scored[c]["fp"]), int(scored[c]["fn"]))
            if c in scored else Tally() for c in detectors.CHECKS}
