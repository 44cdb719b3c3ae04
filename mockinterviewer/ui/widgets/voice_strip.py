"""The voice per STAR segment, beside the report's timing bars: pitch range and loudness.

One row per segment, lined up with the timeline chart's rows: a short bar for the pitch range in
semitones (a tick marks what sounds lively; amber below it) and one for the voice's level (a tick
marks the quiet threshold), with the numbers written out.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from mockinterviewer.coach.voice import MONOTONE_SEMITONES, QUIET_DB
from mockinterviewer.coach.voice_types import VoiceMetrics
from mockinterviewer.ui import theme

log = logging.getLogger(__name__)

PITCH_MAX = 12.0  # semitones at the right end of the pitch bar
LEVEL_MIN, LEVEL_MAX = -60.0, 0.0  # dBFS across the level bar


@dataclass(frozen=True)
class VoiceRow:
    """One segment's voice (None: too little voiced speech to tell, or the part is missing)."""

    label: str
    semitones: float | None
    level_db: float | None


def rows_from(labels: Sequence[str], voice: VoiceMetrics | None) -> list[VoiceRow]:
    """Rows for these segment labels (labels the metrics lack, or no metrics: empty rows)."""
    found = {s.label: s for s in voice.segments} if voice is not None else {}
    out = []
    for label in labels:
        s = found.get(label)
        out.append(VoiceRow(label, None if s is None else s.pitch_range_semitones,
                            None if s is None else s.loudness_db))
    return out


def describe_row(row: VoiceRow) -> str:
    """The row in words, e.g. "Action: pitch range 6.2 semitones, level -21 dB"."""
    if row.semitones is None and row.level_db is None:
        return f"{row.label.title()}: not measured"
    pitch = ("pitch not measured" if row.semitones is None else
             f"pitch range {row.semitones:.1f} semitones"
             + (" (flat)" if row.semitones < MONOTONE_SEMITONES else ""))
    level = "" if row.level_db is None else f", level {row.level_db:.0f} dB" + (
        " (quiet)" if row.level_db < QUIET_DB else "")
    return f"{row.label.title()}: {pitch}{level}"


class VoiceStrip(QWidget):
    """Pitch range and loudness per segment, row for row beside ``TimelineChart``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[VoiceRow] = []
        self.setAccessibleName("Voice per STAR segment")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def set_rows(self, rows: Sequence[VoiceRow]) -> None:
        """Shows new rows (one per timeline row, in the same order)."""
        self.rows = list(rows)
        text = "; ".join(describe_row(r) for r in self.rows)
        self.setAccessibleDescription(text)
        self.setToolTip("\n".join(describe_row(r) for r in self.rows))
        self.updateGeometry()
        self.update()

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 10  # as TimelineChart's rows

    def _columns(self) -> tuple[float, float, float]:
        fm = self.fontMetrics()
        return 60.0, float(fm.horizontalAdvance("99.9 st") + 8), float(
            fm.horizontalAdvance("-99 dB") + 4)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Two short bars with their numbers, one row per segment plus the caption."""
        bar, pitch_w, level_w = self._columns()
        width = int(2 * bar + pitch_w + level_w + 16)
        width = max(width, self.fontMetrics().horizontalAdvance("Pitch range · voice level") + 8)
        rows = max(1, len(self.rows))
        return QSize(width, rows * self._row_height() + self.fontMetrics().height() + 8)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Every row must show."""
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """Paints each row's pitch bar and level bar with their thresholds."""
        c = theme.colors(self.palette())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        bar, pitch_w, level_w = self._columns()
        row_h = self._row_height()
        x_pitch = 0.0
        x_level = bar + pitch_w + 8
        for i, row in enumerate(self.rows):
            y = 2 + i * row_h
            self._bar(painter, QRectF(x_pitch, y + 3, bar, row_h - 6), row.semitones,
                      0.0, PITCH_MAX, MONOTONE_SEMITONES, c)
            self._text(painter, QRectF(x_pitch + bar + 4, y, pitch_w, row_h),
                       "—" if row.semitones is None else f"{row.semitones:.1f} st",
                       c.warn if row.semitones is not None and row.semitones < MONOTONE_SEMITONES
                       else c.text)
            self._bar(painter, QRectF(x_level, y + 3, bar, row_h - 6), row.level_db,
                      LEVEL_MIN, LEVEL_MAX, QUIET_DB, c)
            self._text(painter, QRectF(x_level + bar + 4, y, level_w, row_h),
                       "—" if row.level_db is None else f"{row.level_db:.0f} dB",
                       c.warn if row.level_db is not None and row.level_db < QUIET_DB else c.text)
        painter.setPen(QColor(c.muted))
        painter.drawText(QRectF(0, 2 + len(self.rows) * row_h, self.width(), fm.height() + 4),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         "Pitch range · voice level")
        painter.end()

    def _bar(self, painter: QPainter, track: QRectF, value: float | None, lo: float, hi: float,
             threshold: float, c: theme.Colors) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(c.card))
        painter.drawRoundedRect(track, 3, 3)
        if value is not None:
            frac = min(1.0, max(0.0, (value - lo) / (hi - lo)))
            painter.setBrush(QColor(c.warn if value < threshold else c.good))
            painter.drawRoundedRect(QRectF(track.x(), track.y() + 3, track.width() * frac,
                                           track.height() - 6), 2, 2)
        tx = track.x() + track.width() * (threshold - lo) / (hi - lo)
        pen = QPen(QColor(c.text))
        pen.setWidthF(1.5)
        painter.setPen(pen)
        painter.drawLine(int(tx), int(track.top()), int(tx), int(track.bottom()))

    def _text(self, painter: QPainter, rect: QRectF, text: str, color: str) -> None:
        painter.setPen(QColor(color))
        painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
