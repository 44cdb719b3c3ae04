"""The learned STAR model: a logistic-regression unit classifier and an ordered label chain.

Each unit gets a probability per label from a multinomial logistic regression over
:mod:`~mockinterviewer.coach.segfeatures`; the decoder (:mod:`~mockinterviewer.coach.segment`)
combines them with the chain's start and transition probabilities, learned from how labelled
answers move from part to part (Situation → Task → Action → Result → Reflection, any part may be
skipped, and an answer may open with a short Result preview).

Training uses scikit-learn (``mockinterviewer evaluate`` and ``python -m
mockinterviewer.coach.train``); the shipped model is plain JSON weights, scored with numpy, so the
app loads it in milliseconds and never trains at run time.
"""

from __future__ import annotations

import hashlib
import logging
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from mockinterviewer.coach.boundary_model import BoundaryModel
from mockinterviewer.coach.model_files import read_json_gz, write_json_gz
from mockinterviewer.coach.segfeatures import answer_features, chain_features
from mockinterviewer.coach.units import Unit
from mockinterviewer.content.model import SEGMENT_LABELS

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).resolve().parent / "model" / "segmenter.json.gz"
# Chain states: a Result preview at the start, then the five parts in order.
STATES: tuple[str, ...] = ("preview", *SEGMENT_LABELS)
STATE_LABEL: tuple[int, ...] = (SEGMENT_LABELS.index("result"), *range(len(SEGMENT_LABELS)))
_S = len(STATES)
_L = len(SEGMENT_LABELS)
DEFAULT_C = 0.5


def allowed(a: int, b: int) -> bool:
    """Whether the chain may move from state ``a`` to state ``b`` (staying is a move)."""
    if a == 0:
        return True
    return b >= a


def unit_states(labels: Sequence[int]) -> list[int]:
    """Chain states of a labelled answer: a Result before any other part is the preview.

    Args:
        labels: label index per unit, in spoken order.

    Returns:
        A state index per unit.
    """
    out = []
    seen_other = False
    for k in labels:
        if k != STATE_LABEL[0]:
            seen_other = True
        out.append(0 if (k == STATE_LABEL[0] and not seen_other) else k + 1)
    return out


@dataclass(frozen=True)
class TrainingAnswer:
    """One labelled answer cut into units.

    Attributes:
        units: its units.
        labels: a label index per unit (the label of most of its words).
        group: where it came from (a register or author), for leave-one-group-out runs.
    """

    units: tuple[Unit, ...]
    labels: tuple[int, ...]
    group: str = ""


