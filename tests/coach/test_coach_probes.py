"""Probe choice and probe-answer analysis, plus the verdict's movement by follow-ups."""

from __future__ import annotations

import pytest
from coach_helpers import STRONG, WEAK, probe, probe_answer_ids, speak

from mockinterviewer.coach import (
    Analysis,
    analyze,
    analyze_probe_answer,
    choose_probes,
    propose_signal_phrases,
    with_probe_answers,
)
from mockinterviewer.coach.probes import FINDING_TAGS
from mockinterviewer.coach.text import words_from_text
from mockinterviewer.coach.verdict import adjust
from mockinterviewer.content import WEAKNESS_TAGS, Scenario


def test_finding_tags_are_known_weakness_tags() -> None:
    for tags in FINDING_TAGS.values():
        assert set(tags) <= WEAKNESS_TAGS


def test_probes_target_the_weaknesses_found(library: tuple[Scenario, ...]) -> None:
    checked = 0
    for scenario in library:
        a = analyze(speak(WEAK)[0], scenario)
        probes = choose_probes(a, scenario)
        assert 2 <= len(probes) <= 3 or len(scenario.probes) < 2
        weak_tags = {t for f in a.findings for t in FINDING_TAGS.get(f.id, ())}
        best = probes[0]
        assert set(best.tags) & weak_tags, (scenario.id, best)
        assert "targets" in best.reason and any(f.id in best.reason for f in a.findings)
        by_id = {p.id: p for p in scenario.probes}
        assert all(p.id in by_id and p.question == by_id[p.id].question for p in probes)
        checked += 1
    assert checked >= 1


def test_strong_answer_still_gets_depth_probes(ownership: Scenario) -> None:
    a = analyze(speak(STRONG)[0], ownership)
    probes = choose_probes(a, ownership, count=2)
    assert len(probes) == 2
    assert all(p.reason for p in probes)


def test_analysis_carries_its_probes(ownership: Scenario) -> None:
    a = analyze(speak(WEAK)[0], ownership)
    assert a.probes == choose_probes(a, ownership)


def test_hand_off_answer_is_weaker(ownership: Scenario) -> None:
    words = words_from_text("I sent them a message on Slack and they handled it from there.")
    pa = analyze_probe_answer(words, probe(("ownership", "follow_through")), ownership)
    assert "probe.hand_off" in {f.id for f in pa.findings}
    assert pa.verdict_hint == "weaker"
    f = next(f for f in pa.findings if f.id == "probe.hand_off")
    assert f.evidence.startswith("I sent them a message")


def test_bringing_a_solution_is_stronger(ownership: Scenario) -> None:
    words = words_from_text("I told their lead so they had visibility, but I brought a complete "
                            "fix with tests and a ready pull request, and I stayed on it until "
                            "it shipped.")
    pa = analyze_probe_answer(words, probe(("ownership", "follow_through")), ownership)
    ids = {f.id for f in pa.findings}
    assert "probe.brought_solution" in ids and "probe.hand_off" not in ids
    assert pa.verdict_hint == "stronger"


@pytest.mark.parametrize("text, verified", [
    ("I patched it, the errors went away, so I assumed it worked.", False),
    ("I changed the code and moved on to the next thing.", False),
    ("I reproduced the failure locally, load tested the fix, and watched the error dashboard "
     "for a week until it read zero.", True),
])
def test_verification_claims(ownership: Scenario, text: str, verified: bool) -> None:
    ids = probe_answer_ids(text, ("verification", "depth"), ownership,
                           "How did you verify the fix?")
    assert ("probe.verified" in ids) is verified
    assert ("probe.no_verification" in ids) is (not verified)


@pytest.mark.parametrize("text, specific", [
    ("I would communicate more with the other team.", False),
    ("I would be more careful next time.", False),
    ("I would propose a shared certificate expiry alarm for every team up front, so renewals "
     "surface a month early instead of during an outage.", True),
])
def test_lessons_specific_or_generic(ownership: Scenario, text: str, specific: bool) -> None:
    ids = probe_answer_ids(text, ("reflection",), ownership, "What would you do differently?")
    assert ("probe.specific_lesson" in ids) is specific
    assert ("probe.generic_lesson" in ids) is (not specific)


def test_empty_probe_answer(ownership: Scenario) -> None:
    pa = analyze_probe_answer([], probe(("depth",)), ownership)
    assert pa.verdict_hint == "weaker" and pa.findings[0].id == "probe.no_answer"


def test_follow_ups_move_the_verdict(ownership: Scenario) -> None:
    a = analyze(speak(STRONG)[0], ownership)
    bad = analyze_probe_answer(words_from_text("I pinged them and they fixed it."),
                               probe(("ownership",)), ownership)
    b = with_probe_answers(a, [bad])
    assert len(b.probe_answers) == 1
    order = ["Strong Hire", "Hire", "Leaning No Hire", "No Hire"]
    assert order.index(b.verdict) == min(3, order.index(a.verdict) + 1)
    assert any(r.startswith("follow-up:") for r in b.verdict_reasons)
    c = with_probe_answers(b, [bad])  # adding more keeps one follow-up reason, from the base
    assert sum(r.startswith("follow-up:") for r in c.verdict_reasons) == 1
    assert order.index(c.verdict) == min(3, order.index(a.verdict) + 2)
    assert Analysis.from_dict(c.to_dict()).to_dict() == c.to_dict()
    assert adjust("Hire", ["stronger", "stronger"])[0] == "Strong Hire"
    assert adjust("Hire", ["stronger"]) == ("Hire", None)


def test_propose_signal_phrases_from_own_story() -> None:
    action = dict(STRONG)["action"]
    phrases = propose_signal_phrases(action, "action")
    assert 1 <= len(phrases) <= 4
    assert all(p.lower() in action.lower() for p in phrases)
    assert any(p.lower().startswith("i ") for p in phrases)
    result = propose_signal_phrases(dict(STRONG)["result"], "result")
    assert any("zero" in p or "thousand" in p or "percent" in p for p in result)
    task = propose_signal_phrases(dict(STRONG)["task"], "task")
    assert any("nobody asked" in p.lower() or "not my team" in p.lower() for p in task)
    assert propose_signal_phrases("", "action") == ()
