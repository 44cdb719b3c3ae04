"""The transcriber interface shared by the real Whisper engine and test fakes."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from mockinterviewer.transcript import Transcript, Word

SAMPLE_RATE = 16000
BACKGROUND_NICE = 5  # how much lower transcription threads' priority is than the UI's

log = logging.getLogger(__name__)


def lower_thread_priority(step: int = BACKGROUND_NICE) -> None:
    """Makes the calling thread (and threads it starts later) yield the CPU to the others.

    Linux keeps a nice value per thread, so this leaves the user interface thread untouched.
    Elsewhere, or when not allowed, it does nothing.

    Args:
        step: how much to raise the thread's nice value.
    """
    if not hasattr(os, "setpriority") or step <= 0:
        return
    try:
        tid = threading.get_native_id()
        current = os.getpriority(os.PRIO_PROCESS, tid)
        os.setpriority(os.PRIO_PROCESS, tid, min(19, current + step))
    except OSError:  # pragma: no cover - not permitted on this system
        log.debug("could not lower the thread priority", exc_info=True)


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

    @property
    def loaded(self) -> bool:
        """Whether :meth:`load` has succeeded."""
        ...

    def load(self) -> None:
        """Loads the model (idempotent, slow: call it off the UI thread)."""
        ...

    def transcribe_file(
        self, path: Path, progress: Callable[[float], None] | None = None
    ) -> Transcript:
        """Transcribes a whole audio file."""
        ...

    def find_fillers(self, audio: np.ndarray, words: list[Word],
                     offset: float = 0.0) -> list[Word]:
        """Hesitations ("um", "uh") in the voiced stretches that ``words`` leave uncovered.

        Args:
            audio: the samples the words came from.
            words: their words, recording time.
            offset: recording time of ``audio[0]``.

        Returns:
            New filler words, recording time (an engine without a filler pass returns none).
        """
        ...

    def transcribe_array(self, audio: np.ndarray, offset: float = 0.0, prompt: str | None = None,
                         fast: bool = False, speech_end: float | None = None) -> list[Word]:
        """Transcribes one utterance.

        Args:
            audio: the samples.
            offset: added to every word time.
            prompt: text said just before (an engine may ignore it).
            fast: the user is waiting: decode once, without retries.
            speech_end: seconds into ``audio`` where the voice ends, if known.
        """
        ...
