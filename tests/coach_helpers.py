"""Hand-made timed words for the coaching engine's unit tests (fast fakes of a transcript)."""

from __future__ import annotations

from mockinterviewer.transcript import Word, is_filler

STRONG = [
    ("situation", "Last winter I worked on the billing team at a ride sharing company. While "
     "reading alerts for another project, I noticed that receipts for riders in Brazil were "
     "failing to send."),
    ("task", "The receipt service belonged to the notifications team, not my team, and nobody "
     "asked me to look at it, but riders needed those receipts for tax claims, so I took "
     "ownership."),
    ("action", "I pulled a week of failed sends and grouped them by error code. I traced the "
     "failures to a template that broke on accented names. I wrote a fix with tests for twelve "
     "languages, and I reproduced the bug locally before and after the change. I walked their "
     "lead through the pull request and I watched the send rate until it was deployed."),
    ("result", "Failed receipts went from about four thousand a day to zero, and support "
     "contacts about receipts fell by thirty five percent. The notifications team adopted my "
     "template test as a standard check for every new language."),
    ("reflection", "Looking back, the deeper gap was that no one tested templates with real "
     "names, so I proposed a shared corpus of international names that every template test now "
     "uses."),
]

WEAK = [
    ("situation", "At my old job we had an app that was sometimes slow for users."),
    ("task", "My manager asked me to make it faster."),
    ("action", "We looked at the code together and we found some slow queries. We fixed them "
     "and we deployed the change."),
    ("result", "After that the app was faster and people were happy."),
    ("reflection", "I learned that communication is really important."),
]


def speak(parts: list[tuple[str, str]], wps: float = 2.6, gap: float = 0.8, start: float = 0.5,
          fillers_every: int = 0) -> tuple[list[Word], dict[str, float]]:
    """Times the words of (label, text) parts as if spoken.

    Args:
        parts: the segments in order.
        wps: words per second.
        gap: silence between segments.
        start: when the first word starts.
        fillers_every: insert an "um" every this many words (0: none).

    Returns:
        (words, label -> time its first word starts).
    """
    words: list[Word] = []
    starts: dict[str, float] = {}
    t = start
    step = 1.0 / wps
    n = 0
    for label, text in parts:
        starts[label] = t
        for raw in text.split():
            n += 1
            if fillers_every and n % fillers_every == 0:
                words.append(Word("um", t, t + step * 0.8, filler=True))
                t += step
            words.append(Word(raw, t, t + step * 0.85, filler=is_filler(raw)))
            t += step
        t += gap
    return words, starts
