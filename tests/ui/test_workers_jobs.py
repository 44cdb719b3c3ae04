"""The one-shot job adapter: results, progress and errors arrive as signals on the UI thread."""

from __future__ import annotations

import threading

from mockinterviewer.errors import UserError
from mockinterviewer.workers import run_job


def test_result_and_progress_arrive(qtbot) -> None:
    seen: list[float] = []
    threads: list[int] = []

    def work(progress):
        threads.append(threading.get_ident())
        for i in range(5):
            progress(i / 4)
        return 42

    # callbacks are connected before the job starts: waiting on a signal connected afterwards
    # races with a fast job
    results: list[object] = []
    run_job(work, on_done=results.append, on_progress=seen.append, name="counting")
    qtbot.waitUntil(lambda: results == [42], timeout=5000)
    qtbot.waitUntil(lambda: len(seen) == 5, timeout=2000)
    assert seen == [0.0, 0.25, 0.5, 0.75, 1.0]
    assert threads[0] != threading.get_ident(), "the job must not run on the UI thread"


def test_user_error_becomes_message(qtbot) -> None:
    def work(progress):
        raise UserError("the model folder is missing; choose another in Settings")

    errors: list[str] = []
    run_job(work, on_error=errors.append, name="loading the model")
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert errors == ["the model folder is missing; choose another in Settings"]


def test_unexpected_error_is_reported_without_traceback(qtbot) -> None:
    def work(progress):
        raise ZeroDivisionError("boom")

    errors: list[str] = []
    run_job(work, on_error=errors.append, name="analysis")
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    msg = errors[0]
    assert msg.startswith("analysis failed unexpectedly") and "Traceback" not in msg
