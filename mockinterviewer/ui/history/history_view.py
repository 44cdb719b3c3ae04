"""History: a sortable, filterable table of past attempts; open one's report, or delete it."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mockinterviewer.content.model import LEVEL_NAMES, kebab
from mockinterviewer.errors import UserError
from mockinterviewer.store import Attempt, HistoryStore, StoreError, verdict_rank
from mockinterviewer.store.drill_records import mode_label
from mockinterviewer.store.export import render_csv, write_text
from mockinterviewer.store.loop_export import render_for_export
from mockinterviewer.store.loops import top_level
from mockinterviewer.ui import theme

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex
COLUMNS: tuple[str, ...] = ("Date", "Scenario", "Principle", "Level", "Mode", "Time",
                            "Words/min", "Fillers/min", "Verdict", "Status")


def verdict_color(verdict: str | None, palette: QPalette | None = None) -> QColor | None:
    """The colour a verdict is written in (from the theme, so it reads in light and dark).

    Args:
        verdict: Strong Hire, Hire, Leaning No Hire or No Hire.
        palette: the palette (default: the application's).

    Returns:
        The colour, or None for no verdict.
    """
    c = theme.colors(palette)
    names = {"Strong Hire": c.good, "Hire": c.good, "Leaning No Hire": c.warn, "No Hire": c.bad}
    return QColor(names[verdict]) if verdict in names else None
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    m, s = divmod(int(round(seconds)), 60)
    return f"{m}:{s:02d}"


class AttemptTableModel(QAbstractTableModel):
    """Attempts as table rows; the sort role gives raw values so numbers sort as numbers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Attempt] = []

    def set_attempts(self, attempts: list[Attempt]) -> None:
        """Replaces the rows."""
        self.beginResetModel()
        self._rows = list(attempts)
        self.endResetModel()

    def attempt(self, row: int) -> Attempt:
        """The attempt shown in a row."""
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Qt model API: one row per attempt."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Qt model API: the table's columns."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Qt model API: the column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Qt model API: a cell's text, sort key or attempt id."""
        if not index.isValid():
            return None
        a = self._rows[index.row()]
        col = index.column()
        if role == ID_ROLE:
            return a.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(a, col)
        if role == Qt.ItemDataRole.UserRole:  # sort key
            return self._sort_key(a, col)
        if role == Qt.ItemDataRole.ForegroundRole and col == 8:
            colour = verdict_color(a.verdict)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (5, 6, 7):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return a.prompt
        return None

    @staticmethod
    def _display(a: Attempt, col: int) -> str:
        values = (
            a.created_at.astimezone().strftime("%Y-%m-%d %H:%M"), a.scenario_id, a.principle,
            LEVEL_NAMES.get(a.level, a.level), mode_label(a.mode), _clock(a.total_seconds),
            "-" if a.words_per_minute is None else f"{a.words_per_minute:.0f}",
            "-" if a.fillers_per_minute is None else f"{a.fillers_per_minute:.1f}",
            a.verdict or "-", a.status,
        )
        return values[col]

    @staticmethod
    def _sort_key(a: Attempt, col: int) -> Any:
        if col == 0:
            return a.created_at.timestamp()
        if col in (5, 6, 7):
            value = (a.total_seconds, a.words_per_minute, a.fillers_per_minute)[col - 5]
            return -1.0 if value is None else value
        if col == 8:
            return verdict_rank(a.verdict)
        return AttemptTableModel._display(a, col).lower()


