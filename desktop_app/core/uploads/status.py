"""The queue at a glance, for the tray, the window and the CLI: counts, pauses, the next retry.

Read-only: one status is put together from the gate (what holds uploads back) and the queue's
reads, with no I/O beyond those reads.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from desktop_app.core.uploads.gate import Gate, PauseReason
from desktop_app.core.uploads.jobs import JobState
from desktop_app.core.uploads.queries import QueueReads


@dataclass(frozen=True)
class QueueStatus:
    """The queue at a glance. ``counts`` are per job (what ``queue`` lists); ``documents`` are
    per document, by each content's latest job (what the tray and the window count)."""

    counts: Mapping[JobState, int]
    paused: PauseReason | None
    breaker_open: bool
    #: When the next attempt may start: None while nothing waits, or while every waiting job
    #: is held (queue-wide hold, or its target's breaker open: it resumes when OpenAI does).
    next_retry_at: float | None
    bytes_total: int  # of active jobs, for a progress bar
    bytes_sent: int
    documents: Mapping[JobState, int] = dataclasses.field(default_factory=dict)
    #: Documents waiting to retry after an expiry error (the text fallback is ready for them).
    expired_waiting: int = 0
    #: Jobs wait for OpenAI to recover (a status-page outage or an open breaker).
    held: bool = False


def queue_status(gate: Gate, queries: QueueReads, now: float) -> QueueStatus:
    """What the queue looks like at ``now``."""
    total, sent = queries.active_bytes()
    paused = gate.paused()
    breaker_open = gate.breaker_open()
    documents, expired_waiting = queries.document_counts()
    if gate.closed():
        # Held queue-wide (a pause, or the status page's outage): no attempt is scheduled;
        # held jobs are not "due now" however long ago their backoff ended.
        next_retry_at = None
    else:
        held = gate.held_targets()
        waits = [t for t in (gate.next_opening(), queries.next_due(held)) if t is not None]
        next_retry_at = max(min(waits), now) if waits else None
    return QueueStatus(
        counts=queries.counts(),
        paused=paused,
        breaker_open=breaker_open,
        next_retry_at=next_retry_at,
        bytes_total=total,
        bytes_sent=sent,
        documents=documents,
        expired_waiting=expired_waiting,
        held=breaker_open or paused in (PauseReason.SERVICE_OUTAGE, PauseReason.BREAKER),
    )
