"""Follow-up probes: choosing the ones that test the weaknesses found, and reading the answers."""

from __future__ import annotations

import re
from collections.abc import Sequence

from mockinterviewer.coach.findings import CONCRETE_CHANGE, GENERIC
from mockinterviewer.coach.text import SUBJECT_I, SUBJECT_WE, content_stems, join, tokens
from mockinterviewer.coach.types import Analysis, Finding, ProbeAnalysis, ProbeChoice
from mockinterviewer.coach.units import sanitize, split_units
from mockinterviewer.content.model import Probe, Scenario
from mockinterviewer.transcript import Word

# Which weakness tags (content/model.py WEAKNESS_TAGS) each finding calls for.
FINDING_TAGS: dict[str, tuple[str, ...]] = {
    "action.we_language": ("ownership", "collaboration"),
    "initiation.assigned": ("initiative", "ownership"),
    "task.no_scope_boundary": ("scope", "initiative", "ownership"),
    "result.not_quantified": ("metrics", "verification"),
    "result.no_second_order": ("second_order", "follow_through", "scale"),
    "reflection.generic": ("reflection", "learning", "trust"),
    "segment.missing.situation": ("customer", "judgment"),
    "segment.missing.task": ("scope", "ownership", "judgment"),
    "segment.missing.action": ("depth", "ownership"),
    "segment.missing.result": ("metrics", "follow_through", "verification"),
    "segment.missing.reflection": ("reflection", "learning"),
}
DEFAULT_TAGS = ("depth", "verification", "judgment", "trade_offs", "metrics")
_SEVERITY = {"critical": 3.0, "warning": 2.0, "info": 0.5}

HANDOFF = re.compile(
    r"\b(messaged|pinged|slacked|emailed|informed|notified|alerted|escalated|flagged|mentioned)\b"
    r"|\b(told|let) (them|their|the|him|her)\b"
    r"|\bthey (handled|fixed|dealt|took care|sorted|resolved|took it|took over|looked into)\b"
    r"|\b(handed|passed) (it|this|that) (off|over|on)\b"
    r"|\b(filed|opened|raised|created) (a|an) (ticket|bug|jira|issue)\b|\bleft it (to|with)\b"
)
SOLUTION = re.compile(
    r"\bi (wrote|built|fixed|brought|implemented|submitted|prepared|made|created|shipped|paired|"
    r"drafted|patched|designed|proposed|added|ran|reproduced|tested|deployed|stayed|checked in|"
    r"followed up|walked)\b|\bpull request\b|\b(complete|ready|working|tested) (fix|patch|solution|"
    r"change|pull request)\b|\bsolution\b"
)
VERIFY = re.compile(
    r"\b(verified|tested|reproduced|confirmed|measured|monitored|watched|load.tested|benchmarked|"
    r"compared|validated|replayed|canary|a/b|dashboard|metrics|graphs?|alarms?|before and after)\b"
)
UNVERIFIED = re.compile(
    r"\b(assumed|took it that|seemed|i think it|i guess|probably|hopefully|went away|never "
    r"(checked|measured|tested)|didn't (check|measure|test)|did not (check|measure|test))\b"
)
_LESSON_Q = re.compile(r"\b(differently|learn|lesson|again|change|improve|hindsight)\b", re.I)


def choose_probes(analysis: Analysis, scenario: Scenario, count: int = 3
                  ) -> tuple[ProbeChoice, ...]:
    """Chooses the follow-up probes that best target the weaknesses found.

    Each probe scores the severity of every finding whose weakness tags it shares; the best 2 to
    ``count`` are chosen. When too few probes target a weakness, the rest are filled with probes
    that test depth, verification or judgement, as a bar raiser would on a strong answer.

    Args:
        analysis: the analysed answer.
        scenario: the scenario (its probes carry weakness tags).
        count: most probes to choose.

    Returns:
        The chosen probes with the reason for each, best first.
    """
    if not scenario.probes or count <= 0:
        return ()
    scored = []
    for order, probe in enumerate(scenario.probes):
        score, why = 0.0, []
        for f in analysis.findings:
            shared = set(FINDING_TAGS.get(f.id, ())) & set(probe.tags)
            if shared:
                score += _SEVERITY.get(f.severity, 0.5) * len(shared)
                why.append(f"{f.id} ({', '.join(sorted(shared))})")
        scored.append((score, -order, probe, why))
    scored.sort(key=lambda x: (x[0], x[1]), reverse=True)
    chosen: list[ProbeChoice] = []
    for score, _, probe, why in scored:
        if score > 0 and len(chosen) < count:
            chosen.append(ProbeChoice(probe.id, probe.question,
                                      "targets " + "; ".join(dict.fromkeys(why)), probe.tags))
    want = min(max(2, len(chosen)), count, len(scenario.probes))
    if len(chosen) < want:
        taken = {c.id for c in chosen}
        rest = sorted((p for p in scenario.probes if p.id not in taken),
                      key=lambda p: -len(set(p.tags) & set(DEFAULT_TAGS)))
        for probe in rest[: want - len(chosen)]:
            tags = sorted(set(probe.tags) & set(DEFAULT_TAGS)) or list(probe.tags)
            chosen.append(ProbeChoice(
                probe.id, probe.question,
                "no weakness points here; a bar raiser still tests " + ", ".join(tags), probe.tags))
    return tuple(chosen)


