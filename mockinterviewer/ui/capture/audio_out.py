"""Sound out for the practice screens: play a recording from a moment, or a cue sound.

A thin adapter over the injected ``audio`` Player. Loading the file and opening the output device
happen in a one-shot job, never on the UI thread; the Player then streams on PortAudio's thread.
Any failure (no output device, a missing file) becomes a short message for the status line.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mockinterviewer.ui.widgets.star_strip import format_seconds
from mockinterviewer.workers import run_job

log = logging.getLogger(__name__)


def play_file(player: Any, path: Path | None, seconds: float,
              on_error: Callable[[str], None] | None = None,
              on_started: Callable[[], None] | None = None) -> str:
    """Starts playing an audio file from ``seconds`` on the chosen output device.

    Args:
        player: the services' Player (None: no output device).
        path: the recording.
        seconds: where to start.
        on_error: called on the UI thread with a message if playback cannot start.
        on_started: called on the UI thread once the player is playing.

    Returns:
        A status message for the user.
    """
    if path is None or not Path(path).exists():
        return "That recording is no longer on disk, so it cannot be played."
    if player is None:
        return ("No sound output is available, so the recording cannot be played. Choose an "
                "output device in Settings.")
    def failed(message: str) -> None:
        if on_error is not None:
            on_error(f"The recording could not be played ({message}). Check the output device "
                     "in Settings.")

    target, start = Path(path), float(seconds)
    run_job(lambda _p: player.play_file(target, start=start), on_error=failed,
            on_done=None if on_started is None else (lambda _r: on_started()),
            name="playing the recording")
    return f"Playing from {format_seconds(seconds)}. Playing another moment stops this one."


def play_cue(player: Any, name: str, on_error: Callable[[str], None] | None = None) -> bool:
    """Starts playing one of the app's cue sounds (``mockinterviewer.assets.CUES``).

    Args:
        player: the services' Player (None: no output device).
        name: the cue, e.g. ``target``.
        on_error: called on the UI thread with a message if the cue cannot play.

    Returns:
        False when there is no player at all.
    """
    if player is None:
        return False

    def work(_progress: Any) -> None:
        from mockinterviewer.assets import load_cue

        sound = load_cue(name)
        player.play_array(sound.samples, sound.sample_rate)

    def failed(message: str) -> None:
        log.warning("cue %s could not be played: %s", name, message)
        if on_error is not None:
            on_error(f"The cue sound could not be played ({message}).")

    run_job(work, on_error=failed, name="playing a cue")
    return True


def stop(player: Any) -> None:
    """Stops whatever the player is playing (ignores a missing player)."""
    if player is None:
        return
    try:
        player.stop()
    except Exception:
        log.warning("stopping playback failed", exc_info=True)
