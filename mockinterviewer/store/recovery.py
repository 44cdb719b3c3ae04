"""Keeping practice going when the history database is locked, without losing anything.

When another program holds the database locked, the app copies it aside as a safety backup
(``<name>.locked-<stamp>``; SQLite's locks are advisory, so the bytes can still be read), leaves the
original alone, and records this session's attempts in a new session database
(``<name>.session-<stamp>``). The next time the main database opens normally, every session
database is merged back into it and renamed ``.merged`` (kept, never deleted). A table of merged
session names makes the merge idempotent even if the app dies halfway.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

log = logging.getLogger(__name__)

_SIDE_FILES = ("-wal", "-shm", "-journal")
_ATTEMPT_COLUMNS = ("created_at", "finished_at", "scenario_id", "principle", "principle_key",
                    "level", "mode", "prompt", "status", "model", "analysis_json", "verdict",
                    "total_seconds", "words_per_minute", "fillers_per_minute", "summary_json")


def _stamped(path: Path, tag: str) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.name}.{tag}-{stamp}")
    n = 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}.{tag}-{stamp}-{n}")
    return candidate


def set_aside(path: Path, tag: str) -> Path:
    """Moves a database and its WAL/SHM files to ``<name>.<tag>-<stamp>``.

    Args:
        path: the database file.
        tag: what happened (``corrupt``, ``v3``...).

    Returns:
        Where the database now is.
    """
    backup = _stamped(path, tag)
    os.replace(path, backup)
    for suffix in _SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, backup.with_name(backup.name + suffix))
    log.warning("history database %s moved to %s (%s)", path, backup, tag)
    return backup


def copy_aside(path: Path, tag: str) -> Path:
    """Copies a database (and its WAL file) to ``<name>.<tag>-<stamp>``, leaving it in place.

    Args:
        path: the database file.
        tag: what happened (``locked``).

    Returns:
        The copy.
    """
    backup = _stamped(path, tag)
    shutil.copyfile(path, backup)
    os.chmod(backup, 0o600)
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        shutil.copyfile(wal, backup.with_name(backup.name + "-wal"))
    log.warning("history database %s is locked; copied to %s", path, backup)
    return backup


def session_path(path: Path) -> Path:
    """A fresh path for a session database beside ``path``."""
    return _stamped(path, "session")


def pending_sessions(path: Path) -> list[Path]:
    """Session databases beside ``path`` that have not been merged yet, oldest first."""
    found = []
    for p in path.parent.glob(f"{path.name}.session-*"):
        if p.name.endswith(_SIDE_FILES) or p.name.endswith(".merged"):
            continue
        found.append(p)
    return sorted(found)


def merge_sessions(conn: sqlite3.Connection, path: Path) -> int:
    """Adds the attempts of every pending session database into the main one.

    Args:
        conn: the main database (open, migrated, autocommit mode).
        path: the main database's file.

    Returns:
        How many attempts were added.
    """
    added = 0
    for session in pending_sessions(path):
        done = conn.execute("SELECT 1 FROM merged_sessions WHERE name = ?",
                            (session.name,)).fetchone()
        try:
            if done is None:
                added += _merge_one(conn, session)
        except sqlite3.Error as exc:
            log.warning("could not merge session history %s (kept as it is): %s", session, exc)
            continue
        src_wal = session.with_name(session.name + "-wal")
        if src_wal.exists() and src_wal.stat().st_size:
            log.info("session %s still has a write-ahead log; merging it next time", session)
            continue
        for suffix in ("", *_SIDE_FILES):
            part = session.with_name(session.name + suffix)
            if part.exists():
                os.replace(part, part.with_name(session.name + ".merged" + suffix))
    return added


def _merge_one(conn: sqlite3.Connection, session: Path) -> int:
    src = sqlite3.connect(session, timeout=0.5, isolation_level=None)
    src.row_factory = sqlite3.Row
    try:
        src.execute("BEGIN IMMEDIATE")  # fails (locked) while another process still writes it
        rows = src.execute("SELECT * FROM attempts ORDER BY id").fetchall()
        recs = src.execute("SELECT attempt_id, path, kind FROM recordings ORDER BY id").fetchall()
        src.execute("ROLLBACK")
    finally:
        src.close()
    by_attempt: dict[int, list[sqlite3.Row]] = {}
    for r in recs:
        by_attempt.setdefault(r["attempt_id"], []).append(r)
    cols = ", ".join(_ATTEMPT_COLUMNS)
    marks = ", ".join("?" * len(_ATTEMPT_COLUMNS))
    new_ids: dict[int, int] = {}
    conn.execute("BEGIN IMMEDIATE")
    try:
        for r in rows:
            cur = conn.execute(f"INSERT INTO attempts ({cols}) VALUES ({marks})",
                               tuple(r[c] for c in _ATTEMPT_COLUMNS))
            new_ids[r["id"]] = int(cur.lastrowid or 0)
            loop_id = r["loop_id"] if "loop_id" in r.keys() else None  # noqa: SIM118 - sqlite Row
            if loop_id is not None and loop_id in new_ids:  # a loop's answers follow the loop
                conn.execute("UPDATE attempts SET loop_id = ? WHERE id = ?",
                             (new_ids[loop_id], cur.lastrowid))
            for rec in by_attempt.get(r["id"], []):
                conn.execute("INSERT INTO recordings (attempt_id, path, kind) VALUES (?, ?, ?)",
                             (cur.lastrowid, rec["path"], rec["kind"]))
        conn.execute("INSERT INTO merged_sessions (name, merged_at, attempts) VALUES (?, ?, ?)",
                     (session.name, datetime.now(UTC).isoformat(), len(rows)))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:  # SQLite may already have rolled back (disk full)
            conn.execute("ROLLBACK")
        raise
    log.info("merged %d attempt(s) from %s", len(rows), session)
    return len(rows)
