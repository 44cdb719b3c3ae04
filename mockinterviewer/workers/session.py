"""The streaming recording job: a worker QObject living on its own QThread.

It adapts :class:`mockinterviewer.stt.session.RecordingSession` (Qt-free) to Qt signals: live
levels for the meter, words as they are transcribed, warnings (such as a microphone that hears only
silence), and the final result.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal, Slot

from mockinterviewer.errors import UserError

if TYPE_CHECKING:
    from mockinterviewer.audio.sources import AudioSource
    from mockinterviewer.stt.base import Transcriber
    from mockinterviewer.stt.session import RecordingSession

log = logging.getLogger(__name__)


class SessionWorker(QObject):
    """Records and transcribes one answer; lives on a QThread.

    Signals:
        level: (rms_db, peak_db) of the latest audio block.
        words: a list of newly transcribed Words.
        warning: a message to show without stopping (e.g. only silence heard).
        warning_cleared: a warning's message once it no longer holds (voice heard after all).
        finished: the SessionResult once recording stopped and the transcript is final.
        failed: a message when the session could not run at all.
    """

    level = Signal(float, float)
    words = Signal(list)
    warning = Signal(str)
    warning_cleared = Signal(str)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, source: AudioSource, recording_path: Path,
                 transcriber: Transcriber) -> None:
        super().__init__()
        self._source = source
        self._path = recording_path
        self._transcriber = transcriber
        self._stop = threading.Event()
        self._session: RecordingSession | None = None

    @Slot()
    def run(self) -> None:
        """Runs the session until :meth:`stop` (called from the thread's ``started``)."""
        from mockinterviewer.stt.session import RecordingSession

        try:
            self._session = RecordingSession(
                self._source,
                self._path,
                self._transcriber,
                on_words=lambda ws: self.words.emit(list(ws)),
                on_level=lambda lv: self.level.emit(float(lv.rms_db), float(lv.peak_db)),
                on_warning=self.warning.emit,
                on_warning_cleared=self.warning_cleared.emit,
            )
            result = self._session.run(self._stop)
        except UserError as exc:
            self.failed.emit(str(exc))
            return
        except Exception as exc:
            log.exception("recording session failed")
            self.failed.emit(f"Recording failed unexpectedly ({type(exc).__name__}: {exc}). "
                             "What was captured is kept; details are in the log file.")
            return
        self.finished.emit(result)

    def stop(self) -> None:
        """Asks the session to stop; thread-safe. ``finished`` follows."""
        self._stop.set()

    def pause(self) -> None:
        """Pauses capture (audio is not recorded while paused)."""
        if self._session is not None:
            self._session.pause()

    def resume(self) -> None:
        """Resumes capture after :meth:`pause`."""
        if self._session is not None:
            self._session.resume()


class SessionRunner:
    """Owns a :class:`SessionWorker` and its QThread; starts and tears them down."""

    def __init__(self, source: AudioSource, recording_path: Path,
                 transcriber: Transcriber) -> None:
        #: the object that started it (its shutdown waits for its own runners only)
        self.owner: object | None = None
        self.thread = QThread()
        self.thread.setObjectName("recording-session")
        self.worker = SessionWorker(source, recording_path, transcriber)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.finished.connect(self.thread.quit)
        self.worker.failed.connect(self.thread.quit)

    def start(self) -> None:
        """Starts recording."""
        self.thread.start()

    def stop(self) -> None:
        """Stops recording; the worker's ``finished`` signal carries the result."""
        self.worker.stop()

    def wait(self, ms: int = 30000) -> bool:
        """Waits for the thread to end (used at shutdown)."""
        return self.thread.wait(ms)
