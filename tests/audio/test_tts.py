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


_QUIET = """
import sys, threading
from mockinterviewer.logs import setup_logging
from mockinterviewer.tts import Pyttsx3Speaker

setup_logging()  # as the app and the command line do: records go to the log file
speaker = Pyttsx3Speaker()
texts = ["Tell me about a time you disagreed with your manager.",
         "Why?",
         "Walk me through the biggest mistake you made on a project, what you learned from it, "
         "and what you would do differently if the same thing happened next week."]
for text in texts:  # rendered off the main thread, as the app's speech job does
    thread = threading.Thread(target=speaker.render, args=(text,))
    thread.start()
    thread.join()
if sys.argv[1] == "exit-while-rendering":
    threading.Thread(target=speaker.render, args=("Now a question that is still being rendered "
                     "when the program ends. " * 8,), daemon=True).start()
print("done")
"""


@pytest.mark.parametrize("how", ["exit-after-rendering", "exit-while-rendering"])
def test_pyttsx3_is_silent_on_the_terminal(how: str, tmp_path: Path) -> None:
    """Real pyttsx3 + espeak-ng: its "Audio saved to ..." lines and the DriverProxy destructor's
    "Exception ignored ..." at exit never reach the user's terminal; the status lines are in the
    log file instead."""
    import os
    import subprocess
    import sys

    home = tmp_path / "home"
    env = {**os.environ, "MOCKINTERVIEWER_HOME": str(home)}
    proc = subprocess.run([sys.executable, "-c", _QUIET, how], env=env, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "done\n", proc.stdout
    assert proc.stderr == "", proc.stderr
    logged = "".join(p.read_text(encoding="utf-8") for p in home.rglob("*.log"))
    assert "pyttsx3: Audio saved to" in logged, "the driver's status lines go to the log"


def test_each_rendering_holds_its_own_question() -> None:
    """pyttsx3's espeak driver finishes writing a WAV on espeak's own thread after runAndWait
    returns; each rendering waits for its own utterance, so no question gets another's audio.
    Checked by length against the espeak-ng command line saying the same text."""
    import subprocess
    import tempfile
    import threading

    texts = ["Why?", "Describe a time you had to deliver results with far fewer people than the "
             "plan assumed, and what you cut first.", "Go on.",
             "What would your manager say was your biggest weakness last year?"]
    speaker = Pyttsx3Speaker(rate=170)
    for text in texts:
        thread = threading.Thread(target=speaker.render, args=(text,))
        thread.start()
        thread.join(60)
    folder = Path(tempfile.mkdtemp(prefix="mi-tts-"))
    for i, text in enumerate(texts):
        audio, rate = read_wav(speaker.cache_path(text))
        ref = folder / f"{i}.wav"
        subprocess.run(["espeak-ng", "-s", "170", "-w", str(ref), "--", text], check=True,
                       capture_output=True, timeout=60)
        ref_audio, ref_rate = read_wav(ref)
        ratio = (len(audio) / rate) / (len(ref_audio) / ref_rate)
        assert 0.8 < ratio < 1.25, (text, ratio)


def test_driver_errors_go_to_the_log_not_the_terminal(caplog: pytest.LogCaptureFixture,
                                                      capfd: pytest.CaptureFixture[str]) -> None:
    """What pyttsx3's driver prints is kept: errors as warnings in the log, status lines as debug
    records, nothing on stdout."""
    import logging

    speaker = Pyttsx3Speaker()
    with caplog.at_level(logging.DEBUG, logger="mockinterviewer.tts"):
        speaker.render("Tell me about a deadline you missed.")
        driver = speaker._engine().proxy._module
        driver.print("Playback error: device busy")
    assert capfd.readouterr().out == ""
    levels = {r.getMessage(): r.levelno for r in caplog.records}
    assert levels.get("pyttsx3: Playback error: device busy") == logging.WARNING
    assert any(m.startswith("pyttsx3: Audio saved to ") and lv == logging.DEBUG
               for m, lv in levels.items()), levels
