"""Content rules of ``content check``: each test breaks one rule and expects it to be reported."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from mockinterviewer.cli import main
from mockinterviewer.content import (
    PracticeQuestion,
    Scenario,
    load_all,
    load_scenario,
    parse_scenario,
    scenario_to_toml,
)
from mockinterviewer.content.checks import (
    MAX_LONGEST_SHARE,
    hint_names_answer,
    is_principle_question,
    key_is_longest,
    library_problems,
    longest_shares,
    number_problems,
    numbers_in,
    scenario_problems,
)
from mockinterviewer.content.model import Fact
from mockinterviewer.paths import content_dir

SEED = content_dir() / "customer-obsession.toml"
LIBRARY = load_all([content_dir()]).scenarios


@pytest.fixture()
def seed() -> Scenario:
    return load_scenario(SEED)


def _q(options: list[str], answer: int, hint: str = "Look for the measured outcome.",
       difficulty: str = "medium") -> PracticeQuestion:
    return PracticeQuestion(difficulty, "Which is the main weakness?", tuple(options), answer,
                            ("Step one.", "Step two."), hint)


def _check_file(tmp_path: Path, s: Scenario, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    path = tmp_path / f"{s.id}.toml"
    path.write_text(scenario_to_toml(s), encoding="utf-8")
    code = main(["content", "check", str(path)])
    return code, capsys.readouterr().err


def test_built_in_library_passes_every_rule() -> None:
    assert library_problems(LIBRARY) == []
    rows, overall = longest_shares(LIBRARY)
    assert overall.share <= MAX_LONGEST_SHARE
    assert len(rows) == 16


def test_longest_option_key_is_counted() -> None:
    longest = _q(["A short one", "The correct and by far the longest of the options", "Brief",
                  "Tiny"], 1)
    tied = _q(["Exactly ten", "Exactly ten"], 0)
    assert key_is_longest(longest)
    assert not key_is_longest(tied)


def test_file_whose_keys_are_longest_fails_check(
        seed: Scenario, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The regression: picking the longest option passes the test."""
    giveaway = tuple(_q(["No number", "The before and after, the customer value and what lasted",
                         "Vague", "Too long"], 1) for _ in range(4))
    s = replace(seed, practice=seed.practice[:1] + giveaway + seed.practice[5:])
    code, err = _check_file(tmp_path, s, capsys)
    assert code == 2
    assert "single longest option in 4 of" in err


def test_which_principle_question_is_recognised(seed: Scenario) -> None:
    which = [q for q in seed.practice if is_principle_question(q)]
    assert which, "the seed keeps at least one which-principle question"
    assert not is_principle_question(_q(["Ownership", "It has no number"], 0))


