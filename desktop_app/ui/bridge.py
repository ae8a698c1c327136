"""Core callbacks (from worker threads) turned into Qt signals on the GUI thread, throttled.

The upload manager and the folder watcher call their listeners on their own threads. The
:class:`ServiceBridge` records what changed under a lock and wakes the GUI thread through a
queued signal; a single-shot timer then flushes everything that piled up, at most once per
``interval_ms`` (100 ms by default, i.e. at most 10 updates a second however fast the workers
report progress). Each flush emits ``job_changed(id)`` once per changed job, ``jobs_changed``
once with all of them, and ``queue_changed`` / ``entries_changed`` at most once. Health
snapshots and stuck batches (rare) are relayed as they come.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

if TYPE_CHECKING:
    from desktop_app.core.service import Service
    from desktop_app.core.uploads import UploadEvent

log = logging.getLogger(__name__)

DEFAULT_INTERVAL_MS = 100


class ServiceBridge(QObject):
    """Re-emits core events as Qt signals on the thread that created the bridge (the GUI's)."""

    job_changed = Signal(int)
    #: One ``frozenset[int]`` per flush: the jobs that changed (for consumers that batch).
    jobs_changed = Signal(object)
    queue_changed = Signal()
    entries_changed = Signal()
    #: A watcher event object, exactly as the core reported it.
    watch_event = Signal(object)
    #: A ``HealthSnapshot`` from the status-page monitor.
    health_changed = Signal(object)
    #: A ``BatchView`` that just became stuck (the watchdog reports each batch once).
    batch_stuck = Signal(object)

    _wake = Signal()
    _watch = Signal(object)
    _relay = Signal(str, object)

    def __init__(
        self,
        service: Service,
        *,
        interval_ms: int = DEFAULT_INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self._lock = threading.Lock()
        self._jobs: set[int] = set()
        self._queue_dirty = False
        self._entries_dirty = False
        self._scheduled = False
        self._closed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.flush)
        self._wake.connect(self._on_wake, Qt.ConnectionType.QueuedConnection)
        self._watch.connect(self._on_watch, Qt.ConnectionType.QueuedConnection)
        self._relay.connect(self._on_relay, Qt.ConnectionType.QueuedConnection)
        self._attached = False

    def attach(self) -> None:
        """Start listening to the upload manager (idempotent)."""
        if self._attached:
            return
        self.service.uploads.add_listener(self.on_upload_event)
        self.service.health.add_listener(self.on_health)
        self.service.batches.add_listener(self.on_batch_stuck)
        self._attached = True

    def close(self) -> None:
        """Ignore every later callback (the core has no remove_listener; workers may linger)."""
        with self._lock:
            self._closed = True
        self._timer.stop()

    # -- called from any thread -------------------------------------------------------------

    def on_upload_event(self, event: UploadEvent) -> None:
        """Listener for ``UploadManager.add_listener``; runs on a worker thread."""
        self._mark(job_id=event.job_id, queue=True)

    def on_watch_event(self, event: Any) -> None:
        """Listener for ``Service.start_watching``; runs on the watcher's thread."""
        with self._lock:
            if self._closed:
                return
        self._watch.emit(event)

    def on_health(self, snapshot: Any) -> None:
        """Listener for ``HealthMonitor.add_listener``; runs on the monitor's thread."""
        self._emit_later("health", snapshot)

    def on_batch_stuck(self, batch: Any) -> None:
        """Listener for ``BatchWatchdog.add_listener``; runs on the watchdog's thread."""
        self._emit_later("batch", batch)

    def _emit_later(self, kind: str, value: Any) -> None:
        with self._lock:
            if self._closed:
                return
        self._relay.emit(kind, value)

    def notify_entries_changed(self) -> None:
        """Someone added or removed vault entries (safe from any thread)."""
        self._mark(entries=True)

    def notify_queue_changed(self) -> None:
        """The queue changed outside the workers, e.g. the user paused (safe from any thread)."""
        self._mark(queue=True)

    def _mark(
        self, *, job_id: int | None = None, queue: bool = False, entries: bool = False
    ) -> None:
        with self._lock:
            if self._closed:
                return
            if job_id is not None:
                self._jobs.add(int(job_id))
            self._queue_dirty = self._queue_dirty or queue
            self._entries_dirty = self._entries_dirty or entries
            if self._scheduled:
                return
            self._scheduled = True
        self._wake.emit()

    # -- GUI thread --------------------------------------------------------------------------

    @Slot()
    def _on_wake(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    @Slot(object)
    def _on_watch(self, event: object) -> None:
        self.watch_event.emit(event)
        self._mark(entries=True, queue=True)

    @Slot(str, object)
    def _on_relay(self, kind: str, value: object) -> None:
        if kind == "health":
            self.health_changed.emit(value)
            self._mark(queue=True)
        else:
            self.batch_stuck.emit(value)

    @Slot()
    def flush(self) -> None:
        """Emit everything recorded since the last flush (also callable directly, e.g. tests)."""
        with self._lock:
            jobs, self._jobs = self._jobs, set()
            queue, self._queue_dirty = self._queue_dirty, False
            entries, self._entries_dirty = self._entries_dirty, False
            self._scheduled = False
            if self._closed:
                return
        if entries:
            self.entries_changed.emit()
        for job_id in sorted(jobs):
            self.job_changed.emit(job_id)
        if jobs:
            self.jobs_changed.emit(frozenset(jobs))
        if queue:
            self.queue_changed.emit()
