"""The loop's debrief: the overall reading, a row per principle, story reuse, totals and energy.

Keyboard: the principle list has the focus; Enter (or Alt+O) opens the highlighted answer's full
report, Alt+E exports the debrief (HTML or Markdown), Alt+N starts a new loop.
"""

from __future__ import annotations

import html
import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mockinterviewer.coach.loop import LoopDebrief
from mockinterviewer.content.model import LEVEL_NAMES
from mockinterviewer.ui import dialogs, theme
from mockinterviewer.ui.widgets.star_strip import format_seconds

log = logging.getLogger(__name__)


class LoopDebriefView(QWidget):
    """Shows a loop's debrief.

    Signals:
        report_requested: the attempt id of an answer whose full report should open.
        new_loop_requested: the user wants another loop.
    """

    report_requested = Signal(int)
    new_loop_requested = Signal()

    def __init__(self, services: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.loop_id: int | None = None
        self.debrief: LoopDebrief | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        root = QVBoxLayout(body)
        root.setContentsMargins(16, 16, 16, 8)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        root.addWidget(theme.style_heading(QLabel("Loop debrief"), 1.6))
        self.reading = theme.style_heading(QLabel(), 1.25)
        self.reading.setWordWrap(True)
        self.reading.setAccessibleName("Overall reading")
        root.addWidget(self.reading)
        self.one_thing = QLabel()
        self.one_thing.setWordWrap(True)
        self.one_thing.setAccessibleName("The one thing that would change the outcome")
        root.addWidget(self.one_thing)
        self.rows = QTreeWidget()
        self.rows.setAccessibleName("Principles: Enter opens the answer's full report")
        self.rows.setHeaderLabels(["Principle", "Verdict", "Time / budget", "Key finding"])
        self.rows.setRootIsDecorated(False)
        self.rows.setWordWrap(True)
        self.rows.setAlternatingRowColors(True)
        self.rows.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.rows.header()
        header.setStretchLastSection(True)
        for col in (0, 1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.rows.itemActivated.connect(lambda *_: self.open_selected())
        self.rows.currentItemChanged.connect(lambda *_: self._show_row())
        root.addWidget(self.rows)
        self.row_detail = QLabel()
        self.row_detail.setWordWrap(True)
        self.row_detail.setProperty("role", "muted")
        self.row_detail.setAccessibleName("The highlighted principle's key finding")
        root.addWidget(self.row_detail)
        root.addWidget(theme.style_heading(QLabel("Story reuse"), 1.15))
        self.reuse = QLabel()
        self.reuse.setWordWrap(True)
        self.reuse.setTextFormat(Qt.TextFormat.RichText)
        self.reuse.setAccessibleName("Story reuse")
        root.addWidget(self.reuse)
        root.addWidget(theme.style_heading(QLabel("Across the loop"), 1.15))
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.totals.setAccessibleName("Totals and energy")
        root.addWidget(self.totals)
        root.addStretch(1)
        keys = QHBoxLayout()
        self.open_button = QPushButton("&Open the answer's report (Enter)")
        self.open_button.clicked.connect(self.open_selected)
        self.export_button = QPushButton("&Export the debrief…")
        self.export_button.clicked.connect(lambda: self.export())
        self.new_button = QPushButton("&New loop")
        self.new_button.clicked.connect(self.new_loop_requested.emit)
        for b in (self.open_button, self.export_button, self.new_button):
            keys.addWidget(b)
        keys.addStretch(1)
        keys.setContentsMargins(16, 4, 16, 8)
        outer.addLayout(keys)
        self.setFocusProxy(self.rows)

    def show_debrief(self, loop_id: int | None, d: LoopDebrief) -> None:
        """Fills the screen with a debrief."""
        self.loop_id, self.debrief = loop_id, d
        self.reading.setText(d.reading)
        self.one_thing.setText(f"The one thing that would change the outcome: {d.one_thing}")
        self.rows.clear()
        for r in d.rows:
            verdict = r.verdict + (" (a retold story)" if r.reused else
                                   "" if r.at_bar else " (below the bar)")
            item = QTreeWidgetItem([r.principle, verdict,
                                    f"{format_seconds(r.seconds)} / "
                                    f"{format_seconds(r.budget_seconds)}", r.key_finding])
            item.setData(0, Qt.ItemDataRole.UserRole, r.attempt_id)
            item.setToolTip(3, r.key_finding)
            self.rows.addTopLevelItem(item)
        first = self.rows.topLevelItem(0)
        if first is not None:
            self.rows.setCurrentItem(first)
            row_h = max(self.rows.sizeHintForRow(0), self.rows.fontMetrics().height() + 6)
            self.rows.setFixedHeight(self.rows.header().sizeHint().height()
                                     + row_h * len(d.rows) + 2 * self.rows.frameWidth() + 4)
        self.reuse.setText(self._reuse_html(d))
        t = d.totals
        level = LEVEL_NAMES.get(d.level, d.level)
        if t is not None:
            self.totals.setText(
                f"Speaking time {format_seconds(t.speaking_seconds)} over {len(d.rows)} answers "
                f"at {level}; {t.words_per_minute:.0f} words a minute; {t.fillers} fillers "
                f"({t.fillers_per_minute:.1f} a minute). {t.energy_note}")
        self.open_button.setEnabled(any(r.attempt_id is not None for r in d.rows))
        self.export_button.setEnabled(loop_id is not None)

    def _show_row(self) -> None:
        item = self.rows.currentItem()
        self.row_detail.setText("" if item is None else
                                f"{item.text(0)}: {item.text(3)} (Enter opens the full report.)")

    def _reuse_html(self, d: LoopDebrief) -> str:
        if not d.reuse:
            return "<p>Every answer told a different story.</p>"
        e = html.escape
        parts = []
        for u in d.reuse:
            parts.append(f"<p><b>{e(u.second_principle)}</b> retold the story you told for "
                         f"<b>{e(u.first_principle)}</b>. Details both answers share:</p><ul>")
            for s in u.shared[:5]:
                parts.append(f"<li><b>{e(s.detail)}</b>: “{e(s.quote_a)}” and later "
                             f"“{e(s.quote_b)}”</li>")
            parts.append("</ul>")
            if u.suggestion:
                parts.append(f"<p>{e(u.suggestion)}</p>")
        return "".join(parts)

    def open_selected(self) -> None:
        """Enter: opens the highlighted answer's full single-answer report."""
        item = self.rows.currentItem()
        attempt_id = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if attempt_id is None:
            dialogs.show_message(self, "No report", "This answer was not saved to your history, "
                                 "so its full report cannot be opened.")
            return
        self.report_requested.emit(int(attempt_id))

    def choose_file(self, suggested: str) -> Any:
        """Asks where to save the export; None when cancelled."""
        from pathlib import Path

        name, _ = QFileDialog.getSaveFileName(self, "Export the debrief",
                                              str(Path.home() / suggested),
                                              "HTML report (*.html);;Markdown (*.md)")
        return Path(name) if name else None

    def export(self, out: Any = None) -> Any:
        """Alt+E: writes the debrief and every answer's report as HTML or Markdown."""
        store = self.services.store
        if store is None or self.loop_id is None:
            return None
        out = out or self.choose_file(f"loop-{self.loop_id}.html")
        if out is None:
            return None
        from mockinterviewer.errors import UserError
        from mockinterviewer.store.export import write_text
        from mockinterviewer.store.loop_export import render_loop

        fmt = "md" if out.suffix.lower() in (".md", ".markdown") else "html"
        try:
            loop = store.get(self.loop_id)
            write_text(render_loop(loop, store.loop_answers(self.loop_id), self.debrief, fmt), out)
        except UserError as exc:
            dialogs.show_error(self, "Could not export", str(exc), "Choose another file.")
            return None
        return out
