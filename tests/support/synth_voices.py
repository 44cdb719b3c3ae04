"""Synthesized speech with controlled pitch, for the voice (prosody) tests and their calibration.

``render`` speaks a text with espeak-ng (base pitch ``-p``, SSML pitch range), flite or festival
and returns 16 kHz samples. ``lively`` renders espeak-ng phrase by phrase at changing base
pitches, the way a lively speaker lifts and drops their voice from one phrase to the next.
Each helper skips the test when its synthesizer is not installed.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from mockinterviewer.audio.player import load_audio, resample

RATE = 16000
STORY = ("While working on the payments team I noticed the webhook service was dropping "
         "deliveries. I pulled a week of logs and found the missing retry path. Then I wrote a "
         "fix and shipped it on Friday. After that the failures dropped to zero and customers "
         "stopped complaining.")
LIVELY_PITCHES = (30, 85, 45, 99, 20, 70, 55, 95)


def _need(exe: str) -> str:
    path = shutil.which(exe)
    if path is None:
        pytest.skip(f"{exe} is not installed")
    return path


def _read(path: Path) -> np.ndarray:
    audio, sr = load_audio(path)
    return resample(np.asarray(audio, dtype=np.float32), sr, RATE)


def render(text: str, engine: str = "espeak-ng", pitch: int | None = None,
           pitch_range: str | None = None, voice: str | None = None) -> np.ndarray:
    """Speaks ``text`` and returns 16 kHz mono samples.

    Args:
        text: what to say.
        engine: ``espeak-ng``, ``flite`` or ``festival``.
        pitch: espeak-ng's base pitch (``-p``, 0 to 99).
        pitch_range: espeak-ng's pitch range through SSML (``x-low`` … ``x-high``).
        voice: an espeak-ng voice or variant such as ``en+f3``.
    """
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "speech.wav"
        if engine == "espeak-ng":
            cmd = [_need("espeak-ng"), "-w", str(out)]
            if pitch is not None:
                cmd += ["-p", str(pitch)]
            if voice:
                cmd += ["-v", voice]
            if pitch_range:
                ssml = f'<speak><prosody range="{pitch_range}">{text}</prosody></speak>'
                cmd += ["-m", "--", ssml]
            else:
                cmd += ["--", text]
        elif engine == "flite":
            cmd = [_need("flite"), "-t", text, "-o", str(out)]
        elif engine == "festival":
            cmd = [_need("text2wave"), "-o", str(out)]
        else:
            raise ValueError(engine)
        subprocess.run(cmd, check=True, capture_output=True, timeout=120,
                       input=text.encode() if engine == "festival" else None)
        return _read(out)


def lively(text: str, pitches: Sequence[int] = LIVELY_PITCHES, words_per_phrase: int = 4,
           voice: str | None = None) -> np.ndarray:
    """espeak-ng phrase by phrase, each phrase at the next base pitch of ``pitches``."""
    words = text.split()
    phrases = [" ".join(words[i: i + words_per_phrase])
               for i in range(0, len(words), words_per_phrase)]
    parts = []
    for i, phrase in enumerate(phrases):
        parts.append(render(phrase, pitch=pitches[i % len(pitches)], voice=voice))
    return np.concatenate(parts)


def fade_sentence_ends(audio: np.ndarray, ends: Sequence[float], seconds: float = 0.6,
                       drop_db: float = 18.0) -> np.ndarray:
    """Fades the last ``seconds`` before each time in ``ends`` down by up to ``drop_db``."""
    out = np.array(audio, dtype=np.float32)
    n = int(seconds * RATE)
    ramp = (10.0 ** (-np.linspace(0.0, drop_db, n) / 20.0)).astype(np.float32)
    for t in ends:
        b = min(len(out), int(t * RATE))
        a = max(0, b - n)
        out[a:b] *= ramp[n - (b - a):]
    return out
