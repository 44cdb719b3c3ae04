"""A learned second opinion for four detectors: TF-IDF word n-grams + logistic regression.

The rule detectors (:mod:`mockinterviewer.coach.detectors`) are precise but miss phrasings they
were not written for. A sentence has the property when the rules say so *or* this model is at
least its check's threshold sure (see :data:`SPECS`).

- ``quantified``: trained on ``findings-dev.jsonl`` and ``findings-dev2.jsonl``; threshold 0.7,
  chosen on ``findings-dev3.jsonl`` (never trained on for this check).
- ``assigned``, ``scope_boundary``, ``lasting_effect``: trained on the development sets
  (``findings-dev*.jsonl``, eight writers) *and*, as negatives weighted 0.3, every sentence of
  the training-split answers (``coach/corpus/answers-*.jsonl``, never the frozen test answers)
  that the rules do not flag.
  Without those ordinary answer sentences a model trained on isolated sentences fired on plain
  story sentences ("nobody knew why", "we kept every other listing"). Sentences whose answer's
  author said the property is there (the Task of an answer labelled "handed over", a Result not
  labelled "nothing lasted") are left out of the negatives: the rules missed those phrasings,
  and the model learned not to hear them ("My manager ask me to improve the planning" scored
  0.56 -> 0.94).
  C and the negative weight were chosen on ``findings-dev4.jsonl``, written blind by another
  writer, with a model trained without it; the thresholds were chosen again with a seventh
  writer's set (see the comment at :data:`SPECS`).

The blind sets ``findings-test.jsonl`` to ``findings-test4.jsonl`` are only ever reported.

Scoring needs only the shipped weights (``coach/model/sentences.json.gz``) and plain Python;
``python -m mockinterviewer.coach.sentence_model`` rebuilds them with scikit-learn.
"""

from __future__ import annotations

import gzip
import json
import logging
import math
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from mockinterviewer.coach.detector_text import normalise
from mockinterviewer.coach.model_files import write_json_gz

if TYPE_CHECKING:
    from mockinterviewer.coach.corpus import WrittenAnswer

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).resolve().parent / "model" / "sentences.json.gz"
CORPUS = Path(__file__).resolve().parent / "corpus"


@dataclass(frozen=True)
class Spec:
    """How one check's model is trained and read.

    Attributes:
        files: development sentence sets it trains on.
        threshold: probability at which its vote counts.
        c: inverse regularisation strength of the logistic regression.
        answer_negatives: weight of the training answers' sentences the rules do not flag, used
            as negatives (0: not used).
    """

    files: tuple[str, ...]
    threshold: float
    c: float = 4.0
    answer_negatives: float = 0.0


