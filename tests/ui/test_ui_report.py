"""The Report screen, filled from the real coaching engine's analysis of a weak answer.

Checks the verdict and reasons, the timeline rows, the metrics, the findings with the user's
quoted words (clicking or pressing a finding plays the recording from that moment, off the UI
thread), the coloured transcript, the side-by-side comparison, the follow-ups, Retry and Next,
and saves screenshots in the light and dark palettes.
"""

from __future__ import annotations

import html
import threading
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from ui_fakes import dark_palette, shoot

from mockinterviewer.audio.recorder import WavRecorder
from mockinterviewer.coach.engine import analyze, with_probe_answers
from mockinterviewer.coach.probes import analyze_probe_answer
from mockinterviewer.coach.reason_text import plain_reasons
from mockinterviewer.coach.text import words_from_text
from mockinterviewer.content.library import load_library
from mockinterviewer.store import HistoryStore
from mockinterviewer.ui.capture import audio_out
from mockinterviewer.ui.report.finding_card import highlight_phrases
from mockinterviewer.ui.report.report_view import ReportView
from mockinterviewer.ui.services import Services

WEAK = ("While working on another project I noticed the webhook service was dropping deliveries. "
        "My manager asked me to look into it. We looked at the logs together and we found the "
        "missing retry path, then we wrote a fix and shipped it. After that things got a lot "
        "better and the customers were happy. Looking back, communication is important.")


class SpyPlayer:
    """Stands in for the sound device: records what it was asked to play and on which thread."""

    is_playing = False
    position = 0.0

    def __init__(self) -> None:
        self.played: list[tuple[Path, float, str]] = []
        self.event = threading.Event()

    def play_file(self, path: Path, start: float = 0.0) -> None:
        self.played.append((Path(path), start, threading.current_thread().name))
        self.event.set()

    def play_array(self, audio: np.ndarray, sample_rate: int) -> None:
        self.played.append((Path("<array>"), 0.0, threading.current_thread().name))

    def stop(self) -> None:
        pass


@pytest.fixture(scope="module")
def analysis():
    scenario = load_library().by_id("customer-obsession")
    words = words_from_text(WEAK)
    a = analyze(words, scenario, "sde2", marks=[8.0, 11.0, 22.0, 29.0])
    probe = scenario.probe(a.probes[0].id)
    answer = analyze_probe_answer(words_from_text("I sent them a message and they handled it."),
                                  probe, scenario)
    return with_probe_answers(a, [answer])


@pytest.fixture
def recording(tmp_path: Path) -> Path:
    path = tmp_path / "answer.wav"
    with WavRecorder(path) as rec:
        rec.write(np.zeros(40 * 16000, dtype=np.float32))
    return path


def _report(qtbot, services: Services, analysis, recording: Path) -> ReportView:
    view = ReportView(services)
    qtbot.addWidget(view)
    view.resize(1100, 760)
    with qtbot.waitSignal(view.filled, timeout=10000):  # cards are built over a few turns
        view.show_analysis(analysis, recordings={"answer": recording})
        assert view.filling
    with qtbot.waitExposed(view):
        view.show()
    qtbot.waitUntil(lambda: all(c.isVisible() for c in view.cards), timeout=5000)  # a few a turn
    return view


def test_report_shows_verdict_timeline_findings_and_plays(qtbot, analysis, recording,
                                                          artifacts) -> None:
    spy = SpyPlayer()
    services = Services(player=spy, library=load_library())
    view = _report(qtbot, services, analysis, recording)
    assert view.verdict.text() == analysis.verdict
    for reason in plain_reasons(analysis.verdict_reasons)[:2]:
        assert html.escape(reason.split(" You said")[0], quote=False)[:20] in view.reasons.text()
    for finding in analysis.findings:  # sentences, never finding ids or weights
        assert finding.id not in view.reasons.text()
    assert "(+" not in view.reasons.text()
    assert [b.label for b in view.chart.bars] == [s.label for s in analysis.segments]
    assert "Action:" in view.chart.accessibleDescription()
    assert view.metric_labels["pace"].text().endswith("words/min")
    ids = [c.finding.id for c in view.cards]
    assert "action.we_language" in ids and "initiation.assigned" in ids
    assert any(i.startswith("probe.") for i in ids), "follow-up findings are listed too"
    card = next(c for c in view.cards if c.finding.id == "action.we_language")
    assert "we found the missing retry path" in card.quote.text().lower()
    assert card.play_button is not None and card.play_button.isVisible()
    # click on the card's text: plays from the finding's moment, off the UI thread
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton, pos=QPoint(8, card.height() - 8))
    qtbot.waitUntil(lambda: len(spy.played) == 1, timeout=5000)
    path, start, thread = spy.played[0]
    assert path == recording and start == pytest.approx(card.finding.start)
    assert thread != threading.current_thread().name
    assert "Playing from" in view.status.text()
    # keyboard: Tab to the button, Space activates it
    card.play_button.setFocus()
    qtbot.keyClick(card.play_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(spy.played) == 2, timeout=5000)
    assert card.play_button.accessibleName().startswith("Play your words at")
    shoot(view, artifacts, "report-weak")
    with dark_palette():
        with qtbot.waitSignal(view.filled, timeout=10000):
            view.show_analysis(analysis, recordings={"answer": recording})
        # new cards are shown and laid out over the next event-loop turns
        assert len(view.cards) == len(ids)
        qtbot.waitUntil(lambda: all(c.isVisible() and c.height() > 2 * c.fontMetrics().height()
                                    for c in view.cards), timeout=5000)
        shoot(view, artifacts, "report-weak-dark")


