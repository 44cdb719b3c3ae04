"""Transcripts on screen: the live one while the user speaks, and the report's coloured one.

Fillers ("um", "uh") are highlighted with the palette's mark colour; words are coloured by the
STAR segment they fall in (from the user's "next segment" marks live, from the analysis in the
report).
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QWidget

from mockinterviewer.content.model import SEGMENT_LABELS
from mockinterviewer.transcript import Word, is_filler
from mockinterviewer.ui import theme

log = logging.getLogger(__name__)


def word_html(word: Word, mark: str) -> str:
    """One word as HTML, a filler highlighted.

    Args:
        word: the word.
        mark: background colour for fillers (``#rrggbb``).

    Returns:
        Escaped HTML.
    """
    text = html.escape(word.word.strip())
    if word.filler or is_filler(word.word):
        return f'<span style="background-color:{mark}" title="filler"><i>{text}</i></span>'
    return text


def label_for_time(t: float, marks: Sequence[float]) -> str:
    """The segment a moment falls in, given the "next segment" marks.

    Args:
        t: seconds into the recording.
        marks: times at which the user moved to the next segment.

    Returns:
        A STAR label (the last one for every mark past the fifth).
    """
    n = sum(1 for m in marks if m <= t)
    return SEGMENT_LABELS[min(n, len(SEGMENT_LABELS) - 1)]


def segments_html(segments: Sequence[Any], palette: QPalette | None = None,
                  empty: str = "Nothing was transcribed.") -> str:
    """The report's transcript: one paragraph per STAR segment, coloured, fillers highlighted.

    Args:
        segments: ``coach.SegmentResult`` values (label, words, text, status).
        palette: the palette (default: the application's).
        empty: text shown when there are no words.

    Returns:
        HTML for a QTextBrowser.
    """
    c = theme.colors(palette)
    parts: list[str] = []
    for seg in segments:
        words = tuple(getattr(seg, "words", ()) or ())
        if not words and not getattr(seg, "text", ""):
            continue
        color = theme.segment_color(seg.label, palette).name()
        body = " ".join(word_html(w, c.mark) for w in words) if words else html.escape(seg.text)
        parts.append(
            f'<p style="margin-bottom:8px"><span style="color:{color}; font-weight:bold">'
            f"{html.escape(seg.label.title())}</span> "
            f'<span style="color:{c.muted}">({seg.seconds:.0f} s)</span><br>'
            f'<span style="color:{color}">{body}</span></p>'
        )
    if not parts:
        return f'<p style="color:{c.muted}">{html.escape(empty)}</p>'
    return "".join(parts)


class LiveTranscript(QTextBrowser):
    """The transcript as it is spoken: words appear as each utterance is transcribed.

    Words are coloured by the segment the user's marks put them in; fillers are highlighted.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words: list[Word] = []
        self.marks: list[float] = []
        self.placeholder = "Your words appear here as you speak."
        self.setAccessibleName("Live transcript")
        self.setOpenLinks(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QTextBrowser.Shape.StyledPanel)
        self._render()

    @property
    def text(self) -> str:
        """The words so far as plain text."""
        return " ".join(w.word.strip() for w in self.words if w.word.strip())

    def clear_words(self, placeholder: str | None = None) -> None:
        """Empties the transcript (new answer)."""
        self.words = []
        self.marks = []
        if placeholder is not None:
            self.placeholder = placeholder
        self._render()

    def append_words(self, words: Sequence[Word]) -> None:
        """Adds newly transcribed words (connect the session's ``words`` signal here).

        Args:
            words: the new words, in time order.
        """
        self.words.extend(w for w in words if isinstance(w, Word))
        self.words.sort(key=lambda w: w.start)
        self._render()

    def set_words(self, words: Sequence[Word]) -> None:
        """Replaces the words (e.g. with the final transcript)."""
        self.words = sorted((w for w in words if isinstance(w, Word)), key=lambda w: w.start)
        self._render()

    def set_marks(self, marks: Sequence[float]) -> None:
        """Sets the "next segment" times used to colour the words."""
        self.marks = list(marks)
        self._render()

    def _render(self) -> None:
        c = theme.colors(self.palette())
        if not self.words:
            self.setHtml(f'<p style="color:{c.muted}">{html.escape(self.placeholder)}</p>')
            return
        out: list[str] = []
        current = None
        for w in self.words:
            label = label_for_time((w.start + w.end) / 2, self.marks) if self.marks else None
            if label != current:
                if current is not None:
                    out.append("</span>")
                color = theme.segment_color(label, self.palette()).name() if label else c.text
                out.append(f'<span style="color:{color}">')
                current = label
            out.append(word_html(w, c.mark))
        out.append("</span>")
        self.setHtml("<p>" + " ".join(out) + "</p>")
        self.moveCursor(QTextCursor.MoveOperation.End)
        self.ensureCursorVisible()
