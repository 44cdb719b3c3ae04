"""The freedesktop menu entry: a ``.desktop`` file and the app icon in the user's folders.

One code path for every way the app is installed (the make-built venv, a wheel under pipx or
``uv tool``, the frozen bundle): each calls ``mockinterviewer desktop install`` from its own
executable, so the entry starts exactly that installation. Files go under ``$XDG_DATA_HOME``
(``~/.local/share`` by default): ``applications/mockinterviewer.desktop`` and
``icons/hicolor/<size>/apps/mockinterviewer.<ext>``. No Qt here.
"""

from __future__ import annotations

import logging
import os
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from mockinterviewer import APP_NAME, __version__
from mockinterviewer.assets import asset_path
from mockinterviewer.errors import UserError

log = logging.getLogger(__name__)

DESKTOP_ID = f"{APP_NAME}.desktop"
ICONS: tuple[tuple[str, str], ...] = (
    ("icon-256.png", "256x256"),
    ("icon-64.png", "64x64"),
    ("icon.svg", "scalable"),
)


@dataclass(frozen=True)
class DesktopFiles:
    """Where the menu entry's files live.

    Attributes:
        entry: the ``.desktop`` file.
        icons: the icon files, one per size.
    """

    entry: Path
    icons: tuple[Path, ...]

    def all(self) -> tuple[Path, ...]:
        """Every file, the entry first."""
        return (self.entry, *self.icons)


def data_home() -> Path:
    """Returns ``$XDG_DATA_HOME``, or ``~/.local/share`` when it is unset or not absolute."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if value and Path(value).is_absolute() else Path.home() / ".local" / "share"


def desktop_files(root: Path | None = None) -> DesktopFiles:
    """Returns the paths of the entry and icons under ``root`` (default: :func:`data_home`)."""
    base = root or data_home()
    icons = tuple(
        base / "icons" / "hicolor" / size / "apps" / f"{APP_NAME}{Path(name).suffix}"
        for name, size in ICONS
    )
    return DesktopFiles(base / "applications" / DESKTOP_ID, icons)


def launch_command() -> list[str]:
    """Returns the command that starts this installation of the app.

    A frozen bundle is its own executable; otherwise the ``mockinterviewer`` script beside the
    running interpreter (a venv, pipx or ``uv tool``), else ``python -m mockinterviewer``.
    """
    if getattr(sys, "frozen", False):  # set by the freezer, the documented way to detect it
        return [str(Path(sys.executable).resolve())]
    script = Path(sys.executable).parent / APP_NAME
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [str(Path(sys.executable)), "-m", APP_NAME]


def _exec_line(command: list[str]) -> str:
    """Quotes a command for the ``Exec`` key (the spec's rules: reserved characters in quotes)."""
    parts = []
    for arg in command:
        if any(c in arg for c in ' \t\n"\'\\><~|&;$*?#()`'):
            escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`")
            escaped = escaped.replace("$", "\\$")
            parts.append(f'"{escaped}"')
        else:
            parts.append(arg)
    return " ".join(parts).replace("%", "%%")


def desktop_entry(command: list[str]) -> str:
    """Returns the text of the ``.desktop`` file that starts ``command``.

    Args:
        command: the app's launch command (see :func:`launch_command`).
    """
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        "Name=Mock Interviewer",
        "GenericName=Interview practice",
        "Comment=Rehearse behavioural interviews out loud, offline",
        f"Exec={_exec_line(command)}",
        f"TryExec={command[0]}",
        f"Icon={APP_NAME}",
        "Terminal=false",
        "Categories=Education;",
        "Keywords=interview;STAR;rehearse;practice;speech;",
        "StartupNotify=true",
        f"StartupWMClass={APP_NAME}",
        f"X-MockInterviewer-Version={__version__}",
        "",
    ])


def _refresh_caches(base: Path) -> None:
    """Asks the desktop to re-read the menu and icons, where the tools exist (best effort)."""
    for tool, arg in (("update-desktop-database", base / "applications"),
                      ("gtk-update-icon-cache", base / "icons" / "hicolor")):
        exe = shutil.which(tool)
        if exe is None:
            continue
        extra = ["-q", "-t"] if tool == "gtk-update-icon-cache" else ["-q"]
        try:
            subprocess.run([exe, *extra, str(arg)], check=False, timeout=30,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except (OSError, subprocess.SubprocessError) as exc:
            log.info("%s did not run: %s", tool, exc)


def install(command: list[str] | None = None, root: Path | None = None) -> DesktopFiles:
    """Writes the menu entry and the icons.

    Args:
        command: the launch command (default: this installation, :func:`launch_command`).
        root: the data folder (default: :func:`data_home`).

    Returns:
        The files written.

    Raises:
        UserError: a file could not be written.
    """
    files = desktop_files(root)
    try:
        for (name, _size), target in zip(ICONS, files.icons, strict=True):
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(asset_path(name), target)
        files.entry.parent.mkdir(parents=True, exist_ok=True)
        files.entry.write_text(desktop_entry(command or launch_command()), encoding="utf-8")
    except OSError as exc:
        raise UserError(f"could not write the menu entry: {exc.strerror or exc} "
                        f"({exc.filename or files.entry})") from exc
    _refresh_caches(root or data_home())
    log.info("menu entry installed: %s", shlex.join(str(p) for p in files.all()))
    return files


def uninstall(root: Path | None = None) -> list[Path]:
    """Removes the menu entry and icons written by :func:`install`.

    Returns:
        The files that were removed (those already gone are skipped).
    """
    files = desktop_files(root)
    removed = []
    for path in files.all():
        try:
            path.unlink()
            removed.append(path)
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise UserError(f"could not remove {path}: {exc.strerror or exc}") from exc
    _refresh_caches(root or data_home())
    return removed
