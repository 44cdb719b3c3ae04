"""The scenario model: frozen, typed values read from ``content/*.toml``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SEGMENT_LABELS: tuple[str, ...] = ("situation", "task", "action", "result", "reflection")
LEVELS: tuple[str, ...] = ("sde1", "sde2", "senior")
LEVEL_NAMES: dict[str, str] = {"sde1": "SDE 1", "sde2": "SDE 2", "senior": "Senior SDE"}
DIFFICULTIES: tuple[str, ...] = ("easy", "medium", "hard")

# The sixteen Leadership Principles, as the content files spell them.
PRINCIPLES: tuple[str, ...] = (
    "Customer Obsession", "Ownership", "Invent and Simplify", "Are Right, A Lot",
    "Learn and Be Curious", "Hire and Develop the Best", "Insist on the Highest Standards",
    "Think Big", "Bias for Action", "Frugality", "Earn Trust", "Dive Deep",
    "Have Backbone; Disagree and Commit", "Deliver Results", "Strive to be Earth's Best Employer",
    "Success and Scale Bring Broad Responsibility",
)

# Weaknesses a follow-up probe can target. The coaching engine maps its findings onto these tags
# to choose which probes to ask.
WEAKNESS_TAGS: frozenset[str] = frozenset(
    {
        "ownership",  # who did the work; "we" language; hand-offs
        "scope",  # stated boundary: not my team, not assigned
        "initiative",  # self-started vs. assigned
        "follow_through",  # saw it to the end: deployed, adopted
        "verification",  # proved the fix worked
        "customer",  # customer impact and motive
        "metrics",  # quantified results
        "second_order",  # lasting effect beyond the fix
        "reflection",  # specific lesson
        "depth",  # technical depth, root cause
        "judgment",  # decisions under uncertainty, being right
        "trade_offs",  # what was given up and why
        "collaboration",  # working with others, influence
        "conflict",  # disagreement, backbone
        "people",  # hiring, developing, caring for people
        "standards",  # quality bar
        "speed",  # bias for action, calculated risk
        "frugality",  # doing more with less
        "vision",  # thinking big, long-term
        "learning",  # curiosity, new skills
        "trust",  # candour, admitting mistakes
        "scale",  # broad responsibility, impact on others
        "simplicity",  # inventing, simplifying
        "risk",  # risk assessment, reversibility
    }
)

_KEBAB_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def kebab(name: str) -> str:
    """Turns a principle name into its kebab-case id.

    Args:
        name: e.g. "Have Backbone; Disagree and Commit".

    Returns:
        e.g. "have-backbone-disagree-and-commit".
    """
    name = name.replace("'", "").replace("\u2019", "")
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def is_kebab(value: str) -> bool:
    """Tells whether ``value`` is a kebab-case id."""
    return bool(_KEBAB_RE.match(value))


@dataclass(frozen=True)
class SegmentSpec:
    """One STAR segment of a scenario.

    Attributes:
        label: situation, task, action, result or reflection.
        target_seconds: the seconds to spend on it (at the SDE2 baseline).
        strong_example: a strong way to say this segment.
        signal_phrases: short phrases an interviewer listens for.
        coaching: how to do it well.
        common_mistake: the usual way it goes wrong.
    """

    label: str
    target_seconds: float
    strong_example: str
    signal_phrases: tuple[str, ...]
    coaching: str
    common_mistake: str


@dataclass(frozen=True)
class Level:
    """What one seniority level is expected to show.

    Attributes:
        id: sde1, sde2 or senior.
        focus: what this level's answer centres on.
        reflection: a reflection pitched at this level.
        bar: the hiring bar for the level.
        budget_seconds: total time for the whole answer.
    """

    id: str
    focus: str
    reflection: str
    bar: str
    budget_seconds: float

    @property
    def name(self) -> str:
        """Human name, e.g. "SDE 2"."""
        return LEVEL_NAMES.get(self.id, self.id)


@dataclass(frozen=True)
class Probe:
    """A follow-up question.

    Attributes:
        id: kebab-case id, unique within the scenario.
        question: what the interviewer asks.
        assesses: what it probes.
        tags: the weaknesses it targets (from ``WEAKNESS_TAGS``).
        weak_answer: a weak reply.
        weak_why: why the weak reply fails.
        strong_answer: a strong reply.
        key_line: the line that makes the strong reply work.
        principle: the Leadership Principle the probe tests (empty in data written before probes
            were tagged).
    """

    id: str
    question: str
    assesses: str
    tags: tuple[str, ...]
    weak_answer: str
    weak_why: str
    strong_answer: str
    key_line: str
    principle: str = ""


@dataclass(frozen=True)
class Fact:
    """A number the story states, so that restatements elsewhere in the scenario can be checked.

    Attributes:
        value: the number as the story writes it, e.g. "0.3%", "$8,000", "4.1x", "40 services".
        cues: words that mark a restatement of this fact when they sit near a number.
    """

    value: str
    cues: tuple[str, ...]


@dataclass(frozen=True)
class WeakAnswer:
    """A full weak answer and how a bar raiser reads it."""

    text: str
    flaws: tuple[str, ...]
    bar_raiser: str
    verdict: str


@dataclass(frozen=True)
class RelatedPrinciple:
    """How the same story is told for another principle."""

    principle: str
    pitch: str
    emphasize: str
    downplay: str


@dataclass(frozen=True)
class PracticeQuestion:
    """A multiple-choice practice question.

    Attributes:
        difficulty: easy, medium or hard.
        prompt: the question.
        options: the choices, in order (A, B, C, D...).
        answer: index of the correct option.
        steps: solution steps.
        hint: a one-line hint.
    """

    difficulty: str
    prompt: str
    options: tuple[str, ...]
    answer: int
    steps: tuple[str, ...]
    hint: str

    @property
    def answer_letter(self) -> str:
        """The correct option's letter."""
        return "ABCDEFGH"[self.answer]


