"""Loop mode: several principles in a row, debriefed together as a bar raiser would.

Plain data in, plain data out: the plan (which principles, the level, the follow-ups), the loop's
time budget, the surprise draw, how many follow-ups an answer gets, and the debrief built from the
single-answer analyses: per-principle rows, the overall reading, story reuse, totals and energy.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from mockinterviewer.coach.loop_plan import (  # re-exported: the loop's public names
    ANSWER_MODE,
    LOOP_MODE,
    MAX_PRINCIPLES,
    MAX_PROBES,
    MIN_PRINCIPLES,
    PROBE_SECONDS,
    LoopPlan,
    check_plan,
    loop_budget,
    probe_count,
    surprise_pick,
)
from mockinterviewer.coach.story_reuse import SharedDetail, compare
from mockinterviewer.coach.types import Analysis, Finding
from mockinterviewer.content.model import LEVEL_NAMES, Scenario

log = logging.getLogger(__name__)


__all__ = ["ANSWER_MODE", "AT_BAR", "LOOP_MODE", "MAX_PRINCIPLES", "MAX_PROBES", "MIN_PRINCIPLES",
           "PROBE_SECONDS", "LoopAnswer", "LoopDebrief", "LoopPlan", "PrincipleRow", "StoryReuse",
           "Totals", "check_plan", "debrief", "find_reuse", "key_finding", "loop_budget",
           "probe_count", "suggest_story", "surprise_pick"]

AT_BAR: tuple[str, ...] = ("Hire", "Strong Hire")
_RANK = {"No Hire": 0, "Leaning No Hire": 1, "Hire": 2, "Strong Hire": 3}
_SEVERITY = {"critical": 0, "warning": 1, "info": 2}


# -- the debrief ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class LoopAnswer:
    """One answered question of a loop, as the debrief reads it."""

    scenario: Scenario
    analysis: Analysis
    attempt_id: int | None = None


@dataclass(frozen=True)
class PrincipleRow:
    """One principle's line in the debrief.

    Attributes:
        scenario_id: the scenario asked.
        principle: its principle.
        verdict: the answer's verdict (follow-ups included).
        at_bar: the verdict meets the level's bar and the story was not a reuse.
        seconds: speaking time of the main answer.
        budget_seconds: the level's budget for it.
        key_finding: the finding that mattered most, in a sentence.
        attempt_id: the single-answer attempt in the history (None before it is saved).
        reused: the answer retold a story already told earlier in the loop.
    """

    scenario_id: str
    principle: str
    verdict: str
    at_bar: bool
    seconds: float
    budget_seconds: float
    key_finding: str
    attempt_id: int | None = None
    reused: bool = False


@dataclass(frozen=True)
class StoryReuse:
    """Two answers of the loop that tell the same story.

    Attributes:
        first_id: the earlier answer's scenario id.
        second_id: the later answer's scenario id.
        first_principle: the earlier answer's principle.
        second_principle: the later answer's principle.
        probability: how sure the detector is.
        shared: the shared details, quoted from both answers.
        suggestion: a story that would fit the second principle better, in a sentence.
    """

    first_id: str
    second_id: str
    first_principle: str
    second_principle: str
    probability: float
    shared: tuple[SharedDetail, ...]
    suggestion: str

    def to_dict(self) -> dict[str, Any]:
        """JSON form (``scenarios`` holds the two ids; ``evidence`` the shared details)."""
        return {"scenarios": [self.first_id, self.second_id], "first_id": self.first_id,
                "second_id": self.second_id, "first_principle": self.first_principle,
                "second_principle": self.second_principle,
                "probability": round(self.probability, 3),
                "evidence": [d.to_dict() for d in self.shared], "suggestion": self.suggestion}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> StoryReuse:
        """Reads :meth:`to_dict`'s form."""
        return cls(str(d.get("first_id", "")), str(d.get("second_id", "")),
                   str(d.get("first_principle", "")), str(d.get("second_principle", "")),
                   float(d.get("probability") or 0.0),
                   tuple(SharedDetail.from_dict(x) for x in d.get("evidence", ())),
                   str(d.get("suggestion", "")))


@dataclass(frozen=True)
class Totals:
    """The loop as a whole: speaking time, pace, fillers and whether energy held up."""

    speaking_seconds: float
    words: int
    fillers: int
    words_per_minute: float
    fillers_per_minute: float
    first_words_per_minute: float
    last_words_per_minute: float
    first_fillers_per_minute: float
    last_fillers_per_minute: float
    energy_held: bool | None
    energy_note: str


