"""One-shot background jobs: a QRunnable with a Signals object.

A job wraps a plain function ``fn(progress) -> result`` from the Qt-free layers (loading a model,
transcribing a file, analysing an answer, rendering speech). Progress is reported as a 0..1 float,
the result through ``finished`` and any failure as a message through ``failed``; tracebacks go to
the log, never to the user.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from mockinterviewer.errors import UserError

log = logging.getLogger(__name__)

ProgressFn = Callable[[float], None]


class JobSignals(QObject):
    """Signals of a :class:`Job` (a QRunnable cannot carry signals itself)."""

    progress = Signal(float)
    finished = Signal(object)
    failed = Signal(str)


class Job(QRunnable):
    """Runs ``fn(progress)`` on a pool thread and reports through :attr:`signals`."""

    def __init__(self, fn: Callable[[ProgressFn], Any], name: str = "job") -> None:
        super().__init__()
        self.fn = fn
        self.name = name
        self.signals = JobSignals()
        self.setAutoDelete(False)

    def run(self) -> None:  # noqa: D102 - QRunnable API
        def progress(value: float) -> None:
            self.signals.progress.emit(max(0.0, min(1.0, float(value))))

        try:
            result = self.fn(progress)
        except UserError as exc:
            log.info("%s failed: %s", self.name, exc)
            self.signals.failed.emit(str(exc))
            return
        except Exception as exc:
            log.exception("%s failed", self.name)
            self.signals.failed.emit(f"{self.name} failed unexpectedly ({type(exc).__name__}: "
                                     f"{exc}). Details are in the log file.")
            return
        self.signals.finished.emit(result)


_running: set[Job] = set()


def run_job(
    fn: Callable[[ProgressFn], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[str], None] | None = None,
    on_progress: Callable[[float], None] | None = None,
    name: str = "job",
    pool: QThreadPool | None = None,
    owner: QObject | None = None,
) -> Job:
    """Starts a one-shot job on the thread pool.

    Args:
        fn: the work; receives a progress callback taking 0..1.
        on_done: called on the UI thread with the result.
        on_error: called on the UI thread with a message for the user.
        on_progress: called on the UI thread with 0..1.
        name: what the job does, for messages and the log.
        pool: the pool (default: the global one).
        owner: the widget the callbacks act on; once it is destroyed (a closed screen) the
            job's result is dropped instead of reaching a deleted widget.

    Returns:
        The job (kept alive until it ends).
    """
    job = Job(fn, name)
    _running.add(job)

    def release(*_: object) -> None:
        _running.discard(job)

    if owner is not None:
        alive = [True]
        owner.destroyed.connect(lambda *_: alive.__setitem__(0, False))

        def guard(fn: Callable[[Any], None]) -> Callable[[Any], None]:
            def call(value: object) -> None:
                if alive[0]:
                    fn(value)
                else:
                    log.info("%s ended after its screen closed; result dropped", name)
            return call

        on_done = guard(on_done) if on_done else None
        on_error = guard(on_error) if on_error else None
    if on_done:
        job.signals.finished.connect(on_done)
    if on_error:
        job.signals.failed.connect(on_error)
    if on_progress:
        job.signals.progress.connect(on_progress)
    job.signals.finished.connect(release)
    job.signals.failed.connect(release)
    (pool or QThreadPool.globalInstance()).start(job)
    return job
