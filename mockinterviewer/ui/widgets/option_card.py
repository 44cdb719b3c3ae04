"""A clickable, focusable answer option whose text wraps (used by the Test screen)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from mockinterviewer.ui import theme

CARD_STYLE = """
QFrame#option { border: 1px solid palette(mid); border-radius: 8px; background: palette(base); }
QFrame#option:focus { border: 2px solid palette(highlight); }
QFrame#option[state="correct"] { border: 2px solid %(good)s; }
QFrame#option[state="wrong"] { border: 2px solid %(bad)s; }
QFrame#option[state="dim"] QLabel { color: %(muted)s; }
"""
"""Style for option cards; fill in ``good``, ``bad`` and ``muted`` colours with ``%``."""


class OptionCard(QFrame):
    """A clickable, focusable answer option whose text wraps (Space or Enter chooses it)."""

    clicked = Signal()

    def __init__(self, letter: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("option")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(12, 8, 12, 8)
        self.letter = QLabel(letter)
        self.letter.setFont(theme.scaled_font(None, 1.15, True))
        self.letter.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.letter)
        lay.addWidget(self.text, 1)
        self.setToolTip(f"Choose {letter} (key {letter})")

    def set_option(self, text: str) -> None:
        """Sets the option text."""
        self.text.setText(text)
        self.setAccessibleName(f"Option {self.letter.text()}: {text}")

    def set_state(self, state: str) -> None:
        """Marks the card: "" (open), "correct", "wrong" or "dim"."""
        self.setProperty("state", state)
        for w in (self, self.letter, self.text):  # labels too: the style dims their text
            w.style().unpolish(w)
            w.style().polish(w)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        """Chooses this option on a left click."""
        if event.button() == Qt.MouseButton.LeftButton and self.isEnabled():
            self.clicked.emit()
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        """Chooses this option on Space or Enter."""
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.clicked.emit()
            return
        super().keyPressEvent(event)
