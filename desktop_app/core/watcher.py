"""Watched folders: back up documents as they appear, once they are complete.

Three kinds of thread, all named, all stopped by :meth:`Watcher.stop` through Events:

* watchdog's observer threads turn OS events into calls on :class:`_FolderEvents`, which drops
  ignored paths at once and only *touches* the bounded pending map (no I/O on that thread);
* ``attachguard-watch-settle`` decides when a pending file is complete (no event and no size or
  mtime change for ``settle_seconds``, and it opens), backs it up through the ``ingest`` callable,
  and runs catch-up scans (on start, when a folder comes back, after an event overflow);
* ``attachguard-watch-folders`` polls every ``poll_seconds`` for watched folders that vanished
  (deleted, renamed, unplugged) and for missing ones that returned, and re-attaches them.

The watcher never imports the vault or the upload queue: the service passes ``ingest`` (path ->
entry), ``forget`` (drop an entry copied mid-write) and ``on_backed_up`` (entry, folder rule), and
gets :class:`WatchEvent` records through
``on_event`` — called on a watcher thread, so a GUI must hand them to its own thread.
"""

from __future__ import annotations

import contextlib
import enum
import hashlib
import logging
import os
import stat
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

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
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch

from desktop_app.core.db import Database
from desktop_app.core.errors import AttachGuardError, DiskFullError, SourceError
from desktop_app.core.watch_filters import FolderRule, inside, normalize_root
from desktop_app.core.watch_pending import DEFAULT_CAPACITY, PendingFile, PendingFiles, Snapshot
from desktop_app.core.watch_scan import scan_folder
from desktop_app.core.watch_state import WatchState

log = logging.getLogger(__name__)

#: Only these events reach us. Opens, reads and closes-without-write are left out on purpose:
#: reading a file to back it up must not look like a change to it.
_EVENT_FILTER: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileClosedEvent,
    FileMovedEvent,
    FileDeletedEvent,
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
]

#: Longest the settle thread sleeps with nothing due (it is woken early by any event).
_IDLE_SECONDS = 1.0
#: Shortest gap between two settle passes during a burst, so the pass is not re-run per event.
_BURST_GAP_SECONDS = 0.02
#: Loggers on which watchdog reports that the OS dropped events (inotify ``IN_Q_OVERFLOW``).
_OVERFLOW_LOGGERS = ("watchdog.observers.inotify_c", "watchdog.observers.inotify")


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


Ingest = Callable[[Path], BackedUpEntry]
OnBackedUp = Callable[[Any, FolderRule], None]
OnEvent = Callable[[WatchEvent], None]


class FolderState(enum.StrEnum):
    STARTING = "starting"
    WATCHING = "watching"
    MISSING = "missing"
    UNWATCHABLE = "unwatchable"


@dataclass(frozen=True)
class WatcherOptions:
    settle_seconds: float = 1.0
    give_up_seconds: float = 600.0
    poll_seconds: float = 2.0  # how often to look for vanished or returned folders
    retry_seconds: float = 30.0  # how soon to try again after a full disk
    capacity: int = DEFAULT_CAPACITY  # files waiting to settle before falling back to a scan
    ignore_roots: tuple[str, ...] = ()  # the app's own folders: never back up our own writes


@dataclass
class _Folder:
    rule: FolderRule
    state: FolderState = FolderState.STARTING
    watch: ObservedWatch | None = None
    identity: tuple[int, int] | None = None
    handler: _FolderEvents | None = field(default=None, repr=False)


