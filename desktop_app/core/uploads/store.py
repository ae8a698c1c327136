"""Storage primitives of the upload queue.

:class:`QueueStore` holds the database, the clock and this process's write lock. The queue's
writes (:class:`~desktop_app.core.uploads.queue.UploadQueue`) and reads
(:class:`~desktop_app.core.uploads.queries.QueueReads`) are two plain classes over one store.
It gives them three ways to write: :meth:`QueueStore.transaction` (several statements),
:meth:`QueueStore.write` (one statement, its own transaction) and :meth:`QueueStore.update_owned`
(a transition that only the job's current owner may make).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager

from desktop_app.core.errors import UnknownJobError
from desktop_app.core.redact import redact
from desktop_app.core.store.db import Database
from desktop_app.core.uploads.jobs import Job, job_from_row
from desktop_app.core.uploads.retry import Failure

CLAIMABLE = ("queued", "waiting_retry")
BUSY = ("uploading", "verifying")


def sql_marks(values: Collection[object]) -> str:
    """``?,?,...``: one SQL parameter mark per value."""
    return ",".join("?" * len(values))


class QueueStore:
    """Connection, clock and write serialisation shared by every part of the queue."""

    def __init__(self, db: Database, clock: Callable[[], float]) -> None:
        self.db = db
        self.clock = clock
        # Worker threads of one process queue for the write lock here, where a release wakes
        # the next one at once, rather than in SQLite's busy handler, which sleeps and polls
        # (1 ms, 2 ms, 5 ms, ... between tries). Other processes still meet ``busy_timeout``.
        self._write_lock = threading.RLock()

    def get(self, job_id: int) -> Job:
        row = (
            self.db.connection()
            .execute("SELECT * FROM upload_jobs WHERE id = ?", (job_id,))
            .fetchone()
        )
        if row is None:
            raise UnknownJobError(f"no upload job with id {job_id}")
        return job_from_row(row)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction of several statements, serialised with this process's others."""
        with self._write_lock, self.db.transaction() as conn:
            yield conn

    def write(self, sql: str, params: Sequence[object]) -> tuple[int, list[sqlite3.Row]]:
        """Run ONE writing statement as its own transaction; returns (rowcount, returned rows).

        The connection is in autocommit mode: SQLite runs a lone write statement in an implicit
        transaction that takes the write lock before it reads (waiting on ``busy_timeout`` like
        ``BEGIN IMMEDIATE``) and commits when the statement completes, so it is as atomic and
        durable as an explicit ``BEGIN IMMEDIATE ... COMMIT``, minus two round trips. Rows of
        ``RETURNING`` are read to the end inside the lock, so the transaction has committed
        before another thread may write.
        """
        with self._write_lock:
            cur = self.db.connection().execute(sql, params)
            rows = cur.fetchall()
            return cur.rowcount, rows

    def update_owned(
        self, job_id: int, owner: str, assignments: str, params: Iterable[object]
    ) -> bool:
        count, _ = self.write(
            f"UPDATE upload_jobs SET {assignments}, updated_at = ?"
            " WHERE id = ? AND owner = ? AND state IN ('uploading', 'verifying')",
            (*params, self.clock(), job_id, owner),
        )
        return count == 1

    def error_fields(self, failure: Failure) -> tuple[object, ...]:
        # Redacted here, where every stored error passes: a key echoed in any error body (of
        # any shape: see redact.remember_secret) never reaches the database.
        message = redact(failure.message)[:500]
        return (str(failure.kind), failure.http_status, message, failure.request_id)
