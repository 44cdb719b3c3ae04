"""Build hook: puts the top-level ``content/`` and ``assets/`` folders into the wheel.

The repository keeps the scenario files and the icons/sounds at its top level (a fixed layout),
outside the ``mockinterviewer`` package. A wheel can only carry files inside its packages, so the
build copies both folders to ``mockinterviewer/_data/`` in the build tree; the installed app finds
them there through ``importlib.resources`` (see ``mockinterviewer.paths``). Editable installs and
plain checkouts keep reading the top-level folders. Everything else is in ``pyproject.toml``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
DATA_DIRS = ("content", "assets")
SKIP = shutil.ignore_patterns("__pycache__", "*.pyc", "generate.py")


class BuildWithData(build_py):
    """``build_py`` that also copies ``content/`` and ``assets/`` into the package."""

    def run(self) -> None:
        """Builds the package as usual, then copies the data folders into it."""
        super().run()
        if self.editable_mode:
            return
        target = Path(self.build_lib) / "mockinterviewer" / "_data"
        for name in DATA_DIRS:
            source = HERE / name
            if not source.is_dir():
                raise SystemExit(f"error: {source} is missing; cannot build a complete package")
            shutil.rmtree(target / name, ignore_errors=True)
            shutil.copytree(source, target / name, ignore=SKIP)


setup(cmdclass={"build_py": BuildWithData})
