"""The main window: a navigation list, a stack of screens, a menu, and a readiness status line.

Ctrl+1 … Ctrl+9 and Ctrl+0 switch screens (also in the Go menu), Ctrl+, opens Settings, F1 lists
the keys. The speech model loads once in the background at start-up; the status bar shows whether
the microphone, the model and the voice are ready.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from mockinterviewer.settings import Settings
from mockinterviewer.store.drill_records import last_results
from mockinterviewer.store.due import due_from_store, due_today, next_upcoming
from mockinterviewer.ui import dialogs, screens, theme
from mockinterviewer.ui.drill.drill_view import DrillView
from mockinterviewer.ui.home_view import HomeView
from mockinterviewer.ui.learn_view import LearnView
from mockinterviewer.ui.quiz_view import TestView
from mockinterviewer.ui.rehearse.rehearse_view import RehearseView
from mockinterviewer.ui.report_routing import ReportRouter
from mockinterviewer.ui.screen_host import ScreenHost
from mockinterviewer.ui.screen_list import LAZY_SCREENS, SCREENS
from mockinterviewer.ui.services import Services
from mockinterviewer.ui.settings.settings_view import SettingsView
from mockinterviewer.ui.window_chrome import WindowChrome, follow_system_palette, ui_state

if TYPE_CHECKING:
    from mockinterviewer.ui.loop.loop_screen import LoopScreen

__all__ = ["LAZY_SCREENS", "SCREENS", "MainWindow", "ui_state"]

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Top-level window holding the app's screens.

    Args:
        settings: the user's settings (loaded once by the app).
        services: the engines (default: the real ones for these settings).
        load_model: start loading the speech model in the background now.

    Signals:
        model_loaded: True when the speech model is ready, False when loading failed.
        readiness_changed: the microphone and voice checks finished.

    Attributes:
        screen_host: the screens by key, their navigation rows, and building the lazy ones on
            their first visit (:class:`ScreenHost`); ``screens`` is its dict of screens.
        reports: the report page and where its buttons lead (:class:`ReportRouter`).
        chrome: menus, status line, model loading, set-up check, window state
            (:class:`WindowChrome`).
    """

    model_loaded = Signal(bool)
    readiness_changed = Signal()

    def __init__(self, settings: Settings, services: Services | None = None,
                 load_model: bool = True) -> None:
        super().__init__()
        self.settings = settings
        self.services = services if services is not None else Services.default(settings)
        self.setWindowTitle("Mock Interviewer")
        self.setObjectName("mainWindow")
        scenarios = self.services.scenarios

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setAccessibleName("Screens")
        self.nav.setToolTip("Ctrl+1 … Ctrl+0 switch screens")
        self.nav.setFont(theme.scaled_font(None, 1.05))
        self.stack = QStackedWidget()
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        last = {}
        if self.services.store is not None:
            try:
                last = last_results(self.services.store)
            except Exception as exc:  # noqa: BLE001 - StoreError has the words
                self.services = replace(self.services, notices=(*self.services.notices, str(exc)))
        self.home = HomeView(scenarios, settings.level, last)
        if settings.last_scenario:
            self.home.select(settings.last_scenario)
        self.learn = LearnView(scenarios, settings.level)
        self.test = TestView(scenarios)
        self.settings_view = SettingsView(settings, self.services)
        self.reports = ReportRouter(self, self)
        builders: dict[str, Callable[[], QWidget]] = {  # the lazy ones: see ScreenHost
            "home": lambda: self.home,
            "rehearse": self._build_rehearse,
            "learn": lambda: self.learn,
            "drill": self._build_drill,
            "test": lambda: self.test,
            "bank": lambda: screens.question_bank(
                self.services, lambda: screens.prompt_stats(self.services.store),
                self.show_rehearse),
            "stories": lambda: screens.story_editor(self.services,
                                                    lambda _sid: self.reload_library()),
            "history": lambda: screens.store_view(self.services, "history",
                                                 self.reports.open_attempt),
            "progress": lambda: screens.store_view(self.services, "progress"),
            "coverage": lambda: screens.coverage_view(
                self.services, lambda sid: self.open_mode("rehearse", sid)),
            "compare": lambda: screens.store_view(self.services, "compare"),
            "settings": lambda: self.settings_view,
            "loop": lambda: screens.loop_screen(self.services, self.settings,
                                                self.reports.open_attempt, self.refresh_history),
        }
        self.screen_host = ScreenHost(self.stack, self.nav, builders)
        self.screens = self.screen_host.screens
        self.report_page = self.reports.page
        self.stack.addWidget(self.report_page)
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 36)
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.nav.itemClicked.connect(self.reports.nav_clicked)
        self.nav.setCurrentRow(0)
        self.chrome = WindowChrome(self, self)
        self.chrome.model_loaded.connect(self.model_loaded)
        self.chrome.readiness_changed.connect(self.readiness_changed)
        self._connect()
        self.chrome.restore_state()
        for notice in self.services.notices:
            dialogs.show_error(self, "Please note", notice, "")
        if self.services.library.errors:
            dialogs.show_error(
                self, "Some scenarios could not be loaded",
                f"{len(self.services.library.errors)} problem(s) in the content files; the other "
                "scenarios work.", "Fix the files named in the details, then restart.",
                details="\n".join(self.services.library.errors))
        self.refresh_due()
        self.chrome.refresh_readiness()
        if load_model:
            self.chrome.load_model()

    # ---- the Rehearse / Report / Drill screens ---------------------------------------------------

    def _build_rehearse(self) -> QWidget:
        """Returns the Rehearse screen."""
        view = RehearseView(self.services, self.settings)
        view.report_ready.connect(self.reports.rehearsal_done)
        view.abandoned.connect(lambda _sid: self.show_screen("home"))
        return view

    def _build_drill(self) -> QWidget:
        """Returns the Drill screen."""
        return DrillView(self.services, self.settings)

    def open_loop(self, plan: Any = None, loop_id: int | None = None) -> None:
        """Opens the Loop screen: a plan starts at once, a stored loop shows its debrief, neither
        shows the choice of principles."""
        self.show_screen("loop")
        screen = self._loop_screen()
        if screen is None:
            return
        if loop_id is not None:
            screen.show_stored(loop_id)
        elif plan is not None:
            screen.start(plan)
        else:
            screen.show_setup()

    def _loop_screen(self) -> LoopScreen | None:
        """The Loop screen once built (None before its first visit)."""
        from mockinterviewer.ui.loop.loop_screen import LoopScreen

        return self.screen_host.built("loop", LoopScreen)

    def _recording_screens(self) -> list[RehearseView | DrillView | LoopScreen]:
        """The built screens that record answers (Rehearse, Drill, Loop)."""
        views: list[RehearseView | DrillView | LoopScreen] = [
            v for v in (self.screens["rehearse"], self.screens["drill"])
            if isinstance(v, RehearseView | DrillView)]
        loop = self._loop_screen()
        if loop is not None:
            views.append(loop)
        return views

    def show_rehearse(self, scenario_id: str, prompt: str | None = None) -> None:
        """Opens Rehearse for a scenario (optionally with a given phrasing)."""
        log.info("rehearse %s (%s)", scenario_id, prompt)
        scenario = self.services.scenario(scenario_id)
        self.show_screen("rehearse")
        view = self.screens["rehearse"]
        if scenario is not None and isinstance(view, RehearseView):
            view.start(scenario, self.settings.level, prompt)

    def show_drill(self, scenario_id: str, kind: str = "segment") -> None:
        """Opens the Drill screen for a scenario.

        Args:
            scenario_id: the scenario.
            kind: ``segment`` (timing drill) or ``probe`` (rapid follow-ups).
        """
        log.info("drill %s (%s)", scenario_id, kind)
        scenario = self.services.scenario(scenario_id)
        self.show_screen("drill")
        view = self.screens["drill"]
        if scenario is not None and isinstance(view, DrillView):
            view.start(scenario, self.settings.level, kind=kind)

    def _connect(self) -> None:
        self.home.mode_requested.connect(self.open_mode)
        self.home.loop_requested.connect(self.open_loop)
        self.home.level_changed.connect(self.set_level)
        self.home.due_panel.rehearse_requested.connect(self.show_rehearse)
        self.learn.mode_requested.connect(self.open_mode)
        self.test.home_requested.connect(lambda: self.show_screen("home"))
        self.settings_view.saved.connect(self.apply_settings)

    # -- public API -----------------------------------------------------------------------------

    def _nav_changed(self, row: int) -> None:
        if 0 <= row < len(SCREENS):
            self.screen_host.ensure_built(SCREENS[row][0])
            self._start_if_empty(SCREENS[row][0])
        self.stack.setCurrentIndex(row)

    def _default_scenario(self) -> str | None:
        """The scenario a screen opened from the sidebar starts on: Home's highlighted one, else
        the last one used, else the first."""
        current = self.home.current_scenario()
        if current is not None:
            return current.id
        last = self.services.scenario(self.settings.last_scenario or "")
        if last is not None:
            return last.id
        scenarios = list(self.services.scenarios)
        return scenarios[0].id if scenarios else None

    def _start_if_empty(self, key: str) -> None:
        """Drill and Test reached from the sidebar with nothing loaded start on the default
        scenario (they showed an empty segment list and blank options)."""
        if key == "test" and not self.test.items:
            sid = self._default_scenario()
            if sid is not None:
                self.test.start(sid)
        elif key == "drill":
            drill = self.screens["drill"]
            if isinstance(drill, DrillView) and drill.scenario is None:
                sid = self._default_scenario()
                scenario = self.services.scenario(sid) if sid else None
                if scenario is not None:
                    drill.start(scenario, self.settings.level)

    def _remember_scenario(self, scenario_id: str) -> None:
        """Saves the scenario last opened in a mode (Home highlights it at the next start)."""
        if scenario_id != self.settings.last_scenario:
            self.settings = self.settings.with_changes(last_scenario=scenario_id)
            self.chrome.save_settings()

    def current_screen(self) -> str:
        """The key of the visible screen ("report" for the report page)."""
        w = self.stack.currentWidget()
        if w is self.report_page:
            return "report"
        return self.screen_host.key_of(w)

    def show_screen(self, key: str) -> None:
        """Switches to a screen by key (see :data:`SCREENS`) and focuses it."""
        keys = [k for k, _l, _t in SCREENS]
        if key not in keys:
            return
        self.screen_host.ensure_built(key)
        if key == "home":
            self.refresh_history()
        elif key in ("history", "progress", "coverage", "compare"):
            refresh = getattr(self.screens[key], "refresh", None)
            if callable(refresh):
                try:
                    refresh()
                except Exception:
                    log.warning("refreshing %s failed", key, exc_info=True)
        self.nav.setCurrentRow(keys.index(key))
        # the report page is outside the list: leaving it must switch the stack even when the
        # list's row does not change (Retry from a report goes back to Rehearse)
        self.stack.setCurrentWidget(self.screens[key])
        self.screens[key].setFocus()

    def refresh_due(self) -> None:
        """Re-reads which question phrasings are due for review (Home's "Due today")."""
        store = self.services.store
        if store is None:
            return
        try:
            items = due_from_store(store)
        except Exception:
            log.warning("review schedule unavailable", exc_info=True)
            return
        names = {s.id: s.principle for s in self.services.scenarios}
        items = {p: i for p, i in items.items() if i.scenario_id in names}
        today = date.today()
        self.home.due_panel.set_due(due_today(items, today), today, names,
                                    next_upcoming(items, today))

    def refresh_history(self) -> None:
        """Re-reads the last result of each scenario (call after an attempt is saved)."""
        store = self.services.store
        if store is None:
            return
        self.refresh_due()
        try:
            self.home.set_last_results(last_results(store))
        except Exception:
            log.warning("last results unavailable", exc_info=True)
        if self.screen_host.is_built("bank"):
            from mockinterviewer.ui.question_bank import QuestionBankView

            bank = self.screen_host.built("bank", QuestionBankView)
            if bank is not None:
                bank.refresh_stats()

    def open_mode(self, mode: str, scenario_id: str) -> None:
        """Opens learn, rehearse, drill or test for a scenario (the command-line entry points)."""
        scenario = self.services.scenario(scenario_id)
        if scenario is None:
            dialogs.show_error(self, "Unknown scenario", f"There is no scenario “{scenario_id}”.",
                               "Choose one on the Home screen.")
            self.show_screen("home")
            return
        sid = scenario.id
        self.home.select(sid)
        self._remember_scenario(sid)
        if mode == "learn":
            self.learn.show_scenario(sid)
            self.show_screen("learn")
        elif mode == "test":
            self.test.start(sid)
            self.show_screen("test")
        elif mode == "drill":
            self.show_drill(sid)
        else:
            self.show_rehearse(sid)

    def set_level(self, level: str) -> None:
        """Changes and saves the interview level."""
        if level == self.settings.level:
            return
        self.settings = self.settings.with_changes(level=level)
        self.learn.set_level(level)
        self.home.set_level(level)
        self.settings_view.load(self.settings)
        self.chrome.save_settings()

    def apply_settings(self, new: Settings) -> None:
        """Uses saved settings: rebuilds engines that changed and reloads the model if needed."""
        old = self.settings
        self.settings = new
        services = self.services.updated_for(old, new)
        reload = services.transcriber is not self.services.transcriber
        self.services = services
        self.settings_view.set_services(services)
        for view in (*self._recording_screens(), self.report_page):
            view.set_services(services, new)
        self.chrome.refresh_readiness()
        if reload:
            self.chrome.load_model()
        if old.data_dir != new.data_dir:
            dialogs.show_message(self, "Data folder changed",
                                 "The new data folder is used from the next start of the app; "
                                 "until then history is kept where it was.")

    def reload_library(self) -> None:
        """Reloads the scenarios (after a story was saved) and updates every screen."""
        from mockinterviewer.content.library import load_library

        self.services = replace(self.services, library=load_library())
        scenarios = list(self.services.scenarios)
        for view in (self.home, self.learn, self.test, *self.screens.values()):
            setter = getattr(view, "set_scenarios", None)
            if callable(setter):
                setter(scenarios)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """Saves the window state and closes the history store."""
        self.chrome.save_state()
        for view in self._recording_screens():
            view.shutdown()
        store = self.services.store
        if store is not None and callable(getattr(store, "close", None)):
            try:
                store.close()
            except Exception:
                log.warning("closing the store failed", exc_info=True)
        super().closeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        """On the first show, lays the report page out once (see :class:`ReportRouter`)."""
        super().showEvent(event)
        self.reports.prime_once()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        """Follows a light/dark switch of the system palette with the app's style sheet."""
        if event.type() in (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange):
            follow_system_palette()
        super().changeEvent(event)
