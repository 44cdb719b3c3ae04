"""A job whose screen closed before it ended drops its result, never touching a dead widget."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QLabel

from mockinterviewer.workers.jobs import run_job


def test_result_reaches_a_live_owner(qtbot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    got: list[object] = []
    run_job(lambda _p: 41 + 1, on_done=got.append, owner=label)
    qtbot.waitUntil(lambda: got == [42], timeout=5000)


def test_result_is_dropped_once_the_owner_is_destroyed(qtbot) -> None:
    label = QLabel()
    gate = threading.Event()
    got: list[object] = []

    def work(_progress: object) -> str:
        gate.wait(5)
        return "late"

    job = run_job(work, on_done=lambda v: got.append(label.text() + str(v)), owner=label)
    with qtbot.waitSignal(label.destroyed, timeout=5000):
        label.deleteLater()
    with qtbot.waitSignal(job.signals.finished, timeout=5000):
        gate.set()
    QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(50)  # let any queued call run
    assert got == []
