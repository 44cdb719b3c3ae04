"""The scenario library: built-in content plus the user's own stories."""

from __future__ import annotations

from pathlib import Path

from mockinterviewer.content import LoadReport, Scenario, load_all
from mockinterviewer.errors import UserError
from mockinterviewer.paths import app_paths, content_dir


def load_library(extra: list[Path] | None = None) -> LoadReport:
    """Loads the built-in scenarios plus the user's own stories.

    Args:
        extra: more files or folders to load.

    Returns:
        The load report (good scenarios and errors).
    """
    paths = [content_dir()]
    stories = app_paths().stories
    if stories.is_dir():
        paths.append(stories)
    return load_all(paths + list(extra or []))


def find_scenario(ident: str) -> Scenario:
    """Finds a scenario by scenario id or principle id.

    Args:
        ident: e.g. ``customer-obsession``.

    Returns:
        The scenario.

    Raises:
        UserError: no scenario has that id.
    """
    report = load_library()
    found = report.by_id(ident)
    if found is None:
        known = ", ".join(sorted(s.id for s in report.scenarios)) or "none"
        raise UserError(f"no scenario or principle called '{ident}'; known scenarios: {known}")
    return found
