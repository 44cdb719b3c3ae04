"""The coaching engine's entry points: analyse a spoken or written answer, split a pasted story."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence

from mockinterviewer.coach.cut_short import cut_reason, hold_back, unreached
from mockinterviewer.coach.delivery import compute_metrics, delivery_findings
from mockinterviewer.coach.findings import (
    LIKELY_RESULT,
    content_findings,
    scope_matters,
    timing_findings,
)
from mockinterviewer.coach.language import hedge_rate, language_findings, pet_phrases
from mockinterviewer.coach.phrases import coverage
from mockinterviewer.coach.probes import choose_probes
from mockinterviewer.coach.segment import label_answer, segments_of
from mockinterviewer.coach.segmodel import SegmentModel
from mockinterviewer.coach.text import join, words_from_text
from mockinterviewer.coach.types import Analysis, Finding, ProbeAnalysis
from mockinterviewer.coach.units import sanitize
from mockinterviewer.coach.verdict import adjust, decide
from mockinterviewer.coach.voice import voice_findings, voice_metrics
from mockinterviewer.coach.voice_types import ProsodyTrack
from mockinterviewer.content.model import SEGMENT_LABELS, Scenario
from mockinterviewer.transcript import CutShort, Word

log = logging.getLogger(__name__)

# Findings whose absence is a strength, and the segment that must be present to tell.
CHECKS = (("action.we_language", "action"), ("initiation.assigned", "task"),
          ("result.not_quantified", "result"), ("result.no_second_order", "result"),
          ("reflection.generic", "reflection"))

# Typical shares of a STAR answer, for splitting a story that has no scenario yet.
GENERIC_TARGETS = {"situation": 25.0, "task": 15.0, "action": 80.0, "result": 25.0,
                   "reflection": 20.0}


def analyze(words: Sequence[Word], scenario: Scenario, level: str = "sde2",
            marks: Sequence[float] | None = None, tolerance: float = 0.2,
            duration: float | None = None, timed: bool = True,
            model: SegmentModel | None = None, prosody: ProsodyTrack | None = None,
            cut_short: CutShort | None = None) -> Analysis:
    """Analyses an answer: STAR segments and timing, findings, verdict and probes.

    Args:
        words: the answer's timestamped words.
        scenario: the scenario answered.
        level: sde1, sde2 or senior.
        marks: times the user pressed "next segment" (they win over inference).
        tolerance: fraction of a segment target that still counts as on time.
        duration: length of the recording (used when there are no words).
        timed: False for written answers: no timing or delivery findings.
        model: segment model (default: trained on the content library).
        prosody: the recording's pitch and loudness (``audio.prosody``), for the voice
            metrics and findings (timed answers only).
        cut_short: set when a fault ended the recording early: the parts never reached are not
            judged (see :mod:`mockinterviewer.coach.cut_short`), and without them no verdict.

    Returns:
        The analysis. It never raises on odd input: no words gives five missing segments.
    """
    ws = sanitize(words)
    targets = scenario.targets_for(level)
    budget = scenario.budget_for(level)
    use_marks = marks if timed else None
    # The words are cut into annotated units once; segments carry their units to the findings.
    labelling = label_answer(ws, use_marks, model)
    segments = segments_of(labelling, targets, use_marks, tolerance)
    metrics = compute_metrics(ws, budget, tolerance, timed, duration)
    closest = dict(zip(SEGMENT_LABELS, labelling.closest, strict=False))
    likely = {"result": labelling.likely(SEGMENT_LABELS.index("result"), LIKELY_RESULT)}
    findings: list[Finding] = content_findings(segments, scenario, level, timed, closest, likely)
    word_labels = [SEGMENT_LABELS[k] for k in labelling.labels]
    texts = [w.word for w in ws]
    metrics = dataclasses.replace(
        metrics, hedges_per_100_words=hedge_rate(texts, word_labels),
        pet_phrases=tuple(pet_phrases(texts).items()))
    findings += language_findings(ws, word_labels, timed)
    if timed:
        findings += timing_findings(segments, metrics, scenario)
        findings += delivery_findings(ws, metrics)
    voice = voice_metrics(prosody, segments, ws) if timed and prosody is not None else None
    if voice is not None:
        findings += voice_findings(voice, segments, ws)
    text = join(ws)
    said, missed = coverage(text, scenario)
    if cut_short is not None:  # phrases of parts never reached were not missed
        never_said = {p for label in unreached(segments) if (spec := scenario.segment(label))
                      for p in spec.signal_phrases}
        missed = tuple(p for p in missed if p not in never_said)
    if said or missed:
        findings.append(Finding(
            "phrases.coverage", None, "info", "; ".join(said), None,
            f"Said {len(said)} of {len(said) + len(missed)} signal phrases (or close "
            "paraphrases)." + (f" Not heard: {'; '.join(missed)}." if missed else "")))
    present = {sg.label for sg in segments if sg.status != "missing"}
    checked = [fid for fid, need in CHECKS if need in present]
    if scope_matters(scenario) and present:
        checked.append("task.no_scope_boundary")
    never: tuple[str, ...] = ()
    if cut_short is not None:
        never = unreached(segments)
        kept, held = hold_back(findings, segments)
        log.info("answer cut short at %.1f s: %d finding(s) held back", cut_short.seconds,
                 len(held))
        findings = list(kept)
    verdict, reasons = decide(findings, scenario, level, checked)
    if cut_short is not None:
        if never:
            verdict, reasons = "", ()
        reasons = (cut_reason(cut_short, never), *reasons)
    analysis = Analysis(
        scenario_id=scenario.id, level=level, transcript=text, words=ws, segments=segments,
        findings=tuple(findings), metrics=metrics, verdict=verdict, verdict_reasons=reasons,
        phrases_said=said, phrases_missed=missed, voice=voice, cut_short=cut_short,
    )
    return dataclasses.replace(analysis, probes=choose_probes(analysis, scenario))


def analyze_text(text: str, scenario: Scenario, level: str = "sde2") -> Analysis:
    """Analyses a written answer: segmentation and findings, no timing.

    Segment times are estimates at 150 words a minute; paragraph breaks help the split.

    Args:
        text: the answer.
        scenario: the scenario.
        level: sde1, sde2 or senior.

    Returns:
        The analysis (``metrics.timed`` is False).
    """
    return analyze(words_from_text(text), scenario, level, timed=False)


def with_probe_answers(analysis: Analysis, answers: Sequence[ProbeAnalysis]) -> Analysis:
    """Adds follow-up answers to an analysis and moves the verdict by them.

    Args:
        analysis: the main analysis (already holding earlier probe answers, if any).
        answers: new probe answers.

    Returns:
        A new analysis with the answers appended and the verdict adjusted, with the reason.
    """
    all_answers = tuple(analysis.probe_answers) + tuple(answers)
    base_reasons = tuple(r for r in analysis.verdict_reasons if not r.startswith("follow-up:"))
    base = next((r.split(" -> ")[0].split(": ")[-1] for r in analysis.verdict_reasons
                 if r.startswith("follow-up:")), analysis.verdict)
    verdict, why = adjust(base, [a.verdict_hint for a in all_answers])
    reasons = base_reasons + ((f"follow-up: {why}",) if why else ())
    return dataclasses.replace(analysis, probe_answers=all_answers, verdict=verdict,
                               verdict_reasons=reasons)


def split_story(text: str, scenario: Scenario | None = None) -> dict[str, str]:
    """Splits a pasted story into its STAR segments.

    Args:
        text: the story.
        scenario: its scenario, for the expected proportions (default: typical ones).

    Returns:
        Label -> text for all five labels ("" for a segment not found).
    """
    targets = scenario.targets_for(None) if scenario else GENERIC_TARGETS
    segs = segments_of(label_answer(sanitize(words_from_text(text))), targets)
    return {label: next((s.text for s in segs if s.label == label), "") for label in SEGMENT_LABELS}
