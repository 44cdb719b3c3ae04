"""The history's values: frozen dataclasses read from the database.

An attempt's stored analysis is parsed only when asked for (:attr:`Attempt.report`,
:attr:`Attempt.analysis`); the views read :attr:`Attempt.summary`, a small JSON kept beside it
(segments without their text, findings, metrics), so listing hundreds of attempts stays quick.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mockinterviewer.coach import Analysis

log = logging.getLogger(__name__)

VERDICTS: tuple[str, ...] = ("No Hire", "Leaning No Hire", "Hire", "Strong Hire")
STATUSES: tuple[str, ...] = ("unfinished", "done", "abandoned")


def verdict_rank(verdict: str | None) -> int:
    """Ranks a verdict: 0 for No Hire up to 3 for Strong Hire, -1 for none or unknown."""
    return VERDICTS.index(verdict) if verdict in VERDICTS else -1


def make_summary(data: Mapping[str, Any]) -> dict[str, Any]:
    """The small part of an analysis's JSON that the views need.

    Args:
        data: the analysis's JSON form.

    Returns:
        ``verdict``, ``metrics``, ``segments`` (without text) and ``findings`` (evidence cut short).
    """
    segments = [{k: v for k, v in s.items() if k != "text"} for s in data.get("segments", ())
                if isinstance(s, Mapping)]
    findings = [{**f, "evidence": str(f.get("evidence", ""))[:200]}
                for f in data.get("findings", ()) if isinstance(f, Mapping)]
    return {"verdict": data.get("verdict"), "metrics": data.get("metrics") or {},
            "segments": segments, "findings": findings}


def freeze(value: Any) -> Any:  # noqa: ANN401 - JSON data of any shape, returned as it came
    """A read-only copy of JSON data (mappings become MappingProxyType, lists tuples)."""
    if isinstance(value, dict):
        return MappingProxyType({k: freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(freeze(v) for v in value)
    return value


def _load(text: str, what: str) -> dict[str, Any]:
    if not text:
        return {}
    try:
        data = json.loads(text)
    except ValueError:
        log.warning("stored %s is not JSON; ignoring it", what)
        return {}
    return data if isinstance(data, dict) else {}


@dataclass(frozen=True)
class Attempt:
    """One practice attempt.

    Attributes:
        id: row id.
        created_at: when the answer started (UTC).
        scenario_id: the scenario practised.
        principle: the principle's name as given when the attempt started.
        level: sde1, sde2 or senior.
        mode: rehearse, drill, analyze...
        prompt: the question as asked.
        status: unfinished, done or abandoned.
        recordings: audio files, in the order they were added.
        model: the speech model used.
        verdict: the verdict, once finished.
        recording_kinds: the kind of each recording ("answer", "probe:<id>"...).
        finished_at: when the analysis was stored.
        total_seconds: speaking time.
        words_per_minute: pace.
        fillers_per_minute: hesitations per minute.
        report_json: the stored analysis (JSON text); see :attr:`report` and :attr:`analysis`.
        summary_json: the views' summary of it (JSON text); see :attr:`summary`.
        loop_id: the loop this answer was asked in (None outside a loop).
    """

    id: int
    created_at: datetime
    scenario_id: str
    principle: str
    level: str
    mode: str
    prompt: str
    status: str
    recordings: tuple[Path, ...]
    model: str
    verdict: str | None
    recording_kinds: tuple[str, ...] = ()
    finished_at: datetime | None = None
    total_seconds: float | None = None
    words_per_minute: float | None = None
    fillers_per_minute: float | None = None
    report_json: str = field(default="", repr=False)
    summary_json: str = field(default="", repr=False)
    loop_id: int | None = None

    @cached_property
    def report(self) -> Mapping[str, Any]:
        """The analysis as stored (its JSON form), read-only; empty until finished."""
        return freeze(_load(self.report_json, f"analysis of attempt {self.id}"))

    @cached_property
    def summary(self) -> Mapping[str, Any]:
        """Verdict, metrics, segments and findings (no words): what the views chart."""
        data = _load(self.summary_json, f"summary of attempt {self.id}")
        if not data and self.report_json:
            data = make_summary(_load(self.report_json, f"analysis of attempt {self.id}"))
        return freeze(data)

    @cached_property
    def analysis(self) -> Analysis | None:
        """The coaching engine's result (None until finished, or if it cannot be rebuilt)."""
        data = _load(self.report_json, f"analysis of attempt {self.id}")
        if not data:
            return None
        from mockinterviewer.coach import Analysis  # imported on first use: it loads the engine

        try:
            return Analysis.from_dict(data)
        except Exception as exc:  # noqa: BLE001 - an old row must never break the history
            log.warning("attempt %s: stored analysis could not be rebuilt (%s)", self.id, exc)
            return None

    @property
    def has_audio(self) -> bool:
        """True when at least one of its recordings is still on disk."""
        return any(p.exists() for p in self.recordings)


@dataclass(frozen=True)
class PromptStats:
    """How often one phrasing of a question was answered, and how well.

    Attributes:
        prompt: the question text.
        count: finished attempts.
        best_verdict: the best verdict reached (None if no verdict yet).
        last_at: the latest attempt's time.
    """

    prompt: str
    count: int
    best_verdict: str | None
    last_at: datetime
