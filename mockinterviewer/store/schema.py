"""Opening the history database: schema version, migrations, and recovery from damage.

The schema version lives in SQLite's ``PRAGMA user_version``. A fresh database runs every migration
in order, so the upgrade path from an old version is the same code a new install runs.

Faults, each explained to the user and never silently deleted:

* corrupt file (not a database, or ``quick_check`` fails): the file and its WAL/SHM companions are
  moved aside to ``<name>.corrupt-<stamp>`` and a new database is started;
* a database written by a newer version of the app: moved aside to ``<name>.v<N>-<stamp>`` and a
  new database is started (a newer app can open the backup again);
* locked by another program after waiting: nothing is touched, :class:`StoreLockedError` says so.
  A locked database is not damaged; replacing it while another process writes to it would lose
  that process's data. :class:`~mockinterviewer.store.HistoryStore` then keeps a copy and carries
  on in a session database that is merged back later (see :mod:`mockinterviewer.store.recovery`).
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mockinterviewer.content.model import kebab
from mockinterviewer.errors import UserError
from mockinterviewer.paths import ensure
from mockinterviewer.store.model import make_summary
from mockinterviewer.store.recovery import set_aside

log = logging.getLogger(__name__)

SCHEMA_VERSION = 4


class StoreError(UserError):
    """A history database failure, with a message saying what happened and what to do."""


class StoreLockedError(StoreError):
    """The history database is held by another program."""


@dataclass(frozen=True)
class OpenResult:
    """An open database connection and what had to be done to get it.

    Attributes:
        conn: the connection (autocommit; transactions are explicit).
        notice: a message for the user when the old database was set aside, else "".
        backup: where the old database was moved, if it was.
    """

    conn: sqlite3.Connection
    notice: str = ""
    backup: Path | None = None


def _script(conn: sqlite3.Connection, script: str) -> None:
    """Runs statements one by one (``executescript`` would commit the open transaction)."""
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def _v1(conn: sqlite3.Connection) -> None:
    """Version 1: one table, one recording path per attempt."""
    _script(conn,
        """
        CREATE TABLE attempts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            created_at TEXT NOT NULL,
            scenario_id TEXT NOT NULL,
            principle TEXT NOT NULL,
            level TEXT NOT NULL,
            mode TEXT NOT NULL,
            prompt TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'unfinished',
            recording TEXT,
            model TEXT NOT NULL DEFAULT '',
            analysis_json TEXT,
            verdict TEXT
        );
        CREATE INDEX attempts_scenario ON attempts(scenario_id, created_at);
        """
    )


def _metric(data: dict[str, Any], *keys: str) -> float | None:
    """Reads a number from an analysis dict's ``metrics``."""
    metrics = data.get("metrics") or {}
    for key in keys:
        value = metrics.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
    return None


def _v2(conn: sqlite3.Connection) -> None:
    """Version 2: many recordings per attempt (probe answers), indexed metrics for the views."""
    _script(conn,
        """
        CREATE TABLE attempts_v2 (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            created_at TEXT NOT NULL,
            finished_at TEXT,
            scenario_id TEXT NOT NULL,
            principle TEXT NOT NULL,
            principle_key TEXT NOT NULL DEFAULT '',
            level TEXT NOT NULL,
            mode TEXT NOT NULL,
            prompt TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'unfinished'
                CHECK (status IN ('unfinished', 'done', 'abandoned')),
            model TEXT NOT NULL DEFAULT '',
            analysis_json TEXT,
            verdict TEXT,
            total_seconds REAL,
            words_per_minute REAL,
            fillers_per_minute REAL
        );
        CREATE TABLE recordings (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
            path TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'answer'
        );
        """
    )
    rows = conn.execute(
        "SELECT id, created_at, scenario_id, principle, level, mode, prompt, status, recording,"
        " model, analysis_json, verdict FROM attempts"
    ).fetchall()
    for r in rows:
        data: dict[str, Any] = {}
        if r[10]:
            try:
                data = json.loads(r[10])
            except ValueError:
                log.warning("attempt %s: stored analysis is not JSON; keeping the text", r[0])
        status = r[7] if r[7] in ("unfinished", "done", "abandoned") else "unfinished"
        conn.execute(
            "INSERT INTO attempts_v2 (id, created_at, finished_at, scenario_id, principle,"
            " principle_key, level, mode, prompt, status, model, analysis_json, verdict,"
            " total_seconds, words_per_minute, fillers_per_minute)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (r[0], r[1], r[1] if status == "done" else None, r[2], r[3], kebab(r[3]), r[4], r[5],
             r[6] or "", status, r[9] or "", r[10], r[11] or data.get("verdict"),
             _metric(data, "total_seconds"), _metric(data, "words_per_minute"),
             _metric(data, "fillers_per_minute")),
        )
        if r[8]:
            conn.execute("INSERT INTO recordings (attempt_id, path, kind) VALUES (?, ?, 'answer')",
                         (r[0], r[8]))
    _script(conn,
        """
        DROP INDEX attempts_scenario;
        DROP TABLE attempts;
        ALTER TABLE attempts_v2 RENAME TO attempts;
        CREATE INDEX attempts_scenario ON attempts(scenario_id, created_at);
        CREATE INDEX attempts_principle ON attempts(principle_key, created_at);
        CREATE INDEX attempts_status ON attempts(status);
        CREATE INDEX recordings_attempt ON recordings(attempt_id);
        """
    )


