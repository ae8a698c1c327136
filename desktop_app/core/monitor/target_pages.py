"""Status pages of the other upload targets: one :class:`HealthMonitor` per ``status_url``.

The ``openai`` target's page is ``[status] url`` (the monitor the Service always has). Any other
``[[targets]]`` table may name a Statuspage-style page of its own with ``status_url``; it is
polled like OpenAI's (same interval, same watched and holding components, the same rule that
an unreachable page never holds anything), and an outage there holds that target alone, so
the other targets keep sending. A target without ``status_url`` has no status source.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Sequence

from desktop_app.core.monitor.health import HealthMonitor, HealthSnapshot
from desktop_app.settings import StatusSettings

log = logging.getLogger(__name__)

#: ``hold(target name, reason or None)``: hold the target (a reason) or release it (None).
TargetHold = Callable[[str, "str | None"], None]


class TargetMonitors:
    """One monitor per ``(target name, status_url)``; started and stopped together."""

    def __init__(
        self,
        pages: Sequence[tuple[str, str]],
        status: StatusSettings,
        hold: TargetHold,
    ) -> None:
        self.monitors: dict[str, HealthMonitor] = {}
        for name, url in pages:
            settings = dataclasses.replace(status, url=url)
            # environ={}: ATTACHGUARD_STATUS_URL overrides OpenAI's page, not a target's own.
            self.monitors[name] = HealthMonitor(
                settings,
                environ={},
                on_outage=_hold_for(name, hold),
                thread_name=f"attachguard-health-{name}",
            )

    def start(self) -> None:
        for monitor in self.monitors.values():
            monitor.start()

    def stop(self, timeout: float = 15.0) -> None:
        for monitor in self.monitors.values():
            monitor.stop(timeout)

    def check_now(self) -> dict[str, HealthSnapshot]:
        """Check every page now (on the calling thread); the snapshots by target name."""
        return {name: monitor.check_now() for name, monitor in self.monitors.items()}


def _hold_for(name: str, hold: TargetHold) -> Callable[[str | None], None]:
    def on_outage(reason: str | None) -> None:
        if reason:
            log.warning("holding uploads to %s: %s", name, reason)
        hold(name, reason)

    return on_outage
