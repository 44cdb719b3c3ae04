"""Command line entry point: ``mockinterviewer`` opens the app; sub-commands work without it.

Each sub-command lives in its own module of this package and exposes ``register(subparsers)``,
which adds its parser and sets ``func`` to a handler taking the parsed arguments and returning an
exit code. Modules are imported only when their command runs, so ``content check`` never loads Qt
or Whisper.
"""

from __future__ import annotations

import argparse
import importlib
import io
import logging
import os
import sys
from collections.abc import Sequence

from mockinterviewer import __version__
from mockinterviewer.errors import UserError
from mockinterviewer.logs import setup_logging

log = logging.getLogger(__name__)

# command name -> (module, one-line help). GUI modes share one module.
COMMANDS: dict[str, tuple[str, str]] = {
    "gui": ("mockinterviewer.cli.gui", "open the app (the default)"),
    "rehearse": ("mockinterviewer.cli.gui", "open the app in Rehearse mode for a scenario"),
    "learn": ("mockinterviewer.cli.gui", "open the app in Learn mode for a scenario"),
    "drill": ("mockinterviewer.cli.gui", "open the app in Drill mode for a scenario"),
    "test": ("mockinterviewer.cli.gui", "open the app in Test mode for a scenario"),
    "loop": ("mockinterviewer.cli.loop", "open the app in a mock interview loop of 2-6 principles"),
    "content": ("mockinterviewer.cli.content", "check or list scenario files"),
    "transcribe": ("mockinterviewer.cli.transcribe", "transcribe an audio file"),
    "bench": ("mockinterviewer.cli.bench", "benchmark streaming and whole-file transcription"),
    "analyze": ("mockinterviewer.cli.analyze", "analyse a spoken or written answer"),
    "evaluate": (
        "mockinterviewer.cli.evaluate", "score the coaching engine on the labelled answer set"
    ),
    "history": ("mockinterviewer.cli.history", "list, show or export past attempts"),
    "story": ("mockinterviewer.cli.story", "import, export or list your own stories"),
    "desktop": ("mockinterviewer.cli.desktop", "add or remove the app's desktop menu entry"),
}


def _silence_stdout() -> None:
    """Points stdout at /dev/null so that flushing it at exit raises nothing more."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def one_line(message: str) -> str:
    """Folds a message onto one line, so that each failure is exactly one ``error:`` line."""
    return " ".join(message.split())


class _Parser(argparse.ArgumentParser):
    """Argument parser whose usage errors follow the ``error:`` line and exit 2 convention."""

    def error(self, message: str) -> None:  # type: ignore[override]
        usage = one_line(self.format_usage()).removeprefix("usage: ")
        print(f"error: {one_line(message)} (usage: {usage})", file=sys.stderr)
        raise SystemExit(2)


def build_parser(command: str | None) -> argparse.ArgumentParser:
    """Builds the parser; only the chosen command's module is imported.

    Args:
        command: the sub-command the user typed, if any.

    Returns:
        The parser.
    """
    parser = _Parser(
        prog="mockinterviewer",
        description="Rehearse behavioural interviews out loud, offline.",
    )
    parser.add_argument("--version", action="version", version=f"mockinterviewer {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug output to stderr")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    for name, (module, help_text) in COMMANDS.items():
        if name == command:
            mod = importlib.import_module(module)
            mod.register(sub, name)
        else:
            sub.add_parser(name, help=help_text)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the command line.

    Args:
        argv: arguments without the program name (defaults to ``sys.argv[1:]``).

    Returns:
        The exit code: 0 on success, 2 on any error (reported as one ``error:`` line).
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    command = next((a for a in args_list if not a.startswith("-")), None)
    if command not in COMMANDS:
        command = None if command is None else command
    if command is None and not any(a in ("-h", "--help", "--version") for a in args_list):
        args_list = ["gui", *args_list]
        command = "gui"
    parser = build_parser(command)
    args = parser.parse_args(args_list)
    setup_logging(verbose=getattr(args, "verbose", False))
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 0
    try:
        return int(func(args) or 0)
    except UserError as exc:
        log.info("user error: %s", exc)
        print(f"error: {one_line(str(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the output was piped into e.g. `head`, which has read enough
        _silence_stdout()
        return 0
    except Exception as exc:
        log.exception("unexpected failure in %s", command)
        from mockinterviewer.logs import log_file

        where = log_file()
        details = f"details are in {where}" if where else "no log file could be written"
        print(
            one_line(f"error: unexpected failure ({type(exc).__name__}: {exc}); {details}"),
            file=sys.stderr,
        )
        return 2
