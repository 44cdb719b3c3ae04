"""Story reuse: do two answers tell the same story? And which details do they share?

A loop's classic failure is the same story told for two principles. Paraphrase changes the words
but not the story's specifics, so the detector compares what survives a retelling:

* rare content words (light stems), each weighted by how rare it is in ordinary answers (an
  inverse document frequency learnt from the answer corpus and the scenario library);
* numbers, normalised ("4,100", "four thousand one hundred" and "4100" are one number;
  "38 percent" is "38%"); small counts ("two teams") weigh little;
* names: capitalised words that do not start a sentence (people, systems, places);
* pairs of adjacent content stems ("order servic", "certif expir").

The blind development pairs showed that two stories from one job share their setting (the team,
the site, the manager's name) as much as a retold story does; what tells them apart is the
content said *after* the opening. The model (a logistic regression fitted at build time with
scikit-learn, ``python -m mockinterviewer.coach.story_reuse_train``) weighs two features: the
squared-rarity overlap of content stems said after each answer's opening, names left out
(``event_overlap``), and the shared stem pairs (``bigrams``). The app scores it with the shipped
weights (``coach/model/reuse.json.gz``) and plain Python. Numbers and names are not weighed but
are the first evidence quoted: the shared details, ranked, each as said in both answers. It is
calibrated on answers of 100 words or more (a loop's answers are longer).
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import logging
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from mockinterviewer.coach.story_words import Token, tokenize

log = logging.getLogger(__name__)

__all__ = ["FEATURES", "MODEL_PATH", "ReuseScore", "SharedDetail", "Token", "compare", "features",
           "probability", "shipped", "tokenize"]

MODEL_PATH = Path(__file__).resolve().parent / "model" / "reuse.json.gz"
# What the model weighs (chosen on the development pairs by cross-validation); the others are
# computed for the record and for the evidence.
FEATURES: tuple[str, ...] = ("event_overlap", "bigrams")
# Used only when the shipped file is missing: weights fitted by hand on a few examples.
_FALLBACK: dict[str, Any] = {
    "intercept": -4.0,
    "coef": {"event_overlap": 30.0, "bigrams": -1.0},
    "threshold": 0.5,
    "idf": {},
    "docs": 1,
}

_KIND_ORDER = {"number": 0, "name": 1, "phrase": 2, "word": 3}
@dataclass(frozen=True)
class SharedDetail:
    """A specific detail both answers mention, quoted from each.

    Attributes:
        kind: number, name, phrase or word.
        detail: the detail in words ("4,100", "Infrastructure", "order service").
        quote_a: a few words around it in the first answer.
        quote_b: a few words around it in the second answer.
        weight: how much it says the story is the same (rarer details weigh more).
    """

    kind: str
    detail: str
    quote_a: str
    quote_b: str
    weight: float

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"kind": self.kind, "detail": self.detail, "quote_a": self.quote_a,
                "quote_b": self.quote_b, "weight": round(self.weight, 3)}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> SharedDetail:
        """Reads :meth:`to_dict`'s form."""
        return cls(str(d.get("kind", "")), str(d.get("detail", "")), str(d.get("quote_a", "")),
                   str(d.get("quote_b", "")), float(d.get("weight") or 0.0))


@dataclass(frozen=True)
class ReuseScore:
    """The detector's reading of one pair of answers.

    Attributes:
        same: the detector's decision (probability at or above the threshold).
        probability: how sure it is that the two tell one story.
        features: the feature values, by name.
        shared: the shared details, strongest first.
    """

    same: bool
    probability: float
    features: Mapping[str, float]
    shared: tuple[SharedDetail, ...]


# -- the model -----------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def shipped() -> dict[str, Any]:
    """The shipped model (intercept, coefficients, threshold, document frequencies)."""
    try:
        with gzip.open(MODEL_PATH, "rb") as fh:
            data = json.loads(fh.read().decode("utf-8"))
        if isinstance(data, dict) and "coef" in data:
            return data
    except (OSError, ValueError) as exc:
        log.error("story reuse model %s unreadable (%s); using built-in weights", MODEL_PATH, exc)
    return dict(_FALLBACK)


def _idf(key: str, model: Mapping[str, Any]) -> float:
    """A key's rarity: log(N / df) with unseen keys as rare as a key seen once."""
    docs = max(1, int(model.get("docs", 1)))
    df = int(model.get("idf", {}).get(key, 0))
    return math.log((docs + 1) / (df + 1)) + 1.0


