"""The history store on real SQLite in the private home."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from history_support import (
    analysis_from_text,
    filled_store,
    seed_scenario,
    spoken_analysis,
    timed_analysis,
    write_wav,
)

from mockinterviewer.coach.types import Analysis
from mockinterviewer.paths import app_paths
from mockinterviewer.store import SCHEMA_VERSION, HistoryStore, StoreError
from mockinterviewer.store.insights import compare, coverage


def test_attempt_saved_as_it_happens_and_finished() -> None:
    scenario = seed_scenario()
    store = HistoryStore()
    assert store.path == app_paths().database
    rec = write_wav(app_paths().recordings / "a1.wav")
    aid = store.start_attempt(scenario.id, scenario.principle, "sde2", "rehearse",
                              scenario.prompts[0], rec, "tiny.en")
    # Visible to a second connection at once: nothing waits for the end of the answer.
    other = HistoryStore()
    first = other.get(aid)
    assert first.status == "unfinished" and first.analysis is None and first.verdict is None
    assert first.recordings == (rec,)
    probe = write_wav(app_paths().recordings / "a1-probe.wav")
    store.add_recording(aid, probe, kind="probe:verify")
    analysis = timed_analysis(scenario, {"situation": 31, "task": 19, "action": 92, "result": 20,
                                         "reflection": 14}, verdict="Strong Hire")
    store.finish_attempt(aid, analysis)
    got = other.get(aid)
    assert got.status == "done"
    assert got.recordings == (rec, probe)
    assert got.recording_kinds == ("answer", "probe:verify")
    assert got.verdict == "Strong Hire"
    assert isinstance(got.analysis, Analysis)
    assert got.analysis == Analysis.from_dict(analysis.to_dict())
    assert got.total_seconds == pytest.approx(176.0)
    assert got.words_per_minute == pytest.approx(analysis.metrics.words_per_minute, abs=0.1)
    assert got.report["segments"][2]["label"] == "action"
    assert got.model == "tiny.en" and got.prompt == scenario.prompts[0]
    assert got.created_at.tzinfo is not None and got.finished_at is not None
    assert store.unfinished() == []
    other.close()
    store.close()


@pytest.mark.parametrize("weak", [False, True])
def test_real_engine_analysis_round_trips(weak: bool) -> None:
    scenario = seed_scenario()
    analysis = spoken_analysis(scenario, weak=weak)
    store = HistoryStore()
    aid = store.start_attempt(scenario.id, scenario.principle, "sde2", "rehearse",
                              scenario.prompts[1], None, "tiny.en")
    store.finish_attempt(aid, analysis)
    got = store.get(aid)
    assert got.analysis == Analysis.from_dict(analysis.to_dict())
    assert got.verdict == analysis.verdict
    assert got.total_seconds == pytest.approx(analysis.metrics.total_seconds, abs=0.05)
    assert got.words_per_minute == pytest.approx(analysis.metrics.words_per_minute, abs=0.05)
    assert got.fillers_per_minute == pytest.approx(analysis.metrics.fillers_per_minute, abs=0.01)
    assert [f["id"] for f in got.report["findings"]] == [f.id for f in analysis.findings]
    assert len(got.analysis.words) == len(analysis.words)
    if weak:
        assert got.verdict in ("Leaning No Hire", "No Hire")
    store.close()


def test_written_answer_is_stored_too() -> None:
    scenario = seed_scenario()
    text = "\n\n".join(s.strong_example for s in scenario.segments)
    store = HistoryStore()
    aid = store.start_attempt(scenario.id, scenario.principle, "senior", "analyze", "", None, "")
    store.finish_attempt(aid, analysis_from_text(scenario, text, "senior"))
    got = store.get(aid)
    assert got.analysis is not None and got.analysis.metrics.timed is False
    assert got.report["level"] == "senior"
    store.close()


def test_database_is_wal_with_foreign_keys_and_private() -> None:
    store = HistoryStore()
    conn = sqlite3.connect(store.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()
    assert store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert stat.S_IMODE(os.stat(store.path).st_mode) == 0o600
    store.close()


def test_list_filters_and_summaries() -> None:
    store = filled_store()
    scenario = seed_scenario()
    all_ = store.list()
    assert len(all_) == 6
    assert [a.created_at for a in all_] == sorted((a.created_at for a in all_), reverse=True)
    assert len(store.list(scenario_id=scenario.id)) == 6
    assert store.list(scenario_id="ownership") == []
    assert len(store.list(principle="Customer Obsession")) == 6
    assert len(store.list(principle="customer-obsession")) == 6
    assert store.list(since=datetime.now(UTC) + timedelta(minutes=1)) == []
    assert len(store.list(since=datetime.now() - timedelta(minutes=5))) == 1  # naive = local
    assert len(store.list(since=datetime.now(UTC) - timedelta(days=7))) == 3
    assert len(store.list(since=datetime.now(UTC) - timedelta(days=20))) == 6
    last = store.last_by_scenario()[scenario.id]
    assert last.status == "done" and last.verdict == "Strong Hire"
    stats = store.prompt_stats()
    assert sum(s.count for s in stats.values()) == 5
    assert stats[scenario.prompts[4]].best_verdict == "Strong Hire"
    assert stats[scenario.prompts[0]].best_verdict == "No Hire"
    store.close()


def test_unknown_attempt_is_a_store_error() -> None:
    store = HistoryStore()
    with pytest.raises(StoreError, match="no attempt 42"):
        store.get(42)
    with pytest.raises(StoreError):
        store.finish_attempt(42, timed_analysis(seed_scenario(), {"action": 10}))
    with pytest.raises(StoreError):
        store.add_recording(42, Path("x.wav"))
    store.close()


def test_delete_removes_rows_and_own_audio_only(tmp_path: Path) -> None:
    scenario = seed_scenario()
    store = HistoryStore()
    mine = write_wav(app_paths().recordings / "take.wav")
    probe = write_wav(app_paths().recordings / "take-probe.wav")
    users_own = write_wav(tmp_path / "my-own-answer.wav")  # analysed from outside the data folder
    aid = store.start_attempt(scenario.id, scenario.principle, "sde2", "rehearse", "q", mine, "m")
    store.add_recording(aid, probe, "probe:x")
    store.add_recording(aid, users_own, "answer")
    store.delete(aid)
    assert not mine.exists() and not probe.exists()
    assert users_own.exists()
    with pytest.raises(StoreError):
        store.get(aid)
    left = store._conn.execute("SELECT COUNT(*) FROM recordings").fetchone()[0]
    assert left == 0  # ON DELETE CASCADE
    store.close()


def test_abandon_stops_offering_an_attempt() -> None:
    store = HistoryStore()
    aid = store.start_attempt("customer-obsession", "Customer Obsession", "sde1", "drill", "q",
                              None, "tiny.en")
    assert [a.id for a in store.unfinished()] == [aid]
    store.abandon(aid)
    assert store.unfinished() == []
    assert store.get(aid).status == "abandoned"
    store.close()


def test_store_shared_with_a_worker_thread() -> None:
    import threading

    store = HistoryStore()
    scenario = seed_scenario()
    aid = store.start_attempt(scenario.id, scenario.principle, "sde2", "rehearse", "q", None, "m")
    errors: list[BaseException] = []

    def work() -> None:
        try:
            store.finish_attempt(aid, timed_analysis(scenario, {"action": 60}))
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert not errors
    assert store.get(aid).status == "done"
    store.close()


def _make_v1(path: Path) -> None:
    """A version-1 database as the first release wrote it: one recording column, no metrics."""
    scenario = seed_scenario()
    done = timed_analysis(scenario, {"situation": 40, "task": 20, "action": 80, "result": 20,
                                     "reflection": 10}, verdict="Hire").to_dict()
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        CREATE TABLE attempts (
            id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL,
            scenario_id TEXT NOT NULL, principle TEXT NOT NULL, level TEXT NOT NULL,
            mode TEXT NOT NULL, prompt TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'unfinished', recording TEXT,
            model TEXT NOT NULL DEFAULT '', analysis_json TEXT, verdict TEXT);
        CREATE INDEX attempts_scenario ON attempts(scenario_id, created_at);
        PRAGMA user_version = 1;
        """
    )
    conn.execute("INSERT INTO attempts VALUES (7, '2025-01-02T10:00:00+00:00', ?, ?, 'sde2',"
                 " 'rehearse', 'Tell me...', 'done', '/old/rec-7.wav', 'base.en', ?, 'Hire')",
                 (scenario.id, scenario.principle, json.dumps(done)))
    conn.execute("INSERT INTO attempts VALUES (8, '2025-01-03T10:00:00', ?, ?, 'senior', 'drill',"
                 " 'Q2', 'unfinished', '/old/rec-8.wav', 'tiny.en', NULL, NULL)",
                 (scenario.id, scenario.principle))
    conn.commit()
    conn.close()


