"""Coverage: which principles have been practised, how well, and what to practise next."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mockinterviewer.content.model import Scenario
from mockinterviewer.store import HistoryStore, StoreError
from mockinterviewer.store.drill_records import without_drills
from mockinterviewer.store.insights import PrincipleCoverage, coverage
from mockinterviewer.ui.history.history_view import verdict_color

log = logging.getLogger(__name__)

COLUMNS: tuple[str, ...] = ("Principle", "Attempts", "Best", "Last verdict", "Last practised",
                            "Next scenario")


class CoverageView(QWidget):
    """Principles ordered by what to practise next (never practised, then weakest).

    Signals:
        practise(str): the user wants to practise this scenario id.
    """

    practise = Signal(str)

    def __init__(self, store: HistoryStore, scenarios: Sequence[Scenario],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.scenarios = list(scenarios)
        self._titles = {s.id: s.title for s in self.scenarios}
        self.rows: list[PrincipleCoverage] = []

        self.next_label = QLabel()
        self.next_label.setWordWrap(True)
        self.next_label.setTextFormat(Qt.TextFormat.RichText)
        self.next_button = QPushButton("&Practise next")
        self.next_button.setAccessibleName("Practise the suggested scenario")
        self.next_button.clicked.connect(self._practise_next)
        banner = QFrame()
        banner.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(banner)
        row.addWidget(self.next_label, 1)
        row.addWidget(self.next_button)

        self.summary = QLabel()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName("Principles")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        # Long scenario titles wrap; row heights follow the column widths as the window resizes.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _i: self._practise_selected())
        self.table.installEventFilter(self)
        self.selected_button = QPushButton("Practise &selected")
        self.selected_button.clicked.connect(self._practise_selected)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.selected_button)

        layout = QVBoxLayout(self)
        layout.addWidget(banner)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Enter practises the selected principle's suggested scenario."""
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):  # type: ignore[attr-defined]
            self._practise_selected()
            return True
        return super().eventFilter(watched, event)

    def refresh(self) -> None:
        """Reloads attempts from the store and re-ranks the principles."""
        try:
            attempts = without_drills(self.store.list(status="done"))  # whole answers only
        except StoreError as exc:
            log.warning("coverage: %s", exc)
            attempts = []
        self.rows = coverage(attempts, self.scenarios)
        self.table.setRowCount(len(self.rows))
        for r, cov in enumerate(self.rows):
            when = cov.last_at.astimezone().strftime("%Y-%m-%d") if cov.last_at else "never"
            nxt = self._titles.get(cov.next_scenario, cov.next_scenario)
            values = (cov.principle, str(cov.attempts), cov.best_verdict or "-",
                      cov.last_verdict or "-", when, nxt)
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if c == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                colour = verdict_color(text, self.palette()) if c in (2, 3) else None
                if colour is not None:
                    item.setForeground(QBrush(colour))
                if c == 0 and not cov.practised:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                item.setToolTip(f"{text} \u2014 {cov.reason}" if c == len(COLUMNS) - 1 else text)
                self.table.setItem(r, c, item)
        practised = sum(1 for c in self.rows if c.practised)
        self.summary.setText(f"{practised} of {len(self.rows)} principles practised")
        if self.rows:
            top = self.rows[0]
            title = self._titles.get(top.next_scenario, top.next_scenario)
            self.next_label.setText(
                f"<b>Practise next:</b> {top.principle} \u2014 <i>{title}</i><br>"
                f"<small>{top.reason}</small>")
            self.table.selectRow(0)
        else:
            self.next_label.setText("No scenarios found. Add scenario files to practise.")
        self.next_button.setEnabled(bool(self.rows))
        self.selected_button.setEnabled(bool(self.rows))

    def _practise_next(self) -> None:
        if self.rows:
            self.practise.emit(self.rows[0].next_scenario)

    def _practise_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.practise.emit(self.rows[rows[0].row()].next_scenario)
