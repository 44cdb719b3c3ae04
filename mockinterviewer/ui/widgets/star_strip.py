"""The live STAR strip: five segments sized by their targets, the current one filling in real time.

Each segment's width is proportional to its target seconds (with a floor so every label stays
readable). A segment fills as time is spent in it; the fill turns amber when it reaches
:data:`NEAR_FRACTION` of its target and red once it runs past ``target * (1 + tolerance)``.
Colours come from the active palette, so the strip reads well in light and dark themes.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from mockinterviewer.content.model import SEGMENT_LABELS
from mockinterviewer.ui import theme

log = logging.getLogger(__name__)

NEAR_FRACTION = 0.8
"""Share of a target at which a segment turns amber."""

_MIN_SHARE = 0.11  # every segment gets at least this share of the width


def zone(seconds: float, target: float, tolerance: float) -> str:
    """Says how a segment's time compares with its target, for colouring.

    Args:
        seconds: time spent so far.
        target: target seconds (0 or less: never near or over).
        tolerance: fraction of the target that still counts as on time.

    Returns:
        ``normal`` below 80% of the target, ``near`` from 80% up to ``target * (1 + tolerance)``,
        ``over`` beyond it.
    """
    if target <= 0:
        return "normal"
    if seconds > target * (1.0 + tolerance):
        return "over"
    if seconds >= target * NEAR_FRACTION:
        return "near"
    return "normal"


def format_seconds(seconds: float) -> str:
    """Formats seconds as ``m:ss``, e.g. 75 as ``1:15``."""
    total = max(0, int(seconds))
    return f"{total // 60}:{total % 60:02d}"


def segment_widths(targets: Mapping[str, float], labels: tuple[str, ...], width: float,
                   min_share: float = _MIN_SHARE) -> list[float]:
    """Splits a width between segments in proportion to their targets, with a minimum share.

    Args:
        targets: target seconds by label.
        labels: the segments, in order.
        width: the width to split.
        min_share: the least share of the width any segment gets.

    Returns:
        One width per label; they add up to ``width``.
    """
    n = len(labels)
    if n == 0:
        return []
    values = [max(0.0, float(targets.get(lb, 0.0))) for lb in labels]
    total = sum(values)
    if total <= 0:
        return [width / n] * n
    share = [v / total for v in values]
    floor = min(min_share, 1.0 / n)
    small = [s < floor for s in share]
    free = 1.0 - floor * sum(small)
    rest = sum(s for s, is_small in zip(share, small, strict=True) if not is_small)
    out = [floor if is_small else (s / rest * free if rest > 0 else floor)
           for s, is_small in zip(share, small, strict=True)]
    return [o * width for o in out]


class StarStrip(QWidget):
    """Paints the STAR segments as a strip of boxes, widths proportional to their targets.

    Call :meth:`set_targets` once per answer and :meth:`set_times` whenever the clocks tick.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: tuple[str, ...] = SEGMENT_LABELS
        self.targets: dict[str, float] = dict.fromkeys(SEGMENT_LABELS, 0.0)
        self.tolerance = 0.2
        self.seconds: dict[str, float] = dict.fromkeys(SEGMENT_LABELS, 0.0)
        self.current: str | None = None
        self.setAccessibleName("STAR timing strip")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._describe()

    # -- public -----------------------------------------------------------------------------------

    def set_targets(self, targets: Mapping[str, float], tolerance: float = 0.2) -> None:
        """Sets the targets (and so the widths) and clears the times.

        Args:
            targets: target seconds by label (``scenario.targets_for(level)``).
            tolerance: fraction of a target that still counts as on time.
        """
        self.labels = tuple(lb for lb in SEGMENT_LABELS if lb in targets) or SEGMENT_LABELS
        self.targets = {lb: float(targets.get(lb, 0.0)) for lb in self.labels}
        self.tolerance = float(tolerance)
        self.reset()

    def reset(self) -> None:
        """Clears the times; no segment is current."""
        self.seconds = dict.fromkeys(self.labels, 0.0)
        self.current = None
        self._describe()
        self.update()

    def set_times(self, seconds: Mapping[str, float], current: str | None) -> None:
        """Updates the time spent per segment and which one is being spoken.

        Args:
            seconds: seconds spent per label so far (missing labels count as 0).
            current: the segment now being spoken, or None (not recording).
        """
        self.seconds = {lb: max(0.0, float(seconds.get(lb, 0.0))) for lb in self.labels}
        self.current = current if current in self.labels else None
        self._describe()
        self.update()

    def zone_of(self, label: str) -> str:
        """The colour zone of a segment now: ``normal``, ``near`` or ``over``."""
        return zone(self.seconds.get(label, 0.0), self.targets.get(label, 0.0), self.tolerance)

    def segment_rects(self) -> dict[str, QRectF]:
        """Where each segment is drawn (widget coordinates); used by painting and tests."""
        gap = 4.0
        usable = max(1.0, self.width() - gap * (len(self.labels) - 1) - 2)
        widths = segment_widths(self.targets, self.labels, usable)
        rects: dict[str, QRectF] = {}
        x = 1.0
        for label, w in zip(self.labels, widths, strict=True):
            rects[label] = QRectF(x, 1.0, w, self.height() - 2.0)
            x += w + gap
        return rects

    # -- Qt ---------------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Two lines of text plus padding; wide enough for five labels."""
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance("Reflection 0:00/0:00") * 5, fm.height() * 2 + 22)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """At least two lines of text high."""
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance("Reflection") * 5, fm.height() * 2 + 18)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """Paints the segments, their fills and their labels."""
        c = theme.colors(self.palette())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_color = QColor(c.text)
        base = QColor(c.card)
        fm = self.fontMetrics()
        for label, rect in self.segment_rects().items():
            target = self.targets.get(label, 0.0)
            spent = self.seconds.get(label, 0.0)
            hue = theme.segment_color(label, self.palette())
            where = self.zone_of(label)
            fill = {"near": QColor(c.warn), "over": QColor(c.bad)}.get(where, hue)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(base)
            painter.drawRoundedRect(rect, 5, 5)
            frac = min(1.0, spent / target) if target > 0 else (1.0 if spent > 0 else 0.0)
            if frac > 0:
                tint = QColor(fill)
                tint.setAlphaF(0.55 if c.dark else 0.35)
                painter.setBrush(tint)
                painter.drawRoundedRect(QRectF(rect.x(), rect.y(), rect.width() * frac,
                                               rect.height()), 5, 5)
            pen = QPen(fill if where != "normal" else hue)
            pen.setWidthF(2.0 if label == self.current else 1.2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 5, 5)
            if label == self.current:  # the segment being spoken: a bar along its bottom
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(self.palette().color(QPalette.ColorRole.Highlight))
                painter.drawRoundedRect(QRectF(rect.x() + 3, rect.bottom() - 5,
                                               rect.width() - 6, 4), 2, 2)
            painter.setPen(text_color)
            inner = rect.adjusted(6, 4, -6, -7)
            title = ("▸ " if label == self.current else "") + label.title()
            name = fm.elidedText(title, Qt.TextElideMode.ElideRight, int(inner.width()))
            font = painter.font()
            font.setBold(label == self.current)
            painter.setFont(font)
            painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, name)
            font.setBold(False)
            painter.setFont(font)
            clock = f"{format_seconds(spent)}/{format_seconds(target)}"
            flag = {"near": " near", "over": " over"}.get(where, "")
            for text in (clock + flag, clock, format_seconds(spent)):
                if fm.horizontalAdvance(text) <= inner.width():
                    clock = text
                    break
            painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                             clock)
        painter.end()

    # -- helpers ----------------------------------------------------------------------------------

    def _describe(self) -> None:
        parts = []
        for label in self.labels:
            spent, target = self.seconds.get(label, 0.0), self.targets.get(label, 0.0)
            words = f"{label} {int(spent)} of {int(round(target))} seconds"
            where = self.zone_of(label)
            if where == "near":
                words += ", near target"
            elif where == "over":
                words += ", over target"
            if label == self.current:
                words += ", current"
            parts.append(words)
        self.setAccessibleDescription("; ".join(parts))
        self.setToolTip("\n".join(p[0].upper() + p[1:] for p in parts))
