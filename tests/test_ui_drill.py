"""The Drill screen: segment timing against a countdown with a cue at the target, and rapid
follow-up probes across scenarios; real speech (espeak-ng), the real model, the file source."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from pulse import whisper_tiny  # noqa: F401 - fixture
from PySide6.QtCore import Qt
from test_ui_shell_fakes import app_theme, shoot  # noqa: F401 - app_theme autouse
from ui_flow_support import RATE, FileSources, InstantSpeaker, require_tools, spoken_text

from mockinterviewer.assets import load_cue
from mockinterviewer.content.library import load_library
from mockinterviewer.settings import Settings
from mockinterviewer.ui.drill_view import DrillView, countdown_text, speaking_rate
from mockinterviewer.ui.services import Services

SCENARIO = "customer-obsession"


class CuePlayer:
    """Records the cue sounds it was asked to play (and the thread that asked)."""

    def __init__(self) -> None:
        self.arrays: list[tuple[int, int, str]] = []

    def play_array(self, audio: np.ndarray, sample_rate: int) -> None:
        self.arrays.append((len(audio), sample_rate, threading.current_thread().name))

    def play_file(self, *_a: object, **_k: object) -> None:
        pass

    def stop(self) -> None:
        pass


def test_countdown_and_rate_helpers() -> None:
    assert countdown_text(15, 0) == "0:15"
    assert countdown_text(15, 14.2) == "0:00"
    assert countdown_text(15, 18.5) == "+0:03"
    from mockinterviewer.transcript import Word

    words = [Word("I", 0, 0.2), Word("um", 0.3, 0.5, filler=True), Word("fixed", 0.6, 1.0)]
    assert speaking_rate(words, 6.0) == (20.0, 1)


def _view(qtbot, services: Services) -> DrillView:  # noqa: ANN001
    view = DrillView(services, Settings())
    qtbot.addWidget(view)
    view.resize(1000, 680)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    return view


def test_segment_drill_counts_down_cues_and_scores(qtbot, whisper_tiny, artifacts) -> None:  # noqa: ANN001, F811
    require_tools()
    reflection = ("Looking back, the gap was that no team owned cross team alerting, so I "
                  "proposed a shared reliability objective for webhooks, and two teams adopted "
                  "it within a month, which is the part I am proudest of.")
    audio = spoken_text(reflection, tail=3.0)
    player = CuePlayer()
    services = Services(transcriber=whisper_tiny, speaker=InstantSpeaker(), player=player,
                        source_factory=FileSources([audio], speed=4.0), library=load_library())
    view = _view(qtbot, services)
    view.start(load_library().by_id(SCENARIO), "sde2")
    view.segment_combo.setCurrentIndex(view.segment_combo.findData("reflection"))
    assert view.target == 15.0 and view.countdown.text() == "0:15"
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert view.capture.state in ("starting", "recording")
    qtbot.waitUntil(lambda: view.capture.state == "recording", timeout=10000)
    qtbot.waitUntil(lambda: view.capture.elapsed > 5.0, timeout=20000)
    left = view.countdown.text()
    assert left.startswith("0:") and 0 < int(left[2:]) <= 10, left
    shoot(view, artifacts, "drill-segment-recording")
    qtbot.waitUntil(lambda: len(view.cues) == 1, timeout=30000)
    name, at = view.cues[0]
    assert name == "target" and 15.0 <= at < 17.0, view.cues  # checked every 100 ms (x4)
    qtbot.waitUntil(lambda: len(player.arrays) == 1, timeout=5000)
    samples, rate, thread = player.arrays[0]
    cue = load_cue("target")
    assert (samples, rate) == (len(cue.samples), cue.sample_rate)
    assert thread != threading.current_thread().name, "the cue plays off the UI thread"
    qtbot.waitUntil(lambda: view.capture.state == "recording" and view.capture.elapsed
                    >= len(audio) / RATE - 0.3 or view.capture.state != "recording",
                    timeout=30000)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(view.results) == 1, timeout=30000)
    result = view.results[0]
    assert result["label"] == "reflection" and result["path"].exists()
    assert 10.0 < result["seconds"] < 16.0, result
    assert result["status"] in ("ok", "under")
    assert f"{result['seconds']:.0f} s of 15 s" in view.segment_result.text()
    assert "reliability objective" in view.transcript.text.lower()
    shoot(view, artifacts, "drill-segment")


def test_probe_drill_asks_answers_and_reads(qtbot, whisper_tiny, artifacts) -> None:  # noqa: ANN001, F811
    require_tools()
    answers = [spoken_text("I sent a message to the platform team and they handled the rest."),
               spoken_text("I checked the dashboards every day for a week and the drops stayed "
                           "at zero.")]
    speaker = InstantSpeaker()
    services = Services(transcriber=whisper_tiny, speaker=speaker,
                        source_factory=FileSources(answers, speed=4.0), library=load_library())
    view = _view(qtbot, services)
    scenario = load_library().by_id(SCENARIO)
    view.start(scenario, "sde2", kind="probe")
    assert view.kind == "probe"
    for n in range(2):
        qtbot.keyClick(view, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: view.capture.state == "recording", timeout=20000)
        asked_scenario, probe = view.probe
        assert speaker.spoken[-1] == probe.question
        if n == 0:
            assert asked_scenario.id == SCENARIO, "the drill starts with this scenario's probes"
        qtbot.waitUntil(lambda n=n: len(view.probe_results) == n + 1, timeout=60000)
        assert "This answer " in view.probe_result.toPlainText()
        assert "A strong answer" in view.probe_result.toPlainText()
    first, second = view.probe_results
    assert first.transcript and second.transcript
    assert any("hand" in f.id or "hand" in f.message.lower() for f in first.findings), [
        f.id for f in first.findings]
    assert len({(s.id, p.id) for s, p in [view.probe]}) == 1
    shoot(view, artifacts, "drill-probe")


@pytest.mark.parametrize("kind", ["segment", "probe"])
def test_escape_stops_a_try(qtbot, whisper_tiny, kind) -> None:  # noqa: ANN001, F811
    services = Services(transcriber=whisper_tiny, speaker=InstantSpeaker(),
                        source_factory=FileSources([np.zeros(20 * RATE, np.float32)], 1.0),
                        library=load_library())
    view = _view(qtbot, services)
    view.start(load_library().by_id(SCENARIO), "sde2", kind=kind)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: view.capture.state == "recording", timeout=20000)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.capture.state == "idle" and "Stopped" in view.status.text()
    assert view.results == [] and view.probe_results == []
    view.shutdown()


def test_main_window_opens_the_drill_for_a_scenario(qtbot) -> None:  # noqa: ANN001
    from test_ui_shell_fakes import make_services

    from mockinterviewer.ui.main_window import MainWindow

    window = MainWindow(Settings(level="senior"), make_services(), load_model=False)
    qtbot.addWidget(window)
    window.open_mode("drill", "ownership")
    drill = window.screens["drill"]
    assert window.current_screen() == "drill"
    assert drill.scenario.id == "ownership" and drill.level == "senior"
    assert drill.segment_combo.count() == 5
