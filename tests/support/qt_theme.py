"""The ``app_theme`` fixture: the test application styled as the real app (a plugin; the ui and
system folders' conftest files use it for every test there)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from mockinterviewer.ui import theme


@pytest.fixture
def app_theme(qapp: QApplication) -> Iterator[None]:
    """Styles the test application as the real app does (system palette, app style sheet)."""
    if qapp.style().name().lower() != "fusion" or qapp.styleSheet() != theme.stylesheet(
            qapp.palette()):
        theme.apply_theme(qapp)  # re-polishing every live widget is slow: only when needed
    yield
