"""A microphone level meter that proves the microphone hears the user.

The bar shows the RMS level on a dB scale (``FLOOR_DB`` .. 0 dBFS) with a peak-hold tick that
falls back slowly. It is green while speech is at a good level, amber when quiet and red near
clipping. :attr:`LevelMeter.hearing` tells whether anything above the noise floor arrived recently.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from mockinterviewer.ui import theme

log = logging.getLogger(__name__)

FLOOR_DB = -60.0
"""Bottom of the scale."""
QUIET_DB = -45.0
"""Below this RMS the user is not heard (shown amber when above the floor)."""
CLIP_DB = -3.0
"""Peaks above this are close to clipping (shown red)."""
_PEAK_FALL_DB_PER_S = 20.0
_HEARD_SECONDS = 1.5


def db_fraction(db: float, floor: float = FLOOR_DB) -> float:
    """Maps a level in dBFS onto 0..1 of the meter.

    Args:
        db: the level (0 = full scale).
        floor: the level shown as empty.

    Returns:
        0 at or below ``floor``, 1 at 0 dBFS.
    """
    if db <= floor:
        return 0.0
    return min(1.0, (db - floor) / -floor)


class LevelMeter(QWidget):
    """Horizontal level meter with peak hold."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rms_db = FLOOR_DB
        self.peak_db = FLOOR_DB
        self._hold_db = FLOOR_DB
        self._hold_at = 0.0
        self._heard_at: float | None = None
        self.updates = 0
        self.setAccessibleName("Microphone level")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._describe()

    @property
    def hearing(self) -> bool:
        """True when a level above :data:`QUIET_DB` arrived within the last 1.5 s."""
        return self._heard_at is not None and time.monotonic() - self._heard_at < _HEARD_SECONDS

    @property
    def ever_heard(self) -> bool:
        """True once any level above :data:`QUIET_DB` arrived since the last reset."""
        return self._heard_at is not None

    def set_level(self, rms_db: float, peak_db: float) -> None:
        """Shows a new level (connect the session's ``level`` signal here).

        Args:
            rms_db: RMS of the latest block in dBFS.
            peak_db: peak of the latest block in dBFS.
        """
        now = time.monotonic()
        self.updates += 1
        self.rms_db = float(rms_db)
        self.peak_db = float(peak_db)
        fallen = self._hold_db - _PEAK_FALL_DB_PER_S * (now - self._hold_at)
        if self.peak_db >= fallen:
            self._hold_db, self._hold_at = self.peak_db, now
        else:
            self._hold_db, self._hold_at = fallen, now
        if self.rms_db > QUIET_DB:
            self._heard_at = now
        self._describe()
        self.update()

    def reset(self) -> None:
        """Back to silence."""
        self.rms_db = self.peak_db = self._hold_db = FLOOR_DB
        self._heard_at = None
        self._describe()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """A slim bar, about one line of text high."""
        return QSize(self.fontMetrics().horizontalAdvance("M") * 16,
                     max(10, self.fontMetrics().height() // 2 + 6))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Narrow but visible."""
        return QSize(self.fontMetrics().horizontalAdvance("M") * 6, 8)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """Paints the bar, the quiet threshold and the peak-hold tick."""
        c = theme.colors(self.palette())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QColor(c.muted))
        painter.setBrush(QColor(c.card))
        painter.drawRoundedRect(r, 3, 3)
        frac = db_fraction(self.rms_db)
        if frac > 0:
            if self.peak_db > CLIP_DB:
                color = QColor(c.bad)
            elif self.rms_db > QUIET_DB:
                color = QColor(c.good)
            else:
                color = QColor(c.warn)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawRoundedRect(QRectF(r.x() + 1, r.y() + 1, (r.width() - 2) * frac,
                                           r.height() - 2), 2, 2)
        painter.setPen(QColor(c.muted))
        qx = r.x() + r.width() * db_fraction(QUIET_DB)
        painter.drawLine(int(qx), int(r.top() + 2), int(qx), int(r.bottom() - 2))
        hold = db_fraction(self._hold_db)
        if hold > 0:
            painter.setPen(QColor(c.text))
            hx = r.x() + 1 + (r.width() - 2) * hold
            painter.drawLine(int(hx), int(r.top() + 1), int(hx), int(r.bottom() - 1))
        painter.end()

    def _describe(self) -> None:
        if self.rms_db <= FLOOR_DB:
            words = "silent"
        elif self.rms_db <= QUIET_DB:
            words = "very quiet"
        elif self.peak_db > CLIP_DB:
            words = "too loud"
        else:
            words = "hearing you"
        self.setAccessibleDescription(f"Microphone {words} ({self.rms_db:.0f} dB)")
        self.setToolTip(f"Microphone level: {self.rms_db:.0f} dBFS ({words})")
