"""The main window's menus, status line, model loading, first-run check and saved state.

:class:`WindowChrome` is an object the main window owns, so that the window's own module is about
its screens and navigation. It builds the File, Go and Help menus and the status line, loads the
speech model, runs the set-up check and the crash-recovery offer, and saves and restores the
window's geometry. It reaches the window only through :class:`ChromeHost`.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QByteArray, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from mockinterviewer.paths import app_paths, ensure
from mockinterviewer.settings import Settings, save_settings
from mockinterviewer.ui import dialogs, theme
from mockinterviewer.ui.screen_list import SCREENS
from mockinterviewer.ui.services import Services
from mockinterviewer.ui.startup import first_run
from mockinterviewer.ui.status_line import StatusLine

if TYPE_CHECKING:
    from mockinterviewer.ui.startup.crash_recovery import Recovery

log = logging.getLogger(__name__)


def ui_state() -> QSettings:
    """Window geometry and UI flags, kept in an INI file in the config folder."""
    path = ensure(app_paths().config) / "ui-state.ini"
    return QSettings(str(path), QSettings.Format.IniFormat)


def follow_system_palette() -> None:
    """Follows a light/dark switch of the system palette with the app's style sheet."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        sheet = theme.stylesheet(app.palette())
        if app.styleSheet() and app.styleSheet() != sheet:
            app.setStyleSheet(sheet)


class ChromeHost(Protocol):
    """What the chrome needs of the main window."""

    settings: Settings
    services: Services
    screens: dict[str, QWidget]

    def show_screen(self, key: str) -> None:
        """Switches to a screen by key."""

    def current_screen(self) -> str:
        """The key of the visible screen (``report`` for the report page)."""
        ...

    def refresh_history(self) -> None:
        """Re-reads what depends on the history (after an attempt is saved)."""


