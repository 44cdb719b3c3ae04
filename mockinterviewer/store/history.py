"""The practice history: every attempt kept in SQLite, saved as it happens.

An attempt row is written when the answer starts (status ``unfinished``) and each recording path as
soon as the file exists, so a crash mid-answer leaves both behind; :meth:`HistoryStore.unfinished`
finds them on the next start. :meth:`HistoryStore.finish_attempt` stores the coaching engine's
analysis as JSON plus indexed columns (verdict, total seconds, words and fillers per minute).
"""

from __future__ import annotations

import builtins
import json
import logging
import sqlite3
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from mockinterviewer.content.model import kebab
from mockinterviewer.paths import app_paths
from mockinterviewer.store.model import Attempt, PromptStats, make_summary, verdict_rank
from mockinterviewer.store.recovery import (
    copy_aside,
    merge_sessions,
    pending_sessions,
    session_path,
)
from mockinterviewer.store.schema import OpenResult, StoreError, StoreLockedError, open_database

log = logging.getLogger(__name__)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _parse_time(text: str | None) -> datetime | None:
    if not text:
        return None
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


class Storable(Protocol):
    """What an attempt's analysis must offer to be stored (the coach's ``Analysis`` does)."""

    def to_dict(self) -> Mapping[str, Any]:
        """The analysis as JSON-ready data."""
        ...


def _analysis_dict(analysis: Storable | Mapping[str, Any]) -> dict[str, Any]:
    """Returns an analysis's JSON form (``to_dict()``, or a mapping as it is)."""
    if isinstance(analysis, Mapping):
        return dict(analysis)
    return dict(analysis.to_dict())


def _number(metrics: Mapping[str, Any], key: str) -> float | None:
    value = metrics.get(key)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


