"""Home: the scenarios with their last result, the level, and the four modes.

Fully keyboard-driven: type to filter, arrows to choose, Enter to rehearse, Alt+L/R/D/T for the
modes, Alt+S for a surprise pick, Alt+V for the level.
"""

from __future__ import annotations

import html
import logging
import random
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mockinterviewer.content import LEVELS, Scenario
from mockinterviewer.content.model import LEVEL_NAMES
from mockinterviewer.ui import theme
from mockinterviewer.ui.widgets.due_panel import DuePanel

log = logging.getLogger(__name__)

MODES: tuple[str, ...] = ("learn", "rehearse", "drill", "test")
_MODE_TEXT = {
    "learn": ("&Learn", "Read the model answer, coaching and follow-ups (Alt+L)"),
    "rehearse": ("&Rehearse", "Answer out loud with live STAR timing, then get a report (Enter)"),
    "drill": ("&Drill", "Practise one STAR segment against its target, or rapid follow-ups "
              "(Alt+D)"),
    "test": ("&Test", "Ten practice questions on what makes a strong answer (Alt+T)"),
}


def describe_attempt(attempt: Any) -> str:
    """Formats a history attempt as a short "last result" text, e.g. "Hire · 3 Mar".

    Args:
        attempt: a ``store.Attempt`` (anything with ``verdict`` and ``created_at``).

    Returns:
        The text; "" for None.
    """
    if attempt is None:
        return ""
    verdict = getattr(attempt, "verdict", None) or "Not rated"
    when = getattr(attempt, "created_at", None)
    if isinstance(when, datetime):
        local = when.astimezone() if when.tzinfo else when
        return f"{verdict} · {local.day} {local:%b}"
    return str(verdict)


