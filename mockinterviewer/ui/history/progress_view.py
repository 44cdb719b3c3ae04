"""Progress: pyqtgraph charts of timing, fillers, pace and verdicts across attempts."""

from __future__ import annotations

import html
import logging
from datetime import datetime

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from mockinterviewer.content.model import SEGMENT_LABELS
from mockinterviewer.store import VERDICTS, Attempt, HistoryStore, StoreError, verdict_rank
from mockinterviewer.store.drill_records import without_drills
from mockinterviewer.store.insights import report_segments
from mockinterviewer.ui import theme

log = logging.getLogger(__name__)

SERIES_COLOURS: tuple[str, ...] = ("#1e88e5", "#e53935", "#43a047", "#8e24aa", "#fb8c00",
                                   "#00897b", "#6d4c41", "#3949ab", "#c0ca33", "#d81b60")


def _time_ticks(lo: float, hi: float, count: int = 5) -> list[tuple[float, str]]:
    """Evenly spaced time ticks between two timestamps, labelled as dates (or times within a day).

    Args:
        lo: first timestamp (seconds since the epoch).
        hi: last timestamp.
        count: ticks wanted.

    Returns:
        (position, label) pairs.
    """
    if hi - lo < 60:
        return [(lo, datetime.fromtimestamp(lo).strftime("%d %b %H:%M"))]
    fmt = "%H:%M" if hi - lo < 86400 else "%d %b"
    step = (hi - lo) / (count - 1)
    ticks: list[tuple[float, str]] = []
    for i in range(count):
        t = lo + i * step
        label = datetime.fromtimestamp(t).strftime(fmt)
        if not ticks or ticks[-1][1] != label:
            ticks.append((t, label))
    return ticks


