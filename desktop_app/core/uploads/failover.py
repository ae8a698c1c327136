"""Failover: when the primary target is held too long, its waiting documents go elsewhere too.

"Held" is an outage of the primary (its breaker open after repeated failures or expiry
errors, or a status-page hold naming it), not a user pause or a rate limit. Once it has lasted
``[upload] failover_after_minutes``, ``failover = "ask"`` makes an offer the front-ends show
("Upload N waiting documents to Azure instead") and :meth:`FailoverWatch.accept` carries it
out; ``"auto"`` carries it out at once; ``"off"`` never does. Carrying it out queues the same
vault copies for the secondary target, once per document: a file id belongs to the server
that issued it, so nothing is "moved". The primary's jobs keep waiting, and nothing is
deleted from the secondary when the primary recovers (failback is the user's call).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from desktop_app.core.periodic import Periodic
from desktop_app.core.uploads.clock import Clock
from desktop_app.core.uploads.destinations import Target, Targets
from desktop_app.core.uploads.gate import Gate
from desktop_app.core.uploads.listeners import EventKind, Events
from desktop_app.core.uploads.queries import QueueReads
from desktop_app.settings import UploadSettings

log = logging.getLogger(__name__)

#: How often (engine seconds) the primary's state is looked at: the most an offer is late.
CHECK_SECONDS = 15.0


@dataclass(frozen=True)
class FailoverOffer:
    """What the tray offers: upload ``waiting`` documents of ``primary`` to ``secondary``."""

    primary: str
    secondary: str
    secondary_label: str
    waiting: int
    held_since: float

    @property
    def text(self) -> str:
        noun = "document" if self.waiting == 1 else "documents"
        return f"Upload {self.waiting} waiting {noun} to {self.secondary_label} instead"


@dataclass(frozen=True)
class Failover:
    """A failover carried out: when, and the new jobs (one per document) for ``secondary``."""

    primary: str
    secondary: str
    at: float
    job_ids: tuple[int, ...]


class FailoverWatch:
    """Checks every ``CHECK_SECONDS`` on the thread ``ag-upload-failover``; thread-safe."""

    def __init__(
        self,
        *,
        settings: UploadSettings,
        targets: Targets,
        gate: Gate,
        queries: QueueReads,
        events: Events,
        clock: Clock,
        enqueue: Callable[[Sequence[int], str], list[int]],
    ) -> None:
        self._settings = settings
        self._targets = targets
        self._gate = gate
        self._queries = queries
        self._events = events
        self._clock = clock
        self._enqueue = enqueue
        self._lock = threading.Lock()
        self._offer: FailoverOffer | None = None
        self._done: list[Failover] = []
        self._thread = Periodic(
            "ag-upload-failover", self.check, lambda: clock.real_seconds(CHECK_SECONDS)
        )

    def start(self) -> None:
        if self._settings.failover != "off" and len(self._targets) > 1:
            self._thread.start()

    def stop(self, timeout: float) -> None:
        self._thread.stop(timeout)

    @property
    def offer(self) -> FailoverOffer | None:
        """The standing offer (``failover = "ask"``), or None."""
        with self._lock:
            return self._offer

    @property
    def done(self) -> list[Failover]:
        """Failovers carried out since start, oldest first."""
        with self._lock:
            return list(self._done)

    def check(self) -> None:
        """Make or withdraw the offer, or fail over (``auto``), as the primary's state says."""
        mode = self._settings.failover
        pair = self._pair()
        if mode == "off" or pair is None:
            return
        primary, secondary = pair
        since = self._gate.held_since(primary.address)
        now = self._clock()
        if since is None or now - since < self._settings.failover_after_minutes * 60:
            self._withdraw()
            return
        waiting = len(self._queries.waiting_without(primary.name, secondary.name))
        if waiting == 0:
            self._withdraw()
            return
        if mode == "auto":
            self.accept()
            return
        offer = FailoverOffer(primary.name, secondary.name, secondary.label, waiting, since)
        with self._lock:
            news = self._offer != offer
            self._offer = offer
        if news:
            log.warning("%s has been held since %.0f: %s?", primary.name, since, offer.text)
            self._events.emit(EventKind.FAILOVER)

    def accept(self) -> Failover | None:
        """Queue the primary's waiting documents for the secondary (each once); None when there
        is nothing to do."""
        pair = self._pair()
        if pair is None:
            return None
        primary, secondary = pair
        with self._lock:
            jobs = self._queries.waiting_without(primary.name, secondary.name)
            self._offer = None
            if not jobs:
                return None
            ids = self._enqueue([job.view.entry_id for job in jobs], secondary.name)
            done = Failover(primary.name, secondary.name, self._clock(), tuple(ids))
            self._done.append(done)
        log.warning(
            "failover: %d document(s) waiting for %s queued for %s",
            len(ids),
            primary.name,
            secondary.name,
        )
        self._events.emit(EventKind.FAILOVER)
        return done

    def _withdraw(self) -> None:
        with self._lock:
            had, self._offer = self._offer is not None, None
        if had:
            self._events.emit(EventKind.FAILOVER)

    def _pair(self) -> tuple[Target, Target] | None:
        secondary = self._targets.secondary(self._settings.failover_to)
        return None if secondary is None else (self._targets.primary, secondary)
