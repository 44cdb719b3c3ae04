"""The one place that loads files from ``assets/``: the app icon and the cue sounds.

No Qt here: the icon is returned as paths (the UI turns them into a ``QIcon``) and sounds as
numpy arrays that the audio layer can play on the chosen output device.
"""

from __future__ import annotations

import logging
import wave
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from mockinterviewer.errors import UserError
from mockinterviewer.paths import assets_dir

log = logging.getLogger(__name__)

CUES: tuple[str, ...] = ("target", "over", "start", "done")
"""Cue names: ``target`` a segment reached its target time, ``over`` it ran past its tolerance,
``start`` recording began, ``done`` the answer ended."""

ICON_SIZES: tuple[int, ...] = (256, 64)


@dataclass(frozen=True)
class Sound:
    """A short sound ready to play.

    Attributes:
        samples: mono float32 samples in -1..1.
        sample_rate: samples per second.
    """

    samples: np.ndarray
    sample_rate: int

    @property
    def seconds(self) -> float:
        """Length in seconds."""
        return len(self.samples) / self.sample_rate if self.sample_rate else 0.0


def asset_path(name: str) -> Path:
    """Returns the path of a file in ``assets/``.

    Args:
        name: a path relative to the assets folder, e.g. ``icon.svg`` or ``sounds/target.wav``.

    Raises:
        UserError: the file is missing (the installation is incomplete).
    """
    path = assets_dir() / name
    if not path.is_file():
        raise UserError(
            f"The app's file {path} is missing; the installation is incomplete. "
            "Reinstall the app (make setup) to restore it."
        )
    return path


def icon_paths() -> list[Path]:
    """Returns the app icon files that exist, the scalable SVG first, then the PNGs."""
    names = ["icon.svg", *(f"icon-{s}.png" for s in ICON_SIZES)]
    return [assets_dir() / n for n in names if (assets_dir() / n).is_file()]


def cue_path(name: str) -> Path:
    """Returns the WAV file of a cue.

    Args:
        name: one of :data:`CUES`.

    Raises:
        UserError: unknown cue or missing file.
    """
    if name not in CUES:
        raise UserError(f"Unknown cue sound {name!r}; expected one of {', '.join(CUES)}.")
    return asset_path(f"sounds/{name}.wav")


@cache
def load_cue(name: str) -> Sound:
    """Loads a cue sound (cached).

    Args:
        name: one of :data:`CUES`.

    Returns:
        The sound as float32 samples.

    Raises:
        UserError: unknown cue, missing or unreadable file.
    """
    path = cue_path(name)
    try:
        with wave.open(str(path), "rb") as w:
            channels, width, rate = w.getnchannels(), w.getsampwidth(), w.getframerate()
            raw = w.readframes(w.getnframes())
    except (OSError, wave.Error, EOFError) as exc:
        raise UserError(f"The cue sound {path} cannot be read ({exc}); reinstall the app.") from exc
    if width != 2:
        raise UserError(f"The cue sound {path} is not 16-bit PCM; regenerate the assets.")
    samples = np.frombuffer(raw, dtype="<i2").astype(np.float32) / 32768.0
    if channels > 1:
        samples = samples.reshape(-1, channels).mean(axis=1)
    return Sound(samples, rate)