@dataclass(frozen=True)
class SegmentModel:
    """Two stacked logistic regressions over units, and the label chain.

    The first layer reads each unit's words and grammar; the second reads the first layer's
    label probabilities for the unit and its neighbours, and the unit's place in the answer.

    Attributes:
        vocab: first-layer feature name -> column.
        coef: (labels, features) first-layer weights.
        intercept: per-label first-layer bias.
        chain_vocab: second-layer feature name -> column.
        chain_coef: (labels, features) second-layer weights.
        chain_intercept: per-label second-layer bias.
        log_prior: log share of units per label in training.
        log_start: log probability of each chain state opening an answer.
        log_trans: (states, states) log transition probabilities (-inf where not allowed).
        info: where it was trained (sizes, data hash).
        boundaries: the boundary model its units were cut with, when it is not the shipped one
            (a model trained in a cross-validation fold); not saved.
    """

    vocab: Mapping[str, int]
    coef: np.ndarray
    intercept: np.ndarray
    chain_vocab: Mapping[str, int]
    chain_coef: np.ndarray
    chain_intercept: np.ndarray
    log_prior: np.ndarray
    log_start: np.ndarray
    log_trans: np.ndarray
    info: Mapping[str, object] = field(default_factory=dict)
    boundaries: BoundaryModel | None = field(default=None, compare=False, repr=False)

    def log_posteriors(self, units: Sequence[Unit], horizon: float | None = None) -> np.ndarray:
        """Log probability of each label for each unit.

        Args:
            units: the answer's units.
            horizon: expected length in seconds while the answer is still going (live use).

        Returns:
            An (n units, 5 labels) array of log probabilities.
        """
        if not units:
            return np.zeros((0, _L))
        first = _apply(self.vocab, self.coef, self.intercept, answer_features(units))
        return _apply(self.chain_vocab, self.chain_coef, self.chain_intercept,
                      chain_features(first, units, horizon))

    @classmethod
    def train(cls, answers: Sequence[TrainingAnswer], c: float = DEFAULT_C,
              info: Mapping[str, object] | None = None, folds: int = 3) -> SegmentModel:
        """Fits both layers and the chain on labelled answers (needs scikit-learn).

        The second layer learns from first-layer probabilities of answers that layer did not
        see (``folds``-fold cross-fitting), as it will meet them on new answers.

        Args:
            answers: labelled answers.
            c: inverse L2 regularisation strength of the first layer.
            info: recorded with the model.
            folds: cross-fitting folds for the second layer.

        Returns:
            The model.
        """
        start = np.ones(_S)
        trans = np.ones((_S, _S))
        ys: list[int] = []
        for a in answers:
            ys.extend(a.labels)
            states = unit_states(a.labels)
            if states:
                start[states[0]] += 1
            for s, t in zip(states, states[1:], strict=False):
                if allowed(s, t):
                    trans[s, t] += 1
        vocab, coef, intercept = _fit([answer_features(a.units) for a in answers],
                                      [a.labels for a in answers], c)
        chain_x: list[list[dict[str, float]]] = []
        chain_y: list[tuple[int, ...]] = []
        for f in range(folds):
            fit_on = [a for j, a in enumerate(answers) if j % folds != f]
            held = [a for j, a in enumerate(answers) if j % folds == f]
            if not fit_on or not held:
                continue
            v, w, b = _fit([answer_features(a.units) for a in fit_on],
                           [a.labels for a in fit_on], c)
            for a in held:
                lp = _apply(v, w, b, answer_features(a.units))
                chain_x.append(chain_features(lp, a.units))
                chain_y.append(a.labels)
        chain_vocab, chain_coef, chain_intercept = _fit(chain_x, chain_y, 1.0)
        counts = np.bincount(np.asarray(ys, dtype=int), minlength=_L) + 1.0
        for s in range(_S):
            for t in range(_S):
                if not allowed(s, t):
                    trans[s, t] = 0.0
        with np.errstate(divide="ignore"):
            log_trans = np.log(trans / trans.sum(axis=1, keepdims=True))
        return cls(vocab=vocab, coef=coef, intercept=intercept, chain_vocab=chain_vocab,
                   chain_coef=chain_coef, chain_intercept=chain_intercept,
                   log_prior=np.log(counts / counts.sum()),
                   log_start=np.log(start / start.sum()), log_trans=log_trans,
                   info=dict(info or {}, units=len(ys), answers=len(answers)))

    def to_json(self) -> dict[str, object]:
        """The JSON form (weights rounded; features with no weight left out)."""
        out: dict[str, object] = {"labels": list(SEGMENT_LABELS)}
        for prefix, vocab, coef, intercept in (
                ("", self.vocab, self.coef, self.intercept),
                ("chain_", self.chain_vocab, self.chain_coef, self.chain_intercept)):
            keep = [(name, col) for name, col in sorted(vocab.items())
                    if np.abs(coef[:, col]).max() >= 1e-4]
            out[f"{prefix}features"] = [name for name, _ in keep]
            out[f"{prefix}coef"] = [[round(float(coef[k, col]), 4) for _, col in keep]
                                    for k in range(_L)]
            out[f"{prefix}intercept"] = [round(float(v), 4) for v in intercept]
        out["log_prior"] = [round(float(v), 4) for v in self.log_prior]
        out["log_start"] = [round(float(v), 4) for v in self.log_start]
        out["log_trans"] = [[None if not math.isfinite(v) else round(float(v), 4) for v in row]
                            for row in self.log_trans]
        out["info"] = dict(self.info)
        return out

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> SegmentModel:
        """Reads :meth:`to_json`'s form.

        Raises:
            ValueError: the labels differ from this version's or a shape is wrong.
        """
        if list(d["labels"]) != list(SEGMENT_LABELS):
            raise ValueError("segment model has other labels")
        layers = []
        for prefix in ("", "chain_"):
            names = list(d[f"{prefix}features"])
            coef = np.asarray(d[f"{prefix}coef"], dtype=float).reshape(_L, len(names))
            layers.append(({n: i for i, n in enumerate(names)}, coef,
                           np.asarray(d[f"{prefix}intercept"], dtype=float)))
        trans = np.asarray([[-np.inf if v is None else v for v in row]
                            for row in d["log_trans"]], dtype=float)
        if trans.shape != (_S, _S):
            raise ValueError("segment model chain has the wrong shape")
        return cls(vocab=layers[0][0], coef=layers[0][1], intercept=layers[0][2],
                   chain_vocab=layers[1][0], chain_coef=layers[1][1],
                   chain_intercept=layers[1][2],
                   log_prior=np.asarray(d["log_prior"], dtype=float),
                   log_start=np.asarray(d["log_start"], dtype=float), log_trans=trans,
                   info=dict(d.get("info", {})))

    def save(self, path: Path = MODEL_PATH) -> None:
        """Writes the model as gzipped JSON (byte-identical for the same weights)."""
        write_json_gz(path, self.to_json())

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> SegmentModel:
        """Reads a model written by :meth:`save`.

        Raises:
            OSError: unreadable file.
            ValueError: not a model of this version.
        """
        return cls.from_json(read_json_gz(path))


