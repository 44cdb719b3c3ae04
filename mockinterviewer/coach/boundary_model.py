"""Where a run of words with no punctuation at all changes step: a learned boundary model.

Note-form answers typed without a single full stop ("night works on a dual carriageway three near
misses in a fortnight it was mine to find out why i spent four nights out with the banksmen ...")
give the unit cutter nothing to cut at. The rules in :mod:`~.units` cut such a run at clause
openers, and a Reflection that opens with "id talk to billing earlier" or "always think bigger"
stayed glued to the Result before it.

This model reads the words around each gap (two before, one after, their pairs, past-tense and
number shapes) and gives the probability that a sentence or a STAR part ends there. It learns from
the training answers themselves: every gap after a punctuation mark, and every gap where the
author's label changes, is a boundary. Punctuated answers teach it where people end sentences;
the cutter uses it on answers with no sentence end at all and, with a higher bar, on runs of 40
words or more with no sentence end inside punctuated answers (see :mod:`~.units`).

Measured by leave-one-register-out on the training split (stop 23; the boundary model and the
segment classifier both trained without the left-out register): unpunctuated notes 82.6 % ->
87.7 % of words, false "missing" parts 19 -> 9. Added to the rules on punctuated answers as well
it cost 1.8 points on polished ones and 2.9 on prep notes, so it is not. Stop 30: only on long
runs with no sentence end, at 0.2 and on top of the rules' cuts, it took the training split out
of register from 90.4 % to 90.7 % of words and false "missing" parts from 106 to 83.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from mockinterviewer.coach.model_files import read_json_gz, write_json_gz
from mockinterviewer.coach.text import clean

if TYPE_CHECKING:  # pragma: no cover - typing only
    from mockinterviewer.coach.corpus import WrittenAnswer

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).resolve().parent / "model" / "boundaries.json.gz"
THRESHOLD = 0.07  # leave-one-register-out on the unpunctuated notes: 0.035-0.1 gave 85.4-86.6 %
_C = 1.0
_PUNCT = re.compile(r"(?:[.,;:!?\u2014\u2013)/-]|\.\.\.)$")
_VERSION = 1


def features(low: Sequence[str], i: int) -> list[str]:
    """The features of the gap before token ``i`` (``0 < i < len(low)``).

    Args:
        low: the run's cleaned lower-case tokens.
        i: the token after the gap.

    Returns:
        Feature names (each present once).
    """
    def g(k: int) -> str:
        return low[k] if 0 <= k < len(low) else "<s>" if k < 0 else "</s>"

    p2, p, c, n = g(i - 2), g(i - 1), g(i), g(i + 1)
    out = [f"p={p}", f"c={c}", f"n={n}", f"p2={p2}", f"pc={p}|{c}", f"cn={c}|{n}",
           f"p2p={p2}|{p}"]
    if c.endswith("ed"):
        out.append("c_ed")
    if p.endswith("ed"):
        out.append("p_ed")
    if c[:1].isdigit():
        out.append("c_num")
    if p[:1].isdigit():
        out.append("p_num")
    return out


@dataclass(frozen=True)
class BoundaryModel:
    """A logistic regression over gap features.

    Attributes:
        weights: feature name -> weight (features not listed weigh 0).
        bias: the intercept.
        info: where it was trained.
    """

    weights: dict[str, float]
    bias: float
    info: dict[str, object] = field(default_factory=dict)

    def probabilities(self, low: Sequence[str]) -> list[float]:
        """Per gap (before token 1 .. n-1), the probability that a step ends there."""
        out = []
        for i in range(1, len(low)):
            z = self.bias + sum(self.weights.get(f, 0.0) for f in features(low, i))
            out.append(1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z)))))
        return out

    @classmethod
    def train(cls, answers: Sequence[WrittenAnswer], info: dict[str, object] | None = None
              ) -> BoundaryModel:
        """Fits the model on labelled answers (needs scikit-learn).

        Args:
            answers: training answers; each gap after punctuation or at a change of the author's
                label is a boundary.
            info: stored with the model.

        Returns:
            The model.
        """
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression

        rows: list[dict[str, int]] = []
        ys: list[int] = []
        for a in answers:
            raw: list[str] = []
            lab: list[str] = []
            for part, text in a.parts:
                for w in text.split():
                    raw.append(w)
                    lab.append(part)
            low = [clean(w) for w in raw]
            for i in range(1, len(raw)):
                rows.append(dict.fromkeys(features(low, i), 1))
                ys.append(int(bool(_PUNCT.search(raw[i - 1])) or lab[i] != lab[i - 1]))
        vec = DictVectorizer()
        x = vec.fit_transform(rows)
        clf = LogisticRegression(C=_C, max_iter=3000).fit(x, ys)
        weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(),
                                                               clf.coef_[0], strict=True)
                   if abs(w) >= 0.1}
        return cls(weights, round(float(clf.intercept_[0]), 4),
                   {**(info or {}), "answers": len(answers), "gaps": len(ys)})

    def save(self, path: Path = MODEL_PATH) -> None:
        """Writes the model as gzipped JSON (byte-identical for the same weights)."""
        write_json_gz(path, {"version": _VERSION, "weights": self.weights, "bias": self.bias,
                             "info": self.info})

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> BoundaryModel:
        """Reads a model written by :meth:`save`.

        Raises:
            OSError: unreadable file.
            ValueError: not a model of this version.
        """
        d = read_json_gz(path)
        if d.get("version") != _VERSION:
            raise ValueError(f"{path}: not a boundary model of version {_VERSION}")
        return cls({str(k): float(v) for k, v in d["weights"].items()}, float(d["bias"]),
                   dict(d.get("info", {})))


@lru_cache(maxsize=1)
def default_boundaries() -> BoundaryModel | None:
    """The shipped model, loaded once; None when it is missing or unreadable (the cutter then
    falls back to its rules)."""
    try:
        return BoundaryModel.load()
    except (OSError, ValueError, KeyError) as exc:
        log.warning("boundary model not loaded (%s); unpunctuated runs are cut by rule", exc)
        return None


def choose_cuts(probs: Sequence[float], fixed: Sequence[int], n: int, min_words: int,
                threshold: float = THRESHOLD) -> list[int]:
    """Adds the likeliest boundaries to fixed cuts, most probable first.

    Args:
        probs: per gap before token 1 .. n-1, its boundary probability.
        fixed: cuts that stay (0 and ``n`` among them).
        n: number of tokens.
        min_words: the fewest tokens a new cut may leave on either side.
        threshold: the lowest probability that cuts.

    Returns:
        Sorted cut indexes.
    """
    chosen = sorted(set(fixed) | {0, n})
    for i in sorted(range(1, n), key=lambda k: (-probs[k - 1], k)):
        if probs[i - 1] < threshold:
            break
        lo = max(c for c in chosen if c <= i)
        hi = min(c for c in chosen if c >= i)
        if lo != i and i - lo >= min_words and hi - i >= min_words:
            chosen.append(i)
            chosen.sort()
    return chosen
