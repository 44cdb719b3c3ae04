"""Hardware missing when the user starts answering in the app: a dialog says what happened and
what to do, and the screen stays usable (Space tries again). The faults come from a fake
``sounddevice`` module (test_faults_devices.py); the real MicrophoneFactory, RecordingSession and
rehearse screen run on top of it."""

from __future__ import annotations

import contextlib
import html

import pytest
import shiboken6
from fake_devices import EchoEngine, FakeSoundDevice, _import_fails, install
from PySide6.QtCore import Qt
from ui_flow_support import InstantSpeaker

from mockinterviewer.content.library import load_library
from mockinterviewer.settings import Settings
from mockinterviewer.ui import dialogs
from mockinterviewer.ui.rehearse.rehearse_view import RehearseView
from mockinterviewer.ui.services import MicrophoneFactory, Services


def _boxes() -> list:
    """The open message boxes still alive (a box deleted with its window may linger in the
    list, see the report of issue 8)."""
    return [b for b in dialogs.open_boxes() if shiboken6.isValid(b)]


@pytest.fixture(autouse=True)
def _close_boxes():
    for box in _boxes():
        box.done(0)
    yield
    for box in dialogs.open_boxes():
        with contextlib.suppress(RuntimeError):
            box.done(0)


@pytest.mark.parametrize("fault, expected", [
    ("no input device", "No input device was found. Connect a microphone"),
    ("PortAudio missing", "The PortAudio sound library is missing"),
    ("device busy", "Could not open the microphone 'Fake USB mic'"),
])
def test_rehearse_without_a_usable_microphone_explains(fault: str, expected: str, qtbot,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    if fault == "no input device":
        install(monkeypatch, FakeSoundDevice(inputs=0))
    elif fault == "PortAudio missing":
        _import_fails(monkeypatch, OSError("PortAudio library not found"))
    else:
        install(monkeypatch, FakeSoundDevice(refuse_open=True))
    services = Services(transcriber=EchoEngine(), speaker=InstantSpeaker(),
                        source_factory=MicrophoneFactory(None), library=load_library())
    view = RehearseView(services, Settings(), max_probes=0)
    qtbot.addWidget(view)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    view.start(load_library().by_id("customer-obsession"))
    qtbot.waitUntil(lambda: bool(_boxes()), timeout=15000)
    box = _boxes()[-1]
    text = html.unescape(box.informativeText())
    assert expected in text and "What to do" in text and "Traceback" not in text, text
    assert any(expected in m for m in view.messages)
    qtbot.waitUntil(lambda: view.capture.state in ("idle", "waiting"), timeout=10000)
    box.done(0)
    with qtbot.waitActive(view):
        view.activateWindow()
    qtbot.keyClick(view, Qt.Key.Key_Space)  # trying again gives the same clear message
    qtbot.waitUntil(lambda: bool(_boxes()), timeout=15000)
    assert expected in html.unescape(_boxes()[-1].informativeText())


def test_disk_full_mid_answer_in_the_app_keeps_and_analyses_it(qtbot,
                                                                monkeypatch: pytest.MonkeyPatch
                                                                ) -> None:
    import errno
    import os

    from fake_devices import _speechlike
    from ui_flow_support import FileSources

    from mockinterviewer.audio import recorder as recorder_mod
    from mockinterviewer.store import HistoryStore

    real_write = os.write
    written: dict[str, int] = {}

    def filling(fd: int, data: bytes) -> int:
        name = os.readlink(f"/proc/self/fd/{fd}")
        if name.endswith("-answer.wav"):
            if written.get(name, 0) + len(data) > 44 + 2 * 16000:
                raise OSError(errno.ENOSPC, "No space left on device")
            written[name] = written.get(name, 0) + len(data)
        return real_write(fd, data)

    monkeypatch.setattr(recorder_mod.os, "write", filling)
    store = HistoryStore()
    services = Services(transcriber=EchoEngine(), speaker=InstantSpeaker(),
                        source_factory=FileSources([_speechlike(3.0)], speed=0), store=store,
                        library=load_library())
    view = RehearseView(services, Settings(), max_probes=0)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.report_ready, timeout=30000) as ready:
        view.start(load_library().by_id("customer-obsession"))
    _analysis, attempt_id, recordings = ready.args
    message = next(m for m in view.messages if "disk is full" in m)
    assert "The first 1.0 s were kept in" in message and "Free some space" in message
    assert "analysed" in view.banner.text()
    assert recordings["answer"].stat().st_size == 44 + 2 * 16000
    assert store.get(attempt_id).status == "done"