@dataclass(frozen=True)
class LoopDebrief:
    """The loop's debrief.

    Attributes:
        level: the level.
        rows: one per answered principle, in the order asked.
        at_bar: how many principles were shown at or above the bar.
        planned: how many principles the loop planned to ask.
        reading: the overall reading in a sentence.
        one_thing: the one change that would most move the outcome.
        reuse: stories told twice.
        totals: speaking time, fillers, pace and energy.
    """

    level: str
    rows: tuple[PrincipleRow, ...]
    at_bar: int
    planned: int
    reading: str
    one_thing: str
    reuse: tuple[StoryReuse, ...] = ()
    totals: Totals | None = field(default=None)

    @property
    def ended_early(self) -> bool:
        """Fewer principles were answered than planned."""
        return len(self.rows) < self.planned

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"level": self.level, "planned": self.planned, "answered": len(self.rows),
                "at_bar": self.at_bar, "reading": self.reading, "one_thing": self.one_thing,
                "rows": [vars(r) for r in self.rows],
                "story_reuse": [r.to_dict() for r in self.reuse],
                "totals": vars(self.totals) if self.totals else None}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> LoopDebrief:
        """Reads :meth:`to_dict`'s form."""
        rows = tuple(PrincipleRow(**{k: r[k] for k in PrincipleRow.__dataclass_fields__ if k in r})
                     for r in d.get("rows", ()))
        totals = d.get("totals")
        return cls(str(d.get("level", "")), rows, int(d.get("at_bar") or 0),
                   int(d.get("planned") or len(rows)), str(d.get("reading", "")),
                   str(d.get("one_thing", "")),
                   tuple(StoryReuse.from_dict(r) for r in d.get("story_reuse", ())),
                   Totals(**dict(totals)) if isinstance(totals, Mapping) else None)


def key_finding(findings: Sequence[Finding]) -> Finding | None:
    """The finding that matters most: criticals first, content before timing and delivery."""
    ranked = sorted((f for f in findings if f.severity in ("critical", "warning")),
                    key=lambda f: (_SEVERITY.get(f.severity, 3),
                                   f.id.startswith(("timing.", "delivery."))))
    return ranked[0] if ranked else None


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if not text or text[-1] in ".!?" else text + "."


def find_reuse(answers: Sequence[LoopAnswer],
               suggest: Mapping[str, str] | None = None) -> tuple[StoryReuse, ...]:
    """Every pair of answers that tells the same story (each later answer is paired with the
    earliest answer it repeats).

    Args:
        answers: the loop's answers, in order.
        suggest: a suggested story per scenario id (see :func:`suggest_story`).
    """
    found: list[StoryReuse] = []
    for j in range(1, len(answers)):
        for i in range(j):
            a, b = answers[i], answers[j]
            score = compare(a.analysis.transcript, b.analysis.transcript)
            if score.same:
                found.append(StoryReuse(
                    a.scenario.id, b.scenario.id, a.scenario.principle, b.scenario.principle,
                    round(score.probability, 3), score.shared[:8],
                    (suggest or {}).get(b.scenario.id, "")))
                break
    return tuple(found)


def suggest_story(principle: str, own: Sequence[Scenario], library: Sequence[Scenario],
                  used: Sequence[str] = ()) -> str:
    """A story that fits ``principle``: the user's own first, then the library's.

    Args:
        principle: the principle the reused answer was for.
        own: the user's own stories.
        library: the built-in scenarios.
        used: scenario ids already told in this loop.
    """
    fits = [s for s in own if s.principle == principle and s.id not in used]
    if fits:
        return (f"Your own story \u201c{fits[0].title}\u201d was written for {principle}; tell "
                "that one next time.")
    related = [s for s in own if s.id not in used
               and any(r.principle == principle for r in s.related)]
    if related:
        return (f"Your own story \u201c{related[0].title}\u201d also shows {principle}; it would "
                "be a fresh story here.")
    lib = [s for s in library if s.principle == principle and s.kind != "story"]
    if lib:
        return (f"You have no story of your own for {principle} yet. The library's "
                f"\u201c{lib[0].title}\u201d shows the kind of story that fits; write one of yours "
                "in the story editor.")
    return f"Prepare a separate story for {principle}."


