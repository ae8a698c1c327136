"""What the window's details pane shows about one document: its backup and its upload history.

Read-only. The vault entry (name, origin, size, type), where its backup copy lives and whether
that file is still there, and every upload job of the same content (newest first) with its
times, attempt count, last error, remote file id and expiry. A job keeps the error of its last
attempt only, so each job is one line of history ("3 attempts, last: rate limited").

:func:`read_only_copy` puts a read-only copy of the backup, under the document's own name, in a
private folder of the cache, for "Open original": the app that opens it cannot change the
vault's copy, and the name's extension tells the desktop which app to use.
"""

from __future__ import annotations

import contextlib
import shutil
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core.store.db import Database
from desktop_app.core.vault import Entry, Vault

__all__ = ["DocumentDetails", "UploadRecord", "read_details", "read_only_copy"]

#: Copies opened for viewing are removed a day later (at the next open).
OPENED_KEEP_SECONDS = 86_400

#: A document uploaded again and again still shows a readable history.
HISTORY_LIMIT = 50

_JOBS = """
SELECT id, state, attempts, created_at, first_attempt_at, updated_at, next_attempt_at,
       error_kind, error_message, http_status, file_id, expires_at, target_name
FROM upload_jobs WHERE sha256 = ? ORDER BY id DESC LIMIT ?
"""


@dataclass(frozen=True)
class UploadRecord:
    """One upload job of the document's content: when it was queued and first tried, how many
    attempts it made, how it stands, and the error of its last attempt."""

    job_id: int
    state: str  # a JobState value
    attempts: int
    queued_at: float
    first_attempt_at: float | None
    updated_at: float
    next_attempt_at: float | None
    error_kind: str | None
    error_message: str | None
    http_status: int | None
    file_id: str | None
    expires_at: float | None
    target: str = "openai"  # the upload target's name


@dataclass(frozen=True)
class DocumentDetails:
    """One document as the details pane shows it."""

    entry: Entry
    vault_path: Path
    backup_present: bool
    uploads: tuple[UploadRecord, ...]  # newest first

    @property
    def latest(self) -> UploadRecord | None:
        return self.uploads[0] if self.uploads else None

    def latest_per_target(self) -> list[UploadRecord]:
        """The newest job of each target the document was queued for, in first-queued order."""
        latest: dict[str, UploadRecord] = {}
        for record in self.uploads:  # newest first: the first seen per target wins
            latest.setdefault(record.target, record)
        return sorted(latest.values(), key=lambda r: r.job_id)


def read_details(db: Database, vault: Vault, entry_id: int) -> DocumentDetails:
    """The details of vault entry ``entry_id``; ``UnknownEntryError`` if it is gone."""
    entry = vault.get(entry_id)
    path = vault.blob_path(entry.sha256)
    rows = db.connection().execute(_JOBS, (entry.sha256, HISTORY_LIMIT)).fetchall()
    uploads = tuple(
        UploadRecord(
            job_id=int(r[0]),
            state=str(r[1]),
            attempts=int(r[2] or 0),
            queued_at=float(r[3]),
            first_attempt_at=r[4],
            updated_at=float(r[5]),
            next_attempt_at=r[6],
            error_kind=r[7],
            error_message=r[8],
            http_status=r[9],
            file_id=r[10],
            expires_at=r[11],
            target=str(r[12]),
        )
        for r in rows
    )
    return DocumentDetails(entry, path, path.is_file(), uploads)


def read_only_copy(vault: Vault, cache_dir: Path, entry_id: int) -> Path:
    """A fresh read-only copy of entry ``entry_id``'s backup under its own name, in a folder of
    its own below ``cache_dir/opened``; copies older than a day are removed first."""
    root = cache_dir / "opened"
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    _remove_old(root, time.time() - OPENED_KEEP_SECONDS)
    folder = Path(tempfile.mkdtemp(prefix=f"{entry_id}-", dir=root))
    path = vault.restore(entry_id, folder)
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    return path


def _remove_old(root: Path, before: float) -> None:
    for folder in root.iterdir():
        with contextlib.suppress(OSError):
            if not folder.is_dir() or folder.stat().st_mtime >= before:
                continue
            for path in folder.iterdir():
                # Windows will not delete a read-only file: make it writable first.
                path.chmod(stat.S_IRUSR | stat.S_IWUSR)
            shutil.rmtree(folder, ignore_errors=True)