def test_migrates_a_version_1_database() -> None:
    path = app_paths().database
    _make_v1(path)
    store = HistoryStore()
    assert store.notice == ""
    assert store._conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    old = store.get(7)
    assert old.status == "done" and old.verdict == "Hire"
    assert old.recordings == (Path("/old/rec-7.wav"),)
    assert old.total_seconds == pytest.approx(170.0)
    assert old.words_per_minute is not None and old.fillers_per_minute is not None
    assert isinstance(old.analysis, Analysis)
    assert [seg["label"] for seg in old.summary["segments"]][:2] == ["situation", "task"]
    assert "text" not in old.summary["segments"][0]  # the summary the views read is small
    assert old.created_at == datetime(2025, 1, 2, 10, tzinfo=UTC)
    tables = {r[0] for r in store._conn.execute("SELECT name FROM sqlite_master")}
    assert {"attempts", "recordings", "merged_sessions"} <= tables
    assert [a.id for a in store.unfinished()] == [8]
    assert len(store.list(principle="customer-obsession")) == 2
    # New rows go on after the old ids, and the new tables work.
    new = store.start_attempt("customer-obsession", "Customer Obsession", "sde2", "rehearse", "q",
                              Path("/x.wav"), "tiny.en")
    assert new == 9
    store.close()
    # Opening again does not migrate twice.
    again = HistoryStore()
    assert len(again.list()) == 3
    again.close()


