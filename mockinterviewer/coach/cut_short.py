"""Answers that a fault cut short (a full disk, a lost microphone): what is judged and what is not.

A cut answer is judged only on what the user reached. The STAR parts after the last one heard were
never reached: their "missing" findings are held back, and so is the timing of the part the cut
fell in (it was stopped, not too short). When a part was never reached there is no verdict (the
answer was not finished); when all five were reached the verdict stands on the rest.
"""

from __future__ import annotations

from collections.abc import Sequence

from mockinterviewer.coach.types import Finding, SegmentResult
from mockinterviewer.content.model import SEGMENT_LABELS
from mockinterviewer.transcript import CutShort

__all__ = ["CutShort", "cut_reason", "describe", "hold_back", "last_heard", "minutes", "unreached"]

_WHY = {
    "disk": "the recording could not be saved",
    "microphone": "the microphone stopped working",
}
CUT_REASON_PREFIX = "cut short: "
"""The verdict reason a cut answer carries in JSON (``cut short: <seconds> s (<reason>)...``)."""


def minutes(seconds: float) -> str:
    """Formats seconds as m:ss (29.4 -> "0:29")."""
    total = max(0, int(seconds))
    return f"{total // 60}:{total % 60:02d}"


def describe(cut: CutShort) -> str:
    """One sentence for the user: where the answer was cut and why."""
    why = _WHY.get(cut.reason, "recording failed")
    if cut.reason == "disk" and "disk is full" in cut.detail:
        why = "the disk was full"
    return f"Your answer was cut short at {minutes(cut.seconds)} because {why}."


def unreached(segments: Sequence[SegmentResult]) -> tuple[str, ...]:
    """The STAR parts after the last one heard (in STAR order): the cut came before them."""
    by_label = {s.label: s for s in segments}
    heard = [i for i, label in enumerate(SEGMENT_LABELS)
             if label in by_label and by_label[label].status != "missing"]
    last = heard[-1] if heard else -1
    return tuple(label for label in SEGMENT_LABELS[last + 1:] if label in by_label)


def last_heard(segments: Sequence[SegmentResult]) -> str | None:
    """The last STAR part heard (the one a cut fell in), None when none was."""
    heard = [s.label for s in segments if s.status != "missing"]
    order = [label for label in SEGMENT_LABELS if label in heard]
    return order[-1] if order else None


def hold_back(findings: Sequence[Finding], segments: Sequence[SegmentResult]
              ) -> tuple[tuple[Finding, ...], tuple[Finding, ...]]:
    """Splits a cut answer's findings into those that stand and those held back.

    Held back: every finding about a part never reached, and the "too short" timing of the part
    the cut fell in.

    Args:
        findings: the findings of the kept part, judged as if it were whole.
        segments: its segments.

    Returns:
        (kept, held back), each in the original order.
    """
    never = set(unreached(segments))
    cut_in = last_heard(segments)
    kept: list[Finding] = []
    held: list[Finding] = []
    for f in findings:
        if (f.segment in never or f.id.startswith(tuple(f"segment.missing.{p}" for p in never))
                or (cut_in is not None and f.id == f"timing.{cut_in}.under")):
            held.append(f)
        else:
            kept.append(f)
    return tuple(kept), tuple(held)


def cut_reason(cut: CutShort, never: Sequence[str]) -> str:
    """The verdict reason (JSON) of a cut answer: where, why, and the parts never reached."""
    parts = ", ".join(never) if never else "none"
    return (f"{CUT_REASON_PREFIX}{cut.seconds:.1f} s ({cut.reason}); not reached: {parts}"
            + ("; verdict held back" if never else ""))


def explain(cut: CutShort, segments: Sequence[SegmentResult]) -> str:
    """What the report says about a cut answer: where and why, what is not judged, and what to
    do (answer again)."""
    never = [p.title() for p in unreached(segments)]
    text = describe(cut)
    if never:
        names = never[0] if len(never) == 1 else ", ".join(never[:-1]) + " and " + never[-1]
        text += (f" You never reached the {names}, so {'it is' if len(never) == 1 else 'they are'}"
                 " not judged and there is no verdict.")
    else:
        text += " The last part you reached is not judged for its length."
    return text + " Press Retry to answer the question again."
