"""The streaming soak tool (``python -m mockinterviewer.stt.soak``) in a short, fast form.

The 30-minute run with the real model is done by hand (see the report in the README / issue 8);
here 3 minutes of espeak-ng speech go through the real VAD, recorder and streaming transcriber
with a fast stand-in engine, to check that memory does not grow with the recording's length.
"""

from __future__ import annotations

import shutil

import numpy as np
import pytest
from fake_engines import StubEngine

from mockinterviewer.stt import soak
from mockinterviewer.transcript import Word


class CountingEngine(StubEngine):
    """Returns one word per second of each utterance, instantly."""

    model_name = "counting"

    def transcribe_array(self, audio: np.ndarray, offset: float = 0.0, prompt=None,
                         fast=False, speech_end=None) -> list[Word]:
        n = max(1, len(audio) // 16000)
        return [Word(f"w{i}", offset + i, offset + i + 0.5) for i in range(n)]


def test_three_minutes_of_streaming_keep_memory_flat(tmp_path) -> None:
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng is not installed")
    speech = soak.synthesize_speech(tmp_path)
    assert 20 < len(speech) / 16000 < 90
    samples: list[dict] = []
    result = soak.soak(3.0, audio=speech, transcriber=CountingEngine(), on_minute=samples.append)
    assert result["audio_minutes"] == 3.0
    assert [s["minute"] for s in samples] == [1.0, 2.0, 3.0] and result["samples"] == samples
    assert result["utterances"] >= 3 * 60 / 20  # cut at pauses (and at 20 s at the latest)
    assert result["words"] >= 120
    assert result["recording_mb"] == pytest.approx(3 * 60 * 32000 / 1e6, abs=0.1)
    # the audio the transcriber holds stays one open region, whatever the length so far (three
    # minutes kept in memory would be 180 s here; the RSS bound below cannot see 8-12 MB)
    held = [s["held_audio_s"] for s in samples]
    assert max(held) <= 45, held
    assert result["growth_mb"] < 25, result
    assert result["peak_rss_mb"] >= result["rss_end_mb"] > 0
