"""Privacy: with default settings a whole practice session opens no network connection, and what
the user records is readable by the user only.

Two checks of "no network": in-process, every Python-level way to connect (``socket.connect``,
``connect_ex``, ``create_connection``, ``getaddrinfo``) is watched while a full session runs,
including the main window; and the same session without the window runs in a child process
under ``strace``, which also sees connections made from C libraries (CTranslate2, PyAV, Qt,
onnxruntime). Only AF_UNIX sockets (PulseAudio, D-Bus) are allowed.

The native check caught onnxruntime's built-in telemetry (see ``mockinterviewer.stt.onnx_env``):
on import it writes an event store under ``$XDG_CACHE_HOME/Microsoft/DeveloperTools`` and about
nine seconds later resolves ``mobile.events.data.microsoft.com``. The child therefore outlives
that timer and gets a private cache folder, so both traces are looked for every run, not only
when the session happens to last long enough.
"""

from __future__ import annotations

import os
import shutil
import socket
import stat
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from pulse import espeak_wav

from mockinterviewer.paths import app_paths

HERE = Path(__file__).resolve().parent
ANSWER = ("Last year our checkout page failed for one in twenty customers. I owned the fix. I "
          "traced the errors to a cache key and rewrote it. Errors dropped to nearly zero. I "
          "learned to measure before I change anything.")


def full_session(folder: Path) -> dict[str, Any]:
    """A practice session with the default settings and real engines, window excepted.

    Loads the library, builds the default services (tiny.en bundled, pyttsx3, the history store),
    renders the question with the TTS engine, "records" a spoken answer through the streaming
    path, analyses it, saves it to the history and exports the report as HTML.

    Returns:
        The paths and objects the caller checks.
    """
    from mockinterviewer.audio.sources import FileSource
    from mockinterviewer.coach import analyze
    from mockinterviewer.content.library import load_library
    from mockinterviewer.settings import load_settings
    from mockinterviewer.store.export import render_html, write_text
    from mockinterviewer.stt.session import RecordingSession
    from mockinterviewer.ui.services import Services

    settings = load_settings()
    scenario = load_library().by_id("customer-obsession")
    assert scenario is not None
    services = Services.default(settings)
    assert services.transcriber is not None and services.store is not None
    services.transcriber.load()
    if services.speaker is not None and shutil.which("espeak-ng"):
        services.speaker.render(scenario.prompts[0])
    wav = espeak_wav(ANSWER, folder / "spoken.wav", rate=170)
    recording = app_paths().recordings / "privacy-answer.wav"
    result = RecordingSession(FileSource(wav, speed=0), recording, services.transcriber).run(
        threading.Event())
    assert result.error is None and len(result.transcript.words) > 10, result
    analysis = analyze(result.transcript.words, scenario, settings.level,
                       duration=result.transcript.duration)
    store = services.store
    attempt_id = store.start_attempt(scenario.id, scenario.principle, settings.level, "rehearse",
                                     scenario.prompts[0], recording, result.transcript.model)
    store.finish_attempt(attempt_id, analysis)
    html = write_text(render_html(store.get(attempt_id)), folder / "report.html")
    return {"services": services, "recording": recording, "database": store.path, "html": html,
            "analysis": analysis}


