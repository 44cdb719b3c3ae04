"""``mockinterviewer transcribe``: text, JSON, and one ``error:`` line for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from pulse import espeak_wav

from mockinterviewer.audio.recorder import WavRecorder
from mockinterviewer.cli import main
from mockinterviewer.stt.scoring import wer

TEXT = "We cut the page load time in half by caching the search results."


@pytest.mark.slow
def test_transcribe_prints_text_and_writes_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wav = espeak_wav(TEXT, tmp_path / "a.wav")
    out = tmp_path / "a.json"
    assert main(["transcribe", str(wav), "--device", "cpu", "--json", str(out)]) == 0
    printed = capsys.readouterr().out.strip()
    doc = json.loads(out.read_text())
    assert doc["text"] == printed
    assert set(doc) >= {"audio_seconds", "transcribe_seconds", "model", "device", "text", "words"}
    assert doc["model"] == "tiny.en" and doc["device"] == "cpu"
    assert doc["audio_seconds"] == pytest.approx(4.0, abs=2.0)
    assert all(set(w) == {"word", "start", "end", "filler"} for w in doc["words"])
    starts = [w["start"] for w in doc["words"]]
    assert starts == sorted(starts)
    from mockinterviewer.transcript import Word

    words = [Word(w["word"], w["start"], w["end"], w["filler"]) for w in doc["words"]]
    assert wer(TEXT, words) < 0.25


def _silent(path: Path) -> Path:
    with WavRecorder(path) as rec:
        rec.write(np.zeros(16000 * 2, dtype=np.float32))
    return path


def _bad_files(tmp: Path) -> dict[str, Path]:
    empty = tmp / "empty.wav"
    empty.write_bytes(b"")
    text = tmp / "notes.wav"
    text.write_text("this is not audio\n" * 50)
    truncated = tmp / "truncated.mp3"
    truncated.write_bytes(b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\xff\xfb" + b"\x00" * 10)
    return {
        "missing": tmp / "nope.wav",
        "empty": empty,
        "not audio": text,
        "truncated": truncated,
        "folder": tmp,
        "silent": _silent(tmp / "silent.wav"),
    }


@pytest.mark.parametrize("kind", ["missing", "empty", "not audio", "truncated", "folder", "silent"])
def test_bad_input_is_one_error_line(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _bad_files(tmp_path)[kind]
    assert main(["transcribe", str(path), "--device", "cpu"]) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), captured.err
    assert "Traceback" not in captured.err and captured.out == ""


def test_unknown_model_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wav = _silent(tmp_path / "s.wav")
    assert main(["transcribe", str(wav), "--model", "medium.en"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "not downloaded" in err
