"""The question bank view: every phrasing by principle, stats, filter, Surprise me, rehearse."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mockinterviewer.content import load_all
from mockinterviewer.content.library import load_library
from mockinterviewer.content.model import kebab
from mockinterviewer.content.stories import PRINCIPLES, build_story, save_story, segment_drafts
from mockinterviewer.content.stories import StoryDraft as Draft
from mockinterviewer.paths import content_dir
from mockinterviewer.ui.question_bank import (
    BankEntry,
    QuestionBankView,
    bank_entries,
    pick_surprise,
    surprise_weight,
)

BUILTIN = load_all([content_dir()]).scenarios


def _story() -> None:
    texts = {lb: f"I handled the {lb} of the pager storm myself." for lb in
             ("situation", "task", "action", "result", "reflection")}
    draft = Draft("Dive Deep", "Pager storm", ("Walk me through a bug you chased to the bottom.",),
                  segment_drafts(texts, {}))
    save_story(build_story(draft))


def test_every_prompt_listed_grouped_by_principle_order() -> None:
    entries = bank_entries(BUILTIN)
    assert {(e.scenario_id, e.prompt) for e in entries} == {
        (s.id, p) for s in BUILTIN for p in s.prompts}
    order = [kebab(p) for p in PRINCIPLES]
    seen = list(dict.fromkeys(kebab(e.principle) for e in entries))
    assert seen == sorted(seen, key=order.index)


def test_story_prompts_join_their_principle(qtbot) -> None:
    _story()
    view = QuestionBankView(load_library().scenarios)
    qtbot.addWidget(view)
    entry = next(e for e in view.entries() if e.is_story)
    assert entry.scenario_id == "pager-storm"
    group = [e for e in view.entries() if kebab(e.principle) == "dive-deep"]
    assert group[-1] == entry, "a story's phrasing follows the built-in ones of its principle"
    assert view.select(entry.scenario_id, entry.prompt)
    assert "your story: Pager storm" in view.tree.currentItem().text(0)


def test_counts_and_best_verdicts_shown(qtbot) -> None:
    first = BUILTIN[0]
    stats = {first.prompts[0]: (3, "Hire"), first.prompts[1]: (1, "No Hire")}
    view = QuestionBankView(BUILTIN, stats_provider=lambda: stats)
    qtbot.addWidget(view)
    assert view.select(first.id, first.prompts[0])
    item = view.tree.currentItem()
    assert (item.text(1), item.text(2)) == ("3×", "Hire")
    assert view.select(first.id, first.prompts[2])
    assert view.tree.currentItem().text(1) == "never"
    top = view.tree.currentItem().parent()
    assert top.text(1) == f"2 of {len(first.prompts)}"
    stats[first.prompts[2]] = (1, "Strong Hire")
    view.refresh_stats()
    assert view.current_choice() == (first.id, first.prompts[2]), "selection survives a refresh"
    assert view.tree.currentItem().text(2) == "Strong Hire"


def test_broken_stats_provider_is_explained_not_raised(qtbot) -> None:
    def broken() -> dict:
        raise OSError("database is locked")

    view = QuestionBankView(BUILTIN, stats_provider=broken)
    qtbot.addWidget(view)
    assert "database is locked" in view.status.text()
    assert len(view.entries()) == sum(len(s.prompts) for s in BUILTIN)


def test_filter_narrows_and_explains_no_match(qtbot) -> None:
    view = QuestionBankView(BUILTIN)
    qtbot.addWidget(view)
    view.show()
    qtbot.keyClicks(view.filter_edit, "customer")
    visible = view.visible_entries()
    assert visible and all("customer" in f"{e.principle} {e.prompt} {e.title}".lower()
                           for e in visible)
    assert len(visible) < len(view.entries())
    view.filter_edit.setText("zzz-no-such-words")
    assert view.visible_entries() == [] and view.empty_label.isVisible()
    assert "zzz-no-such-words" in view.empty_label.text()
    assert not view.surprise_button.isEnabled()
    view.filter_edit.setText("dive deep")
    qtbot.keyClick(view.filter_edit, Qt.Key.Key_Return)
    assert view.current_choice() is not None and view.focusWidget() is view.tree
    view.filter_edit.clear()
    assert len(view.visible_entries()) == len(view.entries())


def test_enter_on_a_question_emits_rehearse(qtbot) -> None:
    view = QuestionBankView(BUILTIN)
    qtbot.addWidget(view)
    view.show()
    s = BUILTIN[0]
    view.tree.setFocus()
    assert view.select(s.id, s.prompts[1])
    with qtbot.waitSignal(view.rehearse) as sig:
        qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    assert sig.args == [s.id, s.prompts[1]]
    with qtbot.waitSignal(view.rehearse) as sig:
        qtbot.mouseClick(view.rehearse_button, Qt.MouseButton.LeftButton)
    assert sig.args == [s.id, s.prompts[1]]


def test_surprise_selects_then_rehearse_emits(qtbot) -> None:
    view = QuestionBankView(BUILTIN)
    qtbot.addWidget(view)
    view.show()
    view.rng = random.Random(7)
    view.filter_edit.setText("dive")
    choice = view.surprise()
    assert choice is not None and view.current_choice() == choice
    assert kebab(next(e.principle for e in view.entries() if e.prompt == choice[1])) == "dive-deep"
    assert "Surprise" in view.detail.text() and view.focusWidget() is view.rehearse_button
    with qtbot.waitSignal(view.rehearse) as sig:
        qtbot.keyClick(view.rehearse_button, Qt.Key.Key_Space)
    assert tuple(sig.args) == choice


def test_weights_favour_less_practice_and_weaker_verdicts() -> None:
    assert surprise_weight(0, None) > surprise_weight(1, "No Hire") > surprise_weight(1, "Hire")
    assert surprise_weight(1, "Hire") > surprise_weight(1, "Strong Hire")
    assert surprise_weight(5, "No Hire") < surprise_weight(1, "No Hire")


def test_pick_surprise_prefers_unpractised_principles_and_phrasings() -> None:
    entries = [BankEntry("a", "Ownership", f"own {i}", "t", False) for i in range(6)]
    entries += [BankEntry("b", "Dive Deep", "deep 0", "t", False),
                BankEntry("b", "Dive Deep", "deep 1", "t", False)]
    stats = {f"own {i}": (4, "Strong Hire") for i in range(6)} | {"deep 0": (2, "Hire")}
    rng = random.Random(1)
    picks = Counter(pick_surprise(entries, stats, rng).prompt for _ in range(3000))
    deep = picks["deep 0"] + picks["deep 1"]
    assert deep > 2000, "the less practised principle wins most picks despite fewer phrasings"
    assert picks["deep 1"] > 3 * picks["deep 0"]
    assert sum(picks.values()) - deep > 0, "practised questions still come up sometimes"
    assert pick_surprise([], stats, rng) is None


def test_keyboard_reaches_every_control(qtbot) -> None:
    view = QuestionBankView(BUILTIN)
    qtbot.addWidget(view)
    view.show()
    for w in (view.filter_edit, view.surprise_button, view.tree, view.rehearse_button):
        assert w.focusPolicy() & Qt.FocusPolicy.TabFocus
        assert w.accessibleName()


@pytest.mark.parametrize("point", [None, 16])
def test_screenshot(qtbot, artifacts: Path, point: int | None) -> None:
    s = BUILTIN[0]
    stats = {s.prompts[0]: (3, "Hire"), s.prompts[1]: (1, "Leaning No Hire")}
    view = QuestionBankView(load_library().scenarios, stats_provider=lambda: stats)
    qtbot.addWidget(view)
    if point:
        font = view.font()
        font.setPointSize(point)
        view.setFont(font)
    view.resize(900, 700)
    view.show()
    view.select(s.id, s.prompts[1])
    qtbot.waitExposed(view)
    QApplication.processEvents()  # let the layout settle before the picture
    name = "question_bank.png" if point is None else f"question_bank_{point}pt.png"
    image = view.grab().toImage()
    assert image.save(str(artifacts / name))
    # what the picture must show, at any font size: the chosen question selected and scrolled
    # into view, its detail and the Rehearse button on screen, nothing cut off at the right
    assert view.current_choice() == (s.id, s.prompts[1])
    item = view.tree.currentItem()
    assert item is not None
    shown = view.tree.visualItemRect(item)
    assert view.tree.viewport().rect().contains(shown.center()), shown
    for widget in (view.detail, view.rehearse_button, view.tree):
        assert widget.isVisible()
        assert view.rect().contains(widget.geometry().translated(
            widget.parentWidget().mapTo(view, widget.pos()) - widget.pos()).topLeft())
    assert view.rehearse_button.width() >= view.rehearse_button.sizeHint().width()
    assert view.detail.text() and "Choose a question" not in view.detail.text()
    # not a blank grab: the picture holds many distinct colours (text, icons, selection)
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}
    assert len(colours) > 20, len(colours)


def test_stats_from_the_real_history_database(qtbot) -> None:
    """Attempts analysed by the real coaching engine and stored in real SQLite show up."""
    from mockinterviewer.coach import analyze_text
    from mockinterviewer.store import HistoryStore

    scenario = next(s for s in BUILTIN if s.id == "customer-obsession")
    strong = " ".join(seg.strong_example for seg in scenario.segments)
    with HistoryStore() as store:
        verdicts = []
        for text in (strong, "We fixed it. It was fine.", strong):
            attempt = store.start_attempt(scenario.id, scenario.principle, "sde2", "rehearse",
                                          scenario.prompts[0], None, "tiny.en")
            analysis = analyze_text(text, scenario)
            verdicts.append(analysis.verdict)
            store.finish_attempt(attempt, analysis)
        unfinished = store.start_attempt(scenario.id, scenario.principle, "sde2", "rehearse",
                                         scenario.prompts[1], None, "tiny.en")
        assert unfinished

        def provider() -> dict[str, tuple[int, str | None]]:
            return {p: (s.count, s.best_verdict) for p, s in store.prompt_stats().items()}

        view = QuestionBankView(BUILTIN, stats_provider=provider)
        qtbot.addWidget(view)
        assert view.select(scenario.id, scenario.prompts[0])
        item = view.tree.currentItem()
        order = ["No Hire", "Leaning No Hire", "Hire", "Strong Hire"]
        assert item.text(1) == "3×"
        assert item.text(2) == max(verdicts, key=order.index)
        assert view.select(scenario.id, scenario.prompts[1])
        assert view.tree.currentItem().text(1) == "never", "unfinished attempts do not count"