def test_report_transcript_compare_probes_and_buttons(qtbot, analysis, recording) -> None:
    view = _report(qtbot, Services(library=load_library()), analysis, recording)
    html = view.transcript.toHtml()
    assert "Situation" in html and "Action" in html
    view.segment_combo.setCurrentIndex(view.segment_combo.findData("action"))
    assert "we found the missing retry path" in view.mine.toPlainText().lower()
    assert "I pulled a week of delivery logs" in view.strong.toPlainText()
    assert "Coaching" in view.strong.toPlainText()
    probes = view.probes.toPlainText()
    assert analysis.probes[0].question in probes and "I sent them a message" in probes
    with qtbot.waitSignal(view.retry_requested) as retry:
        view.retry_button.click()
    assert retry.args == ["customer-obsession"]
    with qtbot.waitSignal(view.next_requested) as nxt:
        qtbot.keyClick(view, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
    assert nxt.args == ["customer-obsession"]


def test_playback_problems_become_messages(qtbot, analysis, recording, tmp_path) -> None:
    assert "no longer on disk" in audio_out.play_file(SpyPlayer(), tmp_path / "gone.wav", 3.0)
    assert "No sound output" in audio_out.play_file(None, recording, 3.0)
    view = _report(qtbot, Services(library=load_library()), analysis, recording)
    view.play(5.0)
    assert "No sound output" in view.status.text()
    # a report from history finds its recordings through the store
    store = HistoryStore()
    attempt = store.start_attempt("customer-obsession", "Customer Obsession", "sde2", "rehearse",
                                  "q", recording, "tiny.en")
    store.finish_attempt(attempt, analysis)
    stored = ReportView(Services(store=store, library=load_library()))
    qtbot.addWidget(stored)
    stored.show_analysis(analysis, attempt_id=attempt)
    assert stored.recordings == {"answer": recording}


def test_report_highlights_the_screen_it_belongs_to(qtbot, analysis, artifacts) -> None:
    """The report is not in the navigation: the entry it belongs to (Rehearse after a
    rehearsal, Drill for a drill's report) is highlighted while it shows, and a click on that
    entry goes back to its screen."""
    from ui_fakes import make_services

    from mockinterviewer.settings import Settings
    from mockinterviewer.ui.main_window import SCREENS, MainWindow

    window = MainWindow(Settings(), make_services(HistoryStore()), load_model=False)
    qtbot.addWidget(window)
    window.resize(1180, 800)
    window.show()
    keys = [k for k, _l, _t in SCREENS]
    window.show_screen("history")
    window.screens["rehearse"].report_ready.emit(analysis, None, {})  # a rehearsal ended
    qtbot.waitUntil(lambda: window.current_screen() == "report", timeout=10000)
    assert not window.report_page.filling, "shown once its findings are built"
    assert window.nav.currentRow() == keys.index("rehearse")
    item = window.nav.currentItem()
    assert item.isSelected() and item.text() == "Rehearse"
    shoot(window, artifacts, "report-nav-rehearse")
    with dark_palette():
        QApplication.processEvents()
        shoot(window, artifacts, "report-nav-rehearse-dark")
    # a drill try opened from History: its report belongs to Drill
    window.show_screen("history")
    window.reports.open_attempt(_drill_attempt(window.services.store, "segment"))
    qtbot.waitUntil(lambda: window.current_screen() == "report", timeout=10000)
    assert window.nav.currentRow() == keys.index("drill")
    assert window.nav.currentItem().text() == "Drill"
    report = window.report_page
    assert report.title.text().startswith("Drill · Reflection")
    assert report.verdict.text() == "Too short"
    assert [(b.label, b.target) for b in report.chart.bars] == [("reflection", 15.0)]
    assert "alerting" in report.mine.toPlainText()
    assert "Target 15 s" in report.strong.toPlainText()
    shoot(window, artifacts, "report-drill-segment")
    window.reports.open_attempt(_drill_attempt(window.services.store, "probe"))
    qtbot.waitUntil(lambda: not report.filling and bool(report.cards), timeout=10000)
    assert report.title.text().startswith("Drill · Follow-up") and not report.chart.isVisible()
    assert all(c.finding.id.startswith("probe.") for c in report.cards)
    with dark_palette():
        QApplication.processEvents()
        shoot(window, artifacts, "report-drill-probe-dark")
    # Retry goes back to the drill it came from (the follow-up drill here); the highlighted
    # entry leads to its screen
    report.retry_button.click()
    assert window.current_screen() == "drill"
    assert window.screens["drill"].kind == "probe"
    window.reports.open_attempt(_drill_attempt(window.services.store, "segment"))
    qtbot.waitUntil(lambda: window.current_screen() == "report", timeout=10000)
    rect = window.nav.visualItemRect(window.nav.currentItem())
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_screen() == "drill"
    window.show_screen("home")
    assert window.nav.currentRow() == keys.index("home") and window.current_screen() == "home"


def _drill_attempt(store: HistoryStore, kind: str) -> int:
    """A drill try saved the way the Drill screen saves one (real coaching of a typed answer)."""
    from mockinterviewer.store import drill_records as drill_record

    scenario = load_library().by_id("customer-obsession")
    if kind == "segment":
        words = words_from_text("Looking back I learned that cross team alerting needs an owner.")
        mode, detail, prompt = drill_record.SEGMENT_MODE, "reflection", "Tell the reflection"
        result = drill_record.segment_result(words, "reflection", 15.0, 0.2)
    else:
        probe = scenario.probes[0]
        words = words_from_text("I sent them a message and they handled it.")
        mode, detail, prompt = drill_record.PROBE_MODE, probe.id, probe.question
        result = drill_record.probe_result(words, analyze_probe_answer(words, probe, scenario))
    history = drill_record.DrillHistory(store)
    attempt_id, problem = history.start(mode, scenario, "sde2", prompt, Path("/nonexistent.wav"),
                                        detail, "tiny.en")
    assert attempt_id is not None and problem == ""
    assert history.finish(attempt_id, result) == ""
    return attempt_id


def test_highlight_phrases_escapes_and_marks() -> None:
    out = highlight_phrases("I noticed <b> the drop; no alert", ["I noticed", "no alert"], "#ff0")
    assert "&lt;b&gt;" in out
    assert out.count("background-color:#ff0") == 2


SAYS_NOTHING_OF_WHOSE_IDEA = (
    "My neighbour's allotment kept flooding every autumn and half the plots were under water. "
    "Me and two other plot holders dug a trench along the bottom path and lined it with gravel. "
    "The plots stayed dry all last winter.")


def test_report_shows_a_handed_over_absence_without_quote_or_play(qtbot, recording,
                                                                    artifacts) -> None:
    """When nothing in the opening says whose idea the work was, "handed over" is a warning
    about an absence: the card quotes nothing and has no play button."""
    scenario = load_library().by_id("ownership")
    a = analyze(words_from_text(SAYS_NOTHING_OF_WHOSE_IDEA), scenario, "sde2")
    finding = next(f for f in a.findings if f.id == "initiation.assigned")
    assert finding.severity == "warning" and finding.evidence == ""
    view = _report(qtbot, Services(library=load_library()), a, recording)
    card = next(c for c in view.cards if c.finding.id == "initiation.assigned")
    assert "Nothing in your opening says whose idea" in card.finding.message
    assert card.quote is None and card.play_button is None
    shoot(view, artifacts, "report-handed-over-absence")
    with dark_palette():
        with qtbot.waitSignal(view.filled, timeout=10000):
            view.show_analysis(a, recordings={"answer": recording})
        qtbot.waitUntil(lambda: all(c.isVisible() for c in view.cards), timeout=5000)
        shoot(view, artifacts, "report-handed-over-absence-dark")
