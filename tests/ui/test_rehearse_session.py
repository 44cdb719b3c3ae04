"""The rehearse session on its own, without the screen: phases, saving, follow-ups, report.

The session is driven as the screen drives it (``begin``, ``start_attempt``, ``take_answer``,
``finish``, ``abandon``) with captured answers made of timed words of the scenario's strong
answer, the real coaching engine (in a job on the thread pool) and a real history database.
No widget is created.
"""

from __future__ import annotations

from pathlib import Path

from history_support import spoken_answer, write_wav

from mockinterviewer.content.library import load_library
from mockinterviewer.content.model import Scenario
from mockinterviewer.settings import Settings
from mockinterviewer.store import HistoryStore
from mockinterviewer.transcript import Word
from mockinterviewer.ui.capture.answer_capture import Capture
from mockinterviewer.ui.rehearse.rehearse_session import RehearseSession
from mockinterviewer.ui.services import Services

SCENARIO = "customer-obsession"


def _scenario() -> Scenario:
    return next(s for s in load_library().scenarios if s.id == SCENARIO)


def _session(store: HistoryStore | None, max_probes: int) -> tuple[RehearseSession, list[str]]:
    session = RehearseSession(Services(store=store, library=load_library()), Settings(),
                              max_probes=max_probes)
    phases: list[str] = []
    session.phase_changed.connect(phases.append)
    return session, phases


def _answer(path: Path) -> Capture:
    words, marks = spoken_answer(_scenario())
    return Capture(write_wav(path, 2.0), tuple(words), tuple(marks), words[-1].end + 0.5)


def _probe_answer(path: Path) -> Capture:
    text = "I called the customer myself and measured the result every week after the fix."
    words = tuple(Word(w, 0.4 * i, 0.4 * i + 0.3) for i, w in enumerate(text.split()))
    return Capture(write_wav(path, 1.0), words, (), words[-1].end + 0.5)


def test_answer_follow_ups_then_report_without_widgets(qtbot, tmp_path) -> None:
    store = HistoryStore()
    session, phases = _session(store, max_probes=2)
    asked: list[tuple[int, int, str, Path]] = []
    session.probe_asked.connect(lambda *args: asked.append(args))
    session.begin(_scenario(), "sde2")
    assert session.phase == "answer" and session.prompt in _scenario().prompts
    answer = session.answer_path()
    assert answer.parent.is_dir() and SCENARIO in answer.name
    session.start_attempt(answer)
    assert store.get(session.attempt_id).status == "unfinished"
    with qtbot.waitSignal(session.probe_asked, timeout=30000):
        session.take_answer(_answer(answer))
    number, count, question, probe_path = asked[0]
    assert (number, count) == (1, 2) and question == session.analysis.probes[0].question
    assert session.phase == "probe" and session.recordings["answer"] == answer
    assert probe_path in store.get(session.attempt_id).recordings
    with qtbot.waitSignal(session.probe_asked, timeout=30000):
        session.take_answer(_probe_answer(probe_path))
    assert asked[1][:2] == (2, 2) and session.probe_index == 1
    # Esc in the follow-ups: the report comes with the one follow-up answered so far
    with qtbot.waitSignal(session.report_ready, timeout=5000) as ready:
        session.finish()
    analysis, attempt_id, recordings = ready.args
    assert attempt_id == session.attempt_id and len(analysis.probe_answers) == 1
    assert set(recordings) == {"answer", *(f"probe:{p.id}" for p in analysis.probes[:2])}
    saved = store.get(attempt_id)
    assert saved.status == "done" and len(saved.report["probe_answers"]) == 1
    assert phases == ["answer", "analysing", "probe", "probe_analysing", "probe", "done"]
    session.finish()  # a second Esc changes nothing
    assert phases[-1] == "done" and len(phases) == 6


def test_no_follow_ups_and_no_store_still_reports(qtbot, tmp_path) -> None:
    session, phases = _session(None, max_probes=0)
    session.begin(_scenario())
    session.start_attempt(session.answer_path())
    assert session.attempt_id is None
    with qtbot.waitSignal(session.report_ready, timeout=30000) as ready:
        session.take_answer(_answer(session.answer_path()))
    assert ready.args[1] is None and ready.args[0].scenario_id == SCENARIO
    assert phases == ["answer", "analysing", "done"]


def test_abandon_keeps_the_attempt_marked_and_drops_a_late_analysis(qtbot, tmp_path) -> None:
    store = HistoryStore()
    session, phases = _session(store, max_probes=0)
    session.begin(_scenario())
    session.start_attempt(session.answer_path())
    reports: list[object] = []
    session.report_ready.connect(lambda *args: reports.append(args))
    session.take_answer(_answer(session.answer_path()))
    session.abandon()  # while the analysis job runs
    assert store.get(session.attempt_id).status == "abandoned"
    qtbot.wait(0)
    qtbot.waitUntil(lambda: not _jobs_running(), timeout=30000)
    assert reports == [] and session.phase == "idle" and session.analysis is None
    assert phases == ["answer", "analysing", "idle"]


def test_the_least_practised_question_is_asked_first(qtbot, tmp_path) -> None:
    scenario = _scenario()
    assert len(scenario.prompts) > 1
    store = HistoryStore()
    session, _ = _session(store, max_probes=0)
    for prompt in scenario.prompts[:-1]:
        session.begin(scenario, prompt=prompt)
        session.start_attempt(session.answer_path())
        with qtbot.waitSignal(session.report_ready, timeout=30000):
            session.take_answer(_answer(session.answer_path()))
    for _ in range(5):
        session.begin(scenario)
        assert session.prompt == scenario.prompts[-1]


def test_a_failed_save_is_a_warning_not_a_stop(qtbot, tmp_path) -> None:
    store = HistoryStore()
    session, _ = _session(store, max_probes=0)
    warnings: list[str] = []
    session.warning.connect(warnings.append)
    session.begin(_scenario())
    store.close()
    session.start_attempt(session.answer_path())
    assert session.attempt_id is None
    assert warnings and "cannot be saved to your history" in warnings[0]
    with qtbot.waitSignal(session.report_ready, timeout=30000):
        session.take_answer(_answer(session.answer_path()))


def _jobs_running() -> bool:
    from mockinterviewer.workers import jobs

    return bool(jobs._running)
