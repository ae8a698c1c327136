"""The SQLite store: one database file in WAL mode, one connection per thread.

Writers use :meth:`Database.transaction`, which takes the write lock up front (``BEGIN
IMMEDIATE``) so two threads never deadlock upgrading a read lock. Migrations run once, when the
database is opened (see ``migrations.py``).

This is where SQLite's errors enter the app, so this is where they are converted: every
connection and cursor handed out here turns a damaged page (``SQLITE_CORRUPT``, ``SQLITE_NOTADB``)
into :class:`DatabaseDamagedError` and a refused write on a read-only data folder into
:class:`ReadOnlyStoreError`, each one sentence saying what to do, whichever query met it. Other
SQLite errors pass through unchanged for the caller that expects them. A data folder that cannot
be written is opened read-only (``mode=ro``, or ``immutable`` when SQLite cannot share the WAL
index there), so listing and restoring keep working.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any
from urllib.parse import quote

from desktop_app.core.errors import DatabaseDamagedError, ReadOnlyStoreError, StoreError
from desktop_app.core.store import migrations

BUSY_TIMEOUT_MS = 30_000

#: Primary result codes (the low byte of an extended code) that mean the file itself is bad.
_DAMAGED_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
_READ_ONLY_CODES = frozenset({sqlite3.SQLITE_READONLY})


def damaged_message(path: Path, detail: str, verb: str = "read") -> str:
    """The one sentence every command shows for a damaged database."""
    return (
        f"cannot {verb} the database {path}: it is damaged ({detail}); your stored documents "
        "are safe in the "
        "vault: run `attachguard verify --reindex` to copy the damaged file aside and rebuild "
        "the list from them"
    )


def read_only_message(path: Path) -> str:
    return (
        f"the data folder {path.parent} is read-only: listing, verifying and restoring work, "
        "but nothing can be added or changed until it is writable again"
    )


def convert_error(exc: sqlite3.Error, path: Path) -> StoreError | None:
    """Our error for ``exc`` when it is about the file (damaged, read-only), else None."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = None if code is None else code & 0xFF
    if primary in _DAMAGED_CODES:
        return DatabaseDamagedError(damaged_message(path, str(exc)))
    if primary in _READ_ONLY_CODES:
        return ReadOnlyStoreError(read_only_message(path))
    return None


class _Cursor(sqlite3.Cursor):
    """A cursor whose errors about the database file are converted (see the module docstring)."""

    def _converted(self, exc: sqlite3.Error) -> BaseException:
        connection = self.connection
        path = getattr(connection, "store_path", None)
        if isinstance(path, Path):
            ours = convert_error(exc, path)
            if ours is not None:
                return ours
        return exc

    def execute(self, sql: str, parameters: Any = (), /) -> _Cursor:
        try:
            super().execute(sql, parameters)
        except sqlite3.Error as exc:
            raise self._converted(exc) from exc
        return self

    def executemany(self, sql: str, seq_of_parameters: Any, /) -> _Cursor:
        try:
            super().executemany(sql, seq_of_parameters)
        except sqlite3.Error as exc:
            raise self._converted(exc) from exc
        return self

    def fetchone(self) -> Any:
        try:
            return super().fetchone()
        except sqlite3.Error as exc:
            raise self._converted(exc) from exc

    def fetchmany(self, size: int | None = None) -> list[Any]:
        try:
            return super().fetchmany(self.arraysize if size is None else size)
        except sqlite3.Error as exc:
            raise self._converted(exc) from exc

    def fetchall(self) -> list[Any]:
        try:
            return super().fetchall()
        except sqlite3.Error as exc:
            raise self._converted(exc) from exc

    def __next__(self) -> Any:
        try:
            return super().__next__()
        except sqlite3.Error as exc:
            raise self._converted(exc) from exc


class _Connection(sqlite3.Connection):
    """A connection whose cursors are :class:`_Cursor` (``execute`` included)."""

    store_path: Path

    def cursor(self, factory: Any = _Cursor) -> Any:
        return super().cursor(factory)

    def execute(self, sql: str, parameters: Any = (), /) -> Any:
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql: str, parameters: Any, /) -> Any:
        return self.cursor().executemany(sql, parameters)


