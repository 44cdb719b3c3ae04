"""The report of an answer a fault cut short (issue 17): it says where and why, judges only the
part reached, gives no verdict for parts never reached, and offers Retry."""

from __future__ import annotations

import re

import numpy as np
import pytest
from coach_helpers import STRONG, speak
from ui_fakes import dark_palette, shoot

from mockinterviewer.audio.recorder import WavRecorder
from mockinterviewer.coach import Analysis, analyze
from mockinterviewer.content.library import load_library
from mockinterviewer.store import HistoryStore
from mockinterviewer.transcript import CutShort
from mockinterviewer.ui.report.report_view import ReportView
from mockinterviewer.ui.services import Services

DISK_FULL = ("Recording stopped because the disk is full. The first 29.4 s were kept in "
             "answer.wav. Free some space and record again.")


@pytest.fixture(scope="module")
def cut_analysis() -> Analysis:
    scenario = load_library().by_id("ownership")
    words, starts = speak(STRONG)
    cut_at = starts["action"] + 3.0
    kept = [w for w in words if w.end <= cut_at]
    return analyze(kept, scenario, cut_short=CutShort(cut_at, "disk", DISK_FULL))


def _show(qtbot, analysis: Analysis, tmp_path, attempt_id=None, store=None) -> ReportView:
    path = tmp_path / "answer.wav"
    with WavRecorder(path) as rec:
        rec.write(np.zeros(16000 * 5, dtype=np.float32))
    view = ReportView(Services(library=load_library(), store=store))
    qtbot.addWidget(view)
    view.resize(1100, 760)
    with qtbot.waitSignal(view.filled, timeout=10000):
        view.show_analysis(analysis, recordings={"answer": path}, attempt_id=attempt_id)
    with qtbot.waitExposed(view):
        view.show()
    return view


def test_cut_short_report_says_where_and_why_and_offers_retry(qtbot, cut_analysis, tmp_path,
                                                              artifacts) -> None:
    view = _show(qtbot, cut_analysis, tmp_path)
    assert view.cut_banner.isVisible()
    text = view.cut_banner.text()
    assert re.search(r"cut short at 0:\d\d because the disk was full", text), text
    assert "Result and Reflection" in text and "Retry" in text
    assert view.verdict.text() == "No verdict: cut short"
    assert "Hire" not in view.reasons.text()
    card_ids = [c.finding.id for c in view.cards]
    assert not [i for i in card_ids if i.startswith("segment.missing.")], card_ids
    assert view.retry_button.property("primary") == "true"
    status = {b.label: b.status for b in view.chart.bars}
    assert status["result"] == status["reflection"] == "not_reached"
    assert status["action"] == "cut"
    with qtbot.waitSignal(view.retry_requested) as retry:
        view.retry_button.click()
    assert retry.args == ["ownership"]
    shoot(view, artifacts, "report-cut-short")
    with dark_palette():
        with qtbot.waitSignal(view.filled, timeout=10000):
            view.show_analysis(cut_analysis, recordings=view.recordings)
        shoot(view, artifacts, "report-cut-short-dark")


def test_a_stored_cut_answer_reopens_as_cut_and_a_whole_one_has_no_banner(
        qtbot, cut_analysis, tmp_path) -> None:
    store = HistoryStore()
    aid = store.start_attempt("ownership", "Ownership", "sde2", "rehearse", "Tell me", None,
                              "tiny.en")
    store.finish_attempt(aid, cut_analysis)
    reread = Analysis.from_dict(store.get(aid).report)
    assert reread.cut_short is not None and reread.cut_short.reason == "disk"
    view = _show(qtbot, reread, tmp_path)
    assert view.cut_banner.isVisible()
    words, _ = speak(STRONG)
    view.show_analysis(analyze(words, load_library().by_id("ownership")))
    assert not view.cut_banner.isVisible()
    assert view.next_button.property("primary") == "true"


def test_finding_cards_name_the_finding_in_words_not_by_id(qtbot, cut_analysis,
                                                           tmp_path) -> None:
    from PySide6.QtWidgets import QLabel

    view = _show(qtbot, cut_analysis, tmp_path)
    assert view.cards
    for card in view.cards:
        text = " ".join(label.text() for label in card.findChildren(QLabel))
        assert card.finding.id not in text, text
