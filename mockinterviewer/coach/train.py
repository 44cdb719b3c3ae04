"""Training and measuring the STAR model on the labelled written answers (needs scikit-learn).

``python -m mockinterviewer.coach.train`` rebuilds the shipped model from the training split of
``coach/corpus`` (the frozen test split is never trained or tuned on) and prints the
leave-one-register-out figures. ``mockinterviewer evaluate`` reports the same figures.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from mockinterviewer.coach.boundary_model import MODEL_PATH as BOUNDARY_PATH
from mockinterviewer.coach.boundary_model import BoundaryModel, default_boundaries
from mockinterviewer.coach.corpus import (
    WrittenAnswer,
    augmented,
    corpus_files,
    load_corpus,
    split,
    training_answer,
)
from mockinterviewer.coach.segment import label_answer
from mockinterviewer.coach.segmodel import DEFAULT_C, MODEL_PATH, SegmentModel, data_hash
from mockinterviewer.content.model import SEGMENT_LABELS


@dataclass(frozen=True)
class WordScore:
    """How a labelling of one written answer compares with its author's.

    Attributes:
        id: the answer.
        register: its register.
        accuracy: share of words given the author's label.
        false_missing: parts the author wrote that the engine found absent.
        invented: parts the engine found that the author did not write.
    """

    id: str
    register: str
    accuracy: float
    false_missing: tuple[str, ...]
    invented: tuple[str, ...]


def score_written(answer: WrittenAnswer, model: SegmentModel) -> WordScore:
    """Labels a written answer (one paragraph) and compares word by word with its author.

    Args:
        answer: the labelled answer.
        model: the model to use.

    Returns:
        The score.
    """
    words, truth = answer.words()
    lab = label_answer(words, None, model)
    right = sum(1 for t, p in zip(truth, lab.labels, strict=True) if t == p)
    said = {SEGMENT_LABELS[k] for k in truth}
    found = {SEGMENT_LABELS[k] for k in lab.labels}
    return WordScore(answer.id, answer.register, right / max(len(truth), 1),
                     tuple(sorted(said - found)), tuple(sorted(found - said)))


def pooled(scores: Sequence[WordScore], answers: Sequence[WrittenAnswer]) -> float:
    """Word accuracy pooled over answers (long answers weigh more)."""
    n = {a.id: len(a.text.split()) for a in answers}
    total = sum(n[s.id] for s in scores) or 1
    return sum(s.accuracy * n[s.id] for s in scores) / total


Trainer = Callable[[Sequence[WrittenAnswer]], SegmentModel]


def trainer(c: float = DEFAULT_C) -> Trainer:
    """A function that trains a model on written answers.

    The boundary model that cuts unpunctuated runs is trained on the same answers and travels
    with the segment model, so a left-out register is cut by a model that never saw it either.
    """
    def fit(answers: Sequence[WrittenAnswer]) -> SegmentModel:
        bounds = BoundaryModel.train(answers)
        model = SegmentModel.train([training_answer(a, boundaries=bounds)
                                    for a in augmented(answers)], c=c)
        return dataclasses.replace(model, boundaries=bounds)
    return fit


def leave_one_out(answers: Sequence[WrittenAnswer], key: Callable[[WrittenAnswer], str],
                  fit: Trainer | None = None) -> dict[str, list[WordScore]]:
    """Trains on all groups but one and scores the left-out group, for every group.

    Args:
        answers: labelled answers (the training split).
        key: the group of an answer (its register, or its author).
        fit: the trainer (default: :func:`trainer`).

    Returns:
        Group -> scores of its answers under a model that never saw the group.
    """
    fit = fit or trainer()
    groups = sorted({key(a) for a in answers})
    out: dict[str, list[WordScore]] = {}
    for g in groups:
        model = fit([a for a in answers if key(a) != g])
        out[g] = [score_written(a, model) for a in answers if key(a) == g]
    return out


def summary(scores: Sequence[WordScore], answers: Sequence[WrittenAnswer]) -> dict[str, float]:
    """Pooled and worst word accuracy, and false "missing part" counts."""
    accs = [s.accuracy for s in scores]
    return {
        "answers": float(len(scores)),
        "word_accuracy": pooled(scores, answers),
        "mean": statistics.fmean(accs) if accs else 0.0,
        "worst": min(accs) if accs else 0.0,
        "false_missing": float(sum(len(s.false_missing) for s in scores)),
        "invented": float(sum(len(s.invented) for s in scores)),
    }


def build(c: float = DEFAULT_C) -> SegmentModel:
    """Trains the shipped boundary and segment models on the training split and writes them."""
    train, _ = split(load_corpus())
    bounds = BoundaryModel.train(train, info={"data": data_hash(corpus_files())})
    bounds.save(BOUNDARY_PATH)
    default_boundaries.cache_clear()
    model = SegmentModel.train([training_answer(a, boundaries=bounds)
                                for a in augmented(train)], c=c, info={
        "data": data_hash(corpus_files()), "c": c, "train_answers": len(train),
        "augmented": "shortened copies"})
    model.save(MODEL_PATH)
    return model


def main(argv: Sequence[str] | None = None) -> int:
    """Rebuilds the shipped model and prints the leave-one-register-out table."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--c", type=float, default=DEFAULT_C)
    p.add_argument("--no-build", action="store_true", help="only print the cross-validation")
    args = p.parse_args(argv)
    train, test = split(load_corpus())
    loro = leave_one_out(train, lambda a: a.register, trainer(args.c))
    for g, sc in loro.items():
        s = summary(sc, train)
        print(f"{g:<16} {int(s['answers']):>4} answers  words {s['word_accuracy']:.1%}  "
              f"worst {s['worst']:.0%}  false missing {int(s['false_missing'])}")
    allsc = [s for sc in loro.values() for s in sc]
    s = summary(allsc, train)
    print(f"{'LEFT-OUT (all)':<16} {int(s['answers']):>4} answers  words {s['word_accuracy']:.1%}"
          f"  worst {s['worst']:.0%}  false missing {int(s['false_missing'])}")
    if not args.no_build:
        model = build(args.c)
        print(f"wrote {MODEL_PATH} ({model.info})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
