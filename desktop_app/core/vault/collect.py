"""Expand the paths a user named (CLI arguments, a dropped selection) into regular files.

Directories are only descended with ``recursive``; FIFOs, devices, sockets, vanished files,
broken links and symlink loops are reported as :class:`SkippedPath` instead of stopping the run.
A path the user named is followed if it is a symbolic link (a link to a document backs up the
document); a link found *inside* a folder is followed only while it stays inside that folder, so
``backup -r ~`` never copies ``/etc/shadow`` or a key from elsewhere through a stray link, and a
directory is never entered twice, so a link pointing back up the tree cannot loop. The app's
own folders (``ignore_roots``: vault, database, settings, logs) are never collected, even when
they lie inside the tree; the folder watcher uses the same rules (``fsutil.inside``).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core.fsutil import inside, kind_of, normalize_root


@dataclass(frozen=True)
class SkippedPath:
    """A path that was not backed up, and why (one line, for users)."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def collect_files(
    paths: Iterable[Path], recursive: bool, *, ignore_roots: Iterable[str | Path] = ()
) -> tuple[list[Path], list[SkippedPath]]:
    """The regular files under ``paths`` (in a stable order), and what was skipped and why.

    Nothing inside ``ignore_roots`` (the app's own folders) is collected.
    """
    collector = _Collector(recursive, tuple(normalize_root(r) for r in ignore_roots))
    for path in paths:
        path = Path(path)
        collector.root = normalize_root(path)
        collector.visit(path, collector.root, top_level=True, ancestors=frozenset())
    return collector.files, collector.skipped


class _Collector:
    def __init__(self, recursive: bool, ignore_roots: tuple[str, ...]) -> None:
        self.recursive = recursive
        self.ignore_roots = ignore_roots
        self.root = ""  # the resolved path the user named, for the current walk
        self.files: list[Path] = []
        self.skipped: list[SkippedPath] = []
        self._seen_files: set[tuple[int, int]] = set()
        self._seen_dirs: set[tuple[int, int]] = set()

    def visit(
        self,
        path: Path,
        real: str,
        *,
        top_level: bool,
        ancestors: frozenset[tuple[int, int]],
    ) -> None:
        """Collect ``path``, whose resolved form is ``real`` (links resolved up to it)."""
        if not top_level and os.path.islink(path):
            real = normalize_root(path)
            if not inside(real, (self.root,)):
                reason = "symbolic link leading out of the folder; not followed"
                self.skipped.append(SkippedPath(path, reason))
                return
        if self.ignore_roots and inside(real, self.ignore_roots):
            if top_level:
                self.skipped.append(SkippedPath(path, "is AttachGuard's own data; not backed up"))
            return
        try:
            info = os.stat(path)  # follows links: a link is judged by what it points to
        except OSError as exc:
            self.skipped.append(SkippedPath(path, _stat_problem(path, exc)))
            return
        key = (info.st_dev, info.st_ino)
        if stat.S_ISREG(info.st_mode):
            if not os.access(path, os.R_OK):
                self.skipped.append(SkippedPath(path, "permission denied"))
            elif key not in self._seen_files or key == (0, 0):
                self._seen_files.add(key)
                self.files.append(path)
            return
        if not stat.S_ISDIR(info.st_mode):
            self.skipped.append(
                SkippedPath(path, f"is {kind_of(info.st_mode)}, not a regular file")
            )
            return
        if not self.recursive:
            reason = "is a directory (use --recursive)" if top_level else "is a directory"
            self.skipped.append(SkippedPath(path, reason))
            return
        if key in ancestors:
            self.skipped.append(SkippedPath(path, "symbolic link loop; not followed"))
            return
        if key in self._seen_dirs:
            return  # reached twice through a link: its files are already listed
        self._seen_dirs.add(key)
        try:
            with os.scandir(path) as listing:
                names = sorted(entry.name for entry in listing)
        except OSError as exc:
            reason = "permission denied" if isinstance(exc, PermissionError) else str(exc)
            self.skipped.append(SkippedPath(path, f"cannot list the folder ({reason})"))
            return
        inner = ancestors | {key}
        for name in names:
            self.visit(path / name, os.path.join(real, name), top_level=False, ancestors=inner)


def _stat_problem(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if isinstance(exc, FileNotFoundError):
        return "broken symbolic link" if os.path.islink(path) else "does not exist (vanished?)"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or str(exc)
