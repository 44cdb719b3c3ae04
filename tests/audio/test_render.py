"""Speaking the labelled evaluation answers with the Debian synthesizers (tts/render.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from mockinterviewer.coach.evaluation import NATURAL, load_evalset
from mockinterviewer.errors import UserError
from mockinterviewer.tts.render import RATE, plain_text, render, speech_span


def _silent_run(audio: np.ndarray, seconds: float) -> bool:
    """Whether the audio holds a silence of at least ``seconds`` (10 ms frames)."""
    frame = RATE // 100
    n = len(audio) // frame
    quiet = np.sqrt((audio[: n * frame].reshape(n, frame) ** 2).mean(axis=1)) < 1e-4
    run = best = 0
    for q in quiet:
        run = run + 1 if q else 0
        best = max(best, run)
    return best * 0.01 >= seconds


@pytest.mark.parametrize(("engine", "voice"), [("espeak-ng", "en-gb"), ("flite", "kal"),
                                               ("festival", "default")])
def test_each_engine_speaks_and_puts_the_pause_in(tmp_path: Path, engine: str, voice: str) -> None:
    if shutil.which("text2wave" if engine == "festival" else engine) is None:
        pytest.skip(f"{engine} is not installed")
    plain = render("I checked the logs first.", engine, voice, 170, tmp_path / "x.wav")  # type: ignore[arg-type]
    paused = render("I checked the logs [pause 1.2] first.", engine, voice, 170,  # type: ignore[arg-type]
                    tmp_path / "x.wav")
    assert len(plain) > RATE // 2
    assert _silent_run(paused, 1.15) and not _silent_run(plain, 1.0)
    a, b = speech_span(plain)
    assert a < RATE // 20 and b > len(plain) - RATE // 20, "leading and trailing silence trimmed"


def test_faster_speech_is_shorter(tmp_path: Path) -> None:
    if shutil.which("flite") is None:
        pytest.skip("flite is not installed")
    text = "We moved the night shift to the new racking over one weekend."
    slow = render(text, "flite", "slt", 140, tmp_path / "x.wav")
    fast = render(text, "flite", "slt", 190, tmp_path / "x.wav")
    assert len(fast) < 0.85 * len(slow)


def test_unknown_engine_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="unknown speech engine"):
        render("hello there", "mbrola", "en1", 170, tmp_path / "x.wav")  # type: ignore[arg-type]


def test_a_synthesizer_that_writes_no_audio_is_a_clear_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """festival with no voice package installed exits 0 and leaves an empty file."""
    fake = tmp_path / "bin" / "text2wave"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\n"
                    "while [ $# -gt 0 ]; do [ \"$1\" = -o ] && : > \"$2\"; shift; done\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}:/usr/bin:/bin")
    with pytest.raises(UserError, match="festival produced no audio.*festvox"):
        render("hello there", "festival", "default", 170, tmp_path / "x.wav")


def test_plain_text_drops_pause_marks() -> None:
    assert plain_text("so I [pause 0.8] I keep a list") == "so I I keep a list"


def test_natural_set_is_well_formed() -> None:
    answers = load_evalset(NATURAL)
    assert len(answers) >= 20
    assert {a.engine for a in answers} == {"espeak-ng", "flite", "festival"}
    skipped = [a for a in answers if "task" not in dict(a.segments)]
    assert len(skipped) >= 5 and all("segment.missing.task" in a.expected for a in skipped)
    assert sum("[pause" in t for a in answers for _, t in a.segments) >= 20
