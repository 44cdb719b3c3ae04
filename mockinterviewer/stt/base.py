"""The transcriber interface shared by the real Whisper engine and test fakes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from mockinterviewer.transcript import Transcript, Word

SAMPLE_RATE = 16000


@runtime_checkable
class Transcriber(Protocol):
    """Speech to timestamped words.

    Audio arrays are 16 kHz mono float32; word times are seconds from the start of the recording.
    """

    @property
    def model_name(self) -> str:
        """The model in use."""
        ...

    @property
    def device(self) -> str:
        """``cpu`` or ``cuda``, as actually used."""
        ...

    @property
    def load_warning(self) -> str | None:
        """A message for the user when loading fell back (e.g. from CUDA to the CPU)."""
        ...

    def load(self) -> None:
        """Loads the model (idempotent, slow: call it off the UI thread)."""
        ...

    def transcribe_file(
        self, path: Path, progress: Callable[[float], None] | None = None
    ) -> Transcript:
        """Transcribes a whole audio file."""
        ...

    def transcribe_array(self, audio: np.ndarray, offset: float = 0.0) -> list[Word]:
        """Transcribes one utterance; ``offset`` is added to every word time."""
        ...
