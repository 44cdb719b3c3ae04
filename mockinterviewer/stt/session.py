"""One recorded answer: capture, crash-safe recording, live level and streaming transcription.

Pure Python (no Qt): the UI's worker runs :meth:`RecordingSession.run` on its own thread and turns
the callbacks into signals. Whatever happens (stop, end of file, device failure, full disk), what
was captured is kept on disk and transcribed.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from mockinterviewer.audio.errors import AudioError
from mockinterviewer.audio.level import Level, SilenceWatch, measure
from mockinterviewer.audio.recorder import HEADER_BYTES, WavRecorder
from mockinterviewer.audio.sources import AudioSource
from mockinterviewer.stt.base import Transcriber
from mockinterviewer.stt.streaming import StreamingTranscriber
from mockinterviewer.transcript import CutReason, CutShort, Transcript, Word

log = logging.getLogger(__name__)

SILENT_MIC_WARNING = (
    "Your microphone seems to record only silence. Check that it is not muted and that the right "
    "one is chosen in Settings."
)


@dataclass(frozen=True)
class SessionResult:
    """What a finished recording session produced.

    Attributes:
        recording_path: the WAV file (kept even when something failed).
        transcript: the words, times from the recording start.
        overflows: input overflows reported by the device (lost audio).
        error: what went wrong (device failure, full disk, transcription failure), else None.
        tail_latency: seconds from the end of the audio to the final transcript.
        warnings: warnings shown during the session (e.g. a silent microphone).
        cut_short: set when a fault (the device, the disk) ended the answer before the user did:
            where and why; None when the user ended it (a transcription failure alone is not a
            cut: the whole answer was recorded).
    """

    recording_path: Path
    transcript: Transcript
    overflows: int
    error: str | None
    tail_latency: float
    warnings: tuple[str, ...] = field(default_factory=tuple)
    cut_short: CutShort | None = None

    @property
    def seconds(self) -> float:
        """Seconds recorded."""
        return self.transcript.duration


class RecordingSession:
    """Runs one answer from the first sample to the final transcript.

    Args:
        source: where audio comes from (microphone or file).
        recording_path: the WAV file to write.
        transcriber: the speech-to-text engine.
        on_words: called (from a background thread) with each utterance's words as they arrive.
        on_level: called with the level of each captured chunk.
        on_warning: called with a message when something looks wrong (e.g. a silent microphone).
        on_warning_cleared: called with a warning's message once it no longer holds (the silent
            microphone warning, as soon as a chunk carries sound); the warning is then dropped
            from the result.
        silence_after: seconds of captured audio after which an all-silent microphone is reported.
    """

    def __init__(
        self,
        source: AudioSource,
        recording_path: Path,
        transcriber: Transcriber,
        on_words: Callable[[list[Word]], None] | None = None,
        on_level: Callable[[Level], None] | None = None,
        on_warning: Callable[[str], None] | None = None,
        silence_after: float = 2.5,
        on_warning_cleared: Callable[[str], None] | None = None,
    ) -> None:
        self.source = source
        self.recording_path = Path(recording_path)
        self.transcriber = transcriber
        self.on_words = on_words
        self.on_level = on_level
        self.on_warning = on_warning
        self.on_warning_cleared = on_warning_cleared
        self._silence = SilenceWatch(after=silence_after)
        self._paused = threading.Event()
        self._recorder: WavRecorder | None = None
        self._warnings: list[str] = []
        self._cut: CutReason | None = None

    @property
    def elapsed(self) -> float:
        """Seconds recorded so far (paused time excluded)."""
        return self._recorder.seconds if self._recorder is not None else 0.0

    @property
    def paused(self) -> bool:
        """Whether capture is paused."""
        return self._paused.is_set()

    def pause(self) -> None:
        """Stops keeping audio until :meth:`resume` (the device keeps running)."""
        self._paused.set()

    def resume(self) -> None:
        """Keeps audio again."""
        self._paused.clear()

    def _warn(self, message: str) -> None:
        self._warnings.append(message)
        log.warning("%s", message)
        if self.on_warning is not None:
            self.on_warning(message)

    def _clear(self, message: str) -> None:
        if message in self._warnings:
            self._warnings.remove(message)
        log.info("cleared: %s", message)
        if self.on_warning_cleared is not None:
            self.on_warning_cleared(message)

    def run(self, stop: threading.Event) -> SessionResult:
        """Captures until ``stop`` is set, the source ends, or the device fails.

        Args:
            stop: set from another thread to end the answer.

        Returns:
            The result; device or disk failures are reported in ``error``, not raised.

        Raises:
            AudioError: the recording could not start at all (no device, file not creatable).
        """
        recorder = WavRecorder(self.recording_path, self.source.sample_rate)
        self._recorder = recorder
        streamer = StreamingTranscriber(self.transcriber, on_words=self.on_words)
        try:
            self.source.start()
        except BaseException:
            recorder.close()
            streamer.close()
            if recorder.seconds == 0:  # nothing was captured: leave no empty WAV behind
                with contextlib.suppress(OSError):
                    if self.recording_path.stat().st_size <= HEADER_BYTES:
                        self.recording_path.unlink()
                        log.info("removed %s: the source did not start", self.recording_path)
            raise
        error: str | None = None
        cut: CutShort | None = None
        try:
            error = self._loop(stop, recorder, streamer)
            if error is not None and self._cut is not None:
                cut = CutShort(recorder.seconds, self._cut, error)
        finally:
            end_of_audio = time.monotonic()
            try:
                self.source.stop()
            except Exception:
                log.warning("stopping the source failed", exc_info=True)
            recorder.close()
        try:
            transcript = streamer.finish()
        except Exception as exc:
            log.error("transcription failed", exc_info=True)
            words = tuple(sorted(streamer.words, key=lambda w: w.start))
            transcript = Transcript(
                words, recorder.seconds, self.transcriber.model_name, self.transcriber.device
            )
            message = str(exc) or type(exc).__name__
            error = f"{error} " if error else ""
            error += f"Transcription failed ({message}); the recording was kept."
        tail = time.monotonic() - end_of_audio
        if transcript.duration != recorder.seconds:
            transcript = Transcript(
                transcript.words, recorder.seconds, transcript.model, transcript.device
            )
        return SessionResult(
            self.recording_path,
            transcript,
            int(self.source.overflows),
            error,
            tail,
            tuple(self._warnings),
            cut,
        )

    def _loop(
        self, stop: threading.Event, recorder: WavRecorder, streamer: StreamingTranscriber
    ) -> str | None:
        rate = self.source.sample_rate
        while not stop.is_set():
            try:
                chunk = self.source.read(0.1)
            except AudioError as exc:
                self._cut = "microphone"
                self._warn(str(exc))
                return str(exc)
            if chunk is None:
                if self.source.exhausted:
                    return None
                continue
            if self._paused.is_set() or not len(chunk):
                continue
            try:
                recorder.write(chunk)
            except AudioError as exc:
                self._cut = "disk"
                self._warn(str(exc))
                return str(exc)
            streamer.feed(chunk)
            if self.on_level is not None:
                self.on_level(measure(chunk))
            was_recovered = self._silence.recovered
            if self._silence.update(chunk, rate):
                self._warn(SILENT_MIC_WARNING)
            elif self._silence.recovered and not was_recovered:
                self._clear(SILENT_MIC_WARNING)
        return None
