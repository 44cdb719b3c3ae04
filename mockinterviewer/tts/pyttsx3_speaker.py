"""pyttsx3 (espeak-ng on Linux, SAPI5 on Windows, NSSpeechSynthesizer on macOS), with the
espeak-ng command line as a fallback on Linux.

pyttsx3's drivers print status lines ("Audio saved to ...") on stdout, and its ``DriverProxy``
destructor fails noisily when it runs during interpreter shutdown. Here the driver's ``print`` goes
to the log (errors as warnings), engine errors are logged, and the engine is released at exit while
the interpreter is still whole, so the user's terminal only shows what the app means to say.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import hashlib
import logging
import os
import shutil
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mockinterviewer.paths import app_paths, ensure
from mockinterviewer.tts.base import NO_TTS_MESSAGE, TtsError, Voice

log = logging.getLogger(__name__)

_ENGINE_LOCK = threading.Lock()  # pyttsx3 engines are not thread-safe: one render at a time
_RENDER_TIMEOUT = 60.0
_ENGINE: Any = None
_CLOSED = False  # set at exit: no new engine is created after it was released
_STUCK = False  # an utterance never finished: pyttsx3 is not used again (it may still be busy)
_EXIT_WAIT = 5.0  # seconds to let a render in progress finish at exit


def _driver_print(*args: object, sep: str | None = " ", end: str | None = "\n",
                  file: Any = None, flush: bool = False) -> None:
    """Stands in for ``print`` inside pyttsx3's driver module: its status lines go to the log
    (those about errors as warnings) instead of the user's terminal."""
    message = (" " if sep is None else sep).join(str(a) for a in args).strip()
    if not message:
        return
    if "error" in message.lower() or "fail" in message.lower():
        log.warning("pyttsx3: %s", message)
    else:
        log.debug("pyttsx3: %s", message)


def _engine_error(name: object = None, exception: object = None, **_kw: object) -> None:
    """pyttsx3 reports driver failures through its ``error`` topic; they go to the log."""
    log.warning("pyttsx3 error (%s): %r", name, exception)


def _quiet(engine: Any) -> None:
    """Routes the engine's driver output and errors to the log."""
    module = getattr(getattr(engine, "proxy", None), "_module", None)
    if module is not None:
        module.print = _driver_print  # module global: shadows the builtin for that module only
    with contextlib.suppress(Exception):
        engine.connect("error", _engine_error)


def _asynchronous(engine: Any) -> bool:
    """Whether the engine's driver may still be writing after ``runAndWait`` (espeak: the
    library synthesizes on its own thread; SAPI5 and NSSpeechSynthesizer finish first)."""
    module = getattr(getattr(engine, "proxy", None), "_module", None)
    return str(getattr(module, "__name__", "")).rsplit(".", 1)[-1] == "espeak"


def _synchronize(engine: Any) -> None:
    """Waits until espeak's own thread has carried out every command queued so far.

    In espeak's asynchronous mode a parameter change (the rate) is queued like the text, and the
    next rendering could start before it took effect; the driver also reports "finished-utterance"
    before its last callback has returned.
    """
    lib = getattr(getattr(getattr(engine, "proxy", None), "_module", None), "_espeak", None)
    sync = getattr(lib, "Synchronize", None)
    if sync is not None:
        try:
            sync()
        except Exception:
            log.debug("espeak Synchronize failed", exc_info=True)


def _release_engine() -> None:
    """Frees the engine at exit, before the interpreter tears its modules down (pyttsx3's
    ``DriverProxy.__del__`` fails with "Exception ignored in ..." when it runs after that).

    A render still running on another thread gets :data:`_EXIT_WAIT` seconds; if it does not
    finish, the engine stays referenced by that thread and is never finalized (also silent).
    """
    global _ENGINE, _CLOSED
    _CLOSED = True
    if _ENGINE is None or _STUCK:
        return
    if not _ENGINE_LOCK.acquire(timeout=_EXIT_WAIT):
        log.info("a speech render was still running at exit")
        return
    try:
        _ENGINE = None
        gc.collect()
    finally:
        _ENGINE_LOCK.release()


