"""Test doubles and helpers shared by the UI tests.

The fakes stand in only for slow or hardware-bound engines in fast tests; the same screens are also
driven with real parts (the content library, SQLite history, the file audio source) elsewhere.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from PySide6.QtWidgets import QApplication, QWidget

from mockinterviewer.content.library import load_library
from mockinterviewer.settings import Settings
from mockinterviewer.ui import theme
from mockinterviewer.ui.services import Services


class FakeTranscriber:
    """Loads instantly (or fails, when told) and transcribes nothing."""

    def find_fillers(self, audio, words, offset=0.0) -> list:
        return []

    def __init__(self, fail: str | None = None) -> None:
        self.fail = fail
        self.loads = 0
        self._loaded = False
        self.load_thread: str | None = None

    model_name = "tiny.en"
    device = "cpu"
    load_warning = None

    @property
    def loaded(self) -> bool:
        return self._loaded

    def transcribe_file(self, path: Path, progress: object = None) -> object:
        from mockinterviewer.transcript import Transcript

        return Transcript()

    def transcribe_array(self, audio: np.ndarray, offset: float = 0.0, prompt=None,
                         fast=False, speech_end=None) -> list:
        return []

    def load(self) -> None:
        from mockinterviewer.errors import UserError

        self.loads += 1
        self.load_thread = threading.current_thread().name
        if self.fail:
            raise UserError(self.fail)
        self._loaded = True


class FakeSpeaker:
    """Records what it was asked to say."""

    def __init__(self, works: bool = True) -> None:
        self.works = works
        self.spoken: list[str] = []
        self.error: str | None = None

    def wait(self, timeout: float | None = None) -> bool:
        return True

    def available(self) -> bool:
        return self.works

    def voices(self) -> list[tuple[str, str]]:
        return [("en-gb", "English (UK)"), ("en-us", "English (US)")]

    def speak(self, text: str) -> None:
        self.spoken.append(text)

    def stop(self) -> None:
        pass


class FakePlayer:
    """An ``AudioPlayer`` without a sound device: records what it was asked to play; the test
    moves its position (``advance``) and ends the sound (``finish``)."""

    def __init__(self) -> None:
        self.played: list[tuple[Path, float]] = []
        self.stops = 0
        self._playing = False
        self._position = 0.0
        self._lock = threading.Lock()

    @property
    def is_playing(self) -> bool:
        with self._lock:
            return self._playing

    @property
    def position(self) -> float:
        with self._lock:
            return self._position

    def play_file(self, path: Path, start: float = 0.0) -> None:
        with self._lock:
            self.played.append((Path(path), float(start)))
            self._playing, self._position = True, 0.0

    def play_array(self, audio: object, sample_rate: int) -> None:
        with self._lock:
            self.played.append((Path("<array>"), 0.0))
            self._playing, self._position = True, 0.0

    def stop(self) -> None:
        with self._lock:
            self.stops += 1
            self._playing = False

    def advance(self, seconds: float) -> None:
        """Moves the play position to ``seconds`` after the start of the current play."""
        with self._lock:
            self._position = float(seconds)

    def finish(self) -> None:
        """The sound reaches its end."""
        with self._lock:
            self._playing = False


def tone_source_factory(seconds: float = 3.0, level: float = 0.3):
    """A factory of real FileSources playing a voiced tone burst (for the test recording)."""
    from mockinterviewer.audio.sources import FileSource

    rate = 16000
    t = np.arange(int(seconds * rate)) / rate
    audio = np.zeros_like(t, dtype=np.float32)
    mid = (t > 0.6) & (t < seconds - 0.4)
    # a vowel-like tone with a syllable rhythm, clearly above the noise floor
    rhythm = 0.6 + 0.4 * np.sin(2 * np.pi * 4 * t[mid])
    audio[mid] = level * np.sin(2 * np.pi * 220 * t[mid]) * rhythm
    audio += 0.001 * np.random.default_rng(0).standard_normal(len(t)).astype(np.float32)
    calls: list[object] = []

    def factory(device: object = None) -> FileSource:
        calls.append(device)
        return FileSource(None, speed=4.0, audio=audio.astype(np.float32))

    factory.calls = calls  # type: ignore[attr-defined]
    return factory


def make_services(store: object | None = None, transcriber: object | None = None,
                  speaker: object | None = None, **kw: object) -> Services:
    """Services with the real library and the given engines."""
    return Services(transcriber=transcriber if transcriber is not None else FakeTranscriber(),
                    speaker=speaker if speaker is not None else FakeSpeaker(),
                    store=store, library=load_library(), **kw)  # type: ignore[arg-type]


@contextmanager
def dark_palette() -> Iterator[None]:
    """Switches the whole application to the dark palette for a block."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    old_palette, old_sheet = app.palette(), app.styleSheet()
    theme.apply_theme(app, dark=True)
    try:
        yield
    finally:
        app.setPalette(old_palette)
        app.setStyleSheet(old_sheet)


def shoot(widget: QWidget, folder: Path, name: str) -> Path:
    """Saves a screenshot after letting pending layout and paint events run."""
    QApplication.processEvents()
    path = folder / f"{name}.png"
    assert widget.grab().save(str(path)), path
    return path


def default_settings() -> Settings:
    """Fresh settings."""
    return Settings()
