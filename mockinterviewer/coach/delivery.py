"""Delivery: pace, hesitations and pauses, and the whole-answer metrics."""

from __future__ import annotations

from collections.abc import Sequence

from mockinterviewer.coach.text import PRONOUNS_I, PRONOUNS_WE, clean
from mockinterviewer.coach.types import Finding, Metrics
from mockinterviewer.transcript import Word, is_filler

PACE_FAST = 185.0  # words a minute
PACE_SLOW = 110.0
LONG_PAUSE = 3.0  # seconds
FILLERS_PER_MINUTE = 4.0


def _filler(w: Word) -> bool:
    return w.filler or is_filler(w.word)


def compute_metrics(words: Sequence[Word], budget: float, tolerance: float, timed: bool,
                    duration: float | None = None) -> Metrics:
    """Whole-answer numbers.

    Args:
        words: ordered words.
        budget: the level's budget in seconds.
        tolerance: fraction of a target that still counts as on time.
        timed: False for written answers.
        duration: length of the recording, used when there are no words.

    Returns:
        The metrics.
    """
    toks = [clean(w.word) for w in words]
    i_count = sum(1 for t in toks if t in PRONOUNS_I)
    we_count = sum(1 for t in toks if t in PRONOUNS_WE)
    fillers = sum(1 for w in words if _filler(w))
    total = (words[-1].end - words[0].start) if words else float(duration or 0.0)
    minutes = total / 60.0
    spoken = len(words) - fillers
    longest, longest_at = 0.0, None
    for a, b in zip(words, words[1:], strict=False):
        gap = b.start - a.end
        if gap > longest:
            longest, longest_at = gap, a.end
    return Metrics(
        words_per_minute=spoken / minutes if minutes > 0 else 0.0,
        fillers_per_minute=fillers / minutes if minutes > 0 else 0.0,
        filler_count=fillers,
        i_count=i_count,
        we_count=we_count,
        total_seconds=total,
        budget_seconds=budget,
        longest_pause=longest if timed else 0.0,
        longest_pause_start=longest_at if timed else None,
        word_count=len(words),
        tolerance=tolerance,
        timed=timed,
    )


def _context(words: Sequence[Word], i: int, before: int = 3, after: int = 4) -> str:
    return " ".join(w.word.strip() for w in words[max(0, i - before): i + after])


def delivery_findings(words: Sequence[Word], metrics: Metrics) -> list[Finding]:
    """Pace, hesitation and pause findings (only for timed answers).

    Args:
        words: ordered words.
        metrics: the answer's metrics.

    Returns:
        The findings.
    """
    if not metrics.timed or len(words) < 10 or metrics.total_seconds < 10:
        return []
    out = []
    if metrics.filler_count >= 3 and metrics.fillers_per_minute > FILLERS_PER_MINUTE:
        i = next(k for k, w in enumerate(words) if _filler(w))
        out.append(Finding(
            "delivery.fillers", None,
            "warning" if metrics.fillers_per_minute > 2 * FILLERS_PER_MINUTE else "info",
            _context(words, i), words[i].start,
            f"{metrics.filler_count} hesitations ({metrics.fillers_per_minute:.1f} a minute). "
            "Pause silently instead: a second of silence sounds confident, an 'um' does not."))
    if metrics.words_per_minute > PACE_FAST:
        out.append(Finding(
            "delivery.pace_fast", None,
            "warning" if metrics.words_per_minute > PACE_FAST + 25 else "info",
            "", None,
            f"{metrics.words_per_minute:.0f} words a minute is fast; aim for 130 to 170 so the "
            "interviewer can take notes."))
    elif metrics.words_per_minute < PACE_SLOW:
        out.append(Finding(
            "delivery.pace_slow", None, "info", "", None,
            f"{metrics.words_per_minute:.0f} words a minute is slow; aim for 130 to 170, and "
            "rehearse the story until the order comes without searching."))
    if metrics.longest_pause > LONG_PAUSE and metrics.longest_pause_start is not None:
        i = next((k for k, w in enumerate(words) if w.end >= metrics.longest_pause_start), 0)
        out.append(Finding(
            "delivery.long_pause", None,
            "warning" if metrics.longest_pause > 2 * LONG_PAUSE else "info",
            _context(words, i + 1, before=3, after=3), metrics.longest_pause_start,
            f"A {metrics.longest_pause:.1f} s silence. If you need to think, say so briefly "
            "(\"let me pick the best example\") rather than going quiet mid-story."))
    return out
