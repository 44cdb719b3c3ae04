"""Drill and Test opened from the sidebar start on a scenario (issue 17: they showed an empty
segment list and blank A–D options)."""

from __future__ import annotations

import pytest
from ui_fakes import make_services

from mockinterviewer.settings import Settings, load_settings
from mockinterviewer.store import HistoryStore
from mockinterviewer.ui import dialogs
from mockinterviewer.ui.main_window import SCREENS, MainWindow


def _row(key: str) -> int:
    return [k for k, _l, _t in SCREENS].index(key)


def _window(qtbot, settings: Settings) -> MainWindow:
    w = MainWindow(settings, make_services(store=HistoryStore()), load_model=False)
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture(autouse=True)
def _close_boxes():
    yield
    for box in dialogs.open_boxes():
        box.done(0)


def test_drill_from_the_sidebar_starts_on_the_home_highlight(qtbot) -> None:
    w = _window(qtbot, Settings())
    chosen = w.services.scenarios[2]
    assert w.home.select(chosen.id)
    w.nav.setCurrentRow(_row("drill"))  # a click on "Drill" in the sidebar
    drill = w.screens["drill"]
    assert drill.scenario is not None and drill.scenario.id == chosen.id
    assert drill.segment_combo.count() >= 4
    assert chosen.principle in drill.context.text()


def test_test_from_the_sidebar_shows_a_question_with_four_options(qtbot) -> None:
    w = _window(qtbot, Settings())
    chosen = w.services.scenarios[1]
    w.home.select(chosen.id)
    w.nav.setCurrentRow(_row("test"))
    assert w.test.items, "no questions drawn"
    assert w.test.prompt.text().strip()
    assert all(card.text.text().strip() for card in w.test.cards)
    assert w.test.scenario is not None and w.test.scenario.id == chosen.id


def test_the_last_scenario_used_is_saved_and_highlighted_next_time(qtbot) -> None:
    w = _window(qtbot, Settings())
    chosen = w.services.scenarios[3]
    w.open_mode("learn", chosen.id)
    assert load_settings().last_scenario == chosen.id
    w.close()
    again = _window(qtbot, load_settings())
    assert again.home.current_scenario().id == chosen.id
    again.nav.setCurrentRow(_row("drill"))
    assert again.screens["drill"].scenario.id == chosen.id


def test_filtered_out_home_falls_back_to_the_last_scenario(qtbot) -> None:
    sid = make_services().scenarios[4].id
    w = _window(qtbot, Settings(last_scenario=sid))
    w.home.filter.setText("no scenario matches this text at all")
    assert w.home.current_scenario() is None
    w.nav.setCurrentRow(_row("test"))
    assert w.test.scenario is not None and w.test.scenario.id == sid
