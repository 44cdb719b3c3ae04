"""The Loop screen with fakes: the setup (budget, surprise draw), a 2-question loop answered with
the keyboard (each answer injected as the capture's result: the transcription is faked, the
analysis, the history and the debrief are real), ending early, the debrief and its report link,
History, the Home button, and screenshots in both palettes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from ui_fakes import FakeSpeaker, FakeTranscriber, dark_palette, shoot, tone_source_factory

from mockinterviewer.coach.loop import LoopPlan, loop_budget
from mockinterviewer.coach.text import words_from_text
from mockinterviewer.content.library import load_library
from mockinterviewer.settings import Settings
from mockinterviewer.store import HistoryStore
from mockinterviewer.store.loops import stored_debrief, top_level
from mockinterviewer.ui import dialogs
from mockinterviewer.ui.capture.answer_capture import Capture
from mockinterviewer.ui.loop.loop_screen import LoopScreen
from mockinterviewer.ui.services import Services


def _story(sid: str) -> str:
    s = load_library().by_id(sid)
    assert s is not None
    return " ".join(seg.strong_example for seg in s.segments)


@pytest.fixture
def screen(qtbot):
    store = HistoryStore()
    services = Services(transcriber=FakeTranscriber(), speaker=FakeSpeaker(), store=store,
                        source_factory=tone_source_factory(seconds=30.0),
                        library=load_library())
    view = LoopScreen(services, Settings())
    qtbot.addWidget(view)
    view.resize(1000, 680)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    view.show_setup()
    yield view, store
    view.shutdown()
    store.close()


def _answer(qtbot, screen: LoopScreen, text: str) -> None:
    """Waits for recording, then hands the capture this answer's words (as Whisper would)."""
    view = screen.view
    qtbot.waitUntil(lambda: view.capture.state == "recording", timeout=15000)
    path = view.capture.path or Path("answer.wav")
    view.capture.cancel()
    # the cancelled recording winds down first (its late result is dropped), as after Enter
    qtbot.waitUntil(lambda: view.capture._runner is None, timeout=15000)
    words = words_from_text(text)
    view.capture.captured.emit(Capture(path, words, (), words[-1].end))


def test_setup_shows_the_budget_and_draws_a_surprise_loop(screen, qtbot, artifacts) -> None:
    view, _store = screen
    setup = view.setup
    assert not setup.start_button.isEnabled()
    setup.tick(["ownership", "dive-deep"])
    lib = load_library()
    want = loop_budget([lib.by_id("ownership"), lib.by_id("dive-deep")], "sde2", None)
    m, s = divmod(int(want), 60)
    assert f"{m}:{s:02d}" in setup.budget.text() and setup.start_button.isEnabled()
    setup.list.setFocus()
    setup.list.setCurrentRow(2)
    qtbot.keyClick(setup.list, Qt.Key.Key_Space)  # Space ticks the highlighted principle
    assert len(setup.chosen()) == 3
    setup.set_history({sc.id: 9 for sc in lib.scenarios}, {sc.id: "Strong Hire"
                                                           for sc in lib.scenarios})
    setup.practised["frugality"] = 0
    setup.latest["frugality"] = None
    setup.count.setValue(3)
    setup.surprise()
    assert len(setup.chosen()) == 3
    shoot(view, artifacts, "loop-setup")
    with dark_palette():
        view.setPalette(view.palette())
        shoot(view, artifacts, "loop-setup-dark")
    assert setup.plan() == LoopPlan(tuple(sc.id for sc in setup.chosen()), "sde2", None)


