"""Test: ten practice questions across easy, medium and hard, answered by click or by A-D.

After each answer the screen shows whether it was right, the hint and the solution steps; at the
end, the score by difficulty, the questions missed, and Retry (same questions) or a new set.
"""

from __future__ import annotations

import html
import logging
import random
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mockinterviewer.content import Scenario
from mockinterviewer.content.checks import is_principle_question
from mockinterviewer.content.model import DIFFICULTIES
from mockinterviewer.content.quiz import QUIZ_LENGTH, QuizItem, draw_questions
from mockinterviewer.ui import theme
from mockinterviewer.ui.widgets.option_card import CARD_STYLE, OptionCard

log = logging.getLogger(__name__)

LETTERS = "ABCDEFGH"

__all__ = ["LETTERS", "QUIZ_LENGTH", "QuizItem", "TestView", "draw_questions"]


class TestView(QWidget):
    """The practice test screen.

    Signals:
        finished: (score, total) when the last question is answered.
        home_requested: the user wants to leave.
    """

    __test__ = False  # not a pytest test class

    finished = Signal(int, int)
    home_requested = Signal()

    def __init__(self, scenarios: Sequence[Scenario], parent: QWidget | None = None,
                 rng: random.Random | None = None) -> None:
        super().__init__(parent)
        self.scenarios = list(scenarios)
        self.rng = rng or random.Random()
        self.scenario: Scenario | None = None
        self.items: list[QuizItem] = []
        self.answers: list[int | None] = []
        self.index = 0
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.pages = QStackedWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        self._build_question_page()
        self._build_result_page()
        self._restyle()

    # -- construction ---------------------------------------------------------------------------

    def _build_question_page(self) -> None:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(24, 16, 24, 16)
        lay.setSpacing(10)
        self.progress_label = QLabel()
        self.progress_label.setProperty("role", "muted")
        self.score_label = QLabel()
        self.score_label.setProperty("role", "muted")
        top = QHBoxLayout()
        top.addWidget(self.progress_label, 1)
        top.addWidget(self.score_label)
        lay.addLayout(top)
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.prompt.setFont(theme.scaled_font(None, 1.2, True))
        self.prompt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.prompt.setAccessibleName("Question")
        lay.addWidget(self.prompt)
        self.cards: list[OptionCard] = []
        for i in range(4):
            card = OptionCard(LETTERS[i])
            card.clicked.connect(lambda i=i: self.answer(i))
            lay.addWidget(card)
            self.cards.append(card)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.feedback.setTextFormat(Qt.TextFormat.RichText)
        self.feedback.setAccessibleName("Feedback")
        lay.addWidget(self.feedback)
        row = QHBoxLayout()
        self.hint_label = QLabel("Keys: A–D to answer, Enter or N for the next question.")
        self.hint_label.setProperty("role", "muted")
        row.addWidget(self.hint_label, 1)
        self.next_button = QPushButton("&Next question")
        self.next_button.setToolTip("Go on to the next question (Enter or N)")
        self.next_button.clicked.connect(self.next_question)
        row.addWidget(self.next_button)
        lay.addLayout(row)
        lay.addStretch(1)
        scroll.setWidget(page)
        self.pages.addWidget(scroll)

    def _build_result_page(self) -> None:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(24, 16, 24, 16)
        self.result_title = theme.style_heading(QLabel(), 1.8)
        self.result_title.setAccessibleName("Score")
        lay.addWidget(self.result_title)
        self.result_body = QLabel()
        self.result_body.setWordWrap(True)
        self.result_body.setTextFormat(Qt.TextFormat.RichText)
        self.result_body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.result_body)
        row = QHBoxLayout()
        self.retry_button = QPushButton("&Retry these questions")
        self.retry_button.setToolTip("Answer the same ten questions again (R)")
        self.retry_button.clicked.connect(self.retry)
        self.new_button = QPushButton("New &set")
        self.new_button.setToolTip("Draw ten different questions (S)")
        self.new_button.clicked.connect(self.new_set)
        self.home_button = QPushButton("&Home")
        self.home_button.setToolTip("Back to the scenarios")
        self.home_button.clicked.connect(self.home_requested)
        for b in (self.retry_button, self.new_button, self.home_button):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addStretch(1)
        scroll.setWidget(page)
        self.pages.addWidget(scroll)

    def _restyle(self) -> None:
        c = theme.colors(self.palette())
        self.setStyleSheet(CARD_STYLE % {"good": c.good, "bad": c.bad, "muted": c.muted})

    # -- public API -----------------------------------------------------------------------------

    def set_scenarios(self, scenarios: Sequence[Scenario]) -> None:
        """Replaces the library questions are drawn from."""
        self.scenarios = list(scenarios)

    def start(self, scenario_id: str | None = None) -> None:
        """Draws a new test starting from a scenario and shows the first question."""
        self.scenario = next((s for s in self.scenarios if s.id == scenario_id), None)
        self.set_items(draw_questions(self.scenario, self.scenarios, rng=self.rng))

    def set_items(self, items: Sequence[QuizItem]) -> None:
        """Starts a test with these questions."""
        self.items = list(items)
        self.answers = [None] * len(self.items)
        self.index = 0
        self._show_question()

    @property
    def score(self) -> int:
        """Correct answers so far."""
        return sum(1 for it, a in zip(self.items, self.answers, strict=True)
                   if a is not None and a == it.question.answer)

    @property
    def done(self) -> bool:
        """Whether the result page is showing."""
        return self.pages.currentIndex() == 1

    def answer(self, choice: int) -> None:
        """Answers the current question (ignored once answered or out of range)."""
        if self.done or not self.items or self.answers[self.index] is not None:
            return
        q = self.items[self.index].question
        if not 0 <= choice < len(q.options):
            return
        self.answers[self.index] = choice
        for i, card in enumerate(self.cards):
            if i == q.answer:
                card.set_state("correct")
            elif i == choice:
                card.set_state("wrong")
            else:
                card.set_state("dim")
        self._render_feedback()
        last = self.index == len(self.items) - 1
        self.next_button.setText("See your &score" if last else "&Next question")
        self.next_button.setEnabled(True)
        self.next_button.setFocus()
        self._update_score()

    def next_question(self) -> None:
        """Moves on after an answer; after the last one shows the score."""
        if self.done or not self.items or self.answers[self.index] is None:
            return
        if self.index + 1 < len(self.items):
            self.index += 1
            self._show_question()
        else:
            self._show_result()

    def retry(self) -> None:
        """Starts the same questions again."""
        self.set_items(self.items)

    def new_set(self) -> None:
        """Draws a different set from the same starting scenario."""
        self.start(self.scenario.id if self.scenario else None)

    # -- internals ------------------------------------------------------------------------------

    def _update_score(self) -> None:
        answered = sum(1 for a in self.answers if a is not None)
        self.score_label.setText(f"Score: {self.score} / {answered}")

    def _render_feedback(self) -> None:
        choice = self.answers[self.index] if self.items else None
        if choice is None:
            self.feedback.setText("")
            return
        q = self.items[self.index].question
        c = theme.colors(self.palette())
        head = (f"<p style='color:{c.good}; font-weight:bold'>✔ Correct.</p>"
                if choice == q.answer else
                f"<p style='color:{c.bad}; font-weight:bold'>✘ Not quite: the answer is "
                f"{q.answer_letter}: “{html.escape(q.options[q.answer])}”</p>")
        steps = "".join(f"<li>{html.escape(s)}</li>" for s in q.steps)
        self.feedback.setText(f"{head}<p><b>Hint:</b> {html.escape(q.hint)}</p>"
                              f"<p><b>How to get there:</b></p><ol>{steps}</ol>")

    def _show_question(self) -> None:
        self.pages.setCurrentIndex(0)
        if not self.items:
            self.progress_label.setText("No practice questions are available.")
            self.prompt.setText("The library has no practice questions yet.")
            for card in self.cards:
                card.hide()
            self.next_button.setEnabled(False)
            return
        item = self.items[self.index]
        q = item.question
        # A "which principle" question drawn from another page would be answered by its source
        # ("from Ownership"): its source is never shown.
        where = f" · from {item.principle}" if (
            self.scenario is None or item.scenario_id != self.scenario.id
        ) and not is_principle_question(q) else ""
        self.progress_label.setText(f"Question {self.index + 1} of {len(self.items)} · "
                                    f"{q.difficulty}{where}")
        self.prompt.setText(q.prompt)
        for i, card in enumerate(self.cards):
            card.set_state("")
            if i < len(q.options):
                card.set_option(q.options[i])
                card.show()
            else:
                card.hide()
        self.feedback.setText("")
        self.next_button.setEnabled(False)
        self.next_button.setText("&Next question")
        self._update_score()
        self.setFocus()

    def _show_result(self) -> None:
        self._render_result()
        self.pages.setCurrentIndex(1)
        self.retry_button.setFocus()
        self.finished.emit(self.score, len(self.items))

    def _render_result(self) -> None:
        total = len(self.items)
        score = self.score
        self.result_title.setText(f"You scored {score} out of {total}")
        c = theme.colors(self.palette())
        rows = []
        for d in DIFFICULTIES:
            pairs = [(it, a) for it, a in zip(self.items, self.answers, strict=True)
                     if it.question.difficulty == d]
            if pairs:
                ok = sum(1 for it, a in pairs if a == it.question.answer)
                rows.append(f"<li>{d.title()}: {ok} of {len(pairs)}</li>")
        missed = [(it, a) for it, a in zip(self.items, self.answers, strict=True)
                  if a != it.question.answer]
        body = f"<ul>{''.join(rows)}</ul>"
        if missed:
            body += "<p><b>To review:</b></p><ol>"
            for it, a in missed:
                q = it.question
                yours = LETTERS[a] if a is not None else "none"
                body += (f"<li><p>{html.escape(q.prompt)}</p><p><span style='color:{c.bad}'>"
                         f"You chose {yours}.</span> <span style='color:{c.good}'>Answer: "
                         f"{q.answer_letter}: “{html.escape(q.options[q.answer])}”</span><br>"
                         f"<i>{html.escape(q.hint)}</i></p></li>")
            body += "</ol>"
        else:
            body += f"<p style='color:{c.good}'>Every answer right. Try Rehearse next.</p>"
        body += "<p>R retries these questions, S draws a new set.</p>"
        self.result_body.setText(body)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        """A-D (or 1-4) answer; Enter or N goes on; R retries and S draws anew at the end."""
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            super().keyPressEvent(event)
            return
        if self.done:
            if key == Qt.Key.Key_R:
                self.retry()
                return
            if key == Qt.Key.Key_S:
                self.new_set()
                return
        elif Qt.Key.Key_A <= key <= Qt.Key.Key_D:
            self.answer(key - Qt.Key.Key_A)
            return
        elif Qt.Key.Key_1 <= key <= Qt.Key.Key_4:
            self.answer(key - Qt.Key.Key_1)
            return
        elif key in (Qt.Key.Key_N, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.next_question()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        """Updates colours when the palette changes."""
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()
            if self.done:
                self._render_result()
            elif self.items:
                self._render_feedback()
        super().changeEvent(event)
