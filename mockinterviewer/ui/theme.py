"""Palette-aware styling: colours that read well in light and dark palettes, relative fonts.

Nothing here uses pixel font sizes: headings are the application font scaled by a factor, so text
follows the system font size. Colours are picked from (or blended with) the active palette.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

# STAR segment hues (light-palette versions); dark palettes get lighter tints of the same hue.
_SEGMENT_HUES: dict[str, str] = {
    "situation": "#3b73d9",
    "task": "#7c5ce0",
    "action": "#23915d",
    "result": "#c98612",
    "reflection": "#c2453f",
}


@dataclass(frozen=True)
class Colors:
    """Colours for the current palette, as ``#rrggbb`` strings.

    Attributes:
        dark: whether the palette is dark.
        text: normal text.
        muted: secondary text.
        base: background of text areas.
        card: background of grouped panels, slightly off the window colour.
        mark: background of highlighted phrases (readable under ``text``).
        good: success (correct answer, on time).
        warn: near a limit (amber).
        bad: failure (wrong answer, over time).
        link: links and accents.
    """

    dark: bool
    text: str
    muted: str
    base: str
    card: str
    mark: str
    good: str
    warn: str
    bad: str
    link: str


def is_dark(palette: QPalette | None = None) -> bool:
    """Tells whether a palette (default: the application's) is dark."""
    pal = palette or QGuiApplication.palette()
    return pal.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def _blend(a: QColor, b: QColor, t: float) -> QColor:
    return QColor.fromRgbF(
        a.redF() * (1 - t) + b.redF() * t,
        a.greenF() * (1 - t) + b.greenF() * t,
        a.blueF() * (1 - t) + b.blueF() * t,
    )


def colors(palette: QPalette | None = None) -> Colors:
    """Returns the colour set for a palette (default: the application's)."""
    pal = palette or QGuiApplication.palette()
    dark = is_dark(pal)
    text = pal.color(QPalette.ColorRole.WindowText)
    window = pal.color(QPalette.ColorRole.Window)
    base = pal.color(QPalette.ColorRole.Base)
    if dark:
        mark, good, warn, bad, link = "#6b5a12", "#5fd38d", "#f0b34a", "#ff7b72", "#79b0ff"
    else:
        mark, good, warn, bad, link = "#fff0a0", "#1e7b45", "#a05c00", "#b3261e", "#1f5fbf"
    return Colors(
        dark=dark,
        text=text.name(),
        muted=_blend(text, window, 0.4).name(),
        base=base.name(),
        card=_blend(window, text, 0.06).name(),
        mark=mark,
        good=good,
        warn=warn,
        bad=bad,
        link=link,
    )


def segment_color(label: str, palette: QPalette | None = None) -> QColor:
    """Returns the colour of a STAR segment, lightened for dark palettes.

    Args:
        label: situation, task, action, result or reflection (others get a neutral grey).
        palette: the palette (default: the application's).
    """
    color = QColor(_SEGMENT_HUES.get(label, "#808080"))
    return color.lighter(135) if is_dark(palette) else color


def scaled_font(base: QFont | None = None, factor: float = 1.0, bold: bool = False) -> QFont:
    """Returns a font scaled relative to ``base`` (default: the application font).

    Args:
        base: the font to scale.
        factor: size multiplier, e.g. 1.5 for a heading.
        bold: make it bold.
    """
    font = QFont(base if base is not None else QApplication.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    elif font.pixelSize() > 0:  # only when the platform font is pixel-sized
        font.setPixelSize(max(1, round(font.pixelSize() * factor)))
    font.setBold(bold)
    return font


_W = TypeVar("_W", bound=QWidget)


def style_heading(widget: _W, factor: float = 1.5, bold: bool = True) -> _W:
    """Makes a widget's text a heading, relative to the application font; returns the widget."""
    widget.setFont(scaled_font(None, factor, bold))
    return widget


def dark_palette() -> QPalette:
    """A dark palette (used when the user or a test asks for dark mode)."""
    p = QPalette()
    role = QPalette.ColorRole
    window, base, text = QColor("#202225"), QColor("#17181a"), QColor("#e6e6e6")
    p.setColor(role.Window, window)
    p.setColor(role.WindowText, text)
    p.setColor(role.Base, base)
    p.setColor(role.AlternateBase, QColor("#26282b"))
    p.setColor(role.ToolTipBase, QColor("#2b2d31"))
    p.setColor(role.ToolTipText, text)
    p.setColor(role.PlaceholderText, QColor("#8a8d91"))
    p.setColor(role.Text, text)
    p.setColor(role.Button, QColor("#2b2d31"))
    p.setColor(role.ButtonText, text)
    p.setColor(role.BrightText, QColor("#ff6b6b"))
    p.setColor(role.Highlight, QColor("#3d6fd6"))
    p.setColor(role.HighlightedText, QColor("#ffffff"))
    p.setColor(role.Link, QColor("#79b0ff"))
    p.setColor(role.Mid, QColor("#3a3c40"))
    p.setColor(role.Midlight, QColor("#33363a"))
    p.setColor(role.Dark, QColor("#111214"))
    p.setColor(role.Light, QColor("#44474c"))
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, r, QColor("#6f7276"))
    return p


def stylesheet(palette: QPalette | None = None) -> str:
    """The app's style sheet for a palette: spacing and accents, never font pixel sizes."""
    c = colors(palette)
    return f"""
QListWidget#nav {{ border: none; padding: 4px; background: {c.card}; }}
QListWidget#nav::item {{ padding: 6px 10px; border-radius: 6px; }}
QListWidget#nav::item:selected {{
    background: palette(highlight); color: palette(highlighted-text); }}
QFrame#card {{ background: {c.card}; border-radius: 8px; }}
QTreeWidget#scenarioList::item {{ padding: 3px 2px; }}
QLabel[role="muted"] {{ color: {c.muted}; }}
QLabel[role="good"] {{ color: {c.good}; }}
QLabel[role="warn"] {{ color: {c.warn}; }}
QLabel[role="bad"] {{ color: {c.bad}; }}
QPushButton[option="true"] {{ text-align: left; padding: 8px 12px; }}
QPushButton[state="correct"] {{ border: 2px solid {c.good}; }}
QPushButton[state="wrong"] {{ border: 2px solid {c.bad}; }}
QPushButton[primary="true"] {{ font-weight: bold; }}
"""


def apply_theme(app: QApplication, dark: bool | None = None) -> None:
    """Styles the application: Fusion style, an optional dark palette and the style sheet.

    Args:
        app: the application.
        dark: True forces the dark palette, False the style's light one, None keeps the system's.
    """
    app.setStyle("Fusion")
    if dark is True:
        app.setPalette(dark_palette())
    elif dark is False:
        app.setPalette(app.style().standardPalette())
    app.setStyleSheet(stylesheet(app.palette()))
