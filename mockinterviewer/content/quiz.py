"""Drawing a practice test: which questions, from which scenarios, in which order.

Pure functions over the content model (no Qt): used by the Test screen
(:mod:`mockinterviewer.ui.quiz_view`).

"Which principle" questions are drawn from the whole library: on a page about one principle, a
"which principle" question from that page would always have the page's own principle as its
answer, so it would test nothing.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Sequence
from dataclasses import dataclass

from mockinterviewer.content.checks import is_principle_question
from mockinterviewer.content.model import DIFFICULTIES, PracticeQuestion, Scenario

log = logging.getLogger(__name__)

QUIZ_LENGTH = 10
"""Questions in a test."""
PRINCIPLE_QUESTIONS = 2
"""Most "which principle" questions in a test of ten (scaled for other lengths)."""
_QUOTA = {"easy": 0.3, "medium": 0.4, "hard": 0.3}  # share of a test per difficulty


@dataclass(frozen=True)
class QuizItem:
    """One question of a test, with where it came from."""

    scenario_id: str
    principle: str
    question: PracticeQuestion


def _quotas(n: int) -> dict[str, int]:
    q = {d: int(n * _QUOTA[d]) for d in DIFFICULTIES}
    for d in ("medium", "easy", "hard"):
        if sum(q.values()) >= n:
            break
        q[d] += 1
    return q


def draw_questions(scenario: Scenario | None, library: Sequence[Scenario], n: int = QUIZ_LENGTH,
                   rng: random.Random | None = None) -> list[QuizItem]:
    """Draws a test: the chosen scenario's questions first, topped up from the others.

    The chosen scenario contributes its judgement questions (every question but "which
    principle"); up to :data:`PRINCIPLE_QUESTIONS` "which principle" questions come from the
    whole library, so that their answer is not simply the page's principle. Difficulties are
    balanced (about 3 easy, 4 medium, 3 hard in ten), top-ups rotate across the other scenarios
    for variety, and the result runs from easy to hard.

    Args:
        scenario: the scenario to start from (None: any).
        library: every scenario.
        n: how many questions.
        rng: random source (seed it for a repeatable draw).

    Returns:
        Up to ``n`` questions (fewer only when the whole library has fewer).
    """
    rng = rng or random.Random()
    quotas = _quotas(n)
    picked: list[QuizItem] = []

    def take(pool: list[QuizItem], limit_by_quota: bool, limit: int | None = None) -> None:
        start = len(picked)
        for item in pool:
            if len(picked) >= n or (limit is not None and len(picked) - start >= limit):
                return
            d = item.question.difficulty
            have = sum(1 for p in picked if p.question.difficulty == d)
            if limit_by_quota and have >= quotas.get(d, 0):
                continue
            if item not in picked:
                picked.append(item)

    pool_all = list(library)
    if scenario is not None and all(s.id != scenario.id for s in pool_all):
        pool_all.append(scenario)
    principle_pool = [QuizItem(s.id, s.principle, q) for s in pool_all for q in s.practice
                      if is_principle_question(q)]
    rng.shuffle(principle_pool)
    own = [QuizItem(scenario.id, scenario.principle, q) for q in scenario.practice
           if not is_principle_question(q)] if scenario else []
    rng.shuffle(own)
    take(own, limit_by_quota=len(own) > n)
    take(principle_pool, limit_by_quota=True, limit=max(1, round(n * PRINCIPLE_QUESTIONS / 10)))
    others = [s for s in library if scenario is None or s.id != scenario.id]
    rng.shuffle(others)
    per_scenario = [[QuizItem(s.id, s.principle, q) for q in s.practice
                     if not is_principle_question(q)] for s in others]
    for items in per_scenario:
        rng.shuffle(items)
    # Round-robin across scenarios so that a top-up is not ten questions from one principle.
    pool: list[QuizItem] = []
    depth = max((len(x) for x in per_scenario), default=0)
    for i in range(depth):
        pool.extend(items[i] for items in per_scenario if i < len(items))
    take(pool, limit_by_quota=True)
    take(own + pool + principle_pool, limit_by_quota=False)
    order = {d: i for i, d in enumerate(DIFFICULTIES)}
    picked.sort(key=lambda it: order.get(it.question.difficulty, 1))
    return picked