class Watcher:
    """Watches folders and backs up what settles in them. ``start()`` once, ``stop()`` once."""

    def __init__(
        self,
        rules: Sequence[FolderRule],
        *,
        db: Database,
        ingest: Ingest,
        on_event: OnEvent | None = None,
        on_backed_up: OnBackedUp | None = None,
        forget: Callable[[int], None] | None = None,
        options: WatcherOptions | None = None,
    ) -> None:
        self.options = options or WatcherOptions()
        self._ignore = tuple(normalize_root(p) for p in self.options.ignore_roots)
        self._folders = {rule.root: _Folder(rule) for rule in rules}
        self._state = WatchState(db)
        self._ingest_fn = ingest
        self._on_event = on_event
        self._on_backed_up = on_backed_up
        self._forget = forget
        self.pending = PendingFiles(self.options.capacity)
        self._stop = threading.Event()
        self._folder_wake = threading.Event()
        self._scan_lock = threading.Lock()
        self._scan_requests: set[str] = set()
        self._observer: BaseObserver | None = None
        self._threads: list[threading.Thread] = []
        self._overflow_spy = _OverflowSpy(self._request_scan_all)

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> None:
        observer = Observer()
        observer.name = "attachguard-watch-observer"
        observer.start()
        self._observer = observer
        for name in _OVERFLOW_LOGGERS:
            logging.getLogger(name).addHandler(self._overflow_spy)
        for folder in self._folders.values():
            self._attach(folder)
        for name, target in (
            ("attachguard-watch-settle", self._settle_loop),
            ("attachguard-watch-folders", self._folders_loop),
        ):
            thread = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        self.pending.wake.set()
        self._folder_wake.set()
        for thread in self._threads:
            thread.join(timeout)
        self._threads = []
        for name in _OVERFLOW_LOGGERS:
            logging.getLogger(name).removeHandler(self._overflow_spy)
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout)
            self._observer = None

    def folder_states(self) -> dict[str, FolderState]:
        return {root: folder.state for root, folder in self._folders.items()}

    # -- events from the observer thread -----------------------------------------------------

    def _seen(self, path: str, rule: FolderRule) -> None:
        if (self._ignore and inside(path, self._ignore)) or not rule.accepts(path):
            return
        if not self.pending.touch(path, rule, time.monotonic()):
            # Full: drop the event and let a scan find the file once there is room again.
            self._request_scan(rule.root)

    def _gone(self, path: str) -> None:
        self.pending.discard(path)

    def _root_changed(self) -> None:
        self._folder_wake.set()

    # -- folders -----------------------------------------------------------------------------

    def _attach(self, folder: _Folder) -> None:
        """Start watching ``folder`` if it is there; report a change of state once."""
        root = folder.rule.root
        identity = _identity(root)
        if identity is None:
            if folder.state is not FolderState.MISSING:
                folder.state = FolderState.MISSING
                self._emit(
                    WatchEventKind.FOLDER_MISSING,
                    root,
                    "folder not found (deleted, renamed or on an unplugged drive); "
                    "watching for it to come back",
                )
            return
        assert self._observer is not None
        handler = _FolderEvents(self, folder.rule)
        try:
            watch = self._observer.schedule(
                handler, root, recursive=folder.rule.recursive, event_filter=_EVENT_FILTER
            )
        except OSError as exc:
            if folder.state is not FolderState.UNWATCHABLE:
                folder.state = FolderState.UNWATCHABLE
                self._emit(WatchEventKind.PROBLEM, root, f"cannot watch this folder: {_why(exc)}")
            return
        was = folder.state
        folder.state, folder.watch, folder.identity, folder.handler = (
            FolderState.WATCHING,
            watch,
            identity,
            handler,
        )
        self._request_scan(root)
        if was is not FolderState.STARTING:
            self._emit(WatchEventKind.FOLDER_BACK, root, "folder is back; watching it again")

    def _detach(self, folder: _Folder) -> None:
        if folder.watch is not None and self._observer is not None:
            with contextlib.suppress(KeyError):  # already gone with its emitter
                self._observer.unschedule(folder.watch)
        folder.watch = folder.handler = None
        folder.identity = None

    def _folders_loop(self) -> None:
        while not self._stop.is_set():
            self._folder_wake.wait(self.options.poll_seconds)
            self._folder_wake.clear()
            if self._stop.is_set():
                break
            for folder in self._folders.values():
                try:
                    self._check_folder(folder)
                except Exception:  # a bug here must not end the watching of every folder
                    log.exception("checking watched folder %s failed", folder.rule.root)

    def _check_folder(self, folder: _Folder) -> None:
        if folder.state is FolderState.WATCHING:
            if _identity(folder.rule.root) == folder.identity:
                return
            self._detach(folder)
            folder.state = FolderState.MISSING
            self._emit(
                WatchEventKind.FOLDER_MISSING,
                folder.rule.root,
                "folder is gone (deleted, renamed or unplugged); watching for it to come back",
            )
        self._attach(folder)

    # -- the settle thread -------------------------------------------------------------------

    def _request_scan(self, root: str) -> None:
        with self._scan_lock:
            self._scan_requests.add(root)
        self.pending.wake.set()

    def _request_scan_all(self) -> None:
        log.warning("the OS dropped file events; rescanning the watched folders")
        for root, folder in self._folders.items():
            if folder.state is FolderState.WATCHING:
                self._request_scan(root)

    def _settle_loop(self) -> None:
        while not self._stop.is_set():
            self.pending.wake.clear()
            try:
                self._run_scans()
                next_due = self._settle_pass()
            except Exception:  # keep watching; the next pass retries what this one dropped
                log.exception("watcher pass failed")
                next_due = time.monotonic() + _IDLE_SECONDS
            if self._stop.wait(_BURST_GAP_SECONDS):
                break
            self.pending.wake.wait(max(0.0, next_due - time.monotonic()))

    def _run_scans(self) -> None:
        # Scanning fills the pending map; wait for room so a scan is not cut short at once.
        if len(self.pending) > self.pending.capacity // 2:
            return
        with self._scan_lock:
            roots, self._scan_requests = self._scan_requests, set()
        for root in sorted(roots):
            folder = self._folders[root]
            if folder.state is not FolderState.WATCHING:
                continue
            try:
                result = scan_folder(
                    folder.rule,
                    state=self._state,
                    pending=self.pending,
                    ignore_roots=self._ignore,
                    stop=self._stop,
                    report=lambda p, m: self._emit(WatchEventKind.PROBLEM, p, m),
                )
            except OSError as exc:
                self._folder_wake.set()  # the folder itself is unreadable or gone: check it
                log.info("cannot scan %s: %s", root, _why(exc))
                continue
            if not result.complete:
                with self._scan_lock:
                    self._scan_requests.add(root)

    def _settle_pass(self) -> float:
        """Look at every pending file that is due; returns when the next one will be due."""
        settle = self.options.settle_seconds
        now = time.monotonic()
        next_due = now + _IDLE_SECONDS
        for item in self.pending.items():
            if self._stop.is_set():
                break
            now = time.monotonic()
            if item.not_before > now:
                next_due = min(next_due, item.not_before)
                continue
            if now - item.first_seen > self.options.give_up_seconds:
                self.pending.discard(item.path)
                self._emit(
                    WatchEventKind.PROBLEM,
                    item.path,
                    f"still changing after {self.options.give_up_seconds:g} s; not backed up "
                    "(it will be tried again when it changes)",
                )
                continue
            if item.snapshot is not None and item.changed_at + settle > now:
                next_due = min(next_due, item.changed_at + settle)
                continue
            due = self._check(item, now, settle)
            if due is not None:
                next_due = min(next_due, due)
        return next_due

    def _check(self, item: PendingFile, now: float, settle: float) -> float | None:
        generation = self.pending.generation(item)
        snapshot = self._stat(item)
        if snapshot is None:
            self.pending.discard(item.path, generation)
            return None
        due = self.pending.observe(item, snapshot, now, settle)
        if due is not None:
            return due
        if not _can_open(item.path):
            return now + settle  # locked by its writer (Windows): not complete yet
        self._back_up(item, snapshot, generation)
        return None

    def _stat(self, item: PendingFile) -> Snapshot | None:
        try:
            info = os.lstat(item.path)
        except FileNotFoundError:
            return None
        except OSError as exc:
            self._emit(WatchEventKind.PROBLEM, item.path, f"cannot read this file: {_why(exc)}")
            return None
        if not stat.S_ISREG(info.st_mode):
            return None
        return (info.st_size, info.st_mtime_ns)

    def _back_up(self, item: PendingFile, snapshot: Snapshot, generation: int) -> None:
        path = item.path
        record = self._state.lookup(path)
        if record is not None and record.matches(*snapshot):
            self.pending.discard(path, generation)
            return
        try:
            # Size or mtime moved; the content may not have (a touch, a re-save).
            if record is not None and record.sha256 is not None and _sha256(path) == record.sha256:
                self._state.touch(path, *snapshot)
                self.pending.discard(path, generation)
                return
            entry = self._ingest_fn(Path(path))
        except DiskFullError as exc:
            self.pending.retry_later(item, time.monotonic() + self.options.retry_seconds)
            self._emit(WatchEventKind.PROBLEM, path, f"not backed up yet: {exc}")
            return
        except (SourceError, OSError) as exc:
            self.pending.discard(path, generation)
            if os.path.lexists(path):
                message = str(exc) if isinstance(exc, SourceError) else _why(exc)
                self._emit(WatchEventKind.PROBLEM, path, f"cannot back up this file: {message}")
            return
        except AttachGuardError as exc:
            self.pending.discard(path, generation)
            self._emit(WatchEventKind.PROBLEM, path, f"cannot back up this file: {exc}")
            return
        after = self._stat(item)
        if after != snapshot:
            # Written to while being copied: the copy is an in-between version. Drop it and
            # wait for the file to settle again.
            log.info("%s changed while it was backed up; waiting again", path)
            if self._forget is not None:
                try:
                    self._forget(entry.id)
                except AttachGuardError as exc:
                    log.warning("could not drop the in-between copy of %s: %s", path, exc)
            self.pending.touch(path, item.rule, time.monotonic())
            return
        self._state.record(path, snapshot[0], snapshot[1], entry.sha256, entry.id)
        self.pending.discard(path, generation)
        self._emit(WatchEventKind.BACKED_UP, path, "backed up", entry_id=entry.id)
        if self._on_backed_up is not None:
            try:
                self._on_backed_up(entry, item.rule)
            except AttachGuardError as exc:
                self._emit(WatchEventKind.PROBLEM, path, f"backed up, but not queued: {exc}")
            except Exception:
                log.exception("after-backup hook failed for %s", path)

    def _emit(
        self, kind: WatchEventKind, path: str, message: str, entry_id: int | None = None
    ) -> None:
        level = logging.INFO if kind is WatchEventKind.BACKED_UP else logging.WARNING
        log.log(level, "%s: %s: %s", kind.value, path, message)
        if self._on_event is None:
            return
        try:
            self._on_event(WatchEvent(kind, Path(path), message, entry_id))
        except Exception:  # a listener's bug must not stop the watcher
            log.exception("watch event listener failed")


