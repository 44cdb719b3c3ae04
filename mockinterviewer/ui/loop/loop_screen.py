"""The Loop screen: choosing the loop, answering it, then its debrief (three pages in a stack).

It owns its pages (:class:`LoopSetup`, :class:`LoopView`, :class:`LoopDebriefView`) and moves
between them; the main window only starts a loop, opens a stored one and follows
:attr:`LoopScreen.report_requested`.
"""

from __future__ import annotations

import logging
from collections import Counter
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedLayout, QWidget

from mockinterviewer.coach.loop import LoopPlan
from mockinterviewer.settings import Settings
from mockinterviewer.ui import dialogs
from mockinterviewer.ui.loop.loop_debrief import LoopDebriefView
from mockinterviewer.ui.loop.loop_setup import LoopSetup
from mockinterviewer.ui.loop.loop_view import LoopView

log = logging.getLogger(__name__)


class LoopScreen(QWidget):
    """Setup, questions and debrief of a loop.

    Signals:
        report_requested: an answer's attempt id whose full report should open.
        loop_saved: a loop was debriefed and stored (History and Home can refresh).
    """

    report_requested = Signal(int)
    loop_saved = Signal()

    def __init__(self, services: Any, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.settings = settings
        self.setup = LoopSetup(list(services.scenarios), settings.level)
        self.view = LoopView(services, settings)
        self.debrief = LoopDebriefView(services)
        self.pages = QStackedLayout(self)
        for page in (self.setup, self.view, self.debrief):
            self.pages.addWidget(page)
        self.setup.start_requested.connect(self.start)
        self.view.finished.connect(self._finished)
        self.view.cancelled.connect(self.show_setup)
        self.debrief.report_requested.connect(self.report_requested.emit)
        self.debrief.new_loop_requested.connect(self.show_setup)

    def show_setup(self) -> None:
        """Shows the choice of principles (with the history behind the surprise draw)."""
        store = self.services.store
        if store is not None:
            try:
                done = [a for a in store.list(status="done") if a.mode not in ("loop",)
                        and not a.mode.startswith("drill")]
                latest: dict[str, str | None] = {}
                for a in done:  # newest first
                    latest.setdefault(a.scenario_id, a.verdict)
                self.setup.set_history(Counter(a.scenario_id for a in done), latest)
            except Exception:
                log.warning("history unavailable for the surprise loop", exc_info=True)
        self.setup.set_level(self.settings.level)
        self.pages.setCurrentWidget(self.setup)
        self.setup.setFocus()

    def start(self, plan: LoopPlan) -> None:
        """Starts a loop."""
        scenarios = [self.services.scenario(sid) for sid in plan.scenario_ids]
        if any(s is None for s in scenarios):
            dialogs.show_error(self, "Unknown scenario", "A scenario of this loop no longer "
                               "exists.", "Choose the principles again.")
            self.show_setup()
            return
        self.pages.setCurrentWidget(self.view)
        self.view.start(plan, [s for s in scenarios if s is not None])

    def show_stored(self, loop_id: int) -> bool:
        """Shows a stored loop's debrief (computed from its answers when it was cut short)."""
        from mockinterviewer.store.loops import build_debrief, stored_debrief

        store = self.services.store
        if store is None:
            return False
        try:
            loop = store.get(loop_id)
            d = stored_debrief(loop)
            if d is None:
                scenarios = list(self.services.scenarios)
                d = build_debrief(loop, store.loop_answers(loop_id), self.services.scenario,
                                  [s for s in scenarios if s.kind == "story"], scenarios)
        except Exception as exc:  # noqa: BLE001 - StoreError has the words
            dialogs.show_error(self, "Loop not found", str(exc), "Refresh the History list.")
            return False
        self.debrief.show_debrief(loop_id, d)
        self.pages.setCurrentWidget(self.debrief)
        self.debrief.setFocus()
        return True

    def set_scenarios(self, scenarios: list[Any]) -> None:
        """Uses a reloaded library."""
        self.setup.set_scenarios(scenarios)

    def set_services(self, services: Any, settings: Settings | None = None) -> None:
        """Uses new engines."""
        self.services = services
        self.debrief.services = services
        self.view.set_services(services, settings)
        if settings is not None:
            self.settings = settings

    def shutdown(self) -> None:
        """Stops recording (window closing)."""
        self.view.shutdown()

    def _finished(self, loop_id: Any, d: Any) -> None:
        self.debrief.show_debrief(loop_id, d)
        self.pages.setCurrentWidget(self.debrief)
        self.debrief.setFocus()
        self.loop_saved.emit()
