"""Features of a unit for the STAR classifier: wording, grammar, quantities, position, context.

Features are chosen to carry across phrasing and across jobs: word stems and stem pairs, how the
unit opens (its first one to three words, which hold discourse markers such as "so I" or "looking
back"), the grammatical subject (I / we / they / a thing), tense and aspect (past, "had to",
"was -ing", modal "would/should/could", present "now", future), numbers and units, time
expressions, where the unit sits in the answer, and the opening and shape of its neighbours.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from mockinterviewer.coach.text import is_number_token, stem, word_set
from mockinterviewer.coach.units import Unit
from mockinterviewer.content.model import SEGMENT_LABELS

_IRREGULAR_PAST = word_set("""was were had did made took got went came saw found built wrote ran
    gave told brought led sent thought knew began chose fell grew kept
    spent met paid said sat set put cut read left lost held stood
    understood taught caught bought sold drove flew rode spoke woke
    broke shut hit felt heard meant became""")
_MODALS = frozenset({"would", "should", "could", "might", "i'd", "we'd", "must", "would've",
                     "should've", "could've", "might've", "must've", "wouldn't", "shouldn't",
                     "couldn't", "shd", "shd've"})
_PRESENT = frozenset({"is", "are", "am", "now", "today", "still", "always", "nowadays", "these",
                      "every", "whenever", "i'm", "we're", "it's"})
_FUTURE = frozenset({"will", "i'll", "we'll", "going", "next"})
_SUBJECT = {"i": "i", "i'm": "i", "i've": "i", "i'd": "i", "i'll": "i", "me": "i", "my": "my",
            "we": "we", "we're": "we", "we've": "we", "we'd": "we", "us": "we", "our": "our",
            "they": "they", "their": "they", "he": "they", "she": "they", "it": "it",
            "this": "it", "that": "it", "there": "there", "nobody": "nobody", "everyone": "they"}
_TIME_WORDS = word_set("""year years month months week weeks day days quarter hour hours minute
    minutes ago last ago when while during before after since until""")
_NEED = (("had", "to"), ("needed", "to"), ("need", "to"), ("have", "to"), ("wanted", "to"),
         ("was", "asked"), ("were", "asked"), ("asked", "me"), ("decided", "to"), ("goal", "was"),
         ("supposed", "to"), ("want", "to"), ("has", "to"), ("must", "be"))

# Words that say a duty was handed over or taken on, in any wording: one feature, so that a
# phrasing the training answers never used ("I was tasked with") shares the weight the common ones
# ("asked me to", "my job was") earned.
_DUTY_WORDS = frozenset({"tasked", "mandate", "brief", "objective", "assigned", "responsibility",
                         "remit", "volunteered"})
_DUTY_PAIRS = frozenset({("asked", "me"), ("asked", "us"), ("was", "asked"), ("were", "asked"),
                         ("gave", "me"), ("my", "job"), ("my", "role"), ("my", "task"),
                         ("my", "goal"), ("our", "goal"), ("the", "goal"), ("responsible", "for"),
                         ("in", "charge"), ("charged", "with"), ("fell", "to"),
                         ("my", "plate"), ("took", "on"), ("expected", "to"), ("required", "to"),
                         ("took", "ownership"), ("take", "ownership"), ("took", "charge"),
                         ("took", "responsibility"), ("take", "responsibility"),
                         ("my", "part"), ("my", "brief"), ("the", "brief"), ("my", "aim"),
                         ("the", "aim")})

# What the speaker felt about it ("I wasn't comfortable with it", "I was nervous"): the stakes of
# the Situation, whatever word a speaker picks.
_FEEL_WORDS = word_set("""comfortable uncomfortable nervous worried anxious uneasy scared afraid
    frustrated annoyed upset stressed angry embarrassed overwhelmed concerned unhappy gutted
    terrified panicked panicking confused unsure doubtful sceptical skeptical furious""")
# A number to reach, in any wording: "my quarterly target was ...", "our quota", "the KPI".
_GOAL_WORDS = word_set("""target targets quota quotas kpi kpis deadline okr okrs""")

_SENTENCE_WORDS = 40

_SIT, _RES = SEGMENT_LABELS.index("situation"), SEGMENT_LABELS.index("result")


def _shape(tok: str) -> str:
    return "<num>" if any(c.isdigit() for c in tok) else stem(tok)


def _opening(u: Unit, prefix: str) -> dict[str, float]:
    toks = [t for t in u.tokens if t not in ("and", "um", "uh", "like", "so")] or list(u.tokens)
    raw = list(u.tokens)
    out: dict[str, float] = {}
    if raw:
        out[f"{prefix}f1={raw[0]}"] = 1.0
    if len(raw) > 1:
        out[f"{prefix}f2={raw[0]}_{raw[1]}"] = 1.0
    if len(raw) > 2:
        out[f"{prefix}f3={raw[0]}_{raw[1]}_{raw[2]}"] = 1.0
    if toks and toks[0] != (raw[0] if raw else ""):
        out[f"{prefix}g1={toks[0]}"] = 1.0
    subj = next((_SUBJECT[t] for t in raw[:4] if t in _SUBJECT), "none")
    out[f"{prefix}subj={subj}"] = 1.0
    return out


def _grammar(toks: Sequence[str]) -> dict[str, float]:
    out: dict[str, float] = {}
    n_past = sum(1 for t in toks if t in _IRREGULAR_PAST or (len(t) > 4 and t.endswith("ed")))
    if n_past:
        out["past"] = 1.0
        out["past_n"] = min(n_past, 4) / 4
    if any(t in _MODALS for t in toks):
        out["modal"] = 1.0
    if any(t in _PRESENT for t in toks):
        out["present"] = 1.0
    if any(t in _FUTURE for t in toks):
        out["future"] = 1.0
    if any(t.endswith("ing") and len(t) > 5 for t in toks):
        out["ing"] = 1.0
    pairs = set(zip(toks, toks[1:], strict=False))
    if pairs & set(_NEED):
        out["need"] = 1.0
    if pairs & _DUTY_PAIRS or any(t in _DUTY_WORDS for t in toks):
        out["duty"] = 1.0
    if any(t in _FEEL_WORDS for t in toks):
        out["feel"] = 1.0
    if any(t in _GOAL_WORDS for t in toks):
        out["goal"] = 1.0
    if "you" in toks:
        out["has_you"] = 1.0
    nums = [i for i in range(len(toks)) if is_number_token(list(toks), i)]
    if nums:
        out["num"] = 1.0
        if any("%" in toks[i] or (i + 1 < len(toks) and toks[i + 1] in ("percent", "pct"))
               for i in nums):
            out["pct"] = 1.0
        if any(toks[i][:1] in "$£€" for i in nums):
            out["money"] = 1.0
    if any(t in _TIME_WORDS for t in toks):
        out["time"] = 1.0
    n_i = sum(1 for t in toks if _SUBJECT.get(t) == "i")
    n_we = sum(1 for t in toks if _SUBJECT.get(t) == "we")
    if n_i:
        out["has_i"] = 1.0
    if n_we:
        out["has_we"] = 1.0
    return out


def unit_features(units: Sequence[Unit], i: int) -> dict[str, float]:
    """The features of ``units[i]`` and its neighbours (no position: see :func:`chain_features`).

    Args:
        units: the answer's units, in order.
        i: which unit.

    Returns:
        Feature name -> value.
    """
    u = units[i]
    toks = list(u.tokens)
    out: dict[str, float] = {"bias": 1.0}
    stems = [_shape(t) for t in toks]
    # Sorted, so a unit's features come in one order whatever the hash seed: the fit sums them
    # in that order, and a different order moved the trained weights (by up to 0.04) between
    # builds of the same answers.
    for s in sorted(set(stems)):
        out[f"w={s}"] = 1.0
    for a, b in sorted(set(zip(stems, stems[1:], strict=False))):
        out[f"b={a}_{b}"] = 1.0
    out.update(_opening(u, ""))
    out.update(_grammar(toks))
    out["opens_sentence" if u.opens_sentence else "continues"] = 1.0
    n = len(toks)
    out[f"len={'s' if n < 6 else 'm' if n < 14 else 'l' if n < 28 else 'xl'}"] = 1.0
    for j, prefix in ((i - 1, "p:"), (i + 1, "n:")):
        if not 0 <= j < len(units):
            out[f"{prefix}none"] = 1.0
            continue
        out.update(_opening(units[j], prefix))
        near = _grammar(units[j].tokens)
        for k in ("num", "modal", "need", "duty", "past"):
            if k in near:
                out[f"{prefix}{k}"] = 1.0
    return out


def answer_features(units: Sequence[Unit]) -> list[dict[str, float]]:
    """The features of every unit of an answer (see :func:`unit_features`)."""
    return [unit_features(units, i) for i in range(len(units))]


def chain_features(lp: np.ndarray, units: Sequence[Unit], horizon: float | None = None
                   ) -> list[dict[str, float]]:
    """Second-layer features: each unit's first-layer label probabilities in their context.

    Position in the answer is learned here, from few features, rather than with every word:
    the first layer, which sees the words, stays free of where the words fall, so an answer with
    a long Situation is not pushed into its Action early.

    Args:
        lp: (units, labels) log probabilities from the first layer.
        units: the units.
        horizon: expected length in seconds while the answer is still going (live use): the
            position is measured against it and no unit is known to be the last.

    Returns:
        One feature dict per unit.
    """
    n = len(units)
    p = np.exp(lp)
    t0, t1 = (units[0].start, units[-1].end) if units else (0.0, 0.0)
    # Written in sentences: one ends at least every 40 words (twice a long sentence), so a unit
    # that does not open one is a clause cut from it. Notes and raw transcripts are not.
    ends = sum(1 for u in units[:-1] if u.ends_sentence)
    punctuated = (ends + 1) * _SENTENCE_WORDS >= sum(len(u.tokens) for u in units)
    out = []
    for i in range(n):
        f: dict[str, float] = {}
        for k in range(lp.shape[1]):
            f[f"self{k}"] = float(lp[i, k])
            f[f"prev{k}"] = float(lp[i - 1, k]) if i > 0 else -5.0
            f[f"next{k}"] = float(lp[i + 1, k]) if i + 1 < n else -5.0
            f[f"maxbefore{k}"] = float(p[:i, k].max()) if i > 0 else 0.0
            f[f"maxafter{k}"] = float(p[i + 1:, k].max()) if i + 1 < n else 0.0
        if i > 0 and punctuated and not units[i].opens_sentence:
            # A clause cut from the sentence before ("..., when we expected twice the orders")
            # mostly tells the same part; the layer learns how much from the writers' labels.
            # Not in notes or unpunctuated runs, where few units open a sentence.
            for k in range(lp.shape[1]):
                f[f"cont_prev{k}"] = float(p[i - 1, k])
        f["pos"] = min(1.0, (units[i].start - t0) / max(t1 - t0, horizon or 0.0, 1e-3))
        f["last"] = float(i == n - 1 and horizon is None)
        f["first"] = float(i == 0)
        if i == 0:  # an answer may open with its outcome (a Result preview)
            for k in range(lp.shape[1]):
                f[f"first_self{k}"] = float(lp[i, k])
        if i < 3 and i + 1 < n:
            # A preview is an outcome followed by the story's setting: the product lets the
            # linear layer weigh "reads as Result, and the next units read as Situation". Left
            # out one register at a time: result-first 82.6 -> 83.1 %, all 89.0 -> 89.1 %; the
            # outside writers' previews found 23 -> 37 %, 29 -> 36 %, 11 -> 23 % of their words.
            f["early_res_then_sit"] = float(p[i, _RES] * p[i + 1: i + 4, _SIT].max())
        out.append(f)
    return out
