"""End to end: a 2-principle loop in the real window, answered through the PulseAudio virtual
microphone (espeak-ng speech played with paplay into the private ``mic``), transcribed by the real
Whisper model, analysed, stored, and debriefed. Told with two different stories, no reuse is
flagged; told with the same story twice (in other words the second time), the debrief flags it
and quotes the shared details. Questions are shown (an instant stand-in speaker: the spoken
question is tested in test_e2e_rehearse.py); the keys are pressed as a user would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pulse import espeak_wav, pulse_audio, whisper_tiny  # noqa: F401 - fixtures
from PySide6.QtCore import Qt
from ui_flow_support import InstantSpeaker, close_boxes, require_tools

from mockinterviewer.audio.player import load_audio
from mockinterviewer.cli import main
from mockinterviewer.coach.loop import LoopPlan
from mockinterviewer.content.library import load_library
from mockinterviewer.settings import Settings
from mockinterviewer.store import HistoryStore
from mockinterviewer.ui.main_window import MainWindow
from mockinterviewer.ui.services import MicrophoneFactory, Services

pytestmark = [pytest.mark.slow, pytest.mark.pulse]

CERTIFICATE = (
    "I was the on-call engineer for the Orders team when checkout failed for thirty eight "
    "minutes and about four thousand orders were lost. An internal certificate between the "
    "order service and the inventory service had expired. Nobody owned renewals; they lived in "
    "a spreadsheet. After checkout was back, I audited all two hundred and fourteen "
    "certificates, found eleven more that would expire within a month, renewed them, and built "
    "an expiry alert that pages the owning team three weeks ahead. In the fourteen months since, "
    "there has been no expiry incident.")
CERTIFICATE_RETOLD = (
    "Let me tell you about digging into a checkout outage. For thirty eight minutes about four "
    "thousand orders failed. People blamed the last deploy, but I read the handshake errors and "
    "found that the certificate between the order service and the inventory service had "
    "expired. I wanted to know how many others were at risk, so I checked all two hundred and "
    "fourteen certificates one by one; eleven were due to expire within a month. I renewed them "
    "and wrote an alert that fires three weeks before expiry. There has been no expiry incident "
    "in fourteen months.")
LATENCY = (
    "Our search page got slower every afternoon and the dashboard average looked fine, so "
    "nobody acted. I pulled a week of request logs and looked at the slowest one percent "
    "instead of the average. The slow requests all came from one tenant whose catalogue had "
    "grown past a million products, and their queries skipped the cache. I reproduced it on a "
    "copy of their data, added a per tenant cache key, and set an alert on the ninety ninth "
    "percentile. Afternoon latency for that tenant fell from four seconds to six hundred "
    "milliseconds, and I showed the team how to read percentiles.")


def _window(qtbot, services: Services) -> MainWindow:
    window = MainWindow(Settings(), services, load_model=False)
    qtbot.addWidget(window, before_close_func=close_boxes)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window


def _run_loop(qtbot, pulse, whisper, tmp_path: Path, stories: tuple[str, str]):
    require_tools()
    wavs = [espeak_wav(text, tmp_path / f"answer-{i}.wav", rate=175)
            for i, text in enumerate(stories)]
    store = HistoryStore()
    services = Services(transcriber=whisper, speaker=InstantSpeaker(),
                        source_factory=MicrophoneFactory(None), store=store,
                        library=load_library())
    window = _window(qtbot, services)
    window.open_loop(LoopPlan(("ownership", "dive-deep"), "sde2", 0))
    screen = window.screens["loop"]
    view = screen.view
    for i, wav in enumerate(wavs):
        qtbot.waitUntil(lambda i=i: view.index == i and view.capture.state == "recording",
                        timeout=90000)
        assert view.progress.text().startswith(f"Question {i + 1} of 2")
        audio, rate = load_audio(wav)
        seconds = len(audio) / rate
        pulse.play_into_mic(wav).wait(timeout=120)
        qtbot.waitUntil(lambda s=seconds: view.capture.elapsed >= s - 0.3, timeout=60000)
        if i == len(wavs) - 1:
            with qtbot.waitSignal(view.finished, timeout=180000):
                qtbot.keyClick(window, Qt.Key.Key_Return)
        else:
            qtbot.keyClick(window, Qt.Key.Key_Return)
    d = screen.debrief.debrief
    assert d is not None and [r.scenario_id for r in d.rows] == ["ownership", "dive-deep"]
    (loop,) = [a for a in store.list() if a.mode == "loop"]
    answers = store.loop_answers(loop.id)
    assert [a.status for a in answers] == ["done", "done"]
    assert all(a.recordings[0].exists() for a in answers)
    return window, screen, store, loop, d


def test_a_loop_with_two_different_stories_flags_no_reuse(qtbot, pulse_audio,  # noqa: F811
                                                          whisper_tiny, tmp_path,  # noqa: F811
                                                          capsys) -> None:
    window, screen, store, loop, d = _run_loop(qtbot, pulse_audio, whisper_tiny, tmp_path,
                                               (CERTIFICATE, LATENCY))
    assert d.reuse == ()
    assert "Every answer told a different story" in screen.debrief.reuse.text()
    text = " ".join(a.report["transcript"] for a in store.loop_answers(loop.id)).lower()
    assert "certificate" in text and "latency" in text, text
    store.close()
    assert main(["history", "show", str(loop.id), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["story_reuse"] == [] and len(data["answers"]) == 2
    window.close()


def test_a_loop_with_the_same_story_twice_flags_it_with_evidence(qtbot, pulse_audio,  # noqa: F811
                                                                 whisper_tiny,  # noqa: F811
                                                                 tmp_path, capsys) -> None:
    window, screen, store, loop, d = _run_loop(qtbot, pulse_audio, whisper_tiny, tmp_path,
                                               (CERTIFICATE, CERTIFICATE_RETOLD))
    (reuse,) = d.reuse
    assert (reuse.first_id, reuse.second_id) == ("ownership", "dive-deep")
    details = {s.detail.lower() for s in reuse.shared}
    assert details & {"214", "38", "eleven", "11", "fourteen", "14"}, details
    assert all(s.quote_a and s.quote_b for s in reuse.shared)
    assert "Dive Deep" in screen.debrief.reuse.text()
    assert "Tell a different story for Dive Deep" in d.one_thing
    store.close()
    assert main(["history", "show", str(loop.id), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    (item,) = data["story_reuse"]
    assert item["scenarios"] == ["ownership", "dive-deep"] and item["evidence"]
    window.close()
