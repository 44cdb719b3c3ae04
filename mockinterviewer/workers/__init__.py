"""Thin adapters that run long jobs off the UI thread and report through Qt signals.

- :mod:`jobs`: one-shot work (model load, file transcription, analysis, speech rendering) as a
  QRunnable with a Signals object.
- :mod:`session`: the streaming recording + transcription job as a worker QObject on a QThread.
"""

from mockinterviewer.workers.jobs import Job, JobSignals, run_job
from mockinterviewer.workers.session import SessionRunner, SessionWorker

__all__ = ["Job", "JobSignals", "SessionRunner", "SessionWorker", "run_job"]