class HomeView(QWidget):
    """The home screen.

    Signals:
        mode_requested: (mode, scenario_id) when the user starts learn/rehearse/drill/test.
        level_changed: the new level id (sde1, sde2, senior).
        loop_requested: the user wants a mock interview loop (Alt+O).
    """

    mode_requested = Signal(str, str)
    level_changed = Signal(str)
    loop_requested = Signal()

    def __init__(self, scenarios: Sequence[Scenario], level: str = "sde2",
                 last_results: Mapping[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scenarios = list(scenarios)
        self._last: dict[str, Any] = dict(last_results or {})
        self._rng = random.Random()

        root = QVBoxLayout(self)
        root.setContentsMargins(16, 16, 16, 8)
        head = QHBoxLayout()
        title = theme.style_heading(QLabel("What do you want to practise?"), 1.6)
        head.addWidget(title, 1)
        level_label = QLabel("Le&vel:")
        self.level_combo = QComboBox()
        for lid in LEVELS:
            self.level_combo.addItem(LEVEL_NAMES[lid], lid)
        self.level_combo.setAccessibleName("Interview level")
        self.level_combo.setToolTip("The seniority you are interviewing for: it sets the time "
                                    "budget and the bar (Alt+V)")
        level_label.setBuddy(self.level_combo)
        head.addWidget(level_label)
        head.addWidget(self.level_combo)
        root.addLayout(head)

        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter principles and stories (Ctrl+F)")
        self.filter.setAccessibleName("Filter scenarios")
        self.filter.setClearButtonEnabled(True)
        root.addWidget(self.filter)
        #: "Due today: N" and the most overdue question (filled by the main window)
        self.due_panel = DuePanel()
        root.addWidget(self.due_panel)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.tree = QTreeWidget()
        self.tree.setObjectName("scenarioList")
        self.tree.setAccessibleName("Scenarios")
        self.tree.setToolTip("Choose a principle; Enter rehearses it")
        self.tree.setHeaderLabels(["Principle", "Last result"])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        split.addWidget(self.tree)

        panel = QFrame()
        panel.setObjectName("card")
        pl = QVBoxLayout(panel)
        pl.setContentsMargins(16, 16, 16, 16)
        self.principle_label = theme.style_heading(QLabel(), 1.35)
        self.principle_label.setWordWrap(True)
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        self.title_label.setFont(theme.scaled_font(None, 1.1, False))
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        pl.addWidget(self.principle_label)
        pl.addWidget(self.title_label)
        pl.addWidget(self.detail, 1)

        grid = QGridLayout()
        self.mode_buttons: dict[str, QPushButton] = {}
        for i, mode in enumerate(MODES):
            text, tip = _MODE_TEXT[mode]
            btn = QPushButton(text)
            btn.setToolTip(tip)
            btn.setAccessibleName(f"{mode.title()} this scenario")
            btn.setMinimumHeight(btn.sizeHint().height() + 8)
            if mode == "rehearse":
                btn.setProperty("primary", "true")
            btn.clicked.connect(lambda _c=False, m=mode: self.request(m))
            grid.addWidget(btn, i // 2, i % 2)
            self.mode_buttons[mode] = btn
        pl.addLayout(grid)
        self.loop_button = QPushButton("Lo&op: several principles in a row")
        self.loop_button.setToolTip("A mock interview loop: choose 2 to 6 principles (or a "
                                    "surprise loop), answer them with follow-ups, then one "
                                    "debrief (Alt+O)")
        self.loop_button.setAccessibleName("Loop")
        self.loop_button.clicked.connect(self.loop_requested.emit)
        pl.addWidget(self.loop_button)
        self.surprise_button = QPushButton("&Surprise me")
        self.surprise_button.setToolTip("Pick a principle at random, favouring ones you have not "
                                        "practised, and rehearse it (Alt+S)")
        self.surprise_button.setAccessibleName("Surprise me")
        self.surprise_button.clicked.connect(self.surprise)
        pl.addWidget(self.surprise_button)
        split.addWidget(panel)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        self.split = split
        self._sized = False
        root.addWidget(split, 1)

        self.count_label = QLabel()
        self.count_label.setProperty("role", "muted")
        root.addWidget(self.count_label)

        self.set_level(level)
        self.level_combo.currentIndexChanged.connect(
            lambda _i: self.level_changed.emit(self.level))
        self.level_combo.currentIndexChanged.connect(lambda _i: self._show_selected())
        self.filter.textChanged.connect(self._apply_filter)
        self.filter.returnPressed.connect(self._focus_list)
        self.tree.currentItemChanged.connect(lambda *_: self._show_selected())
        self.tree.itemActivated.connect(lambda *_: self.request("rehearse"))
        QShortcut(QKeySequence.StandardKey.Find, self, self.filter.setFocus)
        self._populate()
        self.setFocusProxy(self.tree)

    # -- public ---------------------------------------------------------------------------------

    @property
    def level(self) -> str:
        """The chosen level id."""
        return str(self.level_combo.currentData())

    def set_level(self, level: str) -> None:
        """Selects a level without emitting when it is unchanged."""
        idx = self.level_combo.findData(level)
        if idx >= 0 and idx != self.level_combo.currentIndex():
            self.level_combo.setCurrentIndex(idx)

    def current_scenario(self) -> Scenario | None:
        """The highlighted scenario, if any."""
        item = self.tree.currentItem()
        if item is None or item.isHidden():
            return None
        sid = item.data(0, Qt.ItemDataRole.UserRole)
        return next((s for s in self.scenarios if s.id == sid), None)

    def _items(self) -> list[QTreeWidgetItem]:
        """The scenario rows, in order."""
        rows = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [item for item in rows if item is not None]

    def select(self, scenario_id: str) -> bool:
        """Highlights a scenario; returns whether it exists."""
        for item in self._items():
            if item.data(0, Qt.ItemDataRole.UserRole) == scenario_id:
                item.setHidden(False)
                self.tree.setCurrentItem(item)
                return True
        return False

    def set_scenarios(self, scenarios: Sequence[Scenario]) -> None:
        """Replaces the list (e.g. after the user saved a story)."""
        current = self.current_scenario()
        self.scenarios = list(scenarios)
        self._populate()
        if current:
            self.select(current.id)

    def set_last_results(self, last: Mapping[str, Any]) -> None:
        """Updates the "last result" column from ``store.last_by_scenario()``."""
        self._last = dict(last)
        for item in self._items():
            sid = item.data(0, Qt.ItemDataRole.UserRole)
            item.setText(1, describe_attempt(self._last.get(sid)) or "Not yet")
        self._show_selected()

    def request(self, mode: str) -> None:
        """Asks for a mode on the highlighted scenario."""
        scenario = self.current_scenario()
        if scenario is None:
            self.count_label.setText("Choose a scenario first (arrow keys, then Enter).")
            self.tree.setFocus()
            return
        self.mode_requested.emit(mode, scenario.id)

    def surprise(self) -> None:
        """Picks a scenario, favouring never-practised ones, and asks to rehearse it."""
        if not self.scenarios:
            return
        fresh = [s for s in self.scenarios if s.id not in self._last]
        pick = self._rng.choice(fresh or self.scenarios)
        self.filter.clear()
        self.select(pick.id)
        self.mode_requested.emit("rehearse", pick.id)

    # -- internals ------------------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        """On first show, widens the list so that principle names fit when there is room."""
        super().showEvent(event)
        if self._sized:
            return
        self._sized = True
        want = (self.tree.sizeHintForColumn(0) + self.tree.header().sectionSize(1)
                + self.tree.verticalScrollBar().sizeHint().width() + 16)
        total = sum(self.split.sizes())
        if total > 0:
            left = min(want, int(total * 0.55))
            self.split.setSizes([left, total - left])

    def _populate(self) -> None:
        self.tree.clear()
        for s in self.scenarios:
            last = describe_attempt(self._last.get(s.id)) or "Not yet"
            name = s.principle if s.kind == "scenario" else f"{s.principle}: {s.title}"
            item = QTreeWidgetItem([name, last])
            item.setData(0, Qt.ItemDataRole.UserRole, s.id)
            item.setToolTip(0, f"{s.title}\n\n{s.overview}")
            self.tree.addTopLevelItem(item)
        for item in self._items()[:1]:
            self.tree.setCurrentItem(item)
        done = sum(1 for s in self.scenarios if s.id in self._last)
        self.count_label.setText(
            f"{len(self.scenarios)} scenarios · {done} practised · Enter rehearses the "
            "highlighted one")
        self._show_selected()

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        first = None
        for item in self._items():
            sid = item.data(0, Qt.ItemDataRole.UserRole)
            s = next((x for x in self.scenarios if x.id == sid), None)
            hay = " ".join([item.text(0), s.title if s else "", s.domain if s else ""]).lower()
            hidden = bool(needle) and needle not in hay
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        cur = self.tree.currentItem()
        if first is not None and (cur is None or cur.isHidden()):
            self.tree.setCurrentItem(first)
        self._show_selected()

    def _focus_list(self) -> None:
        self.tree.setFocus()

    def _show_selected(self) -> None:
        s = self.current_scenario()
        for btn in [*self.mode_buttons.values()]:
            btn.setEnabled(s is not None)
        if s is None:
            self.principle_label.setText("No scenario")
            self.title_label.setText("")
            self.detail.setText("Nothing matches the filter." if self.scenarios else
                                "No scenarios were found. Check the content folder.")
            return
        self.principle_label.setText(s.principle)
        self.title_label.setText(s.title)
        level = s.level(self.level)
        budget = s.budget_for(self.level)
        targets = s.targets_for(self.level)
        c = theme.colors(self.palette())
        parts = [f"<p>{html.escape(s.overview)}</p>"]
        if s.prompts:
            parts.append(f"<p><b>You may be asked:</b><br><i>“{html.escape(s.prompts[0])}”</i></p>")
        timing = " · ".join(f"{k.title()} {v:.0f}s" for k, v in targets.items())
        parts.append(f"<p><b>Time budget at {html.escape(LEVEL_NAMES.get(self.level, ''))}:"
                     f"</b> {budget:.0f} s<br><span style='color:{c.muted}'>{timing}</span></p>")
        if level is not None:
            parts.append(f"<p><b>The bar:</b> {html.escape(level.bar)}</p>")
        last = self._last.get(s.id)
        if last is not None:
            parts.append(f"<p><b>Last result:</b> {html.escape(describe_attempt(last))}</p>")
        parts.append(f"<p style='color:{c.muted}'>{len(s.prompts)} questions · "
                     f"{len(s.probes)} follow-ups · {len(s.practice)} test questions</p>")
        self.detail.setText("".join(parts))
