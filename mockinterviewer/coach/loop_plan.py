"""A loop's plan: which principles, the level and the follow-ups; the loop's time budget; how many
follow-ups an answer gets; and the surprise draw (plain data, no Qt)."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from mockinterviewer.coach.types import Analysis
from mockinterviewer.content.model import LEVEL_NAMES, Scenario

MIN_PRINCIPLES = 2
MAX_PRINCIPLES = 6
MAX_PROBES = 2
PROBE_SECONDS = 45.0  # the time one follow-up answer is budgeted
LOOP_MODE = "loop"
ANSWER_MODE = "loop-answer"
_RANK = {"No Hire": 0, "Leaning No Hire": 1, "Hire": 2, "Strong Hire": 3}


@dataclass(frozen=True)
class LoopPlan:
    """What a loop asks.

    Attributes:
        scenario_ids: the scenarios, in the order they are asked.
        level: sde1, sde2 or senior.
        probes: follow-ups per question (0 to 2), or None to choose by each answer's weaknesses.
    """

    scenario_ids: tuple[str, ...]
    level: str
    probes: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"scenarios": list(self.scenario_ids), "level": self.level, "probes": self.probes}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> LoopPlan:
        """Reads :meth:`to_dict`'s form."""
        probes = d.get("probes")
        return cls(tuple(str(s) for s in d.get("scenarios", ())), str(d.get("level", "sde2")),
                   int(probes) if isinstance(probes, int) else None)


def check_plan(scenario_ids: Sequence[str], level: str, probes: int | None,
               known: Sequence[str]) -> LoopPlan:
    """Validates a plan.

    Args:
        scenario_ids: the chosen scenario ids.
        level: the level id.
        probes: the fixed follow-up count, or None.
        known: the scenario ids that exist.

    Returns:
        The plan.

    Raises:
        ValueError: with a sentence saying what is wrong.
    """
    ids = [s.strip() for s in scenario_ids if s.strip()]
    unknown = [s for s in ids if s not in known]
    if unknown:
        raise ValueError(f"no scenario called {', '.join(repr(s) for s in unknown)}; known "
                         f"scenarios: {', '.join(sorted(known))}")
    if len(set(ids)) != len(ids):
        raise ValueError("a loop asks each scenario once; a scenario id is repeated")
    if not MIN_PRINCIPLES <= len(ids) <= MAX_PRINCIPLES:
        raise ValueError(f"a loop asks {MIN_PRINCIPLES} to {MAX_PRINCIPLES} principles; "
                         f"{len(ids)} given")
    if level not in LEVEL_NAMES:
        raise ValueError(f"unknown level {level!r}; choose one of {', '.join(LEVEL_NAMES)}")
    if probes is not None and not 0 <= probes <= MAX_PROBES:
        raise ValueError(f"--probes must be 0 to {MAX_PROBES}; {probes} given")
    return LoopPlan(tuple(ids), level, probes)


def loop_budget(scenarios: Sequence[Scenario], level: str, probes: int | None) -> float:
    """The loop's time budget in seconds: each answer's level budget plus its follow-ups.

    Args:
        scenarios: the loop's scenarios.
        level: the level id.
        probes: follow-ups per question (None counts the most a question can get).
    """
    n = MAX_PROBES if probes is None else probes
    return sum(s.budget_for(level) + n * PROBE_SECONDS for s in scenarios)


def probe_count(analysis: Analysis, fixed: int | None) -> int:
    """How many follow-ups an answer gets: ``fixed`` if given, else two for an answer with a
    critical finding or two content warnings, one otherwise (never more than were chosen)."""
    if fixed is not None:
        n = fixed
    else:
        content = [f for f in analysis.findings if not f.id.startswith(("timing.", "delivery."))]
        serious = sum(1 for f in content if f.severity == "critical")
        warnings = sum(1 for f in content if f.severity == "warning")
        n = 2 if serious or warnings >= 2 else 1
    return max(0, min(n, MAX_PROBES, len(analysis.probes)))


def surprise_pick(scenarios: Sequence[Scenario], practised: Mapping[str, int],
                  best: Mapping[str, str | None], count: int,
                  rng: random.Random | None = None) -> list[Scenario]:
    """Draws a surprise loop, weighted to the principles least practised or weakest.

    Args:
        scenarios: the scenarios to draw from (one per principle is kept).
        practised: finished answers per scenario id.
        best: the latest verdict per scenario id (None if never answered).
        count: how many to draw.
        rng: the random source.

    Returns:
        ``count`` scenarios of different principles (fewer when there are not enough).
    """
    rng = rng or random.Random()
    by_principle: dict[str, Scenario] = {}
    for s in scenarios:
        by_principle.setdefault(s.principle_id, s)
    pool = list(by_principle.values())

    def weight(s: Scenario) -> float:
        gap = 3 - _RANK.get(best.get(s.id) or "", -1)  # never answered: 4; Strong Hire: 0
        return (1.0 + gap) / (1.0 + practised.get(s.id, 0))

    chosen: list[Scenario] = []
    while pool and len(chosen) < count:
        pick = rng.choices(pool, weights=[weight(s) for s in pool])[0]
        chosen.append(pick)
        pool.remove(pick)
    return chosen
