"""Pure functions over stored attempts: coverage of the principles, and comparing two attempts.

The widgets show these; they are plain data so they can be tested without Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from mockinterviewer.content.model import SEGMENT_LABELS, Scenario, kebab
from mockinterviewer.store.model import Attempt, verdict_rank


def report_segments(attempt: Attempt, full: bool = False) -> list[Mapping[str, Any]]:
    """The stored segments of an attempt (empty until it is finished).

    Args:
        attempt: the attempt.
        full: read the full report (segments with their text) instead of the quick summary.
    """
    source = attempt.report if full else attempt.summary
    return [s for s in source.get("segments", ()) if isinstance(s, Mapping)]


def report_findings(attempt: Attempt, full: bool = False) -> list[Mapping[str, Any]]:
    """The stored findings of an attempt (empty until it is finished).

    Args:
        attempt: the attempt.
        full: read the full report (uncut evidence) instead of the quick summary.
    """
    source = attempt.report if full else attempt.summary
    return [f for f in source.get("findings", ()) if isinstance(f, Mapping)]


def report_metrics(attempt: Attempt) -> Mapping[str, Any]:
    """The stored metrics of an attempt (empty until it is finished)."""
    metrics = attempt.summary.get("metrics")
    return metrics if isinstance(metrics, Mapping) else {}


@dataclass(frozen=True)
class PrincipleCoverage:
    """How one principle has been practised.

    Attributes:
        principle: its name.
        principle_id: its kebab-case id.
        scenario_ids: its scenarios.
        attempts: finished attempts.
        best_verdict: the best verdict reached.
        last_verdict: the latest verdict.
        last_at: when it was last practised.
        next_scenario: the scenario to practise next for it.
        reason: why it is where it is in the list, in words.
    """

    principle: str
    principle_id: str
    scenario_ids: tuple[str, ...]
    attempts: int
    best_verdict: str | None
    last_verdict: str | None
    last_at: datetime | None
    next_scenario: str
    reason: str

    @property
    def practised(self) -> bool:
        """True once it has a finished attempt."""
        return self.attempts > 0


def coverage(attempts: Iterable[Attempt], scenarios: Sequence[Scenario]) -> list[PrincipleCoverage]:
    """Summarises practice per principle, what to practise next first.

    Never-practised principles come first, then the weakest latest verdict, then the fewest
    attempts, then the longest since practised.

    Args:
        attempts: stored attempts (only finished ones count).
        scenarios: the scenario library.

    Returns:
        One entry per principle of the library (and of any attempt whose scenario is gone).
    """
    done = sorted((a for a in attempts if a.status == "done"), key=lambda a: a.created_at)
    names: dict[str, str] = {}
    by_principle: dict[str, list[str]] = {}
    for s in scenarios:
        names.setdefault(s.principle_id, s.principle)
        by_principle.setdefault(s.principle_id, []).append(s.id)
    for a in done:
        key = kebab(a.principle)
        names.setdefault(key, a.principle)
        ids = by_principle.setdefault(key, [])
        if a.scenario_id not in ids:
            ids.append(a.scenario_id)
    last_by_scenario: dict[str, Attempt] = {a.scenario_id: a for a in done}
    rows: list[PrincipleCoverage] = []
    for key, ids in by_principle.items():
        mine = [a for a in done if kebab(a.principle) == key]
        last = mine[-1] if mine else None
        best = max((a.verdict for a in mine), key=verdict_rank, default=None)

        def scenario_order(sid: str) -> tuple[int, int, str]:
            a = last_by_scenario.get(sid)
            if a is None:
                return (0, -1, "")
            return (1, verdict_rank(a.verdict), a.created_at.isoformat())

        nxt = min(ids, key=scenario_order)
        if last is None:
            reason = "never practised"
        elif verdict_rank(last.verdict) < verdict_rank("Hire"):
            reason = f"last verdict {last.verdict or 'none'}: practise again"
        else:
            reason = f"last verdict {last.verdict}"
        rows.append(PrincipleCoverage(
            principle=names[key], principle_id=key, scenario_ids=tuple(ids), attempts=len(mine),
            best_verdict=best if verdict_rank(best) >= 0 else None,
            last_verdict=last.verdict if last else None,
            last_at=last.created_at if last else None, next_scenario=nxt, reason=reason,
        ))

    def order(row: PrincipleCoverage) -> tuple[int, int, int, float, str]:
        stamp = row.last_at.timestamp() if row.last_at else 0.0
        return (int(row.practised), verdict_rank(row.last_verdict), row.attempts, stamp,
                row.principle)

    return sorted(rows, key=order)


@dataclass(frozen=True)
class SegmentDelta:
    """One segment's time in two attempts."""

    label: str
    before_seconds: float | None
    after_seconds: float | None
    target_seconds: float | None
    before_status: str
    after_status: str


@dataclass(frozen=True)
class FindingRef:
    """A finding as stored."""

    id: str
    segment: str | None
    severity: str
    message: str
    evidence: str


@dataclass(frozen=True)
class Comparison:
    """Two attempts side by side, the earlier one first.

    Attributes:
        before: the earlier attempt.
        after: the later attempt.
        segments: each STAR segment's time in both.
        fixed: findings of the earlier attempt gone from the later one.
        new: findings only the later attempt has.
        kept: findings both have.
        same_scenario: False when the two answer different scenarios.
    """

    before: Attempt
    after: Attempt
    segments: tuple[SegmentDelta, ...]
    fixed: tuple[FindingRef, ...]
    new: tuple[FindingRef, ...]
    kept: tuple[FindingRef, ...]
    same_scenario: bool


def _refs(attempt: Attempt) -> dict[str, FindingRef]:
    refs: dict[str, FindingRef] = {}
    for f in report_findings(attempt):
        fid = str(f.get("id", ""))
        if fid and fid not in refs:
            refs[fid] = FindingRef(fid, f.get("segment"), str(f.get("severity", "info")),
                                   str(f.get("message", "")), str(f.get("evidence", "")))
    return refs


def _num(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def compare(a: Attempt, b: Attempt) -> Comparison:
    """Compares two attempts; the earlier one is "before" whatever the argument order.

    Args:
        a: one attempt.
        b: another attempt.

    Returns:
        The comparison. Findings are matched by id.
    """
    before, after = (a, b) if (a.created_at, a.id) <= (b.created_at, b.id) else (b, a)
    segs_b = {str(s.get("label")): s for s in report_segments(before)}
    segs_a = {str(s.get("label")): s for s in report_segments(after)}
    labels = [lb for lb in SEGMENT_LABELS if lb in segs_b or lb in segs_a]
    labels += [lb for lb in [*segs_b, *segs_a] if lb not in labels]
    deltas = []
    for label in dict.fromkeys(labels):
        sb, sa = segs_b.get(label, {}), segs_a.get(label, {})
        deltas.append(SegmentDelta(
            label=label, before_seconds=_num(sb.get("seconds")),
            after_seconds=_num(sa.get("seconds")),
            target_seconds=_num(sa.get("target_seconds", sb.get("target_seconds"))),
            before_status=str(sb.get("status", "missing")),
            after_status=str(sa.get("status", "missing")),
        ))
    fb, fa = _refs(before), _refs(after)
    return Comparison(
        before=before, after=after, segments=tuple(deltas),
        fixed=tuple(f for k, f in fb.items() if k not in fa),
        new=tuple(f for k, f in fa.items() if k not in fb),
        kept=tuple(f for k, f in fa.items() if k in fb),
        same_scenario=before.scenario_id == after.scenario_id,
    )
