"""Completeness of the built-in content library: a gap in any scenario fails CI."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mockinterviewer.content import LEVELS, SEGMENT_LABELS, WEAKNESS_TAGS, kebab, load_all
from mockinterviewer.paths import content_dir

PRINCIPLES = [
    "Customer Obsession", "Ownership", "Invent and Simplify", "Are Right, A Lot",
    "Learn and Be Curious", "Hire and Develop the Best", "Insist on the Highest Standards",
    "Think Big", "Bias for Action", "Frugality", "Earn Trust", "Dive Deep",
    "Have Backbone; Disagree and Commit", "Deliver Results", "Strive to be Earth's Best Employer",
    "Success and Scale Bring Broad Responsibility",
]
SEED = Path(__file__).resolve().parents[3] / "shared" / "seed"

REPORT = load_all([content_dir()])
SCENARIOS = {s.id: s for s in REPORT.scenarios}


def test_no_load_errors() -> None:
    assert REPORT.errors == ()


def test_ids_are_unique_kebab_principles() -> None:
    files = sorted(content_dir().glob("*.toml"))
    assert len(files) == len(SCENARIOS)
    for f in files:
        assert f.stem in SCENARIOS, f"{f.name}: file name must be the scenario id"
    for s in SCENARIOS.values():
        assert s.id == kebab(s.principle), f"{s.id}: id must be the principle in kebab-case"


@pytest.mark.parametrize("principle", PRINCIPLES)
def test_every_principle_has_a_scenario(principle: str) -> None:
    assert kebab(principle) in SCENARIOS, f"no scenario for {principle}"


@pytest.mark.parametrize("sid", sorted(SCENARIOS))
def test_scenario_is_complete(sid: str) -> None:
    s = SCENARIOS[sid]
    assert s.kind == "scenario"
    assert len(s.prompts) >= 4 and len(set(s.prompts)) == len(s.prompts)
    assert s.overview and s.summary and s.title and s.domain
    assert [seg.label for seg in s.segments] == list(SEGMENT_LABELS)
    for seg in s.segments:
        assert seg.strong_example and seg.coaching and seg.common_mistake
        assert len(seg.signal_phrases) >= 2, f"{sid}.{seg.label}: needs 2+ signal phrases"
        text = seg.strong_example.lower()
        said = sum(1 for p in seg.signal_phrases if p.lower() in text)
        assert said * 2 >= len(seg.signal_phrases), (
            f"{sid}.{seg.label}: most signal phrases should appear in the strong example")
    assert [lv.id for lv in s.levels] == list(LEVELS)
    budgets = [lv.budget_seconds for lv in s.levels]
    assert budgets == sorted(budgets), f"{sid}: budgets must grow with the level"
    assert s.budget_for("sde2") == pytest.approx(s.total_target_seconds), (
        f"{sid}: segment targets must add up to the SDE 2 budget")
    for lv in s.levels:
        assert abs(sum(s.targets_for(lv.id).values()) - lv.budget_seconds) <= 1
        assert lv.focus and lv.reflection and lv.bar
    assert len(s.probes) >= 4
    assert len({p.id for p in s.probes}) == len(s.probes)
    for p in s.probes:
        assert set(p.tags) <= WEAKNESS_TAGS
        assert p.question.endswith("?") and p.weak_answer and p.weak_why
        assert p.strong_answer and p.key_line and p.assesses
    assert s.weak_answer is not None and len(s.weak_answer.flaws) >= 3
    assert s.weak_answer.bar_raiser and s.weak_answer.text
    assert len(s.related) >= 2
    assert len(s.practice) >= 6
    assert {q.difficulty for q in s.practice} == {"easy", "medium", "hard"}
    for q in s.practice:
        assert 0 <= q.answer < len(q.options) and len(q.options) >= 3
        assert len(q.steps) >= 2 and q.hint


def test_domains_vary_across_the_library() -> None:
    domains = {s.domain.split("/")[0].strip().lower() for s in SCENARIOS.values()}
    assert len(domains) >= min(8, len(SCENARIOS))


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9$%.']+", text.lower())


def _prose(s: object) -> list[str]:
    """Every sentence-length text of a scenario (signal phrases, which are facts, excluded)."""
    from dataclasses import fields, is_dataclass

    out: list[str] = []

    def walk(v: object, name: str) -> None:
        if name in ("signal_phrases", "options"):
            return
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, tuple):
            for x in v:
                walk(x, name)
        elif is_dataclass(v):
            for f in fields(v):
                walk(getattr(v, f.name), f.name)

    walk(s, "")
    return out


@pytest.mark.skipif(not SEED.is_dir(), reason="seed page not available")
def test_content_is_written_in_our_own_words() -> None:
    seed_words = _words(" ".join(p.read_text(encoding="utf-8") for p in SEED.glob("*.txt")))
    n = 12
    grams = {tuple(seed_words[i:i + n]) for i in range(len(seed_words) - n)}
    for s in SCENARIOS.values():
        for text in _prose(s):
            w = _words(text)
            copied = [" ".join(w[i:i + n]) for i in range(len(w) - n + 1)
                      if tuple(w[i:i + n]) in grams]
            assert not copied, f"{s.id} repeats the seed verbatim: {copied[:2]}"
