"""Alias of :mod:`mockinterviewer.audio.player` (the name the UI services look up)."""

from mockinterviewer.audio.player import Player, load_audio

__all__ = ["Player", "load_audio"]
