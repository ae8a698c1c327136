"""A named background thread that runs one function every few seconds until it is stopped, and
the one safe way to join our threads."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)


def join_started(thread: threading.Thread, timeout: float | None = None) -> None:
    """Join ``thread`` if it ever ran.

    A Ctrl+C (KeyboardInterrupt) can land inside ``Thread.start()``; the thread object then
    exists but ``join`` raises "cannot join thread before it is started", turning a clean stop
    into a traceback. Such a thread is a daemon that has nothing to wait for.
    """
    if thread.is_alive():
        thread.join(timeout)


class Periodic:
    """Runs ``tick`` at once and then every ``interval()`` seconds on the thread ``name``.

    Stopped with an Event and joined, never killed. An exception in ``tick`` is logged and the
    loop goes on: one bad round must not end a monitor for the app's lifetime.
    """

    def __init__(self, name: str, tick: Callable[[], object], interval: Callable[[], float]):
        self.name = name
        self._tick = tick
        self._interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start the thread (idempotent)."""
        if self.running:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 15.0) -> None:
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            join_started(thread, timeout)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._tick()
            except Exception:
                log.exception("%s: periodic check failed", self.name)
            self._stop.wait(self._interval())
