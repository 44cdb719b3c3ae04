"""The writer's own part names: "S: ... T: ...", "Situation - ...", "Result: ...", "lesson: ...".

People who prepare an answer in notes often name its parts themselves, and some say the names
aloud ("Situation. I was the night manager ..."). A named part is the writer's own split, as a
Space press is the speaker's: the unit the name heads takes that part, whatever the classifier
reads in its words. Only that unit: writers name some parts and not others ("context: ... goal:
... lesson: ..."), so the units after a name are left to the classifier, and the chain's STAR
order keeps them between the parts named before and after them.

A name is recognised only where it heads a unit: a part word ending with a colon ("Task:",
"lesson:", "what I did:"), or followed by a dash ("Situation - ..."). A single letter ("S:",
"R:", or a capital and a dash: "S - ...") or a bare part word said aloud ("Situation, I was ...",
"Task. I had to ...", as Whisper writes a spoken name) counts only in an answer that names at
least two different parts that way, so that a lone "A:" or "Result." in prose is not read as a
name. Nor is a part word inside a phrase of prose ("a very clear brief: the front bedroom and
nothing else").
"""

from __future__ import annotations

from collections.abc import Sequence

from mockinterviewer.coach.text import clean, ends_sentence
from mockinterviewer.content.model import SEGMENT_LABELS

# Heading words -> the part they name. Several words name a part ("goal", "aim", "outcome",
# "lesson"); the ones that often head context instead ("role", "problem", "me") are not here.
NAMES: dict[str, str] = {
    **dict.fromkeys(("situation", "sit", "context", "background", "setting"), "situation"),
    **dict.fromkeys(("task", "goal", "goals", "aim", "objective", "objectives", "brief",
                     "remit", "mission"), "task"),
    **dict.fromkeys(("action", "actions", "steps", "approach", "did"), "action"),
    **dict.fromkeys(("result", "results", "outcome", "outcomes", "impact", "headline", "tldr",
                     "tl;dr"), "result"),
    **dict.fromkeys(("reflection", "reflections", "lesson", "lessons", "learned", "learnt",
                     "learning", "learnings", "takeaway", "takeaways", "hindsight"),
                    "reflection"),
}
# Two-word names ("what I did:", "next time:") and the words that may lead a name ("my task:").
_PAIRS: dict[tuple[str, str], str] = {
    ("i", "did"): "action", ("next", "time"): "reflection", ("would", "change"): "reflection",
    ("i'd", "change"): "reflection", ("do", "differently"): "reflection",
    ("end", "result"): "result",
}
_LEADS = frozenset({"my", "our", "the", "what", "i'd", "key", "main", "final", "end", "overall"})
# Single letters name parts only in an answer that uses at least two of them.
_LETTERS = {"s": "situation", "t": "task", "a": "action", "r": "result", "l": "reflection"}
# Bare words that name a part said aloud, as Whisper writes them: a sentence of their own
# ("Task. I had to ...") or a word and a comma ("Situation, I was the night manager ...").
_SAID = frozenset({"situation", "task", "action", "result", "outcome", "reflection", "lesson"})
_DASHES = frozenset({"-", "–", "—", "->", ":"})


def _name_at(raw: Sequence[str]) -> tuple[str, int, str] | None:
    """The part a unit's first words name, how many words the name takes, and its kind:
    "named" (always counts), "letter" or "said" (count only where two parts are named so)."""
    if not raw:
        return None
    low = [clean(w) for w in raw[:4]]
    ends_colon = [w.rstrip().endswith(":") for w in raw[:4]]
    dash_after = [j + 1 < len(raw) and raw[j + 1].strip() in _DASHES for j in range(len(low))]
    lead = 0
    while lead < min(2, len(low) - 1) and low[lead] in _LEADS and not ends_colon[lead]:
        lead += 1
    for j in range(lead, min(lead + 2, len(low))):
        pair = _PAIRS.get((low[j - 1], low[j])) if j > 0 else None
        word = pair or (NAMES.get(low[j]) if j == lead else None)
        if word and (ends_colon[j] or dash_after[j]):
            return word, j + 1 + int(dash_after[j] and not ends_colon[j]), "named"
        if ends_colon[j]:
            break
    if lead == 0 and low[0] in _LETTERS and ends_colon[0] and len(raw[0].strip()) == 2:
        return _LETTERS[low[0]], 1, "letter"
    if lead == 0 and _dash_letter(raw, 0):
        return _LETTERS[low[0]], 2, "letter"
    if lead == 0 and low[0] in _SAID and (
            len(raw) == 1 and raw[0].rstrip().endswith(".") or raw[0].rstrip().endswith(",")):
        return NAMES[low[0]], 1, "said"
    return None


def _dash_letter(words: Sequence[str], k: int) -> bool:
    """Whether ``words[k]`` is a capital part letter followed by a dash ("S - ...")."""
    w = words[k].strip()
    return (len(w) == 1 and w in "STARL" and k + 1 < len(words)
            and words[k + 1].strip() in _DASHES and words[k + 1].strip() != ":")


def _letters(words: Sequence[str]) -> set[str]:
    return {clean(w) for k, w in enumerate(words)
            if (len(w.strip()) == 2 and w.strip().endswith(":") and clean(w) in _LETTERS)
            or _dash_letter(words, k)}


def _heads_here(words: Sequence[str], k: int, note_form: bool) -> bool:
    """Whether a name may start at ``words[k]``: the answer's first word, after punctuation or
    a symbol ("->", "/", "+"), or anywhere in note-form with no sentence end; not inside a
    phrase of prose ("with a very clear brief: straight up to the bedroom")."""
    if k == 0 or note_form or _dash_letter(words, k):
        return True  # a capital and a dash ("... stalling T - as QS") heads wherever it stands
    prev = words[k - 1].rstrip()
    return prev.endswith((".", ",", ";", ":", "!", "?", ")")) or not any(
        c.isalnum() for c in prev)


def named_parts(words: Sequence[str], starts: Sequence[int]) -> list[int | None]:
    """Per unit, the part its writer named for it (an index into ``SEGMENT_LABELS``), or None.

    Only the unit a name heads gets it. Writers name some parts and not others ("context: ...
    goal: ... lesson: ..."), so the units after a name are left to the classifier; the chain's
    order still keeps them between the parts named before and after them.

    Args:
        words: the answer's words as written (with their punctuation).
        starts: the index of each unit's first word, in order.

    Returns:
        One entry per unit.
    """
    note_form = not any(ends_sentence(w) for w in words)
    ends = [*starts[1:], len(words)]
    found = [_name_at(words[k: min(k + 4, e)]) if _heads_here(words, k, note_form) else None
             for k, e in zip(starts, ends, strict=True)]
    weak_parts = {f[0] for f in found if f is not None and f[2] != "named"}
    return [None if f is None or (f[2] != "named" and len(weak_parts) < 2)
            else SEGMENT_LABELS.index(f[0]) for f in found]


def name_starts(words: Sequence[str]) -> dict[int, int]:
    """Where a part name starts among an answer's words (as written) -> the index after it.

    Single letters ("S:") count only where the answer uses two different ones.
    """
    letters = _letters(words)
    note_form = not any(ends_sentence(w) for w in words)
    out: dict[int, int] = {}
    after = 0
    for k in range(len(words)):
        f = _name_at(words[k: k + 4]) if k >= after and _heads_here(words, k, note_form) else None
        if f is not None and f[2] != "said" and (f[2] != "letter" or len(letters) >= 2):
            after = out[k] = k + f[1]
    return out
