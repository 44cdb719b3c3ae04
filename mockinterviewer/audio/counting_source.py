"""An audio source wrapper that counts the seconds of audio it delivered.

The answer's clock (:class:`mockinterviewer.ui.capture.answer_capture.AnswerCapture`) runs on audio
seconds (samples actually captured), not on wall time, so that marks and segment clocks line up
with the recording and its word times even when a file is played faster than real time.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from mockinterviewer.audio.sources import AudioSource

log = logging.getLogger(__name__)


class CountingSource:
    """Wraps an audio source and counts the seconds of audio it delivered (thread-safe enough:
    one writer, the recording thread; readers only read a float).

    Args:
        source: the audio source to wrap (``start``, ``read``, ``stop``, ``sample_rate``...).
    """

    def __init__(self, source: AudioSource) -> None:
        self.source = source
        self.sample_rate = int(source.sample_rate)
        self.samples = 0
        self.paused = False
        self.paused_samples = 0

    @property
    def seconds(self) -> float:
        """Seconds of audio delivered while not paused."""
        return (self.samples - self.paused_samples) / self.sample_rate

    @property
    def exhausted(self) -> bool:  # noqa: D102 - AudioSource protocol
        return bool(self.source.exhausted)

    @property
    def overflows(self) -> int:  # noqa: D102 - AudioSource protocol
        return int(self.source.overflows)

    def start(self) -> None:  # noqa: D102 - AudioSource protocol
        self.source.start()

    def read(self, timeout: float) -> np.ndarray | None:  # noqa: D102 - AudioSource protocol
        chunk = self.source.read(timeout)
        if chunk is not None:
            n = len(chunk)
            self.samples += n
            if self.paused:
                self.paused_samples += n
        return chunk

    def stop(self) -> None:  # noqa: D102 - AudioSource protocol
        self.source.stop()
