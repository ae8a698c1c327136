"""The records the watcher shares with its callers: events, folder states, options, callbacks.

Kept apart from ``watcher.py`` so the service, the CLI and the GUI bridge can name these types
without pulling in watchdog.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from desktop_app.core.watch.filters import FolderRule
from desktop_app.core.watch.pending import DEFAULT_CAPACITY


class WatchEventKind(enum.StrEnum):
    BACKED_UP = "backed_up"
    PROBLEM = "problem"
    FOLDER_MISSING = "folder_missing"
    FOLDER_BACK = "folder_back"


@dataclass(frozen=True)
class WatchEvent:
    """Something the user may want to hear about; ``entry_id`` is set for ``BACKED_UP``."""

    kind: WatchEventKind
    path: Path
    message: str
    entry_id: int | None = None


class BackedUpEntry(Protocol):
    """What the watcher needs from a vault entry."""

    @property
    def id(self) -> int: ...
    @property
    def sha256(self) -> str: ...


#: Back up the file at a path; raises ``SourceError``/``DiskFullError``/``VaultError``.
Ingest = Callable[[Path], BackedUpEntry]
#: Called after each backup with the vault entry and the rule of its folder (e.g. to upload).
OnBackedUp = Callable[[Any, FolderRule], None]
#: Receives every :class:`WatchEvent`, on a watcher thread.
OnEvent = Callable[[WatchEvent], None]


class FolderState(enum.StrEnum):
    STARTING = "starting"
    WATCHING = "watching"
    MISSING = "missing"  # not there (deleted, renamed, unplugged): polled for its return
    UNWATCHABLE = "unwatchable"  # there, but the OS refused to watch it (permissions, limits)


@dataclass(frozen=True)
class WatcherOptions:
    settle_seconds: float = 1.0
    give_up_seconds: float = 600.0
    poll_seconds: float = 2.0  # how often to look for vanished or returned folders
    retry_seconds: float = 30.0  # how soon to try again after a full disk
    capacity: int = DEFAULT_CAPACITY  # files waiting to settle before falling back to a scan
    ignore_roots: tuple[str, ...] = ()  # the app's own folders: never back up our own writes
    ingest_workers: int = 2  # threads backing up complete files in parallel
