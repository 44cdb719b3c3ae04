"""The main window: a stack of screens."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QLabel, QListWidget, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from mockinterviewer.content.library import load_library
from mockinterviewer.settings import Settings

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Top-level window holding the app's screens."""

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        self.setWindowTitle("Mock Interviewer")
        self.resize(1100, 760)
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        home = QWidget()
        lay = QVBoxLayout(home)
        lay.addWidget(QLabel("<h2>Choose a principle to practise</h2>"))
        self.scenario_list = QListWidget()
        self.scenario_list.setAccessibleName("Scenarios")
        for s in load_library().scenarios:
            self.scenario_list.addItem(f"{s.principle}: {s.title}")
        lay.addWidget(self.scenario_list)
        self.stack.addWidget(home)

    def open_mode(self, mode: str, scenario_id: str) -> None:
        """Opens a mode for a scenario (filled in by the screens)."""
        log.info("open %s for %s", mode, scenario_id)
