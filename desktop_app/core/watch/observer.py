"""The watchdog side of the watcher: which OS events we listen to and where they go.

:class:`FolderEvents` runs on watchdog's observer thread. It does no I/O: it routes each event
to a :class:`EventSink` (the watcher), which drops ignored paths and touches the pending map.
watchdog reports a kernel event-queue overflow (inotify ``IN_Q_OVERFLOW``) only in its log, so
:class:`OverflowSpy` listens there and asks for a rescan.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Callable
from typing import Protocol

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)

from desktop_app.core.watch.filters import FolderRule

#: Only these events reach us. Opens, reads and closes-without-write are left out on purpose:
#: reading a file to back it up must not look like a change to it.
EVENT_FILTER: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileClosedEvent,
    FileMovedEvent,
    FileDeletedEvent,
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
]

#: Loggers on which watchdog reports that the OS dropped events.
OVERFLOW_LOGGERS = ("watchdog.observers.inotify_c", "watchdog.observers.inotify")


class EventSink(Protocol):
    def file_seen(self, path: str, rule: FolderRule) -> None: ...
    def file_gone(self, path: str) -> None: ...
    def root_changed(self) -> None: ...


class FolderEvents(FileSystemEventHandler):
    """Routes one watched folder's events to the sink (runs on the observer thread)."""

    def __init__(self, sink: EventSink, rule: FolderRule) -> None:
        self._sink = sink
        self._rule = rule

    def dispatch(self, event: FileSystemEvent) -> None:
        src = os.fsdecode(event.src_path)
        if event.is_directory:
            if event.event_type in ("deleted", "moved") and src == self._rule.root:
                self._sink.root_changed()
            return
        if isinstance(event, FileMovedEvent):
            # A finished download renamed into place: gone here, new there.
            self._sink.file_gone(src)
            dest = os.fsdecode(event.dest_path)
            if dest:
                self._sink.file_seen(dest, self._rule)
        elif isinstance(event, FileDeletedEvent):
            self._sink.file_gone(src)
        else:
            self._sink.file_seen(src, self._rule)


class OverflowSpy(logging.Handler):
    """Calls ``on_overflow`` when watchdog logs that the OS dropped events."""

    def __init__(self, on_overflow: Callable[[], None]) -> None:
        super().__init__(logging.WARNING)
        self._on_overflow = on_overflow

    def emit(self, record: logging.LogRecord) -> None:
        if "overflow" in record.getMessage().lower():
            self._on_overflow()

    def install(self) -> None:
        for name in OVERFLOW_LOGGERS:
            logging.getLogger(name).addHandler(self)

    def remove(self) -> None:
        for name in OVERFLOW_LOGGERS:
            logging.getLogger(name).removeHandler(self)


def folder_identity(root: str) -> tuple[int, int] | None:
    """(device, inode) of the folder, or None when it is not there as a directory.

    A change of identity means the watched folder was replaced, renamed or unmounted: the OS
    watch follows the old inode, so the folder must be detached and attached afresh.
    """
    try:
        info = os.stat(root)
    except OSError:
        return None
    return (info.st_dev, info.st_ino) if stat.S_ISDIR(info.st_mode) else None
