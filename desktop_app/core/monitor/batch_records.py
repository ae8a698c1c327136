"""Batch job records and the pure rules about them: status, age, and when a job counts as stuck.

No I/O here: ``batches.py`` fills these records from the API and the ``batch_jobs`` table.

A batch is *stuck* when it has been ``finalizing`` for longer than the threshold, or is still
``validating``/``in_progress`` more than the threshold past the end of its completion window
(``expires_at``, else ``created_at`` plus the window).
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class BatchStatus(StrEnum):
    VALIDATING = "validating"
    FAILED = "failed"
    IN_PROGRESS = "in_progress"
    FINALIZING = "finalizing"
    COMPLETED = "completed"
    EXPIRED = "expired"
    CANCELLING = "cancelling"
    CANCELLED = "cancelled"
    UNKNOWN = "unknown"

    @classmethod
    def parse(cls, value: Any) -> BatchStatus:
        try:
            return cls(str(value))
        except ValueError:
            return cls.UNKNOWN


# The *_at field stamped when a batch enters each status.
SINCE_FIELD = {
    BatchStatus.IN_PROGRESS: "in_progress_at",
    BatchStatus.FINALIZING: "finalizing_at",
    BatchStatus.COMPLETED: "completed_at",
    BatchStatus.FAILED: "failed_at",
    BatchStatus.EXPIRED: "expired_at",
    BatchStatus.CANCELLING: "cancelling_at",
    BatchStatus.CANCELLED: "cancelled_at",
}


@dataclass(frozen=True)
class BatchView:
    """One batch as last seen, plus what the watchdog knows and did about it."""

    id: str
    status: BatchStatus
    endpoint: str
    completion_window: str
    created_at: float
    status_since: float  # when it entered its current status (created_at if unknown)
    input_file_id: str
    output_file_id: str | None
    error_file_id: str | None
    requests_total: int
    requests_completed: int
    requests_failed: int
    metadata: Mapping[str, str] | None
    stuck_reason: str | None  # None: not stuck
    stuck_notified_at: float | None
    backup_entry_id: int | None
    backup_error: str | None
    resubmitted_as: str | None
    resubmitted_from: str | None
    last_seen_at: float

    @property
    def stuck(self) -> bool:
        return self.stuck_reason is not None

    def age(self, now: float | None = None) -> float:
        """Seconds in the current status."""
        return max(0.0, (time.time() if now is None else now) - self.status_since)


@dataclass(frozen=True)
class WatchdogReport:
    """The result of one :meth:`BatchWatchdog.check`."""

    batches: tuple[BatchView, ...]
    newly_stuck: tuple[BatchView, ...]
    backed_up: tuple[str, ...]  # batch ids whose input was backed up in this run
    problems: tuple[str, ...]  # one line each; transient ones are retried next run
    checked_at: float

    @property
    def stuck(self) -> tuple[BatchView, ...]:
        return tuple(b for b in self.batches if b.stuck)


_WINDOW = re.compile(r"^\s*(\d+)\s*([smhd])\s*$")
_UNIT = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def window_seconds(window: str) -> float | None:
    """``"24h"`` -> 86400.0; None when the window is not in that form."""
    match = _WINDOW.match(window or "")
    return float(int(match.group(1)) * _UNIT[match.group(2)]) if match else None


def format_duration(seconds: float) -> str:
    """A short human duration: ``45 min``, ``3 h 12 min``, ``2 d 5 h``."""
    minutes = int(max(0.0, seconds) // 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h" if hours else f"{days} d"


def stuck_reason(remote: Mapping[str, Any], now: float, threshold: float) -> str | None:
    """Why the batch (wire dict) counts as stuck at ``now``, or None."""
    status = BatchStatus.parse(remote.get("status"))
    created = float(remote.get("created_at") or 0)
    if status is BatchStatus.FINALIZING:
        since = float(remote.get("finalizing_at") or created)
        if now - since > threshold:
            return f"finalizing for {format_duration(now - since)}"
        return None
    if status in (BatchStatus.VALIDATING, BatchStatus.IN_PROGRESS):
        window = str(remote.get("completion_window") or "")
        length = window_seconds(window)
        if remote.get("expires_at"):
            deadline = float(remote["expires_at"])
        elif length is not None:
            deadline = created + length
        else:
            return None
        if now - deadline > threshold:
            return f"{status.value} {format_duration(now - deadline)} past its {window} window"
    return None
