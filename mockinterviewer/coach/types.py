"""The coaching engine's values: frozen dataclasses with JSON forms.

``Analysis.to_dict()`` is the JSON written by ``mockinterviewer analyze --json`` and saved by the
history store; ``Analysis.from_dict()`` reads it back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from mockinterviewer.coach.voice_types import VoiceMetrics
from mockinterviewer.transcript import CutShort, Word

if TYPE_CHECKING:
    from mockinterviewer.coach.units import Unit

SEVERITIES: tuple[str, ...] = ("info", "warning", "critical")
VERDICTS: tuple[str, ...] = ("Strong Hire", "Hire", "Leaning No Hire", "No Hire")
STATUSES: tuple[str, ...] = ("under", "ok", "over", "missing")
TimingStatus = Literal["under", "ok", "over"]
SegmentStatus = Literal["under", "ok", "over", "missing"]
"""A segment's timing, or ``missing`` when the answer never told it."""
_SEGMENT_STATUSES: tuple[SegmentStatus, ...] = ("under", "ok", "over", "missing")


def _segment_status(value: object) -> SegmentStatus:
    """Reads a stored status; an unknown one (a newer app's) reads as ``ok``."""
    return next((s for s in _SEGMENT_STATUSES if s == value), "ok")


def _r(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(float(value), digits)


def _word_from(d: Mapping[str, Any]) -> Word:
    return Word(
        word=str(d.get("word", "")),
        start=float(d.get("start", 0.0)),
        end=float(d.get("end", 0.0)),
        filler=bool(d.get("filler", False)),
        probability=float(d.get("probability", 1.0)),
    )


@dataclass(frozen=True)
class Finding:
    """One thing the answer proved or failed to prove.

    Attributes:
        id: stable id such as ``action.we_language``.
        segment: the STAR segment it concerns (None for the whole answer).
        severity: info, warning or critical.
        evidence: the user's exact words ("" when the finding is an absence).
        start: seconds into the recording where the evidence starts (None when untimed or absent).
        message: what to do about it.
    """

    id: str
    segment: str | None
    severity: str
    evidence: str
    start: float | None
    message: str

    def to_dict(self) -> dict[str, Any]:
        """Returns the JSON form."""
        return {
            "id": self.id,
            "segment": self.segment,
            "severity": self.severity,
            "evidence": self.evidence,
            "start": _r(self.start),
            "message": self.message,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Finding:
        """Reads the JSON form."""
        start = d.get("start")
        return cls(
            id=str(d["id"]),
            segment=d.get("segment"),
            severity=str(d.get("severity", "info")),
            evidence=str(d.get("evidence", "")),
            start=None if start is None else float(start),
            message=str(d.get("message", "")),
        )


@dataclass(frozen=True)
class SegmentResult:
    """One STAR segment of an answer, timed against its target.

    Attributes:
        label: situation, task, action, result or reflection.
        start: seconds into the recording (the estimate for written answers).
        end: seconds into the recording.
        seconds: time spent on it.
        target_seconds: the level's target for it.
        status: under, ok, over or missing.
        text: what was said in it.
        words_per_minute: speaking rate within it.
        fillers: hesitations ("um", "uh") within it.
        words: its words.
        confidence: the probability that the part is present at all (1 when marked).
        units: the annotated units labelled with it (empty when read back from JSON).
    """

    label: str
    start: float
    end: float
    seconds: float
    target_seconds: float
    status: SegmentStatus
    text: str
    words_per_minute: float
    fillers: int
    words: tuple[Word, ...] = field(default_factory=tuple)
    confidence: float = 1.0
    units: tuple[Unit, ...] = field(default_factory=tuple, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """Returns the JSON form (words are listed once, at the top level of the analysis)."""
        return {
            "label": self.label,
            "start": _r(self.start),
            "end": _r(self.end),
            "seconds": _r(self.seconds, 1),
            "target_seconds": _r(self.target_seconds, 1),
            "status": self.status,
            "text": self.text,
            "words_per_minute": _r(self.words_per_minute, 1),
            "fillers": self.fillers,
            "confidence": _r(self.confidence, 3),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], words: tuple[Word, ...] = ()) -> SegmentResult:
        """Reads the JSON form; the segment's words are taken from ``words`` by time."""
        start, end = float(d.get("start", 0.0)), float(d.get("end", 0.0))
        mine = tuple(w for w in words if start <= (w.start + w.end) / 2 < end)
        return cls(
            label=str(d["label"]),
            start=start,
            end=end,
            seconds=float(d.get("seconds", 0.0)),
            target_seconds=float(d.get("target_seconds", 0.0)),
            status=_segment_status(d.get("status", "ok")),
            text=str(d.get("text", "")),
            words_per_minute=float(d.get("words_per_minute", 0.0)),
            fillers=int(d.get("fillers", 0)),
            words=mine,
            confidence=float(d.get("confidence", 1.0)),
        )


@dataclass(frozen=True)
class Metrics:
    """Whole-answer numbers.

    Attributes:
        words_per_minute: speaking rate over the speaking time.
        fillers_per_minute: hesitations per minute.
        filler_count: hesitations in total.
        i_count: first-person singular words (I, me, my).
        we_count: first-person plural words (we, us, our).
        total_seconds: length of the answer.
        budget_seconds: the level's budget.
        longest_pause: the longest silence between two words, in seconds.
        longest_pause_start: when that silence started.
        word_count: words spoken (fillers included).
        tolerance: the fraction of a target that still counts as on time.
        timed: False for written answers (times are estimates at 150 words a minute).
        hedges_per_100_words: hedges counted against the user per 100 words (see
            :mod:`~mockinterviewer.coach.language`).
        pet_phrases: (phrase, times said) for each pet phrase.
    """

    words_per_minute: float
    fillers_per_minute: float
    filler_count: int
    i_count: int
    we_count: int
    total_seconds: float
    budget_seconds: float
    longest_pause: float
    longest_pause_start: float | None = None
    word_count: int = 0
    tolerance: float = 0.2
    timed: bool = True
    hedges_per_100_words: float = 0.0
    pet_phrases: tuple[tuple[str, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Returns the JSON form."""
        return {
            "words_per_minute": _r(self.words_per_minute, 1),
            "fillers_per_minute": _r(self.fillers_per_minute, 2),
            "filler_count": self.filler_count,
            "i_count": self.i_count,
            "we_count": self.we_count,
            "total_seconds": _r(self.total_seconds, 1),
            "budget_seconds": _r(self.budget_seconds, 1),
            "longest_pause": _r(self.longest_pause),
            "longest_pause_start": _r(self.longest_pause_start),
            "word_count": self.word_count,
            "tolerance": self.tolerance,
            "timed": self.timed,
            "hedges_per_100_words": _r(self.hedges_per_100_words, 2),
            "pet_phrases": dict(self.pet_phrases),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Metrics:
        """Reads the JSON form."""
        lps = d.get("longest_pause_start")
        return cls(
            words_per_minute=float(d.get("words_per_minute", 0.0)),
            fillers_per_minute=float(d.get("fillers_per_minute", 0.0)),
            filler_count=int(d.get("filler_count", 0)),
            i_count=int(d.get("i_count", 0)),
            we_count=int(d.get("we_count", 0)),
            total_seconds=float(d.get("total_seconds", 0.0)),
            budget_seconds=float(d.get("budget_seconds", 0.0)),
            longest_pause=float(d.get("longest_pause", 0.0)),
            longest_pause_start=None if lps is None else float(lps),
            word_count=int(d.get("word_count", 0)),
            tolerance=float(d.get("tolerance", 0.2)),
            timed=bool(d.get("timed", True)),
            hedges_per_100_words=float(d.get("hedges_per_100_words", 0.0)),
            pet_phrases=tuple((str(p), int(c)) for p, c in
                              dict(d.get("pet_phrases", {})).items()),
        )


@dataclass(frozen=True)
class ProbeChoice:
    """A follow-up probe chosen for this answer, and why."""

    id: str
    question: str
    reason: str
    tags: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Returns the JSON form."""
        return {"id": self.id, "question": self.question, "reason": self.reason,
                "tags": list(self.tags)}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> ProbeChoice:
        """Reads the JSON form."""
        return cls(str(d["id"]), str(d.get("question", "")), str(d.get("reason", "")),
                   tuple(str(t) for t in d.get("tags", ())))


@dataclass(frozen=True)
class ProbeAnalysis:
    """What the answer to one follow-up probe showed.

    Attributes:
        probe_id: the probe.
        question: the probe's question.
        transcript: what was said.
        findings: ``probe.*`` findings.
        verdict_hint: ``stronger``, ``unchanged`` or ``weaker``: how it moves the verdict.
    """

    probe_id: str
    question: str
    transcript: str
    findings: tuple[Finding, ...]
    verdict_hint: str

    def to_dict(self) -> dict[str, Any]:
        """Returns the JSON form."""
        return {
            "probe_id": self.probe_id,
            "question": self.question,
            "transcript": self.transcript,
            "findings": [f.to_dict() for f in self.findings],
            "verdict_hint": self.verdict_hint,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> ProbeAnalysis:
        """Reads the JSON form."""
        return cls(
            probe_id=str(d["probe_id"]),
            question=str(d.get("question", "")),
            transcript=str(d.get("transcript", "")),
            findings=tuple(Finding.from_dict(f) for f in d.get("findings", ())),
            verdict_hint=str(d.get("verdict_hint", "unchanged")),
        )


@dataclass(frozen=True)
class Analysis:
    """The full coaching report for one answer."""

    scenario_id: str
    level: str
    transcript: str
    words: tuple[Word, ...]
    segments: tuple[SegmentResult, ...]
    findings: tuple[Finding, ...]
    metrics: Metrics
    verdict: str
    verdict_reasons: tuple[str, ...]
    probes: tuple[ProbeChoice, ...] = ()
    probe_answers: tuple[ProbeAnalysis, ...] = ()
    phrases_said: tuple[str, ...] = ()
    phrases_missed: tuple[str, ...] = ()
    voice: VoiceMetrics | None = None  # pitch and loudness, when the recording was measured
    #: set when a fault ended the recording before the user did (None: a whole answer)
    cut_short: CutShort | None = None

    def finding(self, finding_id: str) -> Finding | None:
        """Returns the first finding with this id, if any."""
        return next((f for f in self.findings if f.id == finding_id), None)

    @property
    def finding_ids(self) -> tuple[str, ...]:
        """The ids of the findings, in order."""
        return tuple(f.id for f in self.findings)

    def segment(self, label: str) -> SegmentResult | None:
        """Returns the segment with this label, if any."""
        return next((s for s in self.segments if s.label == label), None)

    def to_dict(self) -> dict[str, Any]:
        """Returns the JSON form (the keys of ``mockinterviewer analyze --json``)."""
        return {
            "scenario": self.scenario_id,
            "level": self.level,
            "transcript": self.transcript,
            "words": [w.to_dict() for w in self.words],
            "segments": [s.to_dict() for s in self.segments],
            "findings": [f.to_dict() for f in self.findings],
            "metrics": self.metrics.to_dict(),
            "verdict": self.verdict,
            "verdict_reasons": list(self.verdict_reasons),
            "probes": [p.to_dict() for p in self.probes],
            "probe_answers": [p.to_dict() for p in self.probe_answers],
            "phrases_said": list(self.phrases_said),
            "phrases_missed": list(self.phrases_missed),
            "voice": None if self.voice is None else self.voice.to_dict(),
            "cut_short": self.cut_short.to_dict() if self.cut_short is not None else None,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Analysis:
        """Reads the JSON form written by :meth:`to_dict`.

        Raises:
            KeyError: a required key is missing.
            ValueError: a value has the wrong type.
        """
        words = tuple(_word_from(w) for w in d.get("words", ()))
        return cls(
            scenario_id=str(d["scenario"]),
            level=str(d.get("level", "sde2")),
            transcript=str(d.get("transcript", "")),
            words=words,
            segments=tuple(SegmentResult.from_dict(s, words) for s in d.get("segments", ())),
            findings=tuple(Finding.from_dict(f) for f in d.get("findings", ())),
            metrics=Metrics.from_dict(d.get("metrics", {})),
            verdict=str(d.get("verdict", "")),
            verdict_reasons=tuple(str(r) for r in d.get("verdict_reasons", ())),
            probes=tuple(ProbeChoice.from_dict(p) for p in d.get("probes", ())),
            probe_answers=tuple(ProbeAnalysis.from_dict(p) for p in d.get("probe_answers", ())),
            phrases_said=tuple(str(p) for p in d.get("phrases_said", ())),
            phrases_missed=tuple(str(p) for p in d.get("phrases_missed", ())),
            voice=VoiceMetrics.from_dict(d["voice"]) if d.get("voice") else None,
            cut_short=CutShort.from_dict(d.get("cut_short")),
        )
