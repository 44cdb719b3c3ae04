"""Evidence-based findings: what an answer's words proved or failed to prove.

Every finding quotes the user's own words (the sentence it rests on, with its start time) and
coaches with the scenario's own coaching and common-mistake text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mockinterviewer.coach.text import (
    STOPWORDS,
    SUBJECT_I,
    SUBJECT_WE,
    content_stems,
    has_number,
    tokens,
    word_set,
)
from mockinterviewer.coach.types import Finding, Metrics, SegmentResult
from mockinterviewer.coach.units import split_units
from mockinterviewer.content.model import Scenario

ASSIGNED = re.compile(
    r"\b(my|our|the) (manager|boss|lead|director|team lead|tech lead|pm|product manager|"
    r"supervisor|vp|cto|skip|architect)( \w+)? (asked|told|wanted|assigned|gave|tasked|put|had|"
    r"handed|sent) (me|us)\b"
    r"|\bi was (asked|told|assigned|tasked|given|instructed|directed|handed|put on)\b"
    r"|\b(was|got|been) assigned\b|\bassigned (to )?me\b|\b(asked|told) me to\b"
    r"|\bgave me (the|a|this) (task|ticket|project|job)\b|\bi got (a|the) ticket\b"
)
NEGATION = re.compile(r"\b(nobody|no one|no-one|not|never|without|n't|neither|nor)\b|n't\b")
SCOPE = re.compile(
    r"\b(not|wasn't|was not|isn't|is not) (really )?(part of )?(my|our|me|us)\b"
    r"|\bnot (to )?(us|me)\b|\b(outside|beyond) (of )?(my|our|the) (team|remit|scope|role|area|"
    r"responsibilit|job|org)"
    r"|\b(nobody|no one|no-one) (had |ever )?(asked|assigned|owned|told|requested|filed|"
    r"reported)"
    r"|\bno (ticket|owner|bug|jira|one owned|one was assigned)\b|\bwithout being (asked|told)\b"
    r"|\b(on my own|my own) (initiative|time)\b|\b(not|wasn't|never) assigned\b"
    r"|\b(belonged to|owned by|run by|maintained by) (another|a different|the [\w'-]+( \w+)?) team"
    r"|\b(another|a different) team('s)?\b|\bother team's\b|\bthe other team\b"
    r"|\bnot on (my|our) roadmap\b|\bvolunteered\b"
    r"|\bunasked\b|\bside project\b|\bnot my (job|problem|call)\b"
)
SECOND_ORDER = re.compile(
    r"\badopt(ed|s|ing)?\b|\bbecame (the|a|our|their|an) \w*\s?(standard|default|norm|template|"
    r"requirement|practice|check|step|pattern|process|habit|routine|ritual|rule|policy|baseline)"
    r"|\bnow (the|a|an|our|their) (\w+ ){0,2}(standard|default|norm|template|requirement|practice|"
    r"check|step|pattern|process|habit|routine|rule|policy|baseline)\b"
    r"|\b(step|stage|part) of (every|each|all)\b"
    r"|\b(made|make) \w+( \w+){0,2} (the|a) (standard|default)\b|\bthe (standard|default|norm)\b"
    r"|\b(reused|re-used|copied|replicated|spread)\b|\brolled (it )?out (to|across)\b"
    r"|\bteams? (were|are|now|started|have been) (using|use|adopted|running)\b"
    r"|\bnow (use|uses|runs|run|part of|required|standard)\b|\bstill (use|uses|in use|running|runs)"
    r"|\b(since then|ever since|to this day|going forward)\b|\b(playbook|official|"
    r"required check|mandatory|company-wide|org-wide|across the (company|org|organization))\b"
    r"|\b(other|every|all|more|two|three|several) (teams|groups|orgs|services)\b"
    r"|\bas (the|a|our|their) (model|template|standard|blueprint|basis|reference) for\b"
    r"|\bfor (every|all|each|other) (team|teams|group|groups|service|services)\b"
)
GENERIC = re.compile(
    r"\b(communication|teamwork|team work|collaboration|working together|planning|testing|"
    r"quality|documentation)\b[^.]{0,40}\b(is|are) (really |very |so |super |extremely )?"
    r"(important|key|essential|crucial|vital)"
    r"|\b(is|are) (really |very |so |super |extremely )?(important|key|essential|crucial|useful|"
    r"valuable|vital|helpful)\b|\bimportance of\b|\blearned (a lot|so much|many things)\b"
    r"|\b(should )?always (test|communicate|care|ask|double.check|be careful|be)\b"
    r"|\bbe more (careful|proactive|communicative)\b|\bcommunicate (more|better|earlier)\b"
    r"|\bteamwork\b|\bwork(ing)? together\b"
)
CONCRETE_CHANGE = re.compile(
    r"\b(so i|i now|now i|i've since|since then i|which (we|i|is|are) now|and now)\b"
    r"|\bi (proposed|added|started|built|wrote|introduced|created|set up|changed|made|began|run)\b"
)
_VAGUE = word_set("""problem issue thing things team work project time people code way lot
    learn learned learnt lesson important always never next would earlier better more really
    look make sure good""")

LABEL_NAMES = {"situation": "Situation", "task": "Task", "action": "Action", "result": "Result",
               "reflection": "Reflection"}


def _sentences(seg: SegmentResult) -> list[tuple[str, float]]:
    return [(u.text, u.start) for u in split_units(seg.words)] or [(seg.text, seg.start)]


def _find(segs: Sequence[SegmentResult], pattern: re.Pattern[str], negate: bool = False
          ) -> tuple[str, float, str] | None:
    """The first sentence matching ``pattern``: (its text, its start, its segment's label)."""
    for seg in segs:
        for text, start in _sentences(seg):
            low = text.lower().replace("’", "'")
            for m in pattern.finditer(low):
                if negate and NEGATION.search(low[max(0, m.start() - 30): m.start()]):
                    continue
                return text, start, seg.label
    return None


def _advice(scenario: Scenario, label: str, mistake: bool = False) -> str:
    spec = scenario.segment(label)
    if spec is None:
        return ""
    return spec.common_mistake if mistake else spec.coaching


def _when(start: float | None, timed: bool) -> float | None:
    return start if timed else None


def scope_matters(scenario: Scenario) -> bool:
    """Whether the scenario's principle hinges on self-started work outside one's remit."""
    tags = {t for p in scenario.probes for t in p.tags}
    return bool(tags & {"scope", "initiative"})


def content_findings(segments: Sequence[SegmentResult], scenario: Scenario, level: str,
                     timed: bool) -> list[Finding]:
    """Findings about what the words proved: ownership, scope, results, reflection, gaps.

    Args:
        segments: the five segments (missing ones included).
        scenario: the scenario answered.
        level: sde1, sde2 or senior.
        timed: whether the times are real (else evidence has no start time).

    Returns:
        The findings, in STAR order.
    """
    out: list[Finding] = []
    by = {s.label: s for s in segments}
    present = [s for s in segments if s.status != "missing"]
    for s in segments:
        if s.status == "missing":
            sev = "critical" if s.label in ("action", "result") else "warning"
            out.append(Finding(f"segment.missing.{s.label}", s.label, sev, "", None,
                               f"No {LABEL_NAMES[s.label]} was found in the answer. "
                               + _advice(scenario, s.label)))
    if not present:
        return out
    ownership = scope_matters(scenario)
    early = [s for s in present if s.label in ("situation", "task", "action")]
    hit = _find(early, ASSIGNED, negate=True)
    if hit:
        out.append(Finding(
            "initiation.assigned", hit[2], "critical" if ownership else "warning", hit[0],
            _when(hit[1], timed),
            "The work was handed to you, which removes the ownership signal. "
            + _advice(scenario, "task", mistake=ownership)))
    if ownership and not _find(early, SCOPE):
        task = by["task"] if by["task"].status != "missing" else present[0]
        out.append(Finding(
            "task.no_scope_boundary", "task", "warning", task.text[:160],
            _when(task.start, timed),
            "Nothing says this was outside your remit or that nobody asked you. "
            + _advice(scenario, "task")))
    action = by["action"]
    if action.status != "missing":
        toks = tokens(action.text)
        n_i = sum(1 for t in toks if t in SUBJECT_I)
        n_we = sum(1 for t in toks if t in SUBJECT_WE)
        if n_we >= 2 and n_we >= 0.5 * n_i:
            hit = _find([action], re.compile(r"\bwe\b"))
            out.append(Finding(
                "action.we_language", "action", "critical" if n_we > n_i else "warning",
                hit[0] if hit else action.text[:160], _when(hit[1] if hit else action.start, timed),
                f'Your Action says "we" {n_we} times and "I" {n_i} times, so what you did '
                "yourself is invisible. " + _advice(scenario, "action")))
    result, reflection = by["result"], by["reflection"]
    if result.status != "missing":
        if not has_number(result.text):
            out.append(Finding(
                "result.not_quantified", "result", "warning", result.text[:160],
                _when(result.start, timed),
                "The Result has no number: no metric, percentage, money, time or count. "
                + _advice(scenario, "result")))
        later = result.text + " " + (reflection.text if reflection.status != "missing" else "")
        if not SECOND_ORDER.search(later.lower()):
            out.append(Finding(
                "result.no_second_order", "result", "info" if level == "sde1" else "warning",
                result.text[:160], _when(result.start, timed),
                "Nothing lasted beyond the fix: no one adopted it, it did not become a standard. "
                + _advice(scenario, "result")))
    if reflection.status != "missing" and reflection_is_generic(reflection.text, present):
        out.append(Finding(
            "reflection.generic", "reflection", "warning", reflection.text[:200],
            _when(reflection.start, timed),
            "That lesson could close any story. " + _advice(scenario, "reflection", mistake=True)
            + " " + _advice(scenario, "reflection")))
    return out


def reflection_is_generic(text: str, segments: Sequence[SegmentResult]) -> bool:
    """Whether a reflection is a lesson anyone could say.

    A reflection is specific when it names something from the story (at least two content words
    shared with the other segments) and a concrete change the speaker made; a stock phrase
    ("communication is important") with no such anchor is generic.

    Args:
        text: the reflection.
        segments: the present segments (the rest of the story).

    Returns:
        True when generic.
    """
    rest: set[str] = set()
    for s in segments:
        if s.label != "reflection":
            rest.update(content_stems(s.text))
    mine = {t for t in content_stems(text) if t not in _VAGUE and t not in STOPWORDS}
    overlap = len(mine & rest)
    low = text.lower().replace("’", "'")
    concrete = bool(CONCRETE_CHANGE.search(low)) or has_number(low)
    if GENERIC.search(low):
        return not (concrete and overlap >= 2)
    return not concrete and overlap < 2


def timing_findings(segments: Sequence[SegmentResult], metrics: Metrics,
                    scenario: Scenario) -> list[Finding]:
    """Segments over or under their targets, and the whole answer against its budget."""
    out = []
    tol = metrics.tolerance
    for s in segments:
        if s.status not in ("over", "under") or s.target_seconds <= 0:
            continue
        if s.status == "over":
            sev = "warning"
            msg = (f"{LABEL_NAMES[s.label]} took {s.seconds:.0f} s against a target of "
                   f"{s.target_seconds:.0f} s (more than {tol:.0%} over). ")
            advice = _advice(scenario, s.label, mistake=s.label == "situation")
        else:
            sev = "warning" if s.seconds < 0.5 * s.target_seconds else "info"
            msg = (f"{LABEL_NAMES[s.label]} took {s.seconds:.0f} s against a target of "
                   f"{s.target_seconds:.0f} s (more than {tol:.0%} under). ")
            advice = _advice(scenario, s.label)
        out.append(Finding(f"timing.{s.label}.{s.status}", s.label, sev, s.text[:120], s.start,
                           msg + advice))
    if metrics.budget_seconds > 0 and metrics.total_seconds > metrics.budget_seconds * (1 + tol):
        out.append(Finding("timing.total.over", None, "warning", "", None,
                           f"The answer took {metrics.total_seconds:.0f} s against a budget of "
                           f"{metrics.budget_seconds:.0f} s; interviewers stop listening."))
    return out
