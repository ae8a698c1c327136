"""The backup vault: every document stored once by SHA-256, atomically, and verifiable.

Layout under the vault root (all directories 0700, all blobs 0600)::

    <root>/blobs/ab/abcdef...   one file per distinct content, named by its SHA-256
    <root>/tmp/                 temp files being written (same file system, so rename is atomic)
    <root>/trash/               blobs being forgotten (moved here, then deleted)

Rows live in the ``blobs`` and ``entries`` tables (``schema/0001_vault.sql``). A blob file is
only renamed into place, and a blob removed, while holding the database write lock (``BEGIN
IMMEDIATE``), so two processes (the tray app and a CLI run) never race each other: the file and
its row appear and disappear together. An interrupted write leaves at most a temp file, which the
next :class:`Vault` removes once its writer is gone.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from desktop_app.core import fsutil
from desktop_app.core.errors import ReadOnlyStoreError, UnknownEntryError, VaultError
from desktop_app.core.fsutil import FileOps
from desktop_app.core.store.db import Database, read_only_message
from desktop_app.core.vault import staging
from desktop_app.core.vault.collect import SkippedPath, collect_files
from desktop_app.core.vault.restore import restore_blob

log = logging.getLogger(__name__)

__all__ = [
    "Entry",
    "FileOps",
    "PruneReport",
    "RetentionPolicy",
    "SkippedPath",
    "Source",
    "Vault",
    "VerifyReport",
    "collect_files",
]


class Source(StrEnum):
    """How a document came into the vault."""

    CLI = "cli"
    DROP = "drop"
    WATCH = "watch"
    BATCH = "batch"


@dataclass(frozen=True)
class Entry:
    """One backup of a document: a name and origin pointing at a stored blob."""

    id: int
    sha256: str
    name: str
    original_path: str | None
    source: Source
    added_at: float  # epoch seconds (UTC)
    size: int
    mime_type: str


@dataclass(frozen=True)
class VerifyReport:
    """The result of :meth:`Vault.verify`: what is missing, damaged or not listed.

    ``unindexed`` blobs are intact files the database does not know (kept, never deleted);
    ``database`` holds SQLite's ``quick_check`` findings (empty when the file is sound).
    """

    checked: int
    missing: list[str] = field(default_factory=list)
    corrupt: list[str] = field(default_factory=list)
    unindexed: list[str] = field(default_factory=list)
    database: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.missing or self.corrupt or self.unindexed or self.database)


@dataclass(frozen=True)
class RetentionPolicy:
    """Limits for :meth:`Vault.prune`; ``None`` means no limit of that kind."""

    max_age_days: int | None = None
    max_total_bytes: int | None = None


@dataclass(frozen=True)
class PruneReport:
    removed_entries: int
    freed_bytes: int


_ENTRY_SELECT = """
    SELECT e.id, e.sha256, e.name, e.original_path, e.source, e.added_at, b.size, b.mime_type
    FROM entries e JOIN blobs b ON b.sha256 = e.sha256
