"""What a loop leaves in the practice history (no Qt: plain data in, plain data out).

A loop is one history row with mode ``loop``: its ``scenario_id`` holds the planned scenario ids
(comma-separated, in order) and its prompt says what was planned. Each question asked is a normal
attempt (mode ``loop-answer``) whose ``loop_id`` points at the loop's row; it is started before
the answer is recorded and finished with its analysis as soon as it ends, so a crash mid-loop
loses nothing. When the loop ends (or is recovered after a crash), the debrief is computed from
the finished answers and stored as the loop row's report: ``loop`` (the debrief), ``story_reuse``
(the stories told twice) and loop-wide ``metrics`` (what History lists).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from mockinterviewer.coach.loop import (
    ANSWER_MODE,
    LOOP_MODE,
    LoopAnswer,
    LoopDebrief,
    LoopPlan,
    debrief,
    suggest_story,
)
from mockinterviewer.content.model import LEVEL_NAMES, Scenario
from mockinterviewer.store.model import Attempt

if TYPE_CHECKING:
    from mockinterviewer.store.history import HistoryStore

log = logging.getLogger(__name__)

__all__ = ["ANSWER_MODE", "LOOP_MODE", "answers_only", "build_debrief", "finish_loop", "is_loop",
           "loop_json", "plan_of", "start_loop", "stored_debrief"]


def is_loop(attempt: Attempt) -> bool:
    """True for a loop's own row (not for the answers asked in it)."""
    return attempt.mode == LOOP_MODE


def answers_only(attempts: Sequence[Attempt]) -> list[Attempt]:
    """The attempts that are answers (loop rows left out; their answers stay), in order."""
    return [a for a in attempts if not is_loop(a)]


def top_level(attempts: Sequence[Attempt]) -> list[Attempt]:
    """What History lists: every attempt except the answers inside a loop (the loop stands for
    them)."""
    return [a for a in attempts if a.loop_id is None]


def start_loop(store: HistoryStore, plan: LoopPlan, principles: Sequence[str], model: str) -> int:
    """Saves a loop's row as it starts (status ``unfinished``).

    Args:
        store: the history.
        plan: the plan.
        principles: the planned scenarios' principles, in order.
        model: the speech model in use.

    Returns:
        The loop's id.
    """
    prompt = (f"Loop of {len(plan.scenario_ids)} at {LEVEL_NAMES.get(plan.level, plan.level)}: "
              + ", ".join(principles))
    return store.start_attempt(",".join(plan.scenario_ids), "Loop", plan.level, LOOP_MODE,
                               prompt, None, model)


def plan_of(loop: Attempt) -> LoopPlan:
    """The plan a stored loop was started with."""
    return LoopPlan(tuple(s for s in loop.scenario_id.split(",") if s), loop.level)


def build_debrief(loop: Attempt, answers: Sequence[Attempt],
                  find: Callable[[str], Scenario | None], own: Sequence[Scenario] = (),
                  library: Sequence[Scenario] = ()) -> LoopDebrief:
    """Debriefs a stored loop from its finished answers.

    Args:
        loop: the loop's row.
        answers: its answers (see ``HistoryStore.loop_answers``), in order.
        find: looks a scenario up by id.
        own: the user's own stories (for the suggestion when a story is reused).
        library: the built-in scenarios.

    Returns:
        The debrief of the part that was answered.
    """
    plan = plan_of(loop)
    done: list[LoopAnswer] = []
    for a in answers:
        scenario = find(a.scenario_id)
        analysis = a.analysis if a.status == "done" else None
        if scenario is None or analysis is None:
            log.info("loop %d: answer %d left out of the debrief (%s)", loop.id, a.id, a.status)
            continue
        done.append(LoopAnswer(scenario, analysis, a.id))
    used = [a.scenario.id for a in done]
    suggest = {a.scenario.id: suggest_story(a.scenario.principle, own, library, used)
               for a in done}
    return debrief(done, plan.level, planned=max(len(plan.scenario_ids), len(done)),
                   suggest=suggest)


def loop_report(d: LoopDebrief) -> dict[str, Any]:
    """The loop row's stored report: the debrief, the reuse list and loop-wide metrics."""
    t = d.totals
    metrics = ({"total_seconds": t.speaking_seconds, "words_per_minute": t.words_per_minute,
                "fillers_per_minute": t.fillers_per_minute, "filler_count": t.fillers,
                "word_count": t.words} if t else {})
    return {"mode": LOOP_MODE, "loop": d.to_dict(),
            "story_reuse": [r.to_dict() for r in d.reuse], "verdict": None,
            "verdict_reasons": [d.reading, d.one_thing], "metrics": metrics, "segments": [],
            "findings": []}


def finish_loop(store: HistoryStore, loop_id: int, d: LoopDebrief) -> None:
    """Stores a loop's debrief and marks the loop done.

    Raises:
        StoreError: no such loop, or the history cannot be written.
    """
    store.finish_attempt(loop_id, loop_report(d))


def stored_debrief(loop: Attempt) -> LoopDebrief | None:
    """The debrief stored with a finished loop (None before it was debriefed)."""
    data = loop.report.get("loop")
    if not isinstance(data, Mapping):
        return None
    return LoopDebrief.from_dict(_plain(data))


def _plain(value: Any) -> Any:  # noqa: ANN401 - JSON data of any shape
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def loop_json(loop: Attempt, answers: Sequence[Attempt], d: LoopDebrief | None) -> dict[str, Any]:
    """A loop as ``history show ID --json`` prints it.

    ``answers`` holds one entry per answered question, in order, each with its analysis;
    ``story_reuse`` lists the stories told twice (the two scenario ids and the shared evidence).
    """
    return {
        "id": loop.id, "created_at": loop.created_at.isoformat(), "mode": loop.mode,
        "status": loop.status, "level": loop.level, "prompt": loop.prompt,
        "model": loop.model, "scenarios": list(plan_of(loop).scenario_ids),
        "answers": [{"id": a.id, "scenario": a.scenario_id, "principle": a.principle,
                     "status": a.status, "verdict": a.verdict, "prompt": a.prompt,
                     "recordings": [str(p) for p in a.recordings],
                     "analysis": _plain(a.report)} for a in answers],
        "story_reuse": [r.to_dict() for r in d.reuse] if d else [],
        "debrief": d.to_dict() if d else None,
    }


def unfinished_loops(store: HistoryStore) -> list[Attempt]:
    """Loops cut short (a crash, or the app closed mid-loop) with at least one answer recorded."""
    return [a for a in store.list(status="unfinished") if is_loop(a)
            and store.loop_answers(a.id)]


def debrief_answers(store: HistoryStore | None, loop_id: int | None,
                    answered: Sequence[tuple[Scenario, Any, int | None]], level: str,
                    planned: int, library: Sequence[Scenario]) -> LoopDebrief:
    """Debriefs the answers of a loop just asked and stores the debrief (slow: off the UI thread).

    Args:
        store: the history (None: nothing is stored).
        loop_id: the loop's row (None: nothing is stored).
        answered: (scenario, analysis, attempt id) per answered question, in order.
        level: the level id.
        planned: how many principles the loop planned.
        library: every scenario, the user's stories included (for the suggestion).

    Returns:
        The debrief.
    """
    own = [s for s in library if s.kind == "story"]
    used = [s.id for s, _a, _i in answered]
    suggest = {s.id: suggest_story(s.principle, own, library, used) for s, _a, _i in answered}
    d = debrief([LoopAnswer(s, a, i) for s, a, i in answered], level, planned, suggest)
    if store is not None and loop_id is not None:
        finish_loop(store, loop_id, d)
    return d
