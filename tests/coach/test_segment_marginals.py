"""How sure the decoder is of each unit's part (forward-backward marginals), and findings that
read the Result's likely units as well as its labelled ones."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from mockinterviewer.coach import segment
from mockinterviewer.coach.engine import analyze_text
from mockinterviewer.coach.findings import content_findings
from mockinterviewer.coach.segment import label_answer, segments_of
from mockinterviewer.coach.segmodel import STATE_LABEL, default_model
from mockinterviewer.coach.text import words_from_text
from mockinterviewer.coach.units import annotate, sanitize
from mockinterviewer.content.library import find_scenario

ANSWER = ("We cut the returns backlog by forty percent. I run the returns desk at a parcel depot. "
          "My manager asked me to clear the backlog before the audit. I sorted the cage, "
          "labelled every shelf and moved the late parcels to a separate bay. The audit passed "
          "on the first visit. I learned to check the cage every morning.")


def _brute_force(em: np.ndarray, start: np.ndarray, trans: np.ndarray, end: np.ndarray
                 ) -> np.ndarray:
    n, s = em.shape
    out = np.zeros((n, max(STATE_LABEL) + 1))
    total = 0.0
    for path in itertools.product(range(s), repeat=n):
        score = start[path[0]] + em[0, path[0]] + end[path[-1]] + sum(
            trans[a, b] + em[t + 1, b] for t, (a, b) in enumerate(itertools.pairwise(path)))
        if not math.isfinite(score):
            continue
        w = math.exp(score)
        total += w
        for t, st in enumerate(path):
            out[t, STATE_LABEL[st]] += w
    return out / total


def test_marginals_match_summing_every_path() -> None:
    units = annotate(sanitize(words_from_text(
        "We halved the queue. I run the desk. My lead asked me to fix it. I rebuilt the rota.")))
    model = default_model()
    lp = model.log_posteriors(units, None)
    em = segment._emissions(lp, model, 0)
    trans = segment._trans(model)
    start = segment.START_WEIGHT * model.log_start
    end = np.zeros(em.shape[1])
    end[0] = -np.inf
    got = np.array(segment._marginals(em, start, trans, end))
    assert got == pytest.approx(_brute_force(em, start, trans, end), abs=2e-4)


def test_each_unit_marginal_sums_to_one_and_backs_the_labels() -> None:
    lab = label_answer(sanitize(words_from_text(ANSWER)))
    assert len(lab.marginals) == len(lab.units)
    for k, m in zip(lab.unit_labels, lab.marginals, strict=True):
        assert sum(m) == pytest.approx(1.0, abs=1e-3)
        assert m[k] >= 0.3
    # The opening result preview is certain enough to be Result.
    assert lab.unit_labels[0] == 3 and lab.marginals[0][3] > 0.5


def test_marked_units_are_certain() -> None:
    words = sanitize(words_from_text(ANSWER))
    mark = words[len(words) // 2].start
    lab = label_answer(words, [mark])
    for u, m in zip(lab.units, lab.marginals, strict=True):
        if u.end <= mark:
            assert m == (1.0, 0.0, 0.0, 0.0, 0.0)


def test_a_number_in_a_likely_result_unit_counts_for_the_result() -> None:
    scenario = find_scenario("ownership")
    words = sanitize(words_from_text(
        "I run the returns desk at a parcel depot. My manager asked me to clear the backlog. "
        "I sorted the cage and labelled every shelf. The audit went well. Returns fell by "
        "forty percent that month."))
    lab = label_answer(words)
    segs = segments_of(lab, scenario.targets_for("sde2"))
    result = next(s for s in segs if s.label == "result")
    number_unit = next(u for u in lab.units if "forty" in u.text)
    # Pretend the decoder put the number in the Reflection: alone, the Result has no number.
    cut = tuple(u for u in result.units if u is not number_unit)
    import dataclasses
    bare = [dataclasses.replace(s, units=cut) if s.label == "result" else s for s in segs]
    ids = {f.id for f in content_findings(bare, scenario, "sde2", False)}
    assert "result.not_quantified" in ids
    ids = {f.id for f in content_findings(bare, scenario, "sde2", False,
                                          likely={"result": (number_unit,)})}
    assert "result.not_quantified" not in ids


def test_analysis_still_quotes_and_times_the_labelled_result() -> None:
    a = analyze_text(ANSWER, find_scenario("ownership"))
    result = next(s for s in a.segments if s.label == "result")
    assert "audit passed" in result.text
    assert "result.not_quantified" not in a.finding_ids


# --- a likely part the likeliest labelling skipped (coach/chain.py) ---

_SKIPPED = ("I ran the night shift at a bakery. I checked every oven log by hand. I rebuilt the "
            "cleaning rota with the team. The ovens stayed up all week.")


def _scripted(probs: list[list[float]]):  # type: ignore[no-untyped-def]
    from tests.coach.test_coach_failure_classes import _ScriptedModel

    return _ScriptedModel(probs)


def test_a_likely_result_is_kept_when_the_best_path_skips_it() -> None:
    import numpy as np

    from mockinterviewer.coach.chain import best_path
    from mockinterviewer.coach.segment import KEEP_IF_PRESENT, _emissions, _trans, decode
    from mockinterviewer.coach.segmodel import STATE_LABEL
    from mockinterviewer.coach.text import words_from_text
    from mockinterviewer.coach.units import annotate

    units = annotate(words_from_text(_SKIPPED))
    assert len(units) == 4
    # the last two units lean Action, with a fair share of Result
    model = _scripted([[0.9, 0.05, 0.05, 0, 0], [0.05, 0.05, 0.9, 0, 0],
                       [0.05, 0, 0.6, 0.35, 0], [0.05, 0, 0.55, 0.4, 0]])
    em = _emissions(model.log_posteriors(units), model, 0)  # type: ignore[arg-type]
    trans = _trans(model)  # type: ignore[arg-type]
    end = np.zeros(len(STATE_LABEL))
    end[0] = -np.inf
    plain = best_path(em, model.log_start, trans, end)
    assert plain is not None and [STATE_LABEL[s] for s in plain] == [0, 2, 2, 2]
    d = decode(units, model)  # type: ignore[arg-type]
    assert d.presence[3] >= KEEP_IF_PRESENT["result"]
    assert d.labels == (0, 2, 2, 3)  # the likeliest labelling that has a Result
    # while the answer is still going, nothing is kept: the Result may not have come yet
    assert decode(units, model, horizon=60.0).labels == (0, 2, 2, 2)  # type: ignore[arg-type]
    # an unlikely Result stays missing
    faint = _scripted([[0.9, 0.05, 0.05, 0, 0], [0.05, 0.05, 0.9, 0, 0],
                       [0.05, 0, 0.85, 0.1, 0], [0.05, 0, 0.8, 0.15, 0]])
    d = decode(units, faint)  # type: ignore[arg-type]
    assert d.presence[3] < KEEP_IF_PRESENT["result"] and 3 not in d.labels


def test_best_path_visits_every_required_part_or_says_it_cannot() -> None:
    import numpy as np

    from mockinterviewer.coach.chain import best_path

    em = np.log(np.array([[0.9, 0.1, 0.0], [0.6, 0.4, 0.0], [0.6, 0.4, 0.0]]) + 1e-12)
    trans = np.log(np.array([[0.5, 0.5, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]) + 1e-12)
    trans[trans < -20] = -np.inf
    start = np.array([0.0, -np.inf, -np.inf])
    end = np.zeros(3)
    assert best_path(em, start, trans, end) == [0, 0, 0]
    assert best_path(em, start, trans, end, [0, 1, 0]) == [0, 1, 1]  # 0.072 beats 0.054
    assert best_path(em, start, trans, end, [0, 0, 1]) is None  # state 2 can never be reached