class NetworkWatch:
    """Records (and refuses) every attempt to reach the network through Python's socket module."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.attempts: list[str] = []
        real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex

        def refuse(sock: socket.socket | None, what: str) -> None:
            self.attempts.append(what)
            raise OSError(101, f"privacy test: network connection to {what} refused")

        def connect(sock: socket.socket, address: Any) -> None:
            if sock.family == socket.AF_UNIX:
                return real_connect(sock, address)
            refuse(sock, f"connect {address!r}")

        def connect_ex(sock: socket.socket, address: Any) -> int:
            if sock.family == socket.AF_UNIX:
                return real_connect_ex(sock, address)
            refuse(sock, f"connect_ex {address!r}")
            return 101

        def create_connection(address: Any, *_a: Any, **_k: Any) -> socket.socket:
            refuse(None, f"create_connection {address!r}")
            raise AssertionError("unreachable")

        def getaddrinfo(host: Any, port: Any, *_a: Any, **_k: Any) -> list:
            refuse(None, f"getaddrinfo {host!r}:{port!r}")
            return []

        monkeypatch.setattr(socket.socket, "connect", connect)
        monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
        monkeypatch.setattr(socket, "create_connection", create_connection)
        monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


def _private(path: Path) -> None:
    mode = stat.S_IMODE(path.stat().st_mode)
    assert mode & 0o077 == 0, f"{path} is readable by others (mode {oct(mode)})"


@pytest.mark.slow
def test_full_session_opens_no_network_connection_and_keeps_files_private(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    watch = NetworkWatch(monkeypatch)
    out = full_session(tmp_path)

    from mockinterviewer.settings import load_settings
    from mockinterviewer.ui.main_window import SCREENS, MainWindow

    window = MainWindow(load_settings(), out["services"], load_model=False)
    qtbot.addWidget(window)
    window.show()
    for key in SCREENS:
        window.show_screen(key)
    window.reports.show_report(out["analysis"])
    qtbot.wait(50)  # let queued start-up work (readiness checks) run
    window.close()
    assert watch.attempts == []

    _private(out["recording"])
    _private(out["recording"].parent)
    _private(out["database"])
    for extra in ("-wal", "-shm"):
        side = Path(str(out["database"]) + extra)
        if side.exists():
            _private(side)
    _private(app_paths().data)


_CHILD = """
import sys, time
from pathlib import Path
imported = []
sys.addaudithook(lambda event, args: event == "import" and args[0] == "onnxruntime"
                 and not imported and imported.append(time.monotonic()))
sys.path.insert(0, sys.argv[2])
sys.path.insert(0, str(Path(sys.argv[2]).parent / "support"))
import test_privacy
out = test_privacy.full_session(Path(sys.argv[1]))
print("verdict:", out["analysis"].verdict)
if imported:  # onnxruntime's telemetry uploader first wakes about 9 s after its import
    time.sleep(max(0.0, imported[0] + float(sys.argv[3]) - time.monotonic()))
print("onnxruntime imported:", bool(imported))
"""
ORT_OUTLIVE_S = 12.0  # how long the child lives after onnxruntime's import


def _telemetry_store(cache: Path) -> list[str]:
    """Files onnxruntime's telemetry left under a cache folder (its event store, a device id)."""
    root = cache / "Microsoft"
    return sorted(str(p) for p in root.rglob("*")) if root.exists() else []


def test_onnxruntime_telemetry_is_off_before_onnxruntime_loads(tmp_path: Path) -> None:
    """Importing the speech package turns onnxruntime's telemetry off, whatever the shell says.

    A fresh interpreter (onnxruntime may already be loaded in this one) imports the speech
    package, then loads the Silero VAD exactly as the streaming path does. Without the switch,
    onnxruntime writes its telemetry store into the cache folder the moment it is imported.
    """
    cache = tmp_path / "cache"
    code = (
        "import os, sys\n"
        "import mockinterviewer.stt.streaming, mockinterviewer.stt.whisper\n"
        "assert 'onnxruntime' not in sys.modules, 'onnxruntime loaded too early'\n"
        "from faster_whisper.vad import get_vad_model\n"
        "get_vad_model()\n"
        "print(os.environ['ORT_DISABLE_TELEMETRY'])\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "ORT_DISABLE_TELEMETRY": "0",
           "MOCKINTERVIEWER_HOME": str(tmp_path / "home")}
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "1"
    assert _telemetry_store(cache) == []


@pytest.mark.slow
def test_no_connection_even_from_native_code(tmp_path: Path) -> None:
    exe = shutil.which("strace")
    if exe is None:
        pytest.skip("strace is not installed")
    trace = tmp_path / "connect.trace"
    cache = tmp_path / "cache"
    env = {**os.environ, "MOCKINTERVIEWER_HOME": str(tmp_path / "home"),
           "XDG_CACHE_HOME": str(cache)}
    proc = subprocess.run(
        [exe, "-f", "-qq", "-e", "trace=connect,sendto", "-e", "signal=none", "-o", str(trace),
         sys.executable, "-c", _CHILD, str(tmp_path), str(HERE), str(ORT_OUTLIVE_S)],
        env=env, capture_output=True, text=True, timeout=300,
    )
    if proc.returncode != 0 and "ptrace" in proc.stderr:
        pytest.skip(f"strace cannot trace here: {proc.stderr.strip()[:200]}")
    assert proc.returncode == 0 and "verdict:" in proc.stdout, proc.stderr[-2000:]
    calls = trace.read_text().splitlines()
    network = [c for c in calls if "AF_INET" in c]  # AF_INET and AF_INET6; AF_UNIX is local
    assert not network, "\n".join(network)
    assert _telemetry_store(cache) == []
