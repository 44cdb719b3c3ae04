"""The arena limit of :mod:`mockinterviewer.stt.malloc_env`, checked on the real C library.

A child process imports ``mockinterviewer.stt`` (which sets the limit), lets twelve threads
allocate at once, and asks glibc for its per-arena statistics (``malloc_stats``). With the limit
they share two heaps; with ``MALLOC_ARENA_MAX`` exported (left alone by the app) each thread gets
its own.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from mockinterviewer.stt import malloc_env

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc only")

_PROBE = """
import ctypes, threading
import numpy as np
import mockinterviewer.stt
held, lock, barrier = [], threading.Lock(), threading.Barrier(12)
def work():
    barrier.wait()
    mine = [np.ones(2000 + i) for i in range(300)]
    with lock:
        held.append(mine)
threads = [threading.Thread(target=work) for _ in range(12)]
for t in threads: t.start()
for t in threads: t.join()
ctypes.CDLL(None).malloc_stats()
"""


def _arenas(env: dict[str, str]) -> int:
    out = subprocess.run([sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True,
                         timeout=120, check=True)
    return sum(1 for line in out.stderr.splitlines() if line.startswith("Arena "))


def test_speech_threads_share_two_heaps() -> None:
    env = {k: v for k, v in os.environ.items() if k != "MALLOC_ARENA_MAX"}
    limited = _arenas(env)
    free = _arenas({**env, "MALLOC_ARENA_MAX": "16"})
    assert 1 <= limited <= malloc_env.ARENAS < free, (limited, free)


def test_an_exported_setting_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    assert malloc_env.limit_malloc_arenas() is False
    monkeypatch.delenv("MALLOC_ARENA_MAX")
    assert malloc_env.limit_malloc_arenas() is True
