"""Home: scenarios with their last result (real SQLite history), level, modes, keyboard only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_fakes import dark_palette, make_services, shoot

from mockinterviewer.content.library import load_library
from mockinterviewer.settings import Settings, load_settings
from mockinterviewer.store import HistoryStore
from mockinterviewer.ui.home_view import HomeView, describe_attempt
from mockinterviewer.ui.main_window import MainWindow


def _store_with_result() -> HistoryStore:
    store = HistoryStore()
    aid = store.start_attempt("ownership", "Ownership", "sde2", "rehearse", "Tell me...", None,
                              "tiny.en")
    store.finish_attempt(aid, {"verdict": "Hire", "metrics": {"words_per_minute": 150}})
    return store


def test_home_lists_every_scenario_with_last_result(qtbot, artifacts) -> None:
    store = _store_with_result()
    w = MainWindow(Settings(), make_services(store=store), load_model=False)
    qtbot.addWidget(w)
    w.show()
    home = w.home
    lib = load_library().scenarios
    assert home.tree.topLevelItemCount() == len(lib) >= 1
    rows = {home.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole):
            home.tree.topLevelItem(i).text(1) for i in range(home.tree.topLevelItemCount())}
    assert rows["ownership"].startswith("Hire ·")
    assert all(v == "Not yet" for k, v in rows.items() if k != "ownership")
    assert home.select("ownership")
    assert "Last result" in home.detail.text() and "Hire" in home.detail.text()
    shoot(w, artifacts, "home")
    with dark_palette():
        shoot(w, artifacts, "home-dark")
    # a new attempt shows when Home is shown again
    aid = store.start_attempt("dive-deep", "Dive Deep", "sde2", "rehearse", "q", None, "tiny.en")
    store.finish_attempt(aid, {"verdict": "Strong Hire"})
    w.show_screen("learn")
    w.show_screen("home")
    home.select("dive-deep")
    assert home.tree.currentItem().text(1).startswith("Strong Hire")


def test_home_is_keyboard_driven(qtbot) -> None:
    lib = load_library().scenarios
    home = HomeView(lib, "sde2", {})
    qtbot.addWidget(home)
    with qtbot.waitActive(home):
        home.show()
        home.activateWindow()
    home.tree.setFocus()
    start = home.current_scenario()
    assert start is not None
    qtbot.keyClick(home.tree, Qt.Key.Key_Down)
    chosen = home.current_scenario()
    assert chosen is not None and chosen.id != start.id
    with qtbot.waitSignal(home.mode_requested) as sig:
        qtbot.keyClick(home.tree, Qt.Key.Key_Return)
    assert sig.args == ["rehearse", chosen.id]
    # Alt+letters press the mode buttons (mnemonics)
    for mode, key in (("learn", Qt.Key.Key_L), ("drill", Qt.Key.Key_D), ("test", Qt.Key.Key_T),
                      ("rehearse", Qt.Key.Key_R)):
        assert home.mode_buttons[mode].shortcut().toString() == f"Alt+{chr(key)}"
        with qtbot.waitSignal(home.mode_requested, timeout=3000) as sig:
            qtbot.keyClick(home.tree, key, Qt.KeyboardModifier.AltModifier)
        assert sig.args == [mode, chosen.id]
    # Ctrl+F filters; Enter in the filter goes back to the list
    qtbot.keyClick(home, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert home.filter.hasFocus()
    qtbot.keyClicks(home.filter, "dive")
    visible = [home.tree.topLevelItem(i) for i in range(home.tree.topLevelItemCount())
               if not home.tree.topLevelItem(i).isHidden()]
    assert [v.data(0, Qt.ItemDataRole.UserRole) for v in visible] == ["dive-deep"]
    assert home.current_scenario().id == "dive-deep"
    qtbot.keyClick(home.filter, Qt.Key.Key_Return)
    assert home.tree.hasFocus()
    qtbot.keyClicks(home.filter, "zzzz-nothing")
    assert home.current_scenario() is None
    assert not home.mode_buttons["rehearse"].isEnabled()
    home.filter.clear()
    # every control has an accessible name and a tooltip
    for w in (home.tree, home.level_combo, home.filter, home.surprise_button,
              *home.mode_buttons.values()):
        assert w.accessibleName(), w
    for w in (home.tree, home.level_combo, home.surprise_button, *home.mode_buttons.values()):
        assert w.toolTip(), w


def test_level_choice_is_saved_and_changes_the_budget(qtbot) -> None:
    w = MainWindow(Settings(level="sde2"), make_services(), load_model=False)
    qtbot.addWidget(w)
    w.home.select("customer-obsession")
    s = w.services.scenario("customer-obsession")
    assert f"{s.budget_for('sde2'):.0f} s" in w.home.detail.text()
    with qtbot.waitSignal(w.home.level_changed) as sig:
        w.home.level_combo.setCurrentIndex(w.home.level_combo.findData("sde1"))
    assert sig.args == ["sde1"]
    assert load_settings().level == "sde1" and w.settings.level == "sde1"
    assert f"{s.budget_for('sde1'):.0f} s" in w.home.detail.text()
    assert w.learn.level == "sde1"


def test_surprise_prefers_unpractised(qtbot) -> None:
    lib = load_library().scenarios
    practised = {s.id: object() for s in lib[1:]}
    home = HomeView(lib, "sde2", practised)
    qtbot.addWidget(home)
    for _ in range(5):
        with qtbot.waitSignal(home.mode_requested) as sig:
            home.surprise_button.click()
        assert sig.args == ["rehearse", lib[0].id]


def test_describe_attempt_formats() -> None:
    from datetime import UTC, datetime

    class A:
        verdict = "Leaning No Hire"
        created_at = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)

    assert describe_attempt(None) == ""
    text = describe_attempt(A())
    assert text.startswith("Leaning No Hire ·") and "Mar" in text