class _FolderEvents(FileSystemEventHandler):
    """Routes one folder's watchdog events to the watcher (runs on the observer thread)."""

    def __init__(self, watcher: Watcher, rule: FolderRule) -> None:
        self._watcher = watcher
        self._rule = rule

    def dispatch(self, event: FileSystemEvent) -> None:
        src = os.fsdecode(event.src_path)
        if event.is_directory:
            if event.event_type in ("deleted", "moved") and src == self._rule.root:
                self._watcher._root_changed()
            return
        if isinstance(event, FileMovedEvent):
            self._watcher._gone(src)
            dest = os.fsdecode(event.dest_path)
            if dest:
                self._watcher._seen(dest, self._rule)
        elif isinstance(event, FileDeletedEvent):
            self._watcher._gone(src)
        else:
            self._watcher._seen(src, self._rule)


class _OverflowSpy(logging.Handler):
    """watchdog reports a kernel event-queue overflow only in its log; turn that into a rescan."""

    def __init__(self, on_overflow: Callable[[], None]) -> None:
        super().__init__(logging.WARNING)
        self._on_overflow = on_overflow

    def emit(self, record: logging.LogRecord) -> None:
        if "overflow" in record.getMessage().lower():
            self._on_overflow()


def _identity(root: str) -> tuple[int, int] | None:
    """(device, inode) of the folder, or None when it is not there as a directory."""
    try:
        info = os.stat(root)
    except OSError:
        return None
    return (info.st_dev, info.st_ino) if stat.S_ISDIR(info.st_mode) else None


def _can_open(path: str) -> bool:
    try:
        with open(path, "rb"):
            return True
    except PermissionError as exc:
        # Windows refuses to open a file its writer still holds; elsewhere this is final and is
        # reported by the backup attempt.
        return getattr(exc, "winerror", None) not in (32, 33)
    except OSError:
        return True  # vanished or similar: let the backup attempt report it


def _sha256(path: str) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)
