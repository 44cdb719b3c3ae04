"""Compare two attempts side by side: segment times, and findings fixed, new and still there."""

from __future__ import annotations

import logging

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mockinterviewer.store import Attempt, HistoryStore, StoreError
from mockinterviewer.store.drill_records import without_drills
from mockinterviewer.store.insights import Comparison, FindingRef, compare
from mockinterviewer.ui import theme

log = logging.getLogger(__name__)

BEFORE_COLOUR = "#90a4ae"  # neutral grey that reads on light and dark backgrounds


def _secs(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f} s"


def _describe(a: Attempt) -> str:
    return (f"{a.created_at.astimezone():%Y-%m-%d %H:%M} \u2014 {a.verdict or a.status}")


class CompareView(QWidget):
    """Two attempts of a scenario side by side.

    The user picks a scenario and two of its finished attempts (the latest two by default), or a
    caller fills it with :meth:`compare`.
    """

    def __init__(self, store: HistoryStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.comparison: Comparison | None = None
        self._attempts: list[Attempt] = []
        self.scenario_box = QComboBox()
        self.scenario_box.setAccessibleName("Scenario to compare")
        self.first_box = QComboBox()
        self.first_box.setAccessibleName("First attempt")
        self.second_box = QComboBox()
        self.second_box.setAccessibleName("Second attempt")
        pickers = QHBoxLayout()
        for text, box in (("&Scenario:", self.scenario_box), ("&Before:", self.first_box),
                          ("&After:", self.second_box)):
            label = QLabel(text)
            label.setBuddy(box)
            pickers.addWidget(label)
            pickers.addWidget(box, 1)
        self.scenario_box.currentIndexChanged.connect(self._scenario_chosen)
        self.first_box.currentIndexChanged.connect(self._attempts_chosen)
        self.second_box.currentIndexChanged.connect(self._attempts_chosen)
        self.title = QLabel("Choose two attempts to compare.")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {theme.colors(self.palette()).bad};")
        self.warning.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.warning.hide()

        pal = self.palette()
        fg = pal.text().color()
        self.chart = pg.PlotWidget(background=pal.base().color())
        self.chart.setTitle("Seconds per segment (line: target)", color=fg.name(), size="11pt")
        self.chart.setMinimumSize(360, 220)
        self.chart.setMouseEnabled(x=False, y=False)
        self.chart.setAccessibleName("Segment times chart")
        for name in ("left", "bottom"):
            self.chart.getAxis(name).setPen(pg.mkPen(fg))
            self.chart.getAxis(name).setTextPen(pg.mkPen(fg))
        self.chart.setLabel("left", "seconds")
        bg = pal.base().color()
        bg.setAlpha(210)
        self.chart.addLegend(offset=(-8, 8), labelTextColor=fg, labelTextSize="9pt",
                             brush=pg.mkBrush(bg))
        # Made once and updated: re-creating pyqtgraph items leaves orphans PySide6 crashes on.
        self.before_bars = pg.BarGraphItem(x=[], height=[], width=0.38, brush=BEFORE_COLOUR,
                                           name="before")
        self.after_bars = pg.BarGraphItem(x=[], height=[], width=0.38, brush=theme.colors(pal).link,
                                          name="after")
        self.chart.addItem(self.before_bars)
        self.chart.addItem(self.after_bars)
        self.target_line = self.chart.plot([], [], name="target", pen=pg.mkPen(
            fg, width=2, style=Qt.PenStyle.DashLine))

        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName("Segment times")
        self.table.setHorizontalHeaderLabels(["Segment", "Before", "After", "Target", "Change"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        self.fixed_list, fixed_box = self._findings_box("Fixed")
        self.new_list, new_box = self._findings_box("New")
        self.kept_list, kept_box = self._findings_box("Still there")

        grid = QGridLayout()
        grid.addWidget(self.chart, 0, 0)
        grid.addWidget(self.table, 0, 1)
        findings = QGridLayout()
        findings.addWidget(fixed_box, 0, 0)
        findings.addWidget(new_box, 0, 1)
        findings.addWidget(kept_box, 0, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(pickers)
        layout.addWidget(self.title)
        layout.addWidget(self.warning)
        layout.addLayout(grid, 3)
        layout.addLayout(findings, 2)

    def refresh(self) -> None:
        """Reloads finished attempts into the pickers and compares the chosen pair."""
        try:
            self._attempts = sorted(without_drills(self.store.list(status="done")),
                                    key=lambda a: (a.created_at, a.id))
        except StoreError as exc:
            self._attempts = []
            self.warning.setText(str(exc))
            self.warning.show()
        counts: dict[str, int] = {}
        for a in self._attempts:
            counts[a.scenario_id] = counts.get(a.scenario_id, 0) + 1
        current = self.scenario_box.currentData()
        latest = self._attempts[-1].scenario_id if self._attempts else None
        self.scenario_box.blockSignals(True)
        self.scenario_box.clear()
        for sid in sorted(counts):
            self.scenario_box.addItem(f"{sid} ({counts[sid]} attempts)", sid)
        found = self.scenario_box.findData(current if current in counts else latest)
        self.scenario_box.setCurrentIndex(max(found, 0))
        self.scenario_box.blockSignals(False)
        self._scenario_chosen()

    def _scenario_chosen(self) -> None:
        sid = self.scenario_box.currentData()
        mine = [a for a in self._attempts if a.scenario_id == sid]
        for box, default in ((self.first_box, len(mine) - 2), (self.second_box, len(mine) - 1)):
            box.blockSignals(True)
            box.clear()
            for a in mine:
                box.addItem(_describe(a), a.id)
            box.setCurrentIndex(max(default, 0))
            box.blockSignals(False)
        if len(mine) >= 2:
            self._attempts_chosen()
        else:
            self.title.setText("Finish two attempts of a scenario to compare them here.")

    def _attempts_chosen(self) -> None:
        a, b = self.first_box.currentData(), self.second_box.currentData()
        if a is not None and b is not None and a != b:
            self.compare(int(a), int(b))

    def _sync_pickers(self, cmp: Comparison) -> None:
        """Shows the compared pair in the pickers when they are listed there."""
        if self.scenario_box.currentData() != cmp.before.scenario_id:
            return
        for box, attempt in ((self.first_box, cmp.before), (self.second_box, cmp.after)):
            index = box.findData(attempt.id)
            if index >= 0:
                box.blockSignals(True)
                box.setCurrentIndex(index)
                box.blockSignals(False)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Reloads the pickers each time the screen is shown (new attempts may exist)."""
        super().showEvent(event)
        if self.comparison is None:
            try:
                self.refresh()
            except Exception as exc:
                log.exception("compare view refresh failed")
                self.warning.setText(f"Could not load your attempts: {exc}")
                self.warning.show()

    @staticmethod
    def _findings_box(title: str) -> tuple[QListWidget, QGroupBox]:
        box = QGroupBox(title)
        lst = QListWidget()
        lst.setAccessibleName(f"Findings {title.lower()}")
        lst.setWordWrap(True)
        lay = QVBoxLayout(box)
        lay.addWidget(lst)
        return lst, box

    def compare(self, id_a: int, id_b: int) -> Comparison | None:
        """Shows two attempts side by side (the earlier one as "before").

        Args:
            id_a: one attempt id.
            id_b: another attempt id.

        Returns:
            The comparison shown, or None when an attempt could not be read (the view says why).
        """
        try:
            a, b = self.store.get(id_a), self.store.get(id_b)
        except StoreError as exc:
            self.comparison = None
            self.title.setText("Cannot compare these attempts.")
            self.warning.setText(str(exc))
            self.warning.show()
            return None
        cmp = compare(a, b)
        self.comparison = cmp
        self._sync_pickers(cmp)
        self.title.setText(
            f"<b>{cmp.after.principle}</b> ({cmp.after.scenario_id})<br>"
            f"Before: {_describe(cmp.before)} &nbsp;&nbsp; After: {_describe(cmp.after)}")
        notes = []
        if not cmp.same_scenario:
            notes.append(f"These attempts answer different scenarios ({cmp.before.scenario_id} "
                         f"and {cmp.after.scenario_id}); segment targets may differ.")
        if not cmp.before.summary or not cmp.after.summary:
            notes.append("One of these attempts has not been analysed yet.")
        self.warning.setText(" ".join(notes))
        self.warning.setVisible(bool(notes))
        self._fill_table(cmp)
        self._fill_chart(cmp)
        c = theme.colors(self.palette())
        for lst, refs, colour in ((self.fixed_list, cmp.fixed, c.good),
                                  (self.new_list, cmp.new, c.bad),
                                  (self.kept_list, cmp.kept, "")):
            self._fill_findings(lst, refs, colour)
        return cmp

    def _fill_table(self, cmp: Comparison) -> None:
        self.table.setRowCount(len(cmp.segments))
        for r, d in enumerate(cmp.segments):
            change = ""
            if d.before_seconds is not None and d.after_seconds is not None:
                change = f"{d.after_seconds - d.before_seconds:+.0f} s"
            values = (d.label, _secs(d.before_seconds), _secs(d.after_seconds),
                      _secs(d.target_seconds), change)
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if c == 4 and d.target_seconds and d.before_seconds is not None \
                        and d.after_seconds is not None:
                    closer = abs(d.after_seconds - d.target_seconds) < abs(
                        d.before_seconds - d.target_seconds)
                    further = abs(d.after_seconds - d.target_seconds) > abs(
                        d.before_seconds - d.target_seconds)
                    if closer or further:
                        tc = theme.colors(self.palette())
                        item.setForeground(QBrush(QColor(tc.good if closer else tc.bad)))
                        item.setToolTip("closer to target" if closer else "further from target")
                self.table.setItem(r, c, item)

    def _fill_chart(self, cmp: Comparison) -> None:
        n = len(cmp.segments)
        xs = list(range(n))
        before = [d.before_seconds or 0.0 for d in cmp.segments]
        after = [d.after_seconds or 0.0 for d in cmp.segments]
        self.before_bars.setOpts(x=[x - 0.2 for x in xs], height=before, width=0.38)
        self.after_bars.setOpts(x=[x + 0.2 for x in xs], height=after, width=0.38)
        tx: list[float] = []
        ty: list[float] = []
        for x, d in zip(xs, cmp.segments, strict=True):
            if d.target_seconds:
                tx += [x - 0.45, x + 0.45]
                ty += [d.target_seconds] * 2
        self.target_line.setData(tx, ty, connect="pairs")
        self.chart.getAxis("bottom").setTicks([[(x, d.label) for x, d in
                                                zip(xs, cmp.segments, strict=True)]])
        peak = max([*before, *after, *ty, 1.0])
        self.chart.setYRange(0, peak * 1.15, padding=0)
        self.chart.setXRange(-0.6, max(n, 1) - 0.4, padding=0)

    @staticmethod
    def _fill_findings(lst: QListWidget, refs: tuple[FindingRef, ...], colour: str) -> None:
        lst.clear()
        if not refs:
            item = QListWidgetItem("none")
            item.setForeground(QBrush(QColor(theme.colors(lst.palette()).muted)))
            lst.addItem(item)
            return
        for f in refs:
            where = f" ({f.segment})" if f.segment else ""
            item = QListWidgetItem(f"{f.message}{where}")
            item.setToolTip(f"{f.id} \u2014 {f.severity}" + (f": \u201c{f.evidence}\u201d"
                                                              if f.evidence else ""))
            item.setData(Qt.ItemDataRole.UserRole, f.id)
            if colour:
                item.setForeground(QBrush(QColor(colour)))
            lst.addItem(item)
