"""Practice that comes back when due: Home's "Due today" and the question bank's Due column and
sort, read from a real history (issue 17)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import numpy as np
import pytest
from history_support import timed_analysis
from PySide6.QtCore import Qt
from ui_fakes import dark_palette, shoot
from ui_flow_support import FileSources, InstantSpeaker, close_boxes

from mockinterviewer.content.library import load_library
from mockinterviewer.settings import Settings
from mockinterviewer.store import HistoryStore
from mockinterviewer.store.due import due_from_store
from mockinterviewer.ui.main_window import MainWindow
from mockinterviewer.ui.question_bank import QuestionBankView
from mockinterviewer.ui.services import Services


def _answer(store: HistoryStore, scenario_id: str, prompt: str, verdict: str,
            days_ago: float) -> None:
    scenario = load_library().by_id(scenario_id)
    aid = store.start_attempt(scenario.id, scenario.principle, "sde2", "rehearse", prompt, None,
                              "tiny.en")
    store.finish_attempt(aid, timed_analysis(scenario, {"situation": 30}, verdict=verdict))
    when = datetime.now(UTC) - timedelta(days=days_ago)
    store._conn.execute("UPDATE attempts SET created_at = ? WHERE id = ?",
                        (when.isoformat(timespec="microseconds"), aid))


@pytest.fixture
def history() -> tuple[HistoryStore, str, str]:
    """A weak answer five days ago (4 days overdue), another weak one two days ago (1 day
    overdue), and a strong one today (due in two weeks)."""
    library = load_library()
    own = library.by_id("ownership")
    cust = library.by_id("customer-obsession")
    store = HistoryStore()
    _answer(store, own.id, own.prompts[0], "No Hire", 5)
    _answer(store, cust.id, cust.prompts[0], "Leaning No Hire", 2)
    _answer(store, cust.id, cust.prompts[1], "Strong Hire", 0)
    return store, own.prompts[0], cust.prompts[1]


def test_home_shows_due_today_and_rehearses_the_most_overdue(qtbot, history,
                                                              artifacts) -> None:
    store, overdue, _strong = history
    services = Services(speaker=InstantSpeaker(), store=store, library=load_library(),
                        source_factory=FileSources([np.zeros(16000, np.float32)] * 3))
    w = MainWindow(Settings(), services, load_model=False)
    qtbot.addWidget(w, before_close_func=close_boxes)
    w.resize(1180, 800)
    w.show()
    panel = w.home.due_panel
    assert panel.count_label.text() == "Due today: 2"
    assert "4 days overdue" in panel.detail.text() and overdue in panel.detail.text()
    shoot(w, artifacts, "home-due")
    with dark_palette():
        shoot(w, artifacts, "home-due-dark")
    with qtbot.waitSignal(panel.rehearse_requested) as asked:
        panel.button.click()
    assert asked.args == ["ownership", overdue]
    assert w.current_screen() == "rehearse"
    assert w.screens["rehearse"].session.prompt == overdue
    w.screens["rehearse"].shutdown()


def test_home_with_nothing_due_says_what_comes_next(qtbot) -> None:
    store = HistoryStore()
    own = load_library().by_id("ownership")
    _answer(store, own.id, own.prompts[0], "Hire", 1)
    w = MainWindow(Settings(), Services(store=store, library=load_library()), load_model=False)
    qtbot.addWidget(w, before_close_func=close_boxes)
    panel = w.home.due_panel
    assert panel.count_label.text() == "Due today: 0"
    assert not panel.button.isEnabled()
    assert "in 3 days" in panel.detail.text()


def test_question_bank_due_column_and_sort(qtbot, history, artifacts) -> None:
    store, overdue, strong = history
    today = date.today()
    stats = {p: (st.count, st.best_verdict) for p, st in store.prompt_stats().items()}
    view = QuestionBankView(load_library().scenarios, lambda: stats,
                            due_provider=lambda: due_from_store(store), today=lambda: today)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    assert view.tree.headerItem().text(3) == "Due"
    rows = {view.tree.topLevelItem(i).child(j).data(0, Qt.ItemDataRole.UserRole)[1]:
            view.tree.topLevelItem(i).child(j)
            for i in range(view.tree.topLevelItemCount())
            for j in range(view.tree.topLevelItem(i).childCount())}
    assert rows[overdue].text(3) == "4 days overdue"
    assert rows[strong].text(3) == "in 14 days"
    assert rows[overdue].text(1) == "1×" and rows[overdue].text(2) == "No Hire"
    view.set_sort_order("due")
    groups = [view.tree.topLevelItem(i).text(0) for i in range(view.tree.topLevelItemCount())]
    assert groups == ["Due now", "Coming up", "Not practised yet"]
    due_now = view.tree.topLevelItem(0)
    assert [due_now.child(j).data(0, Qt.ItemDataRole.UserRole)[1]
            for j in range(due_now.childCount())][0] == overdue
    assert due_now.childCount() == 2
    assert view.tree.topLevelItem(1).child(0).data(0, Qt.ItemDataRole.UserRole)[1] == strong
    view.select("ownership", overdue)
    assert view.detail.text().startswith("Ownership: ")
    shoot(view, artifacts, "question-bank-due")
    with dark_palette():
        shoot(view, artifacts, "question-bank-due-dark")
    view.set_sort_order("principle")
    assert view.tree.topLevelItem(0).text(0) not in ("Due now", "Coming up")


