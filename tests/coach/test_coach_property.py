"""Property-based tests: any words and any marks give ordered, non-overlapping segments."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mockinterviewer.coach import analyze, analyze_text, current_segment, segment_words
from mockinterviewer.content import SEGMENT_LABELS, Scenario
from mockinterviewer.content.library import load_library
from mockinterviewer.transcript import Word

VOCAB = ["I", "we", "my", "manager", "asked", "me", "to", "nobody", "traced", "the", "bug.",
         "As", "a", "result,", "forty", "percent", "42%", "looking", "back,", "um", "uh",
         "learned", "important.", "", " ", "...", "?", "é", "$8,000", "team's", "not", "my", "team"]

times = st.one_of(st.floats(min_value=-5.0, max_value=500.0),
                  st.sampled_from([float("nan"), float("inf"), -float("inf"), 0.0, 1e9]))
words_st = st.lists(
    st.builds(Word, word=st.one_of(st.sampled_from(VOCAB), st.text(max_size=8)),
              start=times, end=times, filler=st.booleans()),
    max_size=80,
)
marks_st = st.one_of(st.none(), st.lists(times, max_size=8))


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    return load_library().scenarios[0]


def _check(segs: tuple) -> None:
    assert [s.label for s in segs] == list(SEGMENT_LABELS)
    for s in segs:
        assert s.start <= s.end
        assert s.seconds >= 0
        assert s.status in ("under", "ok", "over", "missing")
    # Parts never overlap in time. They follow STAR order, except that a Result told only as a
    # preview at the start of the answer sits before the Situation.
    spans = sorted((s.start, s.end) for s in segs if s.status != "missing")
    for a, b in zip(spans, spans[1:], strict=False):
        assert a[1] <= b[0] + 1e-9
    told = [s for s in segs if s.status != "missing"]
    res = next((s for s in segs if s.label == "result"), None)
    others = [s.start for s in told if s is not res]
    preview = res is not None and bool(res.words) and bool(others) and (
        res.words[0].start <= min(others))
    order = [s for s in told if not (preview and s is res)]
    for a, b in zip(order, order[1:], strict=False):
        assert a.end <= b.start + 1e-9


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(words=words_st, marks=marks_st)
def test_any_words_any_marks_give_ordered_segments(scenario: Scenario, words: list[Word],
                                                   marks: list[float] | None) -> None:
    segs = segment_words(words, scenario.targets_for("sde2"), marks)
    _check(segs)
    a = analyze(words, scenario, "sde2", marks=marks)
    _check(a.segments)
    assert a.verdict in ("Strong Hire", "Hire", "Leaning No Hire", "No Hire")
    assert a.to_dict()["segments"]
    assert current_segment(words, 10.0, marks, scenario.targets_for("sde2")) in SEGMENT_LABELS


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=400))
def test_any_text_analyses(scenario: Scenario, text: str) -> None:
    a = analyze_text(text, scenario)
    _check(a.segments)
