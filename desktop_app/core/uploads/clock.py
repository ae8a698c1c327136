"""The engine's clock: the time of day, and how long to really wait for a span of it.

Every part of the engine reads time through one :class:`Clock`, and every wait for a span of
engine time (a backoff, a probe interval, a lease renewal) is converted by
:meth:`Clock.real_seconds`. Production uses :data:`SYSTEM_CLOCK`; tests and benchmarks pass a
faster clock, so hours of outage run in seconds with every default left as users get it.
"""

from __future__ import annotations

import time


class Clock:
    """Wall-clock time (``time.time()``); waits last as long as they say."""

    def __call__(self) -> float:
        return time.time()

    def real_seconds(self, seconds: float) -> float:
        """How long to wait, in real seconds, for ``seconds`` of this clock to pass."""
        return seconds


SYSTEM_CLOCK = Clock()
