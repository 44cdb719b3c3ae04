"""The engines the screens use, bundled so that tests can inject fakes or real parts.

``Services.default(settings)`` builds the real ones. Building is cheap: nothing here loads a model
or opens a sound device; the main window loads the model once, in the background, at start-up.
Any engine that cannot be built (a layer missing, PortAudio absent) is left as None and the screens
say what that means for the user.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from mockinterviewer.content import LoadReport, Scenario
from mockinterviewer.settings import Settings

if TYPE_CHECKING:
    import numpy as np

    from mockinterviewer.audio.sources import AudioSource
    from mockinterviewer.store import HistoryStore
    from mockinterviewer.stt.base import Transcriber
    from mockinterviewer.tts.base import Speaker

log = logging.getLogger(__name__)

_CHOSEN: Any = object()


class AudioPlayer(Protocol):
    """Plays recordings and cues on the chosen output device (``audio.player.Player``)."""

    @property
    def is_playing(self) -> bool:
        """Whether something is playing now."""
        ...

    @property
    def position(self) -> float:
        """Seconds played since the current ``play_file``/``play_array`` began (any thread)."""
        ...

    def play_file(self, path: Path, start: float = 0.0) -> None:
        """Plays a file from ``start`` seconds."""
        ...

    def play_array(self, audio: np.ndarray, sample_rate: int) -> None:
        """Plays samples."""
        ...

    def stop(self) -> None:
        """Stops playing."""
        ...


class SourceFactory(Protocol):
    """Makes an audio source: the chosen input device, or the one named."""

    def __call__(self, device: str | None = ...) -> AudioSource:
        """A new, not yet started source."""
        ...


class MicrophoneFactory:
    """Makes microphone sources; called with no argument it uses the chosen input device.

    Args:
        device: the chosen input device name (None: the system default).
    """

    def __init__(self, device: str | None = None) -> None:
        self.device = device

    def __call__(self, device: str | None = _CHOSEN) -> AudioSource:
        """Returns a new (not yet started) MicrophoneSource.

        Args:
            device: another device name to use instead of the chosen one (None: system default).
        """
        from mockinterviewer.audio.sources import MicrophoneSource

        return MicrophoneSource(self.device if device is _CHOSEN else device)

    def __repr__(self) -> str:
        return f"MicrophoneFactory({self.device!r})"


def _build_transcriber(settings: Settings) -> Transcriber | None:
    try:
        from mockinterviewer.stt.whisper import WhisperTranscriber

        return WhisperTranscriber(
            model=settings.model,
            device=settings.stt_device,
            compute_type=settings.compute_type,
            capture_fillers=settings.capture_fillers,
        )
    except Exception:
        log.warning("speech-to-text engine unavailable", exc_info=True)
        return None


def _build_speaker(settings: Settings) -> Speaker | None:
    try:
        from mockinterviewer.tts import Pyttsx3Speaker

        return Pyttsx3Speaker(voice=settings.voice, rate=settings.speech_rate,
                              output_device=settings.output_device)
    except Exception:
        log.warning("text-to-speech engine unavailable", exc_info=True)
        return None


def _build_player(settings: Settings) -> AudioPlayer | None:
    try:
        from mockinterviewer.audio.player import Player

        return Player(settings.output_device)
    except Exception:
        log.info("audio playback unavailable", exc_info=True)
        return None


def _build_store(settings: Settings) -> tuple[HistoryStore | None, str]:
    """Opens the history store; returns it (or None) and a message for the user ("" if none)."""
    try:
        from mockinterviewer.store import HistoryStore

        path = Path(settings.data_dir) / "history.sqlite3" if settings.data_dir else None
        store = HistoryStore(path)
        return store, store.notice or ""
    except ImportError:
        log.warning("history store unavailable", exc_info=True)
        return None, ""
    except Exception as exc:
        log.warning("history store unavailable", exc_info=True)
        return None, (f"Your practice history cannot be opened: {exc} Practice still works, "
                      "but this session's attempts are not saved.")


def _load_library() -> LoadReport:
    from mockinterviewer.content.library import load_library

    return load_library()


@dataclass(frozen=True)
class Services:
    """The engines behind the screens.

    Attributes:
        transcriber: speech to text (``mockinterviewer.stt.Transcriber``), or None.
        speaker: text to speech (``mockinterviewer.tts`` Speaker), or None.
        source_factory: makes an audio source; ``source_factory()`` uses the chosen input device,
            ``source_factory(name)`` another one.
        player: plays recordings and cues on the chosen output device, or None.
        store: the history store (``mockinterviewer.store.HistoryStore``), or None.
        library: the loaded scenarios and any content errors.
        notices: messages for the user from building the engines (e.g. a damaged history
            database set aside).
    """

    transcriber: Transcriber | None = None
    speaker: Speaker | None = None
    source_factory: Callable[..., AudioSource] = field(default_factory=MicrophoneFactory)
    player: AudioPlayer | None = None
    store: HistoryStore | None = None
    library: LoadReport = field(default_factory=LoadReport)
    notices: tuple[str, ...] = ()

    @property
    def scenarios(self) -> tuple[Scenario, ...]:
        """The scenarios of the library."""
        return self.library.scenarios

    def scenario(self, ident: str) -> Scenario | None:
        """Finds a scenario by id or principle id."""
        return self.library.by_id(ident)

    @classmethod
    def default(cls, settings: Settings, library: LoadReport | None = None) -> Services:
        """Builds the real engines for these settings (fast: nothing is loaded yet).

        Args:
            settings: the user's settings.
            library: the scenarios (default: built-in content plus the user's stories).

        Returns:
            The services; an engine that cannot be built is None.
        """
        store, notice = _build_store(settings)
        return cls(
            transcriber=_build_transcriber(settings),
            speaker=_build_speaker(settings),
            source_factory=MicrophoneFactory(settings.input_device),
            player=_build_player(settings),
            store=store,
            library=library if library is not None else _load_library(),
            notices=(notice,) if notice else (),
        )

    def updated_for(self, old: Settings, new: Settings) -> Services:
        """Returns services matching changed settings, rebuilding only the default engines.

        Injected engines (fakes in tests) are kept as they are.

        Args:
            old: the settings these services were built for.
            new: the new settings.
        """
        from mockinterviewer.audio.player import Player
        from mockinterviewer.stt.whisper import WhisperTranscriber
        from mockinterviewer.tts import Pyttsx3Speaker

        changes: dict[str, Any] = {}
        stt = (old.model, old.stt_device, old.compute_type, old.capture_fillers)
        if stt != (new.model, new.stt_device, new.compute_type, new.capture_fillers) and (
            isinstance(self.transcriber, WhisperTranscriber)
        ):
            changes["transcriber"] = _build_transcriber(new)
        if isinstance(self.source_factory, MicrophoneFactory) and (
            self.source_factory.device != new.input_device
        ):
            changes["source_factory"] = MicrophoneFactory(new.input_device)
        if (old.voice, old.speech_rate, old.output_device) != (
            new.voice, new.speech_rate, new.output_device
        ) and isinstance(self.speaker, Pyttsx3Speaker):
            changes["speaker"] = _build_speaker(new)
        if old.output_device != new.output_device and isinstance(self.player, Player):
            changes["player"] = _build_player(new)
        return replace(self, **changes) if changes else self