_DEV4 = ("findings-dev.jsonl", "findings-dev2.jsonl", "findings-dev3.jsonl", "findings-dev4.jsonl")
# A fifth writer's 240 paraphrase-heavy sentences for the two weakest checks (lasting effects and
# scope boundaries), added with the thresholds unchanged. Read blind first, the detectors scored
# 89/71 (lasting) and 95/80 (scope) precision/recall on it.
_DEV5 = (*_DEV4, "findings-dev5.jsonl")
# A sixth writer's 301 sentences for three checks, a fifth of them non-native English with tense
# slips and a fifth note-form: read blind first, the detectors scored 98/83 (lasting), 100/84
# (quantified) and 95/91 (assigned) precision/recall on it; added with the thresholds unchanged.
_DEV6 = (*_DEV5, "findings-dev6.jsonl")
# quantified: on findings-dev3.jsonl 0.5 lost 6-11 points of precision, 0.85 added nothing, 0.7
# kept precision and raised recall. The other three: C=10 and weight 0.3; on
# findings-dev4.jsonl (model trained without it, with the rules' vetoes in detectors.py) 98/91
# (assigned, 0.8), 95/91 (scope, 0.6, remit-word gate) and 94/92 (lasting, 0.85)
# precision/recall against the rules' 100/85, 98/83 and 94/89, and none of the detector tests'
# hard negatives fired (lasting at 0.8 reached 94/94 but, trained on dev4 too, fired on "the
# other wards were busy too"). At 0.7 assigned and lasting did about as well on dev4, but on whole
# answers (training split, five folds, the model never trained on the fold's sentences) 0.7 cost
# initiation.assigned 7 points of precision and result.no_second_order 3 of recall; at 0.8 both
# are at or above the rules' (0.76/0.81 against 0.76/0.74; 0.88/0.96 against 0.87/0.96).
#
# A seventh writer's 330 sentences (``findings-dev7.jsonl``; hospitals, care homes, warehouses,
# schools, career changers) for the same three checks, read blind first: the detectors scored
# 100/87 (assigned), 100/84 (scope) and 93/76 (lasting) precision/recall, so recall was the
# weak side. The thresholds were then chosen again, leaving one sentence set out at a time
# (seven sets; the model trained on the other six and the training answers' sentences): the
# threshold with the best pooled min(precision, recall) among those that flag none of the
# hard negatives in tests/coach/test_coach_detectors.py (124, 93 and 94 sentences). Assigned
# stays at 0.8 (97.8/94.6; 0.6 would give 95.2/96.7 but flag 8 hard negatives, "The principal
# made me a cup of tea"); scope 0.6 -> 0.5 (97.4/91.5 -> 96.5/92.4; 0.4 flags one; without the
# remit-word gate 95.7/95.1 but 14 flagged, "That was not my best day"); lasting 0.85 -> 0.8
# (95.8/88.5 -> 95.8/89.5; 0.7 flags 2). The whole-answer findings no longer read these votes
# directly (see :mod:`.finding_model`).
_DEV7 = (*_DEV6, "findings-dev7.jsonl")
# An eighth writer's 330 sentences (``findings-dev8.jsonl``; labs, farms, sport, councils,
# charities, transport; half of them transcript-style or note-form), read blind first at 100/85
# (assigned), 98/82 (scope) and 88/76 (lasting). The thresholds were chosen again by the same
# rule over eight sets, with the hard negatives of stop 20 added (hopes and plans, "ever since" of
# an origin; thanks and praise are now a construction the rules turn down): assigned 0.8 -> 0.85
# (98.4/92.7 pooled; 0.8 flags "My team leader said the migration looked good"), scope 0.5
# (97.0/91.1), lasting 0.8 -> 0.85 (96.7/88.0; 0.8 flags "All the other stores were using the
# old tills").
_DEV8 = (*_DEV7, "findings-dev8.jsonl")
SPECS: dict[str, Spec] = {
    "quantified": Spec(("findings-dev.jsonl", "findings-dev2.jsonl", "findings-dev6.jsonl"), 0.7),
    "assigned": Spec(_DEV8, 0.85, 10.0, 0.3),
    "scope_boundary": Spec(_DEV8, 0.5, 10.0, 0.3),
    "lasting_effect": Spec(_DEV8, 0.85, 10.0, 0.3),
}
CHECKS: tuple[str, ...] = tuple(SPECS)
TRAIN_FILES: tuple[str, ...] = _DEV8
_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern


def ngrams(text: str) -> list[str]:
    """Word 1- to 3-grams of a normalised sentence, as scikit-learn's vectorizer makes them."""
    toks = _TOKEN.findall(normalise(text))
    return [" ".join(toks[i: i + n]) for n in (1, 2, 3) for i in range(len(toks) - n + 1)]


def probability(weights: Mapping[str, object], text: str) -> float:
    """The model's probability that ``text`` has the property.

    Args:
        weights: one check's weights (``terms`` -> [idf, coef], ``intercept``).
        text: the sentence.

    Returns:
        A probability in [0, 1].
    """
    terms: Mapping[str, Sequence[float]] = weights["terms"]  # type: ignore[assignment]
    return sigmoid(float(weights["intercept"]) + term_score(terms, text))  # type: ignore[arg-type]


