"""A loop in the practice history: one row (mode ``loop``) holding its answers in order, saved as
each answer ends; the debrief stored; an old database opens; a cut-short loop is debriefed from the
part done; History lists the loop, not its answers; Progress/Coverage count the answers."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from history_support import spoken_analysis

from mockinterviewer.coach.loop import ANSWER_MODE, LoopPlan
from mockinterviewer.content.library import load_library
from mockinterviewer.content.model import Scenario
from mockinterviewer.store import HistoryStore
from mockinterviewer.store.drill_records import without_drills
from mockinterviewer.store.loop_export import render_loop
from mockinterviewer.store.loops import (
    build_debrief,
    finish_loop,
    loop_json,
    start_loop,
    stored_debrief,
    top_level,
    unfinished_loops,
)
from mockinterviewer.store.schema import SCHEMA_VERSION


def _scenarios() -> dict[str, Scenario]:
    return {s.id: s for s in load_library().scenarios}


def _loop(store: HistoryStore, ids: tuple[str, ...], answered: int) -> int:
    lib = _scenarios()
    plan = LoopPlan(ids, "sde2")
    loop_id = start_loop(store, plan, [lib[i].principle for i in ids], "tiny.en")
    for sid in ids[:answered]:
        aid = store.start_attempt(sid, lib[sid].principle, "sde2", ANSWER_MODE, lib[sid].prompts[0],
                                  None, "tiny.en", loop_id=loop_id)
        store.finish_attempt(aid, spoken_analysis(lib[sid]))
    return loop_id


def test_a_loop_holds_its_answers_in_order_and_its_debrief(tmp_path: Path) -> None:
    lib = _scenarios()
    with HistoryStore(tmp_path / "h.db") as store:
        single = store.start_attempt("frugality", "Frugality", "sde2", "rehearse", "q", None, "m")
        loop_id = _loop(store, ("ownership", "dive-deep"), 2)
        loop = store.get(loop_id)
        assert loop.mode == "loop" and loop.status == "unfinished"
        answers = store.loop_answers(loop_id)
        assert [a.scenario_id for a in answers] == ["ownership", "dive-deep"]
        assert all(a.loop_id == loop_id and a.status == "done" for a in answers)
        d = build_debrief(loop, answers, lib.get)
        finish_loop(store, loop_id, d)
        loop = store.get(loop_id)
        assert loop.status == "done" and stored_debrief(loop) == d
        assert loop.total_seconds == d.totals.speaking_seconds  # type: ignore[union-attr]
        listed = top_level(store.list())
        assert [a.id for a in listed] == [loop_id, single]
        counted = without_drills(store.list(status="done"))
        assert {a.scenario_id for a in counted} == {"ownership", "dive-deep"}
        data = loop_json(loop, answers, d)
        assert [a["scenario"] for a in data["answers"]] == ["ownership", "dive-deep"]
        assert data["answers"][0]["analysis"]["verdict"] == answers[0].verdict
        assert data["story_reuse"] == []
        md = render_loop(loop, answers, d, "md")
        assert "## Debrief" in md and "## Answer 2: Dive Deep" in md and d.reading in md
        html = render_loop(loop, answers, d, "html")
        assert html.count("<section class='answer'>") == 2
        store.delete(loop_id)
        assert [a.id for a in store.list()] == [single]


def test_a_loop_cut_short_keeps_its_answers_and_is_debriefed_from_them(tmp_path: Path) -> None:
    lib = _scenarios()
    with HistoryStore(tmp_path / "h.db") as store:
        loop_id = _loop(store, ("ownership", "dive-deep", "frugality"), 1)
    with HistoryStore(tmp_path / "h.db") as store:  # as after a crash: a fresh open
        (loop,) = unfinished_loops(store)
        assert loop.id == loop_id
        d = build_debrief(loop, store.loop_answers(loop_id), lib.get)
        assert len(d.rows) == 1 and d.planned == 3 and d.ended_early
        assert "1 of 3 answered" in d.reading


def test_a_version_3_database_opens_and_gains_the_loop_column(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with HistoryStore(path) as store:
        aid = store.start_attempt("ownership", "Ownership", "sde2", "rehearse", "q", None, "m")
    conn = sqlite3.connect(path)  # take it back to version 3, as an older app left it
    conn.execute("DROP INDEX attempts_loop")
    conn.execute("ALTER TABLE attempts DROP COLUMN loop_id")
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()
    with HistoryStore(path) as store:
        assert store.get(aid).loop_id is None and store.get(aid).scenario_id == "ownership"
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
    conn.close()
