"""Upload job records: states, the view the UI shows, and the worker's full row.

Shared by the queue (which reads and writes them) and everything that displays jobs.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from enum import StrEnum

from desktop_app.core.errors import ErrorKind


class JobState(StrEnum):
    QUEUED = "queued"
    UPLOADING = "uploading"
    VERIFYING = "verifying"
    WAITING_RETRY = "waiting_retry"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"
    EXPIRED = "expired"  # was done; the server no longer has the file (not uploaded again)


#: States in which a job still has work ahead of it.
ACTIVE_STATES = frozenset(
    {JobState.QUEUED, JobState.UPLOADING, JobState.VERIFYING, JobState.WAITING_RETRY}
)
#: States a job never leaves by itself.
FINAL_STATES = frozenset({JobState.DONE, JobState.FAILED, JobState.CANCELLED, JobState.EXPIRED})


@dataclass(frozen=True)
class JobView:
    """What the UI and the CLI show about one job."""

    id: int
    entry_id: int
    name: str
    sha256: str
    size: int
    state: JobState
    attempts: int
    next_attempt_at: float | None
    error_kind: ErrorKind | None
    error_message: str | None
    http_status: int | None
    request_id: str | None
    file_id: str | None
    expires_at: float | None
    bytes_sent: int
    fallback_available: bool
    created_at: float
    updated_at: float
    #: The upload target's name (``[[targets]]``); the file id is only valid there.
    target: str = "openai"


@dataclass(frozen=True)
class Job:
    """A job row with the worker's bookkeeping (not shown to users)."""

    view: JobView
    mime_type: str
    target: str
    purpose: str
    expires_after: int | None
    owner: str | None
    attempt_started_at: float | None
    first_attempt_at: float | None
    reconcile_since: float | None
    ambiguous_since: float | None
    upload_id: str | None
    upload_expires_at: float | None

    @property
    def id(self) -> int:
        return self.view.id


@dataclass(frozen=True)
class NewJob:
    entry_id: int
    sha256: str
    name: str
    size: int
    mime_type: str
    target: str
    purpose: str
    expires_after: int | None
    target_name: str = "openai"


def job_from_row(row: sqlite3.Row) -> Job:
    kind = row["error_kind"]
    view = JobView(
        id=row["id"],
        entry_id=row["entry_id"],
        name=row["name"],
        sha256=row["sha256"],
        size=row["size"],
        state=JobState(row["state"]),
        attempts=row["attempts"],
        next_attempt_at=row["next_attempt_at"],
        error_kind=ErrorKind(kind) if kind else None,
        error_message=row["error_message"],
        http_status=row["http_status"],
        request_id=row["request_id"],
        file_id=row["file_id"],
        expires_at=row["expires_at"],
        bytes_sent=row["bytes_sent"],
        fallback_available=bool(row["fallback_available"]),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        target=row["target_name"],
    )
    return Job(
        view=view,
        mime_type=row["mime_type"],
        target=row["target"],
        purpose=row["purpose"],
        expires_after=row["expires_after"],
        owner=row["owner"],
        attempt_started_at=row["attempt_started_at"],
        first_attempt_at=row["first_attempt_at"],
        reconcile_since=row["reconcile_since"],
        ambiguous_since=row["ambiguous_since"],
        upload_id=row["upload_id"],
        upload_expires_at=row["upload_expires_at"],
    )


def damaged_copy_message(name: str) -> str:
    """The job error when the vault copy no longer matches the SHA-256 it was backed up with."""
    return (
        f"the backup copy of {name} is damaged; back the file up again "
        "(attachguard verify shows damaged copies)"
    )
