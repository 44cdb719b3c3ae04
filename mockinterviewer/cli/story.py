"""``mockinterviewer story list|import FILE|export ID OUT|delete ID``: the user's own stories."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from mockinterviewer.content import stories


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str) -> None:
    """Adds the ``story`` command and its actions."""
    p = sub.add_parser(name, help="import, export or list your own stories")
    ssub = p.add_subparsers(dest="action", metavar="ACTION", required=True,
                            parser_class=type(p))
    lst = ssub.add_parser("list", help="list your stories")
    lst.add_argument("--json", action="store_true", help="print JSON instead of a table")
    lst.set_defaults(func=run_list)

    imp = ssub.add_parser("import", help="validate a story file and add it to your stories")
    imp.add_argument("file", type=Path, help="a story file (.toml, same format as content/)")
    how = imp.add_mutually_exclusive_group()
    how.add_argument("--rename", action="store_true",
                     help="if the id is taken, import under a new id (id-2, id-3...)")
    how.add_argument("--replace", action="store_true",
                     help="if one of your stories has the same id, replace it")
    imp.set_defaults(func=run_import)

    exp = ssub.add_parser("export", help="copy one of your stories to a file")
    exp.add_argument("id", help="the story's id (see 'story list')")
    exp.add_argument("out", type=Path, help="target file, or a folder to put <id>.toml in")
    exp.add_argument("-f", "--force", action="store_true", help="overwrite the target file")
    exp.set_defaults(func=run_export)

    dele = ssub.add_parser("delete", help="delete one of your stories")
    dele.add_argument("id", help="the story's id (see 'story list')")
    dele.set_defaults(func=run_delete)


def run_list(args: argparse.Namespace) -> int:
    """Lists the stored stories; broken files are reported as warnings on stderr."""
    report = stories.list_stories()
    for e in report.errors:
        print(f"warning: {e}", file=sys.stderr)
    rows = [{"id": s.id, "principle": s.principle, "title": s.title, "prompts": len(s.prompts),
             "seconds": s.total_target_seconds, "file": s.source} for s in report.scenarios]
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    if not rows:
        print(f"no stories yet (they are kept in {stories.stories_dir()})")
        return 0
    print(f"{'id':<32} {'principle':<36} title")
    for r in rows:
        print(f"{r['id']:<32} {r['principle']:<36} {r['title']}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    """Imports a story file; any problem is a ``StoryError`` (one ``error:`` line, exit 2)."""
    conflict = "rename" if args.rename else "replace" if args.replace else "error"
    story = stories.import_story(args.file, on_conflict=conflict)
    print(f"imported '{story.id}' ({story.principle}: {story.title}) into {story.source}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    """Copies a stored story to the chosen file."""
    target = stories.export_story(args.id, args.out, overwrite=args.force)
    print(f"exported '{args.id}' to {target}")
    return 0


def run_delete(args: argparse.Namespace) -> int:
    """Deletes a stored story."""
    path = stories.delete_story(args.id)
    print(f"deleted '{args.id}' ({path})")
    return 0
