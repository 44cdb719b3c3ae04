"""Home's "Due today" panel: how many question phrasings are due for review, and a button that
rehearses the most overdue one (the schedule is :mod:`mockinterviewer.store.due`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mockinterviewer.store.due import DueItem, describe_due
from mockinterviewer.ui import theme


class DuePanel(QFrame):
    """Shows "Due today: N" and offers the most overdue phrasing.

    Signals:
        rehearse_requested: (scenario_id, prompt) of the most overdue phrasing.
    """

    rehearse_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setAccessibleName("Questions due for review")
        self.due: list[DueItem] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 8)
        text = QVBoxLayout()
        self.count_label = theme.style_heading(QLabel("Due today: 0"), 1.1)
        self.count_label.setAccessibleName("Due today")
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setProperty("role", "muted")
        text.addWidget(self.count_label)
        text.addWidget(self.detail)
        row.addLayout(text, 1)
        self.button = QPushButton("Rehearse the &next due")
        self.button.setAccessibleName("Rehearse the most overdue question")
        self.button.setToolTip("Answer the question that has waited longest past its review day "
                               "(Alt+N)")
        self.button.clicked.connect(self._rehearse)
        row.addWidget(self.button)
        self.set_due([], date.today())

    def set_due(self, items: Sequence[DueItem], today: date,
                principles: Mapping[str, str] | None = None,
                upcoming: DueItem | None = None) -> None:
        """Shows the phrasings due today.

        Args:
            items: the due phrasings, most overdue first (see ``store.due.due_today``).
            today: the day they are due on.
            principles: scenario id -> principle name, for the detail line.
            upcoming: the next phrasing to come due when none is due now.
        """
        self.due = list(items)
        names = principles or {}
        self.count_label.setText(f"Due today: {len(self.due)}")
        self.button.setEnabled(bool(self.due))
        if self.due:
            first = self.due[0]
            where = names.get(first.scenario_id, "")
            self.detail.setText(f"Most overdue ({describe_due(first, today)}): "
                                f"{where + ': ' if where else ''}“{first.prompt}”")
        elif upcoming is not None:
            self.detail.setText(f"Nothing to review today. Next: “{upcoming.prompt}” "
                                f"{describe_due(upcoming, today)}.")
        else:
            self.detail.setText("Questions you answer come back for review: a weak answer the "
                                "next day, a strong one in about two weeks.")

    def _rehearse(self) -> None:
        if self.due:
            self.rehearse_requested.emit(self.due[0].scenario_id, self.due[0].prompt)
