"""Service health: the provider's status page and the batch watchdog, each on a periodic thread.

Public face: :class:`HealthMonitor` (polls the status page, holds uploads during a Files
outage), :class:`BatchWatchdog` (flags stuck batches, backs up their inputs, resubmits) and the
records both hand out. Neither loads the SDK on import: the watchdog imports
:mod:`desktop_app.core.openai_api` on its first API call.
"""

from __future__ import annotations

from desktop_app.core.monitor.batch_records import (
    BatchStatus,
    BatchView,
    WatchdogReport,
    format_duration,
)
from desktop_app.core.monitor.batches import BatchWatchdog
from desktop_app.core.monitor.health import HealthMonitor, HealthSnapshot
from desktop_app.core.monitor.status_page import ComponentState, Incident, IncidentStatus
from desktop_app.core.monitor.target_pages import TargetMonitors

__all__ = [
    "BatchStatus",
    "BatchView",
    "BatchWatchdog",
    "ComponentState",
    "HealthMonitor",
    "HealthSnapshot",
    "Incident",
    "IncidentStatus",
    "TargetMonitors",
    "WatchdogReport",
    "format_duration",
]
