"""The coaching engine: pure functions over plain data (no Qt, no audio, no Whisper).

Timestamped words in; STAR segments timed against their targets, evidence-quoting findings, a
verdict with its reasons, and the follow-up probes that test the weaknesses found.
"""

from mockinterviewer.coach.engine import analyze, analyze_text, split_story, with_probe_answers
from mockinterviewer.coach.phrases import propose_signal_phrases
from mockinterviewer.coach.probes import analyze_probe_answer, choose_probes
from mockinterviewer.coach.segment import current_segment, segment_words
from mockinterviewer.coach.segmodel import SegmentModel, default_model
from mockinterviewer.coach.types import (
    SEVERITIES,
    STATUSES,
    VERDICTS,
    Analysis,
    Finding,
    Metrics,
    ProbeAnalysis,
    ProbeChoice,
    SegmentResult,
)

__all__ = [
    "SEVERITIES",
    "STATUSES",
    "VERDICTS",
    "Analysis",
    "Finding",
    "Metrics",
    "ProbeAnalysis",
    "ProbeChoice",
    "SegmentModel",
    "SegmentResult",
    "analyze",
    "analyze_probe_answer",
    "analyze_text",
    "choose_probes",
    "current_segment",
    "default_model",
    "propose_signal_phrases",
    "segment_words",
    "split_story",
    "with_probe_answers",
]