@dataclass(frozen=True)
class Scenario:
    """One scenario: a principle, a story, and everything needed to practise it."""

    id: str
    principle: str
    title: str
    prompts: tuple[str, ...]
    overview: str
    summary: str
    segments: tuple[SegmentSpec, ...]
    levels: tuple[Level, ...] = field(default_factory=tuple)
    probes: tuple[Probe, ...] = field(default_factory=tuple)
    weak_answer: WeakAnswer | None = None
    related: tuple[RelatedPrinciple, ...] = field(default_factory=tuple)
    practice: tuple[PracticeQuestion, ...] = field(default_factory=tuple)
    facts: tuple[Fact, ...] = field(default_factory=tuple)
    domain: str = ""
    kind: str = "scenario"
    source: str = ""

    @property
    def principle_id(self) -> str:
        """The principle's kebab-case id."""
        return kebab(self.principle)

    def segment(self, label: str) -> SegmentSpec | None:
        """Returns the segment with this label, if any."""
        return next((s for s in self.segments if s.label == label), None)

    def level(self, level_id: str) -> Level | None:
        """Returns the level with this id, if any."""
        return next((lv for lv in self.levels if lv.id == level_id), None)

    def probe(self, probe_id: str) -> Probe | None:
        """Returns the probe with this id, if any."""
        return next((p for p in self.probes if p.id == probe_id), None)

    @property
    def total_target_seconds(self) -> float:
        """Sum of the segment targets."""
        return sum(s.target_seconds for s in self.segments)

    def targets_for(self, level_id: str | None) -> dict[str, float]:
        """Segment targets for a level.

        The segment targets are the SDE2 baseline; another level's targets are scaled so that they
        add up to that level's budget.

        Args:
            level_id: sde1, sde2, senior, or None for the baseline.

        Returns:
            Target seconds by segment label.
        """
        base = {s.label: s.target_seconds for s in self.segments}
        level = self.level(level_id) if level_id else None
        total = self.total_target_seconds
        if level is None or total <= 0:
            return base
        factor = level.budget_seconds / total
        return {k: round(v * factor, 1) for k, v in base.items()}

    def budget_for(self, level_id: str | None) -> float:
        """Total time budget for a level (the sum of targets when the level is unknown)."""
        level = self.level(level_id) if level_id else None
        return level.budget_seconds if level else self.total_target_seconds
