"""Scenario content: the data model and its validating loader (no Qt)."""

from mockinterviewer.content.loader import (
    ContentError,
    LoadReport,
    load_all,
    load_scenario,
    parse_scenario,
    scenario_to_toml,
)
from mockinterviewer.content.model import (
    LEVELS,
    SEGMENT_LABELS,
    WEAKNESS_TAGS,
    Level,
    PracticeQuestion,
    Probe,
    RelatedPrinciple,
    Scenario,
    SegmentSpec,
    WeakAnswer,
    kebab,
)

__all__ = [
    "LEVELS",
    "SEGMENT_LABELS",
    "WEAKNESS_TAGS",
    "ContentError",
    "Level",
    "LoadReport",
    "PracticeQuestion",
    "Probe",
    "RelatedPrinciple",
    "Scenario",
    "SegmentSpec",
    "WeakAnswer",
    "kebab",
    "load_all",
    "load_scenario",
    "parse_scenario",
    "scenario_to_toml",
]