_CRASHER = textwrap.dedent(
    """
    import os, signal
    import numpy as np
    from mockinterviewer.audio.recorder import WavRecorder
    from mockinterviewer.paths import app_paths
    from mockinterviewer.store import HistoryStore

    store = HistoryStore()
    wav = app_paths().recordings / "crash.wav"
    aid = store.start_attempt("customer-obsession", "Customer Obsession", "sde2", "rehearse",
                              "Tell me about a time...", wav, "tiny.en")
    rec = WavRecorder(wav)
    tone = (0.2 * np.sin(np.linspace(0, 2 * np.pi * 220, 1600))).astype(np.float32)
    for _ in range(12):  # 1.2 s of answer, streamed in 0.1 s chunks as the recorder does
        rec.write(tone)
    print(aid, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)  # power cut mid-answer: no close(), no finish
    """
)


def test_killed_mid_attempt_is_recovered_on_next_start() -> None:
    from mockinterviewer.audio.recorder import read_wav
    from mockinterviewer.coach import analyze

    proc = subprocess.run([sys.executable, "-c", _CRASHER], capture_output=True, text=True,
                          timeout=60, env=os.environ.copy())
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    aid = int(proc.stdout.strip())
    store = HistoryStore()
    left = store.unfinished()
    assert [a.id for a in left] == [aid]
    crashed = left[0]
    assert crashed.status == "unfinished" and crashed.has_audio
    assert crashed.recordings == (app_paths().recordings / "crash.wav",)
    samples, rate = read_wav(crashed.recordings[0])  # the answer so far is all there
    assert rate == 16000 and len(samples) == 12 * 1600
    # The app analyses it (nothing recognisable was said) and the attempt is complete.
    analysis = analyze([], seed_scenario(), "sde2", duration=len(samples) / rate)
    store.finish_attempt(aid, analysis)
    assert store.unfinished() == []
    done = store.get(aid)
    assert done.status == "done" and done.verdict == analysis.verdict
    store.close()


def test_insights_coverage_and_compare() -> None:
    from mockinterviewer.content.library import load_library

    store = filled_store()
    scenarios = load_library().scenarios
    rows = coverage(store.list(), scenarios)
    practised = [r for r in rows if r.practised]
    assert len(practised) == 1 and practised[0].principle_id == "customer-obsession"
    assert practised[0].attempts == 5 and practised[0].best_verdict == "Strong Hire"
    if len(rows) > 1:
        assert not rows[0].practised and rows[0].reason == "never practised"
    done = sorted(store.list(status="done"), key=lambda a: a.created_at)
    cmp = compare(done[1], done[0])  # argument order does not matter
    assert cmp.before.id == done[0].id and cmp.same_scenario
    assert {f.id for f in cmp.fixed} == {"segment.missing.reflection"}
    assert {f.id for f in cmp.kept} == {"action.we_language", "result.no_metrics"}
    assert cmp.new == ()
    refl = next(d for d in cmp.segments if d.label == "reflection")
    assert refl.before_seconds == 0.0 and refl.after_seconds == 8.0
    assert refl.before_status == "missing" and refl.after_status != "missing"
    store.close()


def test_coverage_orders_never_then_weakest_then_least_practised() -> None:
    from mockinterviewer.content.library import load_library

    one_each = {s.principle_id: s for s in reversed(load_library().scenarios)}
    scenarios = list(one_each.values())[:4]  # four different principles
    if len(scenarios) < 4:
        pytest.skip("needs four scenarios in the library")
    a, b, c, never = scenarios
    store = HistoryStore()
    for scenario, verdicts in ((a, ["No Hire", "Strong Hire"]), (b, ["Hire", "No Hire"]),
                               (c, ["Hire"])):
        for verdict in verdicts:
            aid = store.start_attempt(scenario.id, scenario.principle, "sde2", "rehearse", "q",
                                      None, "tiny.en")
            store.finish_attempt(aid, timed_analysis(scenario, {"action": 60}, verdict=verdict))
    rows = coverage(store.list(), [a, b, c, never])
    assert [r.principle_id for r in rows] == [never.principle_id, b.principle_id,
                                              c.principle_id, a.principle_id]
    assert rows[0].reason == "never practised" and rows[0].next_scenario == never.id
    assert rows[1].last_verdict == "No Hire" and rows[1].best_verdict == "Hire"
    assert "practise again" in rows[1].reason
    assert rows[3].attempts == 2 and rows[3].best_verdict == "Strong Hire"
    store.close()