class AttemptFilter(QSortFilterProxyModel):
    """Filters by free text (any column), principle and status."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.principle = ""
        self.status = ""
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def set_filters(self, text: str, principle: str, status: str) -> None:
        """Sets the filters ("" matches everything)."""
        begin = getattr(self, "beginFilterChange", None)
        if begin is not None:  # Qt 6.9+
            begin()
        self.text, self.principle, self.status = text.strip().lower(), principle, status
        if begin is not None:
            self.endFilterChange()
        else:
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: _Index) -> bool:  # noqa: N802
        """Qt proxy API: whether a row passes the principle, mode and text filters."""
        model = self.sourceModel()
        if not isinstance(model, AttemptTableModel):
            return True
        a = model.attempt(row)
        if self.principle and kebab(a.principle) != self.principle:
            return False
        if self.status and a.status != self.status:
            return False
        if self.text:
            hay = " ".join(AttemptTableModel._display(a, c) for c in range(len(COLUMNS)))
            return all(part in f"{hay} {a.prompt}".lower() for part in self.text.split())
        return True


class HistoryView(QWidget):
    """Past attempts. Enter or double-click opens one; Delete removes it (after asking).

    Signals:
        open_attempt(int): the user wants to see this attempt's report.
    """

    open_attempt = Signal(int)

    def __init__(self, store: HistoryStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.model = AttemptTableModel(self)
        self.proxy = AttemptFilter(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(placeholderText="Filter: scenario, principle, verdict, words…")
        self.search.setAccessibleName("Filter attempts")
        self.search.setClearButtonEnabled(True)
        self.principle_box = QComboBox()
        self.principle_box.setAccessibleName("Principle")
        self.status_box = QComboBox()
        self.status_box.setAccessibleName("Status")
        for label, value in (("Any status", ""), ("Finished", "done"),
                             ("Unfinished", "unfinished"), ("Abandoned", "abandoned")):
            self.status_box.addItem(label, value)

        self.table = QTableView()
        self.table.setAccessibleName("Attempts")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self._open_selected())

        self.open_button = QPushButton("&Open report")
        self.export_button = QPushButton("&Export…")
        self.export_button.setToolTip("Save this attempt's report as HTML or Markdown")
        self.export_all_button = QPushButton("Export &all (CSV)…")
        self.delete_button = QPushButton("&Delete…")
        self.open_button.clicked.connect(self._open_selected)
        self.export_button.clicked.connect(self.export_selected)
        self.export_all_button.clicked.connect(self.export_all)
        self.delete_button.clicked.connect(self.delete_selected)
        self.count_label = QLabel()
        self.empty_label = QLabel("No attempts yet. Rehearse a scenario and it will appear here.")
        self.empty_label.setWordWrap(True)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.principle_box, 2)
        filters.addWidget(self.status_box, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.export_all_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.search.textChanged.connect(self._apply_filters)
        self.principle_box.currentIndexChanged.connect(self._apply_filters)
        self.status_box.currentIndexChanged.connect(self._apply_filters)
        self.table.installEventFilter(self)
        self.refresh()
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Enter opens the selected attempt; Delete deletes it (after asking)."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._open_selected()
                return True
            if key == Qt.Key.Key_Delete:
                self.delete_selected()
                return True
        return super().eventFilter(watched, event)

    def refresh(self) -> None:
        """Reloads the attempts from the store (a quick read)."""
        try:
            attempts = top_level(self.store.list())  # a loop stands for its answers
        except StoreError as exc:
            QMessageBox.warning(self, "History unavailable", str(exc))
            attempts = []
        self.model.set_attempts(attempts)
        current = self.principle_box.currentData() or ""
        self.principle_box.blockSignals(True)
        self.principle_box.clear()
        self.principle_box.addItem("All principles", "")
        names = sorted({a.principle for a in attempts})
        for name in names:
            self.principle_box.addItem(name, kebab(name))
        found = self.principle_box.findData(current)
        self.principle_box.setCurrentIndex(max(found, 0))
        self.principle_box.blockSignals(False)
        self.empty_label.setVisible(not attempts)
        self._apply_filters()

    def _apply_filters(self) -> None:
        self.proxy.set_filters(self.search.text(), self.principle_box.currentData() or "",
                               self.status_box.currentData() or "")
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        noun = "attempt" if total == 1 else "attempts"
        self.count_label.setText(f"{shown} of {total} {noun}" if shown != total
                                 else f"{total} {noun}")
        if shown and self.selected_id() is None:
            self.table.selectRow(0)
        for button in (self.open_button, self.export_button, self.delete_button):
            button.setEnabled(shown > 0)
        self.export_all_button.setEnabled(total > 0)

    def selected_id(self) -> int | None:
        """The selected attempt's id, if any."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return int(self.proxy.data(rows[0], ID_ROLE))

    def select_attempt(self, attempt_id: int) -> bool:
        """Selects an attempt's row; returns False when it is not shown."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if self.proxy.data(index, ID_ROLE) == attempt_id:
                self.table.selectRow(row)
                self.table.scrollTo(index)
                return True
        return False

    def _open_selected(self) -> None:
        attempt_id = self.selected_id()
        if attempt_id is not None:
            self.open_attempt.emit(attempt_id)

    def choose_file(self, title: str, suggested: str, filters: str) -> Path | None:
        """Asks where to save a file (a modal dialog); None when cancelled."""
        name, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / suggested), filters)
        return Path(name) if name else None

    def export_selected(self) -> Path | None:
        """Saves the selected attempt's report as HTML or Markdown (by the chosen name)."""
        attempt_id = self.selected_id()
        if attempt_id is None:
            return None
        out = self.choose_file("Export report", f"attempt-{attempt_id}.html",
                               "HTML report (*.html);;Markdown (*.md)")
        if out is None:
            return None
        fmt = "md" if out.suffix.lower() in (".md", ".markdown") else "html"
        try:
            write_text(render_for_export(self.store, self.store.get(attempt_id), fmt), out)
        except UserError as exc:
            QMessageBox.warning(self, "Could not export", str(exc))
            return None
        return out

    def export_all(self) -> Path | None:
        """Saves every attempt as one CSV file."""
        out = self.choose_file("Export all history", "mockinterviewer-history.csv",
                               "CSV (*.csv)")
        if out is None:
            return None
        try:
            write_text(render_csv(self.store.list()), out)
        except UserError as exc:
            QMessageBox.warning(self, "Could not export", str(exc))
            return None
        return out

    def confirm(self, question: str) -> bool:
        """Asks the user to confirm (a modal question)."""
        answer = QMessageBox.question(
            self, "Delete attempt", question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def delete_selected(self) -> bool:
        """Deletes the selected attempt and its audio after asking; returns True if deleted."""
        attempt_id = self.selected_id()
        if attempt_id is None:
            return False
        try:
            a = self.store.get(attempt_id)
        except StoreError as exc:
            QMessageBox.warning(self, "Could not delete", str(exc))
            self.refresh()
            return False
        files = len(a.recordings)
        question = (f"Delete the attempt of {a.created_at.astimezone():%Y-%m-%d %H:%M} "
                    f"({a.scenario_id})" + (f" and its {files} recording(s)" if files else "")
                    + "? This cannot be undone.")
        if not self.confirm(question):
            return False
        try:
            self.store.delete(attempt_id)
        except StoreError as exc:
            QMessageBox.warning(self, "Could not delete", str(exc))
            return False
        self.refresh()
        return True