class HistoryStore:
    """The history database. Safe to share between threads (one connection, one lock)."""

    def __init__(self, path: Path | None = None, timeout: float = 5.0,
                 on_lock: str = "session") -> None:
        """Opens the database, creating, upgrading or replacing a damaged one as needed.

        A damaged database, or one from a newer version, is moved aside and a new one started;
        :attr:`notice` then says so in words for the user. A database locked by another program
        is left alone: with ``on_lock="session"`` (the app) a copy is kept as a backup and this
        session's attempts go to a session database that is merged back on a later start; with
        ``on_lock="error"`` (the command line) a :class:`StoreLockedError` explains.

        Args:
            path: the database file (default: ``app_paths().database``).
            timeout: seconds to wait when another program holds the database.
            on_lock: ``"session"`` or ``"error"``.

        Raises:
            StoreError: the database cannot be created, or it is locked and ``on_lock="error"``.
        """
        self.path = Path(path) if path is not None else app_paths().database
        #: The main database file, even while this session writes to a session database.
        self.main_path = self.path
        try:
            opened = open_database(self.path, timeout)
        except StoreLockedError:
            if on_lock != "session":
                raise
            opened = self._open_session(timeout)
        self._conn = opened.conn
        #: A message for the user when the database had to be set aside ("" if not).
        self.notice: str = opened.notice
        #: Where the old database's backup went, if one was made.
        self.backup: Path | None = opened.backup
        self._lock = threading.RLock()
        if self.path == self.main_path:
            self._merge_sessions()

    def _open_session(self, timeout: float) -> OpenResult:
        backup = None
        try:
            backup = copy_aside(self.main_path, "locked")
        except OSError as exc:
            log.warning("could not copy the locked history database: %s", exc)
        self.path = session_path(self.main_path)
        opened = open_database(self.path, timeout)
        kept = f" A safety copy was saved as {backup}." if backup else ""
        notice = (
            f"Your practice history ({self.main_path}) is locked by another program (is Mock "
            "Interviewer open in another window?). It was left untouched." + kept + " This "
            "session's attempts are saved separately and will be added to your history the next "
            "time it opens normally."
        )
        return OpenResult(opened.conn, notice, backup)

    def _merge_sessions(self) -> None:
        if not pending_sessions(self.main_path):
            return
        try:
            with self._lock:
                added = merge_sessions(self._conn, self.main_path)
        except sqlite3.Error as exc:
            log.warning("merging session histories failed: %s", exc)
            return
        if added:
            note = (f"{added} attempt(s) recorded while your history was locked were added back "
                    "to it.")
            self.notice = f"{self.notice} {note}".strip()

    @property
    def is_session(self) -> bool:
        """True when the main database was locked and this store writes to a session database."""
        return self.path != self.main_path

    # -- plumbing -------------------------------------------------------------------------------

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """Runs a write transaction, turning SQLite failures into a user-facing StoreError."""
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise self._error("save to", exc) from exc
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self._rollback()
                raise self._error("save to", exc) from exc
            except BaseException:
                self._rollback()
                raise

    def _rollback(self) -> None:
        """Rolls back, unless SQLite already did (it does on a full disk)."""
        if self._conn.in_transaction:
            try:
                self._conn.execute("ROLLBACK")
            except sqlite3.Error as exc:
                log.warning("rollback failed: %s", exc)

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise self._error("read", exc) from exc

    def _error(self, action: str, exc: sqlite3.Error) -> StoreError:
        log.error("history database %s: cannot %s it: %s", self.path, action, exc)
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            return StoreError(
                f"could not {action} the practice history: another program is using "
                f"{self.path}. Your recording is kept; close the other program and try again."
            )
        if "full" in text:
            return StoreError(
                f"could not {action} the practice history: the disk is full. Free some space; "
                "your recording so far is kept."
            )
        return StoreError(
            f"could not {action} the practice history ({exc}). Your recordings are kept; "
            "restart the app to check the database."
        )

    # -- writing ----------------------------------------------------------------------------------

    def start_attempt(self, scenario_id: str, principle: str, level: str, mode: str,
                      prompt: str, recording_path: Path | None, model: str,
                      loop_id: int | None = None) -> int:
        """Records that an answer has started; saved at once so a crash leaves it behind.

        Args:
            scenario_id: the scenario.
            principle: the principle's name.
            level: sde1, sde2 or senior.
            mode: rehearse, drill, analyze...
            prompt: the question as asked.
            recording_path: the answer's audio file (may not exist yet), or None.
            model: the speech model in use.
            loop_id: the loop it is asked in, if any.

        Returns:
            The new attempt's id (status ``unfinished``).
        """
        with self._tx() as conn:
            cur = conn.execute(
                "INSERT INTO attempts (created_at, scenario_id, principle, principle_key, level,"
                " mode, prompt, status, model, loop_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, 'unfinished', ?, ?)",
                (_now(), scenario_id, principle, kebab(principle), level, mode, prompt, model,
                 loop_id),
            )
            attempt_id = int(cur.lastrowid or 0)
            if recording_path is not None:
                conn.execute(
                    "INSERT INTO recordings (attempt_id, path, kind) VALUES (?, ?, 'answer')",
                    (attempt_id, str(recording_path)),
                )
        log.info("attempt %d started: %s (%s, %s)", attempt_id, scenario_id, level, mode)
        return attempt_id

    def add_recording(self, attempt_id: int, path: Path, kind: str = "answer") -> None:
        """Adds an audio file to an attempt (probe answers too).

        Args:
            attempt_id: the attempt.
            path: the audio file.
            kind: "answer", or e.g. "probe:<probe id>".

        Raises:
            StoreError: no such attempt.
        """
        with self._tx() as conn:
            self._require(conn, attempt_id)
            conn.execute("INSERT INTO recordings (attempt_id, path, kind) VALUES (?, ?, ?)",
                         (attempt_id, str(path), kind))

    def finish_attempt(self, attempt_id: int, analysis: Storable | Mapping[str, Any]) -> None:
        """Stores an attempt's analysis and marks it done.

        Args:
            attempt_id: the attempt.
            analysis: the coaching engine's ``Analysis`` (anything with ``to_dict()``).

        Raises:
            StoreError: no such attempt.
        """
        data = _analysis_dict(analysis)
        metrics = data.get("metrics") or {}
        text = json.dumps(data, default=str, ensure_ascii=False)
        summary = json.dumps(make_summary(data), default=str, ensure_ascii=False)
        with self._tx() as conn:
            self._require(conn, attempt_id)
            conn.execute(
                "UPDATE attempts SET status = 'done', finished_at = ?, analysis_json = ?,"
                " summary_json = ?, verdict = ?, total_seconds = ?, words_per_minute = ?,"
                " fillers_per_minute = ? WHERE id = ?",
                (_now(), text, summary, data.get("verdict"), _number(metrics, "total_seconds"),
                 _number(metrics, "words_per_minute"), _number(metrics, "fillers_per_minute"),
                 attempt_id),
            )
        log.info("attempt %d finished: %s", attempt_id, data.get("verdict"))

    def abandon(self, attempt_id: int) -> None:
        """Marks an unfinished attempt as abandoned, so it is no longer offered for analysis.

        Its recordings are kept.
        """
        with self._tx() as conn:
            self._require(conn, attempt_id)
            conn.execute("UPDATE attempts SET status = 'abandoned' WHERE id = ? AND"
                         " status = 'unfinished'", (attempt_id,))

    def delete(self, attempt_id: int) -> None:
        """Deletes an attempt and its audio files inside the data folder.

        Audio the user brought from elsewhere (e.g. ``analyze my.wav``) is left alone.

        Raises:
            StoreError: no such attempt.
        """
        attempt = self.get(attempt_id)
        for answer in self.loop_answers(attempt_id):  # a loop takes its answers with it
            self.delete(answer.id)
        with self._tx() as conn:
            conn.execute("DELETE FROM attempts WHERE id = ?", (attempt_id,))
        data_dir = self.path.parent.resolve()
        for path in attempt.recordings:
            try:
                if path.resolve().is_relative_to(data_dir):
                    path.unlink(missing_ok=True)
                else:
                    log.info("attempt %d: leaving %s (outside the data folder)", attempt_id, path)
            except OSError as exc:
                log.warning("attempt %d: could not delete %s: %s", attempt_id, path, exc)
        log.info("attempt %d deleted", attempt_id)

    @staticmethod
    def _require(conn: sqlite3.Connection, attempt_id: int) -> None:
        if conn.execute("SELECT 1 FROM attempts WHERE id = ?", (attempt_id,)).fetchone() is None:
            raise StoreError(f"there is no attempt {attempt_id} in the practice history")

    # -- reading ----------------------------------------------------------------------------------

    def _attempts(self, where: str = "", params: tuple[Any, ...] = (),
                  order: str = "a.created_at DESC, a.id DESC") -> list[Attempt]:
        rows = self._query(f"SELECT * FROM attempts a {where} ORDER BY {order}", params)
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        recs: dict[int, list[tuple[str, str]]] = {}
        for chunk in range(0, len(ids), 500):
            part = ids[chunk:chunk + 500]
            marks = ",".join("?" * len(part))
            for r in self._query(f"SELECT attempt_id, path, kind FROM recordings WHERE attempt_id"
                                 f" IN ({marks}) ORDER BY id", tuple(part)):
                recs.setdefault(r["attempt_id"], []).append((r["path"], r["kind"]))
        return [self._row(r, recs.get(r["id"], [])) for r in rows]

    @staticmethod
    def _row(r: sqlite3.Row, recs: list[tuple[str, str]]) -> Attempt:
        return Attempt(
            id=r["id"],
            created_at=_parse_time(r["created_at"]) or datetime.now(UTC),
            scenario_id=r["scenario_id"],
            principle=r["principle"],
            level=r["level"],
            mode=r["mode"],
            prompt=r["prompt"],
            status=r["status"],
            recordings=tuple(Path(p) for p, _ in recs),
            model=r["model"],
            verdict=r["verdict"],
            recording_kinds=tuple(k for _, k in recs),
            finished_at=_parse_time(r["finished_at"]),
            total_seconds=r["total_seconds"],
            words_per_minute=r["words_per_minute"],
            fillers_per_minute=r["fillers_per_minute"],
            report_json=r["analysis_json"] or "",
            summary_json=r["summary_json"] or "",
            loop_id=r["loop_id"],
        )

    def get(self, attempt_id: int) -> Attempt:
        """Returns one attempt.

        Raises:
            StoreError: no such attempt.
        """
        found = self._attempts("WHERE a.id = ?", (attempt_id,))
        if not found:
            raise StoreError(
                f"there is no attempt {attempt_id} in the practice history; "
                "`mockinterviewer history list` shows the ids"
            )
        return found[0]

    def list(self, scenario_id: str | None = None, principle: str | None = None,
             since: datetime | None = None, status: str | None = None) -> builtins.list[Attempt]:
        """Returns attempts, newest first.

        Args:
            scenario_id: only this scenario.
            principle: only this principle (its name or kebab-case id).
            since: only attempts started at or after this time (naive means local time).
            status: only attempts with this status.

        Returns:
            The attempts.
        """
        clauses: builtins.list[str] = []
        params: builtins.list[Any] = []
        if scenario_id is not None:
            clauses.append("a.scenario_id = ?")
            params.append(scenario_id)
        if principle is not None:
            clauses.append("a.principle_key = ?")
            params.append(kebab(principle))
        if since is not None:
            when = since if since.tzinfo else since.astimezone()
            clauses.append("a.created_at >= ?")
            params.append(when.astimezone(UTC).isoformat(timespec="microseconds"))
        if status is not None:
            clauses.append("a.status = ?")
            params.append(status)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        return self._attempts(where, tuple(params))

    def loop_answers(self, loop_id: int) -> builtins.list[Attempt]:
        """The answers asked in a loop, in the order they were asked."""
        return self._attempts("WHERE a.loop_id = ?", (loop_id,), "a.created_at, a.id")

    def unfinished(self) -> builtins.list[Attempt]:
        """Attempts left unfinished (e.g. by a crash), oldest first; the app offers to analyse them.

        Returns:
            The unfinished attempts; check :attr:`Attempt.has_audio` before analysing.
        """
        return self._attempts("WHERE a.status = 'unfinished'", (), "a.created_at, a.id")

    def last_by_scenario(self) -> dict[str, Attempt]:
        """The latest finished attempt of each scenario."""
        result: dict[str, Attempt] = {}
        for attempt in self.list(status="done"):
            result.setdefault(attempt.scenario_id, attempt)
        return result

    def prompt_stats(self) -> dict[str, PromptStats]:
        """Per question phrasing: how many finished attempts and the best verdict."""
        rows = self._query(
            "SELECT prompt, COUNT(*) AS n, MAX(created_at) AS last_at,"
            " GROUP_CONCAT(DISTINCT verdict) AS verdicts FROM attempts"
            " WHERE status = 'done' GROUP BY prompt"
        )
        stats: dict[str, PromptStats] = {}
        for r in rows:
            verdicts = (r["verdicts"] or "").split(",")
            best = max(verdicts, key=verdict_rank) if verdicts else None
            stats[r["prompt"]] = PromptStats(
                prompt=r["prompt"], count=int(r["n"]),
                best_verdict=best if verdict_rank(best) >= 0 else None,
                last_at=_parse_time(r["last_at"]) or datetime.now(UTC),
            )
        return stats

    def close(self) -> None:
        """Closes the database (checkpointing the WAL)."""
        with self._lock:
            try:
                self._conn.close()
            except sqlite3.Error as exc:
                log.warning("closing the history database: %s", exc)

    def __enter__(self) -> HistoryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
