"""The live segmenter behind the STAR strip when the user does not press Space (no Qt)."""

from __future__ import annotations

import logging

import pytest
from coach_helpers import STRONG, speak

from mockinterviewer.coach.live import LiveSegmenter, LiveState
from mockinterviewer.coach.segment import label_answer
from mockinterviewer.coach.units import annotate
from mockinterviewer.content import SEGMENT_LABELS, Scenario


def _feed(words, chunk: int, targets):
    live = LiveSegmenter(targets)
    states = []
    for i in range(0, len(words), chunk):
        states.append((words[min(i + chunk, len(words)) - 1].end,
                       live.add_words(words[i: i + chunk])))
    return live, states


def test_follows_the_story_with_at_most_one_unit_of_lag(ownership: Scenario,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    words, starts = speak(STRONG, gap=0.0)
    targets = ownership.targets_for("sde2")
    caplog.set_level(logging.INFO, logger="mockinterviewer.coach.live")
    _, states = _feed(words, 6, targets)
    shown = [SEGMENT_LABELS.index(st.current) for _, st in states]
    assert shown[0] == 0
    assert max(shown) >= SEGMENT_LABELS.index("result")
    units = annotate(words)
    longest = max(u.end - u.start for u in units) + 3.0  # one unit plus one chunk of words
    for label in ("action", "result"):
        k = SEGMENT_LABELS.index(label)
        t_true = starts[label]
        t_shown = next(t for t, st in states if SEGMENT_LABELS.index(st.current) >= k)
        assert t_shown - t_true <= longest, (label, t_shown, t_true)
    logged = [r.getMessage() for r in caplog.records]
    assert logged[0] == "live segment: situation at 0.5 s (inferred)"
    assert any(m.startswith("live segment: action at ") and m.endswith(" s (inferred)")
               for m in logged)


def test_never_jumps_back_more_than_one_unit(ownership: Scenario) -> None:
    words, _ = speak(STRONG, gap=0.0)
    _, states = _feed(words, 3, ownership.targets_for("sde2"))
    units = annotate(words)
    prev: LiveState | None = None
    for _, st in states:
        if prev is not None:
            a, b = SEGMENT_LABELS.index(prev.current), SEGMENT_LABELS.index(st.current)
            if b < a:  # a step back withdraws a part that only the newest unit had opened
                opened = prev.starts[a]
                assert opened is not None
                later = [u for u in units if u.start >= opened]
                assert len(later) >= 1 and all(u.start >= opened for u in later)
                assert st.starts[a] is None
        prev = st


def test_marks_win_and_are_logged(ownership: Scenario, caplog: pytest.LogCaptureFixture) -> None:
    words, starts = speak(STRONG)
    live = LiveSegmenter(ownership.targets_for("sde2"))
    live.add_words(words[:30])
    caplog.set_level(logging.INFO, logger="mockinterviewer.coach.live")
    st = live.state([2.0, 4.5])
    assert st.current == "action" and st.source == "marked"
    assert st.starts[:3] == (0.0, 2.0, 4.5)
    assert st.seconds(10.0) == {"situation": 2.0, "task": 2.5, "action": 5.5, "result": 0.0,
                                "reflection": 0.0}
    assert "live segment: action at 4.5 s (marked)" in [r.getMessage() for r in caplog.records]


def test_state_seconds_and_boundaries_skip_absent_parts() -> None:
    st = LiveState("result", (0.0, None, 10.0, 30.0, None), "inferred")
    assert st.seconds(40.0) == {"situation": 10.0, "task": 0.0, "action": 20.0, "result": 10.0,
                                "reflection": 0.0}
    assert st.boundaries() == [10.0, 10.0, 30.0]


def test_live_and_report_use_the_same_decoder(ownership: Scenario) -> None:
    words, _ = speak(STRONG, gap=0.0)
    live, _ = _feed(words, 5, ownership.targets_for("sde2"))
    final = label_answer(words)
    shown = SEGMENT_LABELS.index(live.state(()).current)
    # The strip lags the unit being spoken; it is never ahead of the report's last part.
    assert shown <= max(final.labels)
    assert shown >= max(final.labels) - 1


def test_reset_starts_a_new_answer(ownership: Scenario) -> None:
    words, _ = speak(STRONG)
    live, _ = _feed(words, 8, ownership.targets_for("sde2"))
    live.reset(ownership.targets_for("sde2"))
    assert live.words == [] and live.state(()).current == "situation"


def test_warm_up_loads_the_model_off_the_calling_thread() -> None:
    import threading

    from mockinterviewer.coach.live import warm_up
    from mockinterviewer.coach.segmodel import default_model

    t = warm_up()
    assert t is not threading.current_thread() and t.daemon
    t.join(timeout=30)
    assert not t.is_alive() and default_model.cache_info().currsize == 1
