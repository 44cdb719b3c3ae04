"""Content rules that a well-formed file can still break (run by ``content check``; no Qt).

The loader (:mod:`mockinterviewer.content.loader`) checks that a file is well formed. These checks
read the content the way a bar raiser would and report, one message per problem:

* practice questions whose key is the single longest option (a test-wise guess passes), per file
  and over the library;
* hints that name their answer;
* level budgets that break the seed's rule (SDE 1 about 120 s, Senior at most 180 s, SDE 2 in
  between) and model answers that do not fit their segment targets when read aloud;
* signal phrases that the matcher does not find in their own strong example;
* probes that mostly test another principle, or whose weak and strong answers do not differ;
* numbers in probes, practice questions and the weak answer that restate a fact of the story
  (listed under ``[[facts]]``) with a different value.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from mockinterviewer.coach.phrases import answer_stems, phrase_said
from mockinterviewer.coach.text import stem, tokens
from mockinterviewer.content.model import PRINCIPLES, Fact, PracticeQuestion, Scenario

log = logging.getLogger(__name__)

MAX_LONGEST_SHARE = 0.35
"""Most share of questions whose key is the single longest option (per file and overall)."""
MIN_COUNTED_PER_FILE = 3
"""A file's own share is judged only when it has at least this many counted questions."""
WORDS_PER_MINUTE = 150.0
"""Reading speed for a model answer."""
READ_FIT = (0.8, 1.1)
"""A model answer's read time, as a share of its segment's SDE 2 target."""
SDE1_BUDGET = (105.0, 135.0)
"""About two minutes."""
SENIOR_BUDGET = (150.0, 180.0)
"""Two and a half to three minutes."""
OWN_PROBE_SHARE = 0.75
"""Least share of a scenario's probes that test its own principle."""

_NORM_RE = re.compile(r"[^a-z0-9]+")


def _norm(text: str) -> str:
    text = text.lower().replace("'", "").replace("\u2019", "")
    return " " + _NORM_RE.sub(" ", text).strip() + " "


def principle_names(principle: str) -> tuple[str, ...]:
    """The ways a text can name a principle: its full name and its distinctive parts.

    Args:
        principle: e.g. "Have Backbone; Disagree and Commit".

    Returns:
        Normalised names, e.g. ("have backbone disagree and commit", "have backbone",
        "disagree and commit", "backbone").
    """
    full = _norm(principle).strip()
    names = {full}
    for part in re.split(r"[;,]", principle):
        part = _norm(part).strip()
        if len(part.split()) >= 2:
            names.add(part)
    extra = {
        "insist on the highest standards": ("highest standards",),
        "strive to be earths best employer": ("best employer",),
        "success and scale bring broad responsibility": ("broad responsibility",),
        "have backbone disagree and commit": ("backbone",),
        "are right a lot": ("right a lot",),
        "learn and be curious": ("be curious",),
        "hire and develop the best": ("develop the best",),
    }
    names.update(extra.get(full, ()))
    return tuple(sorted(names, key=len, reverse=True))


def is_principle_question(q: PracticeQuestion) -> bool:
    """Tells whether a question asks "which principle" (every option is a principle's name)."""
    known = {_norm(p) for p in PRINCIPLES}
    return bool(q.options) and all(_norm(o) in known for o in q.options)


def key_is_longest(q: PracticeQuestion) -> bool:
    """Tells whether the correct option is strictly longer than every other option."""
    key = len(q.options[q.answer])
    return all(key > len(o) for i, o in enumerate(q.options) if i != q.answer)


def hint_names_answer(q: PracticeQuestion) -> bool:
    """Tells whether a question's hint gives its answer away.

    A "which principle" hint gives it away when it names the answer principle (or a distinctive
    part of its name); any other hint when it quotes four or more words of the key in a row.
    """
    hint = _norm(q.hint)
    key = q.options[q.answer]
    if is_principle_question(q):
        return any(f" {n} " in hint for n in principle_names(key))
    words = _norm(key).split()
    return any(" " + " ".join(words[i:i + 4]) + " " in hint for i in range(len(words) - 3))


