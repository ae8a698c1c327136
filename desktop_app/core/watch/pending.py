"""Files waiting to settle: a bounded map shared by the observer thread and the settle thread.

The observer thread only *touches* entries (an event means "this file changed just now"); the
settle thread decides when a file is complete. A file is complete once no event has arrived for
``settle`` seconds and its size and mtime, read after the last event, have not moved since.

The map is bounded. When it is full a new path is refused and the caller marks its folder for a
catch-up scan instead, so a burst of any size costs bounded memory and still loses no file: the
scan finds everything that the refused events were about.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from desktop_app.core.watch.filters import FolderRule

#: Default bound on files waiting to settle (a few hundred bytes each).
DEFAULT_CAPACITY = 2048

Snapshot = tuple[int, int]  # (size, mtime_ns)


@dataclass
class PendingFile:
    path: str
    rule: FolderRule
    first_seen: float  # monotonic seconds
    changed_at: float  # last event, or last change seen by stat
    snapshot: Snapshot | None = None  # size and mtime read after the last event
    generation: int = 0  # bumped by every touch, so the settle thread can spot a race
    not_before: float = 0.0  # retry delay after a transient failure
    retried: bool = False  # a transient failure was already reported for this file


class PendingFiles:
    """Thread-safe, bounded ``path -> PendingFile`` map with the settle decision."""

    def __init__(self, capacity: int = DEFAULT_CAPACITY) -> None:
        self.capacity = capacity
        self.wake = threading.Event()  # set whenever there is something new to look at
        self._items: dict[str, PendingFile] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, path: object) -> bool:
        return path in self._items

    def touch(self, path: str, rule: FolderRule, now: float) -> bool:
        """An event says ``path`` changed now. False when the map is full and ``path`` is new."""
        with self._lock:
            item = self._items.get(path)
            if item is None:
                if len(self._items) >= self.capacity:
                    return False
                self._items[path] = PendingFile(path, rule, first_seen=now, changed_at=now)
            else:
                item.changed_at = max(item.changed_at, now)
                item.snapshot = None
                item.generation += 1
        self.wake.set()
        return True

    def add_found(
        self, path: str, rule: FolderRule, now: float, snapshot: Snapshot, age: float
    ) -> bool:
        """A scan found ``path`` new or changed, last modified ``age`` seconds ago (by mtime)."""
        with self._lock:
            if path in self._items:
                return True
            if len(self._items) >= self.capacity:
                return False
            # An mtime far in the past means nobody wrote the file lately: no need to wait a full
            # settle window again. The stat comparison before and after the copy still guards it.
            changed_at = now - max(0.0, age)
            self._items[path] = PendingFile(
                path, rule, first_seen=now, changed_at=min(changed_at, now), snapshot=snapshot
            )
        self.wake.set()
        return True

    def discard(self, path: str, generation: int | None = None) -> bool:
        """Forget ``path`` (only if untouched since ``generation``, when given)."""
        with self._lock:
            item = self._items.get(path)
            if item is None:
                return True
            if generation is not None and item.generation != generation:
                return False
            del self._items[path]
            return True

    def items(self) -> list[PendingFile]:
        with self._lock:
            return list(self._items.values())

    def observe(
        self, item: PendingFile, snapshot: Snapshot, now: float, settle: float
    ) -> float | None:
        """Record a fresh stat of ``item``; None when it is complete, else when to look again."""
        with self._lock:
            if item.snapshot is None or item.snapshot != snapshot:
                if item.snapshot is not None:
                    item.changed_at = now  # changed without an event (network share, missed event)
                item.snapshot = snapshot
            due = item.changed_at + settle
            return None if due <= now else due

    def generation(self, item: PendingFile) -> int:
        with self._lock:
            return item.generation

    def retry_later(self, item: PendingFile, when: float) -> bool:
        """Look again at ``when`` (a transient failure); True the first time, to report it once."""
        with self._lock:
            item.not_before = when
            item.first_seen = when  # waiting for disk space is not "never settling"
            first, item.retried = not item.retried, True
            return first
