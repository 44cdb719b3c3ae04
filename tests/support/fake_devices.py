"""A fake ``sounddevice`` module (PortAudio stand-in) and helpers that inject device faults."""

from __future__ import annotations

import builtins
import sys
import tempfile
import threading
import types
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from fake_engines import EchoEngine
from pulse import espeak_wav

from mockinterviewer.audio.recorder import read_wav
from mockinterviewer.stt.session import RecordingSession

RATE = 16000
BLOCK = RATE // 10


_SPEECH: list[np.ndarray] = []


def _speechlike(seconds: float) -> np.ndarray:
    """``seconds`` of espeak-ng speech (looped), which the real voice-activity detector accepts."""
    if not _SPEECH:
        folder = Path(tempfile.mkdtemp(prefix="mi-faults-"))
        wav = espeak_wav("I moved the reports to a nightly job, and the page now loads in two "
                         "seconds.", folder / "speech.wav", rate=170)
        audio, _ = read_wav(wav)
        _SPEECH.append(audio[int(0.3 * RATE):])  # without the leading silence
    speech = _SPEECH[0]
    n = int(seconds * RATE)
    return np.resize(speech, n).astype(np.float32)


class FakePortAudioError(Exception):
    """What sounddevice raises for PortAudio failures."""


class FakeStream:
    """A PortAudio stream driven by a script: deliver ``blocks`` blocks, then ``then``."""

    def __init__(self, sd: FakeSoundDevice, kind: str, **kw: Any) -> None:
        self.sd, self.kind, self.kw = sd, kind, kw
        self.samplerate = kw.get("samplerate", RATE)
        self.active = False
        self.closed = False
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self.sd.refuse_open:
            raise FakePortAudioError("Error opening stream: Device unavailable [PaErrorCode -9985]")
        self.active = True
        if self.kind == "input":
            self._thread = threading.Thread(target=self._capture, daemon=True)
            self._thread.start()

    def _capture(self) -> None:
        audio = _speechlike(self.sd.blocks * BLOCK / RATE)
        for i in range(self.sd.blocks):
            if not self.active:
                return
            self.kw["callback"](audio[i * BLOCK : (i + 1) * BLOCK].reshape(-1, 1), BLOCK, None,
                                None)
        if self.sd.then == "unplugged":  # PortAudio ends the stream and calls finished_callback
            self.active = False
            self.kw["finished_callback"]()
        # "hang": the stream stays active but no more data ever arrives

    def stop(self) -> None:
        self.active = False

    def abort(self) -> None:
        self.active = False

    def close(self) -> None:
        self.closed = True


class FakeSoundDevice(types.ModuleType):
    """The parts of ``sounddevice`` the app uses, with the devices a test chooses."""

    PortAudioError = FakePortAudioError
    CallbackStop = type("CallbackStop", (Exception,), {})

    def __init__(self, inputs: int = 1, outputs: int = 1, blocks: int = 0, then: str = "",
                 refuse_open: bool = False) -> None:
        super().__init__("sounddevice")
        self.devices = (
            [{"name": "Fake USB mic", "hostapi": 0, "max_input_channels": 1,
              "max_output_channels": 0, "default_samplerate": 48000.0}] * inputs
            + [{"name": "Fake speaker", "hostapi": 0, "max_input_channels": 0,
                "max_output_channels": 2, "default_samplerate": 48000.0}] * outputs
        )
        self.default = types.SimpleNamespace(
            device=(0 if inputs else -1, inputs if outputs else -1))
        self.blocks, self.then, self.refuse_open = blocks, then, refuse_open
        self.streams: list[FakeStream] = []

    def query_devices(self) -> list[dict]:
        return list(self.devices)

    def query_hostapis(self) -> list[dict]:
        return [{"name": "ALSA"}]

    def check_input_settings(self, **_kw: Any) -> None:
        pass

    def check_output_settings(self, **_kw: Any) -> None:
        pass

    def InputStream(self, **kw: Any) -> FakeStream:
        self.streams.append(FakeStream(self, "input", **kw))
        return self.streams[-1]

    def OutputStream(self, **kw: Any) -> FakeStream:
        self.streams.append(FakeStream(self, "output", **kw))
        return self.streams[-1]


def install(monkeypatch: pytest.MonkeyPatch, sd: FakeSoundDevice) -> FakeSoundDevice:
    monkeypatch.setitem(sys.modules, "sounddevice", sd)
    return sd


def _session(tmp_path: Path, source: Any) -> tuple[RecordingSession, list[str]]:
    warnings: list[str] = []
    session = RecordingSession(source, tmp_path / "answer.wav", EchoEngine(),
                               on_warning=warnings.append)
    return session, warnings


def _import_fails(monkeypatch: pytest.MonkeyPatch, exc: BaseException) -> None:
    monkeypatch.delitem(sys.modules, "sounddevice", raising=False)
    real_import = builtins.__import__

    def guarded(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "sounddevice":
            raise exc
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", guarded)
