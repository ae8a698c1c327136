"""A clock that runs many times faster than real time, for outage tests with the defaults.

The upload engine and the fake server share it: a five-hour outage with every retry default as
users get it runs in seconds, and the engine's waits (backoff, probes, leases) shrink by the
same factor, so what is measured in engine time is what a user would see in real time.
"""

from __future__ import annotations

import time

from desktop_app.core.uploads.clock import Clock


class FastClock(Clock):
    """Wall-clock time that advances ``speed`` seconds per real second."""

    def __init__(self, speed: float) -> None:
        self.speed = speed
        self._start = time.time()
        self._real_start = time.monotonic()

    def __call__(self) -> float:
        return self._start + (time.monotonic() - self._real_start) * self.speed

    def real_seconds(self, seconds: float) -> float:
        return seconds / self.speed