@dataclass(frozen=True)
class LongestShare:
    """How many counted questions of a file have the single longest option as their key."""

    where: str
    longest: int
    counted: int

    @property
    def share(self) -> float:
        """The share (0 when nothing was counted)."""
        return self.longest / self.counted if self.counted else 0.0

    def line(self) -> str:
        """e.g. ``customer-obsession: 1 of 5 (20%)``."""
        return f"{self.where}: {self.longest} of {self.counted} ({self.share:.0%})"


def longest_shares(scenarios: Sequence[Scenario]) -> tuple[list[LongestShare], LongestShare]:
    """The longest-option share per scenario and over all of them ("which principle" excluded).

    Args:
        scenarios: the library.

    Returns:
        (one share per scenario that has practice questions, the overall share).
    """
    rows = []
    for s in scenarios:
        counted = [q for q in s.practice if not is_principle_question(q)]
        if counted:
            rows.append(LongestShare(s.id, sum(map(key_is_longest, counted)), len(counted)))
    overall = LongestShare("overall", sum(r.longest for r in rows), sum(r.counted for r in rows))
    return rows, overall


def read_seconds(text: str) -> float:
    """Seconds to read ``text`` aloud at :data:`WORDS_PER_MINUTE`."""
    return len(text.split()) * 60.0 / WORDS_PER_MINUTE


def _question_problems(s: Scenario) -> list[str]:
    out = []
    for i, q in enumerate(s.practice):
        if hint_names_answer(q):
            out.append(f"practice[{i}].hint: names its answer "
                       f"({q.answer_letter}: \"{q.options[q.answer]}\")")
    return out


def _budget_problems(s: Scenario) -> list[str]:
    budgets = {lv.id: lv.budget_seconds for lv in s.levels}
    if set(budgets) != {"sde1", "sde2", "senior"}:
        return []
    sde1, sde2, senior = budgets["sde1"], budgets["sde2"], budgets["senior"]
    out = []
    if not SDE1_BUDGET[0] <= sde1 <= SDE1_BUDGET[1]:
        out.append(f"levels.sde1.budget_seconds: {sde1:g} s; SDE 1 is about two minutes "
                   f"({SDE1_BUDGET[0]:g}-{SDE1_BUDGET[1]:g} s)")
    if not SENIOR_BUDGET[0] <= senior <= SENIOR_BUDGET[1]:
        out.append(f"levels.senior.budget_seconds: {senior:g} s; Senior is two and a half to "
                   f"three minutes ({SENIOR_BUDGET[0]:g}-{SENIOR_BUDGET[1]:g} s)")
    if not sde1 < sde2 < senior:
        out.append(f"levels.sde2.budget_seconds: {sde2:g} s; SDE 2 must lie between SDE 1 "
                   f"({sde1:g} s) and Senior ({senior:g} s)")
    return out


def _read_time_problems(s: Scenario) -> list[str]:
    out = []
    lo, hi = READ_FIT
    for i, seg in enumerate(s.segments):
        took = read_seconds(seg.strong_example)
        if seg.target_seconds > 0 and not lo <= took / seg.target_seconds <= hi:
            out.append(f"segments[{i}].strong_example: reads in {took:.0f} s at "
                       f"{WORDS_PER_MINUTE:g} words a minute, {took / seg.target_seconds:.0%} of "
                       f"its {seg.target_seconds:g} s target (expected {lo:.0%}-{hi:.0%})")
    return out


def _phrase_problems(s: Scenario) -> list[str]:
    out = []
    for i, seg in enumerate(s.segments):
        stems = answer_stems(seg.strong_example)
        for j, phrase in enumerate(seg.signal_phrases):
            if not phrase_said(phrase, stems):
                out.append(f"segments[{i}].signal_phrases[{j}]: \"{phrase}\" is not found in "
                           "its own strong example")
    return out


