"""Logging set-up: everything to the log file in the data folder, warnings to stderr."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from mockinterviewer.paths import app_paths, ensure

_configured = False
_log_file: Path | None = None


def log_file() -> Path | None:
    """The file log records go to, or None when it could not be opened."""
    return _log_file


def setup_logging(verbose: bool = False) -> None:
    """Sends log records to the app's log file (rotating) and warnings to stderr.

    Args:
        verbose: also print debug records to stderr.
    """
    global _configured, _log_file
    if _configured:
        return
    _configured = True
    _log_file = None
    root = logging.getLogger()
    root.setLevel(logging.DEBUG)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        paths = app_paths()
        ensure(paths.logs)
        fh = logging.handlers.RotatingFileHandler(
            paths.log_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
        fh.setFormatter(fmt)
        fh.setLevel(logging.DEBUG)
        root.addHandler(fh)
        _log_file = paths.log_file
    except OSError:
        # without this, Python's last-resort handler would print warnings and tracebacks on the
        # user's terminal
        root.addHandler(logging.NullHandler())
    if verbose:
        sh = logging.StreamHandler()
        sh.setLevel(logging.DEBUG)
        sh.setFormatter(fmt)
        root.addHandler(sh)
    for noisy in ("faster_whisper", "comtypes", "PIL", "matplotlib"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
