"""What the upload engine tells the rest of the app, and how ``run_until_idle`` waits for it.

Listeners are plain callables, called from worker threads; the UI bridges them to its own
thread. Every event that may settle a job or move the gate bumps a counter under a condition
variable, and every job a worker of this process ends bumps another, so a waiter sleeps until
something happened instead of polling the database.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

log = logging.getLogger(__name__)


class EventKind(StrEnum):
    STATE = "state"  # one job changed state (job_id set)
    PROGRESS = "progress"  # one job sent more bytes (job_id set)
    QUEUE = "queue"  # the queue as a whole changed: jobs added, paused, resumed, held
    # A failover was offered, or done (see UploadManager.failover_offer / failovers).
    FAILOVER = "failover"


@dataclass(frozen=True)
class UploadEvent:
    kind: EventKind
    job_id: int | None


@dataclass(frozen=True)
class Mark:
    """The counters at one moment, to wait for what happens after it."""

    events: int
    ended: int


class Events:
    """Listeners, and the counters ``run_until_idle`` sleeps on. Thread-safe."""

    def __init__(self, wake_workers: Callable[[], None]) -> None:
        self._wake_workers = wake_workers
        self._lock = threading.Lock()
        self._listeners: list[Callable[[UploadEvent], None]] = []
        self._idle = threading.Condition()
        self._events = 0
        self._ended = 0

    def add_listener(self, callback: Callable[[UploadEvent], None]) -> None:
        with self._lock:
            self._listeners.append(callback)

    def emit(self, kind: EventKind, job_id: int | None = None) -> None:
        """Tell the listeners, and wake waiters: a job settled or the gate moved."""
        self.announce(kind, job_id)
        with self._idle:
            self._events += 1
            self._idle.notify_all()

    def announce(self, kind: EventKind, job_id: int | None = None) -> None:
        """Tell the listeners only: a mid-job event that cannot end a wait."""
        with self._lock:
            listeners = list(self._listeners)
        if not listeners:
            return
        event = UploadEvent(kind, job_id)
        for callback in listeners:
            try:
                callback(event)
            except Exception:
                log.exception("upload listener failed")

    def work_available(self) -> None:
        """Cut the workers' idle waits short: a job was added, retried or released."""
        self._wake_workers()

    def job_ended(self) -> None:
        """A worker is done with a job (or a breaker closed): other workers may find work
        now, and waiters count one more ended job."""
        self._wake_workers()
        with self._idle:
            self._ended += 1
            self._idle.notify_all()

    def mark(self) -> Mark:
        with self._idle:
            return Mark(self._events, self._ended)

    def wait(self, since: Mark, jobs_to_end: int, until: float) -> None:
        """Sleep until an event came after ``since``, ``jobs_to_end`` jobs ended after it, or
        the monotonic time ``until`` passed."""
        with self._idle:
            while self._events == since.events and self._ended - since.ended < jobs_to_end:
                left = until - time.monotonic()
                if left <= 0:
                    return
                self._idle.wait(left)
