"""The question bank: every question phrasing by principle, how it has gone, and "Surprise me"."""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
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

from mockinterviewer.content.model import Scenario, kebab
from mockinterviewer.content.stories import PRINCIPLES

log = logging.getLogger(__name__)

# prompt -> (times practised, best verdict or None)
Stats = Mapping[str, tuple[int, str | None]]

# How much a best verdict lowers a question's chance of being picked by "Surprise me".
VERDICT_WEIGHT: dict[str, float] = {
    "Strong Hire": 0.25, "Hire": 0.5, "Leaning No Hire": 0.8, "No Hire": 1.0}

_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class BankEntry:
    """One question phrasing in the bank.

    Attributes:
        scenario_id: the scenario (or story) it belongs to.
        principle: the principle's display name.
        prompt: the question as asked.
        title: the scenario's or story's title.
        is_story: whether it comes from the user's own story.
    """

    scenario_id: str
    principle: str
    prompt: str
    title: str
    is_story: bool


def bank_entries(scenarios: Iterable[Scenario]) -> list[BankEntry]:
    """Lists every question phrasing, grouped by principle in the usual principle order.

    Args:
        scenarios: built-in scenarios and stories.

    Returns:
        Entries ordered by principle, built-in scenarios before stories, then as written.
    """
    scenarios = list(scenarios)
    names = {s.principle_id: s.principle for s in scenarios if s.kind == "scenario"}
    order = {kebab(p): i for i, p in enumerate(PRINCIPLES)}
    out = [BankEntry(s.id, names.get(s.principle_id, s.principle), p, s.title, s.kind == "story")
           for s in scenarios for p in s.prompts]
    out.sort(key=lambda e: (order.get(kebab(e.principle), len(order)), kebab(e.principle),
                            e.is_story))
    return out


def surprise_weight(count: int, best: str | None) -> float:
    """How likely "Surprise me" is to pick a question: less practised and weaker is likelier.

    Args:
        count: times practised.
        best: best verdict so far, if any.

    Returns:
        A positive weight.
    """
    factor = VERDICT_WEIGHT.get(best, 1.0) if best else 1.0
    return factor / (1 + max(count, 0))


def pick_surprise(entries: Sequence[BankEntry], stats: Stats,
                  rng: random.Random) -> BankEntry | None:
    """Picks a principle, then a phrasing within it, both weighted toward less practice.

    A principle's weight is the mean weight of its phrasings, so a principle with many phrasings
    is not favoured for that alone.

    Args:
        entries: the candidates.
        stats: practice counts and best verdicts by prompt.
        rng: the random source.

    Returns:
        The chosen entry, or None when there are no entries.
    """
    groups: dict[str, list[tuple[BankEntry, float]]] = {}
    for e in entries:
        count, best = stats.get(e.prompt, (0, None))
        groups.setdefault(kebab(e.principle), []).append((e, surprise_weight(count, best)))
    if not groups:
        return None
    keys = list(groups)
    principle = rng.choices(keys, [sum(w for _, w in groups[k]) / len(groups[k])
                                   for k in keys])[0]
    items = groups[principle]
    return rng.choices([e for e, _ in items], [w for _, w in items])[0]


class _WrapDelegate(QStyledItemDelegate):
    """Gives question rows the height their wrapped text needs at the column's width."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self._tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
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
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Question bank")
        self.stats_provider = stats_provider
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
        top.addWidget(self.surprise_button)

        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Questions by principle")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["Question", "Practised", "Best verdict"])
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
        self._rebuild()

    def entries(self) -> list[BankEntry]:
        """Every question in the bank, in display order."""
        return list(self._entries)

    def _rebuild(self) -> None:
        current = self.current_choice()
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for e in self._entries:
            top = groups.get(kebab(e.principle))
            if top is None:
                top = QTreeWidgetItem(self.tree, [e.principle])
                font = top.font(0)
                font.setBold(True)
                top.setFont(0, font)
                top.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[kebab(e.principle)] = top
            count, best = self._stats.get(e.prompt, (0, None))
            shown = f"{e.prompt}  (your story: {e.title})" if e.is_story else e.prompt
            item = QTreeWidgetItem(top, [shown, f"{count}×" if count else "never",
                                         best or "—"])
            item.setData(0, _ROLE, (e.scenario_id, e.prompt))
            item.setToolTip(0, f"{e.prompt}\n({'your story' if e.is_story else 'scenario'}: "
                               f"{e.title})")
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole,
                         f"{e.prompt}. Practised {count} times. Best: {best or 'none'}")
        for top in groups.values():
            n = top.childCount()
            done = sum(1 for i in range(n) if self._stats.get(top.child(i).data(0, _ROLE)[1]))
            top.setText(1, f"{done} of {n}")
            top.setToolTip(1, f"{done} of {n} phrasings practised")
        self.tree.expandAll()
        self._apply_filter(self.filter_edit.text())
        if current:
            self.select(*current)

    # -- filtering and choosing ---------------------------------------------------------------

    def _apply_filter(self, text: str) -> None:
        words = text.lower().split()
        shown = 0
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            visible = 0
            for j in range(top.childCount()):
                child = top.child(j)
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
        return [self.tree.topLevelItem(i).child(j) for i in range(self.tree.topLevelItemCount())
                for j in range(self.tree.topLevelItem(i).childCount())]

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
        if data:
            top = item.parent()
            self.detail.setText(f"{top.text(0)}: {data[1]}")

    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        data = item.data(0, _ROLE)
        if data:
            self.rehearse.emit(*data)

    def _rehearse_current(self) -> None:
        choice = self.current_choice()
        if choice:
            self.rehearse.emit(*choice)