def folder_writable(path: Path) -> bool:
    """Whether the database at ``path`` can be written (its folder, and the file if it exists)."""
    folder = path.parent
    if not os.access(folder if folder.exists() else folder.parent, os.W_OK):
        return False
    return not path.exists() or os.access(path, os.W_OK)


class Database:
    """A handle on the store. Cheap to share between threads; connections are per thread."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._immutable = False
        with suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        #: True when the data folder cannot be written: reads only (see the module docstring).
        self.read_only = not folder_writable(path)
        if self.read_only and not path.exists():
            raise ReadOnlyStoreError(read_only_message(path))
        try:
            if self.read_only:
                self._check_current(self.connection())
            else:
                migrations.migrate(self.connection(), path)
        except DatabaseDamagedError as exc:
            detail = str(exc.__cause__ or exc)
            raise DatabaseDamagedError(damaged_message(path, detail, "open")) from exc.__cause__
        except sqlite3.DatabaseError as exc:
            if isinstance(convert_error(exc, path), DatabaseDamagedError):
                raise DatabaseDamagedError(damaged_message(path, str(exc), "open")) from exc
            raise StoreError(f"cannot open the database {path}: {exc}") from exc

    def _check_current(self, conn: sqlite3.Connection) -> None:
        pending = [
            m for m in migrations.available() if m.version > migrations.current_version(conn)
        ]
        if pending:
            raise ReadOnlyStoreError(
                f"the data folder {self.path.parent} is read-only, and its database needs an "
                "upgrade that cannot be written there: make the folder writable and try again"
            )

    def connection(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._open()
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    def _connect(self, target: str | Path, *, uri: bool = False) -> _Connection:
        # Each connection is used by one thread only (thread-local); the check is off so
        # that close() can run on the thread that shuts the app down.
        conn = sqlite3.connect(
            target,
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
            check_same_thread=False,
            factory=_Connection,
            uri=uri,
        )
        assert isinstance(conn, _Connection)
        conn.store_path = self.path
        conn.row_factory = sqlite3.Row
        return conn

    def _open(self) -> sqlite3.Connection:
        try:
            if self.read_only:
                return self._open_read_only()
            conn = self._connect(self.path)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the database {self.path}: {exc}") from exc
        self.path.chmod(0o600)
        return conn

    def _open_read_only(self) -> sqlite3.Connection:
        # mode=ro shares the WAL index when SQLite can; in a folder where it cannot create
        # one, nobody can write either, so the file is opened as immutable.
        base = "file:" + quote(str(self.path))
        if not self._immutable:
            conn = self._connect(base + "?mode=ro", uri=True)
            try:
                conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
                return conn
            except sqlite3.OperationalError:
                conn.close()
                self._immutable = True
        conn = self._connect(base + "?mode=ro&immutable=1", uri=True)
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        return conn

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction on this thread's connection; rolled back on any exception."""
        if self.read_only:
            raise ReadOnlyStoreError(read_only_message(self.path))
        conn = self.connection()
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def quick_check(self) -> list[str]:
        """SQLite's ``PRAGMA quick_check``: empty when the file is sound, else its findings."""
        try:
            rows = self.connection().execute("PRAGMA quick_check").fetchall()
        except DatabaseDamagedError as exc:
            return [str(exc.__cause__ or exc)]
        found = [str(row[0]) for row in rows]
        return [] if found == ["ok"] else found

    def ensure_sound(self) -> None:
        """Raise :class:`DatabaseDamagedError` when :meth:`quick_check` finds damage."""
        found = self.quick_check()
        if found:
            detail = " ".join(found[0].split())
            raise DatabaseDamagedError(damaged_message(self.path, detail, "use"))

    def close(self) -> None:
        """Close every connection this handle opened (call once, at shutdown)."""
        with self._lock:
            conns, self._all = self._all, []
        for conn in conns:
            conn.close()
        self._local = threading.local()
