"""The verdict's reasons in words a user understands.

``Analysis.verdict_reasons`` (the JSON, and what the history stores) name findings by id with
their weights: ``timing.situation.under (+0.25) ("…")``. :func:`plain_reasons` turns each into a
sentence for the report screen, the exports and the command line's text output; the ids stay in
the JSON. Reasons of attempts saved by older versions read the same way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mockinterviewer.coach.cut_short import CUT_REASON_PREFIX, minutes

_SEGMENTS = ("situation", "task", "action", "result", "reflection")

# id -> the sentence (without a final full stop)
FINDING_SENTENCES: dict[str, str] = {
    "timing.total.over": "The whole answer ran over its time budget",
    "delivery.fillers": "Many filler words (um, uh) broke up the answer",
    "delivery.long_pause": "A long pause broke the flow",
    "delivery.pace_fast": "You spoke too fast to follow easily",
    "delivery.pace_slow": "You spoke slowly enough to lose the listener",
    "delivery.monotone": "Your voice stayed flat, with little rise and fall in pitch",
    "delivery.trailing_off": "Your voice faded at the ends of sentences",
    "delivery.quiet": "You spoke too quietly for the microphone",
    "language.hedging": "Hedges (“I think”, “sort of”) undersold what you did",
    "language.pet_phrase": "A pet phrase came back again and again",
    "action.we_language": "The Action said “we” where the interviewer needs what you did",
    "initiation.assigned": "The work sounded assigned to you rather than taken on by you",
    "task.no_scope_boundary": "The Task did not say where your responsibility ended",
    "result.not_quantified": "The Result had no number to show the impact",
    "result.no_second_order": "The Result showed no effect that lasted beyond the fix",
    "reflection.generic": "The Reflection was generic rather than about this story",
    "phrases.coverage": "Which of the phrases a strong answer uses were heard",
    "probe.brought_solution": "You brought a solution, not only the problem",
    "probe.generic_lesson": "The lesson was generic",
    "probe.hand_off": "You handed the problem off",
    "probe.no_answer": "The follow-up question was not answered",
    "probe.no_verification": "You did not say how you checked that it worked",
    "probe.specific_lesson": "A lesson specific to this story",
    "probe.verified": "You said how you checked that it worked",
    "probe.we_language": "The follow-up answer said “we” where the interviewer needs “I”",
}
for _s in _SEGMENTS:
    FINDING_SENTENCES[f"segment.missing.{_s}"] = f"The answer never told the {_s.title()}"
    FINDING_SENTENCES[f"timing.{_s}.under"] = f"The {_s.title()} was too short for its target"
    FINDING_SENTENCES[f"timing.{_s}.over"] = f"The {_s.title()} ran over its target time"

_ID = r"[a-z_]+(?:\.[a-z_0-9]+)+"
_CRITICAL = re.compile(rf'^critical: ({_ID})(?: \("(.*)"\))?$', re.S)
_WEIGHTED = re.compile(rf'^({_ID}) \(\+([0-9.]+)\)(?: \("(.*)"\))?$', re.S)
_SUMMARY = re.compile(r"^(\d+) critical, ([0-9.]+) points of warnings -> (.+)$")
_FOLLOW = re.compile(r"^follow-up: (.+?): (.+) -> (.+)$")
_CUT = re.compile(r"^cut short: ([0-9.]+) s \((\w+)\); not reached: ([a-z, ]+?)(; verdict held "
                  r"back)?$")
_CUT_WHY = {"disk": "the recording could not be saved",
            "microphone": "the microphone stopped working"}


def finding_sentence(finding_id: str) -> str:
    """A finding's id as a short sentence (no final full stop); unknown ids read by their words
    ("language.pet_phrase" -> "Language: pet phrase")."""
    known = FINDING_SENTENCES.get(finding_id)
    if known is not None:
        return known
    area, _, rest = finding_id.partition(".")
    words = rest.replace(".", " ").replace("_", " ").strip()
    return f"{area.replace('_', ' ').capitalize()}: {words}" if words else area.capitalize()


def _evidence(text: str | None) -> str:
    return f" You said: “{text}”" if text else ""


def _join(labels: Sequence[str]) -> str:
    names = [f"the {x.strip().title()}" for x in labels if x.strip()]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def plain_reason(reason: str) -> str:
    """One verdict reason as a sentence (a reason already in words is returned as it is)."""
    text = reason.strip()
    if m := _CRITICAL.match(text):
        return f"Critical: {finding_sentence(m.group(1))}.{_evidence(m.group(2))}"
    if m := _WEIGHTED.match(text):
        minor = " (a minor point)" if float(m.group(2)) < 1 else ""
        return f"{finding_sentence(m.group(1))}{minor}.{_evidence(m.group(3))}"
    if m := _SUMMARY.match(text):
        crit, points, verdict = int(m.group(1)), float(m.group(2)), m.group(3)
        problems = f"{crit} critical problem{'s' if crit != 1 else ''}"
        return (f"Overall: {problems} and {points:g} point{'s' if points != 1 else ''} of "
                f"smaller ones, so {verdict}.")
    if text.startswith("strengths: "):
        return f"Strengths: {text[len('strengths: '):]}."
    if text.startswith("bar for "):
        return f"The bar for {text[len('bar for '):]}"
    if m := _FOLLOW.match(text):
        return (f"Follow-ups: {m.group(1)}, moving the verdict from {m.group(2)} to "
                f"{m.group(3)}.")
    if text.startswith(CUT_REASON_PREFIX) and (m := _CUT.match(text)):
        why = _CUT_WHY.get(m.group(2), "recording failed")
        never = [x for x in m.group(3).split(",") if x.strip() and x.strip() != "none"]
        out = f"Your answer was cut short at {minutes(float(m.group(1)))} because {why}."
        if never:
            names = _join(never)
            out += (f" {names[:1].upper()}{names[1:]} {'was' if len(never) == 1 else 'were'} "
                    "never reached, so they are not judged and there is no verdict.")
        return out
    return text


def plain_reasons(reasons: Sequence[str]) -> tuple[str, ...]:
    """Every verdict reason as a sentence, in order (see :func:`plain_reason`)."""
    return tuple(plain_reason(str(r)) for r in reasons)
