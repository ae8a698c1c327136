"""Queue states for tests of what the tray and the status bar say: everything quiet, unless
the test says otherwise."""

from __future__ import annotations

from typing import Any

from desktop_app.core.uploads import QueueStatus
from desktop_app.ui.tray_state import Snapshot

_QUIET: dict[str, Any] = {
    "counts": {},
    "paused": None,
    "breaker_open": False,
    "next_retry_at": None,
    "bytes_total": 0,
    "bytes_sent": 0,
}


def snap(**overrides: Any) -> Snapshot:
    """A tray snapshot: a key, nothing queued, nothing held, but for ``overrides``."""
    return Snapshot(**{**_QUIET, "has_key": True, **overrides})


def queue_status(**overrides: Any) -> QueueStatus:
    """A queue status: nothing queued, nothing held, but for ``overrides``."""
    return QueueStatus(**{**_QUIET, **overrides})
