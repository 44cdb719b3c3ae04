"""Sound in and out: devices, capture sources, crash-safe recordings, levels, playback.

No Qt here. ``sounddevice`` (PortAudio) is imported lazily through :func:`devices.sd_module` so that
a missing PortAudio library becomes a clear :class:`AudioError` instead of an import failure.
"""

from mockinterviewer.audio.errors import AudioError

__all__ = ["AudioError"]
