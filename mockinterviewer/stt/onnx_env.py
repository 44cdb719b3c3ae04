"""Keeps onnxruntime (used only by faster-whisper's Silero VAD) off the network.

The onnxruntime wheels for Linux carry Microsoft's 1DS telemetry client. When the module is
imported it starts a telemetry log manager that stores events in
``~/.cache/Microsoft/DeveloperTools/.onnxruntime/onnxruntime.db`` (with a persistent device id)
and, about nine seconds later, a native uploader thread resolves
``mobile.events.data.microsoft.com`` through the system resolver (``getaddrinfo`` from libcurl
inside ``onnxruntime_pybind11_state``) and tries to post them over HTTPS. Every practice session
outlives those nine seconds, so without this module each one would make a DNS query, breaking the
promise that nothing leaves the machine.

onnxruntime reads the ``ORT_DISABLE_TELEMETRY`` environment variable once, when it is imported;
with it set, neither the look-up nor the local event store happen. Setting it after the import
has no effect, and neither has ``onnxruntime.disable_telemetry_events()`` (it only switches
Windows ETW events), so :func:`keep_onnxruntime_offline` must run before the first
``import onnxruntime``. faster-whisper imports onnxruntime lazily, on the first
``faster_whisper.vad.get_vad_model()`` call, and only ``mockinterviewer.stt`` reaches it, so the
package's ``__init__`` calls this function.
"""

from __future__ import annotations

import logging
import os
import sys

log = logging.getLogger(__name__)

TELEMETRY_VARIABLE = "ORT_DISABLE_TELEMETRY"


_applied = False  # set once the variable was in place before onnxruntime's import


def keep_onnxruntime_offline() -> bool:
    """Turns off onnxruntime's telemetry (and so its network look-ups) for this process.

    Sets ``ORT_DISABLE_TELEMETRY=1`` in the process environment, overriding any other value:
    the app promises that nothing leaves the machine, whatever the shell exported. Child
    processes inherit it. Safe to call any number of times.

    Returns:
        True if the setting is in effect, False if onnxruntime had already been imported
        without it (its telemetry then stays on; this is logged as a warning).
    """
    global _applied
    os.environ[TELEMETRY_VARIABLE] = "1"
    if _applied:
        return True
    if "onnxruntime" in sys.modules:
        log.warning(
            "onnxruntime was imported before its telemetry could be turned off; it may try to "
            "reach mobile.events.data.microsoft.com from this process"
        )
        return False
    _applied = True
    return True