def _first(text: str, words: Sequence[Word], pattern: re.Pattern[str]) -> tuple[str, float | None]:
    for u in split_units(words):
        if pattern.search(u.text.lower()):
            return u.text, u.start
    return "", None


def analyze_probe_answer(words: Sequence[Word], probe: Probe, scenario: Scenario
                         ) -> ProbeAnalysis:
    """Reads the answer to a follow-up probe.

    Looks for hand-off language ("I messaged them and they handled it") versus bringing a
    solution, claims of verification (and of its absence), specific versus generic lessons, and
    "we" in place of "I".

    Args:
        words: the answer's words.
        probe: the probe asked.
        scenario: the scenario (for its coaching text).

    Returns:
        The findings and whether the answer makes the story stronger, weaker or neither.
    """
    ws = sanitize(words)
    text = join(ws)
    low = text.lower().replace("’", "'")
    out: list[Finding] = []

    def add(fid: str, sev: str, pattern: re.Pattern[str] | None, msg: str) -> None:
        ev, at = _first(text, ws, pattern) if pattern is not None else ("", None)
        out.append(Finding(fid, None, sev, ev, at, msg))

    if len(tokens(text)) < 4:
        add("probe.no_answer", "critical", None,
            "There was no real answer. Even a short, honest answer beats silence: "
            + probe.key_line)
        return ProbeAnalysis(probe.id, probe.question, text, tuple(out), "weaker")
    handoff, solution = bool(HANDOFF.search(low)), bool(SOLUTION.search(low))
    if handoff and not solution:
        add("probe.hand_off", "critical", HANDOFF,
            "This hands the problem to someone else. " + probe.weak_why + " Say what you "
            "brought: " + probe.key_line)
    elif solution:
        add("probe.brought_solution", "info", SOLUTION,
            "You brought a solution, not just a problem.")
    tags = set(probe.tags)
    if "verification" in tags or "metrics" in tags:
        if UNVERIFIED.search(low) or not VERIFY.search(low):
            add("probe.no_verification", "warning", UNVERIFIED if UNVERIFIED.search(low) else None,
                "Nothing shows the fix was proven to work. " + probe.key_line)
        else:
            add("probe.verified", "info", VERIFY, "You said how you proved it worked.")
    if tags & {"reflection", "learning"} or _LESSON_Q.search(probe.question):
        concrete = bool(CONCRETE_CHANGE.search(low)) or len(set(content_stems(text))) >= 8
        if GENERIC.search(low) and not CONCRETE_CHANGE.search(low) or not concrete:
            add("probe.generic_lesson", "warning", GENERIC if GENERIC.search(low) else None,
                "A lesson anyone could give. " + probe.weak_why)
        else:
            add("probe.specific_lesson", "info", CONCRETE_CHANGE, "A specific, actionable lesson.")
    toks = tokens(text)
    n_i = sum(1 for t in toks if t in SUBJECT_I)
    n_we = sum(1 for t in toks if t in SUBJECT_WE)
    if n_we >= 2 and n_we > n_i:
        add("probe.we_language", "warning", re.compile(r"\bwe\b"),
            f'"we" {n_we} times and "I" {n_i}: say what you did.')
    bad = any(f.severity in ("warning", "critical") for f in out)
    good = any(f.severity == "info" for f in out)
    hint = "weaker" if bad else ("stronger" if good else "unchanged")
    return ProbeAnalysis(probe.id, probe.question, text, tuple(out), hint)
