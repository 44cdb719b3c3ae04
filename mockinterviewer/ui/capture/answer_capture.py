"""Asking one question and capturing one spoken answer, for the Rehearse, Drill and Loop screens.

:class:`AnswerCapture` speaks the question (the speaker renders and plays off the UI thread), then
records and transcribes the answer through :class:`mockinterviewer.workers.SessionRunner`. It keeps
the answer's clock in *audio* seconds (samples actually captured), so marks and segment clocks line
up with the recording and its word times even when a file is played faster than real time.

Nothing here blocks the UI thread: speech runs as a one-shot job, recording on its own QThread.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from PySide6.QtCore import QObject, Signal

from mockinterviewer.audio.counting_source import CountingSource
from mockinterviewer.errors import UserError
from mockinterviewer.stt.session import SessionResult
from mockinterviewer.transcript import CutShort, Word
from mockinterviewer.workers import SessionRunner, run_job

log = logging.getLogger(__name__)

CaptureState = Literal["idle", "speaking", "waiting", "starting", "recording", "paused",
                       "finishing"]
"""Where a capture is: speaking the question, waiting for the user, opening the microphone,
recording, paused, or finishing the transcript."""

__all__ = ["STATES", "AnswerCapture", "Capture", "CountingSource", "result_words"]

_LIVE: set[SessionRunner] = set()
#: device notices already shown in this run (the chosen microphone missing): each is shown once
_ANNOUNCED: set[str] = set()
_SPEECH_TIMEOUT = 120.0  # seconds: a question longer than this is cut off

STATES: tuple[str, ...] = ("idle", "speaking", "waiting", "starting", "recording", "paused",
                           "finishing")
"""``idle`` nothing running; ``speaking`` the question is being spoken; ``waiting`` the question
is shown and recording starts on a key; ``starting`` the microphone is being opened (the user is
not asked to speak until sound actually arrives); ``recording``; ``paused``; ``finishing``
recording stopped, the final transcript is on its way."""


def _release(runner: SessionRunner) -> None:
    """Forgets a runner whose thread finished (``finished`` is emitted just before the thread
    really ends, so wait for that first: a QThread destroyed while running aborts)."""
    runner.thread.wait(5000)
    _LIVE.discard(runner)


@dataclass(frozen=True)
class Capture:
    """One captured answer.

    Attributes:
        path: the recording.
        words: the final words (the session's transcript, or the live words if it failed).
        marks: "next segment" times in recording seconds.
        seconds: seconds of audio captured.
        result: the SessionResult (None when the session failed).
        error: a message when the device or engine failed mid-answer ("" when all went well).
        warnings: the warnings shown while recording.
        cut_short: where and why a fault ended the answer early (None: the user ended it).
    """

    path: Path
    words: tuple[Word, ...]
    marks: tuple[float, ...] = ()
    seconds: float = 0.0
    result: Any = None
    error: str = ""
    warnings: tuple[str, ...] = field(default_factory=tuple)
    cut_short: CutShort | None = None


def result_words(result: Any) -> tuple[Word, ...]:
    """The words of a SessionResult (its transcript's words, or its own ``words``)."""
    transcript = getattr(result, "transcript", None)
    words = getattr(transcript, "words", None)
    if words is None:
        words = getattr(result, "words", ())
    return tuple(w for w in (words or ()) if isinstance(w, Word))


class AnswerCapture(QObject):
    """Speaks a question, then records and transcribes the answer.

    Signals:
        state_changed: one of :data:`STATES`.
        level: (rms_db, peak_db) while recording.
        words: newly transcribed words.
        warning: a message to show without stopping (silence heard only, no voice...).
        warning_cleared: a warning's message once it no longer holds (voice heard after all).
        captured: the :class:`Capture` once the answer is final.
        failed: a message when nothing could be recorded at all.
    """

    state_changed = Signal(str)
    level = Signal(float, float)
    words = Signal(list)
    warning = Signal(str)
    warning_cleared = Signal(str)
    captured = Signal(object)
    failed = Signal(str)

    def __init__(self, services: Any, speak: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.speak_enabled = speak
        self.state: CaptureState = "idle"
        self.question = ""
        self.path: Path | None = None
        self.marks: list[float] = []
        self.live_words: list[Word] = []
        self.warnings: list[str] = []
        self._runner: SessionRunner | None = None
        self._source: CountingSource | None = None
        self._speech_token = 0
        self._resume_after_speech = False
        self._voice_warned = False
        #: True once speech failed: later questions are shown as text without trying again.
        self.voice_failed = False
        self._cancelled = False

    # -- clock ------------------------------------------------------------------------------------

    @property
    def elapsed(self) -> float:
        """Seconds of the answer recorded so far (pauses excluded)."""
        return self._source.seconds if self._source is not None else 0.0

    # -- asking -----------------------------------------------------------------------------------

    def ask(self, question: str, path: Path) -> None:
        """Shows and speaks a question; recording into ``path`` starts when speech ends.

        Without a working voice the question stays on screen and recording starts on
        :meth:`start_recording` (the user's key).

        Args:
            question: the question.
            path: where the answer's recording goes.
        """
        self.question = question
        self.path = Path(path)
        self.marks = []
        self.live_words = []
        self.warnings = []
        self._source = None  # the clock starts again at 0:00, not at the last answer's end
        self._cancelled = False
        self._speak(then_record=True)

    def repeat_question(self) -> None:
        """Speaks the question again; a running recording pauses while it is spoken."""
        if self.state in ("recording",):
            self.pause()
            self._resume_after_speech = True
        if self.state in ("waiting", "paused", "speaking"):
            self._speak(then_record=self.state in ("waiting", "speaking"))

    def skip_speech(self) -> None:
        """Stops the question being spoken and starts recording at once."""
        if self.state == "speaking":
            self._speech_token += 1
            self._stop_speaker()
            if self._resume_after_speech:
                self._resume_after_speech = False
                self.resume()
            else:
                self.start_recording()

    def _speaker(self) -> Any:
        if not self.speak_enabled or self.voice_failed:
            return None
        return self.services.speaker

    def _speak(self, then_record: bool) -> None:
        speaker = self._speaker()
        if speaker is None:
            if self.speak_enabled and not self._voice_warned:
                self._voice_warned = True
                self._warn("No voice is available, so questions are shown as text. Choose a "
                           "voice or output device in Settings to hear them.")
            if self._resume_after_speech:
                self._resume_after_speech = False
                self.resume()
            elif then_record:
                self._set_state("waiting")
            return
        self._speech_token += 1
        token = self._speech_token
        text = self.question
        previous = self.state
        self._set_state("speaking")

        def work(_progress: Any) -> None:
            # Checking, rendering and playing all happen here, off the UI thread.
            if not speaker.available():
                raise UserError("no text-to-speech engine works on this computer")
            speaker.speak(text)
            speaker.wait(_SPEECH_TIMEOUT)
            if speaker.error:
                raise UserError(str(speaker.error))

        def done(_result: Any) -> None:
            if token != self._speech_token or self.state != "speaking":
                return
            if self._resume_after_speech:
                self._resume_after_speech = False
                self._set_state("paused")
                self.resume()
            elif then_record or previous in ("idle", "waiting"):
                self.start_recording()

        def failed(message: str) -> None:
            if token != self._speech_token or self.state != "speaking":
                return
            self._voice_warned = True
            self.voice_failed = True
            self._warn(f"The question could not be spoken ({message}); it is shown as text "
                       "instead. Press Space to start answering.")
            if self._resume_after_speech:
                self._resume_after_speech = False
                self._set_state("paused")
                self.resume()
            else:
                self._set_state("waiting")

        run_job(work, on_done=done, on_error=failed, name="speaking the question")

    def _stop_speaker(self) -> None:
        speaker = self.services.speaker
        if speaker is not None:
            try:
                speaker.stop()
            except Exception:
                log.warning("stopping speech failed", exc_info=True)

    # -- recording --------------------------------------------------------------------------------

    def start_recording(self) -> None:
        """Starts recording the answer (after the question, or on the user's key)."""
        if self.state not in ("idle", "waiting", "speaking") or self.path is None:
            return
        transcriber = self.services.transcriber
        if transcriber is None:
            self._set_state("waiting")
            self.failed.emit("Speech recognition is not available, so the answer cannot be "
                             "transcribed. Check the Whisper model in Settings.")
            return
        try:
            source = self.services.source_factory()
        except Exception as exc:
            log.warning("cannot create the audio source", exc_info=True)
            self._set_state("waiting")
            self.failed.emit(f"The microphone cannot be used ({exc}). Check it is connected, or "
                             "choose another in Settings.")
            return
        self._source = CountingSource(source)
        runner = SessionRunner(self._source, self.path, transcriber)
        runner.worker.level.connect(self._on_level)
        runner.worker.words.connect(self._on_words)
        runner.worker.warning.connect(self._warn)
        runner.worker.warning_cleared.connect(self._clear_warning)
        runner.worker.finished.connect(self._on_finished)
        runner.worker.failed.connect(self._on_failed)
        self._runner = runner
        # Keep the runner (and its QThread) alive until the thread has really ended, even if
        # this screen is deleted first: destroying a running QThread aborts the process.
        runner.owner = self
        _LIVE.add(runner)
        runner.thread.finished.connect(lambda r=runner: _release(r))
        self._set_state("starting")
        runner.start()

    def rearm(self) -> None:
        """Back to waiting for the user's key after a failed start (the question stays)."""
        if self.state == "idle" and self.path is not None:
            self._set_state("waiting")

    def mark(self) -> float | None:
        """Records a "next segment" mark now; returns its time (None when not recording)."""
        if self.state != "recording":
            return None
        t = round(self.elapsed, 2)
        if self.marks and t <= self.marks[-1]:
            t = self.marks[-1] + 0.01
        self.marks.append(t)
        return t

    def pause(self) -> None:
        """Pauses recording; the clock stops."""
        if self.state == "recording" and self._runner is not None:
            self._runner.worker.pause()
            if self._source is not None:
                self._source.paused = True
            self._set_state("paused")

    def resume(self) -> None:
        """Resumes after :meth:`pause`."""
        if self.state == "paused" and self._runner is not None:
            if self._source is not None:
                self._source.paused = False
            self._runner.worker.resume()
            self._set_state("recording")

    def finish(self) -> None:
        """Ends the answer; :attr:`captured` follows with the final transcript."""
        if self.state in ("starting", "recording", "paused") and self._runner is not None:
            if self._source is not None:
                self._source.paused = False
            self._set_state("finishing")
            self._runner.stop()

    def cancel(self) -> None:
        """Stops everything without reporting (abandon); the recording so far stays on disk."""
        self._cancelled = True
        self._speech_token += 1
        if self.state == "speaking":
            self._stop_speaker()
        if self._runner is not None:
            self._runner.stop()
        self._set_state("idle")

    def shutdown(self, ms: int = 30000) -> None:
        """Cancels and waits for the recording thread to end (window closing)."""
        self.cancel()
        for runner in [r for r in _LIVE if r.owner is self]:
            # The worker's finished -> quit connection is queued to this (blocked) thread, so
            # ask the thread to quit directly; it does once the session has wrapped up.
            runner.thread.quit()
            if not runner.wait(ms):
                log.warning("the recording thread did not stop within %d ms", ms)

    # -- session signals --------------------------------------------------------------------------

    def _on_level(self, rms_db: float, peak_db: float) -> None:
        if self.state == "starting":  # the first sound arrived: the microphone is open
            self._set_state("recording")
            self._announce_device()
        self.level.emit(rms_db, peak_db)

    def _announce_device(self) -> None:
        """Warns once per run when the source reports a stand-in device (``device_notice``:
        the chosen microphone was missing and the default is used)."""
        source = self._source.source if self._source is not None else None
        notice = str(getattr(source, "device_notice", "") or "")
        if notice and notice not in _ANNOUNCED:
            _ANNOUNCED.add(notice)
            self._warn(notice)

    def _on_words(self, words: list) -> None:
        self.live_words.extend(words)
        if not self._cancelled:
            self.words.emit(list(words))

    def _warn(self, message: str) -> None:
        self.warnings.append(message)
        self.warning.emit(message)

    def _clear_warning(self, message: str) -> None:
        if message in self.warnings:
            self.warnings.remove(message)
        self.warning_cleared.emit(message)

    def _on_finished(self, result: Any) -> None:
        self._runner_done()
        if self._cancelled:
            return
        words = result_words(result) or tuple(self.live_words)
        error = str(getattr(result, "error", "") or "")
        seconds = float(getattr(result, "seconds", 0.0) or 0.0) or self.elapsed
        self._set_state("idle")
        cut = result.cut_short if isinstance(result, SessionResult) else None
        self.captured.emit(Capture(self.path or Path(), words, tuple(self.marks), seconds,
                                   result, error, tuple(self.warnings), cut))

    def _on_failed(self, message: str) -> None:
        self._runner_done()
        if self._cancelled:
            return
        self._set_state("waiting")  # Space tries again with the same question
        self.failed.emit(message)

    def _runner_done(self) -> None:
        self._runner = None

    def _set_state(self, state: CaptureState) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)
