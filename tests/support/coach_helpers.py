"""Shared set-up of the coaching engine's unit tests: hand-made timed words (fast fakes of a
transcript), the content library's scenarios as fixtures, and small readers of an analysis.

tests/conftest.py loads it as a plugin, so its fixtures reach every test module.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import pytest

from mockinterviewer.coach import Analysis, analyze_probe_answer
from mockinterviewer.coach.text import words_from_text
from mockinterviewer.content import Probe, Scenario
from mockinterviewer.content.library import load_library
from mockinterviewer.transcript import Word, is_filler

STRONG = [
    ("situation", "Last winter I worked on the billing team at a ride sharing company. While "
     "reading alerts for another project, I noticed that receipts for riders in Brazil were "
     "failing to send."),
    ("task", "The receipt service belonged to the notifications team, not my team, and nobody "
     "asked me to look at it, but riders needed those receipts for tax claims, so I took "
     "ownership."),
    ("action", "I pulled a week of failed sends and grouped them by error code. I traced the "
     "failures to a template that broke on accented names. I wrote a fix with tests for twelve "
     "languages, and I reproduced the bug locally before and after the change. I walked their "
     "lead through the pull request and I watched the send rate until it was deployed."),
    ("result", "Failed receipts went from about four thousand a day to zero, and support "
     "contacts about receipts fell by thirty five percent. The notifications team adopted my "
     "template test as a standard check for every new language."),
    ("reflection", "Looking back, the deeper gap was that no one tested templates with real "
     "names, so I proposed a shared corpus of international names that every template test now "
     "uses."),
]

WEAK = [
    ("situation", "At my old job we had an app that was sometimes slow for users."),
    ("task", "My manager asked me to make it faster."),
    ("action", "We looked at the code together and we found some slow queries. We fixed them "
     "and we deployed the change."),
    ("result", "After that the app was faster and people were happy."),
    ("reflection", "I learned that communication is really important."),
]


def speak(parts: list[tuple[str, str]], wps: float = 2.6, gap: float = 0.8, start: float = 0.5,
          fillers_every: int = 0) -> tuple[list[Word], dict[str, float]]:
    """Times the words of (label, text) parts as if spoken.

    Args:
        parts: the segments in order.
        wps: words per second.
        gap: silence between segments.
        start: when the first word starts.
        fillers_every: insert an "um" every this many words (0: none).

    Returns:
        (words, label -> time its first word starts).
    """
    words: list[Word] = []
    starts: dict[str, float] = {}
    t = start
    step = 1.0 / wps
    n = 0
    for label, text in parts:
        starts[label] = t
        for raw in text.split():
            n += 1
            if fillers_every and n % fillers_every == 0:
                words.append(Word("um", t, t + step * 0.8, filler=True))
                t += step
            words.append(Word(raw, t, t + step * 0.85, filler=is_filler(raw)))
            t += step
        t += gap
    return words, starts


@lru_cache(maxsize=1)
def scenarios() -> tuple[Scenario, ...]:
    """The content library's scenarios (loaded once per test run)."""
    return load_library().scenarios


def scenario_for(principle_id: str) -> Scenario:
    """The library scenario of a principle."""
    return next(s for s in scenarios() if s.principle_id == principle_id)


@pytest.fixture(scope="module")
def library() -> tuple[Scenario, ...]:
    """The content library's scenarios."""
    return scenarios()


@pytest.fixture(scope="module")
def ownership() -> Scenario:
    """The Ownership scenario (its principle hinges on scope, so every finding applies)."""
    return scenario_for("ownership")


def ids(analysis: Analysis) -> set[str]:
    """The ids of an analysis's findings."""
    return {f.id for f in analysis.findings}


def probe(tags: Sequence[str], question: str = "What happened next?") -> Probe:
    """A follow-up probe with the given weakness tags."""
    return Probe("p-" + "-".join(tags).replace("_", "-"), question, "assesses", tuple(tags),
                 "weak reply", "why weak", "strong reply", "I brought a complete fix.")


def probe_answer_ids(text: str, tags: Sequence[str], scenario: Scenario,
                     question: str = "What happened next?") -> set[str]:
    """The finding ids of a written answer to a probe with the given tags."""
    pa = analyze_probe_answer(words_from_text(text), probe(tags, question), scenario)
    return {f.id for f in pa.findings}


@pytest.fixture(scope="module")
def backbone_scenario(library: tuple[Scenario, ...]) -> Scenario:
    """A scenario whose principle does not hinge on scope (no scope finding is raised)."""
    return next(s for s in library if not {t for p in s.probes for t in p.tags}
                & {"scope", "initiative"})
