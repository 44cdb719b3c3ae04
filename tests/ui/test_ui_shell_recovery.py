"""Start-up recovery of answers left unanalysed by a crash (real SQLite, real Whisper)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pulse import espeak_wav
from ui_fakes import make_services

from mockinterviewer.paths import app_paths, ensure
from mockinterviewer.settings import Settings
from mockinterviewer.store import HistoryStore
from mockinterviewer.ui import dialogs
from mockinterviewer.ui.main_window import MainWindow


def _crashed_attempt(store: HistoryStore, tmp: Path, scenario: str = "ownership") -> int:
    rec = ensure(app_paths().recordings) / f"{scenario}.wav"
    espeak_wav("I noticed the certificate had expired and nobody owned it, so I took it on. "
               "I wrote a script that renewed every certificate and the outages went to zero.",
               rec)
    return store.start_attempt(scenario, "Ownership", "sde2", "rehearse", "Tell me...", rec,
                               "tiny.en")


def _window(qtbot, store: HistoryStore, transcriber=None) -> MainWindow:
    w = MainWindow(Settings(), make_services(store=store, transcriber=transcriber),
                   load_model=False)
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.mark.slow
def test_unfinished_answer_is_analysed_at_start(qtbot, tmp_path) -> None:
    from mockinterviewer.stt.whisper import WhisperTranscriber

    store = HistoryStore()
    aid = _crashed_attempt(store, tmp_path)
    w = _window(qtbot, store, WhisperTranscriber())
    assert w.chrome.offer_recovery() is True
    box = w.chrome.recovery.box
    assert "1 recorded answer was not analysed" in box.text()
    with qtbot.waitSignal(w.chrome.recovery.finished, timeout=120000) as sig:
        w.chrome.recovery.analyse_button.click()
    assert sig.args == [1, 0]
    attempt = store.get(aid)
    assert attempt.status == "done" and attempt.verdict
    assert "certificate" in " ".join(str(x) for x in [attempt.report]).lower()
    assert w.home.select("ownership") and w.home.tree.currentItem().text(1) != "Not yet"
    assert any(b.windowTitle() == "Answers analysed" for b in dialogs.open_boxes())
    for b in dialogs.open_boxes():
        b.done(0)
    assert w.chrome.offer_recovery() is False  # nothing left to offer


def test_later_keeps_and_set_aside_stops_asking(qtbot, tmp_path) -> None:
    store = HistoryStore()
    aid = _crashed_attempt(store, tmp_path)
    w = _window(qtbot, store)
    assert w.chrome.offer_recovery()
    with qtbot.waitSignal(w.chrome.recovery.finished):
        w.chrome.recovery.later_button.click()
    assert store.get(aid).status == "unfinished"
    assert w.chrome.offer_recovery()
    with qtbot.waitSignal(w.chrome.recovery.finished):
        w.chrome.recovery.aside_button.click()
    assert store.get(aid).status == "abandoned" and store.get(aid).has_audio
    assert w.chrome.offer_recovery() is False


def test_missing_recording_or_scenario_is_explained(qtbot, tmp_path) -> None:
    store = HistoryStore()
    _crashed_attempt(store, tmp_path, "no-such-scenario")
    w = _window(qtbot, store)
    assert w.chrome.offer_recovery()
    with qtbot.waitSignal(w.chrome.recovery.finished, timeout=30000) as sig:
        w.chrome.recovery.analyse_button.click()
    assert sig.args == [0, 1]
    box = next(b for b in dialogs.open_boxes()
               if b.windowTitle() == "Some answers could not be analysed")
    assert "no longer exists" in box.informativeText() and "What to do" in box.informativeText()
    box.done(0)


def test_a_loop_cut_short_is_offered_and_debriefed_from_its_answers(qtbot) -> None:
    from mockinterviewer.coach import analyze_text
    from mockinterviewer.coach.loop import LoopPlan
    from mockinterviewer.content.library import load_library
    from mockinterviewer.store.loops import start_loop, stored_debrief

    store = HistoryStore()
    loop_id = start_loop(store, LoopPlan(("ownership", "dive-deep", "frugality"), "sde2"),
                         ["Ownership", "Dive Deep", "Frugality"], "tiny.en")
    own = load_library().by_id("ownership")
    aid = store.start_attempt("ownership", "Ownership", "sde2", "loop-answer", "q", None,
                              "tiny.en", loop_id=loop_id)
    store.finish_attempt(aid, analyze_text(" ".join(s.strong_example for s in own.segments), own))
    w = _window(qtbot, store)  # as after a crash during the second question
    assert w.chrome.offer_recovery() is True
    assert "1 mock interview loop ended before its debrief" in w.chrome.recovery.box.text()
    with qtbot.waitSignal(w.chrome.recovery.finished, timeout=30000) as sig:
        w.chrome.recovery.analyse_button.click()
    assert sig.args == [1, 0]
    loop = store.get(loop_id)
    d = stored_debrief(loop)
    assert loop.status == "done" and d is not None and len(d.rows) == 1 and d.planned == 3
    for b in dialogs.open_boxes():
        b.done(0)
    assert w.chrome.offer_recovery() is False
