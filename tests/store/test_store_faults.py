"""History database faults: locked, corrupt, newer version. Backed up and explained, never lost."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from history_support import filled_store, seed_scenario, timed_analysis

from mockinterviewer.cli import main
from mockinterviewer.paths import app_paths
from mockinterviewer.store import SCHEMA_VERSION, HistoryStore, StoreError, StoreLockedError


def _backups(path: Path, tag: str) -> list[Path]:
    return sorted(p for p in path.parent.glob(f"{path.name}.{tag}-*")
                  if not p.name.endswith(("-wal", "-shm")))


def _hold_exclusive(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, timeout=0.1)
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    conn.execute("BEGIN EXCLUSIVE")
    return conn


def test_locked_database_is_explained_and_left_alone() -> None:
    filled_store().close()
    path = app_paths().database
    before = path.read_bytes()
    holder = _hold_exclusive(path)
    try:
        with pytest.raises(StoreLockedError) as info:
            HistoryStore(timeout=0.2, on_lock="error")
        message = str(info.value)
        assert "locked by another program" in message and "untouched" in message
        assert _backups(path, "corrupt") == []
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert path.read_bytes() == before
    store = HistoryStore()  # once the other program lets go, everything is there
    assert len(store.list()) == 6
    store.close()


def test_locked_database_gets_a_session_history_merged_back_later() -> None:
    filled_store().close()
    path = app_paths().database
    before = path.read_bytes()
    holder = _hold_exclusive(path)
    try:
        store = HistoryStore(timeout=0.2)  # the app: practice goes on
        assert store.is_session and store.main_path == path and store.path != path
        assert "locked by another program" in store.notice and "left untouched" in store.notice
        backups = _backups(path, "locked")
        assert len(backups) == 1 and backups[0].read_bytes() == before  # a safety copy
        assert str(backups[0]) in store.notice
        scenario = seed_scenario()
        aid = store.start_attempt(scenario.id, scenario.principle, "sde2", "rehearse",
                                  "during the lock", None, "tiny.en")
        store.finish_attempt(aid, timed_analysis(scenario, {"action": 80}, verdict="Hire"))
        store.start_attempt(scenario.id, scenario.principle, "sde2", "rehearse", "unfinished",
                            Path("/tmp/x.wav"), "tiny.en")
        store.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert path.read_bytes() == before  # the locked database was never written
    again = HistoryStore()
    assert not again.is_session
    assert "2 attempt(s) recorded while your history was locked were added back" in again.notice
    prompts = {a.prompt: a for a in again.list()}
    assert len(prompts) >= 2 and len(again.list()) == 8
    assert prompts["during the lock"].verdict == "Hire"
    assert prompts["during the lock"].analysis is not None
    assert prompts["unfinished"].recordings == (Path("/tmp/x.wav"),)
    assert [a.prompt for a in again.unfinished()][-1] == "unfinished"
    merged = sorted(path.parent.glob(f"{path.name}.session-*.merged"))
    assert len(merged) == 1  # kept, renamed, never deleted
    again.close()
    third = HistoryStore()  # nothing merged twice
    assert third.notice == "" and len(third.list()) == 8
    third.close()


def test_lock_taken_during_a_session_is_a_clear_error_and_keeps_data() -> None:
    store = HistoryStore(timeout=0.2)
    scenario = seed_scenario()
    aid = store.start_attempt(scenario.id, scenario.principle, "sde2", "rehearse", "q", None, "m")
    other = sqlite3.connect(store.path, isolation_level=None, timeout=0.1)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the write lock
    try:
        with pytest.raises(StoreError, match="another program is using"):
            store.start_attempt(scenario.id, scenario.principle, "sde2", "rehearse", "q2", None,
                                "m")
        assert store.get(aid).status == "unfinished"  # reading still works in WAL mode
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert len(store.list()) == 1
    store.start_attempt(scenario.id, scenario.principle, "sde2", "rehearse", "q3", None, "m")
    assert len(store.list()) == 2
    store.close()


def test_garbage_file_is_backed_up_and_a_new_history_started() -> None:
    path = app_paths().database
    path.parent.mkdir(parents=True, exist_ok=True)
    junk = b"this is not a database, it is a shopping list\n" * 200
    path.write_bytes(junk)
    store = HistoryStore()
    backups = _backups(path, "corrupt")
    assert len(backups) == 1 and backups[0].read_bytes() == junk  # kept byte for byte
    assert store.backup == backups[0]
    assert "damaged" in store.notice and str(backups[0]) in store.notice
    assert store.list() == []
    aid = store.start_attempt("customer-obsession", "Customer Obsession", "sde2", "rehearse", "q",
                              None, "m")
    assert store.get(aid).status == "unfinished"
    store.close()
    again = HistoryStore()  # the new database is healthy: no second backup
    assert again.notice == "" and len(_backups(path, "corrupt")) == 1
    again.close()


def test_damaged_pages_are_detected_and_backed_up() -> None:
    store = filled_store()
    path = store.path
    store.close()
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big") or 65536
    assert len(data) >= 3 * page
    data[page:page * 2] = b"\xde\xad\xbe\xef" * (page // 4)  # smash the second page
    path.write_bytes(bytes(data))
    fresh = HistoryStore()
    backups = _backups(path, "corrupt")
    assert len(backups) == 1 and backups[0].read_bytes() == bytes(data)
    assert "damaged" in fresh.notice
    assert fresh.list() == []
    fresh.close()


def test_newer_schema_is_kept_and_a_new_history_started() -> None:
    filled_store().close()
    path = app_paths().database
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.execute("CREATE TABLE future_things (x)")
    conn.commit()
    conn.close()
    store = HistoryStore()
    backups = _backups(path, f"v{SCHEMA_VERSION + 5}")
    assert len(backups) == 1
    assert "newer version" in store.notice and str(backups[0]) in store.notice
    assert store.list() == []
    old = sqlite3.connect(backups[0])  # the backup is intact and still readable
    assert old.execute("SELECT COUNT(*) FROM attempts").fetchone()[0] == 6
    assert old.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 5
    old.close()
    store.close()


def test_unwritable_data_folder_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot create the history database"):
        HistoryStore(blocker / "history.sqlite3")


def test_cli_history_on_a_corrupt_database_warns_and_goes_on(
        capsys: pytest.CaptureFixture[str]) -> None:
    path = app_paths().database
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x00garbage" * 500)
    assert main(["history", "list"]) == 0
    out, err = capsys.readouterr()
    assert err.startswith("warning: ") and err.count("\n") == 1 and "damaged" in err
    assert "no attempts yet" in out
    assert len(_backups(path, "corrupt")) == 1


def test_cli_history_on_a_locked_database_is_one_error_line(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    filled_store().close()
    import mockinterviewer.cli.history as cli_history

    real = cli_history.HistoryStore
    monkeypatch.setattr(cli_history, "HistoryStore",
                        lambda **kw: real(**{**kw, "timeout": 0.2}))
    holder = _hold_exclusive(app_paths().database)
    try:
        assert main(["history", "list"]) == 2
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("error: the history database") and err.count("\n") == 1
    assert "Traceback" not in err


def test_session_merge_is_not_repeated_after_a_crash_halfway() -> None:
    path = app_paths().database
    HistoryStore().close()
    holder = _hold_exclusive(path)
    try:
        session = HistoryStore(timeout=0.2)
        session.start_attempt("customer-obsession", "Customer Obsession", "sde2", "rehearse",
                              "locked-time answer", None, "tiny.en")
        session_file = session.path
        session.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    HistoryStore().close()  # merges and renames the session file
    merged = session_file.with_name(session_file.name + ".merged")
    assert merged.exists() and not session_file.exists()
    merged.rename(session_file)  # as if the app died after the merge, before the rename
    store = HistoryStore()
    assert [a.prompt for a in store.list()] == ["locked-time answer"]
    assert merged.exists()
    store.close()


def test_failed_upgrade_leaves_the_database_as_it_was() -> None:
    path = app_paths().database
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    # Claims version 1 but lacks the columns the upgrade copies: the migration fails halfway.
    conn.executescript("CREATE TABLE attempts (id INTEGER PRIMARY KEY, created_at TEXT);"
                       "INSERT INTO attempts VALUES (1, '2025-01-01');"
                       "PRAGMA user_version = 1;")
    conn.close()
    with pytest.raises(StoreError, match="left as it is"):
        HistoryStore()
    assert _backups(path, "corrupt") == []
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == 1  # rolled back
    assert check.execute("SELECT COUNT(*) FROM attempts").fetchone()[0] == 1
    tables = {r[0] for r in check.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"attempts"}
    check.close()


def test_disk_full_while_saving_is_explained_and_keeps_the_attempt() -> None:
    scenario = seed_scenario()
    store = HistoryStore()
    rec = app_paths().recordings / "answer.wav"
    aid = store.start_attempt(scenario.id, scenario.principle, "sde2", "rehearse", "q", rec,
                              "tiny.en")
    # SQLite's own limit gives the same SQLITE_FULL error a full disk does.
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages}")
    big = timed_analysis(scenario, {"situation": 300, "task": 300, "action": 900, "result": 300,
                                    "reflection": 300})
    with pytest.raises(StoreError, match="disk is full") as info:
        store.finish_attempt(aid, big)
    assert "recording so far is kept" in str(info.value)
    kept = store.get(aid)
    assert kept.status == "unfinished" and kept.recordings == (rec,)
    assert [a.id for a in store.unfinished()] == [aid]  # offered for analysis again later
    store._conn.execute("PRAGMA max_page_count = 1073741823")
    store.finish_attempt(aid, big)
    assert store.get(aid).status == "done"
    store.close()


def test_nothing_is_written_outside_the_data_folder(private_home: Path) -> None:
    store = filled_store()
    store.delete(store.list()[0].id)
    store.close()
    HistoryStore().close()
    written = [p for p in private_home.rglob("*") if p.is_file()]
    assert written
    data = app_paths().data
    assert all(p.is_relative_to(data) for p in written), written
