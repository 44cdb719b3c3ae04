"""Signal phrases: which ones an answer said (or closely paraphrased), and proposing new ones."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from mockinterviewer.coach.text import STOPWORDS, has_number, stem, tokens
from mockinterviewer.content.model import Scenario

# Pronouns and negations carry the meaning of short signal phrases ("I traced", "nobody asked"),
# so they are kept when matching.
_KEEP = frozenset({"i", "we", "my", "our", "not", "no", "nobody", "never", "without"})
_KEEP_STEMS = frozenset(stem(k) for k in _KEEP)


def _key_stems(text: str) -> list[str]:
    out = []
    for t in tokens(text):
        if t in _KEEP or t not in STOPWORDS or any(c.isdigit() for c in t):
            out.append(stem(t))
    return out


def phrase_said(phrase: str, answer_tokens: Sequence[str], window_slack: int = 3) -> bool:
    """Tells whether a phrase, or a close paraphrase of it, occurs in an answer.

    A paraphrase counts when, within a window a few words longer than the phrase, the answer has
    the phrase's pronouns and negations, and its content stems: all of them for up to two, three
    quarters of them for more ("took ownership" matches "take ownership"; "no one asked me"
    matches "nobody asked"; "my job ended there" does not match "at my last job").

    Args:
        phrase: the signal phrase.
        answer_tokens: the answer's stems (see :func:`answer_stems`).
        window_slack: extra words allowed in the window.

    Returns:
        True when said.
    """
    keys = _key_stems(phrase)
    if not keys:
        return False
    anchors = {k for k in keys if k in _KEEP_STEMS}  # pronouns and negations: all required
    content = set(keys) - anchors
    need = len(content) if len(content) <= 2 else math.ceil(0.75 * len(content))
    # The window counts every word of the answer, stopwords included, so it is sized on the
    # phrase's own word count: "wrong that it was the whole story" has three key stems but seven
    # words, and said word for word it must still fit.
    width = max(len(keys), len(tokens(phrase))) + window_slack
    for i in range(len(answer_tokens)):
        window = set(answer_tokens[i: i + width])
        if anchors <= window and len(content & window) >= need:
            return True
    return False


def answer_stems(text: str) -> list[str]:
    """The answer's stems in order, for :func:`phrase_said`."""
    return [stem(t) for t in tokens(text)]


def coverage(text: str, scenario: Scenario) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Which of the scenario's signal phrases the answer said.

    Args:
        text: the answer.
        scenario: the scenario.

    Returns:
        (phrases said, phrases missed), each in the scenario's order without repeats.
    """
    stems = answer_stems(text)
    said: list[str] = []
    missed: list[str] = []
    seen: set[str] = set()
    for seg in scenario.segments:
        for p in seg.signal_phrases:
            if p.lower() in seen:
                continue
            seen.add(p.lower())
            (said if phrase_said(p, stems) else missed).append(p)
    return tuple(said), tuple(missed)


_LABEL_PATTERNS: dict[str, tuple[str, ...]] = {
    "situation": (r"\bi (noticed|saw|found|spotted|realized)\b(\s+\w+){0,3}",
                  r"\bno (alert|ticket|owner|monitoring|tests?)\b",
                  r"\b(customers?|users?) (were|had|kept|could not|couldn't)\b(\s+\w+){0,2}"),
    "task": (r"\b(nobody|no one) (had )?(asked|assigned|owned)\b(\s+me)?",
             r"\bnot (my|our) (team|job|service|code|responsibility)\b",
             r"\b(outside|beyond) (my|our) \w+",
             r"\bi (decided|chose|set out|wanted) to \w+(\s+\w+)?",
             r"\b(take|took) ownership\b", r"\bmy goal was to \w+(\s+\w+)?"),
    "action": (r"\bi [a-z]+ed\b(\s+(the|a|an|my|every|each|their|our)\b)?(\s+\w+)?",
               r"\bi (wrote|built|ran|found|met|brought|led|made|set up|sat)\b(\s+\w+){0,2}"),
    "result": (r"\bfrom (about |roughly |around )?[\w.$%,]+( [\w.$%,]+){0,3}? to [\w.$%,]+"
               r"( (percent|a day|a week|a month|ms|seconds|minutes|hours|days))?",
               r"\b(by|to|of) (about |roughly |around )?[\w.$%,-]+( \w+)? (percent|%)",
               r"\b(adopted|became the standard|became the default)\b(\s+\w+){0,3}",
               r"[\w$.,]*\d[\w.%,]*( \w+){0,2}"),
    "reflection": (r"\b(looking back|in hindsight)\b", r"\bi (now|always) \w+(\s+\w+){0,2}",
                   r"\bi (proposed|introduced|added) (a|an|the)? ?\w+(\s+\w+){0,2}",
                   r"\bthe (real|deeper|bigger) (gap|problem|lesson|cause)\b"),
}


def propose_signal_phrases(text: str, label: str, limit: int = 4) -> tuple[str, ...]:
    """Proposes signal phrases for a segment of the user's own story.

    Picks the short phrases an interviewer listens for in that segment: first-person verbs in the
    Action, before-and-after numbers in the Result, scope boundaries in the Task, and so on.

    Args:
        text: the segment's text.
        label: situation, task, action, result or reflection.
        limit: most phrases to return.

    Returns:
        Up to ``limit`` phrases taken verbatim from the text, without repeats.
    """
    low = re.sub(r"\s+", " ", text.replace("’", "'")).strip()
    found: list[tuple[int, str]] = []
    for rank, pattern in enumerate(_LABEL_PATTERNS.get(label, ())):
        for m in re.finditer(pattern, low, flags=re.IGNORECASE):
            phrase = m.group(0).strip(" ,.;:")
            if len(phrase.split()) >= 2 or (label == "result" and has_number(phrase)):
                found.append((rank, phrase))
    out: list[str] = []
    for _, phrase in sorted(found, key=lambda x: x[0]):
        key = phrase.lower()
        if all(key not in o.lower() and o.lower() not in key for o in out):
            out.append(phrase)
        if len(out) >= limit:
            break
    return tuple(out)
