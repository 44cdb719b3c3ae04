"""Offline speech to a file with the Debian synthesizers, for the labelled evaluation sets.

``mockinterviewer evaluate`` speaks each labelled answer so its true part boundaries are known.
Three engines give three different voices: espeak-ng (formant), flite (diphone, voices ``slt``,
``kal``, ``awb``, ``rms``) and festival (``text2wave``). A text may hold thinking pauses written
as ``[pause 1.2]`` (seconds); the text around each is spoken separately and the silence put in.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import wave
from pathlib import Path
from typing import Literal

import numpy as np

from mockinterviewer.errors import UserError

RATE = 16000
Engine = Literal["espeak-ng", "flite", "festival"]
ENGINES: tuple[Engine, ...] = ("espeak-ng", "flite", "festival")
_PAUSE = re.compile(r"\[pause\s+([0-9]*\.?[0-9]+)\]")
_REFERENCE_WPM = 170.0  # flite's and festival's default pace, roughly


def _exe(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise UserError(f"{name} is not installed; install it to synthesise the evaluation set.")
    return path


def _read(path: Path) -> np.ndarray:
    with wave.open(str(path), "rb") as wf:
        rate, n = wf.getframerate(), wf.getnframes()
        data = np.frombuffer(wf.readframes(n), dtype=np.int16).astype(np.float32) / 32768.0
    if rate != RATE:  # linear resampling is plenty for speech recognition
        x = np.arange(0, len(data), rate / RATE)
        data = np.interp(x, np.arange(len(data)), data).astype(np.float32)
    return data


def _speak(text: str, engine: Engine, voice: str, speed: int, out: Path) -> np.ndarray:
    stretch = f"{_REFERENCE_WPM / max(speed, 60):.3f}"
    if engine == "espeak-ng":
        cmd = [_exe("espeak-ng"), "-v", voice or "en-us", "-s", str(speed), "-w", str(out), "--",
               text]
        stdin = None
    elif engine == "flite":
        cmd = [_exe("flite"), "-voice", voice if voice not in ("", "default") else "slt",
               "--setf", f"duration_stretch={stretch}", "-t", text, "-o", str(out)]
        stdin = None
    elif engine == "festival":
        cmd = [_exe("text2wave"), "-eval", f"(Parameter.set 'Duration_Stretch {stretch})", "-o",
               str(out)]
        stdin = text.encode("utf-8")
    else:
        raise UserError(f"unknown speech engine {engine!r}; use one of {', '.join(ENGINES)}")
    try:
        subprocess.run(cmd, check=True, capture_output=True, timeout=300, input=stdin)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        raise UserError(f"{engine} could not speak the text ({exc})") from exc
    try:
        return _read(out)
    except (EOFError, wave.Error, OSError) as exc:
        # festival without a voice package exits 0 and writes an empty file.
        hint = " (is a voice installed? e.g. festvox-kallpc16k)" if engine == "festival" else ""
        raise UserError(f"{engine} produced no audio{hint}") from exc


def speech_span(audio: np.ndarray) -> tuple[int, int]:
    """First and one-past-last sample of the loud part (the synthesizers pad with silence)."""
    frame = RATE // 100
    n = len(audio) // frame
    if n == 0:
        return 0, len(audio)
    energy = np.sqrt((audio[: n * frame].reshape(n, frame) ** 2).mean(axis=1))
    loud = np.nonzero(energy > max(0.01, energy.max() * 0.02))[0]
    if loud.size == 0:
        return 0, len(audio)
    return int(loud[0] * frame), int((loud[-1] + 1) * frame)


def plain_text(text: str) -> str:
    """The text without its ``[pause N]`` marks (what a listener hears)."""
    return re.sub(r"\s+", " ", _PAUSE.sub(" ", text)).strip()


def render(text: str, engine: Engine, voice: str, speed: int, scratch: Path) -> np.ndarray:
    """Speaks a text, trimmed of leading and trailing silence, with its pauses put in.

    Args:
        text: what to say; ``[pause N]`` marks a silence of N seconds.
        engine: espeak-ng, flite or festival.
        voice: the engine's voice (``default`` for festival's).
        speed: words per minute (espeak-ng's ``-s``; a duration stretch for the others).
        scratch: a file path the engine may write to.

    Returns:
        16 kHz mono samples.

    Raises:
        UserError: the engine is missing or failed.
    """
    pieces: list[np.ndarray] = []
    chunks = _PAUSE.split(text)
    for i, chunk in enumerate(chunks):
        if i % 2:  # a pause length
            pieces.append(np.zeros(int(float(chunk) * RATE), dtype=np.float32))
            continue
        if not chunk.strip(" ,"):
            continue
        audio = _speak(chunk.strip(), engine, voice, speed, scratch)
        a, b = speech_span(audio)
        pieces.append(audio[a:b])
    scratch.unlink(missing_ok=True)
    return np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.float32)
