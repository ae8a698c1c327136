"""A pool of named threads that drain the upload queue; they stop on an Event and are joined.

The pool knows nothing about uploads: each thread repeatedly calls ``step()``, which does one unit
of work and returns ``None`` ("call me again at once") or the number of seconds until there may be
something to do. :meth:`WorkerPool.wake` cuts every wait short (a job was enqueued, retried,
resumed). No thread is ever killed; :meth:`WorkerPool.stop` sets the Event and joins.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

log = logging.getLogger(__name__)

#: Longest idle wait: jobs added by another process on the same database are seen this fast.
MAX_IDLE_WAIT = 1.0


class WorkerPool:
    def __init__(
        self, name: str, size: int, step: Callable[[threading.Event], float | None]
    ) -> None:
        self.name = name
        self.size = max(1, size)
        self._step = step
        self.stopping = threading.Event()
        self._cond = threading.Condition()
        self._generation = 0
        self._threads: list[threading.Thread] = []

    @property
    def running(self) -> bool:
        return any(t.is_alive() for t in self._threads)

    def start(self) -> None:
        """Start the threads (idempotent while running)."""
        if self.running:
            return
        self.stopping.clear()
        self._threads = [
            threading.Thread(target=self._loop, name=f"{self.name}-{i + 1}", daemon=True)
            for i in range(self.size)
        ]
        for thread in self._threads:
            thread.start()

    def wake(self) -> None:
        with self._cond:
            self._generation += 1
            self._cond.notify_all()

    def stop(self, timeout: float) -> bool:
        """Ask every thread to stop and join them; False if one is still busy after ``timeout``."""
        self.stopping.set()
        self.wake()
        deadline = time.monotonic() + timeout
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        return not self.running

    def join(self, timeout: float) -> bool:
        for thread in self._threads:
            thread.join(timeout)
        return not self.running

    def _loop(self) -> None:
        while not self.stopping.is_set():
            with self._cond:
                generation = self._generation
            try:
                delay = self._step(self.stopping)
            except Exception:
                # A bug in one step must not kill the worker; the job is handled by the step.
                log.exception("upload worker step failed")
                delay = MAX_IDLE_WAIT
            if delay is None:
                continue
            with self._cond:
                if generation == self._generation and not self.stopping.is_set():
                    self._cond.wait(min(max(delay, 0.0), MAX_IDLE_WAIT))
