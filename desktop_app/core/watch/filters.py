"""Which paths a watched folder takes in: depth, hidden and temporary files, include/exclude globs.

The rules run on the observer's thread for every file-system event, so they work on plain strings
(no ``Path`` objects, no system calls) and drop unwanted events before anything else sees them.
Matching is case-insensitive: ``*.PDF`` and ``*.pdf`` mean the same thing to a user on every OS.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core.fsutil import inside, normalize_root

if TYPE_CHECKING:
    from desktop_app.settings import WatchedFolder

# Shared with ``backup -r`` (core/vault/collect.py): one rule for "inside our own folders".
__all__ = ["TEMPORARY_PATTERNS", "FolderRule", "inside", "is_temporary_name", "normalize_root"]

#: Names of files that are still being written or belong to an editor or office suite, never a
#: finished document. Browsers rename ``*.part``/``*.crdownload`` into place when the download
#: ends, and that rename is what the watcher reacts to.
TEMPORARY_PATTERNS: tuple[str, ...] = (
    "*.part",
    "*.partial",
    "*.crdownload",
    "*.download",
    "*.opdownload",
    "*.tmp",
    "*.temp",
    "~$*",  # Microsoft Office owner files
    ".~lock.*#",  # LibreOffice lock files (also hidden, listed for clarity)
    "*.swp",
    "*.swo",
    "*.swx",  # vim swap files
    "*~",  # editor backups
    "#*#",  # emacs auto-save
    "4913",  # vim's "can I write here" probe
    "thumbs.db",
    "desktop.ini",
)


def is_temporary_name(name: str) -> bool:
    """True for hidden files and for the temporary/partial names in :data:`TEMPORARY_PATTERNS`."""
    if name.startswith("."):
        return True
    lowered = name.lower()
    return any(fnmatchcase(lowered, pattern) for pattern in TEMPORARY_PATTERNS)


@dataclass(frozen=True)
class FolderRule:
    """One watched folder as the watcher uses it: an absolute root plus what to take from it."""

    root: str
    recursive: bool = False
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    upload: bool = False
    purpose: str = "user_data"
    backup_existing: bool = False
    targets: tuple[str, ...] = ()  # upload target names; empty: the primary

    @classmethod
    def from_settings(cls, folder: WatchedFolder) -> FolderRule:
        return cls.create(
            folder.path,
            recursive=folder.recursive,
            include=folder.include,
            exclude=folder.exclude,
            upload=folder.upload,
            purpose=folder.purpose,
            backup_existing=folder.backup_existing,
            targets=folder.targets,
        )

    @classmethod
    def create(
        cls,
        path: str | Path,
        *,
        recursive: bool = False,
        include: list[str] | tuple[str, ...] = (),
        exclude: list[str] | tuple[str, ...] = (),
        upload: bool = False,
        purpose: str = "user_data",
        backup_existing: bool = False,
        targets: list[str] | tuple[str, ...] = (),
    ) -> FolderRule:
        """A rule with its root made absolute (``~`` expanded, symlinks resolved)."""
        return cls(
            root=normalize_root(path),
            recursive=recursive,
            include=tuple(p.lower() for p in include if p),
            exclude=tuple(p.lower() for p in exclude if p),
            upload=upload,
            purpose=purpose,
            backup_existing=backup_existing,
            targets=tuple(targets),
        )

    @property
    def prefix(self) -> str:
        return self.root.rstrip(os.sep) + os.sep

    def accepts(self, path: str) -> bool:
        """Whether the file at absolute ``path`` (below this root) should be backed up."""
        prefix = self.prefix
        if not path.startswith(prefix):
            return False
        rel = path[len(prefix) :]
        parts = rel.split(os.sep)
        if not self.recursive and len(parts) > 1:
            return False
        # Hidden folders (.git, .cache, ...) are skipped as a whole, like hidden files.
        if any(part.startswith(".") for part in parts[:-1]):
            return False
        name = parts[-1]
        if not name or is_temporary_name(name):
            return False
        lname = name.lower()
        lrel = "/".join(parts).lower()
        if self.include and not any(_match(lname, lrel, p) for p in self.include):
            return False
        return not any(_match(lname, lrel, p) for p in self.exclude)

    def accepts_dir(self, path: str) -> bool:
        """Whether a scan should descend into the directory at absolute ``path``."""
        if not self.recursive:
            return False
        prefix = self.prefix
        if not path.startswith(prefix):
            return False
        return not any(part.startswith(".") for part in path[len(prefix) :].split(os.sep))


def _match(name: str, rel: str, pattern: str) -> bool:
    # A pattern with a slash is about the path below the root ("drafts/*.docx"); one without
    # is about the file name alone, at any depth.
    return fnmatchcase(rel, pattern) if "/" in pattern else fnmatchcase(name, pattern)
