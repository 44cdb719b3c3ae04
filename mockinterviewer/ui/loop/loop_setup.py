"""Choosing a loop: 2 to 6 principles (or a surprise draw), the follow-ups, and the time budget.

Keyboard: arrows move in the list, Space ticks a principle, Alt+U draws a surprise loop, Enter or
Alt+S starts.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mockinterviewer.coach.loop import (
    MAX_PRINCIPLES,
    MIN_PRINCIPLES,
    LoopPlan,
    loop_budget,
    surprise_pick,
)
from mockinterviewer.content.model import LEVEL_NAMES, Scenario
from mockinterviewer.ui import theme
from mockinterviewer.ui.widgets.star_strip import format_seconds

log = logging.getLogger(__name__)

_PROBES = (("Follow-ups chosen by each answer's weaknesses (1 or 2)", None),
           ("No follow-ups", 0), ("One follow-up per question", 1),
           ("Two follow-ups per question", 2))


class LoopSetup(QWidget):
    """Chooses the loop's principles.

    Signals:
        start_requested: the :class:`LoopPlan` to run.
    """

    start_requested = Signal(object)

    def __init__(self, scenarios: Sequence[Scenario], level: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level = level
        self.practised: dict[str, int] = {}
        self.latest: dict[str, str | None] = {}
        self.rng = random.Random()
        root = QVBoxLayout(self)
        root.setContentsMargins(16, 16, 16, 8)
        root.addWidget(theme.style_heading(QLabel("A mock interview loop"), 1.6))
        intro = QLabel("Several principles in a row, each with its follow-ups and no report in "
                       "between, then one debrief that weighs them together, as a bar raiser "
                       "would. Tick 2 to 6 principles with Space, or draw a surprise loop.")
        intro.setWordWrap(True)
        root.addWidget(intro)
        self.list = QListWidget()
        self.list.setAccessibleName("Principles for the loop")
        self.list.setToolTip("Space ticks or unticks the highlighted principle")
        # the style's own box is near-invisible on the dark palette: a drawn box reads on both
        self.list.setStyleSheet(
            "QListView::indicator { width: 10px; height: 10px; border: 1px solid palette(text);"
            " border-radius: 2px; background: palette(base); }"
            "QListView::indicator:checked { background: palette(highlight);"
            " border-color: palette(highlight); }")
        root.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.probes = QComboBox()
        for text, value in _PROBES:
            self.probes.addItem(text, value)
        self.probes.setAccessibleName("Follow-ups per question")
        row.addWidget(self.probes, 1)
        self.count = QSpinBox()
        self.count.setRange(MIN_PRINCIPLES, MAX_PRINCIPLES)
        self.count.setValue(4)
        self.count.setAccessibleName("How many principles a surprise loop draws")
        self.count.setPrefix("Surprise: ")
        self.count.setSuffix(" principles")
        row.addWidget(self.count)
        self.surprise_button = QPushButton("S&urprise loop")
        self.surprise_button.setToolTip("Draw principles you have practised least or answered "
                                        "weakest (Alt+U)")
        self.surprise_button.clicked.connect(self.surprise)
        row.addWidget(self.surprise_button)
        root.addLayout(row)
        self.budget = QLabel()
        self.budget.setAccessibleName("The loop's time budget")
        self.budget.setWordWrap(True)
        self.budget.setFont(theme.scaled_font(None, 1.1, True))
        root.addWidget(self.budget)
        self.start_button = QPushButton("&Start the loop (Enter)")
        self.start_button.setProperty("primary", "true")
        self.start_button.clicked.connect(self.start)
        root.addWidget(self.start_button)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self, self.start)
        self.list.itemChanged.connect(lambda _i: self._update())
        self.probes.currentIndexChanged.connect(lambda _i: self._update())
        self.set_scenarios(scenarios)
        self.setFocusProxy(self.list)

    def set_scenarios(self, scenarios: Sequence[Scenario]) -> None:
        """Lists the scenarios (built-in principles first, then the user's stories)."""
        self.scenarios = list(scenarios)
        self.list.blockSignals(True)
        self.list.clear()
        for s in self.scenarios:
            name = s.principle if s.kind == "scenario" else f"{s.principle}: {s.title}"
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.list.blockSignals(False)
        self._update()

    def set_level(self, level: str) -> None:
        """Uses another level for the budget."""
        self.level = level
        self._update()

    def set_history(self, practised: Mapping[str, int], latest: Mapping[str, str | None]) -> None:
        """How often each scenario was answered and its latest verdict (for the surprise draw)."""
        self.practised, self.latest = dict(practised), dict(latest)

    def chosen(self) -> list[Scenario]:
        """The ticked scenarios, in list order."""
        ids = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
               if self.list.item(i).checkState() == Qt.CheckState.Checked]
        return [s for sid in ids for s in self.scenarios if s.id == sid]

    def tick(self, ids: Sequence[str]) -> None:
        """Ticks exactly these scenarios."""
        self.list.blockSignals(True)
        for i in range(self.list.count()):
            item = self.list.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in ids
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self._update()

    def surprise(self) -> None:
        """Draws a surprise loop, weighted to the least practised and weakest principles."""
        builtin = [s for s in self.scenarios if s.kind == "scenario"] or self.scenarios
        picks = surprise_pick(builtin, self.practised, self.latest, self.count.value(), self.rng)
        self.tick([s.id for s in picks])

    def plan(self) -> LoopPlan | None:
        """The plan for the ticked principles (None unless 2 to 6 are ticked)."""
        chosen = self.chosen()
        if not MIN_PRINCIPLES <= len(chosen) <= MAX_PRINCIPLES:
            return None
        return LoopPlan(tuple(s.id for s in chosen), self.level, self.probes.currentData())

    def start(self) -> None:
        """Enter: starts the loop when 2 to 6 principles are ticked."""
        plan = self.plan()
        if plan is None:
            self.budget.setText(f"Tick {MIN_PRINCIPLES} to {MAX_PRINCIPLES} principles first "
                                "(Space ticks the highlighted one).")
            return
        self.start_requested.emit(plan)

    def _update(self) -> None:
        chosen = self.chosen()
        self.start_button.setEnabled(MIN_PRINCIPLES <= len(chosen) <= MAX_PRINCIPLES)
        level = LEVEL_NAMES.get(self.level, self.level)
        if not chosen:
            self.budget.setText(f"No principle ticked yet. Level: {level}.")
            return
        total = loop_budget(chosen, self.level, self.probes.currentData())
        self.budget.setText(f"{len(chosen)} principle{'s' if len(chosen) > 1 else ''} at "
                            f"{level}: time budget about {format_seconds(total)} "
                            "(each answer's budget plus its follow-ups).")
