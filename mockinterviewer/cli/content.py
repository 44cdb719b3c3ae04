"""``mockinterviewer content check|list``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from mockinterviewer.content import load_all
from mockinterviewer.content.checks import library_problems, longest_shares
from mockinterviewer.content.library import load_library
from mockinterviewer.paths import content_dir


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str) -> None:
    """Adds the ``content`` command."""
    p = sub.add_parser(name, help="check or list scenario files")
    csub = p.add_subparsers(dest="action", metavar="ACTION", required=True,
                            parser_class=type(p))
    check = csub.add_parser("check", help="validate scenario files (default: the built-in ones)")
    check.add_argument("paths", nargs="*", type=Path, help="files or folders to check")
    check.set_defaults(func=run_check)
    lst = csub.add_parser("list", help="list the scenarios")
    lst.add_argument("--json", action="store_true", help="print JSON instead of a table")
    lst.set_defaults(func=run_list)


def run_check(args: argparse.Namespace) -> int:
    """Validates files and their content rules.

    Prints the longest-option share per file and overall, then every error, one per line
    (format errors first, then content rules: see :mod:`mockinterviewer.content.checks`), and
    returns 2 if there were any.
    """
    paths = args.paths or [content_dir()]
    missing = [p for p in paths if not p.exists()]
    for p in missing:
        print(f"error: {p}: no such file or folder", file=sys.stderr)
    report = load_all([p for p in paths if p.exists()])
    rows, overall = longest_shares([s for s in report.scenarios if s.kind == "scenario"])
    if rows:
        print("key is the single longest option (\"which principle\" questions excluded):")
        for r in rows + [overall]:
            print(f"  {r.line()}")
    problems = library_problems(report.scenarios)
    for e in list(report.errors) + problems:
        print(f"error: {e}", file=sys.stderr)
    if report.errors or missing or problems:
        return 2
    print(f"ok: {len(report.scenarios)} scenario(s) valid")
    return 0


def run_list(args: argparse.Namespace) -> int:
    """Lists scenarios with their id, principle and counts."""
    report = load_library()
    for e in report.errors:
        print(f"warning: {e}", file=sys.stderr)
    rows = [
        {"id": s.id, "principle": s.principle, "kind": s.kind, "title": s.title,
         "prompts": len(s.prompts), "probes": len(s.probes), "practice": len(s.practice)}
        for s in report.scenarios
    ]
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print(f"{'id':<44} {'principle':<44} prompts probes practice")
    for r in rows:
        print(f"{r['id']:<44} {r['principle']:<44} {r['prompts']:>7} {r['probes']:>6} "
              f"{r['practice']:>8}")
    return 0
