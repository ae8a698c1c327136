"""The upload manager's waiting and API-key handling, as a mixin of :class:`UploadManager`.

Waiting: every event that may settle a job or move the gate bumps a counter under a condition
variable, and every job a worker of this process ends bumps another, so
:meth:`KeysAndWaiting.run_until_idle` sleeps until something happened instead of polling the
database. Keys: the key is read once and cached; a rejected key pauses uploads, and the
workers look every ``KEY_RECHECK_SECONDS`` whether it was replaced. One SDK client is kept per
target and closed when the key changes. The public class is
:class:`desktop_app.core.uploads.UploadManager`; import from there.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop_app.core.errors import NoApiKeyError
from desktop_app.core.uploads.gate import BLOCKING_PAUSES
from desktop_app.core.uploads.queue import ACTIVE_STATES

if TYPE_CHECKING:
    from desktop_app.core.openai_api import Uploader
    from desktop_app.core.uploads.gate import Gate, PauseReason
    from desktop_app.core.uploads.queue import UploadQueue
    from desktop_app.core.uploads.workers import WorkerPool

log = logging.getLogger(__name__)

#: How often (seconds) a paused queue looks whether a rejected key was replaced.
KEY_RECHECK_SECONDS = 30.0
#: Longest wait (seconds) of ``run_until_idle`` between checks when no job of this process
#: ended: it still notices jobs settled or cancelled by another process on the same database.
IDLE_RECHECK_SECONDS = 1.0


@dataclass(frozen=True)
class UploadEvent:
    kind: str  # "state" | "progress" | "queue"
    job_id: int | None


class KeysAndWaiting:
    """API key, SDK clients, listeners and ``run_until_idle``; state is set by the manager."""

    if TYPE_CHECKING:
        # Set by ``UploadManager.__init__``; declared here for the type checker only.
        queue: UploadQueue
        owner: str
        _credentials: Callable[[], str | None]
        _request_timeout: float | None
        _lock: threading.RLock
        _idle: threading.Condition
        _events: int
        _ended: int
        _listeners: list[Callable[[UploadEvent], None]]
        _gate: Gate
        _key: str | None
        _rejected_key: str | None
        _key_checked_at: float
        _uploaders: dict[str, Uploader]
        _claim_only: frozenset[int] | None
        _pool: WorkerPool

        def start(self) -> None: ...

        @property
        def paused(self) -> PauseReason | None: ...

    # -- keys ----------------------------------------------------------------------------------

    def key_changed(self) -> None:
        """The API key was changed: forget the old one and resume an AUTH/NO_KEY/QUOTA pause."""
        with self._lock:
            self._key = None
            self._rejected_key = None
            self._gate.auth_rejected = False
            self._gate.quota_exhausted = False
            self._gate.no_key = False
            uploaders, self._uploaders = self._uploaders, {}
        for up in uploaders.values():
            up.close()
        self._emit("queue", None)
        self._pool.wake()

    def has_key(self) -> bool:
        """Whether an API key is configured (no network call)."""
        return self._api_key() is not None

    def _api_key(self) -> str | None:
        with self._lock:
            if self._key is None:
                self._key = self._credentials()
            return self._key

    def _uploader(self, target: str) -> Uploader:
        key = self._api_key()
        if key is None:
            raise NoApiKeyError(
                "no OpenAI API key: set OPENAI_API_KEY or store a key in the keyring"
            )
        with self._lock:
            up = self._uploaders.get(target)
            if up is None:
                # Imported on first use: the SDK is slow to import, and most commands that open
                # the service (vault listing, watching) never talk to the API.
                from desktop_app.core.openai_api import Uploader

                up = self._uploaders[target] = Uploader(key, target, timeout=self._request_timeout)
            return up

    def _close_uploaders(self) -> None:
        with self._lock:
            uploaders, self._uploaders = self._uploaders, {}
        for up in uploaders.values():
            up.close()

    def _pause_auth(self, message: str) -> None:
        with self._lock:
            already = self._gate.auth_rejected
            self._gate.auth_rejected = True
            self._rejected_key = self._key
            self._key_checked_at = time.monotonic()
        if not already:
            log.warning("uploads paused: the API key was rejected (%s)", message)

    def _check_key_replaced(self) -> None:
        """Resume by itself when a key was stored, or the rejected one was replaced."""
        if not (self._gate.auth_rejected or self._gate.no_key):
            return
        with self._lock:
            if time.monotonic() - self._key_checked_at < KEY_RECHECK_SECONDS:
                return
            self._key_checked_at = time.monotonic()
            rejected = self._rejected_key
        current = self._credentials()
        if current is not None and current != rejected:
            log.info("the API key changed; resuming uploads")
            self.key_changed()

    # -- waiting -------------------------------------------------------------------------------

    def run_until_idle(
        self,
        job_ids: Collection[int] | None = None,
        timeout: float | None = None,
        *,
        only: bool = False,
    ) -> None:
        """Process until the given jobs (default: all) are done, failed or cancelled.

        Returns early when uploads are paused for a reason that will not pass by itself (user
        pause, missing or rejected key, no credit) or when ``timeout`` passes; check
        :meth:`status`. ``only``: workers take just these jobs (and look-alikes holding them
        back), so nothing unrelated is in flight when they are done (``upload --wait``).
        """
        # The restriction stays until the next call or :meth:`stop`: the caller usually stops
        # right after, and workers must not pick up unrelated jobs in between.
        self._claim_only = frozenset(job_ids) if only and job_ids is not None else None
        self._run_until_idle(job_ids, timeout)

    def _run_until_idle(self, job_ids: Collection[int] | None, timeout: float | None) -> None:
        self.start()
        ids = None if job_ids is None else list(job_ids)
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            # Read the counters before looking, so that nothing that happens while we look is
            # missed (the wait below then returns at once instead of sleeping through it).
            with self._idle:
                events, ended = self._events, self._ended
            active = self.queue.count(ACTIVE_STATES, ids)
            if active == 0:
                return
            blocked = self.paused in BLOCKING_PAUSES
            if blocked and self.queue.count_owned(self.owner) == 0:
                return
            # Each active job must end in a worker here before the count can reach zero
            # (cancels, pauses and the like are events; other processes are caught by the
            # periodic recheck), so the database is not asked again after every single job.
            needed = 1 if blocked else active
            until = time.monotonic() + IDLE_RECHECK_SECONDS
            if deadline is not None:
                until = min(until, deadline)
            with self._idle:
                while self._events == events and self._ended - ended < needed:
                    left = until - time.monotonic()
                    if left <= 0:
                        break
                    self._idle.wait(left)
            if deadline is not None and time.monotonic() >= deadline:
                return

    def _emit(self, kind: str, job_id: int | None) -> None:
        """Tell the listeners, and wake ``run_until_idle`` (a job settled or the gate moved)."""
        self._announce(kind, job_id)
        self._notify_idle()

    def _announce(self, kind: str, job_id: int | None) -> None:
        """Tell the listeners only: a mid-job event that cannot end ``run_until_idle``."""
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

    def _notify_idle(self) -> None:
        with self._idle:
            self._events += 1
            self._idle.notify_all()

    def _job_ended(self) -> None:
        """A worker is done with a job (or a breaker closed): other workers may find work, and
        ``run_until_idle`` counts one more ended job."""
        self._pool.wake()
        with self._idle:
            self._ended += 1
            self._idle.notify_all()