atexit.register(_release_engine)


def _valid_wav(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            head = fh.read(12)
        return head[:4] == b"RIFF" and head[8:12] == b"WAVE" and path.stat().st_size > 44
    except OSError:
        return False


class Pyttsx3Speaker:
    """Speaks questions with pyttsx3, rendering to WAV and playing through :class:`Player`.

    Args:
        voice: voice id (None: the engine default).
        rate: words per minute.
        output_device: output device name (None: the system default).
        player: the player to use (default: a new ``Player`` on ``output_device``).
        on_error: called with a message when speech fails in the background.
    """

    def __init__(
        self,
        voice: str | None = None,
        rate: int = 170,
        output_device: str | None = None,
        player: Any = None,
        on_error: Callable[[str], None] | None = None,
    ) -> None:
        self.voice = voice
        self.rate = int(rate)
        self.output_device = output_device
        self._player = player
        self.on_error = on_error
        self.error: str | None = None
        self._available: bool | None = None
        self._backend: str | None = None
        self._thread: threading.Thread | None = None
        self._cancel = threading.Event()

    # --- engines ---------------------------------------------------------------------------------
    @property
    def player(self) -> Any:
        """The player (created on first use)."""
        if self._player is None:
            from mockinterviewer.audio.player import Player

            self._player = Player(self.output_device)
        return self._player

    def _engine(self) -> Any:
        global _ENGINE
        if _ENGINE is None:
            if _CLOSED:
                raise TtsError("The app is closing.")
            import pyttsx3

            # held for the process's life (released at exit): pyttsx3 keeps engines in a weak
            # dict, and the espeak driver's C callback fails noisily once its engine is collected
            engine = pyttsx3.init()
            _quiet(engine)
            engine.default_voice = engine.getProperty("voice")
            _ENGINE = engine
        return _ENGINE

    def _render_pyttsx3(self, text: str, out: Path) -> None:
        global _STUCK
        with _ENGINE_LOCK:
            if _STUCK:
                raise TtsError("pyttsx3 did not finish an earlier rendering")
            engine = self._engine()
            voice = self.voice or getattr(engine, "default_voice", None)
            if voice:
                engine.setProperty("voice", voice)
            engine.setProperty("rate", self.rate)
            # espeak queues the rate change on its own thread: without waiting for it, a
            # rendering sometimes came out at the previous rate (measured: 3 of 8 runs)
            _synchronize(engine)
            # With espeak-ng, runAndWait can return while the library still synthesizes on its
            # own thread (the WAV is written later). Wait for the end of this utterance, so that
            # a later rendering never receives this one's audio and the engine is idle at exit.
            finished = threading.Event()

            def on_finished(completed: bool = True, **_kw: object) -> None:
                if completed:  # "not completed" is pyttsx3 cancelling a stale utterance
                    finished.set()

            token = engine.connect("finished-utterance", on_finished)
            try:
                engine.save_to_file(text, str(out))
                engine.runAndWait()
                limit = min(_RENDER_TIMEOUT, 5.0 + 0.05 * len(text))
                if _asynchronous(engine):
                    if not finished.wait(limit):
                        _STUCK = True
                        raise TtsError(f"pyttsx3 did not finish within {limit:.0f} s")
                    _synchronize(engine)
            finally:
                engine.disconnect(token)

    def _render_espeak(self, text: str, out: Path) -> None:
        exe = shutil.which("espeak-ng") or shutil.which("espeak")
        if exe is None:
            raise TtsError(NO_TTS_MESSAGE)
        cmd = [exe, "-w", str(out), "-s", str(self.rate)]
        if self.voice:
            cmd += ["-v", self.voice]
        subprocess.run([*cmd, "--", text], check=True, capture_output=True, timeout=_RENDER_TIMEOUT)

    def available(self) -> bool:
        """Whether an engine renders speech here (checked once by rendering a word)."""
        if self._available is None:
            try:
                self.render("Ready.")
                self._available = True
            except Exception:
                log.warning("no text-to-speech engine works", exc_info=True)
                self._available = False
        return self._available

    def voices(self) -> list[Voice]:
        """Lists the engine's voices (English first); empty when no engine works."""
        try:
            with _ENGINE_LOCK:
                raw = self._engine().getProperty("voices") or []
        except Exception:
            log.info("listing voices failed", exc_info=True)
            return []
        out = []
        for v in raw:
            langs = tuple(
                x.decode("ascii", "ignore") if isinstance(x, bytes) else str(x)
                for x in (getattr(v, "languages", None) or [])
            )
            out.append(Voice(str(v.id), str(getattr(v, "name", v.id) or v.id), langs))
        return sorted(out, key=lambda v: (not _is_english(v), v.name.lower()))

    # --- rendering -------------------------------------------------------------------------------
    def cache_path(self, text: str) -> Path:
        """Where the rendering of ``text`` with the current voice and rate is cached."""
        key = hashlib.sha256(f"{self.voice}|{self.rate}|{text}".encode()).hexdigest()[:24]
        return app_paths().cache / "speech" / f"{key}.wav"

    def render(self, text: str) -> Path:
        """Renders text to a WAV file, or returns the cached rendering.

        Raises:
            TtsError: no engine works or the text is empty.
        """
        text = " ".join(text.split())
        if not text:
            raise TtsError("There is no text to speak.")
        out = self.cache_path(text)
        if _valid_wav(out):
            return out
        ensure(out.parent)
        tmp = out.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp.wav")
        errors = []
        engines = [("pyttsx3", self._render_pyttsx3), ("espeak-ng", self._render_espeak)]
        # the engine that worked last goes first; the other stays a fallback for this text
        engines.sort(key=lambda e: e[0] != self._backend)
        for name, fn in engines:
            try:
                fn(text, tmp)
            except Exception as exc:
                errors.append(f"{name}: {exc}")
                log.info("%s failed to render", name, exc_info=True)
                continue
            if _valid_wav(tmp):
                self._backend = name
                os.replace(tmp, out)
                return out
            errors.append(f"{name}: produced no audio")
        with contextlib.suppress(OSError):
            tmp.unlink()
        log.warning("speech rendering failed: %s", "; ".join(errors))
        raise TtsError(NO_TTS_MESSAGE)

    # --- speaking --------------------------------------------------------------------------------
    def speak(self, text: str) -> None:
        """Renders (off the caller's thread) and plays ``text``; returns at once.

        Failures (no engine, no output device) end up in :attr:`error` and ``on_error``.
        """
        self.stop()
        self._cancel = threading.Event()
        cancel = self._cancel
        self.error = None
        self._thread = threading.Thread(
            target=self._speak, args=(text, cancel), name="tts", daemon=True
        )
        self._thread.start()

    def _speak(self, text: str, cancel: threading.Event) -> None:
        try:
            path = self.render(text)
            if not cancel.is_set():
                self.player.play_file(path)
        except Exception as exc:
            log.warning("speaking failed", exc_info=True)
            self.error = str(exc) if isinstance(exc, TtsError) or str(exc) else NO_TTS_MESSAGE
            if self.on_error is not None:
                self.on_error(self.error)

    def stop(self) -> None:
        """Stops speaking now."""
        self._cancel.set()
        if self._player is not None:
            self._player.stop()

    def wait(self, timeout: float | None = None) -> bool:
        """Waits until the speech has been rendered and played; False on timeout."""
        import time

        deadline = None if timeout is None else time.monotonic() + timeout
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
            if thread.is_alive():
                return False
        if self._player is None:
            return True
        left = None if deadline is None else max(0.0, deadline - time.monotonic())
        return bool(self._player.wait(left))


def _is_english(v: Voice) -> bool:
    tags = [v.id.rsplit("/", 1)[-1].lower(), *(x.lower().lstrip("\x05") for x in v.languages)]
    return any(t == "en" or t.startswith("en-") for t in tags)
