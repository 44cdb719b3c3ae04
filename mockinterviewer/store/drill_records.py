"""What a drill try leaves in the practice history (no Qt: plain data in, plain data out).

A drill try is saved like a rehearsal: an ``unfinished`` attempt before recording starts (mode
``drill-segment`` or ``drill-probe``), with its recording registered under a kind that says what
was drilled (``segment:<label>`` or ``probe:<probe id>``), so a crash mid-try can be recovered.
When the try ends, its result is stored as the attempt's report: the usual ``verdict``,
``metrics``, ``segments`` and ``findings`` keys (what History, the CSV export and the summaries
read), plus a ``drill`` section with the details.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mockinterviewer.store.model import Attempt
from mockinterviewer.transcript import Word, is_filler

if TYPE_CHECKING:
    from mockinterviewer.coach.types import ProbeAnalysis
    from mockinterviewer.content.model import Scenario
    from mockinterviewer.store.history import HistoryStore

log = logging.getLogger(__name__)

SEGMENT_MODE = "drill-segment"
PROBE_MODE = "drill-probe"
DRILL_MODES: tuple[str, ...] = (SEGMENT_MODE, PROBE_MODE)
_MODE_LABELS = {SEGMENT_MODE: "drill: segment timing", PROBE_MODE: "drill: follow-up",
                "loop-answer": "loop: answer"}
_STATUS_TEXT = {"ok": "on time", "under": "too short", "over": "too long"}
_HINT_TEXT = {"stronger": "makes the story stronger", "weaker": "makes the story weaker"}


def is_drill(mode: str | None) -> bool:
    """True for a drill attempt's mode."""
    return bool(mode) and str(mode).startswith("drill")


def report_owner(mode: str | None) -> str:
    """The navigation entry a report of this mode belongs to: ``drill`` or ``rehearse``."""
    return "drill" if is_drill(mode) else "rehearse"


def mode_label(mode: str) -> str:
    """The mode as History shows it (``drill: segment timing``; other modes as they are)."""
    return _MODE_LABELS.get(mode, mode)


def without_drills(attempts: Sequence[Attempt]) -> list[Attempt]:
    """The attempts that are whole answers (drills and loop rows left out; a loop's answers
    stay), in the same order."""
    return [a for a in attempts if not is_drill(a.mode) and a.mode != "loop"]


def last_results(store: HistoryStore) -> dict[str, Attempt]:
    """The latest finished whole answer of each scenario (a drill try is not a result).

    Raises:
        StoreError: the history cannot be read.
    """
    last = store.last_by_scenario()
    if not any(is_drill(a.mode) or a.mode == "loop" for a in last.values()):
        return last
    result: dict[str, Attempt] = {}
    for attempt in store.list(status="done"):
        if not is_drill(attempt.mode) and attempt.mode != "loop":
            result.setdefault(attempt.scenario_id, attempt)
    return result


def recording_kind(mode: str, detail: str) -> str:
    """The kind a drill's recording is registered under: ``segment:<label>`` or
    ``probe:<probe id>``."""
    return f"{'segment' if mode == SEGMENT_MODE else 'probe'}:{detail}"


def drill_detail(recording_kinds: Sequence[str]) -> tuple[str, str]:
    """Reads back (``segment`` or ``probe``, label or probe id) from a drill's recording kinds;
    ("", "") when none says."""
    for kind in recording_kinds:
        what, _, detail = str(kind).partition(":")
        if what in ("segment", "probe") and detail:
            return what, detail
    return "", ""


def speaking_rate(words: Sequence[Word], seconds: float) -> tuple[float, int]:
    """Words per minute (fillers excluded) and the number of fillers."""
    fillers = sum(1 for w in words if w.filler or is_filler(w.word))
    spoken = len(words) - fillers
    return (spoken / seconds * 60.0 if seconds > 0 else 0.0), fillers


def spoken_seconds(words: Sequence[Word]) -> float:
    """Seconds from the first word's start to the last word's end (0 without words)."""
    return (words[-1].end - words[0].start) if words else 0.0


def _metrics(words: Sequence[Word], seconds: float) -> dict[str, Any]:
    wpm, fillers = speaking_rate(words, seconds)
    minutes = seconds / 60.0
    return {"total_seconds": round(seconds, 2), "words_per_minute": round(wpm, 1),
            "fillers_per_minute": round(fillers / minutes, 2) if minutes > 0 else 0.0,
            "filler_count": fillers, "word_count": len(words)}


