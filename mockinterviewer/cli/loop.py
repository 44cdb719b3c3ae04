"""``mockinterviewer loop --scenarios A,B[,...] --level L [--probes N]``: opens the app straight
into a mock interview loop."""

from __future__ import annotations

import argparse

from mockinterviewer.content.model import LEVELS
from mockinterviewer.errors import UserError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str) -> None:
    """Adds the ``loop`` command."""
    p = sub.add_parser(name, help="open the app in a mock interview loop of 2 to 6 principles")
    p.add_argument("--scenarios", metavar="A,B", required=True,
                   help="comma-separated scenario ids, asked in this order (2 to 6)")
    p.add_argument("--level", required=True, help=f"interview level: {', '.join(LEVELS)}")
    p.add_argument("--probes", type=int, metavar="N",
                   help="follow-ups per question, 0 to 2 (default: chosen by each answer's "
                        "weaknesses)")
    p.add_argument("--quit-when-shown", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Checks the plan (bad ids or level: one ``error:`` line, exit 2), then opens the app."""
    from mockinterviewer.coach.loop import check_plan
    from mockinterviewer.content.library import load_library

    known = [s.id for s in load_library().scenarios]
    try:
        plan = check_plan(str(args.scenarios).split(","), str(args.level), args.probes, known)
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    from mockinterviewer.cli.gui import require_display
    from mockinterviewer.ui.app import run_app

    require_display()
    return run_app(mode="loop", scenario_id=",".join(plan.scenario_ids), level=plan.level,
                   quit_when_shown=args.quit_when_shown, probes=plan.probes)
