"""The verdict: Strong Hire, Hire, Leaning No Hire or No Hire, derived openly from the findings.

Each critical finding counts as a critical; every other content warning adds a point (timing and
delivery warnings a quarter point each, one point at most in all; info nothing). The level's bar
moves two weights: at SDE 1 a lasting effect and an organisational reflection are a bonus (half
weight), at Senior they are expected (one and a half). Then:

- Strong Hire: no critical and at most half a point;
- Hire: no critical and under three points;
- Leaning No Hire: one critical with under three points, or no critical and three points or more;
- No Hire: two criticals or more, or one critical with three points or more.
"""

from __future__ import annotations

from collections.abc import Sequence

from mockinterviewer.coach.types import VERDICTS, Finding
from mockinterviewer.content.model import LEVEL_NAMES, Scenario

_LEVEL_WEIGHTS = {
    "sde1": {"result.no_second_order": 0.5, "reflection.generic": 0.5},
    "senior": {"result.no_second_order": 1.5, "reflection.generic": 1.5},
}
# How it was said, not what: hedges and pet phrases weigh like delivery.
_DELIVERY = ("timing.", "delivery.", "language.")
DELIVERY_CAP = 1.0  # timing and delivery together never weigh more than one content warning
_STRENGTHS = {
    "action.we_language": "Action told in the first person",
    "initiation.assigned": "self-started, not assigned",
    "task.no_scope_boundary": "scope boundary stated",
    "result.not_quantified": "quantified result",
    "result.no_second_order": "an effect that outlasted the fix",
    "reflection.generic": "a specific reflection",
}


def _weight(f: Finding, level: str) -> float:
    if f.severity != "warning":
        return 0.0
    if f.id.startswith(_DELIVERY):
        return 0.25
    return _LEVEL_WEIGHTS.get(level, {}).get(f.id, 1.0)


def decide(findings: Sequence[Finding], scenario: Scenario, level: str,
           checked: Sequence[str] = ()) -> tuple[str, tuple[str, ...]]:
    """Derives the verdict and its reasons.

    Args:
        findings: the answer's findings.
        scenario: the scenario (for the level's bar).
        level: sde1, sde2 or senior.
        checked: finding ids that were checked (their absence is a strength).

    Returns:
        (verdict, reasons): the reasons list the criticals, the weighted warnings, the strengths
        and the bar.
    """
    crit = [f for f in findings if f.severity == "critical"]
    weighted = [(f, _weight(f, level)) for f in findings if _weight(f, level) > 0]
    content = sum(w for f, w in weighted if not f.id.startswith(_DELIVERY))
    points = content + min(DELIVERY_CAP, sum(w for _, w in weighted) - content)
    if not crit and points <= 0.5:
        verdict = "Strong Hire"
    elif not crit and points < 3:
        verdict = "Hire"
    elif (len(crit) == 1 and points < 3) or (not crit and points >= 3):
        verdict = "Leaning No Hire"
    else:
        verdict = "No Hire"
    reasons = [f"critical: {f.id}" + (f' ("{_short(f.evidence)}")' if f.evidence else "")
               for f in crit]
    reasons += [f"{f.id} (+{w:g})" + (f' ("{_short(f.evidence)}")' if f.evidence else "")
                for f, w in weighted]
    flagged = {f.id for f in findings}
    strengths = [_STRENGTHS[c] for c in checked if c in _STRENGTHS and c not in flagged]
    if strengths:
        reasons.append("strengths: " + ", ".join(strengths))
    reasons.append(f"{len(crit)} critical, {points:g} points of warnings -> {verdict}")
    lv = scenario.level(level)
    if lv is not None:
        reasons.append(f"bar for {LEVEL_NAMES.get(level, level)}: {lv.bar}")
    return verdict, tuple(reasons)


def _short(text: str, n: int = 70) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def adjust(verdict: str, hints: Sequence[str]) -> tuple[str, str | None]:
    """Moves a verdict by the probe answers: down a step per weaker answer; up one step when at
    least two answers were stronger and none weaker.

    Args:
        verdict: the verdict before the probes.
        hints: each probe answer's ``verdict_hint``.

    Returns:
        (new verdict, the reason, or None when unchanged).
    """
    i = VERDICTS.index(verdict) if verdict in VERDICTS else len(VERDICTS) - 1
    weaker = sum(1 for h in hints if h == "weaker")
    stronger = sum(1 for h in hints if h == "stronger")
    if weaker:
        j = min(len(VERDICTS) - 1, i + weaker)
        why = f"{weaker} follow-up answer(s) weakened the story"
    elif stronger >= 2:
        j = max(0, i - 1)
        why = f"{stronger} follow-up answers strengthened the story"
    else:
        return verdict, None
    return VERDICTS[j], (f"{why}: {verdict} -> {VERDICTS[j]}" if j != i else None)
