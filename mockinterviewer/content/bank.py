"""The question bank's data: every question phrasing by principle, and the weighted
"Surprise me" pick (Qt-free; the screen is :mod:`mockinterviewer.ui.question_bank`)."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from mockinterviewer.content.model import Scenario, kebab
from mockinterviewer.content.stories import PRINCIPLES

# prompt -> (times practised, best verdict or None)
Stats = Mapping[str, tuple[int, str | None]]

# How much a best verdict lowers a question's chance of being picked by "Surprise me".
VERDICT_WEIGHT: dict[str, float] = {
    "Strong Hire": 0.25, "Hire": 0.5, "Leaning No Hire": 0.8, "No Hire": 1.0}

@dataclass(frozen=True)
class BankEntry:
    """One question phrasing in the bank.

    Attributes:
        scenario_id: the scenario (or story) it belongs to.
        principle: the principle's display name.
        prompt: the question as asked.
        title: the scenario's or story's title.
        is_story: whether it comes from the user's own story.
    """

    scenario_id: str
    principle: str
    prompt: str
    title: str
    is_story: bool


def bank_entries(scenarios: Iterable[Scenario]) -> list[BankEntry]:
    """Lists every question phrasing, grouped by principle in the usual principle order.

    Args:
        scenarios: built-in scenarios and stories.

    Returns:
        Entries ordered by principle, built-in scenarios before stories, then as written.
    """
    scenarios = list(scenarios)
    names = {s.principle_id: s.principle for s in scenarios if s.kind == "scenario"}
    order = {kebab(p): i for i, p in enumerate(PRINCIPLES)}
    out = [BankEntry(s.id, names.get(s.principle_id, s.principle), p, s.title, s.kind == "story")
           for s in scenarios for p in s.prompts]
    out.sort(key=lambda e: (order.get(kebab(e.principle), len(order)), kebab(e.principle),
                            e.is_story))
    return out


def surprise_weight(count: int, best: str | None) -> float:
    """How likely "Surprise me" is to pick a question: less practised and weaker is likelier.

    Args:
        count: times practised.
        best: best verdict so far, if any.

    Returns:
        A positive weight.
    """
    factor = VERDICT_WEIGHT.get(best, 1.0) if best else 1.0
    return factor / (1 + max(count, 0))


def pick_surprise(entries: Sequence[BankEntry], stats: Stats,
                  rng: random.Random) -> BankEntry | None:
    """Picks a principle, then a phrasing within it, both weighted toward less practice.

    A principle's weight is the mean weight of its phrasings, so a principle with many phrasings
    is not favoured for that alone.

    Args:
        entries: the candidates.
        stats: practice counts and best verdicts by prompt.
        rng: the random source.

    Returns:
        The chosen entry, or None when there are no entries.
    """
    groups: dict[str, list[tuple[BankEntry, float]]] = {}
    for e in entries:
        count, best = stats.get(e.prompt, (0, None))
        groups.setdefault(kebab(e.principle), []).append((e, surprise_weight(count, best)))
    if not groups:
        return None
    keys = list(groups)
    principle = rng.choices(keys, [sum(w for _, w in groups[k]) / len(groups[k])
                                   for k in keys])[0]
    items = groups[principle]
    return rng.choices([e for e, _ in items], [w for _, w in items])[0]
