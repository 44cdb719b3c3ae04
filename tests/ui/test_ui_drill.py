"""The Drill screen: segment timing against a countdown with a cue at the target, and rapid
follow-up probes across scenarios; real speech (espeak-ng), the real model, the file source."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from PySide6.QtCore import Qt
from ui_fakes import shoot
from ui_flow_support import RATE, FileSources, InstantSpeaker, require_tools, spoken_text

from mockinterviewer.assets import load_cue
from mockinterviewer.content.library import load_library
from mockinterviewer.settings import Settings
from mockinterviewer.store import HistoryStore
from mockinterviewer.ui.drill.drill_view import DrillView, countdown_text, speaking_rate
from mockinterviewer.ui.services import Services

SCENARIO = "customer-obsession"


class CuePlayer:
    """Records the cue sounds it was asked to play (and the thread that asked)."""

    is_playing = False
    position = 0.0

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


def _view(qtbot, services: Services) -> DrillView:
    view = DrillView(services, Settings())
    qtbot.addWidget(view)
    view.resize(1000, 680)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    return view


_KEY_WORDS = ("looking", "back", "team", "owned", "proposed", "shared", "objective", "webhooks",
              "adopted", "month", "proudest")


def _heard(text: str) -> bool:
    """Most of the reflection's words came through (tiny.en's exact wording varies with timing)."""
    low = text.lower()
    return sum(1 for w in _KEY_WORDS if w in low) >= 8


def test_segment_drill_counts_down_cues_and_scores(qtbot, whisper_tiny, artifacts) -> None:
    require_tools()
    reflection = ("Looking back, the gap was that no team owned cross team alerting, so I "
                  "proposed a shared reliability objective for webhooks, and two teams adopted "
                  "it within a month, which is the part I am proudest of.")
    audio = spoken_text(reflection, tail=3.0)
    player = CuePlayer()
    store = HistoryStore()
    services = Services(transcriber=whisper_tiny, speaker=InstantSpeaker(), player=player,
                        source_factory=FileSources([audio], speed=4.0), library=load_library(),
                        store=store)
    view = _view(qtbot, services)
    # (recording seconds, cues so far) after each tick of the screen's clock, which checks the
    # target: connected after the screen's own slot, so it reads just after the screen did
    ticks: list[tuple[float, int]] = []
    view.timer.timeout.connect(lambda: ticks.append((view.capture.elapsed, len(view.cues))))
    view.start(load_library().by_id(SCENARIO), "sde2")
    view.segment_combo.setCurrentIndex(view.segment_combo.findData("reflection"))
    assert view.target == 15.0 and view.countdown.text() == "0:15"
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert view.capture.state in ("starting", "recording")
    qtbot.waitUntil(lambda: view.capture.state == "recording", timeout=10000)
    saved = store.get(view.attempt_id)  # saved before the first word, for crash recovery
    assert (saved.status, saved.mode) == ("unfinished", "drill-segment")
    assert saved.recordings == (view.capture.path,) and saved.recording_kinds == (
        "segment:reflection",)
    qtbot.waitUntil(lambda: view.capture.elapsed > 5.0, timeout=20000)
    left = view.countdown.text()
    assert left.startswith("0:") and 0 < int(left[2:]) <= 10, left
    shoot(view, artifacts, "drill-segment-recording")
    qtbot.waitUntil(lambda: len(view.cues) == 1, timeout=30000)
    name, at = view.cues[0]
    assert name == "target" and at >= 15.0, view.cues
    # On the recording's clock, not the wall clock: the cue came on the first tick that reached
    # the target, i.e. the tick before it had not (one 0.1 s chunk may arrive between the
    # screen's reading and this one), however far apart a busy machine spaced the ticks.
    before = [seconds for seconds, cues in ticks if cues == 0]
    assert before and before[-1] < 15.0 + 0.1, (before[-3:], at)
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
    assert _heard(view.transcript.text), view.transcript.text
    shoot(view, artifacts, "drill-segment")
    # the try is in the history with its result, and the History view lists it with its mode
    attempt = store.get(saved.id)
    assert attempt.status == "done" and attempt.verdict is None
    drill = attempt.report["drill"]
    assert drill["label"] == "reflection" and drill["target"] == 15.0
    assert drill["seconds"] == pytest.approx(result["seconds"], abs=0.01)
    assert drill["status"] == result["status"]
    assert _heard(drill["transcript"]), drill["transcript"]
    assert attempt.total_seconds == pytest.approx(result["seconds"], abs=0.01)
    assert attempt.words_per_minute and attempt.words_per_minute > 60
    _check_history_lists(qtbot, store, attempt.id, "drill: segment timing", artifacts)


def test_probe_drill_asks_answers_and_reads(qtbot, whisper_tiny, artifacts) -> None:
    require_tools()
    answers = [spoken_text("I sent a message to the platform team and they handled the rest."),
               spoken_text("I checked the dashboards every day for a week and the drops stayed "
                           "at zero.")]
    speaker = InstantSpeaker()
    store = HistoryStore()
    services = Services(transcriber=whisper_tiny, speaker=speaker, store=store,
                        source_factory=FileSources(answers, speed=4.0), library=load_library())
    view = _view(qtbot, services)
    scenario = load_library().by_id(SCENARIO)
    view.start(scenario, "sde2", kind="probe")
    asked = []
    assert view.kind == "probe"
    for n in range(2):
        qtbot.keyClick(view, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: view.capture.state == "recording", timeout=20000)
        asked_scenario, probe = view.probe
        asked.append((asked_scenario, probe, view.attempt_id))
        assert speaker.spoken[-1] == probe.question
        assert store.get(view.attempt_id).status == "unfinished"
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
    for (asked_scenario, probe, attempt_id), answer in zip(asked, view.probe_results,
                                                            strict=True):
        attempt = store.get(attempt_id)
        assert (attempt.status, attempt.mode) == ("done", "drill-probe")
        assert attempt.scenario_id == asked_scenario.id and attempt.prompt == probe.question
        assert attempt.recording_kinds == (f"probe:{probe.id}",)
        assert attempt.report["drill"]["verdict_hint"] == answer.verdict_hint
        assert [f["id"] for f in attempt.report["findings"]] == [f.id for f in answer.findings]
    _check_history_lists(qtbot, store, asked[0][2], "drill: follow-up", None)


def _check_history_lists(qtbot, store: HistoryStore, attempt_id: int, mode: str,
                         artifacts) -> None:
    from mockinterviewer.ui.history.history_view import COLUMNS, HistoryView

    history = HistoryView(store)
    qtbot.addWidget(history)
    history.resize(1100, 400)
    history.show()
    assert history.select_attempt(attempt_id)
    row = history.table.selectionModel().selectedRows()[0].row()
    column = COLUMNS.index("Mode")
    assert history.proxy.index(row, column).data() == mode
    if artifacts is not None:
        shoot(history, artifacts, "history-with-drill")


@pytest.mark.parametrize("kind", ["segment", "probe"])
def test_escape_stops_a_try(qtbot, whisper_tiny, kind) -> None:
    store = HistoryStore()
    services = Services(transcriber=whisper_tiny, speaker=InstantSpeaker(), store=store,
                        source_factory=FileSources([np.zeros(20 * RATE, np.float32)], 1.0),
                        library=load_library())
    view = _view(qtbot, services)
    view.start(load_library().by_id(SCENARIO), "sde2", kind=kind)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: view.capture.state == "recording", timeout=20000)
    attempt_id = view.attempt_id
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.capture.state == "idle" and "Stopped" in view.status.text()
    assert view.results == [] and view.probe_results == []
    assert store.get(attempt_id).status == "abandoned", "a stopped try is not offered again"
    view.shutdown()


def test_main_window_opens_the_drill_for_a_scenario(qtbot) -> None:
    from ui_fakes import make_services

    from mockinterviewer.ui.main_window import MainWindow

    window = MainWindow(Settings(level="senior"), make_services(), load_model=False)
    qtbot.addWidget(window)
    window.open_mode("drill", "ownership")
    drill = window.screens["drill"]
    assert window.current_screen() == "drill"
    assert drill.scenario.id == "ownership" and drill.level == "senior"
    assert drill.segment_combo.count() == 5


def test_a_drill_try_left_by_a_crash_is_recovered_as_a_drill(whisper_tiny, tmp_path) -> None:
    """An unfinished drill try is analysed as the drill it was, not as a whole answer."""
    require_tools()
    from mockinterviewer.audio.recorder import WavRecorder
    from mockinterviewer.store.drill_records import DrillHistory, drill_summary
    from mockinterviewer.ui.startup.crash_recovery import analyse_attempt

    store = HistoryStore()
    scenario = load_library().by_id(SCENARIO)
    path = tmp_path / "drill.wav"
    with WavRecorder(path) as rec:
        rec.write(spoken_text("I learned to ask the other team for their alerts first."))
    attempt_id, problem = DrillHistory(store).start("drill-segment", scenario, "sde2",
                                                    "Tell the reflection", path, "reflection",
                                                    "tiny.en")
    assert problem == "" and store.get(attempt_id).status == "unfinished"
    services = Services(transcriber=whisper_tiny, store=store, library=load_library())
    analyse_attempt(store.get(attempt_id), services, Settings())
    attempt = store.get(attempt_id)
    assert attempt.status == "done" and attempt.report["drill"]["label"] == "reflection"
    assert attempt.report["drill"]["target"] == 15.0
    assert "alerts" in attempt.report["drill"]["transcript"].lower()
    assert "Reflection:" in drill_summary(attempt) and "of 15 s" in drill_summary(attempt)


def test_drill_tries_are_listed_but_are_not_results(qtbot) -> None:
    """Home's last result, Progress, Coverage and Compare count whole answers only."""
    from history_support import analysis_from_text, seed_scenario

    from mockinterviewer.coach.text import words_from_text
    from mockinterviewer.store.drill_records import DrillHistory, last_results, segment_result
    from mockinterviewer.ui.history.progress_view import ProgressView

    store = HistoryStore()
    scenario = seed_scenario()
    rehearsal = store.start_attempt(scenario.id, scenario.principle, "sde2", "rehearse",
                                    scenario.prompts[0], None, "tiny.en")
    store.finish_attempt(rehearsal, analysis_from_text(
        scenario, " ".join(s.strong_example for s in scenario.segments)))
    drills = DrillHistory(store)
    drill, _ = drills.start("drill-segment", scenario, "sde2", "Tell the task", None, "task",
                            "tiny.en")
    assert drills.finish(drill, segment_result(words_from_text("It was not my team."), "task",
                                               20.0, 0.2)) == ""
    assert store.last_by_scenario()[scenario.id].id == drill, "the store's own view"
    assert last_results(store)[scenario.id].id == rehearsal
    assert {a.id for a in store.list()} == {rehearsal, drill}, "both are in the history"
    progress = ProgressView(store)
    qtbot.addWidget(progress)
    progress.refresh()
    assert [a.id for a in progress.attempts] == [rehearsal]


def test_silence_warning_clears_once_voice_is_heard(qtbot) -> None:
    from ui_fakes import FakeTranscriber

    from mockinterviewer.stt.session import SILENT_MIC_WARNING

    t = np.arange(30 * RATE) / RATE  # voice long enough that the try is still recording
    audio = np.concatenate([np.zeros(4 * RATE, np.float32),
                            (0.3 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)])
    services = Services(transcriber=FakeTranscriber(), speaker=InstantSpeaker(),
                        source_factory=FileSources([audio], speed=2.0), store=HistoryStore(),
                        library=load_library())
    view = _view(qtbot, services)
    view.start(load_library().by_id(SCENARIO), "sde2")
    qtbot.keyClick(view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: view.status.text() == SILENT_MIC_WARNING, timeout=20000)
    qtbot.waitUntil(lambda: view.capture.elapsed >= 4.3, timeout=20000)
    qtbot.waitUntil(lambda: "silence" not in view.status.text(), timeout=1000)
    assert view.capture.state == "recording"
    assert view.status.text() == "Recording. Enter ends the answer."
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    view.shutdown()