class ProgressView(QWidget):
    """Four charts over finished attempts, oldest to newest, optionally for one scenario."""

    def __init__(self, store: HistoryStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.attempts: list[Attempt] = []
        self._curves: dict[int, dict[str, pg.PlotDataItem]] = {}
        self._principle_colours: dict[str, str] = {}
        self.scenario_box = QComboBox()
        self.scenario_box.setAccessibleName("Scenario")
        self.scenario_box.currentIndexChanged.connect(self._redraw)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel("Scenario:"))
        top.addWidget(self.scenario_box, 1)
        top.addWidget(self.summary, 2)

        self.segment_plot = self._plot("Seconds per segment (dashed: target)", "seconds")
        self.filler_plot = self._plot("Fillers per minute", "per minute", legend=False)
        self.pace_plot = self._plot("Words per minute", "words/min", legend=False)
        self.verdict_plot = self._plot("Verdict per principle over time", "", legend=False)
        axis = self.verdict_plot.getAxis("left")
        axis.setTicks([[(i, v) for i, v in enumerate(VERDICTS)]])
        axis.setWidth(110)
        self.verdict_plot.setYRange(-0.4, len(VERDICTS) - 0.6, padding=0)
        self.verdict_plot.setMouseEnabled(x=True, y=False)

        self.verdict_key = QLabel()
        self.verdict_key.setWordWrap(True)
        self.verdict_key.setTextFormat(Qt.TextFormat.RichText)
        self.verdict_key.setAccessibleName("Verdict chart key")
        verdict_box = QWidget()
        vbox = QVBoxLayout(verdict_box)
        vbox.setContentsMargins(0, 0, 0, 0)
        vbox.addWidget(self.verdict_plot, 1)
        vbox.addWidget(self.verdict_key)
        grid = QGridLayout()
        grid.addWidget(self.segment_plot, 0, 0)
        grid.addWidget(verdict_box, 0, 1)
        grid.addWidget(self.filler_plot, 1, 0)
        grid.addWidget(self.pace_plot, 1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        self.refresh()

    def _plot(self, title: str, y_label: str, legend: bool = True) -> pg.PlotWidget:
        pal = self.palette()
        fg = pal.text().color()
        plot = pg.PlotWidget(background=pal.base().color())
        plot.setMinimumSize(320, 220)
        plot.setTitle(title, color=fg.name(), size="11pt")
        plot.showGrid(x=True, y=True, alpha=0.25)
        for name in ("left", "bottom"):
            ax = plot.getAxis(name)
            ax.setPen(pg.mkPen(fg))
            ax.setTextPen(pg.mkPen(fg))
        if y_label:
            plot.setLabel("left", y_label)
        if legend:
            plot.setLabel("bottom", "attempt")
        plot.setAccessibleName(title)
        if legend:
            bg = pal.base().color()
            bg.setAlpha(210)
            key = plot.addLegend(offset=(8, 4), labelTextColor=fg, labelTextSize="9pt",
                                 brush=pg.mkBrush(bg))
            key.setColumnCount(5)
        return plot

    def refresh(self) -> None:
        """Reloads finished attempts from the store and redraws."""
        try:
            done = without_drills(self.store.list(status="done"))  # whole answers only
        except StoreError as exc:
            log.warning("progress: %s", exc)
            done = []
        self.attempts = sorted(done, key=lambda a: (a.created_at, a.id))
        current = self.scenario_box.currentData() or ""
        self.scenario_box.blockSignals(True)
        self.scenario_box.clear()
        self.scenario_box.addItem("All scenarios", "")
        for sid in sorted({a.scenario_id for a in self.attempts}):
            self.scenario_box.addItem(sid, sid)
        self.scenario_box.setCurrentIndex(max(self.scenario_box.findData(current), 0))
        self.scenario_box.blockSignals(False)
        self._redraw()

    def shown_attempts(self) -> list[Attempt]:
        """The attempts charted, oldest first (the scenario filter applied)."""
        sid = self.scenario_box.currentData() or ""
        return [a for a in self.attempts if not sid or a.scenario_id == sid]

    def _curve(self, plot: pg.PlotWidget, key: str, colour: str, name: str | None = None,
               dashed: bool = False) -> pg.PlotDataItem:
        """Returns the plot's curve for ``key``, made once and updated with ``setData`` after.

        Curves are kept rather than cleared and re-made: re-creating pyqtgraph items on every
        refresh leaves orphaned graphics items that PySide6 can crash on at exit.
        """
        curves = self._curves.setdefault(id(plot), {})
        if key not in curves:
            if dashed:
                pen = pg.mkPen(colour, width=1, style=Qt.PenStyle.DashLine)
                curves[key] = plot.plot([], [], pen=pen)
            else:
                curves[key] = plot.plot([], [], pen=pg.mkPen(colour, width=2), symbol="o",
                                        symbolBrush=colour, symbolPen=colour, symbolSize=7,
                                        name=name)
        return curves[key]

    def _redraw(self) -> None:
        attempts = self.shown_attempts()
        for curves in self._curves.values():
            for curve in curves.values():
                curve.setData([], [])
        if not attempts:
            self.verdict_key.setText("")
            self.summary.setText("No finished attempts yet: your progress appears here.")
            return
        xs = list(range(1, len(attempts) + 1))
        self._draw_segments(attempts, xs)
        fpm = [a.fillers_per_minute or 0.0 for a in attempts]
        wpm = [a.words_per_minute or 0.0 for a in attempts]
        c = theme.colors(self.palette())
        self._curve(self.filler_plot, "fpm", c.bad, "fillers/min").setData(xs, fpm)
        self._curve(self.pace_plot, "wpm", c.link, "words/min").setData(xs, wpm)
        for plot in (self.segment_plot, self.filler_plot, self.pace_plot):
            plot.getAxis("bottom").setTicks([[(x, str(x)) for x in xs]] if len(xs) <= 15 else None)
            plot.setXRange(0.5, len(xs) + 0.5, padding=0)
        self.filler_plot.setYRange(0, max(fpm + [1.0]) * 1.15, padding=0)
        self.pace_plot.setYRange(0, max(wpm + [1.0]) * 1.15, padding=0)
        self._draw_verdicts(attempts)
        first, last = attempts[0], attempts[-1]
        self.summary.setText(
            f"{len(attempts)} finished attempts. Fillers/min {first.fillers_per_minute or 0:.1f}"
            f" \u2192 {last.fillers_per_minute or 0:.1f}; words/min "
            f"{first.words_per_minute or 0:.0f} \u2192 {last.words_per_minute or 0:.0f}.")

    def _draw_segments(self, attempts: list[Attempt], xs: list[int]) -> None:
        per: dict[str, tuple[list[float], list[float]]] = {lb: ([], []) for lb in SEGMENT_LABELS}
        for a in attempts:
            segs = {str(s.get("label")): s for s in report_segments(a)}
            for lb in SEGMENT_LABELS:
                s = segs.get(lb, {})
                per[lb][0].append(float(s.get("seconds") or 0.0))
                per[lb][1].append(float(s.get("target_seconds") or 0.0))
        peak = 1.0
        for lb, (secs, targets) in per.items():
            colour = theme.segment_color(lb, self.palette()).name()
            self._curve(self.segment_plot, lb, colour, lb).setData(xs, secs)
            self._curve(self.segment_plot, lb + ":target", colour, dashed=True).setData(xs, targets)
            peak = max(peak, *secs, *targets)
        self.segment_plot.setYRange(0, peak * 1.25, padding=0)  # headroom for the key

    def _draw_verdicts(self, attempts: list[Attempt]) -> None:
        by_principle: dict[str, list[Attempt]] = {}
        for a in attempts:
            if verdict_rank(a.verdict) >= 0:
                by_principle.setdefault(a.principle, []).append(a)
        stamps: list[float] = []
        key: list[str] = []
        for principle, items in sorted(by_principle.items()):
            if principle not in self._principle_colours:
                n = len(self._principle_colours)
                hue = QColor(SERIES_COLOURS[n % len(SERIES_COLOURS)])
                if theme.is_dark(self.palette()):
                    hue = hue.lighter(140)
                self._principle_colours[principle] = hue.name()
            colour = self._principle_colours[principle]
            x = [a.created_at.timestamp() for a in items]
            y = [verdict_rank(a.verdict) for a in items]
            stamps += x
            self._curve(self.verdict_plot, principle, colour, principle).setData(x, y)
            key.append(f'<span style="color:{colour}">\u25cf</span>&nbsp;{html.escape(principle)}')
        self.verdict_key.setText(" &nbsp; ".join(key))
        if stamps:
            lo, hi = min(stamps), max(stamps)
            span = max(hi - lo, 3600.0)
            self.verdict_plot.setXRange(lo - span * 0.06, hi + span * 0.06, padding=0)
            self.verdict_plot.getAxis("bottom").setTicks([_time_ticks(lo, hi)])
        self.verdict_plot.setYRange(-0.4, len(VERDICTS) - 0.6, padding=0)

    def series(self, plot: pg.PlotWidget) -> dict[str, tuple[list[float], list[float]]]:
        """The data currently drawn on one of the charts, by curve key (non-empty curves only)."""
        out: dict[str, tuple[list[float], list[float]]] = {}
        for key, curve in self._curves.get(id(plot), {}).items():
            x, y = curve.getData()
            if x is not None and len(x):
                out[key] = ([float(v) for v in x], [float(v) for v in y])
        return out
