"""Rendering questions to speech: cache, espeak-ng fallback, no engine at all."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mockinterviewer.audio.recorder import read_wav
from mockinterviewer.tts import NO_TTS_MESSAGE, Pyttsx3Speaker, Speaker, TtsError

pytestmark = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng missing")


def test_render_is_cached_by_text_voice_and_rate() -> None:
    speaker = Pyttsx3Speaker(rate=180)
    assert isinstance(speaker, Speaker)
    path = speaker.render("Why do you want to work here?")
    audio, rate = read_wav(path)
    assert rate > 8000 and len(audio) / rate > 0.8
    mtime = path.stat().st_mtime_ns
    assert speaker.render("Why do you  want to work here?") == path
    assert path.stat().st_mtime_ns == mtime
    assert Pyttsx3Speaker(rate=120).render("Why do you want to work here?") != path


def test_voices_list_english_first() -> None:
    voices = Pyttsx3Speaker().voices()
    assert voices
    assert voices[0].id.split("/")[-1].startswith("en")


def test_espeak_cli_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    speaker = Pyttsx3Speaker()

    def broken(text: str, out: Path) -> None:
        raise RuntimeError("pyttsx3 driver failed")

    monkeypatch.setattr(speaker, "_render_pyttsx3", broken)
    path = speaker.render("Walk me through your biggest mistake.")
    assert read_wav(path)[0].size > 0
    assert speaker._backend == "espeak-ng"


def test_no_engine_shows_text(monkeypatch: pytest.MonkeyPatch) -> None:
    speaker = Pyttsx3Speaker()
    errors: list[str] = []
    speaker.on_error = errors.append

    def broken(text: str, out: Path) -> None:
        raise RuntimeError("no engine")

    monkeypatch.setattr(speaker, "_render_pyttsx3", broken)
    monkeypatch.setattr(speaker, "_render_espeak", broken)
    assert speaker.available() is False
    with pytest.raises(TtsError, match="shown as text"):
        speaker.render("Hello")
    speaker.speak("Hello")
    assert speaker.wait(10)
    assert errors == [NO_TTS_MESSAGE] and speaker.error == NO_TTS_MESSAGE


def test_missing_output_device_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    from mockinterviewer.audio import player as player_mod
    from mockinterviewer.audio.errors import AudioError

    def none(name=None):
        raise AudioError("No output device was found. Connect a speaker or headphones.")

    monkeypatch.setattr(player_mod, "resolve_output", none)
    speaker = Pyttsx3Speaker()
    speaker.speak("Tell me about a conflict.")
    assert speaker.wait(30)
    assert speaker.error and "No output device" in speaker.error
