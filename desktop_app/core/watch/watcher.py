"""Watched folders: back up documents as they appear, once they are complete.

Four kinds of thread, all named, all stopped by :meth:`Watcher.stop` through Events:

* watchdog's observer threads turn OS events into calls on ``watch_observer.FolderEvents``; the
  watcher drops ignored paths at once and only *touches* the bounded pending map (no I/O there);
* ``attachguard-watch-settle`` decides when a pending file is complete (no event and no size or
  mtime change for ``settle_seconds``, and it opens) and runs catch-up scans (on start, when a
  folder comes back, after an event overflow);
* ``attachguard-watch-ingest-N`` back complete files up through the ``ingest`` callable;
* ``attachguard-watch-folders`` attaches the folders, then polls every ``poll_seconds`` for
  watched folders that vanished (deleted, renamed, unplugged) and missing ones that returned.

The watcher never imports the vault or the upload queue: the service passes ``ingest`` (path ->
entry), ``forget`` (drop an entry copied mid-write) and ``on_backed_up`` (entry, folder rule), and
gets :class:`WatchEvent` records through ``on_event`` — called on a watcher thread, so a GUI must
hand them to its own thread. The records live in ``watch_types.py`` and are re-exported here.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import stat
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch

from desktop_app.core.errors import AttachGuardError, DiskFullError, SourceError
from desktop_app.core.fsutil import hash_file
from desktop_app.core.periodic import join_started
from desktop_app.core.store.db import Database
from desktop_app.core.watch.events import (
    BackedUpEntry,
    FolderState,
    Ingest,
    OnBackedUp,
    OnEvent,
    WatcherOptions,
    WatchEvent,
    WatchEventKind,
)
from desktop_app.core.watch.filters import FolderRule, inside, normalize_root
from desktop_app.core.watch.observer import EVENT_FILTER, FolderEvents, OverflowSpy, folder_identity
from desktop_app.core.watch.pending import PendingFile, PendingFiles, Snapshot
from desktop_app.core.watch.scan import scan_folder
from desktop_app.core.watch.state import WatchState

__all__ = [
    "BackedUpEntry",
    "FolderRule",
    "FolderState",
    "Ingest",
    "OnBackedUp",
    "OnEvent",
    "WatchEvent",
    "WatchEventKind",
    "Watcher",
    "WatcherOptions",
]

log = logging.getLogger(__name__)

#: Longest the settle thread sleeps with nothing due (it is woken early by any event).
_IDLE_SECONDS = 1.0
#: Shortest gap between two settle passes during a burst, so the pass is not re-run per event.
_BURST_GAP_SECONDS = 0.02


@dataclass
class _Folder:
    rule: FolderRule
    state: FolderState = FolderState.STARTING
    watch: ObservedWatch | None = None
    identity: tuple[int, int] | None = None
    handler: FolderEvents | None = field(default=None, repr=False)


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
        self._overflow_spy = OverflowSpy(self._request_scan_all)
        # Backups run on a few ingest threads: most of their time is fsync, which overlaps well.
        # The hand-off queue needs no bound of its own: what it holds is also in ``pending``.
        self._ready: queue.Queue[tuple[PendingFile, Snapshot, int] | None] = queue.Queue()
        self._inflight: set[str] = set()
        self._inflight_lock = threading.Lock()

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> None:
        """Start the observer and our threads; if that is cut short (Ctrl+C lands in the
        middle), what did start is stopped again before the interrupt goes on."""
        try:
            self._observer = Observer()
            self._observer.name = "attachguard-watch-observer"
            self._observer.start()
            self._overflow_spy.install()
            targets = [
                ("attachguard-watch-settle", self._settle_loop),
                ("attachguard-watch-folders", self._folders_loop),
            ]
            for n in range(max(1, self.options.ingest_workers)):
                targets.append((f"attachguard-watch-ingest-{n + 1}", self._ingest_loop))
            for name, target in targets:
                thread = threading.Thread(target=target, name=name, daemon=True)
                self._threads.append(thread)
                thread.start()
        except BaseException:
            self.stop()
            raise

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        self.pending.wake.set()
        self._folder_wake.set()
        for _ in range(max(1, self.options.ingest_workers)):
            self._ready.put(None)  # wakes an idle ingest thread at once
        for thread in self._threads:
            join_started(thread, timeout)
        self._threads = []
        self._overflow_spy.remove()
        if self._observer is not None:
            self._observer.stop()
            join_started(self._observer, timeout)
            self._observer = None

    def folder_states(self) -> dict[str, FolderState]:
        return {root: folder.state for root, folder in self._folders.items()}

    # -- events from the observer thread -----------------------------------------------------

    def file_seen(self, path: str, rule: FolderRule) -> None:
        if (self._ignore and inside(path, self._ignore)) or not rule.accepts(path):
            return
        if not self.pending.touch(path, rule, time.monotonic()):
            # Full: drop the event and let a scan find the file once there is room again.
            self._request_scan(rule.root)

    def file_gone(self, path: str) -> None:
        self.pending.discard(path)

    def root_changed(self) -> None:
        self._folder_wake.set()

    # -- folders -----------------------------------------------------------------------------

    def _attach(self, folder: _Folder) -> None:
        """Start watching ``folder`` if it is there; report a change of state once."""
        root = folder.rule.root
        identity = folder_identity(root)
        if identity is None:
            if folder.state is not FolderState.MISSING:
                folder.state = FolderState.MISSING
                self._emit(WatchEventKind.FOLDER_MISSING, root, _MISSING_AT_START)
            return
        assert self._observer is not None
        handler = FolderEvents(self, folder.rule)
        try:
            watch = self._observer.schedule(
                handler, root, recursive=folder.rule.recursive, event_filter=EVENT_FILTER
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
        # The first pass attaches every folder; it runs here, not in start(), because adding OS
        # watches to a large recursive tree takes a while and start() must not block a GUI.
        # Missing folders go first: a mistyped path is reported at once, not after the others.
        folders = sorted(self._folders.values(), key=lambda f: os.path.isdir(f.rule.root))
        while not self._stop.is_set():
            self._folder_wake.clear()
            for folder in folders:
                if self._stop.is_set():
                    return
                try:
                    self._check_folder(folder)
                except Exception:  # a bug here must not end the watching of every folder
                    log.exception("checking watched folder %s failed", folder.rule.root)
            self._folder_wake.wait(self.options.poll_seconds)

    def _check_folder(self, folder: _Folder) -> None:
        if folder.state is FolderState.WATCHING:
            if folder_identity(folder.rule.root) == folder.identity:
                return
            self._detach(folder)
            folder.state = FolderState.MISSING
            self._emit(
                WatchEventKind.FOLDER_MISSING,
                folder.rule.root,
                "is gone (deleted, renamed or unplugged); waiting for it to come back",
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
            if self._scan_due():
                continue  # a scan was cut short and there is room again: go on at once
            self.pending.wake.wait(max(0.0, next_due - time.monotonic()))

    def _scan_due(self) -> bool:
        with self._scan_lock:
            waiting = bool(self._scan_requests)
        return waiting and len(self.pending) <= self.pending.capacity // 2

    def _run_scans(self) -> None:
        # Scanning fills the pending map; wait for room so a scan is not cut short at once.
        if not self._scan_due():
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
            if self._is_inflight(item.path):
                continue  # being backed up; its ingest thread wakes us when done
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
        with self._inflight_lock:
            self._inflight.add(item.path)
        self._ready.put((item, snapshot, generation))
        return None

    def _is_inflight(self, path: str) -> bool:
        with self._inflight_lock:
            return path in self._inflight

    def _ingest_loop(self) -> None:
        while not self._stop.is_set():
            job = self._ready.get()
            if job is None:
                break
            item, snapshot, generation = job
            try:
                if not self._stop.is_set():  # left pending on stop: the next start catches up
                    self._back_up(item, snapshot, generation)
            except Exception:  # keep the thread; the file stays pending and is retried
                log.exception("backing up %s failed", item.path)
            finally:
                with self._inflight_lock:
                    self._inflight.discard(item.path)
                self.pending.wake.set()

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
            if (
                record is not None
                and record.sha256 is not None
                and hash_file(path)[0] == record.sha256
            ):
                self._state.touch(path, *snapshot)
                self.pending.discard(path, generation)
                return
            entry = self._ingest_fn(Path(path))
        except DiskFullError as exc:
            if self.pending.retry_later(item, time.monotonic() + self.options.retry_seconds):
                self._emit(WatchEventKind.PROBLEM, path, f"not backed up yet, will retry: {exc}")
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


# Said of a folder that was not there when watching began (a typo, an unplugged drive, a folder
# another program creates later): it is watched as soon as it appears.
_MISSING_AT_START = "does not exist; waiting for it to appear"


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


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)