def _probe_problems(s: Scenario) -> list[str]:
    if not s.probes:
        return []
    out = []
    for i, p in enumerate(s.probes):
        if not p.principle:
            out.append(f"probes[{i}].principle: missing; tag the principle the probe tests")
        if _norm(p.weak_answer) == _norm(p.strong_answer):
            out.append(f"probes[{i}]: the weak and strong answers are the same")
    own = sum(1 for p in s.probes if p.principle == s.principle)
    need = math.ceil(OWN_PROBE_SHARE * len(s.probes))
    if own < need:
        out.append(f"probes: {own} of {len(s.probes)} test {s.principle}; at least {need} must")
    return out


# -- numbers ----------------------------------------------------------------------------------

_WORD_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "hundred": 100,
}
_NUMBER_RE = re.compile(
    r"(?<![\w.])(?P<cur>\$)?(?P<num>\d[\d,]*(?:\.\d+)?|\b(?:" + "|".join(_WORD_NUMBERS) + r")\b)"
    r"(?P<mul>[kKmM]\b)?\s*(?P<unit>%|x\b|\u00d7|percent\b)?", re.IGNORECASE)


@dataclass(frozen=True)
class Number:
    """A number found in a text: its value, its kind and where it sits (token index)."""

    value: float
    kind: str
    text: str
    at: int


def _parse(match: re.Match[str]) -> tuple[float, str]:
    raw = match.group("num").lower()
    value = float(_WORD_NUMBERS[raw]) if raw in _WORD_NUMBERS else float(raw.replace(",", ""))
    mul = (match.group("mul") or "").lower()
    value *= {"k": 1e3, "m": 1e6}.get(mul, 1.0)
    unit = (match.group("unit") or "").lower()
    if match.group("cur"):
        return value, "$"
    if unit in ("%", "percent"):
        return value, "%"
    if unit in ("x", "\u00d7"):
        return value, "x"
    return value, ""


def numbers_in(text: str) -> list[Number]:
    """The numbers of a text with their kind ($, %, x, or the unit word that follows, stemmed).

    A plain number takes the first word after it as its unit ("40 services" is of kind
    "servic"; "forty other services" of kind "other"): :func:`number_problems` compares a plain
    number with a fact only when the fact's unit word is among the four words that follow.
    """
    out = []
    for m in _NUMBER_RE.finditer(text):
        value, kind = _parse(m)
        at = len(tokens(text[: m.start()]))
        out.append(Number(value, kind, m.group(0).strip(), at))
    return out


def _fact_number(fact: Fact) -> tuple[float, str, str]:
    """(value, kind, unit stem) of a fact; the unit stem is set for a plain number."""
    found = numbers_in(fact.value)
    if not found:
        return math.nan, "", ""
    n = found[0]
    rest = tokens(fact.value[fact.value.find(n.text) + len(n.text):])
    return n.value, n.kind, (stem(rest[0]) if n.kind == "" and rest else "")


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _same_kind(fact: Fact, number: Number, toks: list[str]) -> bool:
    value, kind, unit = _fact_number(fact)
    if math.isnan(value):
        return False
    if kind:
        return number.kind == kind
    return number.kind not in ("$", "%", "x") and unit in toks[number.at + 1: number.at + 5]


def _restated(fact: Fact, number: Number, toks: list[str], window: int) -> bool:
    if not _same_kind(fact, number, toks):
        return False
    near = set(toks[max(0, number.at - window): number.at + window + 1])
    return any(all(stem(w) in near for w in tokens(cue)) for cue in fact.cues)