def segment_result(words: Sequence[Word], label: str, target: float,
                   tolerance: float) -> dict[str, Any]:
    """The stored result of a segment timing try.

    Args:
        words: the final words of the try.
        label: the STAR segment drilled.
        target: its target seconds.
        tolerance: fraction of the target that counts as on time.

    Returns:
        The report: no verdict, metrics, the one segment against its target, and ``drill``.
    """
    from mockinterviewer.coach.segment import timing_status  # the engine loads on first use

    seconds = spoken_seconds(words)
    status = timing_status(seconds, target, tolerance)
    text = " ".join(w.word for w in words)
    metrics = {**_metrics(words, seconds), "budget_seconds": target}
    return {
        "verdict": None,
        "metrics": metrics,
        "transcript": text,
        "segments": [{"label": label, "seconds": round(seconds, 2), "target_seconds": target,
                      "status": status, "text": text}],
        "findings": [],
        "drill": {"kind": "segment", "label": label, "seconds": round(seconds, 2),
                  "target": target, "tolerance": tolerance, "status": status,
                  "transcript": text},
    }


def probe_result(words: Sequence[Word], answer: ProbeAnalysis) -> dict[str, Any]:
    """The stored result of a follow-up try.

    Args:
        words: the final words of the try.
        answer: the coaching engine's ``ProbeAnalysis`` of them.

    Returns:
        The report: no verdict, metrics, the probe's findings, and ``drill``.
    """
    findings = [f.to_dict() for f in answer.findings]
    return {
        "verdict": None,
        "metrics": _metrics(words, spoken_seconds(words)),
        "transcript": answer.transcript,
        "segments": [],
        "findings": findings,
        "drill": {"kind": "probe", "probe_id": answer.probe_id, "question": answer.question,
                  "verdict_hint": answer.verdict_hint, "transcript": answer.transcript},
    }


def drill_summary(attempt: Attempt) -> str:
    """A few lines saying how a stored drill try went (for History's "Open report")."""
    report: Mapping[str, Any] = attempt.report or {}
    drill = report.get("drill") or {}
    metrics = report.get("metrics") or {}
    if not drill:
        return (f"This drill try ({attempt.prompt}) was not finished; its recording is kept.")
    pace = (f"{metrics.get('words_per_minute', 0):.0f} words/min · "
            f"{metrics.get('filler_count', 0)} fillers")
    said = drill.get("transcript") or "(nothing heard)"
    if drill.get("kind") == "segment":
        status = _STATUS_TEXT.get(str(drill.get("status")), str(drill.get("status")))
        head = (f"{str(drill.get('label', '')).title()}: {drill.get('seconds', 0):.0f} s of "
                f"{drill.get('target', 0):.0f} s, {status}.")
    else:
        hint = _HINT_TEXT.get(str(drill.get("verdict_hint")), "leaves the story as it was")
        head = f"Follow-up: {drill.get('question', attempt.prompt)}\nThis answer {hint}."
        notes = [f"• {f.get('message', '')}" for f in report.get("findings", ())]
        if notes:
            head += "\n" + "\n".join(notes)
    return f"{head}\n{pace}\n\nYou said: “{said}”"


class DrillHistory:
    """Saves drill tries to the history store; every failure is logged and told, never raised.

    Args:
        store: the :class:`mockinterviewer.store.HistoryStore` (None: nothing is saved).
    """

    def __init__(self, store: HistoryStore | None) -> None:
        self.store = store

    def start(self, mode: str, scenario: Scenario, level: str, prompt: str, path: Path | None,
              detail: str,
              model: str) -> tuple[int | None, str]:
        """Saves a try as ``unfinished`` with its recording, before recording starts.

        Args:
            mode: :data:`SEGMENT_MODE` or :data:`PROBE_MODE`.
            scenario: the scenario drilled (for a follow-up: the probe's own scenario).
            level: sde1, sde2 or senior.
            prompt: the instruction or question as shown.
            path: the recording (it may not exist yet), or None.
            detail: the segment label or the probe id.
            model: the speech model in use.

        Returns:
            (the attempt id or None, a message for the user when it could not be saved).
        """
        if self.store is None:
            return None, ""
        try:
            attempt_id = self.store.start_attempt(scenario.id, scenario.principle, level, mode,
                                                  prompt, None, model)
            if path is not None:
                self.store.add_recording(attempt_id, path, recording_kind(mode, detail))
        except Exception as exc:
            log.warning("could not save the drill try", exc_info=True)
            return None, (f"This try cannot be saved to your history ({exc}); the recording is "
                          f"still kept in {path}.")
        return attempt_id, ""

    def finish(self, attempt_id: int | None, result: Mapping[str, Any]) -> str:
        """Stores a try's result; returns a message for the user when it could not be."""
        if self.store is None or attempt_id is None:
            return ""
        try:
            self.store.finish_attempt(attempt_id, dict(result))
        except Exception as exc:
            log.warning("could not save the drill result", exc_info=True)
            return f"The result could not be saved to your history ({exc})."
        return ""

    def abandon(self, attempt_id: int | None) -> None:
        """Marks a stopped try abandoned (its recording is kept)."""
        if self.store is None or attempt_id is None:
            return
        try:
            self.store.abandon(attempt_id)
        except Exception:
            log.warning("could not mark drill attempt %s abandoned", attempt_id, exc_info=True)