def term_score(terms: Mapping[str, Sequence[float]], text: str) -> float:
    """A text's words weighed as scikit-learn's TF-IDF (sublinear, L2-normed) times the
    logistic regression's coefficients.

    Args:
        terms: n-gram -> [idf, coefficient].
        text: the text.

    Returns:
        The words' share of the regression's sum.
    """
    counts = Counter(g for g in ngrams(text) if g in terms)
    vals = {g: (1.0 + math.log(c)) * terms[g][0] for g, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vals.values())) or 1.0
    return sum(v / norm * terms[g][1] for g, v in vals.items())


def sigmoid(z: float) -> float:
    """The logistic function, clamped against overflow."""
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def shipped_file() -> dict[str, object]:
    """The whole shipped file (weights, what it was trained on, the data hash).

    Raises:
        OSError: unreadable file.
        ValueError: not JSON.
    """
    with gzip.open(MODEL_PATH, "rb") as fh:
        return dict(json.loads(fh.read().decode("utf-8")))


@lru_cache(maxsize=1)
def shipped() -> dict[str, dict[str, object]]:
    """The shipped weights per check (empty when the file is missing: rules only)."""
    try:
        return dict(shipped_file()["checks"])  # type: ignore[call-overload]
    except (OSError, ValueError, KeyError) as exc:
        log.error("sentence model %s unreadable (%s); findings use the rules alone", MODEL_PATH,
                  exc)
        return {}


# Weights used in place of the shipped ones while :func:`weights_in_use` is active (training of
# the whole-answer models scores each writer's answers with a model that never saw them).
_IN_USE: list[Mapping[str, dict[str, object]]] = []


@contextmanager
def weights_in_use(weights: Mapping[str, dict[str, object]]) -> Iterator[None]:
    """Makes :func:`says` and :func:`sure` read ``weights`` (per check) inside the block."""
    _IN_USE.append(weights)
    try:
        yield
    finally:
        _IN_USE.pop()


def _weights(check: str) -> dict[str, object] | None:
    return (_IN_USE[-1] if _IN_USE else shipped()).get(check)


def sure(check: str, text: str) -> float:
    """The model's probability that ``text`` has ``check`` (0 without weights)."""
    w = _weights(check)
    return probability(w, text) if w else 0.0


def says(check: str, text: str) -> bool:
    """Whether the shipped model is at least its check's threshold sure ``text`` has ``check``."""
    w = _weights(check)
    return bool(w) and probability(w, text) >= SPECS[check].threshold  # type: ignore[arg-type]


