"""Where the app keeps its files.

Everything lives under the platform's user folders (via platformdirs). Setting the environment
variable ``MOCKINTERVIEWER_HOME`` puts all of it under that one folder instead, which the tests use
so they never touch a real user's data or settings.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import platformdirs

from mockinterviewer import APP_NAME

HOME_ENV = "MOCKINTERVIEWER_HOME"


@dataclass(frozen=True)
class AppPaths:
    """The app's folders.

    Attributes:
        data: user data (history database, recordings, the user's own stories).
        config: settings.
        cache: downloaded models and rendered speech.
        logs: the log file.
    """

    data: Path
    config: Path
    cache: Path
    logs: Path

    @property
    def recordings(self) -> Path:
        """Folder holding recorded answers."""
        return self.data / "recordings"

    @property
    def stories(self) -> Path:
        """Folder holding the user's own stories (same format as ``content/``)."""
        return self.data / "stories"

    @property
    def models(self) -> Path:
        """Folder holding Whisper models downloaded on request."""
        return self.cache / "models"

    @property
    def database(self) -> Path:
        """The history database file."""
        return self.data / "history.sqlite3"

    @property
    def settings_file(self) -> Path:
        """The settings file."""
        return self.config / "settings.json"

    @property
    def log_file(self) -> Path:
        """The log file (tracebacks go here, never to the user's screen)."""
        return self.logs / "mockinterviewer.log"


def app_paths() -> AppPaths:
    """Returns the app's folders, honouring ``MOCKINTERVIEWER_HOME``.

    Returns:
        The folders; they are not created here (see :func:`ensure`).
    """
    home = os.environ.get(HOME_ENV)
    if home:
        root = Path(home).expanduser()
        return AppPaths(root / "data", root / "config", root / "cache", root / "logs")
    return AppPaths(
        Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
    )


def ensure(path: Path) -> Path:
    """Creates a private folder (mode 0700) if needed and returns it.

    Args:
        path: the folder.

    Returns:
        The same path.
    """
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def project_root() -> Path:
    """Returns the source checkout's root (where ``content/`` and ``assets/`` live)."""
    return Path(__file__).resolve().parent.parent


def _bundled(name: str) -> Path | None:
    """Returns ``mockinterviewer/_data/<name>`` when the package carries it (wheel, bundle).

    Args:
        name: ``content`` or ``assets``.
    """
    found = resources.files("mockinterviewer") / "_data" / name
    path = Path(str(found))
    return path if path.is_dir() else None


def _data_dir(name: str) -> Path:
    """Returns the folder ``name`` from the installed package, else from the checkout.

    An installed wheel or the frozen bundle carries the folder inside the package (the build copies
    it there, see ``setup.py``); a checkout or an editable install reads the top-level folder.

    Args:
        name: ``content`` or ``assets``.
    """
    return _bundled(name) or project_root() / name


def content_dir() -> Path:
    """Returns the folder with the built-in scenario files."""
    return _data_dir("content")


def assets_dir() -> Path:
    """Returns the folder with icons and sounds."""
    return _data_dir("assets")
