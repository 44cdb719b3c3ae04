"""A finding on the report: severity, what to do, the user's quoted words, and a play button.

Also the small text helpers shared by the report and the drill: how a follow-up answer moves the
verdict, and highlighting signal phrases in a strong example.
"""

from __future__ import annotations

import html
import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mockinterviewer.coach.reason_text import finding_sentence
from mockinterviewer.ui import theme
from mockinterviewer.ui.widgets.star_strip import format_seconds

log = logging.getLogger(__name__)

_SEVERITY_ROLE = {"critical": "bad", "warning": "warn", "info": "good"}


def hint_text(verdict_hint: str) -> str:
    """Says how a follow-up answer moves the verdict, e.g. "This answer makes the story
    stronger." for ``stronger``."""
    if verdict_hint in ("stronger", "weaker"):
        return f"This answer makes the story {verdict_hint}."
    return "This answer leaves the story as it was."


def highlight_phrases(text: str, phrases: tuple[str, ...] | list[str], mark: str) -> str:
    """Escapes ``text`` and highlights every occurrence of the phrases (case-insensitive).

    Args:
        text: plain text.
        phrases: phrases to mark.
        mark: background colour.

    Returns:
        HTML.
    """
    lower = text.lower()
    spans: list[tuple[int, int]] = []
    for p in sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True):
        start = lower.find(p.lower())
        while start >= 0:
            end = start + len(p)
            if not any(a < end and start < b for a, b in spans):
                spans.append((start, end))
            start = lower.find(p.lower(), end)
    out, pos = [], 0
    for a, b in sorted(spans):
        out.append(html.escape(text[pos:a]))
        out.append(f'<span style="background-color:{mark}">{html.escape(text[a:b])}</span>')
        pos = b
    out.append(html.escape(text[pos:]))
    return "".join(out)


class FindingCard(QFrame):
    """One finding: severity, what to do, the user's quoted words and a play button.

    Signals:
        play_requested: (seconds, recording kind) when the user clicks the card or its button.
    """

    play_requested = Signal(float, str)

    def __init__(self, finding: Any, kind: str = "answer", playable: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finding = finding
        self.kind = kind
        self.setObjectName("card")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 8, 10, 8)
        head = QHBoxLayout()
        sev = QLabel(finding.severity.title())
        sev.setProperty("role", _SEVERITY_ROLE.get(finding.severity, "muted"))
        sev.setFont(theme.scaled_font(None, 1.0, True))
        where = QLabel((finding.segment or "whole answer").title() + " · "
                       + finding_sentence(finding.id))
        where.setProperty("role", "muted")
        head.addWidget(sev)
        head.addWidget(where, 1)
        self.play_button: QPushButton | None = None
        if finding.start is not None and playable:
            self.play_button = QPushButton(f"▶ Play from {format_seconds(finding.start)}")
            self.play_button.setAccessibleName(
                f"Play your words at {format_seconds(finding.start)}")
            self.play_button.setToolTip("Hear what you said at this moment")
            self.play_button.clicked.connect(self._play)
            head.addWidget(self.play_button)
        lay.addLayout(head)
        # Plain, non-selectable labels: a click anywhere on the card reaches the card (and
        # plays), and plain text lays out several times faster than rich or selectable text.
        message = QLabel(finding.message)
        message.setTextFormat(Qt.TextFormat.PlainText)
        message.setWordWrap(True)
        lay.addWidget(message)
        self.quote: QLabel | None = None
        if finding.evidence:
            self.quote = QLabel(f"“{finding.evidence}”")
            self.quote.setTextFormat(Qt.TextFormat.PlainText)
            font = self.quote.font()
            font.setItalic(True)
            self.quote.setFont(font)
            self.quote.setWordWrap(True)
            self.quote.setAccessibleName("Your words")
            lay.addWidget(self.quote)
        self.setAccessibleName(f"{finding.severity} finding: {finding.message}")
        if self.play_button is not None:
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    def _play(self) -> None:
        if self.finding.start is not None:
            self.play_requested.emit(float(self.finding.start), self.kind)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        """A click anywhere on the card plays the moment."""
        if event.button() == Qt.MouseButton.LeftButton and self.play_button is not None:
            self._play()
        super().mouseReleaseEvent(event)
