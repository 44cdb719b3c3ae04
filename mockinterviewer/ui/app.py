"""Creates the QApplication and the main window."""

from __future__ import annotations

import logging
import os
import signal
import sys
from functools import partial
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from mockinterviewer import assets
from mockinterviewer.settings import Settings, load_settings
from mockinterviewer.ui import dialogs, theme

if TYPE_CHECKING:
    from mockinterviewer.ui.main_window import MainWindow

log = logging.getLogger(__name__)

DARK_ENV = "MOCKINTERVIEWER_DARK"
SHUTDOWN_WAIT_MS = 15000


def app_icon() -> QIcon:
    """The app icon, from every size in ``assets/``."""
    icon = QIcon()
    for path in assets.icon_paths():
        icon.addFile(str(path))
    return icon


def create_app(argv: list[str] | None = None) -> QApplication:
    """Returns the QApplication (creating it once), named, themed and with its icon.

    Setting ``MOCKINTERVIEWER_DARK=1`` forces the dark palette, ``0`` the light one; unset, the
    system palette is kept.
    """
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("mockinterviewer")
    app.setApplicationDisplayName("Mock Interviewer")
    app.setOrganizationName("mockinterviewer")
    app.setDesktopFileName("mockinterviewer")
    app.setWindowIcon(app_icon())
    dark_env = os.environ.get(DARK_ENV)
    theme.apply_theme(app, None if dark_env is None else dark_env not in ("0", "", "false"))
    return app


def _install_excepthook() -> None:
    """Shows unexpected errors in slots as a message (traceback to the log), never a crash."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        log.error("unhandled exception", exc_info=(kind, exc, tb))
        parent = QApplication.activeWindow()
        dialogs.unexpected_error(parent, "doing that", exc)

    sys.excepthook = hook


def _close_on_signals(window: QWidget) -> None:
    """Ctrl+C or SIGTERM closes the window normally, so its state is saved."""

    def handler(_signum: int, _frame: object) -> None:
        window.close()

    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            signal.signal(sig, handler)
        except (ValueError, OSError):  # not the main thread, or unsupported here
            return
    timer = QTimer(window)
    timer.timeout.connect(lambda: None)  # lets Python run its signal handlers
    timer.start(250)


def build_window(settings: Settings | None = None, mode: str | None = None,
                 scenario_id: str | None = None, level: str | None = None,
                 first_run: bool = True, probes: int | None = None) -> MainWindow:
    """Creates and shows the main window, optionally straight into a mode.

    Args:
        settings: the settings (default: loaded from disk).
        mode: rehearse, learn, drill or test.
        scenario_id: the scenario for that mode.
        level: overrides the saved level for this run.
        first_run: show the set-up check if it was never shown.
        probes: follow-ups per question in a loop (None: chosen by each answer).

    Returns:
        The shown MainWindow.
    """
    from mockinterviewer.ui.main_window import MainWindow

    settings = settings or load_settings()
    if level:
        settings = settings.with_changes(level=level)
    window = MainWindow(settings)
    window.setWindowIcon(app_icon())
    window.show()
    if mode == "loop" and scenario_id:
        from mockinterviewer.coach.loop import LoopPlan

        window.open_loop(LoopPlan(tuple(scenario_id.split(",")), settings.level, probes))
    elif mode and scenario_id:
        window.open_mode(mode, scenario_id)
    elif first_run and window.chrome.maybe_show_first_run():
        return window
    window.chrome.offer_recovery()
    return window


def _report_shown(window: QWidget) -> None:
    """Prints what the shown window holds and quits (``--quit-when-shown``)."""
    from mockinterviewer.content.library import load_library

    scenarios = len(load_library().scenarios)
    platform = QApplication.platformName()
    shown = window.isVisible()
    print(f"window shown: {shown}; title: {window.windowTitle()}; platform: {platform}; "
          f"scenarios: {scenarios}", flush=True)
    QApplication.exit(0 if shown and scenarios else 1)


def run_app(mode: str | None = None, scenario_id: str | None = None,
            level: str | None = None, quit_when_shown: bool = False,
            probes: int | None = None) -> int:
    """Runs the desktop app until its window closes.

    Args:
        mode: open straight into rehearse, learn, drill or test.
        scenario_id: the scenario for that mode.
        level: sde1, sde2 or senior (default: the saved one).
        quit_when_shown: print what the window shows once the event loop runs, then quit (exit
            code 1 if the window is hidden or no scenario loaded); skips the first-run check.
        probes: follow-ups per question in a loop (``mode="loop"``, the scenario ids joined by
            commas).

    Returns:
        The exit code.
    """
    app = create_app()
    _install_excepthook()
    window = build_window(mode=mode, scenario_id=scenario_id, level=level,
                          first_run=not quit_when_shown, probes=probes)
    _close_on_signals(window)
    if quit_when_shown:
        QTimer.singleShot(0, partial(_report_shown, window))
    code = app.exec()
    # Start-up jobs (model warm-up, library scan) may still run when the window closes early;
    # letting them finish before Qt is torn down avoids an abort at exit.
    if not QThreadPool.globalInstance().waitForDone(SHUTDOWN_WAIT_MS):
        log.warning("background jobs still running at exit after %d ms", SHUTDOWN_WAIT_MS)
    del window
    return int(code)
