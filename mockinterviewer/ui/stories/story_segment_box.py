"""The story editor's building blocks: one STAR segment's box, and small widget factories.

:class:`SegmentBox` holds one segment of the user's story (its text, target seconds and signal
phrases); :func:`text_box` and :func:`action_button` build the editor's text fields and buttons.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

SEGMENT_HINTS = {
    "situation": "Where you were and what was wrong, in two or three sentences.",
    "task": "What was yours to do, and who (if anyone) asked you to do it.",
    "action": "What you did, step by step; start sentences with \"I\".",
    "result": "What changed, with numbers, and what outlived the fix.",
    "reflection": "What you learned or would do differently.",
}
"""The placeholder text of each segment's box: what to write there."""


def text_box(lines: int, name: str, placeholder: str = "") -> QPlainTextEdit:
    """A plain-text box ``lines`` lines high (scaled with the font) where Tab moves on.

    Args:
        lines: visible lines of text.
        name: the accessible name.
        placeholder: the text shown while the box is empty.

    Returns:
        The box.
    """
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)  # Tab moves on; the editor stays keyboard reachable
    frame = 2 * box.frameWidth() + 2 * int(box.document().documentMargin())
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + frame)  # scales with the font
    return box


def action_button(text: str, name: str, slot: Callable[[], object],
                  tip: str = "") -> QPushButton:
    """A push button that calls ``slot`` (without arguments) when clicked.

    Args:
        text: the button's text (with its ``&`` mnemonic).
        name: the accessible name.
        slot: what a click does.
        tip: the tool tip.

    Returns:
        The button.
    """
    button = QPushButton(text)
    button.setAccessibleName(name)
    button.setToolTip(tip)
    button.clicked.connect(lambda _=False: slot())
    return button


class SegmentBox(QGroupBox):
    """One STAR segment: its text, target seconds and signal phrases.

    Args:
        label: the segment's label (``situation``, ``task``...).
        parent: the parent widget.

    Attributes:
        text: the segment's text.
        target: its target seconds.
        phrases: its signal phrases, separated by ``;``.
        propose: the button that proposes phrases (connected by the editor).
    """

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(label.title(), parent)
        self.label = label
        name = label.title()
        self.text = text_box(6 if label == "action" else 4, f"{name} text",
                             SEGMENT_HINTS[label])
        self.target = QDoubleSpinBox()
        self.target.setRange(1, 600)
        self.target.setDecimals(0)
        self.target.setSuffix(" s")
        self.target.setAccessibleName(f"{name} target seconds")
        self.phrases = QLineEdit()
        self.phrases.setAccessibleName(f"{name} signal phrases")
        self.phrases.setPlaceholderText("Separate phrases with ;")
        self.phrases.setToolTip("Short phrases an interviewer should hear, separated by ;")
        self.propose = QPushButton("Propose")  # connected by the editor
        self.propose.setAccessibleName(f"Propose {label} signal phrases")
        self.propose.setToolTip("Suggest signal phrases from what you wrote")
        target_label = QLabel("Target:")
        target_label.setBuddy(self.target)
        phrases_label = QLabel("Signal phrases:")
        phrases_label.setBuddy(self.phrases)
        row = QHBoxLayout()
        row.addWidget(target_label)
        row.addWidget(self.target)
        row.addSpacing(self.fontMetrics().averageCharWidth() * 2)
        row.addWidget(phrases_label)
        row.addWidget(self.phrases, 1)
        row.addWidget(self.propose)
        lay = QVBoxLayout(self)
        lay.addWidget(self.text)
        lay.addLayout(row)

    def phrase_list(self) -> tuple[str, ...]:
        """The signal phrases typed, split on ";"."""
        return tuple(p.strip() for p in self.phrases.text().split(";") if p.strip())
