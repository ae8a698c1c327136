"""Expand the paths a user named (CLI arguments, a dropped selection) into regular files.

Directories are only descended with ``recursive``; FIFOs, devices, sockets, vanished files,
broken links and symlink loops are reported as :class:`SkippedPath` instead of stopping the run.
Symbolic links are followed (a link to a document backs up the document), but a directory is
never entered twice, so a link pointing back up the tree cannot loop.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core.fsutil import kind_of


@dataclass(frozen=True)
class SkippedPath:
    """A path that was not backed up, and why (one line, for users)."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def collect_files(paths: Iterable[Path], recursive: bool) -> tuple[list[Path], list[SkippedPath]]:
    """The regular files under ``paths`` (in a stable order), and what was skipped and why."""
    collector = _Collector(recursive)
    for path in paths:
        collector.visit(Path(path), top_level=True, ancestors=frozenset())
    return collector.files, collector.skipped


class _Collector:
    def __init__(self, recursive: bool) -> None:
        self.recursive = recursive
        self.files: list[Path] = []
        self.skipped: list[SkippedPath] = []
        self._seen_files: set[tuple[int, int]] = set()
        self._seen_dirs: set[tuple[int, int]] = set()

    def visit(self, path: Path, *, top_level: bool, ancestors: frozenset[tuple[int, int]]) -> None:
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
            self.visit(path / name, top_level=False, ancestors=inner)


def _stat_problem(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if isinstance(exc, FileNotFoundError):
        return "broken symbolic link" if os.path.islink(path) else "does not exist (vanished?)"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or str(exc)