def _number_weight(key: str) -> float:
    """Small whole counts ("two teams") are common to any story; other numbers are specific."""
    body = key[1:].rstrip("%")
    try:
        value = float(body)
    except ValueError:
        return 1.0
    if key.endswith("%") or value != int(value):
        return 1.0
    return 0.25 if value <= 10 else 1.0


def _bigrams(toks: Sequence[Token]) -> dict[str, tuple[int, int]]:
    """Adjacent content stems (stop words between them allowed) -> the token span they cover."""
    keyed = [t for t in toks if t.key and not t.key.startswith("#")]
    out: dict[str, tuple[int, int]] = {}
    for a, b in zip(keyed, keyed[1:], strict=False):
        if b.index - a.index <= 2 and a.key != b.key:
            out.setdefault(f"{a.key} {b.key}", (a.index, b.index))
    return out


def features(a: str, b: str, model: Mapping[str, Any] | None = None
             ) -> tuple[dict[str, float], tuple[SharedDetail, ...]]:
    """The pair's feature values and its shared details.

    Args:
        a: the first answer.
        b: the second answer.
        model: the model (default: the shipped one), for the document frequencies.

    Returns:
        (features by name, shared details strongest first).
    """
    model = model if model is not None else shipped()
    ta, tb = tokenize(a), tokenize(b)
    first_a = {t.key: t for t in reversed(ta) if t.key}
    first_b = {t.key: t for t in reversed(tb) if t.key}
    stems_a = {k for k in first_a if not k.startswith("#")}
    stems_b = {k for k in first_b if not k.startswith("#")}
    idf = {k: _idf(k, model) for k in stems_a | stems_b}
    shared_stems = stems_a & stems_b
    mass_a = sum(idf[k] for k in stems_a) or 1.0
    mass_b = sum(idf[k] for k in stems_b) or 1.0
    overlap = sum(idf[k] for k in shared_stems) / math.sqrt(mass_a * mass_b)
    rare_cut = _idf("", model) * 0.6
    rare = [k for k in shared_stems if idf[k] >= rare_cut]
    nums = [k for k in first_a if k.startswith("#") and k in first_b]
    num_score = sum(_number_weight(k) for k in nums)
    names_a = {t.key for t in ta if t.name}
    names = sorted(names_a & {t.key for t in tb if t.name})
    bg_a, bg_b = _bigrams(ta), _bigrams(tb)
    shared_bg = [g for g in bg_a if g in bg_b]
    event_a, event_b = _told_after_opening(ta), _told_after_opening(tb)
    shared_events = set(event_a) & set(event_b)
    ev_a = sum(idf.get(k, 1.0) ** 2 for k in _content(ta)) or 1.0  # squared: rare details lead
    ev_b = sum(idf.get(k, 1.0) ** 2 for k in _content(tb)) or 1.0
    nums_a = {k for k in first_a if k.startswith("#") and _number_weight(k) >= 1.0}
    nums_b = {k for k in first_b if k.startswith("#") and _number_weight(k) >= 1.0}
    aligned, aligned_share = _alignment(a, b, model)
    feats = {
        "event_overlap": sum(idf[k] ** 2 for k in shared_events) / math.sqrt(ev_a * ev_b),
        "number_share": len(nums_a & nums_b) / max(1, min(len(nums_a), len(nums_b))),
        "aligned": aligned,
        "aligned_share": aligned_share,
        "stem_overlap": overlap,
        "numbers": math.log1p(num_score),
        "names": math.log1p(len(names)),
        "bigrams": math.log1p(sum(min(idf.get(p, 1.0) for p in g.split()) for g in shared_bg)
                              / 3.0),
        "rare_stems": math.log1p(len(rare)),
    }
    details: list[SharedDetail] = []
    for k in nums:
        details.append(SharedDetail("number", first_a[k].text, _quote(a, ta, first_a[k].index),
                                    _quote(b, tb, first_b[k].index), 6.0 * _number_weight(k)))
    for k in names:
        details.append(SharedDetail("name", first_a[k].text, _quote(a, ta, first_a[k].index),
                                    _quote(b, tb, first_b[k].index), 4.0 + idf.get(k, 1.0) / 4))
    used = {k for k in names}
    for g in sorted(shared_bg, key=lambda g: -sum(idf.get(p, 1.0) for p in g.split())):
        i0, i1 = bg_a[g]
        j0, j1 = bg_b[g]
        details.append(SharedDetail("phrase", " ".join(t.text for t in ta[i0:i1 + 1]),
                                    _quote(a, ta, i0, i1), _quote(b, tb, j0, j1),
                                    sum(idf.get(p, 1.0) for p in g.split()) / 2))
        used.update(g.split())
    for k in sorted(rare, key=lambda k: -idf[k]):
        if k not in used:
            details.append(SharedDetail("word", first_a[k].text, _quote(a, ta, first_a[k].index),
                                        _quote(b, tb, first_b[k].index), idf[k] / 2))
    details = [dataclasses.replace(d, weight=round(d.weight, 3)) for d in details]
    details.sort(key=lambda d: (_KIND_ORDER.get(d.kind, 9), -d.weight))
    return feats, tuple(details)


