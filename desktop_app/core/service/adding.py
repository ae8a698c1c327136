"""Back up what a user named, then queue the uploads: the one "add documents" use case.

Every front-end that adds documents (a drop or paste on the window, a hand-over from another
launch, ``attachguard upload``, ``backup`` and ``add``) goes through :func:`add_documents`; they
differ only in how they word the :class:`AddReport` for their user.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core.errors import DiskFullError, VaultError
from desktop_app.core.vault import Entry, SkippedPath, Source, Vault, collect_files

if TYPE_CHECKING:
    from desktop_app.core.uploads import UploadManager

#: Called once per file tried, in input order, as soon as it is committed (or failed): lets a
#: command print each line while a long backup is still running.
OnFile = Callable[[Path, Entry | VaultError], None]


@dataclass(frozen=True)
class FailedFile:
    """A regular file that could not be backed up, and the error that said why."""

    path: Path
    error: VaultError


@dataclass(frozen=True)
class AddReport:
    """What one :meth:`Service.add_documents` call did, path by path."""

    #: Backed up, in input order (a document already in the vault counts: it gets an entry).
    entries: tuple[Entry, ...] = ()
    #: Named paths that are not readable regular files (missing, a FIFO, a folder without
    #: ``recursive``...), with the reason.
    skipped: tuple[SkippedPath, ...] = ()
    #: Files whose backup failed (unreadable, vanished meanwhile, the disk filled).
    failed: tuple[FailedFile, ...] = ()
    #: Files never started because the disk filled first.
    not_tried: tuple[Path, ...] = ()
    #: Upload jobs queued for ``entries`` (none when uploads were not asked for, or the disk
    #: filled: then nothing is queued, so the user can free space and add the rest again).
    job_ids: tuple[int, ...] = ()
    #: How many regular files the named paths expanded to.
    files_found: int = 0
    #: The error that stopped the backup early, if the disk filled.
    disk_full: DiskFullError | None = None

    @property
    def entry_ids(self) -> list[int]:
        return [entry.id for entry in self.entries]

    @property
    def problems(self) -> int:
        """Paths named or found that did not end up backed up."""
        return len(self.skipped) + len(self.failed) + len(self.not_tried)


def add_documents(
    vault: Vault,
    uploads: UploadManager | None,
    paths: Sequence[Path],
    *,
    source: Source,
    recursive: bool,
    purpose: str | None = None,
    expires_after: int | None = None,
    on_file: OnFile | None = None,
    own_folders: Sequence[Path] = (),
    targets: Sequence[str] | None = None,
) -> AddReport:
    """Back up ``paths`` (folders only with ``recursive``); queue the entries on ``uploads``.

    One unreadable file never stops the others; a full disk does (no later file could fit).
    Nothing inside ``own_folders`` (the app's data, settings, logs) is taken in.
    """
    files, skipped = collect_files(list(paths), recursive, ignore_roots=own_folders)
    entries: list[Entry] = []
    failed: list[FailedFile] = []
    disk_full: DiskFullError | None = None
    tried = 0
    for path, result in vault.add_files(files, source):
        tried += 1
        if on_file is not None:
            on_file(path, result)
        if isinstance(result, Entry):
            entries.append(result)
            continue
        failed.append(FailedFile(path, result))
        if isinstance(result, DiskFullError):
            disk_full = result
    # Results come in input order and stop after a full disk: the rest were never started.
    not_tried = tuple(files[tried:]) if disk_full is not None else ()
    job_ids: list[int] = []
    if uploads is not None and entries and disk_full is None:
        job_ids = uploads.enqueue(
            [e.id for e in entries], purpose=purpose, expires_after=expires_after, targets=targets
        )
    return AddReport(
        entries=tuple(entries),
        skipped=tuple(skipped),
        failed=tuple(failed),
        not_tried=not_tried,
        job_ids=tuple(job_ids),
        files_found=len(files),
        disk_full=disk_full,
    )
