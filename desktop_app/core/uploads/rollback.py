"""Noticing a database that lost committed changes (its WAL), and reconciling before sending.

The store runs in WAL mode: recent commits live in ``<db>-wal`` until a checkpoint copies them
into the main file. When that file is lost (deleted while the app runs, or after a crash, by a
clean-up tool or a sync client), SQLite opens the database at its last checkpoint without a
word: uploads that finished are queued again, and uploading them again makes duplicates.

:class:`RollbackWatch` keeps the queue's high-water mark in a file beside the database (see
:mod:`desktop_app.core.store.mark`): written on every housekeeping round when it changed, and on
a clean stop. On start and on every round it compares the live database with the mark. When the
database went backwards, every job that is not done or cancelled is marked to reconcile from its
first attempt (or its creation), the mechanism ambiguous attempts use: before it sends, its
next attempt adopts the copy the server already has (see ``runner.py``). A false alarm (a clock
set back, say) costs one look at the server per unfinished job, never an upload.
"""

from __future__ import annotations

import logging

from desktop_app.core.store import Database, HighWater, high_water, read_mark, write_mark
from desktop_app.core.uploads.store import QueueStore

log = logging.getLogger(__name__)

#: Jobs whose remote copy a lost commit may have recorded: all but done and cancelled ones.
_RECONCILE_UNFINISHED = (
    "UPDATE upload_jobs SET"
    " reconcile_since = min(coalesce(reconcile_since, {since}), {since}),"
    " ambiguous_since = min(coalesce(ambiguous_since, {since}), {since}), updated_at = ?"
    " WHERE state NOT IN ('done', 'cancelled')"
).format(since="coalesce(first_attempt_at, created_at)")


class RollbackWatch:
    """Compares the database with its mark, reconciles after a loss, and keeps the mark."""

    def __init__(self, store: QueueStore) -> None:
        self._store = store
        self._written: HighWater | None = None
        self._failing = False

    @property
    def _db(self) -> Database:
        return self._store.db

    def check(self) -> int:
        """Compare the live database with its mark; after a loss, mark unfinished jobs to
        reconcile. Then bring the mark up to date. Returns how many jobs were marked."""
        if self._db.read_only:
            return 0
        # The mark first: it was written from an earlier read of the database, so another
        # process writing it meanwhile can never make the live database look behind.
        mark = read_mark(self._db.path)
        live = high_water(self._db.connection())
        marked = 0
        if mark is not None and live.is_behind(mark):
            marked, _ = self._store.write(_RECONCILE_UNFINISHED, (self._store.clock(),))
            # With nothing left to reconcile, there is nothing to warn about (another process
            # that met a lost WAL and reconciled leaves a mark this one may be "behind" of).
            log.log(
                logging.WARNING if marked else logging.INFO,
                "the upload queue in %s is older than it was (%d job(s), %d done; it had %d, "
                "%d done): its write-ahead log (%s-wal) was probably lost; %d unfinished "
                "upload(s) will look for their copy on the server before sending again",
                self._db.path,
                live.jobs,
                live.done,
                mark.jobs,
                mark.done,
                self._db.path.name,
                marked,
            )
            live = high_water(self._db.connection())
        self._save(live, known=mark)
        return marked

    def save(self) -> None:
        """Write the mark of the live database (a clean stop)."""
        if not self._db.read_only:
            self._save(high_water(self._db.connection()), known=self._written)

    def _save(self, live: HighWater, *, known: HighWater | None) -> None:
        if live == known or live == self._written:
            return  # nothing changed: no write, no fsync while the queue is idle
        try:
            write_mark(self._db.path, live)
        except OSError as exc:
            # A full disk, say: one line when it starts; the database is still the record.
            if not self._failing:
                log.warning("cannot write the upload queue's mark: %s", exc)
            self._failing = True
            return
        self._failing = False
        self._written = live
