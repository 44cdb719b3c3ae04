"""Spaced repetition: a next-due date per question phrasing from its verdicts (injected dates)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from history_support import analysis_from_text, seed_scenario, timed_analysis

from mockinterviewer.store import HistoryStore
from mockinterviewer.store.due import (
    MAX_DAYS,
    Review,
    describe_due,
    due_from_store,
    due_today,
    interval,
    schedule,
)

D0 = date(2026, 3, 2)


def _reviews(*verdicts: str, every: int = 1) -> list[Review]:
    return [Review(D0 + timedelta(days=i * every), v) for i, v in enumerate(verdicts)]


@pytest.mark.parametrize(("verdicts", "days"), [
    (("No Hire",), 1),
    (("Leaning No Hire",), 1),
    (("Hire",), 4),
    (("Strong Hire",), 14),
    (("Hire", "Hire"), 8),
    (("Hire", "Strong Hire"), 28),
    (("Strong Hire", "Strong Hire"), 28),
    (("Hire", "Hire", "Hire"), 16),
    (("Strong Hire",) * 5, MAX_DAYS),
    (("Hire", "Hire", "No Hire"), 1),  # a weak answer resets the run
    (("Hire", "Hire", "No Hire", "Hire"), 4),  # and growth starts again from the base
])
def test_interval_follows_the_documented_rule(verdicts, days) -> None:
    assert interval(_reviews(*verdicts))[0] == days


def test_weak_comes_back_tomorrow_and_strong_in_two_weeks() -> None:
    weak = schedule("q", "s", _reviews("No Hire"))
    strong = schedule("q", "s", _reviews("Strong Hire"))
    assert weak.due == D0 + timedelta(days=1)
    assert strong.due == D0 + timedelta(days=14)
    assert not strong.is_due(D0 + timedelta(days=13)) and strong.is_due(D0 + timedelta(days=14))
    assert weak.overdue_days(D0 + timedelta(days=4)) == 3


def test_due_today_puts_the_most_overdue_first() -> None:
    today = D0 + timedelta(days=10)
    a = schedule("a", "s", [Review(D0 + timedelta(days=8), "No Hire")])  # due day 9
    b = schedule("b", "s", [Review(D0, "Hire")])  # due day 4: most overdue
    c = schedule("c", "s", [Review(D0 + timedelta(days=9), "Strong Hire")])  # not due
    assert [i.prompt for i in due_today([a, b, c], today)] == ["b", "a"]


def test_the_due_column_words() -> None:
    item = schedule("q", "s", _reviews("Hire"))  # due D0 + 4
    assert describe_due(item, D0 + timedelta(days=4)) == "today"
    assert describe_due(item, D0 + timedelta(days=7)) == "3 days overdue"
    assert describe_due(item, D0 + timedelta(days=5)) == "1 day overdue"
    assert describe_due(item, D0 + timedelta(days=3)) == "tomorrow"
    assert describe_due(item, D0) == "in 4 days"
    assert describe_due(None, D0) == ""


def _at(store: HistoryStore, aid: int, when: datetime) -> None:
    store._conn.execute("UPDATE attempts SET created_at = ? WHERE id = ?",
                        (when.isoformat(timespec="microseconds"), aid))


def test_from_a_real_history_with_unrated_and_drill_attempts_skipped() -> None:
    scenario = seed_scenario()
    store = HistoryStore()
    t0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    plan = [("Tell me about a time you owned it.", "Hire", 0, "rehearse"),
            ("Tell me about a time you owned it.", "Hire", 5, "rehearse"),
            ("Another phrasing.", "No Hire", 3, "rehearse"),
            ("Another phrasing.", "Strong Hire", 4, "drill-segment")]
    for prompt, verdict, day, mode in plan:
        aid = store.start_attempt(scenario.id, scenario.principle, "sde2", mode, prompt, None,
                                  "tiny.en")
        store.finish_attempt(aid, timed_analysis(scenario, {"situation": 30}, verdict=verdict))
        _at(store, aid, t0 + timedelta(days=day))
    cut = store.start_attempt(scenario.id, scenario.principle, "sde2", "rehearse",
                              "Another phrasing.", None, "tiny.en")
    unrated = analysis_from_text(scenario, "I did it.")
    store.finish_attempt(cut, {**unrated.to_dict(), "verdict": ""})
    _at(store, cut, t0 + timedelta(days=6))
    items = due_from_store(store, UTC)
    owned = items["Tell me about a time you owned it."]
    assert (owned.passes, owned.interval_days) == (2, 8)
    assert owned.due == date(2026, 3, 7) + timedelta(days=8)
    other = items["Another phrasing."]  # the drill and the unrated answer do not count
    assert other.last_verdict == "No Hire" and other.due == date(2026, 3, 6)
    today = date(2026, 3, 16)
    assert [i.prompt for i in due_today(items, today)] == ["Another phrasing.",
                                                            "Tell me about a time you owned it."]
    store.close()
