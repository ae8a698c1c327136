"""Batch watchdog: list the user's Batch jobs, flag stuck ones once, back up inputs, resubmit.

Talks to the API only through :mod:`desktop_app.core.openai_api` (``max_retries=0``: the watchdog
runs again later anyway; SDK retries would only hide what happened), imported on the first API
call so that listing the known batches never loads the SDK. What it learns is kept in
the ``batch_jobs`` table (``schema/0004_batches.sql``), so the window can show the last known
batches without the network, and a stuck batch is announced once per batch, across restarts.

A batch is *stuck* when it has been ``finalizing`` for longer than the threshold
(``StatusSettings.batch_stuck_minutes``), or is still ``validating``/``in_progress`` more than the
threshold past the end of its completion window. The input file of each batch that is still
running (validating, in progress, finalizing, cancelling) is downloaded once into the vault
(``Source.BATCH``), while the server still has it; a finished batch is backed up on demand.
:meth:`resubmit` uploads that backup again and creates a new batch with the same endpoint,
completion window and metadata.

Listing pages through the newest batches only: at most ``MAX_LISTED``, none created more than
``MAX_AGE_DAYS`` ago (their input files have expired by then anyway).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from desktop_app.core.errors import (
    ApiCallError,
    BatchError,
    ErrorKind,
    UnknownBatchError,
    VaultError,
)
from desktop_app.core.monitor.batch_records import (
    SINCE_FIELD,
    BatchStatus,
    BatchView,
    WatchdogReport,
    format_duration,
    stuck_reason,
    window_seconds,
)
from desktop_app.core.periodic import Periodic
from desktop_app.core.store.db import Database
from desktop_app.core.vault import Source, Vault
from desktop_app.settings import StatusSettings

if TYPE_CHECKING:
    from desktop_app.core.openai_api import BatchesApi, RemoteBatch

log = logging.getLogger(__name__)

__all__ = [
    "BatchStatus",
    "BatchView",
    "BatchWatchdog",
    "WatchdogReport",
    "format_duration",
    "stuck_reason",
    "window_seconds",
]

#: How often the background thread looks at the batches (it lists at most MAX_LISTED of them).
DEFAULT_INTERVAL = 600.0
MAX_LISTED = 1000
MAX_AGE_DAYS = 30
API_TIMEOUT = 120.0


# Still running: the input is backed up while the server has it, in case it gets stuck.
_BACKUP_STATUSES = frozenset(
    {
        BatchStatus.VALIDATING,
        BatchStatus.IN_PROGRESS,
        BatchStatus.FINALIZING,
        BatchStatus.CANCELLING,
    }
)

ApiKeyProvider = Callable[[], str | None]
StuckListener = Callable[[BatchView], None]


class BatchWatchdog:
    """Watches the user's Batch jobs. Thread-safe; one check runs at a time."""

    def __init__(
        self,
        db: Database,
        vault: Vault,
        settings: StatusSettings,
        *,
        api_key: ApiKeyProvider,
        base_url: Callable[[], str],
        clock: Callable[[], float] = time.time,
        interval: float = DEFAULT_INTERVAL,
        timeout: float = API_TIMEOUT,
    ) -> None:
        self.db = db
        self.vault = vault
        self.settings = settings
        self._api_key = api_key
        self._base_url = base_url
        self._clock = clock
        self.interval = interval
        self._timeout = timeout
        self._listeners: list[StuckListener] = []
        self._lock = threading.Lock()
        self._poller = Periodic("attachguard-batches", self._tick, lambda: self.interval)

    @property
    def threshold(self) -> float:
        return float(self.settings.batch_stuck_minutes) * 60.0

    def add_listener(self, callback: StuckListener) -> None:
        """``callback(batch)`` once per batch that becomes stuck (called on the checking thread)."""
        self._listeners.append(callback)

    # -- the API --------------------------------------------------------------------------------

    def _api(self) -> BatchesApi:
        key = self._api_key()
        if not key:
            raise BatchError(
                "no API key: add it in Settings (stored in the OS keyring) or set OPENAI_API_KEY"
            )
        # Imported on first use: the SDK is slow to import, and the local listing needs no API.
        from desktop_app.core.openai_api import BatchesApi

        return BatchesApi(key, self._base_url(), timeout=self._timeout)

    def check(self, *, backup: bool = True, notify: bool = True) -> WatchdogReport:
        """List the batches, record them, back up inputs, notify newly stuck ones.

        With ``notify=False`` (the CLI, which shows every stuck batch anyway) the one-time
        notification is left for the tray app to send.
        """
        with self._lock, self._api() as api:
            try:
                remote = api.list_batches(self._clock() - MAX_AGE_DAYS * 86400, MAX_LISTED)
            except ApiCallError as exc:
                raise BatchError(f"cannot list batches: {_describe(exc)}") from exc
            now = self._clock()
            self._record(remote, now)
            problems: list[str] = []
            backed_up: list[str] = []
            if backup:
                for item in remote:
                    outcome = self._backup_if_needed(api, item)
                    if outcome is True:
                        backed_up.append(item.id)
                    elif isinstance(outcome, str):
                        problems.append(f"{item.id}: {outcome}")
            ids = [r.id for r in remote]
            newly = self._mark_notified(ids, now) if notify else []
            views = {
                v.id: v
                for v in self._views(
                    "WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(ids),), now
                )
            }
            batches = tuple(views[i] for i in ids if i in views)
            fresh = tuple(views[i] for i in newly if i in views)
        for view in fresh:
            log.warning("batch %s looks stuck: %s", view.id, view.stuck_reason)
            for callback in list(self._listeners):
                try:
                    callback(view)
                except Exception:
                    log.exception("batch listener %r failed", callback)
        return WatchdogReport(batches, fresh, tuple(backed_up), tuple(problems), now)

    def _record(self, remote: list[RemoteBatch], now: float) -> None:
        with self.db.transaction() as conn:
            for item in remote:
                conn.execute(
                    """INSERT INTO batch_jobs (id, status, endpoint, completion_window,
                           input_file_id, metadata_json, remote_json, created_at,
                           first_seen_at, last_seen_at)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                       ON CONFLICT (id) DO UPDATE SET status = excluded.status,
                           metadata_json = excluded.metadata_json,
                           remote_json = excluded.remote_json,
                           last_seen_at = excluded.last_seen_at""",
                    (
                        item.id,
                        item.status,
                        item.endpoint,
                        item.completion_window,
                        item.input_file_id,
                        None if item.metadata is None else json.dumps(dict(item.metadata)),
                        json.dumps(dict(item.wire)),
                        item.created_at,
                        now,
                        now,
                    ),
                )

    def _mark_notified(self, ids: list[str], now: float) -> list[str]:
        """Claim the notification for each stuck, not yet notified batch (once, ever)."""
        newly: list[str] = []
        with self.db.transaction() as conn:
            rows = conn.execute(
                "SELECT id, remote_json FROM batch_jobs WHERE stuck_notified_at IS NULL"
                " AND id IN (SELECT value FROM json_each(?))",
                (json.dumps(ids),),
            ).fetchall()
            for row in rows:
                if stuck_reason(json.loads(row["remote_json"]), now, self.threshold) is None:
                    continue
                claimed = conn.execute(
                    "UPDATE batch_jobs SET stuck_notified_at = ?, stuck_since = ?"
                    " WHERE id = ? AND stuck_notified_at IS NULL",
                    (now, now, row["id"]),
                ).rowcount
                if claimed:
                    newly.append(row["id"])
        return newly

    def _backup_if_needed(self, api: BatchesApi, item: RemoteBatch) -> bool | str | None:
        """True when backed up now, a problem line when it failed, None when nothing to do."""
        row = (
            self.db.connection()
            .execute(
                "SELECT backup_entry_id, backup_error FROM batch_jobs WHERE id = ?", (item.id,)
            )
            .fetchone()
        )
        if row is None or row["backup_entry_id"] is not None or row["backup_error"] is not None:
            return None
        if BatchStatus.parse(item.status) not in _BACKUP_STATUSES:
            return None
        try:
            entry_id = self._download_input(api, item.input_file_id, item.id)
        except _PermanentFailure as exc:
            with self.db.transaction() as conn:
                conn.execute(
                    "UPDATE batch_jobs SET backup_error = ? WHERE id = ?", (str(exc), item.id)
                )
            return f"input file not backed up: {exc}"
        except BatchError as exc:
            return f"input file not backed up yet (will retry): {exc}"
        with self.db.transaction() as conn:
            conn.execute(
                "UPDATE batch_jobs SET backup_entry_id = ? WHERE id = ?", (entry_id, item.id)
            )
        return True

    def _download_input(self, api: BatchesApi, file_id: str, batch_id: str) -> int:
        try:
            meta = api.retrieve_file(file_id)
            data = api.download(file_id)
        except ApiCallError as exc:
            if exc.http_status == 404:
                raise _PermanentFailure(f"the input file {file_id} no longer exists") from exc
            if exc.kind is ErrorKind.EXPIRED:
                raise _PermanentFailure(f"the input file {file_id} has expired") from exc
            raise BatchError(_describe(exc)) from exc
        name = meta.filename or f"{batch_id}-input.jsonl"
        try:
            entry = self.vault.add_bytes(data, name, Source.BATCH)
        except VaultError as exc:
            raise BatchError(f"cannot store the input of {batch_id}: {exc}") from exc
        log.info(
            "backed up the input of batch %s (%d bytes) as entry %d", batch_id, len(data), entry.id
        )
        return entry.id

    def backup(self, batch_id: str) -> BatchView:
        """Back up one batch's input now (also after an earlier permanent failure)."""
        view = self.get(batch_id)
        with self._lock, self._api() as api:
            entry_id = self._download_input(api, view.input_file_id, batch_id)
            with self.db.transaction() as conn:
                conn.execute(
                    "UPDATE batch_jobs SET backup_entry_id = ?, backup_error = NULL WHERE id = ?",
                    (entry_id, batch_id),
                )
            return self.get(batch_id)

    def resubmit(self, batch_id: str) -> BatchView:
        """Create a new batch from the backed-up input of ``batch_id``; returns the new batch."""
        view = self.get(batch_id)
        if view.resubmitted_as:
            raise BatchError(f"batch {batch_id} was already resubmitted as {view.resubmitted_as}")
        if view.backup_entry_id is None:
            view = self.backup(batch_id)  # the input may still be on the server
        assert view.backup_entry_id is not None
        with self._lock:
            entry = self.vault.get(view.backup_entry_id)
            data = self.vault.blob_path(entry.sha256).read_bytes()
            if hashlib.sha256(data).hexdigest() != entry.sha256:
                raise BatchError(f"the backup of batch {batch_id}'s input is damaged")
            with self._api() as api:
                created = _submit(api, view, entry.name, data)
            now = self._clock()
            self._record([created], now)
            with self.db.transaction() as conn:
                conn.execute(
                    "UPDATE batch_jobs SET resubmitted_as = ? WHERE id = ?", (created.id, batch_id)
                )
                conn.execute(
                    "UPDATE batch_jobs SET resubmitted_from = ?, backup_entry_id = ? WHERE id = ?",
                    (batch_id, entry.id, created.id),
                )
        log.info("resubmitted batch %s as %s", batch_id, created.id)
        return self.get(created.id)

    # -- local reads (no network) ---------------------------------------------------------------

    def get(self, batch_id: str) -> BatchView:
        views = self._views("WHERE id = ?", (batch_id,), self._clock())
        if not views:
            raise UnknownBatchError(f"no batch {batch_id!r} is known; run `attachguard batches`")
        return views[0]

    def batches(self, *, stuck_only: bool = False) -> list[BatchView]:
        """The batches from the last check, newest first (stuck is re-evaluated for now)."""
        views = self._views("", (), self._clock())
        return [v for v in views if v.stuck] if stuck_only else views

    def _views(self, where: str, args: tuple[Any, ...], now: float) -> list[BatchView]:
        rows = (
            self.db.connection()
            .execute(f"SELECT * FROM batch_jobs {where} ORDER BY created_at DESC, id", args)
            .fetchall()
        )
        return [self._view(row, now) for row in rows]

    def _view(self, row: sqlite3.Row, now: float) -> BatchView:
        remote: dict[str, Any] = json.loads(row["remote_json"])
        status = BatchStatus.parse(row["status"])
        created = float(row["created_at"])
        field = SINCE_FIELD.get(status)
        since = float(remote.get(field) or created) if field else created
        counts = remote.get("request_counts") or {}
        return BatchView(
            id=row["id"],
            status=status,
            endpoint=row["endpoint"],
            completion_window=row["completion_window"],
            created_at=created,
            status_since=since,
            input_file_id=row["input_file_id"],
            output_file_id=remote.get("output_file_id"),
            error_file_id=remote.get("error_file_id"),
            requests_total=int(counts.get("total") or 0),
            requests_completed=int(counts.get("completed") or 0),
            requests_failed=int(counts.get("failed") or 0),
            metadata=json.loads(row["metadata_json"]) if row["metadata_json"] else None,
            stuck_reason=stuck_reason(remote, now, self.threshold),
            stuck_notified_at=row["stuck_notified_at"],
            backup_entry_id=row["backup_entry_id"],
            backup_error=row["backup_error"],
            resubmitted_as=row["resubmitted_as"],
            resubmitted_from=row["resubmitted_from"],
            last_seen_at=float(row["last_seen_at"]),
        )

    # -- background -----------------------------------------------------------------------------

    def start(self) -> None:
        """Check now and then every ``interval`` seconds on a named thread (idempotent)."""
        self._poller.start()

    def stop(self, timeout: float = 15.0) -> None:
        self._poller.stop(timeout)

    @property
    def running(self) -> bool:
        return self._poller.running

    def _tick(self) -> None:
        if self._api_key():
            try:
                self.check()
            except BatchError as exc:
                log.info("batch check skipped: %s", exc)


class _PermanentFailure(BatchError):
    """The input file is gone for good (expired or deleted): do not try again every run."""


def _submit(api: BatchesApi, view: BatchView, name: str, data: bytes) -> RemoteBatch:
    """Upload ``data`` as a batch input, then create a batch like ``view`` from it."""
    try:
        uploaded = api.upload_input(name, data)
    except ApiCallError as exc:
        raise BatchError(f"cannot upload the input again: {_describe(exc)}") from exc
    try:
        return api.create_batch(uploaded.id, view.endpoint, view.completion_window, view.metadata)
    except ApiCallError as exc:
        with contextlib.suppress(ApiCallError):
            api.delete_file(uploaded.id)  # don't leave an orphan input behind
        raise BatchError(f"cannot create the new batch: {_describe(exc)}") from exc


def _describe(exc: ApiCallError) -> str:
    # The boundary's message is already redacted and says what failed (status, network, ...).
    if exc.http_status is not None:
        return f"HTTP {exc.http_status}: {exc}"
    return str(exc)
