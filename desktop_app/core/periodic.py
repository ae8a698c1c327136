"""A named background thread that runs one function every few seconds until it is stopped."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)


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
            thread.join(timeout)

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