def test_a_two_question_loop_with_the_keyboard_and_its_debrief(screen, qtbot, artifacts) -> None:
    view, store = screen
    setup = view.setup
    setup.tick(["ownership", "dive-deep"])
    first, second = (s.id for s in setup.chosen())  # asked in the list's order
    p1, p2 = (load_library().by_id(i).principle for i in (first, second))
    setup.probes.setCurrentIndex(2)  # one follow-up per question
    qtbot.keyClick(setup.list, Qt.Key.Key_Return)
    loop = view.view
    qtbot.waitUntil(lambda: loop.capture.state == "recording", timeout=15000)
    assert loop.progress.text().startswith("Question 1 of 2")
    assert loop.question.text() in load_library().by_id(first).prompts
    qtbot.keyClick(loop, Qt.Key.Key_Space)  # marks the next segment
    assert len(loop.capture.marks) == 1
    shoot(view, artifacts, "loop-question")
    with dark_palette():
        view.setPalette(view.palette())
        shoot(view, artifacts, "loop-question-dark")
    _answer(qtbot, view, _story("ownership"))
    qtbot.waitUntil(lambda: loop.phase == "probe", timeout=30000)
    assert loop.question.text().startswith("Follow-up: ")
    assert "Strong Hire" not in loop.status.text()  # no report between questions
    _answer(qtbot, view, "I checked the alert every week for a month and it fired twice.")
    qtbot.waitUntil(lambda: loop.progress.text().startswith("Question 2 of 2"), timeout=30000)
    _answer(qtbot, view, _story("ownership").replace("I was the on-call", "So I was the on-call"))
    qtbot.waitUntil(lambda: loop.phase == "probe", timeout=30000)
    with qtbot.waitSignal(loop.finished, timeout=60000):
        _answer(qtbot, view, "I would have asked the owning team first.")
    debrief = view.debrief
    assert view.pages.currentWidget() is debrief
    d = debrief.debrief
    assert d is not None and len(d.rows) == 2 and len(d.reuse) == 1
    assert p1 in debrief.reuse.text() and p2 in debrief.reuse.text()
    assert d.reuse[0].shared and d.reuse[0].shared[0].detail in debrief.reuse.text()
    assert f"Tell a different story for {p2}" in debrief.one_thing.text()
    (row,) = top_level(store.list())
    assert row.mode == "loop" and row.status == "done" and stored_debrief(row) == d
    answers = store.loop_answers(row.id)
    assert [a.scenario_id for a in answers] == [first, second]
    assert all(len(a.analysis.probe_answers) == 1 for a in answers)
    debrief.rows.setFocus()
    with qtbot.waitSignal(view.report_requested) as got:
        qtbot.keyClick(debrief.rows, Qt.Key.Key_Return)
    assert got.args == [answers[0].id]
    out = debrief.export(artifacts / "loop-debrief.md")
    assert "## Story reuse" in out.read_text(encoding="utf-8")
    shoot(view, artifacts, "loop-debrief")
    with dark_palette():
        view.setPalette(view.palette())
        shoot(view, artifacts, "loop-debrief-dark")


def test_escape_ends_the_loop_early_and_debriefs_what_was_answered(screen, qtbot,
                                                                   monkeypatch) -> None:
    view, store = screen
    monkeypatch.setattr(dialogs, "confirm", lambda *_a, **_k: True)
    view.start(LoopPlan(("ownership", "dive-deep", "frugality"), "sde1", 0))
    loop = view.view
    _answer(qtbot, view, _story("ownership"))
    qtbot.waitUntil(lambda: loop.progress.text().startswith("Question 2 of 3"), timeout=30000)
    qtbot.waitUntil(lambda: loop.capture.state == "recording", timeout=15000)
    with qtbot.waitSignal(loop.finished, timeout=30000):
        qtbot.keyClick(loop, Qt.Key.Key_Escape)
    d = view.debrief.debrief
    assert d is not None and len(d.rows) == 1 and d.planned == 3
    assert "1 of 3 answered" in view.debrief.reading.text()
    (row,) = top_level(store.list())
    assert [a.status for a in store.loop_answers(row.id)] == ["done", "abandoned"]


def test_history_opens_a_loop_on_its_debrief_and_home_has_a_loop_button(qtbot, artifacts,
                                                                         tmp_path) -> None:
    from ui_fakes import make_services

    from mockinterviewer.ui.main_window import MainWindow

    store = HistoryStore()
    window = MainWindow(Settings(), make_services(store=store), load_model=False)
    qtbot.addWidget(window)
    window.resize(1100, 720)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    shoot(window, artifacts, "home-with-loop")
    with dark_palette():
        window.setPalette(window.palette())
        shoot(window, artifacts, "home-with-loop-dark")
    window.home.tree.setFocus()
    with qtbot.waitSignal(window.home.loop_requested, timeout=3000):  # a mnemonic clicks later
        qtbot.keyClick(window.home.tree, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    assert window.current_screen() == "loop"
    screen = window.screens["loop"]
    assert screen.pages.currentWidget() is screen.setup
    from mockinterviewer.store.loops import start_loop

    loop_id = start_loop(store, LoopPlan(("ownership", "dive-deep"), "sde2"),
                         ["Ownership", "Dive Deep"], "m")
    lib = load_library()
    from mockinterviewer.coach import analyze_text

    aid = store.start_attempt("ownership", "Ownership", "sde2", "loop-answer", "q", None, "m",
                              loop_id=loop_id)
    store.finish_attempt(aid, analyze_text(_story("ownership"), lib.by_id("ownership")))
    window.show_screen("history")  # History lists the loop, not the answer inside it
    history = window.screens["history"]
    assert history.model.rowCount() == 1 and history.model.attempt(0).mode == "loop"
    out = tmp_path / "loop.html"
    history.choose_file = lambda *_a: out
    assert history.select_attempt(loop_id) and history.export_selected() == out
    assert "Story reuse" in out.read_text(encoding="utf-8")
    window.show_screen("coverage")  # Coverage counts the loop's answer
    counts = {r.principle_id: r.attempts for r in window.screens["coverage"].rows}
    assert counts["ownership"] == 1 and sum(counts.values()) == 1
    window.reports.open_attempt(loop_id)  # what History's Enter does
    assert window.current_screen() == "loop" and screen.pages.currentWidget() is screen.debrief
    assert "1 of 2 answered" in screen.debrief.reading.text()
    store.close()
