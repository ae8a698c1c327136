"""Staging: copying a document into a complete, fsynced temp file inside the vault.

A :class:`Staged` copy is the expensive half of a backup (one read pass that hashes, writes and
fsyncs); the vault then renames it into place and records it under the database lock. Staging
touches no database, so :func:`stage_many` can run several copies at once: their fsyncs overlap
(file systems batch concurrent flushes into one journal commit), which is where most of the time
of backing up many small files goes.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError, Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from desktop_app.core import fsutil
from desktop_app.core.errors import DiskFullError, VaultError
from desktop_app.core.filetypes import detect

T = TypeVar("T")

#: POSIX keeps the temp file open (and ``flock``-ed) until it is committed, so a vault opened by
#: another process cannot sweep it away in between. Windows cannot rename an open file.
_KEEP_OPEN = os.name != "nt"


@dataclass
class Staged:
    """A finished temp copy waiting to be moved into the vault (see the module docstring)."""

    tmp_path: Path
    fd: int | None
    sha256: str
    size: int
    mime_type: str
    name: str
    original_path: str | None

    def discard(self) -> None:
        """Close the temp file and remove it if it was not renamed into place (idempotent)."""
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
        self.tmp_path.unlink(missing_ok=True)


def stage_file(path: Path, tmp_dir: Path, name: str, write: fsutil.Writer) -> Staged:
    """Copy the regular file at ``path`` into ``tmp_dir`` (hashing it on the way) and fsync."""
    src_fd = fsutil.open_source(path)
    try:
        return _stage(
            tmp_dir,
            lambda tmp_fd: fsutil.copy_hashing(src_fd, tmp_fd, str(path), write),
            name,
            os.path.abspath(path),
        )
    finally:
        os.close(src_fd)


def stage_bytes(data: bytes, tmp_dir: Path, name: str, write: fsutil.Writer) -> Staged:
    """Write ``data`` into ``tmp_dir`` and fsync."""

    def fill(tmp_fd: int) -> fsutil.CopyResult:
        fsutil.write_all(tmp_fd, memoryview(data), write)
        digest = hashlib.sha256(data).hexdigest()
        return fsutil.CopyResult(sha256=digest, size=len(data), head=data[: fsutil.HEAD_BYTES])

    return _stage(tmp_dir, fill, name, None)


def _stage(
    tmp_dir: Path,
    fill: Callable[[int], fsutil.CopyResult],
    name: str,
    original_path: str | None,
) -> Staged:
    with fsutil.write_errors_converted("the vault"):
        tmp_fd, tmp_path = fsutil.create_temp(tmp_dir)
    keep_fd: int | None = tmp_fd
    try:
        with fsutil.write_errors_converted("the vault"):
            copied = fill(tmp_fd)
            os.fsync(tmp_fd)
            if not _KEEP_OPEN:  # pragma: no cover - Windows
                os.close(tmp_fd)
                keep_fd = None
        try:
            mime = detect(tmp_path, name, head=copied.head).mime
        except OSError as exc:
            raise VaultError(f"cannot read back the copy of {name}: {exc}") from exc
    except BaseException:
        if keep_fd is not None:
            os.close(keep_fd)
        tmp_path.unlink(missing_ok=True)
        raise
    return Staged(tmp_path, keep_fd, copied.sha256, copied.size, mime, name, original_path)


def stage_many(
    paths: Iterable[Path],
    stage: Callable[[Path], Staged],
    commit: Callable[[list[Staged]], list[T]],
    workers: int,
) -> Iterator[tuple[Path, T | VaultError]]:
    """Stage ``paths`` on ``workers`` threads and commit them in small batches, in input order.

    Yields ``(path, result or error)`` per file. After a :class:`DiskFullError` no new file is
    started (files already being copied still finish); files never started are not yielded.
    """
    todo = iter(paths)
    window: deque[tuple[Path, Future[Staged]]] = deque()
    batch: list[tuple[Path, Staged]] = []
    stopped = False
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ag-vault-copy") as pool:
        try:
            while True:
                while not stopped and len(window) < 2 * workers:
                    path = next(todo, None)
                    if path is None:
                        break
                    window.append((path, pool.submit(stage, path)))
                if not window:
                    break
                path, future = window.popleft()
                try:
                    batch.append((path, future.result()))
                except CancelledError:
                    continue
                except VaultError as exc:
                    yield from _commit_batch(batch, commit)
                    batch = []
                    yield path, exc
                    if isinstance(exc, DiskFullError) and not stopped:
                        stopped = True
                        for _, later in window:
                            later.cancel()
                    continue
                # Commit when enough are ready, or when waiting for the next would stall them.
                if len(batch) >= workers or not window or not window[0][1].done():
                    yield from _commit_batch(batch, commit)
                    batch = []
        finally:
            # Only reached with work left when the caller stopped iterating early.
            for _, staged in batch:
                staged.discard()
            for _, future in window:
                if not future.cancel():
                    with contextlib.suppress(BaseException):
                        future.result().discard()


def _commit_batch(
    batch: list[tuple[Path, Staged]], commit: Callable[[list[Staged]], list[T]]
) -> Iterator[tuple[Path, T | VaultError]]:
    if not batch:
        return
    try:
        results: list[T | VaultError] = list(commit([staged for _, staged in batch]))
    except VaultError as exc:
        results = [exc] * len(batch)
    for (path, _), result in zip(batch, results, strict=True):
        yield path, result