def _fit(feats: Sequence[Sequence[Mapping[str, float]]], labels: Sequence[Sequence[int]],
         c: float) -> tuple[dict[str, int], np.ndarray, np.ndarray]:
    """Fits one multinomial logistic regression; returns (vocabulary, weights, biases)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [f for fs in feats for f in fs]
    ys = [y for ls in labels for y in ls]
    vec = DictVectorizer()
    x = vec.fit_transform(rows)
    clf = LogisticRegression(C=c, max_iter=3000)
    clf.fit(x, ys)
    coef = np.zeros((_L, x.shape[1]))
    intercept = np.full(_L, -30.0)  # a label never seen in training is never predicted
    classes = [int(k) for k in clf.classes_]
    if len(classes) == 2:  # scikit-learn keeps one row for two classes
        coef[classes[1]], intercept[classes[1]] = clf.coef_[0], clf.intercept_[0]
        intercept[classes[0]] = 0.0
    else:
        for row, k in enumerate(classes):
            coef[k], intercept[k] = clf.coef_[row], clf.intercept_[row]
    return {name: i for i, name in enumerate(vec.feature_names_)}, coef, intercept


def _apply(vocab: Mapping[str, int], coef: np.ndarray, intercept: np.ndarray,
           feats: Sequence[Mapping[str, float]]) -> np.ndarray:
    """Log probabilities of a logistic regression for each feature dict."""
    z = np.tile(intercept, (len(feats), 1))
    for r, f in enumerate(feats):  # sparse: a unit has tens of features out of thousands
        cols, vals = [], []
        for name, v in f.items():
            col = vocab.get(name)
            if col is not None:
                cols.append(col)
                vals.append(v)
        if cols:
            z[r] += coef[:, cols] @ np.asarray(vals)
    z -= z.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


def data_hash(paths: Sequence[Path]) -> str:
    """A short hash of training files, recorded in the shipped model to tell when it is stale."""
    h = hashlib.sha256()
    for p in sorted(paths, key=lambda p: p.name):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


@lru_cache(maxsize=1)
def default_model() -> SegmentModel:
    """The shipped model (``coach/model/segmenter.json.gz``), loaded once.

    Returns:
        The model.

    Raises:
        RuntimeError: the package is damaged (the model file is missing or unreadable).
    """
    try:
        model = SegmentModel.load()
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise RuntimeError(f"the STAR model {MODEL_PATH} is missing or damaged: {exc}; "
                           "reinstall mockinterviewer") from exc
    log.debug("segment model: %s", model.info)
    return model
