"""Instant stand-ins for the Whisper engine, for fast tests of the layers around it.

They satisfy :class:`mockinterviewer.stt.Transcriber`; the real model is tested on real speech in
test_stt_whisper.py and the end-to-end tests.
"""

from __future__ import annotations

import numpy as np

from mockinterviewer.transcript import Word

RATE = 16000


class StubEngine:
    """The parts of the engine interface a fake never needs (subclasses transcribe)."""

    model_name = "fake"
    device = "cpu"
    load_warning = None
    loaded = True

    def find_fillers(self, audio, words, offset=0.0) -> list:
        return []

    def load(self) -> None:
        pass

    def transcribe_file(self, path, progress=None):
        raise NotImplementedError


class EchoEngine(StubEngine):
    """Transcribes every clip as one word spanning it."""

    model_name = "echo"

    def transcribe_array(self, audio: np.ndarray, offset: float = 0.0, prompt=None,
                         fast=False, speech_end=None) -> list[Word]:
        return [Word("speech", offset, offset + len(audio) / RATE)]
