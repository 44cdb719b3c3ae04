"""Bounds glibc's malloc arenas, so the speech threads do not each grow a heap of their own.

glibc gives a thread that finds the existing heaps busy a new arena, up to eight per core.
Streaming runs the Whisper passes on a worker thread while CTranslate2's own threads, the voice
detector and the audio callback allocate beside it; each arena keeps the memory its thread freed,
so the process's resident size grows with how the threads happened to interleave. Measured on the
bench's 3-minute answer (tiny.en on 2 cores, streamed at full speed after a whole-file and a plain
decode, same 389 words every run): peak resident memory 473 and 477 MB with glibc's default
arenas, 421 and 416 MB with two (the ``MALLOC_ARENA_MAX=2`` setting, applied here in-process).

:func:`limit_malloc_arenas` must run before the worker threads start; ``mockinterviewer.stt``'s
``__init__`` calls it. A ``MALLOC_ARENA_MAX`` the user exported is left alone.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys

log = logging.getLogger(__name__)

M_ARENA_MAX = -8  # glibc's mallopt parameter number (malloc.h)
ARENAS = 2


def limit_malloc_arenas(count: int = ARENAS) -> bool:
    """Sets glibc's arena limit for this process (later threads share ``count`` heaps).

    Args:
        count: the most arenas malloc may use.

    Returns:
        True if the limit is in effect; False on other platforms or C libraries (musl has no
        ``mallopt``), or when ``MALLOC_ARENA_MAX`` is set in the environment (glibc read it).
    """
    if not sys.platform.startswith("linux") or os.environ.get("MALLOC_ARENA_MAX"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    ok = bool(mallopt(M_ARENA_MAX, count))
    if not ok:
        log.debug("mallopt(M_ARENA_MAX, %d) was refused", count)
    return ok
