"""Bounded-memory decoding (``mockinterviewer.audio.decode``) and windowed ``transcribe``.

- ``decode_file`` gives exactly the samples ``faster_whisper.decode_audio`` gives (WAV, FLAC at
  44.1 kHz stereo, OGG) and the same ``UserError`` messages for bad input;
- its peak memory is about the result's size (``decode_audio`` needs about 2.5 times that);
- ``decode_blocks`` joined equals ``decode_file``;
- ``transcribe`` on a file longer than one window cuts at a quiet moment and still transcribes
  every sentence with times from the file's start (real Whisper).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from pulse import espeak_wav, noise_wav

from mockinterviewer.audio.decode import decode_blocks, decode_file
from mockinterviewer.audio.recorder import WavRecorder
from mockinterviewer.cli import main
from mockinterviewer.cli import transcribe as transcribe_cli
from mockinterviewer.errors import UserError

RATE = 16000
ROOT = Path(__file__).resolve().parents[2]
SENTENCE = "I moved the nightly reports to a queue, and the page loads in two seconds."


@pytest.fixture(scope="module")
def speech(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One espeak-ng sentence as WAV (16 kHz), FLAC (44.1 kHz stereo) and OGG (48 kHz)."""
    if shutil.which("sox") is None:
        pytest.skip("sox is not installed")
    folder = tmp_path_factory.mktemp("speech")
    wav = espeak_wav(SENTENCE, folder / "s.wav")
    files = {"wav": wav}
    for ext, args in (("flac", ["-r", "44100", "-c", "2"]), ("ogg", ["-r", "48000"])):
        out = folder / f"s.{ext}"
        subprocess.run(["sox", str(wav), *args, str(out)], check=True, capture_output=True)
        files[ext] = out
    return files


@pytest.mark.parametrize("kind", ["wav", "flac", "ogg"])
def test_samples_equal_faster_whispers_decoder(kind: str, speech: dict[str, Path]) -> None:
    from faster_whisper import decode_audio

    expected = decode_audio(str(speech[kind]), sampling_rate=RATE)
    got = decode_file(speech[kind])
    assert got.dtype == np.float32 and got.ndim == 1
    np.testing.assert_array_equal(got, expected)
    blocks = list(decode_blocks(speech[kind], block_seconds=0.7))
    assert all(len(b) == int(0.7 * RATE) for b in blocks[:-1])
    np.testing.assert_array_equal(np.concatenate(blocks), expected)


def _bad_files(tmp: Path) -> dict[str, tuple[Path, str]]:
    empty = tmp / "empty.wav"
    empty.write_bytes(b"")
    text = tmp / "notes.wav"
    text.write_text("this is not audio\n" * 50)
    header_only = tmp / "header.wav"
    WavRecorder(header_only).close()
    return {
        "missing": (tmp / "nope.wav", f"{tmp / 'nope.wav'}: no such file."),
        "folder": (tmp, f"{tmp} is a folder, not an audio file."),
        "empty": (empty, f"{empty} is empty (0 bytes): nothing to transcribe."),
        "not audio": (text, f"{text} is not a readable audio file (InvalidDataError). Use a WAV, "
                            "FLAC, MP3, OGG or M4A recording."),
        "no samples": (header_only, f"{header_only} holds no audio samples: nothing to "
                                    "transcribe."),
    }


@pytest.mark.parametrize("kind", ["missing", "folder", "empty", "not audio", "no samples"])
def test_bad_input_messages(kind: str, tmp_path: Path) -> None:
    path, message = _bad_files(tmp_path)[kind]
    with pytest.raises(UserError) as whole:
        decode_file(path)
    assert str(whole.value) == message
    with pytest.raises(UserError) as blocks:
        list(decode_blocks(path))
    assert str(blocks.value) == message


_PEAK = """
import json, resource, sys
import numpy as np, av, faster_whisper  # imported before the baseline is taken
from mockinterviewer.audio.decode import decode_file
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
audio = decode_file(sys.argv[1])
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"growth_mb": (peak - base) / 1024, "result_mb": audio.nbytes / 2**20,
                  "seconds": len(audio) / 16000}))
"""


def test_decoding_peak_is_about_the_result(tmp_path: Path) -> None:
    """20 minutes of audio (73 MB as float32): memory grows by about that, not 2.5 times it."""
    path = noise_wav(tmp_path / "long.wav", minutes=20, level=300, seed=1)
    proc = subprocess.run([sys.executable, "-c", _PEAK, str(path)], cwd=ROOT, env=dict(os.environ),
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    print(f"decode_file of 20 min: +{got['growth_mb']:.0f} MB for a {got['result_mb']:.0f} MB "
          "result")
    assert got["seconds"] == pytest.approx(1200.0)
    assert got["growth_mb"] < 1.4 * got["result_mb"], got


def test_windows_cut_at_the_quietest_moment() -> None:
    rng = np.random.default_rng(2)
    audio = (rng.standard_normal(RATE * 25) * 0.2).astype(np.float32)
    audio[int(6.0 * RATE) : int(6.02 * RATE)] = 0.0  # a 20 ms gap, as inside a word
    audio[int(8.2 * RATE) : int(8.8 * RATE)] *= 0.01  # a pause between sentences
    pieces = list(transcribe_cli.windows(iter(np.array_split(audio, 7)), window_seconds=10.0))
    offsets = [off for off, _ in pieces]
    assert offsets[0] == 0.0 and 8.3 <= offsets[1] <= 8.7, offsets
    assert all(len(p) <= 10 * RATE for _, p in pieces)
    np.testing.assert_array_equal(np.concatenate([p for _, p in pieces]), audio)
    for (off, piece), (nxt, _) in zip(pieces, pieces[1:], strict=False):
        assert off + len(piece) / RATE == pytest.approx(nxt)
    short = list(transcribe_cli.windows(iter([audio[: 5 * RATE]]), window_seconds=10.0))
    assert len(short) == 1 and short[0][0] == 0.0, "a short file stays one piece"


@pytest.mark.slow
def test_transcribe_in_windows_keeps_every_sentence(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """Real Whisper on three sentences with pauses, transcribed in 8-second windows: nothing is
    lost at the cuts and word times count from the start of the file."""
    from mockinterviewer.audio.recorder import read_wav

    parts = ["We moved the reports to a nightly job.", "The page now loads in two seconds.",
             "Customers stopped calling support about it."]
    wav = espeak_wav("|".join(parts), tmp_path / "three.wav", gap=3.0)
    seconds = len(read_wav(wav)[0]) / RATE
    monkeypatch.setattr(transcribe_cli, "WINDOW_SECONDS", 8.0)
    out = tmp_path / "three.json"
    assert main(["transcribe", str(wav), "--device", "cpu", "--json", str(out)]) == 0
    doc = json.loads(out.read_text())
    assert seconds > 16, "longer than two windows"
    assert doc["audio_seconds"] == pytest.approx(seconds, abs=0.01)
    text = doc["text"].lower()
    for word in ("report", "nightly", "page", "seconds", "customers", "support"):
        assert word in text, text
    starts = [w["start"] for w in doc["words"]]
    assert starts == sorted(starts) and starts[-1] > 12.0, starts
    assert capsys.readouterr().out.strip() == doc["text"]