def _totals(answers: Sequence[LoopAnswer]) -> Totals:
    ms = [a.analysis.metrics for a in answers]
    seconds = sum(m.total_seconds for m in ms)
    words = sum(m.word_count for m in ms)
    fillers = sum(m.filler_count for m in ms)
    minutes = seconds / 60.0 if seconds > 0 else 0.0
    wpm = words / minutes if minutes else 0.0
    fpm = fillers / minutes if minutes else 0.0
    first, last = ms[0], ms[-1]
    held: bool | None = None
    note = "Answer at least two questions to see whether your energy held up."
    if len(ms) >= 2:
        slower = first.words_per_minute > 0 and \
            last.words_per_minute < 0.85 * first.words_per_minute
        hesitant = last.fillers_per_minute > first.fillers_per_minute + 1.5
        held = not (slower or hesitant)
        change = (f"pace {first.words_per_minute:.0f} then {last.words_per_minute:.0f} words a "
                  f"minute, fillers {first.fillers_per_minute:.1f} then "
                  f"{last.fillers_per_minute:.1f} a minute")
        if held:
            note = f"Your energy held up from the first answer to the last ({change})."
        elif slower and hesitant:
            note = f"Your energy dropped: the last answer was slower and more hesitant ({change})."
        elif slower:
            note = f"Your energy dropped: the last answer was slower than the first ({change})."
        else:
            note = f"You hesitated more as the loop went on ({change})."
    return Totals(round(seconds, 1), words, fillers, round(wpm, 1), round(fpm, 2),
                  first.words_per_minute, last.words_per_minute, first.fillers_per_minute,
                  last.fillers_per_minute, held, note)


def debrief(answers: Sequence[LoopAnswer], level: str, planned: int | None = None,
            suggest: Mapping[str, str] | None = None) -> LoopDebrief:
    """Weighs a loop's answers together.

    Args:
        answers: the answered questions, in order (at least one).
        level: the level id.
        planned: how many principles the loop planned (default: as many as answered).
        suggest: a suggested story per scenario id, used when its answer is a reused story.

    Returns:
        The debrief.
    """
    reuse = find_reuse(answers, suggest)
    reused = {r.second_id: r for r in reuse}
    rows: list[PrincipleRow] = []
    for a in answers:
        f = key_finding(a.analysis.findings)
        r = reused.get(a.scenario.id)
        if r is not None:
            text = (f"Retold the {r.first_principle} story, so {a.scenario.principle} was not "
                    "shown with a story of its own.")
        elif f is not None:
            text = _sentence(f.message)
        else:
            text = "No weakness found: the story met every check."
        at_bar = a.analysis.verdict in AT_BAR and r is None
        rows.append(PrincipleRow(a.scenario.id, a.scenario.principle, a.analysis.verdict, at_bar,
                                 round(a.analysis.metrics.total_seconds, 1),
                                 a.scenario.budget_for(level), text, a.attempt_id, r is not None))
    n_bar = sum(1 for r in rows if r.at_bar)
    planned = max(planned or len(rows), len(rows))
    reading, one_thing = _reading(rows, reuse, level, planned)
    return LoopDebrief(level, tuple(rows), n_bar, planned, reading, one_thing, reuse,
                       _totals(answers) if answers else None)


def _reading(rows: Sequence[PrincipleRow], reuse: Sequence[StoryReuse], level: str,
             planned: int) -> tuple[str, str]:
    lv = LEVEL_NAMES.get(level, level)
    n, at = len(rows), sum(1 for r in rows if r.at_bar)
    if n == 0:
        return "No question was answered, so there is nothing to weigh.", \
            "Answer at least one question."
    short = f" ({n} of {planned} answered before the loop ended)" if n < planned else ""
    needed = math.ceil(0.75 * planned)
    head = f"{at} of {n} principles shown at or above the {lv} bar{short}."
    if at == planned:
        reading = f"Inclined to hire: {head}"
    elif at >= needed and not any(r.verdict == "No Hire" for r in rows):
        reading = f"Leaning hire, with a concern: {head}"
    else:
        reading = f"Not inclined to hire yet: {head}"
    below = [r for r in rows if not r.at_bar]
    if reuse:
        r = reuse[0]
        top = r.shared[0].detail if r.shared else "the same details"
        one = (f"Tell a different story for {r.second_principle}: the answer retold your "
               f"{r.first_principle} story (\u201c{top}\u201d), so the panel heard one story "
               f"twice and no evidence for {r.second_principle}.")
    elif below:
        nearest = max(below, key=lambda r: _RANK.get(r.verdict, -1))
        one = f"{nearest.principle}: {nearest.key_finding}"
    elif n < planned:
        one = "Finish the loop: unanswered principles count as not shown."
    else:
        weakest = min(rows, key=lambda r: _RANK.get(r.verdict, -1))
        if weakest.verdict == "Strong Hire":
            one = ("Nothing stands between you and the bar: keep these stories and rehearse them "
                   "until the timing holds without notes.")
        else:
            one = (f"Nothing stands between you and the bar; to make {weakest.principle} "
                   f"stronger: {weakest.key_finding}")
    return reading, one