def test_hint_naming_its_principle_fails(
        seed: Scenario, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    q = PracticeQuestion("easy", "Which principle?", ("Ownership", "Dive Deep",
                         "Have Backbone; Disagree and Commit", "Frugality"), 2,
                         ("Step one.", "Step two."), "Arguing, losing, then building it: "
                         "disagree and commit.")
    assert hint_names_answer(q)
    assert not hint_names_answer(replace(q, hint="Arguing, then building what was decided."))
    code, err = _check_file(tmp_path, replace(seed, practice=(q,) + seed.practice[1:]), capsys)
    assert code == 2
    assert "practice[0].hint: names its answer" in err


def test_hint_quoting_its_key_fails() -> None:
    q = _q(["We collectively decided to build a cache", "I analysed the data", "A", "B"], 0,
           hint='"We collectively decided to build" hides who chose.')
    assert hint_names_answer(q)
    assert not hint_names_answer(replace(q, hint="Look for the moment the decision-maker blurs."))


def test_budgets_must_follow_the_seed(seed: Scenario) -> None:
    senior = seed.level("senior")
    assert senior is not None
    levels = tuple(replace(lv, budget_seconds=200) if lv.id == "senior" else lv
                   for lv in seed.levels)
    found = scenario_problems(replace(seed, levels=levels))
    assert any("levels.senior.budget_seconds: 200 s" in m for m in found)
    assert not any("levels." in m for m in scenario_problems(seed))
    # SDE 2 at the Senior budget is not "between" (six files had it).
    levels = tuple(replace(lv, budget_seconds=180) if lv.id == "sde2" else lv
                   for lv in seed.levels)
    assert any("levels.sde2.budget_seconds: 180 s" in m
               for m in scenario_problems(replace(seed, levels=levels)))


def test_model_answer_must_fit_its_target(seed: Scenario) -> None:
    """The seed's old Action read in about 33 s against its 90 s target."""
    action = seed.segment("action")
    assert action is not None
    short = replace(action, strong_example=" ".join(action.strong_example.split()[:80]))
    segs = tuple(short if sg.label == "action" else sg for sg in seed.segments)
    found = scenario_problems(replace(seed, segments=segs))
    assert any("segments[2].strong_example: reads in 32 s" in m for m in found)


def test_signal_phrase_missing_from_its_example_fails(seed: Scenario) -> None:
    result = seed.segment("result")
    assert result is not None
    broken = replace(result, signal_phrases=result.signal_phrases + ("adopted my pattern",),
                     strong_example=result.strong_example.replace("adopted", "took up"))
    segs = tuple(broken if sg.label == "result" else sg for sg in seed.segments)
    found = scenario_problems(replace(seed, segments=segs))
    assert any('"adopted my pattern" is not found in its own strong example' in m for m in found)


def test_probes_must_mostly_test_their_principle(seed: Scenario) -> None:
    others = tuple(replace(p, principle="Dive Deep") for p in seed.probes[:2]) + seed.probes[2:]
    found = scenario_problems(replace(seed, probes=others))
    assert any("probes: 2 of 4 test Customer Obsession; at least 3 must" in m for m in found)
    untagged = (replace(seed.probes[0], principle=""),) + seed.probes[1:]
    assert any("probes[0].principle: missing" in m
               for m in scenario_problems(replace(seed, probes=untagged)))
    same = (replace(seed.probes[0], weak_answer=seed.probes[0].strong_answer),) + seed.probes[1:]
    assert any("weak and strong answers are the same" in m
               for m in scenario_problems(replace(seed, probes=same)))


def test_untagged_probes_in_old_data_still_load(seed: Scenario) -> None:
    old = scenario_to_toml(replace(seed, probes=tuple(replace(p, principle="")
                                                      for p in seed.probes)))
    import tomllib

    again = parse_scenario(tomllib.loads(old), "old.toml")
    assert all(p.principle == "" for p in again.probes)


def test_numbers_are_parsed_with_their_kind() -> None:
    found = [(n.value, n.kind) for n in numbers_in("drops fell 0.3% to zero, $8K a week, 4.1x "
                                                     "peak, forty other services, $8,000")]
    assert found == [(0.3, "%"), (8000.0, "$"), (4.1, "x"), (40.0, ""), (8000.0, "$")]


def test_number_that_disagrees_with_the_story_fails(seed: Scenario) -> None:
    assert number_problems(seed) == []
    probe = replace(seed.probes[0], strong_answer="Drops fell from 0.5% to zero within a day.")
    found = number_problems(replace(seed, probes=(probe,) + seed.probes[1:]))
    assert any('probes[0].strong_answer: "0.5%" restates "0.3%"' in m for m in found)
    cost = replace(seed.probes[0], strong_answer="It was costing customers $9,000 a week.")
    found = number_problems(replace(seed, probes=(cost,) + seed.probes[1:]))
    assert any('"$9,000" restates "$8,000"' in m for m in found)


def test_plain_number_fact_needs_its_unit_word(seed: Scenario) -> None:
    facts = seed.facts + (Fact("40 services", ("services",)),)
    story = replace(seed, overview=seed.overview + " The pipeline serves 40 services.",
                    facts=facts)
    probe = replace(seed.probes[0], strong_answer="I rolled it out to 34 of the services.")
    assert any('"34" restates "40 services"' in m
               for m in number_problems(replace(story, probes=(probe,) + seed.probes[1:])))
    fine = replace(probe, strong_answer="I spent 3 days on it across services.")
    assert number_problems(replace(story, probes=(fine,) + seed.probes[1:])) == []


def test_fact_missing_from_story_fails(seed: Scenario) -> None:
    s = replace(seed, facts=seed.facts + (Fact("12%", ("drop",)),))
    assert any('"12%" does not appear in the story' in m for m in number_problems(s))


def test_user_story_is_not_judged(seed: Scenario) -> None:
    assert scenario_problems(replace(seed, kind="story", practice=())) == []


def test_matcher_finds_a_long_phrase_said_word_for_word() -> None:
    """The regression: 'wrong that it was the whole story' was missed in its own example."""
    from mockinterviewer.coach.phrases import answer_stems, phrase_said

    text = "I was right about the gap and wrong that it was the whole story."
    assert phrase_said("wrong that it was the whole story", answer_stems(text))
    assert not phrase_said("wrong that it was the whole story",
                           answer_stems("I was wrong about the cache, and said so."))


def test_cli_check_reports_the_longest_option_share(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["content", "check"]) == 0
    out = capsys.readouterr().out
    assert "customer-obsession:" in out and "overall:" in out
