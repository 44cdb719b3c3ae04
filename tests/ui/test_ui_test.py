"""Test mode: drawing ten balanced questions, answering with keys and clicks, scoring, retry."""

from __future__ import annotations

import random
from collections import Counter

from PySide6.QtCore import Qt
from ui_fakes import dark_palette, shoot

from mockinterviewer.content.checks import is_principle_question
from mockinterviewer.content.library import load_library
from mockinterviewer.ui.quiz_view import TestView, draw_questions


def test_draw_starts_with_the_scenario_and_tops_up_balanced() -> None:
    lib = load_library().scenarios
    for s in lib:
        items = draw_questions(s, lib, rng=random.Random(7))
        assert len(items) == 10
        judgement = [q for q in s.practice if not is_principle_question(q)]
        own = [it for it in items if it.scenario_id == s.id
               and not is_principle_question(it.question)]
        assert len(own) == min(10, len(judgement))
        diffs = Counter(it.question.difficulty for it in items)
        assert set(diffs) == {"easy", "medium", "hard"}, (s.id, diffs)
        assert max(diffs.values()) <= 6
        order = [("easy", "medium", "hard").index(it.question.difficulty) for it in items]
        assert order == sorted(order)
        assert len({id(it.question) for it in items}) == 10  # no repeats
        if len(lib) > 2:  # top-ups come from more than one other scenario
            others = {it.scenario_id for it in items if it.scenario_id != s.id}
            assert len(others) >= min(2, 10 - len(own))


def test_which_principle_questions_come_from_the_whole_library() -> None:
    """On one principle's page, its own "which principle" answer would be a give-away."""
    lib = load_library().scenarios
    answers: set[str] = set()
    own_drawn = draws = 0
    for seed in range(40):
        for s in lib[:4]:
            items = draw_questions(s, lib, rng=random.Random(seed))
            which = [it for it in items if is_principle_question(it.question)]
            assert 1 <= len(which) <= 2, (s.id, len(which))
            answers.update(it.question.options[it.question.answer] for it in which)
            own_drawn += any(it.scenario_id == s.id for it in which)
            draws += 1
    # Drawn from every page, not only the four tested: many different answers come up, and the
    # tested page's own "which principle" question (whose answer is the page) is the exception.
    assert len(answers) >= 8
    assert own_drawn < draws / 3


def test_draw_handles_small_and_empty_libraries() -> None:
    lib = load_library().scenarios
    one = lib[0]
    items = draw_questions(one, [one], rng=random.Random(1))
    assert len(items) == len(one.practice) < 10
    assert draw_questions(None, [], rng=random.Random(1)) == []


def test_answer_with_keys_and_score(qtbot, artifacts) -> None:
    lib = load_library().scenarios
    view = TestView(lib, rng=random.Random(3))
    qtbot.addWidget(view)
    view.resize(1000, 720)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    view.start("customer-obsession")
    assert len(view.items) == 10
    assert "Question 1 of 10" in view.progress_label.text()
    shoot(view, artifacts, "test-question")
    letters = [Qt.Key.Key_A, Qt.Key.Key_B, Qt.Key.Key_C, Qt.Key.Key_D]
    expected = 0
    for i, item in enumerate(view.items):
        q = item.question
        right = i % 3 != 0  # answer most right, some wrong
        choice = q.answer if right else (q.answer + 1) % len(q.options)
        expected += right
        qtbot.keyClick(view.focusWidget() or view, letters[choice])
        assert view.answers[i] == choice
        fb = view.feedback.text()
        assert ("Correct" in fb) if right else ("Not quite" in fb and q.answer_letter in fb)
        assert "Hint:" in fb and q.steps[0][:20].replace("'", "&#x27;") in fb
        assert view.cards[q.answer].property("state") == "correct"
        # a second key press does not change the answer
        qtbot.keyClick(view.focusWidget() or view, letters[(choice + 1) % len(q.options)])
        assert view.answers[i] == choice
        if i == 0:
            shoot(view, artifacts, "test-feedback-wrong")
        if i == 1:
            shoot(view, artifacts, "test-feedback")
            with dark_palette():
                shoot(view, artifacts, "test-feedback-dark")
        if i < 9:
            qtbot.keyClick(view.focusWidget() or view, Qt.Key.Key_Return)
            assert view.index == i + 1
    with qtbot.waitSignal(view.finished) as sig:
        qtbot.keyClick(view.focusWidget() or view, Qt.Key.Key_N)
    assert sig.args == [expected, 10]
    assert view.done and f"You scored {expected} out of 10" in view.result_title.text()
    assert "To review" in view.result_body.text()
    shoot(view, artifacts, "test-score")
    with dark_palette():
        shoot(view, artifacts, "test-score-dark")
    # R retries the same questions from the start
    first = [it.question for it in view.items]
    qtbot.keyClick(view.focusWidget() or view, Qt.Key.Key_R)
    assert not view.done and view.index == 0 and view.score == 0
    assert [it.question for it in view.items] == first


def test_answer_by_click_and_new_set(qtbot) -> None:
    lib = load_library().scenarios
    view = TestView(lib, rng=random.Random(5))
    qtbot.addWidget(view)
    view.show()
    view.start("ownership")
    first = list(view.items)
    for i in range(10):
        q = view.items[i].question
        qtbot.mouseClick(view.cards[q.answer], Qt.MouseButton.LeftButton)
        assert view.answers[i] == q.answer
        view.next_button.click()
    assert view.done and view.score == 10
    assert "Every answer right" in view.result_body.text()
    view.new_button.click()
    assert not view.done and len(view.items) == 10
    assert [it.question for it in view.items] != [it.question for it in first] or len(lib) == 1
    # every option card is focusable and named for screen readers
    for card in view.cards[:len(view.items[0].question.options)]:
        assert card.accessibleName().startswith("Option ")
        assert card.focusPolicy() == Qt.FocusPolicy.StrongFocus
    view.cards[1].setFocus()
    qtbot.keyClick(view.cards[1], Qt.Key.Key_Space)
    assert view.answers[0] == 1


def test_the_header_never_names_the_answer_of_a_which_principle_question(qtbot) -> None:
    """Before an answer, nothing on screen gives a "which principle" question away (its source
    page is that principle)."""
    lib = load_library().scenarios
    for seed in range(6):
        view = TestView(lib, rng=random.Random(seed))
        qtbot.addWidget(view)
        view.start("customer-obsession")
        for item in view.items:
            if is_principle_question(item.question):
                key = item.question.options[item.question.answer]
                assert key not in view.progress_label.text(), view.progress_label.text()
                assert item.principle not in view.progress_label.text()
            view.answer(0)
            view.next_question()
