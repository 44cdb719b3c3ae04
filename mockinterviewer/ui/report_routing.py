"""Which report the main window shows, where it came from, and where its buttons lead.

A mixin for :class:`~mockinterviewer.ui.main_window.MainWindow`: a report belongs to Rehearse or
Drill (its navigation entry stays highlighted), Retry goes back to the same mode (and drill kind),
Next opens the following scenario, and History opens past attempts here.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QListWidgetItem, QWidget

from mockinterviewer.store.drill_records import drill_summary, is_drill, report_owner
from mockinterviewer.ui import dialogs
from mockinterviewer.ui.screen_list import SCREENS

log = logging.getLogger(__name__)


class ReportRoutingMixin:
    """Shows reports of new and past attempts and follows their Retry and Next buttons."""

    services: Any
    report_page: Any
    stack: Any
    nav: Any
    _report_owner: str
    _drill_kind: str
    _reveal_pending: bool

    def open_attempt(self, attempt_id: int) -> None:
        """Shows a past attempt's report (from History)."""
        store = self.services.store
        try:
            attempt = store.get(attempt_id)
        except Exception as exc:  # noqa: BLE001 - StoreError has the words
            dialogs.show_error(self, "Attempt not found", str(exc), "Refresh the History list.")
            return
        if attempt.mode == "loop":  # a loop opens on its debrief
            self.open_loop(loop_id=attempt_id)  # type: ignore[attr-defined]
            return
        if is_drill(attempt.mode):
            if attempt.status != "done":
                dialogs.show_message(self, "Drill try", drill_summary(attempt))
                return
            self._report_owner = "drill"
            self._drill_kind = "probe" if attempt.mode == "drill-probe" else "segment"
            self._reveal_pending = True
            self.report_page.show_drill(attempt)
            if not self.report_page.filling:
                self._reveal_report()
            return
        if attempt.analysis is None:
            dialogs.show_error(self, "No report for this attempt",
                               "This attempt was not analysed (it was unfinished or abandoned).",
                               "Rehearse the question again to get a report.")
            return
        self.show_report(attempt.analysis, attempt_id, owner=report_owner(attempt.mode))

    def _build_report(self) -> QWidget:
        from mockinterviewer.ui.report.report_view import ReportView

        view = ReportView(self.services)
        view.filled.connect(self._report_filled)
        view.retry_requested.connect(self._retry_report)
        view.next_requested.connect(self._next_scenario)
        return view

    def _retry_report(self, scenario_id: str) -> None:
        """Retry on the Report: the same scenario again, in the mode (and drill) it came from."""
        if not scenario_id:
            return
        if self._report_owner == "drill" and self.services.scenario(scenario_id) is not None:
            self.show_drill(scenario_id, self._drill_kind)
        else:
            self.open_mode(self._report_owner, scenario_id)

    def _rehearsal_done(self, analysis: Any, attempt_id: Any, recordings: dict) -> None:
        # fill (its finding cards over several turns, while hidden), switch and refresh in
        # separate event-loop turns so none of them stalls it long
        self._report_owner = "rehearse"
        self._reveal_pending = True
        self.report_page.show_analysis(analysis, recordings=recordings, attempt_id=attempt_id)
        if not self.report_page.filling:
            QTimer.singleShot(0, self._reveal_report)

    def _report_filled(self) -> None:
        if self._reveal_pending:
            QTimer.singleShot(0, self._reveal_report)

    def _reveal_report(self) -> None:
        if not self._reveal_pending:
            return
        self._reveal_pending = False
        self.stack.setCurrentWidget(self.report_page)
        self._highlight_nav(self._report_owner)
        self.report_page.setFocus()
        QTimer.singleShot(0, self.refresh_history)

    def _highlight_nav(self, key: str) -> None:
        """Selects a screen's entry in the navigation without switching the stack (the report
        page is not in the list: it shows the entry it belongs to)."""
        keys = [k for k, _l, _t in SCREENS]
        if key in keys and self.nav.currentRow() != keys.index(key):
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(keys.index(key))
            self.nav.blockSignals(False)

    def _nav_clicked(self, item: QListWidgetItem) -> None:
        """A click on the highlighted entry while the report shows goes to that screen."""
        if self.current_screen() == "report":
            self.show_screen(str(item.data(Qt.ItemDataRole.UserRole)))

    def _next_scenario(self, scenario_id: str) -> None:
        ids = [s.id for s in self.services.scenarios]
        if not ids:
            return
        nxt = ids[(ids.index(scenario_id) + 1) % len(ids)] if scenario_id in ids else ids[0]
        self.open_mode(self._report_owner, nxt)

    def show_report(self, analysis: Any, attempt_id: int | None = None,
                    owner: str = "rehearse") -> None:
        """REPORT SLOT: shows the report of an analysed answer.

        Args:
            analysis: the coaching engine's analysis.
            attempt_id: the stored attempt, if any.
            owner: the navigation entry the report belongs to (``rehearse`` or ``drill``).
        """
        log.info("report for attempt %s", attempt_id)
        self._report_owner = owner
        self._reveal_pending = True
        self.report_page.show_analysis(analysis, attempt_id=attempt_id)
        if not self.report_page.filling:
            self._reveal_report()
