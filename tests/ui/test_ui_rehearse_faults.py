"""Faults in the middle of a rehearsal: nothing said is lost, every failure is explained.

- the microphone fails mid-answer: the answer so far is kept, transcribed and analysed;
- a microphone that records only silence: a warning within 3 s of speaking time;
- no voice, or the output device missing: the question is shown as text, Space starts answering;
- the speech model failing: the user is told, the recording is kept.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from ui_flow_support import (
    ANSWER,
    RATE,
    FileSources,
    InstantSpeaker,
    close_boxes,
    require_tools,
    spoken_answer,
)

from mockinterviewer.audio.errors import AudioError
from mockinterviewer.content.library import load_library
from mockinterviewer.settings import Settings
from mockinterviewer.store import HistoryStore
from mockinterviewer.stt.session import SILENT_MIC_WARNING
from mockinterviewer.ui import dialogs
from mockinterviewer.ui.rehearse.rehearse_view import RehearseView
from mockinterviewer.ui.services import Services

SCENARIO = "customer-obsession"


class UnpluggedMidAnswer:
    """A real file source whose 'device' fails after ``fail_at`` seconds, as an unplugged USB
    microphone does (the same error MicrophoneSource raises)."""

    def __init__(self, audio: np.ndarray, fail_at: float, speed: float = 4.0) -> None:
        from mockinterviewer.audio.sources import FileSource

        self.inner = FileSource(None, speed=speed, audio=audio)
        self.sample_rate = RATE
        self.fail_at = fail_at
        self.delivered = 0

    @property
    def exhausted(self) -> bool:
        return self.inner.exhausted

    @property
    def overflows(self) -> int:
        return 0

    def start(self) -> None:
        self.inner.start()

    def read(self, timeout: float) -> np.ndarray | None:
        if self.delivered >= self.fail_at * RATE:
            raise AudioError("The microphone stopped working (unplugged or a driver error). What "
                             "you said until then was kept.")
        chunk = self.inner.read(timeout)
        if chunk is not None:
            self.delivered += len(chunk)
        return chunk

    def stop(self) -> None:
        self.inner.stop()


def _view(qtbot, services: Services) -> RehearseView:
    view = RehearseView(services, Settings(), max_probes=2)
    qtbot.addWidget(view, before_close_func=close_boxes)
    view.resize(1000, 640)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    return view


def test_microphone_failing_mid_answer_keeps_and_analyses_it(qtbot, whisper_tiny) -> None:
    require_tools()
    answer = spoken_answer(ANSWER[:3])
    cut = answer.starts[2] + 1.0  # unplugged one second into the action
    store = HistoryStore()
    services = Services(transcriber=whisper_tiny, speaker=InstantSpeaker(),
                        source_factory=lambda *_a: UnpluggedMidAnswer(answer.audio, cut),
                        store=store, library=load_library())
    view = _view(qtbot, services)
    view.start(load_library().by_id(SCENARIO))
    with qtbot.waitSignal(view.report_ready, timeout=60000) as ready:
        qtbot.waitUntil(lambda: view.capture.elapsed >= answer.boundaries[0], timeout=30000)
        qtbot.keyClick(view, Qt.Key.Key_Space)
    analysis, attempt_id, recordings = ready.args
    assert any("microphone stopped working" in m for m in view.messages)
    assert "analysed" in view.banner.text()
    text = analysis.transcript.lower()
    assert "webhook" in text and "nobody asked" in text, text
    assert analysis.probe_answers == (), "no follow-ups on a dead microphone"
    attempt = store.get(attempt_id)
    assert attempt.status == "done"
    assert recordings["answer"].stat().st_size > 44 + 2 * RATE * (cut - 0.5)


def test_silent_microphone_is_reported_within_three_seconds(qtbot, whisper_tiny) -> None:
    silence = np.zeros(8 * RATE, dtype=np.float32)
    services = Services(transcriber=whisper_tiny, speaker=InstantSpeaker(),
                        source_factory=FileSources([silence], speed=4.0), store=HistoryStore(),
                        library=load_library())
    view = _view(qtbot, services)
    heard_at: list[float] = []
    view.capture.warning.connect(lambda _m: heard_at.append(view.capture.elapsed))
    view.start(load_library().by_id(SCENARIO))
    qtbot.waitUntil(lambda: SILENT_MIC_WARNING in view.messages, timeout=20000)
    assert heard_at and heard_at[0] <= 3.0, heard_at
    assert view.banner.isVisible() and "silence" in view.banner.text()
    assert view.capture.state == "recording", "a warning, not a stop"
    view.shutdown()


@pytest.mark.parametrize("broken", ["no engine", "no output device"])
def test_question_shown_as_text_without_a_voice(qtbot, whisper_tiny, broken,
                                                monkeypatch) -> None:
    require_tools()
    speaker = None
    if broken == "no output device":
        from mockinterviewer.audio import devices
        from mockinterviewer.tts import Pyttsx3Speaker

        # the speakers were unplugged: PortAudio lists no output device at all
        monkeypatch.setattr(devices, "list_output_devices", lambda: [])
        speaker = Pyttsx3Speaker()
    answer = spoken_answer(ANSWER[:1])
    services = Services(transcriber=whisper_tiny, speaker=speaker,
                        source_factory=FileSources([answer.audio], speed=4.0),
                        store=HistoryStore(), library=load_library())
    view = _view(qtbot, services)
    view.start(load_library().by_id(SCENARIO))
    qtbot.waitUntil(lambda: view.capture.state == "waiting", timeout=30000)
    assert view.question.text() == view.session.prompt
    assert "shown as text" in view.banner.text()
    assert "Space" in view.status.text()
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert view.capture.state in ("starting", "recording")
    qtbot.waitUntil(lambda: view.capture.state == "recording", timeout=10000)
    view.shutdown()


def test_speech_model_failing_keeps_the_recording(qtbot) -> None:
    require_tools()
    from mockinterviewer.stt.whisper import WhisperTranscriber

    answer = spoken_answer(ANSWER[:1])
    store = HistoryStore()
    broken = WhisperTranscriber(model="/nonexistent/whisper-model")
    services = Services(transcriber=broken, speaker=InstantSpeaker(),
                        source_factory=FileSources([answer.audio], speed=4.0), store=store,
                        library=load_library())
    view = _view(qtbot, services)
    with qtbot.waitSignal(view.report_ready, timeout=60000) as ready:
        view.start(load_library().by_id(SCENARIO))
    _analysis, attempt_id, recordings = ready.args
    assert any("Transcription failed" in m and "not a speech model" in m for m in view.messages)
    assert recordings["answer"].stat().st_size > 2 * RATE * answer.seconds * 0.9
    assert store.get(attempt_id).recordings[0] == recordings["answer"]

    none = Services(transcriber=None, speaker=InstantSpeaker(),
                    source_factory=FileSources([answer.audio]), store=store,
                    library=load_library())
    view2 = _view(qtbot, none)
    view2.start(load_library().by_id(SCENARIO))
    qtbot.waitUntil(lambda: bool(dialogs.open_boxes()), timeout=10000)
    box = dialogs.open_boxes()[-1]
    assert "Speech recognition is not available" in box.informativeText()
    assert view2.capture.state == "waiting"
    close_boxes()


def _boxes_of(view: RehearseView) -> list:
    import shiboken6

    return [b for b in dialogs.open_boxes() if shiboken6.isValid(b) and b.parent() is view]


def test_no_microphone_at_all_is_explained_and_space_retries(qtbot, whisper_tiny,
                                                             monkeypatch) -> None:
    from mockinterviewer.audio import devices
    from mockinterviewer.ui.services import MicrophoneFactory

    # the real microphone path, on a computer where PortAudio lists no input device
    monkeypatch.setattr(devices, "list_input_devices", lambda: [])
    services = Services(transcriber=whisper_tiny, speaker=InstantSpeaker(),
                        source_factory=MicrophoneFactory(None), store=HistoryStore(),
                        library=load_library())
    view = _view(qtbot, services)
    view.start(load_library().by_id(SCENARIO))
    qtbot.waitUntil(lambda: bool(_boxes_of(view)), timeout=20000)
    box = _boxes_of(view)[-1]
    assert "No input device was found" in box.informativeText()
    assert "What to do" in box.informativeText()
    assert view.capture.state == "waiting"
    box.done(0)
    qtbot.waitUntil(lambda: not _boxes_of(view), timeout=5000)
    with qtbot.waitActive(view):
        view.activateWindow()
    qtbot.keyClick(view, Qt.Key.Key_Space)  # tries again: same explanation, no crash
    qtbot.waitUntil(lambda: bool(_boxes_of(view)), timeout=20000)
    assert view.capture.state == "waiting"
    close_boxes()


def test_silence_banner_clears_as_soon_as_voice_is_heard(qtbot) -> None:
    from ui_fakes import FakeTranscriber

    t = np.arange(3 * RATE) / RATE
    voice = (0.3 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)
    audio = np.concatenate([np.zeros(4 * RATE, dtype=np.float32), voice,
                            np.zeros(2 * RATE, dtype=np.float32)])
    services = Services(transcriber=FakeTranscriber(), speaker=InstantSpeaker(),
                        source_factory=FileSources([audio], speed=2.0), store=HistoryStore(),
                        library=load_library())
    view = _view(qtbot, services)
    view.start(load_library().by_id(SCENARIO))
    qtbot.waitUntil(lambda: SILENT_MIC_WARNING in view.messages, timeout=20000)
    assert view.banner.isVisible()
    qtbot.waitUntil(lambda: view.capture.elapsed >= 4.3, timeout=20000)
    qtbot.waitUntil(lambda: SILENT_MIC_WARNING not in view.messages, timeout=2000)
    assert not view.banner.isVisible() or "silence" not in view.banner.text()
    assert SILENT_MIC_WARNING not in view.capture.warnings
    view.shutdown()


def test_a_cut_answer_reaches_the_report_as_cut_short(qtbot) -> None:
    from ui_fakes import FakeTranscriber

    from mockinterviewer.coach import Analysis

    t = np.arange(6 * RATE) / RATE
    voice = (0.3 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)
    store = HistoryStore()
    services = Services(transcriber=FakeTranscriber(), speaker=InstantSpeaker(),
                        source_factory=lambda *_a: UnpluggedMidAnswer(voice, 2.0),
                        store=store, library=load_library())
    view = _view(qtbot, services)
    view.start(load_library().by_id(SCENARIO))
    with qtbot.waitSignal(view.report_ready, timeout=30000) as ready:
        pass
    analysis, attempt_id, _recordings = ready.args
    assert analysis.cut_short is not None
    assert analysis.cut_short.reason == "microphone"
    assert analysis.cut_short.seconds == pytest.approx(2.0, abs=0.15)
    assert analysis.verdict == ""
    stored = Analysis.from_dict(store.get(attempt_id).report)
    assert stored.cut_short is not None and stored.cut_short.reason == "microphone"
    assert stored.cut_short.seconds == pytest.approx(analysis.cut_short.seconds, abs=0.01)
