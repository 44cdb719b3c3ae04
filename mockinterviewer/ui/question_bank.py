"""The question bank: every question phrasing by principle, how it has gone, when it is due for
review (see :mod:`mockinterviewer.store.due`), and "Surprise me". Sorted by principle, or by due
date (due now, coming up, not practised yet)."""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Literal

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mockinterviewer.content.bank import (
    VERDICT_WEIGHT,
    BankEntry,
    Stats,
    bank_entries,
    pick_surprise,
    surprise_weight,
)
from mockinterviewer.content.model import Scenario, kebab
from mockinterviewer.store.due import DueItem, describe_due, order_by_due

__all__ = ["VERDICT_WEIGHT", "BankEntry", "QuestionBankView", "Stats", "bank_entries", "by_due",
           "pick_surprise", "surprise_weight"]

log = logging.getLogger(__name__)

_ROLE = Qt.ItemDataRole.UserRole

SortOrder = Literal["principle", "due"]


def by_due(entries: Iterable[BankEntry], due: Mapping[str, DueItem],
           today: date) -> list[tuple[str, list[BankEntry]]]:
    """The entries grouped as :func:`mockinterviewer.store.due.order_by_due` groups prompts."""
    entries = list(entries)
    return [(title, [e for p in prompts for e in entries if e.prompt == p])
            for title, prompts in order_by_due(dict.fromkeys(e.prompt for e in entries), due,
                                               today)]


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    """An item's children (Qt types a child as optional; an index in range always has one)."""
    return [c for c in (item.child(i) for i in range(item.childCount())) if c is not None]


def _top_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    """A tree's top-level items (the principle or due-date groups)."""
    return [t for t in (tree.topLevelItem(i) for i in range(tree.topLevelItemCount()))
            if t is not None]


