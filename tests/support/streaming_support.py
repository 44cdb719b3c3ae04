"""Feeding a streaming transcriber the way a live capture does, for the streaming tests."""

from __future__ import annotations

import numpy as np

from mockinterviewer.stt.streaming import StreamingTranscriber

CHUNK = 1600  # samples: the 0.1-s chunks the capture delivers


def feed(stream: StreamingTranscriber, audio: np.ndarray, keep_up: bool = True) -> None:
    """Feeds ``audio`` in capture-sized chunks.

    Args:
        stream: the transcriber.
        audio: 16 kHz mono samples.
        keep_up: wait after each chunk until no pass runs, as a machine that keeps up with a
            live speaker (the passes then start at the same points on any machine).
    """
    for i in range(0, len(audio), CHUNK):
        stream.feed(audio[i : i + CHUNK])
        if keep_up:
            assert stream.wait_idle(10)
