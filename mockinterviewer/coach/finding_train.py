"""Training of the whole-answer finding models (:mod:`.finding_model`): rows read with sentence
models that never saw the answer's writer, the logistic regression, the leave-one-writer-out
figures and the shipped weights.

``python -m mockinterviewer.coach.finding_train`` rebuilds ``coach/model/findings.json.gz`` with
scikit-learn (a few minutes: one set of sentence models per writer); ``--lowo`` prints the
leave-one-writer-out table instead.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mockinterviewer.coach import sentence_model
from mockinterviewer.coach.detector_text import normalise
from mockinterviewer.coach.finding_model import (
    MODEL_PATH,
    SPECS,
    Reading,
    Sentence,
    probability,
    read,
    sentences,
    shipped,
    threshold,
)
from mockinterviewer.coach.model_files import write_json_gz

if TYPE_CHECKING:
    from mockinterviewer.coach.corpus import WrittenAnswer

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Row:
    """One training answer's reading for one finding."""

    reading: Reading
    label: int
    writer: str


def _answer_parts(answer: WrittenAnswer) -> dict[str, tuple[Sentence, ...]]:
    from mockinterviewer.coach.text import words_from_text
    from mockinterviewer.coach.units import annotate, sanitize

    out: dict[str, tuple[Sentence, ...]] = {}
    for label, text in answer.parts:
        if text.strip():
            out[label] = out.get(label, ()) + sentences(annotate(sanitize(words_from_text(text))))
    return out


def training_rows(answers: Sequence[WrittenAnswer] | None = None) -> dict[str, list[Row]]:
    """Per finding, a row for each training answer that has one of its parts, read with sentence
    models trained without the answer's writer (needs scikit-learn).

    Args:
        answers: labelled answers (default: the training split).
    """
    from mockinterviewer.coach.corpus import load_corpus, split

    answers = list(split(load_corpus())[0] if answers is None else answers)
    rows: dict[str, list[Row]] = {f: [] for f in SPECS}
    checks = ("assigned", "scope_boundary", "lasting_effect")
    for writer in sorted({a.author for a in answers}):
        weights = sentence_model.fit_checks([a for a in answers if a.author != writer], checks)
        with sentence_model.weights_in_use(weights):
            for a in (a for a in answers if a.author == writer):
                parts = _answer_parts(a)
                for finding, spec in SPECS.items():
                    if spec.judged([label for label, sents in parts.items() if sents]):
                        rows[finding].append(Row(read(finding, parts),
                                                 int(finding in a.expected), writer))
        log.info("finding model: read writer %s", writer)
    return rows


def fit(rows: Sequence[Row], c: float) -> dict[str, object]:
    """Fits one finding's model (needs scikit-learn).

    Args:
        rows: its training rows.
        c: inverse regularisation strength.

    Returns:
        The weights :func:`probability` reads.
    """
    from scipy.sparse import hstack
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    dv = DictVectorizer()
    tvs = [TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2,
                           preprocessor=normalise) for _ in range(2)]
    x = hstack([dv.fit_transform([dict(r.reading.features) for r in rows])]
               + [tv.fit_transform([r.reading.views[i] for r in rows])
                  for i, tv in enumerate(tvs)]).tocsr()
    clf = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
    clf.fit(x, [r.label for r in rows])
    coef = [float(v) for v in clf.coef_[0]]
    at = len(dv.feature_names_)
    views = []
    for tv in tvs:
        views.append({g: [round(float(tv.idf_[i]), 5), round(coef[at + i], 5)]
                      for g, i in sorted(tv.vocabulary_.items())})
        at += len(tv.vocabulary_)
    return {"intercept": round(float(clf.intercept_[0]), 5),
            "dense": {n: round(coef[i], 5) for i, n in enumerate(dv.feature_names_)},
            "views": views}


def leave_one_writer_out(finding: str, rows: Sequence[Row]) -> tuple[int, int, int, int, int, int]:
    """(tp, fp, fn) of the model, then of the rule, each answer judged by a model trained without
    its writer's answers."""
    spec = SPECS[finding]
    tp = fp = fn = rtp = rfp = rfn = 0
    for writer in sorted({r.writer for r in rows}):
        weights = fit([r for r in rows if r.writer != writer], spec.c)
        for r in (r for r in rows if r.writer == writer):
            said = probability(weights, r.reading) >= threshold(finding, r.reading)
            rule = bool(r.reading.features["rule"])
            tp, fp, fn = tp + int(said and r.label), fp + int(said and not r.label), fn + int(
                r.label and not said)
            rtp, rfp, rfn = rtp + int(rule and r.label), rfp + int(rule and not r.label), rfn + int(
                r.label and not rule)
    return tp, fp, fn, rtp, rfp, rfn


def build() -> Path:
    """Trains both findings on the training split and writes the shipped weights."""
    from mockinterviewer.coach.segmodel import data_hash

    rows = training_rows()
    write_json_gz(MODEL_PATH, {"findings": {f: fit(rows[f], SPECS[f].c) for f in SPECS},
                               "data": data_hash(sentence_model.data_files())})
    shipped.cache_clear()
    return MODEL_PATH


def main(argv: Sequence[str] | None = None) -> int:
    """Rebuilds the weights, or (``--lowo``) prints the leave-one-writer-out table."""
    import argparse

    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--lowo", action="store_true", help="only print leave-one-writer-out figures")
    args = p.parse_args(argv)
    if not args.lowo:
        print(f"wrote {build()}")
        return 0
    rows = training_rows()
    for finding in SPECS:
        tp, fp, fn, rtp, rfp, rfn = leave_one_writer_out(finding, rows[finding])
        print(f"{finding:<24} {len(rows[finding])} answers  model P {tp / max(1, tp + fp):.3f} "
              f"R {tp / max(1, tp + fn):.3f}  rule P {rtp / max(1, rtp + rfp):.3f} "
              f"R {rtp / max(1, rtp + rfn):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
