"""Each upload target's state at a glance, for the Service health tab and ``status``.

Put together from the gate (holds naming the target, its breaker, its rate limit), the keys
(whether the target has one) and the queue (how many of its jobs are not finished). Plain
records; reading them takes one small query.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.core.uploads.destinations import Target, Targets
from desktop_app.core.uploads.gate import Gate, PauseReason
from desktop_app.core.uploads.keys import ApiKeys
from desktop_app.core.uploads.queries import QueueReads
from desktop_app.targets import DEFAULT_TARGET


@dataclass(frozen=True)
class TargetState:
    """How one target stands now."""

    name: str
    label: str
    kind: str
    address: str
    primary: bool
    has_key: bool
    #: Holds that name this target (its status page's outage, its key missing or refused),
    #: and, for the ``openai`` target, a missing or refused OpenAI key.
    holds: tuple[PauseReason, ...]
    breaker_open: bool
    next_probe_at: float | None
    rate_limited_until: float | None
    active_jobs: int
    #: Since when it has been held by an outage (breaker or status page), engine time.
    held_since: float | None

    @property
    def held(self) -> bool:
        """Nothing is sent to it now (an outage, a missing key, a rate limit)."""
        return bool(self.holds) or self.breaker_open or self.rate_limited_until is not None


def target_states(
    targets: Targets, gate: Gate, keys: ApiKeys, queries: QueueReads
) -> list[TargetState]:
    """Every target in force, the primary first."""
    active = queries.active_by_target()
    return [_state(t, i == 0, gate, keys, active.get(t.name, 0)) for i, t in enumerate(targets)]


def _state(target: Target, primary: bool, gate: Gate, keys: ApiKeys, active: int) -> TargetState:
    report = gate.target_report(target.address)
    holds = list(dict.fromkeys(report.holds))
    has_key = keys.has_key_for(target)
    if target.name == DEFAULT_TARGET:
        queue_wide = gate.paused()
        if queue_wide in (PauseReason.NO_KEY, PauseReason.AUTH) and queue_wide not in holds:
            holds.append(queue_wide)
    return TargetState(
        name=target.name,
        label=target.label,
        kind=target.kind,
        address=target.address,
        primary=primary,
        has_key=has_key,
        holds=tuple(holds),
        breaker_open=report.breaker_open,
        next_probe_at=report.next_probe_at,
        rate_limited_until=report.rate_limited_until,
        active_jobs=active,
        held_since=gate.held_since(target.address),
    )
