"""Read-only queries on the upload queue: listing and counts, scheduling, reuse and
reconciliation look-ups.

Nothing here writes. The queries that decide whether a remote file may be reused, adopted or
deleted (:meth:`QueueReads.reusable`, :meth:`QueueReads.referenced_file_ids`,
:meth:`QueueReads.name_twin_active`, :meth:`QueueReads.file_id_in_use`) live together so their
matching rules can be read side by side.
"""

from __future__ import annotations

from collections.abc import Collection

from desktop_app.core.uploads.jobs import ACTIVE_STATES, Job, JobState, job_from_row
from desktop_app.core.uploads.store import BUSY, CLAIMABLE, QueueStore, sql_marks


class QueueReads:
    """Queries on the ``upload_jobs`` table that never change it."""

    def __init__(self, store: QueueStore) -> None:
        self._store = store

    def get(self, job_id: int) -> Job:
        """The job with ``job_id``; raises :class:`UnknownJobError` if there is none."""
        return self._store.get(job_id)

    def select(
        self,
        states: Collection[JobState] | None = None,
        limit: int | None = None,
        offset: int = 0,
        ids: Collection[int] | None = None,
    ) -> list[Job]:
        where, params = self._filter(states, ids)
        sql = f"SELECT * FROM upload_jobs {where} ORDER BY id DESC LIMIT ? OFFSET ?"
        rows = self._store.db.connection().execute(
            sql, (*params, -1 if limit is None else limit, offset)
        )
        return [job_from_row(row) for row in rows]

    def count(
        self, states: Collection[JobState] | None = None, ids: Collection[int] | None = None
    ) -> int:
        where, params = self._filter(states, ids)
        row = self._store.db.connection().execute(
            f"SELECT count(*) FROM upload_jobs {where}", params
        )
        return int(row.fetchone()[0])

    @staticmethod
    def _filter(
        states: Collection[JobState] | None, ids: Collection[int] | None
    ) -> tuple[str, list[object]]:
        clauses: list[str] = []
        params: list[object] = []
        if states is not None:
            clauses.append(f"state IN ({sql_marks(states) or 'NULL'})")
            params.extend(str(s) for s in states)
        if ids is not None:
            clauses.append(f"id IN ({sql_marks(ids) or 'NULL'})")
            params.extend(ids)
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), params

    def count_owned(self, owner: str) -> int:
        """Jobs ``owner`` is working on right now."""
        row = self._store.db.connection().execute(
            "SELECT count(*) FROM upload_jobs WHERE owner = ? AND state IN (?, ?)",
            (owner, *BUSY),
        )
        return int(row.fetchone()[0])

    def owned_ids(self, owner: str) -> list[int]:
        """Ids of the jobs ``owner`` is working on right now."""
        rows = self._store.db.connection().execute(
            "SELECT id FROM upload_jobs WHERE owner = ? AND state IN (?, ?) ORDER BY id",
            (owner, *BUSY),
        )
        return [row[0] for row in rows]

    def counts(self) -> dict[JobState, int]:
        found = dict.fromkeys(JobState, 0)
        for state, n in self._store.db.connection().execute(
            "SELECT state, count(*) FROM upload_jobs GROUP BY state"
        ):
            found[JobState(state)] = n
        return found

    def document_counts(self) -> tuple[dict[JobState, int], int]:
        """Per *document* (content): how many documents' latest job is in each state, and how
        many of those wait to retry after an expiry error (their fallback is ready).

        A document added and queued three times is one document: counting jobs made the tray
        say "7 documents could not be uploaded" when 2 were missing.
        """
        # Most documents are done, and most contents have one job: count the few documents in
        # other states one by one (through the state index), and the done ones by difference
        # from the number of contents (one index scan), never a per-row lookup of every job.
        found = dict.fromkeys(JobState, 0)
        expired_waiting = 0
        conn = self._store.db.connection()
        others = [str(s) for s in JobState if s is not JobState.DONE]
        rows = conn.execute(
            "SELECT state, error_kind = 'expired', count(*) FROM upload_jobs AS j"
            f" WHERE state IN ({sql_marks(others)}) AND NOT EXISTS (SELECT 1 FROM upload_jobs"
            " AS n WHERE n.sha256 = j.sha256 AND n.id > j.id) GROUP BY 1, 2",
            others,
        )
        for state, expired, n in rows:
            found[JobState(state)] += n
            if expired and state == JobState.WAITING_RETRY:
                expired_waiting += n
        contents = conn.execute("SELECT count(DISTINCT sha256) FROM upload_jobs").fetchone()[0]
        found[JobState.DONE] = int(contents) - sum(found.values())
        return found, expired_waiting

    def active_bytes(self) -> tuple[int, int]:
        marks = sql_marks(ACTIVE_STATES)
        row = (
            self._store.db.connection()
            .execute(
                f"SELECT coalesce(sum(size), 0), coalesce(sum(min(bytes_sent, size)), 0)"
                f" FROM upload_jobs WHERE state IN ({marks})",
                [str(s) for s in ACTIVE_STATES],
            )
            .fetchone()
        )
        return int(row[0]), int(row[1])

    def next_due(self, held_targets: Collection[str] = ()) -> float | None:
        """The earliest time a claimable job (not of a held target) becomes due, or None."""
        held = list(held_targets)
        held_sql = f" AND target NOT IN ({sql_marks(held)})" if held else ""
        row = (
            self._store.db.connection()
            .execute(
                "SELECT min(coalesce(next_attempt_at, 0)) FROM upload_jobs"
                f" WHERE state IN (?, ?){held_sql}",
                (*CLAIMABLE, *held),
            )
            .fetchone()
        )
        return None if row[0] is None else float(row[0])

    def latest_fallback(self) -> Job | None:
        """The job that most recently failed or was flagged for the text-only fallback."""
        row = (
            self._store.db.connection()
            .execute(
                "SELECT * FROM upload_jobs WHERE state = 'failed'"
                " OR (fallback_available = 1 AND state != 'cancelled')"
                " ORDER BY updated_at DESC, id DESC LIMIT 1"
            )
            .fetchone()
        )
        return None if row is None else job_from_row(row)

    def protected_blobs(self) -> set[str]:
        """sha256 of every blob a job may still need to read."""
        rows = self._store.db.connection().execute(
            "SELECT DISTINCT sha256 FROM upload_jobs WHERE state NOT IN ('done', 'cancelled')"
        )
        return {row[0] for row in rows}

    def reusable(self, job: Job) -> list[Job]:
        """Done jobs whose remote file may be reused for ``job``: same content, file name,
        purpose, target and requested expiry (a file that never expires is not what a job
        asking for one hour wants, nor is a one-day file what a 30-day request wants)."""
        rows = self._store.db.connection().execute(
            "SELECT * FROM upload_jobs WHERE sha256 = ? AND name = ? AND purpose = ?"
            " AND target = ? AND expires_after IS ? AND state = 'done'"
            " AND file_id IS NOT NULL AND id != ? ORDER BY id DESC",
            (
                job.view.sha256,
                job.view.name,
                job.purpose,
                job.target,
                job.expires_after,
                job.id,
            ),
        )
        return [job_from_row(row) for row in rows]

    def referenced_file_ids(self, target: str) -> set[str]:
        """Every remote file id any job of ``target`` records (never adopt or delete those)."""
        rows = self._store.db.connection().execute(
            "SELECT DISTINCT file_id FROM upload_jobs WHERE target = ? AND file_id IS NOT NULL",
            (target,),
        )
        return {row[0] for row in rows}

    def name_twin_active(self, job: Job, since: float) -> bool:
        """Whether another job with the same file name, size, purpose and target may have
        stored a file at or after ``since`` that nobody references yet: it is busy, waits to
        reconcile an ambiguous attempt, or had an ambiguous attempt and was active since then.
        Such a file would look exactly like ours, so reconciliation must not delete it."""
        row = (
            self._store.db.connection()
            .execute(
                "SELECT 1 FROM upload_jobs WHERE id != ? AND name = ? AND size = ?"
                " AND purpose = ? AND target = ? AND (state IN ('uploading', 'verifying')"
                " OR reconcile_since IS NOT NULL"
                " OR (ambiguous_since IS NOT NULL AND updated_at >= ?)) LIMIT 1",
                (job.id, job.view.name, job.view.size, job.purpose, job.target, since),
            )
            .fetchone()
        )
        return row is not None

    def file_id_in_use(self, file_id: str, exclude: int) -> bool:
        row = (
            self._store.db.connection()
            .execute(
                "SELECT 1 FROM upload_jobs WHERE file_id = ? AND id != ?"
                " AND state NOT IN ('cancelled', 'failed') LIMIT 1",
                (file_id, exclude),
            )
            .fetchone()
        )
        return row is not None

    def cancelled_unswept(self) -> list[Job]:
        """Cancelled jobs whose ambiguous attempt may have left a file on the server."""
        rows = self._store.db.connection().execute(
            "SELECT * FROM upload_jobs WHERE state = 'cancelled' AND ambiguous_since IS NOT NULL"
            " ORDER BY id"
        )
        return [job_from_row(row) for row in rows]

    def parts(self, job_id: int, upload_id: str) -> dict[int, str]:
        """Parts of a multipart upload already sent: part number -> part id."""
        rows = self._store.db.connection().execute(
            "SELECT part_no, part_id FROM upload_parts WHERE job_id = ? AND upload_id = ?",
            (job_id, upload_id),
        )
        return {row[0]: row[1] for row in rows}

    def overdue(self, started_before: float) -> list[Job]:
        """Jobs still waiting whose first attempt began before ``started_before``."""
        rows = self._store.db.connection().execute(
            "SELECT * FROM upload_jobs WHERE state IN ('queued', 'waiting_retry')"
            " AND first_attempt_at < ? ORDER BY id",
            (started_before,),
        )
        return [job_from_row(row) for row in rows]

    def active_by_target(self) -> dict[str, int]:
        """Jobs not yet done, failed or cancelled, per target name."""
        rows = self._store.db.connection().execute(
            "SELECT target_name, count(*) FROM upload_jobs"
            " WHERE state IN ('queued', 'waiting_retry', 'uploading', 'verifying')"
            " GROUP BY target_name"
        )
        return {str(name): int(count) for name, count in rows}

    def waiting_without(self, name: str, other: str) -> list[Job]:
        """Waiting jobs of target ``name`` whose document has no job (not cancelled) for the
        target ``other`` yet: what failing over to ``other`` would upload, once each."""
        rows = self._store.db.connection().execute(
            "SELECT * FROM upload_jobs j WHERE j.target_name = ?"
            " AND j.state IN ('queued', 'waiting_retry', 'uploading', 'verifying')"
            " AND NOT EXISTS (SELECT 1 FROM upload_jobs o WHERE o.target_name = ?"
            " AND o.sha256 = j.sha256 AND o.state != 'cancelled')"
            " ORDER BY j.id",
            (name, other),
        )
        seen: set[str] = set()
        jobs = []
        for job in map(job_from_row, rows):
            if job.view.sha256 not in seen:
                seen.add(job.view.sha256)
                jobs.append(job)
        return jobs
