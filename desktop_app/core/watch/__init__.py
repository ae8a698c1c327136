"""Watched folders: back up documents as they appear, once they are complete.

Public face of the watch subsystem: the :class:`Watcher`, the per-folder rule it applies, and
the events it reports. The observer, the settle map, the catch-up scan and the remembered state
are private modules behind it.
"""

from __future__ import annotations

from desktop_app.core.watch.events import (
    BackedUpEntry,
    FolderState,
    OnEvent,
    WatcherOptions,
    WatchEvent,
    WatchEventKind,
)
from desktop_app.core.watch.filters import FolderRule, inside, normalize_root
from desktop_app.core.watch.watcher import Watcher

__all__ = [
    "BackedUpEntry",
    "FolderRule",
    "FolderState",
    "OnEvent",
    "WatchEvent",
    "WatchEventKind",
    "Watcher",
    "WatcherOptions",
    "inside",
    "normalize_root",
]