"""


class Vault:
    """Content-addressed, atomic, verifiable document storage (see the module docstring)."""

    def __init__(self, db: Database, root: Path, *, ops: FileOps | None = None) -> None:
        self.db = db
        self.root = root
        self._ops = ops or FileOps()
        self._blobs = root / "blobs"
        self._tmp = root / "tmp"
        self._trash = root / "trash"
        if db.read_only:
            return  # reads only: nothing to create or sweep (see Database.read_only)
        root.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        for directory in (root, self._blobs, self._tmp, self._trash):
            fsutil.private_dir(directory)
        swept = fsutil.sweep_temp(self._tmp) + fsutil.sweep_temp(self._trash)
        if swept:
            log.info("removed %d leftover temp file(s) from an interrupted write", swept)

    # -- adding ---------------------------------------------------------------------------------

    def add_file(self, path: Path, source: Source, *, name: str | None = None) -> Entry:
        """Back up the regular file at ``path`` (one read pass: hashed while it is copied)."""
        self._check_writable()
        staged = staging.stage_file(
            path, self._tmp, name if name is not None else path.name, self._ops.write
        )
        return self._commit([staged], source)[0]

    def add_bytes(self, data: bytes, name: str, source: Source) -> Entry:
        """Back up an in-memory document (e.g. dropped from another app) under ``name``."""
        self._check_writable()
        staged = staging.stage_bytes(data, self._tmp, name, self._ops.write)
        return self._commit([staged], source)[0]

    def add_files(
        self, paths: Iterable[Path], source: Source, *, workers: int = 4
    ) -> Iterator[tuple[Path, Entry | VaultError]]:
        """Back up many files, copying ``workers`` at once; yields (path, entry or error).

        Results come in input order, as soon as each is committed. Much faster than calling
        :meth:`add_file` in a loop for many small files (their fsyncs overlap). After a
        :class:`DiskFullError` no further file is started.
        """
        self._check_writable()
        return staging.stage_many(
            paths,
            lambda path: staging.stage_file(path, self._tmp, path.name, self._ops.write),
            lambda batch: self._commit(batch, source),
            workers,
        )

    def _check_writable(self) -> None:
        if self.db.read_only:
            raise ReadOnlyStoreError(read_only_message(self.db.path))

    def _commit(self, batch: list[staging.Staged], source: Source) -> list[Entry]:
        """Move finished temp copies into place (unless stored already) and add their rows.

        One transaction for the batch: the renames happen under the database write lock, and
        each touched directory is fsynced once, before any row can become durable.
        """
        placed: list[Path] = []
        try:
            now = time.time()
            with self.db.transaction() as conn:
                directories: set[Path] = set()
                new_shard = False
                seen: set[Path] = set()
                for staged in batch:
                    final = self.blob_path(staged.sha256)
                    if final in seen:
                        continue
                    seen.add(final)
                    query = "SELECT 1 FROM blobs WHERE sha256 = ?"
                    row = conn.execute(query, (staged.sha256,)).fetchone()
                    new_shard |= fsutil.private_dir(final.parent)
                    if row is None or not final.exists():
                        self._ops.replace(str(staged.tmp_path), str(final))
                        placed.append(final)  # ours alone until commit: removed on failure
                    else:
                        # Stored already. The fresh copy was hashed while it was written, so it
                        # replaces the stored one: a blob damaged on disk (verify calls it corrupt)
                        # is healed by backing the document up again. Never unlinked on failure:
                        # either file holds the same, committed content.
                        self._ops.replace(str(staged.tmp_path), str(final))
                    directories.add(final.parent)
                for directory in sorted(directories):
                    fsutil.fsync_dir(directory)
                if new_shard:
                    fsutil.fsync_dir(self._blobs)
                ids = [self._insert_rows(conn, staged, source, now) for staged in batch]
        except OSError as exc:
            _unlink_all(placed)
            raise fsutil.write_error(exc, "the vault") from exc
        except sqlite3.Error as exc:
            # Still ours alone: nobody could have referenced them without the rolled-back rows.
            _unlink_all(placed)
            raise VaultError(f"cannot record a backup in the vault database: {exc}") from exc
        except BaseException:
            _unlink_all(placed)
            raise
        finally:
            for staged in batch:
                staged.discard()
        entries = [self.get(entry_id) for entry_id in ids]
        for entry in entries:
            log.info("backed up %s as entry %d (%s)", entry.name, entry.id, entry.sha256[:12])
        return entries

    @staticmethod
    def _insert_rows(
        conn: sqlite3.Connection, staged: staging.Staged, source: Source, now: float
    ) -> int:
        conn.execute(
            "INSERT OR IGNORE INTO blobs (sha256, size, mime_type, stored_at) VALUES (?, ?, ?, ?)",
            (staged.sha256, staged.size, staged.mime_type, now),
        )
        original = staged.original_path
        values = (
            _storable(staged.name) or "unnamed",
            None if original is None else _storable(original),
            source.value,
            now,
        )
        # An entry re-created from the blob alone (``reindex``: named by its SHA-256, no path)
        # gets this backup's name back instead of a second entry.
        placeholder = conn.execute(
            "SELECT id FROM entries WHERE sha256 = ? AND original_path IS NULL"
            " AND substr(name, 1, 64) = sha256 ORDER BY id LIMIT 1",
            (staged.sha256,),
        ).fetchone()
        if placeholder is not None:
            conn.execute(
                "UPDATE entries SET name = ?, original_path = ?, source = ?, added_at = ?"
                " WHERE id = ?",
                (*values, placeholder[0]),
            )
            return int(placeholder[0])
        cursor = conn.execute(
            "INSERT INTO entries (name, original_path, source, added_at, sha256)"
            " VALUES (?, ?, ?, ?, ?)",
            (*values, staged.sha256),
        )
        return int(cursor.lastrowid or 0)

    # -- reading --------------------------------------------------------------------------------

    def get(self, entry_id: int) -> Entry:
        row = (
            self.db.connection().execute(_ENTRY_SELECT + " WHERE e.id = ?", (entry_id,)).fetchone()
        )
        if row is None:
            raise UnknownEntryError(f"no vault entry with id {entry_id}")
        return _entry(row)

    def entries(self) -> list[Entry]:
        """Every entry, newest first."""
        rows = self.db.connection().execute(_ENTRY_SELECT + " ORDER BY e.added_at DESC, e.id DESC")
        return [_entry(row) for row in rows]

    def entries_for_blob(self, sha256: str) -> list[Entry]:
        rows = self.db.connection().execute(
            _ENTRY_SELECT + " WHERE e.sha256 = ? ORDER BY e.added_at DESC, e.id DESC", (sha256,)
        )
        return [_entry(row) for row in rows]

    def blob_path(self, sha256: str) -> Path:
        """Where the blob with this SHA-256 lives. Read it; never write or move it."""
        if not _is_sha256(sha256):
            raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
        return self._blobs / sha256[:2] / sha256

    def total_bytes(self) -> int:
        row = self.db.connection().execute("SELECT COALESCE(SUM(size), 0) FROM blobs").fetchone()
        return int(row[0])

    # -- checking and restoring -----------------------------------------------------------------

    def verify(self, progress: Callable[[int, int], None] | None = None) -> VerifyReport:
        """Check the database, re-hash every blob, and find blob files the database does not know.

        Never deletes anything: a blob file without a row (a crash between the rename and the
        commit, or a database lost, emptied or replaced by an older copy) is reported as
        ``unindexed`` and kept; :func:`~desktop_app.core.vault.reindex` lists it again.
        """
        database_problems = self.db.quick_check()
        rows = self.db.connection().execute("SELECT sha256, size FROM blobs ORDER BY sha256")
        blobs = [(str(r[0]), int(r[1])) for r in rows]
        missing: list[str] = []
        corrupt: list[str] = []
        buffer = bytearray(fsutil.COPY_BUFFER)
        for done, (sha, size) in enumerate(blobs, start=1):
            try:
                actual, actual_size = fsutil.hash_file(self.blob_path(sha), buffer)
            except FileNotFoundError:
                missing.append(sha)
            except OSError as exc:
                log.warning("cannot read blob %s: %s", sha[:12], exc)
                corrupt.append(sha)
            else:
                if actual != sha or actual_size != size:
                    corrupt.append(sha)
            if progress is not None:
                progress(done, len(blobs))
        # A blob forgotten while we were hashing is not a problem.
        missing = [sha for sha in missing if self._has_row(sha)]
        corrupt = [sha for sha in corrupt if self._has_row(sha)]
        known = {sha for sha, _ in blobs}
        # A blob added while we were hashing is not unindexed: look again before reporting.
        unindexed = [
            sha for sha in self.blob_files() if sha not in known and not self._has_row(sha)
        ]
        if unindexed:
            log.warning("%d stored document(s) are not in the database; kept", len(unindexed))
        return VerifyReport(
            len(blobs), missing, corrupt, unindexed=unindexed, database=database_problems
        )

    def _has_row(self, sha256: str) -> bool:
        query = "SELECT 1 FROM blobs WHERE sha256 = ?"
        return self.db.connection().execute(query, (sha256,)).fetchone() is not None

    def blob_files(self) -> list[str]:
        """The SHA-256 of every well-formed blob file on disk, whatever the database says."""
        return sorted(
            path.name
            for path in self._blobs.glob("??/*")
            if _is_sha256(path.name) and path.name[:2] == path.parent.name
        )

    def restore(self, entry_id: int, dest_dir: Path) -> Path:
        """Copy an entry out to ``dest_dir`` under its (sanitized) name; never overwrites."""
        entry = self.get(entry_id)
        return restore_blob(self.blob_path(entry.sha256), entry.sha256, entry.name, dest_dir)

    # -- removing -------------------------------------------------------------------------------

    def forget(self, entry_id: int) -> None:
        """Remove one entry; its blob goes too once no other entry uses it."""
        self._check_writable()
        self.get(entry_id)
        self._remove_entries([entry_id])

    def prune(
        self,
        policy: RetentionPolicy,
        protected: Collection[str] = (),
        now: float | None = None,
    ) -> PruneReport:
        """Apply ``policy``, oldest first, never touching a blob whose sha256 is ``protected``.

        Age applies per entry (added before ``now - max_age_days``). Size evicts whole blobs,
        the one least recently added first, until the total fits.
        """
        self._check_writable()
        now = time.time() if now is None else now
        keep = set(protected)
        conn = self.db.connection()
        doomed: list[int] = []
        if policy.max_age_days is not None:
            cutoff = now - policy.max_age_days * 86_400
            for row in conn.execute("SELECT id, sha256 FROM entries WHERE added_at < ?", (cutoff,)):
                if row[1] not in keep:
                    doomed.append(int(row[0]))
        removed, freed = self._remove_entries(doomed)
        if policy.max_total_bytes is not None:
            total = self.total_bytes()
            rows = conn.execute(
                "SELECT b.sha256, b.size, MAX(e.added_at) AS last FROM blobs b"
                " JOIN entries e ON e.sha256 = b.sha256 GROUP BY b.sha256 ORDER BY last, b.sha256"
            ).fetchall()
            for row in rows:
                if total <= policy.max_total_bytes:
                    break
                if row[0] in keep:
                    continue
                ids = [e.id for e in self.entries_for_blob(str(row[0]))]
                more_removed, more_freed = self._remove_entries(ids)
                removed += more_removed
                freed += more_freed
                total -= int(row[1])
        if removed:
            log.info("pruned %d entries, freed %d bytes", removed, freed)
        return PruneReport(removed_entries=removed, freed_bytes=freed)

    def _remove_entries(self, entry_ids: Collection[int]) -> tuple[int, int]:
        """Delete entries, then unreferenced blobs; returns (entries removed, bytes freed)."""
        if not entry_ids:
            return 0, 0
        trashed: list[tuple[Path, Path]] = []
        try:
            removed, freed = self._delete_rows(entry_ids, trashed)
        except BaseException:
            for blob, target in trashed:  # the rows are back: so must the files be
                with contextlib.suppress(OSError):
                    os.replace(target, blob)
            raise
        for _, target in trashed:
            target.unlink(missing_ok=True)
        return removed, freed

    def _delete_rows(
        self, entry_ids: Collection[int], trashed: list[tuple[Path, Path]]
    ) -> tuple[int, int]:
        with self.db.transaction() as conn:
            shas: set[str] = set()
            removed = 0
            for entry_id in entry_ids:
                row = conn.execute(
                    "SELECT sha256 FROM entries WHERE id = ?", (entry_id,)
                ).fetchone()
                if row is None:
                    continue
                shas.add(str(row[0]))
                conn.execute("DELETE FROM entries WHERE id = ?", (entry_id,))
                removed += 1
            freed = 0
            for sha in sorted(shas):
                used = conn.execute("SELECT 1 FROM entries WHERE sha256 = ? LIMIT 1", (sha,))
                if used.fetchone() is not None:
                    continue
                size_row = conn.execute(
                    "SELECT size FROM blobs WHERE sha256 = ?", (sha,)
                ).fetchone()
                conn.execute("DELETE FROM blobs WHERE sha256 = ?", (sha,))
                freed += int(size_row[0])
                # Moved aside under the write lock (so a concurrent add of the same content
                # cannot lose its fresh copy), deleted after the commit.
                target = self._trash / f"{fsutil.TEMP_PREFIX}{sha}-{os.getpid()}"
                with contextlib.suppress(FileNotFoundError):
                    os.replace(self.blob_path(sha), target)
                    trashed.append((self.blob_path(sha), target))
        return removed, freed


def _entry(row: sqlite3.Row) -> Entry:
    return Entry(
        id=int(row["id"]),
        sha256=str(row["sha256"]),
        name=str(row["name"]),
        original_path=row["original_path"],
        source=Source(row["source"]),
        added_at=float(row["added_at"]),
        size=int(row["size"]),
        mime_type=str(row["mime_type"]),
    )


def _storable(text: str) -> str:
    """``text`` safe for SQLite's UTF-8: undecodable file-name bytes become U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "replace")
    return text


def _unlink_all(paths: list[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)


def _is_sha256(text: str) -> bool:
    return len(text) == 64 and all(c in "0123456789abcdef" for c in text)
