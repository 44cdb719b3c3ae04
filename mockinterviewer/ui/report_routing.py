"""Which report the main window shows, where it came from, and where its buttons lead.

:class:`ReportRouter` is an object the main window owns: it builds the report page, remembers
which mode a report belongs to (its navigation entry stays highlighted), sends Retry back to the
same mode (and drill kind) and Next to the following scenario, and opens past attempts from
History. It reaches the window only through :class:`ReportHost`.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStackedWidget, QWidget

from mockinterviewer.store.drill_records import drill_summary, is_drill, report_owner
from mockinterviewer.ui import dialogs
from mockinterviewer.ui.report.report_view import ReportView
from mockinterviewer.ui.screen_list import SCREENS
from mockinterviewer.ui.services import Services

log = logging.getLogger(__name__)


class ReportHost(Protocol):
    """What the router needs of the main window."""

    services: Services
    stack: QStackedWidget
    nav: QListWidget

    def open_mode(self, mode: str, scenario_id: str) -> None:
        """Opens a mode (rehearse, drill, learn, test) for a scenario."""

    def show_drill(self, scenario_id: str, kind: str = "segment") -> None:
        """Opens the Drill screen on a scenario and drill kind."""

    def open_loop(self, plan: Any = None, loop_id: int | None = None) -> None:
        """Opens the Loop screen (a stored loop shows its debrief)."""

    def show_screen(self, key: str) -> None:
        """Switches to a screen by key."""

    def current_screen(self) -> str:
        """The key of the visible screen (``report`` for the report page)."""
        ...

    def refresh_history(self) -> None:
        """Re-reads what depends on the history (after an attempt is saved)."""


class ReportRouter(QObject):
    """Shows reports of new and past attempts and follows their Retry and Next buttons.

    Args:
        host: the main window's navigation (see :class:`ReportHost`).
        parent: the window (parent of this object and of its dialogs).

    Attributes:
        page: the report page (added to the window's stack by the window).
        owner: the navigation entry the shown report belongs to (``rehearse`` or ``drill``).
        drill_kind: the drill a drill report came from (its Retry goes back to it).
    """

    def __init__(self, host: ReportHost, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = host
        self._window = parent
        self.owner = "rehearse"
        self.drill_kind = "segment"
        self._reveal_pending = False
        self._primed = False
        self.page = ReportView(host.services)
        self.page.filled.connect(self._report_filled)
        self.page.retry_requested.connect(self._retry_report)
        self.page.next_requested.connect(self._next_scenario)

    def open_attempt(self, attempt_id: int) -> None:
        """Shows a past attempt's report (from History)."""
        store = self._host.services.store
        if store is None:
            return
        try:
            attempt = store.get(attempt_id)
        except Exception as exc:  # noqa: BLE001 - StoreError has the words
            dialogs.show_error(self._window, "Attempt not found", str(exc),
                               "Refresh the History list.")
            return
        if attempt.mode == "loop":  # a loop opens on its debrief
            self._host.open_loop(loop_id=attempt_id)
            return
        if is_drill(attempt.mode):
            if attempt.status != "done":
                dialogs.show_message(self._window, "Drill try", drill_summary(attempt))
                return
            self.owner = "drill"
            self.drill_kind = "probe" if attempt.mode == "drill-probe" else "segment"
            self._reveal_pending = True
            self.page.show_drill(attempt)
            if not self.page.filling:
                self._reveal_report()
            return
        if attempt.analysis is None:
            dialogs.show_error(self._window, "No report for this attempt",
                               "This attempt was not analysed (it was unfinished or abandoned).",
                               "Rehearse the question again to get a report.")
            return
        self.show_report(attempt.analysis, attempt_id, owner=report_owner(attempt.mode))

    def show_report(self, analysis: Any, attempt_id: int | None = None,
                    owner: str = "rehearse") -> None:
        """Shows the report of an analysed answer.

        Args:
            analysis: the coaching engine's analysis.
            attempt_id: the stored attempt, if any.
            owner: the navigation entry the report belongs to (``rehearse`` or ``drill``).
        """
        log.info("report for attempt %s", attempt_id)
        self.owner = owner
        self._reveal_pending = True
        self.page.show_analysis(analysis, attempt_id=attempt_id)
        if not self.page.filling:
            self._reveal_report()

    def rehearsal_done(self, analysis: Any, attempt_id: int | None,
                       recordings: dict[str, Any]) -> None:
        """Rehearse finished an answer: fills the report and shows it."""
        # fill (its finding cards over several turns, while hidden), switch and refresh in
        # separate event-loop turns so none of them stalls it long
        self.owner = "rehearse"
        self._reveal_pending = True
        self.page.show_analysis(analysis, recordings=recordings, attempt_id=attempt_id)
        if not self.page.filling:
            QTimer.singleShot(0, self._reveal_report)

    def nav_clicked(self, item: QListWidgetItem) -> None:
        """A click on the highlighted entry while the report shows goes to that screen."""
        if self._host.current_screen() == "report":
            self._host.show_screen(str(item.data(Qt.ItemDataRole.UserRole)))

    def prime_once(self) -> None:
        """On the window's first show, lays the report page out once (see :meth:`_prime`)."""
        if not self._primed:
            self._primed = True
            QTimer.singleShot(0, self, self._prime)

    def _prime(self) -> None:
        """Shows and hides the (empty) report page within one event-loop turn, so nothing is
        painted: its widgets get their sizes now, at start-up, and the first report only has to
        be filled, not laid out from scratch while the user waits."""
        stack = self._host.stack
        current = stack.currentWidget()
        if current is None or current is self.page:
            return
        focus = self._window.focusWidget()
        stack.setCurrentWidget(self.page)
        stack.setCurrentWidget(current)
        if focus is not None and self._window.focusWidget() is not focus:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)  # hiding the page moved it

    def _retry_report(self, scenario_id: str) -> None:
        """Retry on the Report: the same scenario again, in the mode (and drill) it came from."""
        if not scenario_id:
            return
        if self.owner == "drill" and self._host.services.scenario(scenario_id) is not None:
            self._host.show_drill(scenario_id, self.drill_kind)
        else:
            self._host.open_mode(self.owner, scenario_id)

    def _report_filled(self) -> None:
        if self._reveal_pending:
            QTimer.singleShot(0, self._reveal_report)

    def _reveal_report(self) -> None:
        if not self._reveal_pending:
            return
        self._reveal_pending = False
        self._host.stack.setCurrentWidget(self.page)
        self._highlight_nav(self.owner)
        self.page.setFocus()
        QTimer.singleShot(0, self._host.refresh_history)

    def _highlight_nav(self, key: str) -> None:
        """Selects a screen's entry in the navigation without switching the stack (the report
        page is not in the list: it shows the entry it belongs to)."""
        nav = self._host.nav
        keys = [k for k, _l, _t in SCREENS]
        if key in keys and nav.currentRow() != keys.index(key):
            nav.blockSignals(True)
            nav.setCurrentRow(keys.index(key))
            nav.blockSignals(False)

    def _next_scenario(self, scenario_id: str) -> None:
        ids = [s.id for s in self._host.services.scenarios]
        if not ids:
            return
        nxt = ids[(ids.index(scenario_id) + 1) % len(ids)] if scenario_id in ids else ids[0]
        self._host.open_mode(self.owner, nxt)
