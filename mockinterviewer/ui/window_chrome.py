"""The main window's menus, status line, model loading, first-run check and saved state.

A mixin for :class:`~mockinterviewer.ui.main_window.MainWindow`, kept apart so that the window's
own module is about its screens and navigation.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import QApplication

from mockinterviewer.paths import app_paths, ensure
from mockinterviewer.settings import save_settings
from mockinterviewer.ui import dialogs, theme
from mockinterviewer.ui.screen_list import SCREENS
from mockinterviewer.ui.startup import first_run
from mockinterviewer.ui.status_line import StatusLine

log = logging.getLogger(__name__)


def ui_state() -> QSettings:
    """Window geometry and UI flags, kept in an INI file in the config folder."""
    path = ensure(app_paths().config) / "ui-state.ini"
    return QSettings(str(path), QSettings.Format.IniFormat)


class WindowChromeMixin:
    """Menus, status bar, model loading, set-up check and window state of the main window."""

    settings: Any
    services: Any
    screens: dict[str, Any]
    report_page: Any
    stack: Any
    file_menu: Any
    _primed: bool

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

    @property
    def model_ready(self) -> bool:
        """Whether the speech model is loaded (or no loading is needed)."""
        return self.status_line.model_ready

    def load_model(self) -> None:
        """Loads the speech model once, in the background (``model_loaded`` tells the end)."""
        self.status_line.load_model(self.settings, self.services.transcriber)

    def _model_done(self, ok: bool, message: str) -> None:
        if ok:
            transcriber = self.services.transcriber
            warning = transcriber.load_warning if transcriber is not None else None
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
        from mockinterviewer.ui.startup.crash_recovery import Recovery

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
                  "Rehearse: Space next segment, Enter done, R repeat, P pause, Esc abandon",
                  "Report, Transcript tab: Space play or pause, click a word to play from it"]
        dialogs.show_message(self, "Keyboard shortcuts", "\n".join(lines))

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
