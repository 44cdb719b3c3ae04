"""User settings: a frozen value read from and written to ``settings.json``.

Workers never build their own settings; the app loads them once and passes them in.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from mockinterviewer.paths import app_paths, ensure

log = logging.getLogger(__name__)

MODEL_CHOICES: tuple[str, ...] = ("tiny.en", "base.en", "small.en", "medium.en", "large-v3-turbo")


@dataclass(frozen=True)
class Settings:
    """Everything the user can choose.

    Attributes:
        input_device: microphone name (None: the system default).
        output_device: speaker name (None: the system default).
        model: a name from ``MODEL_CHOICES`` or a path to a CTranslate2 model folder.
        stt_device: ``auto``, ``cpu`` or ``cuda``.
        compute_type: ``auto`` (int8 on CPU, float16 on GPU) or a CTranslate2 compute type.
        voice: TTS voice id (None: the engine default).
        speech_rate: TTS words per minute.
        speak_questions: speak questions aloud (else show them only).
        tolerance: fraction of a segment target that still counts as on time (0.2 = +/-20%).
        level: sde1, sde2 or senior.
        data_dir: where history and recordings go (None: the platform default).
        capture_fillers: run the filler-recovery pass on transcripts.
        last_scenario: the scenario last opened in a mode (None: none yet); Drill and Test
            opened from the sidebar start on it when Home has none highlighted.
    """

    input_device: str | None = None
    output_device: str | None = None
    model: str = "tiny.en"
    stt_device: str = "auto"
    compute_type: str = "auto"
    voice: str | None = None
    speech_rate: int = 170
    speak_questions: bool = True
    tolerance: float = 0.2
    level: str = "sde2"
    data_dir: str | None = None
    capture_fillers: bool = True
    last_scenario: str | None = None

    def with_changes(self, **changes: Any) -> Settings:  # noqa: ANN401 - any field's value
        """Returns a copy with some fields changed."""
        return replace(self, **changes)


def load_settings(path: Path | None = None) -> Settings:
    """Reads settings; unknown keys are ignored and bad values fall back to defaults.

    Args:
        path: the settings file (default: the app's).

    Returns:
        The settings.
    """
    path = path or app_paths().settings_file
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as exc:
        log.warning("settings file %s unreadable (%s); using defaults", path, exc)
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    defaults = Settings()
    values: dict[str, Any] = {}
    for f in fields(Settings):
        if f.name not in raw:
            continue
        v = raw[f.name]
        d = getattr(defaults, f.name)
        ok = (v is None and (d is None or f.name in ("input_device", "output_device", "voice",
                                                      "data_dir", "last_scenario"))) or (
            d is None and isinstance(v, str)) or (
            d is not None and isinstance(v, type(d)) and not (
                isinstance(v, bool) and not isinstance(d, bool))) or (
            isinstance(d, float) and isinstance(v, int) and not isinstance(v, bool))
        if ok:
            values[f.name] = float(v) if isinstance(d, float) else v
        else:
            log.warning("settings: ignoring bad value for %s: %r", f.name, v)
    return Settings(**values)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Writes settings atomically (temp file + rename), readable by the user only.

    Args:
        settings: the settings.
        path: the settings file (default: the app's).
    """
    path = path or app_paths().settings_file
    ensure(path.parent)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(asdict(settings), fh, indent=2)
    os.replace(tmp, path)
