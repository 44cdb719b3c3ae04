"""The speaker interface and its value types."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from mockinterviewer.errors import UserError

NO_TTS_MESSAGE = (
    "No text-to-speech engine works on this computer, so questions will be shown as text. "
    "To hear them, install espeak-ng (Linux) and restart the app."
)


class TtsError(UserError):
    """Speech could not be rendered or played; the message is for the user."""


@dataclass(frozen=True)
class Voice:
    """A voice the engine offers.

    Attributes:
        id: the engine's identifier (stored in settings).
        name: a readable name.
        languages: language tags, when the engine reports them.
    """

    id: str
    name: str
    languages: tuple[str, ...] = field(default_factory=tuple)


@runtime_checkable
class Speaker(Protocol):
    """Text to speech, rendered to a WAV file and played on the chosen output device.

    Attributes:
        error: why the last sentence could not be spoken, or None.
    """

    error: str | None

    def available(self) -> bool:
        """Whether an engine works (False: show questions as text)."""
        ...

    def voices(self) -> list[Voice]:
        """The voices on offer."""
        ...

    def render(self, text: str) -> Path:
        """Renders text to a WAV file (cached by text, voice and rate)."""
        ...

    def speak(self, text: str) -> None:
        """Renders and plays text without blocking."""
        ...

    def stop(self) -> None:
        """Stops speaking now."""
        ...

    def wait(self, timeout: float | None = None) -> bool:
        """Waits until speech ends; False on timeout."""
        ...