class WindowChrome(QObject):
    """Menus, status bar, model loading, set-up check and window state of the main window.

    Args:
        host: the window's settings, engines and navigation (see :class:`ChromeHost`).
        window: the window itself (its menu bar, status bar and geometry).

    Signals:
        model_loaded: True when the speech model is ready, False when loading failed.
        readiness_changed: the microphone and voice checks finished.

    Attributes:
        status_line: the readiness line in the status bar (``mic_status``, ``model_status`` and
            ``voice_status`` are its labels).
        first_run_dialog: the set-up check last opened, if any.
        recovery: the last crash-recovery offer, if any.
    """

    model_loaded = Signal(bool)
    readiness_changed = Signal()

    def __init__(self, host: ChromeHost, window: QMainWindow) -> None:
        super().__init__(window)
        self._host = host
        self._window = window
        self.first_run_dialog: first_run.FirstRunDialog | None = None
        self.recovery: Recovery | None = None
        self._build_menus()
        self.status_line = StatusLine()
        self.mic_status = self.status_line.mic
        self.model_status = self.status_line.model
        self.voice_status = self.status_line.voice
        bar = window.statusBar()
        bar.addWidget(self.status_line, 1)
        bar.setSizeGripEnabled(True)
        self.status_line.readiness_changed.connect(self.readiness_changed)
        self.status_line.model_loaded.connect(self._model_done)

    def _build_menus(self) -> None:
        window = self._window
        menu = window.menuBar().addMenu("&File")
        go_menu = window.menuBar().addMenu("&Go")
        for text, shortcut, slot, name in (
            ("&Settings", "Ctrl+,", lambda: self._host.show_screen("settings"), "settings"),
            ("Set-up &check…", "", self.show_first_run, "first_run"),
            ("&Quit", "Ctrl+Q", window.close, "quit"),
        ):
            act = QAction(text, window)
            act.setObjectName(f"action_{name}")
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            menu.addAction(act)
        for i, (key, label, tip) in enumerate(SCREENS):
            action = QAction(label, window)
            action.setObjectName(f"go_{key}")
            action.setToolTip(tip)
            if i < 10:
                action.setShortcut(QKeySequence(f"Ctrl+{(i + 1) % 10}"))
            action.triggered.connect(lambda _c=False, k=key: self._host.show_screen(k))
            go_menu.addAction(action)
        help_menu = window.menuBar().addMenu("&Help")
        keys = QAction("&Keyboard shortcuts", window)
        keys.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        keys.triggered.connect(self.show_shortcuts)
        help_menu.addAction(keys)
        about = QAction("&About", window)
        about.triggered.connect(lambda: dialogs.show_message(
            window, "About Mock Interviewer",
            "Rehearse behavioural interviews out loud, offline."))
        help_menu.addAction(about)

    @property
    def model_ready(self) -> bool:
        """Whether the speech model is loaded (or no loading is needed)."""
        return self.status_line.model_ready

    def load_model(self) -> None:
        """Loads the speech model once, in the background (``model_loaded`` tells the end)."""
        self.status_line.load_model(self._host.settings, self._host.services.transcriber)

    def _model_done(self, ok: bool, message: str) -> None:
        if ok:
            transcriber = self._host.services.transcriber
            warning = transcriber.load_warning if transcriber is not None else None
            if warning:
                dialogs.show_message(self._window, "Speech model", warning)
        else:
            dialogs.show_error(self._window, "Speech model not loaded", message, "Open Settings "
                               "(Ctrl+,) to choose another model; tiny.en always works.")
        self.model_loaded.emit(ok)

    def refresh_readiness(self) -> None:
        """Checks microphone and voice in the background and updates the status line."""
        services = self._host.services
        self.status_line.refresh(self._host.settings, services.speaker, services.transcriber)

    def show_first_run(self) -> first_run.FirstRunDialog:
        """Opens the set-up check (non-blocking) and remembers that it was shown."""
        dialog = first_run.FirstRunDialog(self._host.settings, self._host.services,
                                          parent=self._window)
        dialog.open_settings.connect(lambda: self._host.show_screen("settings"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        dialog.run()
        state = ui_state()
        state.setValue("first_run/shown", True)
        state.sync()
        self.first_run_dialog = dialog
        return dialog

    def maybe_show_first_run(self) -> bool:
        """Shows the set-up check on the very first start; returns whether it was shown."""
        if ui_state().value("first_run/shown", False, type=bool):
            return False
        self.show_first_run()
        return True

    def offer_recovery(self) -> bool:
        """Offers answers left unanalysed by a crash for analysis (non-blocking)."""
        from mockinterviewer.ui.startup.crash_recovery import Recovery

        self.recovery = Recovery(self._window, self._host.services, self._host.settings,
                                 self._host.refresh_history)
        return self.recovery.offer()

    def show_shortcuts(self) -> None:
        """Lists the keyboard shortcuts."""
        lines = [f"Ctrl+{(i + 1) % 10}: {label}" for i, (_k, label, _t) in
                 enumerate(SCREENS[:10])]
        lines += ["Ctrl+,: Settings", "Ctrl+Q: Quit", "",
                  "Home: arrows choose, Enter rehearses, Alt+L/R/D/T modes, Alt+S surprise",
                  "Test: A–D answer, Enter or N next, R retry",
                  "Rehearse: Space next segment, Enter done, R repeat, P pause, Esc abandon",
                  "Report, Transcript tab: Space play or pause, click a word to play from it"]
        dialogs.show_message(self._window, "Keyboard shortcuts", "\n".join(lines))

    def save_settings(self) -> None:
        """Writes the window's settings (a clear dialog when the file cannot be written)."""
        try:
            save_settings(self._host.settings)
        except OSError as exc:
            dialogs.show_error(self._window, "Settings not saved", f"The settings file could "
                               f"not be written ({exc.strerror}).", "Check the config folder's "
                               "space and permissions.")

    def restore_state(self) -> None:
        """Restores geometry, window state and the last screen (not Rehearse or Drill)."""
        window = self._window
        state = ui_state()
        geometry = state.value("window/geometry")
        if not (isinstance(geometry, QByteArray | bytes) and window.restoreGeometry(geometry)):
            window.resize(1180, 800)
        win_state = state.value("window/state")
        if isinstance(win_state, QByteArray | bytes):
            window.restoreState(win_state)
        screen = state.value("window/screen", "home")
        if screen in self._host.screens and screen not in ("rehearse", "drill"):
            self._host.show_screen(str(screen))

    def save_state(self) -> None:
        """Writes geometry, window state and the current screen."""
        state = ui_state()
        state.setValue("window/geometry", self._window.saveGeometry())
        state.setValue("window/state", self._window.saveState())
        state.setValue("window/screen", self._host.current_screen() or "home")
        state.sync()
