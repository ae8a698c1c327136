"""The upload engine's housekeeping thread (``ag-upload-lease``): leases, hand-backs, recovery.

While this process's workers hold jobs, their leases must be renewed, or another process would
take the jobs over as crashed. Every quarter lease this thread renews them, hands back the jobs
whose outcome could not be recorded (a full disk) once the store can be written again, compares
the database with the mark it keeps beside it (``rollback.py``: a lost WAL), and every
ten seconds recovers jobs left busy by a process that died and sweeps copies left on the server
by cancelled jobs. Stopped with an Event and joined, like every thread of the engine.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from desktop_app.core.periodic import join_started
from desktop_app.core.uploads.clock import Clock
from desktop_app.core.uploads.listeners import EventKind, Events
from desktop_app.core.uploads.queue import UploadQueue
from desktop_app.core.uploads.workers import STORE_ERRORS, Claimant

log = logging.getLogger(__name__)

#: Seconds between two looks for jobs of dead processes (and cancelled jobs' copies).
RECOVER_SECONDS = 10.0


class Housekeeper:
    """Runs :meth:`round` every quarter lease on a thread of its own."""

    def __init__(
        self,
        *,
        queue: UploadQueue,
        claimant: Claimant,
        events: Events,
        clock: Clock,
        recover: Callable[[], object],
        sweep: Callable[[], object],
        check_rollback: Callable[[], object],
    ) -> None:
        self._queue = queue
        self._claimant = claimant
        self._events = events
        self._clock = clock
        self._recover = recover
        self._sweep = sweep
        self._check_rollback = check_rollback
        self._thread: threading.Thread | None = None
        self._last_recover = 0.0
        self._failing = False

    def start(self, stopping: threading.Event) -> None:
        self._thread = threading.Thread(
            target=self._run, args=(stopping,), name="ag-upload-lease", daemon=True
        )
        self._thread.start()

    def join(self, timeout: float) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            join_started(thread, timeout)

    def round(self) -> None:
        """Renew, hand back, keep the queue's mark, and now and then recover and sweep (see the
        module docstring)."""
        claimant = self._claimant
        self._queue.renew(claimant.owner, claimant.lease, claimant.dropped())
        self._hand_back_dropped()
        self._check_rollback()
        if time.monotonic() - self._last_recover > RECOVER_SECONDS:
            self._last_recover = time.monotonic()
            self._recover()
            self._sweep()

    def _run(self, stopping: threading.Event) -> None:
        while not stopping.wait(self._clock.real_seconds(self._claimant.lease / 4)):
            try:
                self.round()
            except STORE_ERRORS as exc:
                # A full disk, say: one line when it starts, none every round while it lasts.
                if not self._failing:
                    log.error("cannot write the upload queue: %s", str(exc))
                self._failing = True
                continue
            except Exception:
                log.exception("upload housekeeping failed")
            self._failing = False

    def _hand_back_dropped(self) -> None:
        """Jobs whose outcome could not be recorded go back to the queue once the store can be
        written again, as possibly stored: the next attempt reconciles before it sends."""
        for job_id in self._claimant.dropped():
            try:
                self._queue.release(job_id, self._claimant.owner, ambiguous=True)
            except STORE_ERRORS:
                return  # still cannot write: the next round tries again
            self._claimant.picked_up(job_id)
            log.info("job %d is back in the queue: its state can be recorded again", job_id)
            self._events.emit(EventKind.STATE, job_id)
            self._events.job_ended()
