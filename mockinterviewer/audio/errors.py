"""The audio layer's error type."""

from __future__ import annotations

from mockinterviewer.errors import UserError


class AudioError(UserError):
    """A sound device or recording problem, worded for the user."""
