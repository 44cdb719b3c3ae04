"""Practice that comes back when due: a next-due date for each question phrasing.

The rule (spaced repetition on the interview verdict):

- Only answers with a verdict count (a drill try, an abandoned or cut-short answer has none).
- The last verdict sets the base interval: No Hire or Leaning No Hire (a weak answer) comes back
  the next day; Hire in 4 days; Strong Hire in 14 days.
- Passing again grows it: each Hire or Strong Hire in an unbroken run of passes doubles the
  interval of the one before it (Hire, Hire: 8 days; Strong Hire twice: 28 days), up to 60 days.
- A weak answer resets the run: back the next day, and the growth starts again from its base.
- The phrasing is due on the day of its last rated answer plus the interval (local dates). It
  is due today when that day is today or past; the most overdue is the one whose due day is
  furthest back (ties: the one practised longest ago).

Pure functions over plain values (dates are passed in, never read from the clock), plus
:func:`due_from_store`, which reads the finished attempts of a :class:`HistoryStore`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Protocol

from mockinterviewer.store.drill_records import is_drill
from mockinterviewer.store.model import Attempt

log = logging.getLogger(__name__)

#: days until a phrasing comes back, by its last verdict (the start of a run of passes)
BASE_DAYS: dict[str, int] = {"No Hire": 1, "Leaning No Hire": 1, "Hire": 4, "Strong Hire": 14}
PASSES = frozenset({"Hire", "Strong Hire"})
MAX_DAYS = 60


@dataclass(frozen=True)
class Review:
    """One rated answer of a phrasing: its local date and verdict."""

    day: date
    verdict: str


@dataclass(frozen=True)
class DueItem:
    """When one question phrasing comes back.

    Attributes:
        prompt: the question as asked.
        scenario_id: the scenario it was last answered for.
        last_day: the local date of its last rated answer.
        last_verdict: that answer's verdict.
        passes: the unbroken run of Hire / Strong Hire answers ending with the last one.
        interval_days: days from ``last_day`` to ``due``.
        due: the day it is due.
    """

    prompt: str
    scenario_id: str
    last_day: date
    last_verdict: str
    passes: int
    interval_days: int
    due: date

    def overdue_days(self, today: date) -> int:
        """Days past due (0 on the due day, negative before it)."""
        return (today - self.due).days

    def is_due(self, today: date) -> bool:
        """Whether it is due today (or overdue)."""
        return self.due <= today


def interval(reviews: Sequence[Review]) -> tuple[int, int]:
    """The interval after these rated answers, oldest first.

    Args:
        reviews: at least one.

    Returns:
        (days, passes): the interval and the unbroken run of passes ending with the last answer.
    """
    passes = 0
    for r in reviews:
        passes = passes + 1 if r.verdict in PASSES else 0
    last = reviews[-1].verdict
    days = BASE_DAYS.get(last, 1) * (2 ** max(0, passes - 1))
    return min(days, MAX_DAYS), passes


def schedule(prompt: str, scenario_id: str, reviews: Sequence[Review]) -> DueItem:
    """The next-due date of one phrasing from its rated answers (oldest first)."""
    days, passes = interval(reviews)
    last = reviews[-1]
    return DueItem(prompt, scenario_id, last.day, last.verdict, passes, days,
                   last.day + timedelta(days=days))


def _day(when: datetime, tz: tzinfo | None) -> date:
    return when.astimezone(tz).date() if when.tzinfo else when.date()


def due_items(attempts: Iterable[Attempt], tz: tzinfo | None = None) -> dict[str, DueItem]:
    """Schedules every phrasing answered with a verdict.

    Args:
        attempts: finished attempts (any order); drills and unrated ones are skipped.
        tz: the time zone whose dates count (default: the computer's).

    Returns:
        Prompt -> its :class:`DueItem`.
    """
    by_prompt: dict[str, list[tuple[datetime, str, str]]] = {}
    for a in attempts:
        if a.status != "done" or is_drill(a.mode) or a.verdict not in BASE_DAYS or not a.prompt:
            continue
        by_prompt.setdefault(a.prompt, []).append((a.created_at, a.verdict or "", a.scenario_id))
    out: dict[str, DueItem] = {}
    for prompt, rows in by_prompt.items():
        rows.sort(key=lambda r: r[0])
        reviews = [Review(_day(when, tz), verdict) for when, verdict, _sid in rows]
        out[prompt] = schedule(prompt, rows[-1][2], reviews)
    return out


def due_today(items: Mapping[str, DueItem] | Iterable[DueItem], today: date) -> list[DueItem]:
    """The phrasings due today or overdue, most overdue first (ties: practised longest ago)."""
    values = items.values() if isinstance(items, Mapping) else items
    return sorted((i for i in values if i.is_due(today)),
                  key=lambda i: (i.due, i.last_day, i.prompt))


def describe_due(item: DueItem | None, today: date) -> str:
    """The Due column's words: "today", "3 days overdue", "in 5 days", or "" when never rated."""
    if item is None:
        return ""
    days = item.overdue_days(today)
    if days == 0:
        return "today"
    if days > 0:
        return f"{days} day{'s' if days != 1 else ''} overdue"
    return "tomorrow" if days == -1 else f"in {-days} days"


class _Lister(Protocol):
    def list(self, scenario_id: str | None = None, principle: str | None = None,
             since: datetime | None = None, status: str | None = None) -> list[Attempt]: ...


def due_from_store(store: _Lister, tz: tzinfo | None = None) -> dict[str, DueItem]:
    """Schedules the phrasings of a history store's finished attempts (see :func:`due_items`)."""
    return due_items(store.list(status="done"), tz)


def next_upcoming(items: Mapping[str, DueItem] | Iterable[DueItem],
                  today: date) -> DueItem | None:
    """The phrasing that comes due soonest after today (None when none is waiting)."""
    values = items.values() if isinstance(items, Mapping) else items
    return min((i for i in values if not i.is_due(today)), key=lambda i: (i.due, i.prompt),
               default=None)


DUE_GROUPS: tuple[str, ...] = ("Due now", "Coming up", "Not practised yet")


def order_by_due(prompts: Iterable[str], due: Mapping[str, DueItem],
                 today: date) -> list[tuple[str, list[str]]]:
    """Groups prompts for a "by due date" list: due now (most overdue first), coming up (soonest
    first), then never rated (in the given order); empty groups are left out."""
    groups: dict[str, list[str]] = {g: [] for g in DUE_GROUPS}
    for p in prompts:
        item = due.get(p)
        key = DUE_GROUPS[2] if item is None else DUE_GROUPS[0 if item.is_due(today) else 1]
        groups[key].append(p)
    for key in DUE_GROUPS[:2]:
        groups[key].sort(key=lambda p: (due[p].due, due[p].last_day, p))
    return [(k, v) for k, v in groups.items() if v]
