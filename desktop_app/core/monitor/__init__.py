"""Service health: the provider's status page and the batch watchdog, each on a periodic thread.

Public face: :class:`HealthMonitor` (polls the status page, holds uploads during a Files
outage), :class:`BatchWatchdog` (flags stuck batches, backs up their inputs, resubmits) and the
records both hand out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop_app.core.monitor.batch_records import (
    BatchStatus,
    BatchView,
    WatchdogReport,
    format_duration,
)
from desktop_app.core.monitor.health import HealthMonitor, HealthSnapshot
from desktop_app.core.monitor.status_page import ComponentState, Incident, IncidentStatus

if TYPE_CHECKING:
    from desktop_app.core.monitor.batches import BatchWatchdog

__all__ = [
    "BatchStatus",
    "BatchView",
    "BatchWatchdog",
    "ComponentState",
    "HealthMonitor",
    "HealthSnapshot",
    "Incident",
    "IncidentStatus",
    "WatchdogReport",
    "format_duration",
]


def __getattr__(name: str) -> Any:
    # The watchdog talks to the API: load it (and the SDK) only when it is asked for.
    if name == "BatchWatchdog":
        from desktop_app.core.monitor.batches import BatchWatchdog

        return BatchWatchdog
    raise AttributeError(name)