OPENING = 0.1  # the share of an answer's words that sets the scene (who, where)


def _content(toks: Sequence[Token]) -> set[str]:
    """The answer's content stems (names and numbers left out)."""
    return {t.key for t in toks if t.key and not t.key.startswith("#") and not t.name}


def _told_after_opening(toks: Sequence[Token]) -> set[str]:
    """Content stems said after the opening: the events, not only the setting. Two stories
    from one job share the setting (the team, the site, the manager) in their first sentence;
    a retold story shares what happened."""
    content = [t for t in toks if t.key and not t.key.startswith("#") and not t.name]
    cut = int(len(content) * OPENING)
    return {t.key for t in content[cut:]}


_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+")


def _alignment(a: str, b: str, model: Mapping[str, Any]) -> tuple[float, float]:
    """How well the two answers' sentences pair up: the mean of each sentence's best match
    (rarity-weighted Dice of content stems) in the other answer, and the share of sentences
    whose best match is at least 0.3. A retold story retells its events sentence by sentence;
    two stories of one setting share only the sentence that sets the scene."""

    def sentences(text: str) -> list[dict[str, float]]:
        out = []
        for part in _SENTENCE_SPLIT.split(text):
            keys = {t.key for t in tokenize(part) if t.key}
            if len(keys) >= 3:
                out.append({k: _idf(k, model) ** 2 for k in keys})
        return out

    sa, sb = sentences(a), sentences(b)
    if not sa or not sb:
        return 0.0, 0.0

    def dice(x: Mapping[str, float], y: Mapping[str, float]) -> float:
        shared = sum(v for k, v in x.items() if k in y)
        return 2 * shared / (sum(x.values()) + sum(y.values()))

    best = [max(dice(x, y) for y in sb) for x in sa] + [max(dice(y, x) for x in sa) for y in sb]
    return sum(best) / len(best), sum(1 for v in best if v >= 0.3) / len(best)


def _quote(text: str, toks: Sequence[Token], start: int, end: int | None = None,
           around: int = 5) -> str:
    """The words around ``toks[start..end]`` as said, cut at the sentence's edges."""
    end = start if end is None else end
    lo, hi = max(0, start - around), min(len(toks) - 1, end + around)
    begin, finish = toks[lo].start, toks[hi].end
    head = text[begin:toks[start].start]
    cut = max(head.rfind(". "), head.rfind("? "), head.rfind("! "))
    if cut >= 0:
        begin += cut + 2
    tail = text[toks[end].end:finish]
    stop = min((i for i in (tail.find(". "), tail.find("? "), tail.find("! ")) if i >= 0),
               default=-1)
    if stop >= 0:
        finish = toks[end].end + stop + 1
    body = " ".join(text[begin:finish].split())
    opens = begin == 0 or text[:begin].rstrip().endswith((".", "?", "!"))
    return ("\u2026" if not opens else "") + body + (
        "\u2026" if hi < len(toks) - 1 and stop < 0 else "")


def probability(feats: Mapping[str, float], model: Mapping[str, Any] | None = None) -> float:
    """The model's probability that the pair tells one story."""
    model = model if model is not None else shipped()
    coef: Mapping[str, float] = model["coef"]
    z = float(model["intercept"]) + sum(float(coef.get(k, 0.0)) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def compare(a: str, b: str, model: Mapping[str, Any] | None = None) -> ReuseScore:
    """Decides whether two answers tell the same story.

    Args:
        a: the first answer's text.
        b: the second answer's text.
        model: the model (default: the shipped one).

    Returns:
        The decision, its probability, the features and the shared details.
    """
    model = model if model is not None else shipped()
    feats, shared = features(a, b, model)
    p = probability(feats, model)
    return ReuseScore(p >= float(model.get("threshold", 0.5)), p, feats, shared)
