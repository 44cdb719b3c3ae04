"""Loop mode's Qt-free core: the plan, the budget, the follow-up count, the surprise draw and the
debrief (per-principle rows, the overall reading, story reuse, totals and energy)."""

from __future__ import annotations

import random

import pytest
from coach_helpers import STRONG, WEAK

from mockinterviewer.coach import analyze_text
from mockinterviewer.coach.loop import (
    LoopAnswer,
    LoopDebrief,
    LoopPlan,
    check_plan,
    debrief,
    loop_budget,
    probe_count,
    suggest_story,
    surprise_pick,
)
from mockinterviewer.content import Scenario


def _text(parts: list[tuple[str, str]]) -> str:
    return "\n\n".join(t for _, t in parts)


def _model(s: Scenario) -> str:
    return "\n\n".join(seg.strong_example for seg in s.segments)


def _by_id(library: tuple[Scenario, ...], ident: str) -> Scenario:
    return next(s for s in library if s.id == ident)


def test_check_plan_accepts_a_good_plan_and_explains_bad_ones() -> None:
    known = ["ownership", "dive-deep", "frugality"]
    plan = check_plan(["ownership", " dive-deep"], "senior", 1, known)
    assert plan == LoopPlan(("ownership", "dive-deep"), "senior", 1)
    assert LoopPlan.from_dict(plan.to_dict()) == plan
    for ids, level, probes, words in ((["ownership", "nope"], "sde2", None, "no scenario"),
                                      (["ownership"], "sde2", None, "2 to 6"),
                                      (["ownership", "ownership"], "sde2", None, "repeated"),
                                      (["ownership", "dive-deep"], "staff", None, "level"),
                                      (["ownership", "dive-deep"], "sde2", 3, "--probes")):
        with pytest.raises(ValueError, match=words):
            check_plan(ids, level, probes, known)


def test_budget_is_level_budgets_plus_follow_ups(library: tuple[Scenario, ...]) -> None:
    a, b = _by_id(library, "ownership"), _by_id(library, "dive-deep")
    base = a.budget_for("sde1") + b.budget_for("sde1")
    assert loop_budget([a, b], "sde1", 0) == base
    assert loop_budget([a, b], "sde1", 2) == base + 4 * 45.0
    assert loop_budget([a, b], "sde1", None) == loop_budget([a, b], "sde1", 2)
    assert loop_budget([a, b], "senior", 0) > base


def test_probe_count_follows_the_weaknesses(ownership: Scenario) -> None:
    weak = analyze_text(_text(WEAK), ownership)
    strong = analyze_text(_model(ownership), ownership)
    assert probe_count(weak, None) == 2
    assert probe_count(strong, None) == 1
    assert probe_count(weak, 0) == 0 and probe_count(strong, 2) == 2


def test_surprise_loop_prefers_the_least_practised_and_weakest(
        library: tuple[Scenario, ...]) -> None:
    practised = {s.id: 20 for s in library}
    best: dict[str, str | None] = {s.id: "Strong Hire" for s in library}
    practised["frugality"], best["frugality"] = 0, None
    hits = sum(surprise_pick(library, practised, best, 2, random.Random(seed))[0].id == "frugality"
               for seed in range(40))
    assert hits >= 30
    picked = surprise_pick(library, {}, {}, 4, random.Random(1))
    assert len(picked) == 4 and len({s.principle for s in picked}) == 4


def test_debrief_of_two_different_strong_stories(library: tuple[Scenario, ...]) -> None:
    own, dd = _by_id(library, "ownership"), _by_id(library, "dive-deep")
    answers = [LoopAnswer(own, analyze_text(_model(own), own), 11),
               LoopAnswer(dd, analyze_text(_model(dd), dd), 12)]
    d = debrief(answers, "sde2")
    assert not d.reuse and d.at_bar == 2 and not d.ended_early
    assert d.reading.startswith("Inclined to hire") and "2 of 2" in d.reading
    assert [r.attempt_id for r in d.rows] == [11, 12]
    assert [r.budget_seconds for r in d.rows] == [own.budget_for("sde2"), dd.budget_for("sde2")]
    assert d.totals is not None and d.totals.words == sum(a.analysis.metrics.word_count
                                                          for a in answers)
    assert d.totals.energy_held is True and "held up" in d.totals.energy_note
    assert LoopDebrief.from_dict(d.to_dict()) == d


def test_debrief_flags_a_retold_story_and_names_the_fix(library: tuple[Scenario, ...]) -> None:
    own, dd = _by_id(library, "ownership"), _by_id(library, "dive-deep")
    retold = _model(own).replace("I was the on-call engineer", "Back then I was on call as the "
                                                               "engineer")
    answers = [LoopAnswer(own, analyze_text(_model(own), own)),
               LoopAnswer(dd, analyze_text(retold, dd))]
    d = debrief(answers, "sde2", planned=3, suggest={"dive-deep": "Tell the latency story."})
    assert len(d.reuse) == 1
    r = d.reuse[0]
    assert (r.first_id, r.second_id) == ("ownership", "dive-deep")
    assert r.suggestion == "Tell the latency story."
    numbers = [s for s in r.shared if s.kind == "number"]
    assert numbers and all(s.detail in s.quote_a and s.detail in s.quote_b for s in numbers)
    assert d.rows[1].reused and not d.rows[1].at_bar and "Ownership story" in d.rows[1].key_finding
    assert "Tell a different story for Dive Deep" in d.one_thing
    assert d.ended_early and "2 of 3 answered" in d.reading
    assert LoopDebrief.from_dict(d.to_dict()) == d


def test_debrief_points_at_the_answer_nearest_the_bar(library: tuple[Scenario, ...]) -> None:
    own, dd = _by_id(library, "ownership"), _by_id(library, "dive-deep")
    weak = analyze_text(_text(WEAK), dd)
    d = debrief([LoopAnswer(own, analyze_text(_model(own), own)), LoopAnswer(dd, weak)], "sde2")
    assert d.at_bar == 1 and d.reading.startswith("Not inclined")
    assert d.one_thing.startswith("Dive Deep: ") and d.rows[1].key_finding in d.one_thing


def test_energy_drop_is_reported(library: tuple[Scenario, ...]) -> None:
    from dataclasses import replace

    own, dd = _by_id(library, "ownership"), _by_id(library, "dive-deep")
    a = analyze_text(_text(STRONG), own)
    b = analyze_text(_model(dd), dd)
    slow = replace(b, metrics=replace(b.metrics, words_per_minute=a.metrics.words_per_minute * 0.6,
                                      fillers_per_minute=a.metrics.fillers_per_minute + 4))
    d = debrief([LoopAnswer(own, a), LoopAnswer(dd, slow)], "sde2")
    assert d.totals is not None and d.totals.energy_held is False
    assert "slower and more hesitant" in d.totals.energy_note


def test_suggestion_prefers_the_users_own_story(library: tuple[Scenario, ...]) -> None:
    from dataclasses import replace

    dd = _by_id(library, "dive-deep")
    mine = replace(dd, id="my-latency", title="The p99 that lied", kind="story")
    assert "The p99 that lied" in suggest_story("Dive Deep", [mine], library)
    assert "Your own" not in suggest_story("Dive Deep", [mine], library, used=["my-latency"])
    assert dd.title in suggest_story("Dive Deep", [], library)