def _v3(conn: sqlite3.Connection) -> None:
    """Version 3: a small summary beside each analysis for the views, and the names of session
    databases (made while the main one was locked) already merged back."""
    _script(conn, """
        CREATE TABLE merged_sessions (
            name TEXT PRIMARY KEY,
            merged_at TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0
        );
        ALTER TABLE attempts ADD COLUMN summary_json TEXT
        """)
    rows = conn.execute("SELECT id, analysis_json FROM attempts"
                        " WHERE analysis_json IS NOT NULL").fetchall()
    for attempt_id, text in rows:
        try:
            data = json.loads(text)
        except ValueError:
            continue
        if isinstance(data, dict):
            conn.execute("UPDATE attempts SET summary_json = ? WHERE id = ?",
                         (json.dumps(make_summary(data), ensure_ascii=False), attempt_id))


def _v4(conn: sqlite3.Connection) -> None:
    """Version 4: an answer asked as part of a loop points at the loop's own row (mode ``loop``);
    older attempts belong to no loop."""
    _script(conn, """
        ALTER TABLE attempts ADD COLUMN loop_id INTEGER REFERENCES attempts(id) ON DELETE CASCADE;
        CREATE INDEX attempts_loop ON attempts(loop_id)
        """)


# MIGRATIONS[i] takes a database from version i to version i + 1.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1, _v2, _v3, _v4)
assert len(MIGRATIONS) == SCHEMA_VERSION


def migrate(conn: sqlite3.Connection) -> int:
    """Brings a database up to :data:`SCHEMA_VERSION`, one transaction per step.

    Args:
        conn: an open connection in autocommit mode.

    Returns:
        The version the database had before.
    """
    before = conn.execute("PRAGMA user_version").fetchone()[0]
    for version in range(before, SCHEMA_VERSION):
        log.info("history database: migrating from version %d to %d", version, version + 1)
        conn.execute("PRAGMA foreign_keys = OFF")  # table rebuilds; re-enabled below
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # SQLite may already have rolled back (disk full)
                conn.execute("ROLLBACK")
            raise
        finally:
            conn.execute("PRAGMA foreign_keys = ON")
    return before


def _is_locked(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


_CORRUPT_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB


def _is_corrupt(exc: sqlite3.Error) -> bool:
    """Tells damage (set the file aside) from other failures (leave the file alone)."""
    if isinstance(exc, _Damaged):
        return True
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None and (code & 0xFF) in _CORRUPT_CODES:
        return True
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text


def _create_private(path: Path) -> None:
    """Creates an empty file readable by the user only, unless it exists."""
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)


def _connect(path: Path, timeout: float) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    return conn


def _prepare(conn: sqlite3.Connection) -> None:
    """Checks integrity, switches on WAL and foreign keys, and migrates.

    Raises:
        sqlite3.DatabaseError: the file is damaged or not a database.
        _TooNew: the schema is newer than this app understands.
    """
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise _TooNewError(version)
    check = conn.execute("PRAGMA quick_check").fetchone()[0]
    if check != "ok":
        raise _Damaged(f"integrity check failed: {check}")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        log.warning("history database: WAL mode refused (%s)", mode)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")
    migrate(conn)


class _Damaged(sqlite3.DatabaseError):
    """``quick_check`` found damage."""


class _TooNewError(Exception):
    def __init__(self, version: int) -> None:
        super().__init__(version)
        self.version = version


def open_database(path: Path, timeout: float = 5.0) -> OpenResult:
    """Opens (creating or upgrading) the history database, recovering from damage.

    Args:
        path: the database file.
        timeout: seconds to wait for another program's lock.

    Returns:
        The open connection, with a notice for the user if the old file had to be set aside.

    Raises:
        StoreLockedError: another program holds the database locked.
        StoreError: the folder cannot be written, or a new database cannot be made.
    """
    try:
        ensure(path.parent)
        _create_private(path)
    except OSError as exc:
        raise StoreError(
            f"cannot create the history database {path}: {exc.strerror or exc}. "
            "Check that the data folder exists and is writable."
        ) from exc
    notice, backup = "", None
    for attempt in (1, 2):
        conn = None
        try:
            conn = _connect(path, timeout)
            _prepare(conn)
            return OpenResult(conn, notice, backup)
        except _TooNewError as exc:
            if conn is not None:
                conn.close()
            if attempt == 2:
                raise StoreError(f"cannot start a new history database at {path}") from exc
            backup = set_aside(path, f"v{exc.version}")
            notice = (
                f"Your practice history was saved by a newer version of Mock Interviewer "
                f"(database version {exc.version}; this version reads up to {SCHEMA_VERSION}). "
                f"It was kept unchanged as {backup} and a new history was started. Update the "
                "app and move that file back to see your older attempts."
            )
        except sqlite3.Error as exc:
            if conn is not None:
                conn.close()
            if _is_locked(exc):
                raise StoreLockedError(
                    f"the history database {path} is locked by another program (is Mock "
                    "Interviewer already open in another window?). Close the other program and "
                    "try again; your history is untouched."
                ) from exc
            if attempt == 2 or not _is_corrupt(exc):
                log.error("history database %s cannot be opened: %s", path, exc)
                raise StoreError(
                    f"cannot open the history database {path} ({exc}). It was left as it is; "
                    "check the disk and the data folder's permissions, then try again."
                ) from exc
            log.warning("history database %s is damaged: %s", path, exc)
            backup = set_aside(path, "corrupt")
            notice = (
                f"Your practice history database was damaged and could not be read ({exc}). "
                f"It was kept as {backup} so nothing is lost, and a new history was started. "
                "Your recordings are still in the recordings folder."
            )
        _create_private(path)
    raise AssertionError("unreachable")  # pragma: no cover