def fit(texts: Sequence[str], labels: Sequence[int], c: float = 4.0,
        weights: Sequence[float] | None = None) -> dict[str, object]:
    """Fits one TF-IDF + logistic regression (needs scikit-learn).

    Args:
        texts: sentences.
        labels: 1 where the sentence has the property.
        c: inverse regularisation strength.
        weights: per-sentence weights (default 1; with weights, classes are balanced).

    Returns:
        The weights :func:`probability` reads.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(ngram_range=(1, 3), sublinear_tf=True, preprocessor=normalise)
    x = vec.fit_transform(list(texts))
    if weights is None:
        clf = LogisticRegression(C=c, max_iter=2000).fit(x, list(labels))
    else:
        clf = LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit(
            x, list(labels), sample_weight=list(weights))
    coef = clf.coef_[0]
    return {
        "intercept": round(float(clf.intercept_[0]), 5),
        "terms": {g: [round(float(vec.idf_[i]), 5), round(float(coef[i]), 5)]
                  for g, i in sorted(vec.vocabulary_.items())},
    }


def train(rows: Sequence[Mapping[str, object]], checks: Sequence[str] = ("quantified",),
          ordinary: Sequence[str] = (),
          rules: Mapping[str, Callable[[str], bool]] | None = None) -> dict[str, dict[str, object]]:
    """Fits each check's model on labelled sentences (needs scikit-learn).

    Args:
        rows: ``{"check", "label", "text"}`` sentences.
        checks: which checks to fit.
        ordinary: sentences of labelled answers, used as negatives (weighted per
            :class:`Spec`) where ``rules`` does not flag them.
        rules: the rule detector of each check (needed with ``ordinary``).

    Returns:
        Per check, the weights :func:`probability` reads.
    """
    out: dict[str, dict[str, object]] = {}
    for check in checks:
        spec = SPECS[check]
        mine = [r for r in rows if r["check"] == check]
        texts, labels = [str(r["text"]) for r in mine], [int(str(r["label"])) for r in mine]
        if spec.answer_negatives and ordinary and rules is not None:
            neg = [s for s in ordinary if not rules[check](s)]
            w = [1.0] * len(texts) + [spec.answer_negatives] * len(neg)
            out[check] = fit(texts + neg, labels + [0] * len(neg), spec.c, w)
        else:
            out[check] = fit(texts, labels, spec.c)
    return out


# Parts of a training answer whose sentences may hold a check's property even though the rules
# miss it, by what the answer's author said of the whole answer: an answer labelled "handed over"
# may say so in its Task (since stop 22 the label also covers work that came with the role, 77 %
# of the answers, so their Situation and Action sentences stay negatives: with them left out the
# model heard "The principal made me a cup of tea" as a handing-over); one with a Result not
# labelled "nothing lasted" says somewhere in its Result or Reflection what lasted. Those
# sentences are never negatives.
_MAY_HOLD: dict[str, tuple[Callable[[tuple[str, ...]], bool], frozenset[str]]] = {
    "assigned": (lambda expected: "initiation.assigned" in expected,
                 frozenset({"task"})),
    "lasting_effect": (lambda expected: "result.no_second_order" not in expected,
                       frozenset({"result", "reflection"})),
}


def answer_sentences(check: str | None = None,
                     answers: Sequence[WrittenAnswer] | None = None) -> list[str]:
    """The sentences (four words or more) of the training-split answers.

    Args:
        check: leave out the sentences that may hold this check's property by their answer's
            labels (see ``_MAY_HOLD``); None keeps every sentence.
        answers: these answers instead of the whole training split.
    """
    from mockinterviewer.coach.corpus import load_corpus, split

    train_answers = split(load_corpus())[0] if answers is None else answers
    rule = _MAY_HOLD.get(check or "")
    out: list[str] = []
    for a in train_answers:
        skip = rule[1] if rule is not None and rule[0](a.expected) else frozenset()
        labels = [lab for lab, text in a.parts for _ in text.split()]
        at = 0
        for s in re.split(r"(?<=[.!?])\s+", a.text):
            n = len(s.split())
            if n >= 4 and not skip.intersection(labels[at: at + n]):
                out.append(s)
            at += n
    return out


def _rows(name: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in (CORPUS / name).read_text(encoding="utf-8").splitlines()
            if line.strip()]


def data_files() -> list[Path]:
    """Every file the shipped weights depend on (sentence sets and answers)."""
    from mockinterviewer.coach.corpus import corpus_files

    return [CORPUS / n for n in TRAIN_FILES] + corpus_files()


def fit_checks(answers: Sequence[WrittenAnswer] | None = None,
               checks: Sequence[str] = CHECKS) -> dict[str, dict[str, object]]:
    """Fits each check on its sentence sets and these answers' ordinary sentences.

    Args:
        answers: the labelled answers whose sentences are negatives (default: the training split).
        checks: which checks to fit.

    Returns:
        Per check, the weights :func:`probability` reads.
    """
    from mockinterviewer.coach import detectors

    return {c: train(_rows_for(c), (c,), answer_sentences(c, answers), detectors.RULES)[c]
            for c in checks}


def build() -> Path:
    """Trains every check on its development sets and writes the shipped weights."""
    from mockinterviewer.coach.segmodel import data_hash

    checks = fit_checks()
    write_json_gz(MODEL_PATH, {"trained_on": list(TRAIN_FILES),
                               "thresholds": {c: s.threshold for c, s in SPECS.items()},
                               "data": data_hash(data_files()), "checks": checks})
    shipped.cache_clear()
    return MODEL_PATH


def _rows_for(check: str) -> list[dict[str, object]]:
    return [r for name in SPECS[check].files for r in _rows(name) if r["check"] == check]


if __name__ == "__main__":
    print(f"wrote {build()}")
