"""``mockinterviewer [rehearse|learn|drill|test] [--scenario ID] [--level L]``: opens the app."""

from __future__ import annotations

import argparse
import os
import sys

from mockinterviewer.content.model import LEVELS
from mockinterviewer.errors import UserError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str) -> None:
    """Adds one GUI command (``gui`` or a mode)."""
    help_text = "open the app" if name == "gui" else f"open the app in {name.title()} mode"
    p = sub.add_parser(name, help=help_text)
    p.add_argument("--scenario", metavar="ID", required=name != "gui",
                   help="scenario id or principle id, e.g. customer-obsession")
    p.add_argument("--level", choices=LEVELS, help="interview level (default: the saved one)")
    p.add_argument("--quit-when-shown", action="store_true",
                   help="open the window, print what it shows, and quit (a start-up check for "
                        "installs and bundles)")
    p.set_defaults(func=run, mode=None if name == "gui" else name)


def run(args: argparse.Namespace) -> int:
    """Starts the Qt app, optionally straight into a mode."""
    scenario_id = getattr(args, "scenario", None)
    if scenario_id:
        from mockinterviewer.content.library import find_scenario

        find_scenario(scenario_id)  # a bad id is an error: line before any window opens
    require_display()
    from mockinterviewer.ui.app import run_app

    return run_app(mode=args.mode, scenario_id=scenario_id, level=args.level,
                   quit_when_shown=args.quit_when_shown)


def require_display() -> None:
    """Raises a clear error when no graphical display is available (Qt would abort instead).

    Raises:
        UserError: no display.
    """
    if sys.platform.startswith("linux") and not any(
        os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    ):  # Qt would abort the process with its own messages
        raise UserError("No graphical display was found (neither DISPLAY nor WAYLAND_DISPLAY is "
                        "set), so the app window cannot open. Start it from your desktop "
                        "session, or use the command-line commands (mockinterviewer --help).")