def number_problems(s: Scenario, window: int = 6) -> list[str]:
    """Numbers that restate a fact of the story with a different value.

    Every ``[[facts]]`` value must appear in the story (overview, summary, strong examples). A
    number in a probe, a practice question or the weak answer restates a fact when it is of the
    fact's kind and one of the fact's cues sits within ``window`` words of it; it must then equal
    the value of a fact of its kind.

    Args:
        s: the scenario.
        window: words either side of a number searched for cues.

    Returns:
        One message per problem.
    """
    out = []
    story = " ".join([s.overview, s.summary] + [seg.strong_example for seg in s.segments])
    story_numbers = numbers_in(story)
    for i, fact in enumerate(s.facts):
        value, kind, _ = _fact_number(fact)
        if math.isnan(value):
            out.append(f"facts[{i}].value: \"{fact.value}\" holds no number")
        elif not any(_same(n.value, value) and n.kind in (kind, "") for n in story_numbers):
            out.append(f"facts[{i}].value: \"{fact.value}\" does not appear in the story")
    for where, text in _restating_texts(s):
        toks = [stem(t) for t in tokens(text)]
        for n in numbers_in(text):
            facts = [f for f in s.facts if _restated(f, n, toks, window)]
            # "39 of 42 packages": a number may stand next to another fact's cue; it is wrong only
            # when it equals no fact of its kind.
            kin = [f for f in s.facts if _same_kind(f, n, toks)]
            if facts and not any(_same(n.value, _fact_number(f)[0]) for f in kin):
                told = ", ".join(f"\"{f.value}\"" for f in facts)
                out.append(f"{where}: \"{n.text}\" restates {told} from the story with a "
                           "different number")
    return out


def _restating_texts(s: Scenario) -> Iterable[tuple[str, str]]:
    for i, p in enumerate(s.probes):
        for name in ("question", "weak_answer", "strong_answer", "key_line"):
            yield f"probes[{i}].{name}", getattr(p, name)
    for i, q in enumerate(s.practice):
        yield f"practice[{i}].prompt", q.prompt
        for j, o in enumerate(q.options):
            yield f"practice[{i}].options[{j}]", o
        for j, step in enumerate(q.steps):
            yield f"practice[{i}].steps[{j}]", step
        yield f"practice[{i}].hint", q.hint
    if s.weak_answer:
        yield "weak_answer.text", s.weak_answer.text


# -- the whole library ------------------------------------------------------------------------


def scenario_problems(s: Scenario) -> list[str]:
    """Every content problem of one built-in scenario (a user's story is not judged).

    Args:
        s: the scenario.

    Returns:
        Messages of the form ``<file>: <field>: <problem>``.
    """
    if s.kind != "scenario":
        return []
    found = (_question_problems(s) + _budget_problems(s) + _read_time_problems(s)
             + _phrase_problems(s) + _probe_problems(s) + number_problems(s))
    return [f"{s.source or s.id}: {m}" for m in found]


def library_problems(scenarios: Sequence[Scenario]) -> list[str]:
    """Every content problem of the library, including the longest-option share.

    Args:
        scenarios: the loaded scenarios.

    Returns:
        One message per problem; empty when the content passes.
    """
    out = [m for s in scenarios for m in scenario_problems(s)]
    rows, overall = longest_shares([s for s in scenarios if s.kind == "scenario"])
    sources = {s.id: s.source or s.id for s in scenarios}
    for r in rows:
        if r.counted >= MIN_COUNTED_PER_FILE and r.share > MAX_LONGEST_SHARE:
            out.append(f"{sources[r.where]}: practice: the key is the single longest option in "
                       f"{r.longest} of {r.counted} questions ({r.share:.0%}; at most "
                       f"{MAX_LONGEST_SHARE:.0%})")
    if overall.counted and overall.share > MAX_LONGEST_SHARE:
        out.append(f"practice: the key is the single longest option in {overall.longest} of "
                   f"{overall.counted} questions over the library ({overall.share:.0%}; at most "
                   f"{MAX_LONGEST_SHARE:.0%})")
    for m in out:
        log.debug("content check: %s", m)
    return out
