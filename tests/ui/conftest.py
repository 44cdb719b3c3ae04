"""Every test in tests/ui/ runs with the application styled as the real app."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _styled(app_theme: None) -> None:
    """Applies :func:`qt_theme.app_theme` to each test here."""