class _WrapDelegate(QStyledItemDelegate):
    """Gives question rows the height their wrapped text needs at the column's width."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self._tree = tree

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt API
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        if index.column() != 0:
            return hint
        depth = 1 if index.parent().isValid() else 0
        margin = 12  # text padding and focus frame, in pixels
        width = self._tree.header().sectionSize(0) - self._tree.indentation() * (depth + 1)
        if width <= margin:
            return hint
        rect = option.fontMetrics.boundingRect(QRect(0, 0, width - margin, 100_000),
                                               Qt.TextFlag.TextWordWrap, str(index.data()))
        return QSize(hint.width(), max(hint.height(), rect.height() + 6))


class QuestionBankView(QWidget):
    """Browsable question phrasings by principle, with practice stats and "Surprise me".

    Signals:
        rehearse(scenario_id, prompt): the user chose a question to rehearse.
    """

    rehearse = Signal(str, str)

    def __init__(self, scenarios: Iterable[Scenario],
                 stats_provider: Callable[[], Stats] | None = None,
                 parent: QWidget | None = None,
                 due_provider: Callable[[], Mapping[str, DueItem]] | None = None,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self.setAccessibleName("Question bank")
        self.stats_provider = stats_provider
        self.due_provider = due_provider
        self.today = today
        self._due: dict[str, DueItem] = {}
        self.rng = random.Random()
        self._stats: dict[str, tuple[int, str | None]] = {}
        self._entries: list[BankEntry] = []

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Filter by words, principle or story title")
        self.filter_edit.setAccessibleName("Filter questions")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.filter_edit.returnPressed.connect(self._focus_first_match)
        filter_label = QLabel("&Filter:")
        filter_label.setBuddy(self.filter_edit)
        self.surprise_button = QPushButton("&Surprise me")
        self.surprise_button.setAccessibleName("Surprise me")
        self.surprise_button.setToolTip("Pick a question for me, favouring ones I have practised "
                                        "least")
        self.surprise_button.clicked.connect(self.surprise)
        top = QHBoxLayout()
        top.addWidget(filter_label)
        top.addWidget(self.filter_edit, 1)
        sort_label = QLabel("S&ort:")
        self.sort_combo = QComboBox()
        self.sort_combo.addItem("By principle", "principle")
        self.sort_combo.addItem("By due date", "due")
        self.sort_combo.setAccessibleName("Sort questions")
        self.sort_combo.setToolTip("By principle, or by when each question is due for review")
        sort_label.setBuddy(self.sort_combo)
        self.sort_combo.currentIndexChanged.connect(lambda _i: self._rebuild())
        top.addWidget(sort_label)
        top.addWidget(self.sort_combo)
        top.addWidget(self.surprise_button)

        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Questions by principle")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(["Question", "Practised", "Best verdict", "Due"])
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setUniformRowHeights(False)
        self.tree.setItemDelegate(_WrapDelegate(self.tree))
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.sectionResized.connect(lambda *_: self.tree.doItemsLayout())  # re-wrap rows
        self.tree.currentItemChanged.connect(self._show_current)
        self.tree.itemActivated.connect(self._activate)

        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        self.detail = QLabel("Choose a question, or press Surprise me.")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAccessibleName("Chosen question")
        self.rehearse_button = QPushButton("&Rehearse this question")
        self.rehearse_button.setAccessibleName("Rehearse this question")
        self.rehearse_button.setEnabled(False)
        self.rehearse_button.clicked.connect(self._rehearse_current)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Question bank status")
        bottom = QHBoxLayout()
        bottom.addWidget(self.detail, 1)
        bottom.addWidget(self.rehearse_button, 0, Qt.AlignmentFlag.AlignTop)

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.tree, 1)
        lay.addWidget(self.empty_label)
        lay.addLayout(bottom)
        lay.addWidget(self.status)
        self.set_scenarios(scenarios)

    # -- data ---------------------------------------------------------------------------------

    def set_scenarios(self, scenarios: Iterable[Scenario]) -> None:
        """Rebuilds the list from scenarios and stories (e.g. after a story is saved)."""
        self._entries = bank_entries(scenarios)
        self.refresh_stats()

    def refresh_stats(self) -> None:
        """Asks ``stats_provider`` again (e.g. after an attempt) and redraws the list.

        A failing provider (say, a locked history database) is logged and shown as a note; the
        questions stay usable without stats.
        """
        self._stats = {}
        self.status.clear()
        if self.stats_provider is not None:
            try:
                self._stats = dict(self.stats_provider() or {})
            except Exception as exc:
                log.warning("question bank: practice history unavailable", exc_info=True)
                self.status.setText(f"Practice history is unavailable ({exc}); questions are "
                                    "shown without counts.")
        self._due = {}
        if self.due_provider is not None:
            try:
                self._due = dict(self.due_provider() or {})
            except Exception:
                log.warning("question bank: review schedule unavailable", exc_info=True)
        self._rebuild()

    @property
    def sort_order(self) -> SortOrder:
        """``principle`` or ``due``: how the list is grouped and ordered."""
        return "due" if self.sort_combo.currentData() == "due" else "principle"

    def set_sort_order(self, order: SortOrder) -> None:
        """Groups by principle, or by due date (due now, coming up, not practised yet)."""
        self.sort_combo.setCurrentIndex(self.sort_combo.findData(order))

    def _grouped(self) -> list[tuple[str, list[BankEntry]]]:
        if self.sort_order == "due":
            return by_due(self._entries, self._due, self.today())
        groups: dict[str, tuple[str, list[BankEntry]]] = {}
        for e in self._entries:
            groups.setdefault(kebab(e.principle), (e.principle, []))[1].append(e)
        return list(groups.values())

    def entries(self) -> list[BankEntry]:
        """Every question in the bank, in display order."""
        return list(self._entries)

    def _rebuild(self) -> None:
        current = self.current_choice()
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        today = self.today()
        by_due_date = self.sort_order == "due"
        for title, entries in self._grouped():
            top = QTreeWidgetItem(self.tree, [title])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            groups[title] = top
            for e in entries:
                self._add_question(top, e, today, by_due_date)
        for top in groups.values():
            n = top.childCount()
            done = sum(1 for c in _children(top) if self._stats.get(c.data(0, _ROLE)[1]))
            top.setText(1, f"{n}" if by_due_date else f"{done} of {n}")
            top.setToolTip(1, f"{n} questions" if by_due_date else
                           f"{done} of {n} phrasings practised")
        self.tree.expandAll()
        self._apply_filter(self.filter_edit.text())
        if current:
            self.select(*current)

    def _add_question(self, top: QTreeWidgetItem, e: BankEntry, today: date,
                      with_principle: bool) -> None:
        count, best = self._stats.get(e.prompt, (0, None))
        shown = f"{e.prompt}  (your story: {e.title})" if e.is_story else e.prompt
        if with_principle:
            shown = f"{e.principle}: {shown}"
        due = describe_due(self._due.get(e.prompt), today)
        item = QTreeWidgetItem(top, [shown, f"{count}×" if count else "never", best or "—",
                                     due or "—"])
        item.setData(0, _ROLE, (e.scenario_id, e.prompt))
        item.setToolTip(0, f"{e.prompt}\n({'your story' if e.is_story else 'scenario'}: "
                           f"{e.title})")
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole,
                     f"{e.prompt}. Practised {count} times. Best: {best or 'none'}. "
                     f"Due: {due or 'not scheduled'}")

    # -- filtering and choosing ---------------------------------------------------------------

    def _apply_filter(self, text: str) -> None:
        words = text.lower().split()
        shown = 0
        for top in _top_items(self.tree):
            visible = 0
            for child in _children(top):
                hay = f"{top.text(0)} {child.text(0)} {child.toolTip(0)}".lower()
                hide = not all(w in hay for w in words)
                child.setHidden(hide)
                visible += not hide
            top.setHidden(visible == 0)
            shown += visible
        if not self._entries:
            self.empty_label.setText("There are no questions yet: add a scenario or a story.")
        else:
            self.empty_label.setText(f"No question matches “{text.strip()}”.")
        self.empty_label.setVisible(shown == 0)
        self.surprise_button.setEnabled(shown > 0)

    def visible_entries(self) -> list[BankEntry]:
        """The questions the filter currently shows."""
        keep = {tuple(it.data(0, _ROLE)) for it in self._question_items() if not it.isHidden()}
        return [e for e in self._entries if (e.scenario_id, e.prompt) in keep]

    def _question_items(self) -> list[QTreeWidgetItem]:
        return [child for top in _top_items(self.tree) for child in _children(top)]

    def current_choice(self) -> tuple[str, str] | None:
        """The selected (scenario_id, prompt), if a question is selected."""
        item = self.tree.currentItem()
        data = item.data(0, _ROLE) if item is not None else None
        return tuple(data) if data else None

    def select(self, scenario_id: str, prompt: str) -> bool:
        """Selects a question and scrolls to it; returns False when it is not shown."""
        for item in self._question_items():
            if tuple(item.data(0, _ROLE)) == (scenario_id, prompt) and not item.isHidden():
                self.tree.setCurrentItem(item)
                self.tree.scrollToItem(item)
                return True
        return False

    def surprise(self) -> tuple[str, str] | None:
        """Picks a question among those shown, favouring less practised ones, and selects it.

        Returns:
            The chosen (scenario_id, prompt), or None when no question is shown.
        """
        entry = pick_surprise(self.visible_entries(), self._stats, self.rng)
        if entry is None:
            return None
        self.select(entry.scenario_id, entry.prompt)
        self.detail.setText(f"Surprise! {entry.principle}: {entry.prompt}")
        self.rehearse_button.setFocus()
        return entry.scenario_id, entry.prompt

    def _focus_first_match(self) -> None:
        """Enter in the filter box moves to the first question shown."""
        shown = self.visible_entries()
        if shown:
            self.select(shown[0].scenario_id, shown[0].prompt)
            self.tree.setFocus()

    def _show_current(self, item: QTreeWidgetItem | None, _prev: object = None) -> None:
        data = item.data(0, _ROLE) if item is not None else None
        self.rehearse_button.setEnabled(bool(data))
        if item is None or not data:
            return
        entry = next((e for e in self._entries if (e.scenario_id, e.prompt) == tuple(data)), None)
        parent = item.parent()
        principle = (entry.principle if entry is not None
                     else parent.text(0) if parent is not None else "")
        self.detail.setText(f"{principle}: {data[1]}")

    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        data = item.data(0, _ROLE)
        if data:
            self.rehearse.emit(*data)

    def _rehearse_current(self) -> None:
        choice = self.current_choice()
        if choice:
            self.rehearse.emit(*choice)
