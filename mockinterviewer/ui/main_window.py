"""The main window: a navigation list, a stack of screens, a menu, and a readiness status line.

Ctrl+1 … Ctrl+9 and Ctrl+0 switch screens (also in the Go menu), Ctrl+, opens Settings, F1 lists
the keys. The speech model loads once in the background at start-up; the status bar shows whether
the microphone, the model and the voice are ready.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from mockinterviewer.paths import app_paths, ensure
from mockinterviewer.settings import Settings, save_settings
from mockinterviewer.ui import dialogs, first_run, screens, theme
from mockinterviewer.ui.drill_record import drill_summary, is_drill, last_results, report_owner
from mockinterviewer.ui.home_view import HomeView
from mockinterviewer.ui.learn_view import LearnView
from mockinterviewer.ui.services import Services
from mockinterviewer.ui.settings_view import SettingsView
from mockinterviewer.ui.status_line import StatusLine
from mockinterviewer.ui.test_view import TestView

log = logging.getLogger(__name__)

# Screens built on their first visit (they read the history or draw charts).
LAZY_SCREENS = frozenset({"bank", "stories", "history", "progress", "coverage", "compare"})

# (key, navigation label, tooltip). Order sets Ctrl+1..Ctrl+0.
SCREENS: tuple[tuple[str, str, str], ...] = (
    ("home", "Home", "Choose a principle and a mode"),
    ("rehearse", "Rehearse", "Answer out loud with live STAR timing"),
    ("learn", "Learn", "Read a model answer with coaching"),
    ("drill", "Drill", "Segment timing and rapid follow-ups"),
    ("test", "Test", "Ten practice questions"),
    ("bank", "Question bank", "Every question phrasing by principle"),
    ("stories", "My stories", "Write and import your own stories"),
    ("history", "History", "Every attempt, with its report"),
    ("progress", "Progress", "Charts of your timing and delivery"),
    ("coverage", "Coverage", "What to practise next"),
    ("compare", "Compare", "Two attempts side by side"),
    ("settings", "Settings", "Devices, model, voice"),
)


def ui_state() -> QSettings:
    """Window geometry and UI flags, kept in an INI file in the config folder."""
    path = ensure(app_paths().config) / "ui-state.ini"
    return QSettings(str(path), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
    """Top-level window holding the app's screens.

    Args:
        settings: the user's settings (loaded once by the app).
        services: the engines (default: the real ones for these settings).
        load_model: start loading the speech model in the background now.

    Signals:
        model_loaded: True when the speech model is ready, False when loading failed.
        readiness_changed: the microphone and voice checks finished.
    """

    model_loaded = Signal(bool)
    readiness_changed = Signal()

    def __init__(self, settings: Settings, services: Services | None = None,
                 load_model: bool = True) -> None:
        super().__init__()
        self.settings = settings
        self.services = services if services is not None else Services.default(settings)
        self.screens: dict[str, QWidget] = {}
        self._report_owner = "rehearse"
        self._drill_kind = "segment"  # the drill a drill report came from (its Retry goes back)
        self._reveal_pending = False
        self._primed = False
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
        self.learn = LearnView(scenarios, settings.level)
        self.test = TestView(scenarios)
        self.settings_view = SettingsView(settings, self.services)
        builders: dict[str, Callable[[], QWidget]] = {
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
            "history": lambda: screens.store_view(self.services, "history_view", "HistoryView",
                                                  self.open_attempt),
            "progress": lambda: screens.store_view(self.services, "progress_view",
                                                   "ProgressView"),
            "coverage": lambda: screens.coverage_view(
                self.services, lambda sid: self.open_mode("rehearse", sid)),
            "compare": lambda: screens.store_view(self.services, "compare_view", "CompareView"),
            "settings": lambda: self.settings_view,
        }
        self.file_menu = self.menuBar().addMenu("&File")
        go_menu = self.menuBar().addMenu("&Go")
        self._builders = builders
        self._lazy: set[str] = set()
        for i, (key, label, tip) in enumerate(SCREENS):
            if key in LAZY_SCREENS:  # built on first visit: keeps start-up fast
                widget = QWidget()
                widget.setAccessibleName(label)
                self._lazy.add(key)
            else:
                widget = builders[key]()
            self.screens[key] = widget
            self.stack.addWidget(widget)
            item = QListWidgetItem(label)
            item.setToolTip(f"{tip} (Ctrl+{(i + 1) % 10})" if i < 10 else tip)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
            action = QAction(label, self)
            action.setObjectName(f"go_{key}")
            action.setToolTip(tip)
            if i < 10:
                action.setShortcut(QKeySequence(f"Ctrl+{(i + 1) % 10}"))
            action.triggered.connect(lambda _c=False, k=key: self.show_screen(k))
            go_menu.addAction(action)
        self.report_page = self._build_report()
        self.stack.addWidget(self.report_page)
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 36)
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.nav.itemClicked.connect(self._nav_clicked)
        self.nav.setCurrentRow(0)
        self._build_menus()
        self._build_status_bar()
        self._connect()
        self._restore_state()
        for notice in self.services.notices:
            dialogs.show_error(self, "Please note", notice, "")
        if self.services.library.errors:
            dialogs.show_error(
                self, "Some scenarios could not be loaded",
                f"{len(self.services.library.errors)} problem(s) in the content files; the other "
                "scenarios work.", "Fix the files named in the details, then restart.",
                details="\n".join(self.services.library.errors))
        self.refresh_readiness()
        if load_model:
            self.load_model()

    # -- building -------------------------------------------------------------------------------

    def _optional(self, module: str, cls: str) -> type | None:
        """Imports an optional screen class; None while it is not written yet."""
        return screens.optional_class(module, cls)

    def _unavailable(self, title: str, why: str = "") -> QWidget:
        return screens.unavailable(title, why)

    def open_attempt(self, attempt_id: int) -> None:
        """Shows a past attempt's report (from History)."""
        store = self.services.store
        try:
            attempt = store.get(attempt_id)
        except Exception as exc:  # noqa: BLE001 - StoreError has the words
            dialogs.show_error(self, "Attempt not found", str(exc), "Refresh the History list.")
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

    # ---- slots for the Rehearse / Report / Drill screens (filled in by their author) ----------

    def _build_rehearse(self) -> QWidget:
        """REHEARSE SLOT: returns the Rehearse screen (ui/rehearse_view.py)."""
        from mockinterviewer.ui.rehearse_view import RehearseView

        view = RehearseView(self.services, self.settings)
        view.report_ready.connect(self._rehearsal_done)
        view.abandoned.connect(lambda _sid: self.show_screen("home"))
        return view

    def _build_drill(self) -> QWidget:
        """DRILL SLOT: returns the Drill screen (ui/drill_view.py)."""
        from mockinterviewer.ui.drill_view import DrillView

        return DrillView(self.services, self.settings)

    def _build_report(self) -> QWidget:
        from mockinterviewer.ui.report_view import ReportView

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

    def show_rehearse(self, scenario_id: str, prompt: str | None = None) -> None:
        """REHEARSE SLOT: opens Rehearse for a scenario (optionally with a given phrasing)."""
        log.info("rehearse %s (%s)", scenario_id, prompt)
        scenario = self.services.scenario(scenario_id)
        self.show_screen("rehearse")
        if scenario is not None:
            self.screens["rehearse"].start(scenario, self.settings.level, prompt)

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

    def show_drill(self, scenario_id: str, kind: str = "segment") -> None:
        """DRILL SLOT: opens the Drill screen for a scenario.

        Args:
            scenario_id: the scenario.
            kind: ``segment`` (timing drill) or ``probe`` (rapid follow-ups).
        """
        log.info("drill %s (%s)", scenario_id, kind)
        scenario = self.services.scenario(scenario_id)
        self.show_screen("drill")
        if scenario is not None:
            self.screens["drill"].start(scenario, self.settings.level, kind=kind)

    # -- menus and status -------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        menu = self.file_menu
        for text, shortcut, slot, name in (
            ("&Settings", "Ctrl+,", lambda: self.show_screen("settings"), "settings"),
            ("Set-up &check…", "", self.show_first_run, "first_run"),
            ("&Quit", "Ctrl+Q", self.close, "quit"),
        ):
            act = QAction(text, self)
            act.setObjectName(f"action_{name}")
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            menu.addAction(act)
        help_menu = bar.addMenu("&Help")
        keys = QAction("&Keyboard shortcuts", self)
        keys.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        keys.triggered.connect(self.show_shortcuts)
        help_menu.addAction(keys)
        about = QAction("&About", self)
        about.triggered.connect(lambda: dialogs.show_message(
            self, "About Mock Interviewer", "Rehearse behavioural interviews out loud, offline."))
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        self.status_line = StatusLine()
        self.mic_status = self.status_line.mic
        self.model_status = self.status_line.model
        self.voice_status = self.status_line.voice
        self.statusBar().addWidget(self.status_line, 1)
        self.statusBar().setSizeGripEnabled(True)
        self.status_line.readiness_changed.connect(self.readiness_changed)
        self.status_line.model_loaded.connect(self._model_done)

    def _connect(self) -> None:
        self.home.mode_requested.connect(self.open_mode)
        self.home.level_changed.connect(self.set_level)
        self.learn.mode_requested.connect(self.open_mode)
        self.test.home_requested.connect(lambda: self.show_screen("home"))
        self.settings_view.saved.connect(self.apply_settings)

    # -- public API -----------------------------------------------------------------------------

    def _nav_changed(self, row: int) -> None:
        if 0 <= row < len(SCREENS):
            self._ensure_built(SCREENS[row][0])
        self.stack.setCurrentIndex(row)

    def _ensure_built(self, key: str) -> QWidget:
        """Builds a lazily created screen on its first visit; returns the screen."""
        if key in self._lazy:
            self._lazy.discard(key)
            placeholder = self.screens[key]
            real = self._builders[key]()
            index = self.stack.indexOf(placeholder)
            self.stack.insertWidget(index, real)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.screens[key] = real
        return self.screens[key]

    def current_screen(self) -> str:
        """The key of the visible screen ("report" for the report page)."""
        w = self.stack.currentWidget()
        if w is self.report_page:
            return "report"
        return next((k for k, v in self.screens.items() if v is w), "")

    def show_screen(self, key: str) -> None:
        """Switches to a screen by key (see :data:`SCREENS`) and focuses it."""
        keys = [k for k, _l, _t in SCREENS]
        if key not in keys:
            return
        self._ensure_built(key)
        if key == "home":
            self.refresh_history()
        elif key in ("history", "progress", "coverage", "compare"):
            refresh = getattr(self.screens[key], "refresh", None)
            if callable(refresh):
                try:
                    refresh()
                except Exception:  # noqa: BLE001 - a stale view is better than no window
                    log.warning("refreshing %s failed", key, exc_info=True)
        self.nav.setCurrentRow(keys.index(key))
        # the report page is outside the list: leaving it must switch the stack even when the
        # list's row does not change (Retry from a report goes back to Rehearse)
        self.stack.setCurrentWidget(self.screens[key])
        self.screens[key].setFocus()

    def refresh_history(self) -> None:
        """Re-reads the last result of each scenario (call after an attempt is saved)."""
        store = self.services.store
        if store is None:
            return
        try:
            self.home.set_last_results(last_results(store))
        except Exception:  # noqa: BLE001 - StoreError; the list keeps its old values
            log.warning("last results unavailable", exc_info=True)
        bank = self.screens.get("bank")
        if bank is not None and callable(getattr(bank, "refresh_stats", None)):
            bank.refresh_stats()

    def open_mode(self, mode: str, scenario_id: str) -> None:
        """Opens learn, rehearse, drill or test for a scenario (the command-line entry points)."""
        if self.services.scenario(scenario_id) is None:
            dialogs.show_error(self, "Unknown scenario", f"There is no scenario “{scenario_id}”.",
                               "Choose one on the Home screen.")
            self.show_screen("home")
            return
        sid = self.services.scenario(scenario_id).id
        self.home.select(sid)
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
        self._save_settings()

    def apply_settings(self, new: Settings) -> None:
        """Uses saved settings: rebuilds engines that changed and reloads the model if needed."""
        old = self.settings
        self.settings = new
        services = self.services.updated_for(old, new)
        reload = services.transcriber is not self.services.transcriber
        self.services = services
        self.settings_view.set_services(services)
        for view in (self.screens.get("rehearse"), self.screens.get("drill"), self.report_page):
            if hasattr(view, "set_services"):
                view.set_services(services, new)
        self.refresh_readiness()
        if reload:
            self.load_model()
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

    @property
    def model_ready(self) -> bool:
        """Whether the speech model is loaded (or no loading is needed)."""
        return self.status_line.model_ready

    def load_model(self) -> None:
        """Loads the speech model once, in the background (``model_loaded`` tells the end)."""
        self.status_line.load_model(self.settings, self.services.transcriber)

    def _model_done(self, ok: bool, message: str) -> None:
        if ok:
            warning = getattr(self.services.transcriber, "load_warning", None)
            if warning:
                dialogs.show_message(self, "Speech model", warning)
        else:
            dialogs.show_error(self, "Speech model not loaded", message, "Open Settings "
                               "(Ctrl+,) to choose another model; tiny.en always works.")
        self.model_loaded.emit(ok)

    def refresh_readiness(self) -> None:
        """Checks microphone and voice in the background and updates the status line."""
        self.status_line.refresh(self.settings, self.services.speaker, self.services.transcriber)

    def show_first_run(self) -> first_run.FirstRunDialog:
        """Opens the set-up check (non-blocking) and remembers that it was shown."""
        dialog = first_run.FirstRunDialog(self.settings, self.services, parent=self)
        dialog.open_settings.connect(lambda: self.show_screen("settings"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        dialog.run()
        state = ui_state()
        state.setValue("first_run/shown", True)
        state.sync()
        self.first_run_dialog = dialog
        return dialog

    def offer_recovery(self) -> bool:
        """Offers answers left unanalysed by a crash for analysis (non-blocking)."""
        from mockinterviewer.ui.recovery import Recovery

        self.recovery = Recovery(self, self.services, self.settings, self.refresh_history)
        return self.recovery.offer()

    def maybe_show_first_run(self) -> bool:
        """Shows the set-up check on the very first start; returns whether it was shown."""
        if ui_state().value("first_run/shown", False, type=bool):
            return False
        self.show_first_run()
        return True

    def show_shortcuts(self) -> None:
        """Lists the keyboard shortcuts."""
        lines = [f"Ctrl+{(i + 1) % 10}: {label}" for i, (_k, label, _t) in
                 enumerate(SCREENS[:10])]
        lines += ["Ctrl+,: Settings", "Ctrl+Q: Quit", "",
                  "Home: arrows choose, Enter rehearses, Alt+L/R/D/T modes, Alt+S surprise",
                  "Test: A–D answer, Enter or N next, R retry",
                  "Rehearse: Space next segment, Enter done, R repeat, P pause, Esc abandon"]
        dialogs.show_message(self, "Keyboard shortcuts", "\n".join(lines))

    # -- persistence ----------------------------------------------------------------------------

    def _save_settings(self) -> None:
        try:
            save_settings(self.settings)
        except OSError as exc:
            dialogs.show_error(self, "Settings not saved", f"The settings file could not be "
                               f"written ({exc.strerror}).", "Check the config folder's space "
                               "and permissions.")

    def _restore_state(self) -> None:
        state = ui_state()
        geometry = state.value("window/geometry")
        if isinstance(geometry, QByteArray | bytes) and self.restoreGeometry(geometry):
            pass
        else:
            self.resize(1180, 800)
        win_state = state.value("window/state")
        if isinstance(win_state, QByteArray | bytes):
            self.restoreState(win_state)
        screen = state.value("window/screen", "home")
        if screen in self.screens and screen not in ("rehearse", "drill"):
            self.show_screen(str(screen))

    def save_state(self) -> None:
        """Writes geometry, window state and the current screen."""
        state = ui_state()
        state.setValue("window/geometry", self.saveGeometry())
        state.setValue("window/state", self.saveState())
        state.setValue("window/screen", self.current_screen() or "home")
        state.sync()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        """On the first show, lays the report page out once (see :meth:`_prime_report`)."""
        super().showEvent(event)
        if not self._primed:
            self._primed = True
            QTimer.singleShot(0, self, self._prime_report)

    def _prime_report(self) -> None:
        """Shows and hides the (empty) report page within one event-loop turn, so nothing is
        painted: its widgets get their sizes now, at start-up, and the first report only has to
        be filled, not laid out from scratch while the user waits."""
        current = self.stack.currentWidget()
        if current is self.report_page:
            return
        focus = self.focusWidget()
        self.stack.setCurrentWidget(self.report_page)
        self.stack.setCurrentWidget(current)
        if focus is not None and self.focusWidget() is not focus:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)  # hiding the page moved it

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        """Follows a light/dark switch of the system palette with the app's style sheet."""
        if event.type() in (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange):
            app = QApplication.instance()
            if isinstance(app, QApplication):
                sheet = theme.stylesheet(app.palette())
                if app.styleSheet() and app.styleSheet() != sheet:
                    app.setStyleSheet(sheet)
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """Saves the window state and closes the history store."""
        self.save_state()
        for key in ("rehearse", "drill"):
            if hasattr(self.screens.get(key), "shutdown"):
                self.screens[key].shutdown()
        store = self.services.store
        if store is not None and callable(getattr(store, "close", None)):
            try:
                store.close()
            except Exception:  # noqa: BLE001
                log.warning("closing the store failed", exc_info=True)
        super().closeEvent(event)
