"""The report's timeline: actual against target seconds per STAR segment, as painted bars.

One row per segment: its name, a bar for the seconds spoken (coloured by status: on time, under,
over, missing), the target drawn as a tick with its tolerance band, and the numbers written out.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from mockinterviewer.ui import theme

log = logging.getLogger(__name__)

STATUS_WORDS: dict[str, str] = {
    "ok": "on time",
    "under": "too short",
    "over": "too long",
    "missing": "missing",
    "cut": "cut short",
    "not_reached": "not reached",
}


@dataclass(frozen=True)
class Bar:
    """One row of the chart.

    Attributes:
        label: the STAR segment.
        seconds: time spoken.
        target: target seconds.
        status: ok, under, over or missing; for an answer a fault cut short, ``cut`` (the part
            it stopped in) or ``not_reached``.
    """

    label: str
    seconds: float
    target: float
    status: str


def bars_from_segments(segments: Sequence[object]) -> list[Bar]:
    """Builds chart rows from ``coach.SegmentResult`` values.

    Args:
        segments: objects with ``label``, ``seconds``, ``target_seconds`` and ``status``.

    Returns:
        The rows, in order.
    """
    return [Bar(str(getattr(s, "label", "")), float(getattr(s, "seconds", 0.0)),
                float(getattr(s, "target_seconds", 0.0)), str(getattr(s, "status", "ok")))
            for s in segments]


def describe_bar(bar: Bar) -> str:
    """The row in words, e.g. "Action: 95 s of 90 s, on time"."""
    status = STATUS_WORDS.get(bar.status, bar.status)
    return f"{bar.label.title()}: {bar.seconds:.0f} s of {bar.target:.0f} s, {status}"


class TimelineChart(QWidget):
    """Horizontal bars of actual against target seconds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.tolerance = 0.2
        self.setAccessibleName("Timing per STAR segment")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def set_bars(self, bars: Sequence[Bar], tolerance: float = 0.2) -> None:
        """Shows new rows.

        Args:
            bars: one per segment.
            tolerance: fraction of a target that counts as on time (the shaded band).
        """
        self.bars = list(bars)
        self.tolerance = tolerance
        text = "; ".join(describe_bar(b) for b in self.bars)
        self.setAccessibleDescription(text)
        self.setToolTip("\n".join(describe_bar(b) for b in self.bars))
        self.updateGeometry()
        self.update()

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 10

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Tall enough for every row."""
        rows = max(1, len(self.bars))
        return QSize(self.fontMetrics().horizontalAdvance("M") * 50,
                     rows * self._row_height() + self.fontMetrics().height() + 8)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Every row must show."""
        return self.sizeHint().boundedTo(QSize(300, 10_000))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """Paints rows: name, bar, target tick and band, numbers."""
        c = theme.colors(self.palette())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        name_w = fm.horizontalAdvance("Reflection") + 12
        text_w = fm.horizontalAdvance("999 s of 999 s · too short") + 12
        x0 = name_w
        width = max(40.0, self.width() - name_w - text_w - 4)
        scale_max = max([1.0] + [max(b.seconds, b.target * (1 + self.tolerance))
                                 for b in self.bars]) * 1.05
        row_h = self._row_height()
        status_color = {"ok": QColor(c.good), "under": QColor(c.warn), "over": QColor(c.bad),
                        "missing": QColor(c.muted), "cut": QColor(c.muted),
                        "not_reached": QColor(c.muted)}
        for i, bar in enumerate(self.bars):
            y = 2 + i * row_h
            painter.setPen(QColor(c.text))
            painter.drawText(QRectF(0, y, name_w - 6, row_h),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             bar.label.title())
            track = QRectF(x0, y + 3, width, row_h - 6)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(c.card))
            painter.drawRoundedRect(track, 3, 3)
            if bar.target > 0:
                lo = bar.target * (1 - self.tolerance) / scale_max * width
                hi = bar.target * (1 + self.tolerance) / scale_max * width
                band = QColor(c.good)
                band.setAlphaF(0.18)
                painter.setBrush(band)
                painter.drawRect(QRectF(x0 + lo, track.y(), hi - lo, track.height()))
            if bar.seconds > 0:
                fill = QColor(theme.segment_color(bar.label, self.palette()))
                painter.setBrush(fill)
                inner = QRectF(x0, track.y() + 3, bar.seconds / scale_max * width,
                               track.height() - 6)
                painter.drawRoundedRect(inner, 2, 2)
            if bar.target > 0:
                tx = x0 + bar.target / scale_max * width
                pen = QPen(QColor(c.text))
                pen.setWidthF(2.0)
                painter.setPen(pen)
                painter.drawLine(int(tx), int(track.top()), int(tx), int(track.bottom()))
            painter.setPen(status_color.get(bar.status, QColor(c.text)))
            words = f"{bar.seconds:.0f} s of {bar.target:.0f} s · " + STATUS_WORDS.get(
                bar.status, bar.status)
            painter.drawText(QRectF(x0 + width + 8, y, text_w, row_h),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, words)
        legend_y = 2 + len(self.bars) * row_h
        painter.setPen(QColor(c.muted))
        painter.drawText(QRectF(x0, legend_y, width + text_w, fm.height() + 4),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         f"Bar: time you spoke · tick: target · shaded: on time "
                         f"(±{self.tolerance * 100:.0f}%)")
        painter.end()
