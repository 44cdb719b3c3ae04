"""Creates the QApplication and the main window."""

from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QApplication

from mockinterviewer.settings import load_settings

log = logging.getLogger(__name__)


def run_app(mode: str | None = None, scenario_id: str | None = None,
            level: str | None = None) -> int:
    """Runs the desktop app until its window closes.

    Args:
        mode: open straight into rehearse, learn, drill or test.
        scenario_id: the scenario for that mode.
        level: sde1, sde2 or senior (default: the saved one).

    Returns:
        The exit code.
    """
    from mockinterviewer.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("mockinterviewer")
    app.setApplicationDisplayName("Mock Interviewer")
    settings = load_settings()
    if level:
        settings = settings.with_changes(level=level)
    window = MainWindow(settings)
    window.show()
    if mode and scenario_id:
        window.open_mode(mode, scenario_id)
    return app.exec()
