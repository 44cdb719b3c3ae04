"""A loop sat through with the keyboard alone: two questions, each with one follow-up, every key of
the question screen pressed and what it did checked.

The keys are the shared ones of ``CaptureScreen`` (as in Rehearse); this drives them on the Loop
screen. Real parts: the capture and its recording thread, the streaming transcriber, the file audio
source, the analysis, SQLite history and the debrief; fakes: a transcriber that hears one word per
stretch of sound and a speaker that holds each question until it is stopped (so Space can cut it
short).
"""

from __future__ import annotations

import threading

import pytest
from fake_engines import EchoEngine
from PySide6.QtCore import Qt
from ui_fakes import dark_palette, shoot, tone_source_factory
from ui_flow_support import InstantSpeaker

from mockinterviewer.content.library import load_library
from mockinterviewer.content.model import SEGMENT_LABELS
from mockinterviewer.settings import Settings
from mockinterviewer.store import HistoryStore
from mockinterviewer.store.loops import top_level
from mockinterviewer.ui import dialogs
from mockinterviewer.ui.loop.loop_screen import LoopScreen
from mockinterviewer.ui.services import Services
from mockinterviewer.ui.widgets.star_strip import format_seconds


class HeldSpeaker(InstantSpeaker):
    """Says each question until it is stopped while :attr:`hold` is set; at once otherwise."""

    def __init__(self) -> None:
        super().__init__()
        self.hold = True
        self._stopped = threading.Event()

    def speak(self, text: str) -> None:
        self._stopped.clear()
        super().speak(text)

    def wait(self, timeout: float | None = None) -> bool:
        return self._stopped.wait(timeout) if self.hold else True

    def stop(self) -> None:
        super().stop()
        self._stopped.set()


@pytest.fixture
def loop_screen(qtbot):
    store = HistoryStore()
    speaker = HeldSpeaker()
    services = Services(transcriber=EchoEngine(), speaker=speaker, store=store,
                        source_factory=tone_source_factory(seconds=160.0),
                        library=load_library())
    screen = LoopScreen(services, Settings())
    qtbot.addWidget(screen)
    screen.resize(1000, 680)
    with qtbot.waitActive(screen):
        screen.show()
        screen.activateWindow()
    screen.show_setup()
    yield screen, speaker, store
    speaker.hold = False
    speaker.stop()
    screen.shutdown()
    store.close()


def _recording(qtbot, view) -> None:
    qtbot.waitUntil(lambda: view.capture.state == "recording", timeout=15000)


