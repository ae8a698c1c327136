"""Run a callable on a thread pool and hand its result (or exception) back to the GUI thread.

Widgets may only be touched from the GUI thread, and slow work (hashing, extraction, database
scans) must never run on it. :func:`run_in_background` is the one helper for that: ``fn`` runs on
a pool thread; ``on_done(result)`` or ``on_error(exc)`` run later on the GUI thread through a
queued signal. Pending tasks are kept referenced until they report, so nothing is collected while
in flight; :func:`wait_for_all` is called at shutdown so no pool thread outlives the service.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

#: A small pool of our own, so shutdown waits for our work only (not Qt's internal jobs).
_POOL_SIZE = 4

_pool: QThreadPool | None = None
_pending: set[_Task] = set()
_pending_lock = threading.Lock()


def _thread_pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setObjectName("attachguard-tasks")
        _pool.setMaxThreadCount(_POOL_SIZE)
    return _pool


class _Task(QObject):
    """Lives on the GUI thread; the runnable emits ``finished`` from the pool thread."""

    finished = Signal(bool, object)

    def __init__(
        self,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
    ) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        # Queued explicitly: the emit happens on a pool thread, the slot must run on ours.
        self.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(bool, object)
    def _deliver(self, ok: bool, value: object) -> None:
        with _pending_lock:
            _pending.discard(self)
        try:
            if ok:
                if self._on_done is not None:
                    self._on_done(value)
            elif self._on_error is not None:
                self._on_error(value)  # type: ignore[arg-type]
            else:
                log.error("background task failed", exc_info=value)  # type: ignore[arg-type]
        except Exception:
            # A broken callback must not take the event loop down with it.
            log.exception("background task callback failed")
        finally:
            self.deleteLater()


class _Runnable(QRunnable):
    def __init__(self, task: _Task, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        super().__init__()
        self._task = task
        self._fn = fn
        self._args = args

    def run(self) -> None:
        threading.current_thread().name = "attachguard-task"
        try:
            result = self._fn(*self._args)
        except BaseException as exc:
            self._task.finished.emit(False, exc)
        else:
            self._task.finished.emit(True, result)


class TaskRunner(Protocol):
    """What widgets need of this module; they take it as a parameter (tests may pass another)."""

    def run_in_background(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None: ...


def run_in_background(
    fn: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> None:
    """Run ``fn(*args)`` on the pool; report on the GUI thread. Call from the GUI thread.

    Without ``on_error`` a failure is logged (with its traceback) and otherwise ignored.
    """
    task = _Task(on_done, on_error)
    with _pending_lock:
        _pending.add(task)
    _thread_pool().start(_Runnable(task, fn, args))


def pending_count() -> int:
    """Tasks started but not yet reported back (their callbacks have not run)."""
    with _pending_lock:
        return len(_pending)


def wait_for_all(timeout_ms: int = 30_000) -> bool:
    """Block until every pool thread is idle (shutdown only). True if all finished in time."""
    if _pool is None:
        return True
    return bool(_pool.waitForDone(timeout_ms))
