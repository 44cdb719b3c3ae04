"""``mockinterviewer desktop install|uninstall``: the app's entry in the desktop menu."""

from __future__ import annotations

import argparse

from mockinterviewer import desktop


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str) -> None:
    """Adds the ``desktop`` command."""
    p = sub.add_parser(name, help="add or remove the app's desktop menu entry")
    dsub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    inst = dsub.add_parser("install", help="add the menu entry and icon for this installation")
    inst.set_defaults(func=run_install)
    uninst = dsub.add_parser("uninstall", help="remove the menu entry and icon")
    uninst.set_defaults(func=run_uninstall)


def run_install(_args: argparse.Namespace) -> int:
    """Writes the entry and prints where."""
    files = desktop.install()
    print(f"menu entry: {files.entry}")
    for icon in files.icons:
        print(f"icon: {icon}")
    return 0


def run_uninstall(_args: argparse.Namespace) -> int:
    """Removes the entry and prints what was removed."""
    removed = desktop.uninstall()
    if not removed:
        print("no menu entry was installed")
    for path in removed:
        print(f"removed: {path}")
    return 0