def test_a_two_question_loop_by_keyboard_alone(loop_screen, qtbot, monkeypatch,
                                               artifacts) -> None:
    screen, speaker, store = loop_screen
    setup = screen.setup
    setup.list.setFocus()
    qtbot.keyClick(setup.list, Qt.Key.Key_Space)  # ticks the first principle
    qtbot.keyClick(setup.list, Qt.Key.Key_Down)
    qtbot.keyClick(setup.list, Qt.Key.Key_Space)  # and the second
    first, second = (s.id for s in setup.chosen())
    setup.probes.setFocus()
    qtbot.keyClick(setup.probes, Qt.Key.Key_Down)
    qtbot.keyClick(setup.probes, Qt.Key.Key_Down)
    assert setup.probes.currentData() == 1  # one follow-up per question
    qtbot.keyClick(setup.probes, Qt.Key.Key_Return)  # Enter starts the loop
    view = screen.view
    assert screen.pages.currentWidget() is view
    lib = load_library()

    # Question 1: it is being said; Space cuts it short and starts the answer.
    qtbot.waitUntil(lambda: view.capture.state == "speaking", timeout=5000)
    assert view.progress.text().startswith("Question 1 of 2")
    assert view.question.text() in lib.by_id(first).prompts
    qtbot.waitUntil(lambda: speaker.spoken == [view.question.text()], timeout=5000)
    assert view.buttons["next"].text() == "Start answering (Space)"
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert speaker.stopped >= 1, "Space stops the question being said"
    _recording(qtbot, view)
    assert view.buttons["next"].text() == "Next segment (Space)"
    assert "Space marks the next segment" in view.status.text()
    speaker.hold = False

    # P pauses (the clock stops) and P again goes on.
    qtbot.waitUntil(lambda: view.capture.elapsed > 1.0, timeout=10000)
    qtbot.keyClick(view, Qt.Key.Key_P)
    assert view.capture.state == "paused" and view.status.text() == "Paused. Press P to go on."
    assert view.buttons["pause"].text() == "Resume (P)"
    frozen, source = view.capture.elapsed, view.capture._source
    qtbot.waitUntil(lambda: source.paused_samples > 8000, timeout=10000)
    assert view.capture.elapsed == pytest.approx(frozen), "the clock stops while paused"
    qtbot.keyClick(view, Qt.Key.Key_P)
    assert view.capture.state == "recording" and view.buttons["pause"].text() == "Pause (P)"

    # R says the question again (the answer pauses meanwhile, then goes on).
    qtbot.keyClick(view, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: len(speaker.spoken) == 2 and view.capture.state == "recording",
                    timeout=10000)
    assert speaker.spoken[1] == speaker.spoken[0]

    # Space marks the STAR segments, one per press, up to the last one.
    qtbot.waitUntil(lambda: view.capture.elapsed > 2.0, timeout=10000)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert len(view.capture.marks) == 1 and view.strip.current == "task"
    for _ in range(len(SEGMENT_LABELS)):
        qtbot.keyClick(view, Qt.Key.Key_Space)
    assert len(view.capture.marks) == len(SEGMENT_LABELS) - 1, "no mark past the last segment"
    assert view.strip.current == SEGMENT_LABELS[-1]
    budget = format_seconds(lib.by_id(first).budget_for(view.plan.level))
    assert view.clock.text().endswith(f" / {budget}"), "the answer's clock against its budget"

    # Esc asks first; "Keep going" goes on with the answer.
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: asked.append(a[2]) or False)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert asked and "Nothing has been answered yet" in asked[0]
    assert view.capture.state == "recording" and view.phase == "answer"

    # Enter ends the answer; no report follows, only its follow-up, asked aloud.
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.capture.state == "finishing"
    qtbot.waitUntil(lambda: view.phase == "probe", timeout=30000)
    assert view.clock.text().startswith("Follow-up answer "), "not the answer's clock"
    probe_question = view.question.text().removeprefix("Follow-up: ")
    assert view.question.text().startswith("Follow-up: ")
    qtbot.waitUntil(lambda: speaker.spoken[-1] == probe_question, timeout=5000)  # said aloud
    assert view.progress.text().startswith("Question 1 of 2") and view.strip.isHidden()
    assert "Hire" not in view.status.text()
    _recording(qtbot, view)
    assert "follow-up" in view.status.text()
    shoot(screen, artifacts, "loop-follow-up")
    with dark_palette():
        screen.setPalette(screen.palette())
        shoot(screen, artifacts, "loop-follow-up-dark")
    assert not view.buttons["next"].isEnabled()
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert view.capture.marks == [], "a follow-up answer has no segments"
    qtbot.waitUntil(lambda: view.capture.elapsed > 1.0, timeout=10000)
    qtbot.waitUntil(lambda: view.clock.text().startswith("Follow-up answer ")
                    and not view.clock.text().endswith(" 0:00"), timeout=5000)
    qtbot.keyClick(view, Qt.Key.Key_Enter)  # the keypad's Enter ends it too

    # Question 2: answered, then its follow-up; Esc asks again (now one answer would be kept).
    qtbot.waitUntil(lambda: view.progress.text().startswith("Question 2 of 2"), timeout=30000)
    assert view.question.text() in lib.by_id(second).prompts and view.strip.isVisible()
    assert view.capture.marks == []
    _recording(qtbot, view)
    qtbot.waitUntil(lambda: view.capture.elapsed > 1.0, timeout=10000)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.phase == "probe", timeout=30000)
    _recording(qtbot, view)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert "The 2 answered questions are kept" in asked[-1] and view.phase == "probe"
    assert view.capture.state == "recording", "Keep going: the follow-up answer goes on"
    qtbot.waitUntil(lambda: view.capture.elapsed > 1.0, timeout=10000)
    with qtbot.waitSignal(view.finished, timeout=60000):
        qtbot.keyClick(view, Qt.Key.Key_Return)

    assert screen.pages.currentWidget() is screen.debrief
    d = screen.debrief.debrief
    assert d is not None and len(d.rows) == 2 and d.planned == 2
    (row,) = top_level(store.list())
    answers = store.loop_answers(row.id)
    assert row.mode == "loop" and row.status == "done"
    assert [a.scenario_id for a in answers] == [first, second]
    assert all(a.status == "done" and len(a.analysis.probe_answers) == 1 for a in answers)
    qtbot.keyClick(view, Qt.Key.Key_Escape)  # the keys rest once the loop is over
    assert len(asked) == 2


def test_escape_in_a_follow_up_ends_the_loop_keeping_that_answer(loop_screen, qtbot,
                                                                 monkeypatch) -> None:
    from mockinterviewer.coach.loop import LoopPlan

    screen, speaker, store = loop_screen
    speaker.hold = False
    monkeypatch.setattr(dialogs, "confirm", lambda *_a, **_k: True)
    screen.start(LoopPlan(("ownership", "dive-deep", "frugality"), "sde1", 1))
    view = screen.view
    _recording(qtbot, view)
    qtbot.waitUntil(lambda: view.capture.elapsed > 1.0, timeout=10000)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.phase == "probe", timeout=30000)
    _recording(qtbot, view)
    qtbot.waitUntil(lambda: view.capture.elapsed > 1.0, timeout=10000)
    with qtbot.waitSignal(view.finished, timeout=30000):
        qtbot.keyClick(view, Qt.Key.Key_Escape)
    d = screen.debrief.debrief
    assert d is not None and len(d.rows) == 1 and d.planned == 3
    (row,) = top_level(store.list())
    (answer,) = store.loop_answers(row.id)
    assert answer.scenario_id == "ownership" and answer.status == "done"
