"""History, progress, coverage and compare widgets, offscreen with pytest-qt; screenshots saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from history_support import filled_store, seed_scenario, timed_analysis, write_wav
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from mockinterviewer.content.library import load_library
from mockinterviewer.paths import app_paths
from mockinterviewer.store import HistoryStore
from mockinterviewer.ui.history.compare_view import CompareView
from mockinterviewer.ui.history.coverage_view import CoverageView
from mockinterviewer.ui.history.history_view import ID_ROLE, HistoryView
from mockinterviewer.ui.history.progress_view import ProgressView


@pytest.fixture()
def store():
    s = filled_store(recordings=app_paths().recordings)
    yield s
    s.close()


def _column(view: HistoryView, col: int) -> list[str]:
    return [view.proxy.index(r, col).data() for r in range(view.proxy.rowCount())]


def test_history_table_sorts_filters_and_opens(qtbot, store: HistoryStore, artifacts: Path) -> None:
    view = HistoryView(store)
    qtbot.addWidget(view)
    view.resize(1000, 420)
    view.show()
    qtbot.waitExposed(view)
    assert view.proxy.rowCount() == 6
    assert view.count_label.text() == "6 attempts"
    # Newest first by default; sorting by verdict orders by rank, not alphabetically.
    newest = store.list()[0]
    assert view.proxy.index(0, 0).data(ID_ROLE) == newest.id
    view.table.sortByColumn(8, Qt.SortOrder.DescendingOrder)
    assert _column(view, 8)[:3] == ["Strong Hire", "Hire", "Hire"]
    view.table.sortByColumn(6, Qt.SortOrder.AscendingOrder)  # words/min as numbers
    wpm = [float(v) for v in _column(view, 6) if v != "-"]
    assert wpm == sorted(wpm)
    view.grab().save(str(artifacts / "history_view.png"))
    # Filters: free text, status.
    qtbot.keyClicks(view.search, "leaning")
    assert _column(view, 8) == ["Leaning No Hire"]
    assert view.count_label.text() == "1 of 6 attempts"
    view.search.clear()
    view.status_box.setCurrentIndex(view.status_box.findData("unfinished"))
    assert _column(view, 9) == ["unfinished"]
    view.status_box.setCurrentIndex(0)
    # Enter on a row asks to open it.
    target = store.list(status="done")[-1].id
    assert view.select_attempt(target)
    view.table.setFocus()
    with qtbot.waitSignal(view.open_attempt, timeout=2000) as blocker:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert blocker.args == [target]
    with qtbot.waitSignal(view.open_attempt, timeout=2000) as blocker:
        view.open_button.click()
    assert blocker.args == [target]


def test_history_delete_asks_first_and_removes_audio(qtbot, store: HistoryStore,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    view = HistoryView(store)
    qtbot.addWidget(view)
    victim = next(a for a in store.list() if a.recordings)
    wav = victim.recordings[0]
    assert wav.exists()
    asked: list[str] = []

    def answer(reply):
        def question(parent, title, text, *args):
            asked.append(text)
            return reply
        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    assert view.select_attempt(victim.id)
    assert not view.delete_selected()
    assert wav.exists() and store.get(victim.id)
    assert "cannot be undone" in asked[0] and "1 recording" in asked[0]
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    assert view.select_attempt(victim.id)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert len(asked) == 2
    assert not wav.exists()
    assert victim.id not in [a.id for a in store.list()]
    assert view.proxy.rowCount() == 5


def test_history_exports_from_the_table(qtbot, store: HistoryStore, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import csv

    view = HistoryView(store)
    qtbot.addWidget(view)
    target = store.list(status="done")[0]
    assert view.select_attempt(target.id)
    chosen = iter([tmp_path / "r.html", tmp_path / "r.md", tmp_path / "all.csv", None])
    monkeypatch.setattr(view, "choose_file", lambda *a: next(chosen))
    assert view.export_selected() == tmp_path / "r.html"
    assert "<svg" in (tmp_path / "r.html").read_text(encoding="utf-8")
    assert view.export_selected() == tmp_path / "r.md"
    assert f"## Verdict: {target.verdict}" in (tmp_path / "r.md").read_text(encoding="utf-8")
    view.export_all_button.click()
    with (tmp_path / "all.csv").open(newline="", encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == 6
    assert view.export_selected() is None  # cancelled


def test_history_empty_state(qtbot, artifacts: Path) -> None:
    store = HistoryStore()
    view = HistoryView(store)
    qtbot.addWidget(view)
    view.resize(800, 300)
    view.show()
    qtbot.waitExposed(view)
    assert view.empty_label.isVisible() and not view.open_button.isEnabled()
    view.grab().save(str(artifacts / "history_view_empty.png"))
    store.close()


def test_progress_charts(qtbot, store: HistoryStore, artifacts: Path) -> None:
    scenario = seed_scenario()
    # A second principle so the verdict chart has two series.
    other = next((s for s in load_library().scenarios if s.principle != scenario.principle), None)
    if other is not None:
        aid = store.start_attempt(other.id, other.principle, "sde2", "rehearse",
                                  other.prompts[0], None, "tiny.en")
        store.finish_attempt(aid, timed_analysis(other, {s.label: s.target_seconds
                                                         for s in other.segments},
                                                 verdict="Leaning No Hire"))
    view = ProgressView(store)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    qtbot.waitExposed(view)
    done = 6 if other is not None else 5
    assert len(view.shown_attempts()) == done
    view.scenario_box.setCurrentIndex(view.scenario_box.findData(scenario.id))
    shown = view.shown_attempts()
    assert len(shown) == 5
    # Seconds per segment: an actual and a target line for each of the five segments.
    segs = view.series(view.segment_plot)
    assert len(segs) == 10
    assert segs["situation"] == ([1, 2, 3, 4, 5], [70, 50, 38, 32, 30])
    assert segs["situation:target"][1] == [30] * 5
    assert segs["reflection"][1] == [0, 8, 12, 14, 15]
    fpm = view.series(view.filler_plot)["fpm"][1]
    assert fpm == pytest.approx([a.fillers_per_minute for a in shown])
    wpm = view.series(view.pace_plot)["wpm"][1]
    assert wpm == pytest.approx([a.words_per_minute for a in shown])
    assert "5 finished attempts" in view.summary.text()
    view.grab().save(str(artifacts / "progress_view.png"))
    view.scenario_box.setCurrentIndex(0)
    verdicts = view.series(view.verdict_plot)
    assert len(verdicts) == (2 if other is not None else 1)
    assert verdicts[scenario.principle][1] == [0, 1, 2, 2, 3]
    view.grab().save(str(artifacts / "progress_view_all.png"))
    # refresh() picks up a new attempt.
    aid = store.start_attempt(scenario.id, scenario.principle, "sde2", "rehearse", "q", None, "m")
    store.finish_attempt(aid, timed_analysis(scenario, {"situation": 29, "action": 91}))
    view.refresh()
    assert len(view.shown_attempts()) == done + 1


def test_progress_empty(qtbot) -> None:
    store = HistoryStore()
    view = ProgressView(store)
    qtbot.addWidget(view)
    assert "No finished attempts" in view.summary.text()
    assert view.series(view.segment_plot) == {}
    store.close()


def test_coverage_suggests_weakest_or_never_first(qtbot, store: HistoryStore,
                                                  artifacts: Path) -> None:
    scenarios = load_library().scenarios
    view = CoverageView(store, scenarios)
    qtbot.addWidget(view)
    view.resize(1000, 420)
    view.show()
    qtbot.waitExposed(view)
    assert view.table.rowCount() == len({s.principle_id for s in scenarios})
    practised = [r for r in view.rows if r.practised]
    assert len(practised) == 1 and practised[0].best_verdict == "Strong Hire"
    if len(view.rows) > 1:
        assert not view.rows[0].practised  # never practised comes first
    with qtbot.waitSignal(view.practise, timeout=2000) as blocker:
        view.next_button.click()
    assert blocker.args == [view.rows[0].next_scenario]
    view.grab().save(str(artifacts / "coverage_view.png"))
    # The weakest practised principle comes before a strong one.
    scenario = seed_scenario()
    aid = store.start_attempt(scenario.id, scenario.principle, "sde2", "rehearse", "q", None, "m")
    store.finish_attempt(aid, timed_analysis(scenario, {"action": 40}, verdict="No Hire"))
    view.refresh()
    only_seed = CoverageView(store, [scenario])
    qtbot.addWidget(only_seed)
    assert only_seed.rows[0].last_verdict == "No Hire"
    assert "practise again" in only_seed.rows[0].reason
    row = next(i for i, r in enumerate(view.rows) if r.principle_id == scenario.principle_id)
    view.table.selectRow(row)
    view.table.setFocus()
    with qtbot.waitSignal(view.practise, timeout=2000) as blocker:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert blocker.args == [scenario.id]


def test_compare_two_attempts(qtbot, store: HistoryStore, artifacts: Path) -> None:
    done = sorted(store.list(status="done"), key=lambda a: a.created_at)
    view = CompareView(store)
    qtbot.addWidget(view)
    view.resize(1100, 640)
    view.show()
    qtbot.waitExposed(view)
    # Shown: the pickers offer the scenario's attempts and compare the latest two.
    assert view.first_box.count() == 5 and view.second_box.count() == 5
    assert view.comparison is not None
    assert (view.comparison.before.id, view.comparison.after.id) == (done[3].id, done[4].id)
    assert view.new_list.item(0).text() == "none"
    view.first_box.setCurrentIndex(0)  # the user picks the first attempt as "before"
    assert view.comparison.before.id == done[0].id
    cmp = view.compare(done[3].id, done[0].id)  # newer first: still shown as before -> after
    assert cmp is not None and cmp.before.id == done[0].id
    assert view.first_box.currentData() == done[0].id
    assert view.second_box.currentData() == done[3].id
    assert not view.warning.isVisible()
    assert view.table.rowCount() == 5
    assert view.table.item(0, 1).text() == "70 s" and view.table.item(0, 2).text() == "32 s"
    assert view.table.item(0, 4).text() == "-38 s"
    fixed = {view.fixed_list.item(i).data(Qt.ItemDataRole.UserRole)
             for i in range(view.fixed_list.count())}
    assert fixed == {"action.we_language", "result.no_metrics", "segment.missing.reflection"}
    assert view.new_list.item(0).data(Qt.ItemDataRole.UserRole) == "delivery.fillers"
    assert view.kept_list.item(0).text() == "none"
    view.grab().save(str(artifacts / "compare_view.png"))
    assert view.compare(done[0].id, 9999) is None
    assert "no attempt 9999" in view.warning.text()


def test_compare_warns_about_different_scenarios(qtbot) -> None:
    store = HistoryStore()
    scenario = seed_scenario()
    a = store.start_attempt(scenario.id, scenario.principle, "sde2", "rehearse", "q",
                            write_wav(app_paths().recordings / "x.wav"), "m")
    store.finish_attempt(a, timed_analysis(scenario, {"action": 50}))
    b = store.start_attempt("another-story", "Ownership", "sde2", "rehearse", "q", None, "m")
    view = CompareView(store)
    qtbot.addWidget(view)
    view.compare(a, b)
    assert "different scenarios" in view.warning.text()
    assert "not been analysed" in view.warning.text()
    store.close()


def test_dark_palette_screenshots(qtbot, store: HistoryStore, artifacts: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from mockinterviewer.ui import theme

    app = QApplication.instance()
    old = app.palette()
    app.setPalette(theme.dark_palette())
    try:
        done = sorted(store.list(status="done"), key=lambda a: a.created_at)
        views = {
            "history_view_dark": HistoryView(store),
            "progress_view_dark": ProgressView(store),
            "coverage_view_dark": CoverageView(store, load_library().scenarios),
            "compare_view_dark": CompareView(store),
        }
        for name, view in views.items():
            qtbot.addWidget(view)
            view.resize(1100, 640)
            view.show()
            qtbot.waitExposed(view)
            if isinstance(view, CompareView):
                view.compare(done[0].id, done[-1].id)
            image = view.grab().toImage()
            # Dark really applied: the widget's background is dark.
            assert image.pixelColor(3, image.height() - 3).lightnessF() < 0.5
            image.save(str(artifacts / f"{name}.png"))
    finally:
        app.setPalette(old)
