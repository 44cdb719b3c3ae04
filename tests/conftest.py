"""Shared fixtures. Every test runs with a private MOCKINTERVIEWER_HOME so that no test touches
a real user's data or settings, and Qt runs offscreen."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

# Shared fakes and helpers live in tests/support/ (imported by name from any test folder).
sys.path.insert(0, str(Path(__file__).resolve().parent / "support"))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
ARTIFACTS = ROOT / "tests" / "artifacts"

# pulse: the pulse_audio and whisper_tiny fixtures (private PulseAudio virtual mic, the real
# model); coach_helpers: the coaching tests' library and ownership fixtures; qt_theme: app_theme.
pytest_plugins = ["pulse", "coach_helpers", "qt_theme"]


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Points MOCKINTERVIEWER_HOME at a fresh temporary folder for each test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("MOCKINTERVIEWER_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Folder for screenshots and other outputs a person should look at (ignored by git)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
