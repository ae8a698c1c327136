"""Records for the provider's status, and parsers for the status-page JSON formats we read.

Three shapes are understood, told apart by their top-level keys (:func:`parse_status`):

``statuspage``
    Atlassian Statuspage's public API, ``/api/v2/summary.json`` (also ``components.json`` and
    ``incidents.json``): ``components[] {name, status, group}``, ``incidents[] {name, status,
    updated_at, shortlink, components[]}``. status.openai.com still answers these paths after its
    move to incident.io.
``incident_io``
    incident.io's page JSON, ``/proxy/<host>`` (what status.openai.com's own front end loads):
    ``{"summary": {components[] {id, name}, affected_components[] {component_id, status},
    ongoing_incidents[] {id, name, status, published_at, updates[], component_impacts[]},
    structure {items[] {group {name, components[]} | component}}, public_url}}``. Components not
    listed in ``affected_components`` are operational; impact ``full_outage`` is a major outage.
``incident_io_widget``
    incident.io's public widget JSON: ``{ongoing_incidents[] {name, status, url, last_update_at,
    current_worst_impact, affected_components[] {name, current_status}},
    in_progress_maintenances[], scheduled_maintenances[]}``. It only names affected components, so
    a configured component that is not mentioned is reported operational.

Components are matched by name (case and spacing ignored), never by id: the ids changed when the
OpenAI page migrated. When a name occurs more than once (e.g. in two groups) the worst state wins.
Anything that does not have the expected shape raises :class:`StatusFormatError`; the monitor turns
that into "unknown", never into an outage.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class ComponentState(StrEnum):
    OPERATIONAL = "operational"
    DEGRADED_PERFORMANCE = "degraded_performance"
    PARTIAL_OUTAGE = "partial_outage"
    MAJOR_OUTAGE = "major_outage"
    UNDER_MAINTENANCE = "under_maintenance"
    UNKNOWN = "unknown"

    @property
    def is_outage(self) -> bool:
        return self in (ComponentState.PARTIAL_OUTAGE, ComponentState.MAJOR_OUTAGE)

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class IncidentStatus(StrEnum):
    INVESTIGATING = "investigating"
    IDENTIFIED = "identified"
    MONITORING = "monitoring"
    RESOLVED = "resolved"
    POSTMORTEM = "postmortem"
    UNKNOWN = "unknown"

    @property
    def is_open(self) -> bool:
        return self not in (IncidentStatus.RESOLVED, IncidentStatus.POSTMORTEM)


class StatusFormat(StrEnum):
    STATUSPAGE = "statuspage"
    INCIDENT_IO = "incident_io"
    INCIDENT_IO_WIDGET = "incident_io_widget"


@dataclass(frozen=True)
class Incident:
    """One incident as the status page shows it. ``updated_at`` is epoch seconds (last update)."""

    name: str
    status: IncidentStatus
    updated_at: float | None
    url: str | None
    components: tuple[str, ...] = ()

    @property
    def is_open(self) -> bool:
        return self.status.is_open


@dataclass(frozen=True)
class ParsedStatus:
    """What one status document says: every component by name, and the incidents."""

    format: StatusFormat
    components: Mapping[str, ComponentState]  # normalised name -> state
    display_names: Mapping[str, str] = field(default_factory=dict)  # normalised -> as shown
    incidents: tuple[Incident, ...] = ()
    # Only the widget format lists affected components alone: absent ones are then operational.
    absent_is_operational: bool = False

    def state_of(self, name: str) -> ComponentState:
        key = normalise(name)
        if key in self.components:
            return self.components[key]
        return ComponentState.OPERATIONAL if self.absent_is_operational else ComponentState.UNKNOWN


class StatusFormatError(ValueError):
    """The document is not one of the status JSON shapes we understand."""


# Worse states sort higher; used when one name appears several times.
_SEVERITY = {
    ComponentState.UNKNOWN: -1,
    ComponentState.OPERATIONAL: 0,
    ComponentState.UNDER_MAINTENANCE: 1,
    ComponentState.DEGRADED_PERFORMANCE: 2,
    ComponentState.PARTIAL_OUTAGE: 3,
    ComponentState.MAJOR_OUTAGE: 4,
}

_STATE_ALIASES = {
    "full_outage": ComponentState.MAJOR_OUTAGE,
    "maintenance": ComponentState.UNDER_MAINTENANCE,
    "maintenance_in_progress": ComponentState.UNDER_MAINTENANCE,
}


def normalise(name: str) -> str:
    return " ".join(name.split()).casefold()


def component_state(value: Any) -> ComponentState:
    """Map a status string from any supported format to our enum (unrecognised -> unknown)."""
    if not isinstance(value, str):
        return ComponentState.UNKNOWN
    text = value.strip().lower()
    if text in _STATE_ALIASES:
        return _STATE_ALIASES[text]
    try:
        return ComponentState(text)
    except ValueError:
        return ComponentState.UNKNOWN


def incident_status(value: Any) -> IncidentStatus:
    try:
        return IncidentStatus(str(value).strip().lower())
    except ValueError:
        return IncidentStatus.UNKNOWN


def worst(a: ComponentState, b: ComponentState) -> ComponentState:
    return a if _SEVERITY[a] >= _SEVERITY[b] else b


def parse_time(value: Any) -> float | None:
    """ISO 8601 (``Z`` or an offset) or epoch seconds -> epoch seconds; None if absent/garbled."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return datetime.fromisoformat(value.strip()).timestamp()
    except ValueError:
        return None


def parse_status(payload: Any, page_url: str | None = None) -> ParsedStatus:
    """Recognise and parse a decoded status document. ``page_url`` builds incident links."""
    if not isinstance(payload, dict):
        raise StatusFormatError("the status document is not a JSON object")
    if isinstance(payload.get("summary"), dict):
        return _parse_incident_io(payload["summary"], page_url)
    if isinstance(payload.get("components"), list) or (
        isinstance(payload.get("incidents"), list) and isinstance(payload.get("page"), dict)
    ):
        return _parse_statuspage(payload)
    if isinstance(payload.get("ongoing_incidents"), list):
        return _parse_widget(payload)
    raise StatusFormatError("not a Statuspage or incident.io status document")


class _Components:
    """Accumulates name -> worst state while remembering the name as the page spells it."""

    def __init__(self) -> None:
        self.states: dict[str, ComponentState] = {}
        self.names: dict[str, str] = {}

    def add(self, name: Any, state: ComponentState) -> None:
        if not isinstance(name, str) or not name.strip():
            return
        key = normalise(name)
        self.names.setdefault(key, name.strip())
        self.states[key] = worst(self.states[key], state) if key in self.states else state


def _dicts(value: Any, what: str) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise StatusFormatError(f"{what} is not a list")
    return [item for item in value if isinstance(item, dict)]


def _parse_statuspage(data: dict[str, Any]) -> ParsedStatus:
    found = _Components()
    for item in _dicts(data.get("components"), "components"):
        if item.get("group") is True:
            # A group's status mirrors its worst child; the children carry the names we match.
            continue
        found.add(item.get("name"), component_state(item.get("status")))
    page: dict[str, Any] = data["page"] if isinstance(data.get("page"), dict) else {}
    page_url = page.get("url") if isinstance(page.get("url"), str) else None
    incidents = []
    for item in _dicts(data.get("incidents"), "incidents"):
        name = item.get("name")
        if not isinstance(name, str):
            continue
        url = item.get("shortlink") if isinstance(item.get("shortlink"), str) else None
        if url is None and page_url and isinstance(item.get("id"), str):
            url = f"{page_url.rstrip('/')}/incidents/{item['id']}"
        names = tuple(
            c["name"] for c in _dicts(item.get("components"), "components") if "name" in c
        )
        incidents.append(
            Incident(
                name=name,
                status=incident_status(item.get("status")),
                updated_at=parse_time(item.get("updated_at") or item.get("created_at")),
                url=url,
                components=names,
            )
        )
    return ParsedStatus(
        StatusFormat.STATUSPAGE,
        found.states,
        found.names,
        tuple(incidents),
        absent_is_operational=False,
    )


def _parse_incident_io(summary: dict[str, Any], page_url: str | None) -> ParsedStatus:
    names: dict[str, str] = {}  # component id -> name
    for item in _dicts(summary.get("components"), "summary.components"):
        if isinstance(item.get("id"), str) and isinstance(item.get("name"), str):
            names[item["id"]] = item["name"]
    structure = summary.get("structure")
    if isinstance(structure, dict):
        for entry in _dicts(structure.get("items"), "summary.structure.items"):
            children = []
            if isinstance(entry.get("group"), dict):
                children = _dicts(entry["group"].get("components"), "group.components")
            if isinstance(entry.get("component"), dict):
                children.append(entry["component"])
            for child in children:
                cid, name = child.get("component_id"), child.get("name")
                if isinstance(cid, str) and isinstance(name, str):
                    names.setdefault(cid, name)
    if not names:
        raise StatusFormatError("the incident.io summary names no components")
    affected: dict[str, ComponentState] = {}
    for item in _dicts(summary.get("affected_components"), "summary.affected_components"):
        cid = item.get("component_id")
        if isinstance(cid, str):
            state = component_state(item.get("status") or item.get("current_status"))
            affected[cid] = worst(affected[cid], state) if cid in affected else state
    found = _Components()
    for cid, name in names.items():
        found.add(name, affected.get(cid, ComponentState.OPERATIONAL))
    base = summary.get("public_url") if isinstance(summary.get("public_url"), str) else page_url
    incidents = []
    for item in _dicts(summary.get("ongoing_incidents"), "summary.ongoing_incidents"):
        name = item.get("name")
        if not isinstance(name, str):
            continue
        times = [parse_time(item.get(k)) for k in ("last_update_at", "updated_at", "published_at")]
        times += [parse_time(u.get("published_at")) for u in _dicts(item.get("updates"), "updates")]
        stamps = [t for t in times if t is not None]
        url = item.get("url") if isinstance(item.get("url"), str) else None
        if url is None and base and isinstance(item.get("id"), str):
            url = f"{base.rstrip('/')}/incidents/{item['id']}"
        impacted = _dicts(item.get("component_impacts"), "component_impacts") + _dicts(
            item.get("affected_components"), "affected_components"
        )
        component_names = _unique(
            names.get(str(c.get("component_id")), c.get("name")) for c in impacted
        )
        incidents.append(
            Incident(
                name=name,
                status=incident_status(item.get("status")),
                updated_at=max(stamps) if stamps else None,
                url=url,
                components=component_names,
            )
        )
    return ParsedStatus(StatusFormat.INCIDENT_IO, found.states, found.names, tuple(incidents))


def _parse_widget(data: dict[str, Any]) -> ParsedStatus:
    found = _Components()
    incidents = []
    for item in _dicts(data.get("ongoing_incidents"), "ongoing_incidents"):
        impact = component_state(item.get("current_worst_impact"))
        affected = _dicts(item.get("affected_components"), "affected_components")
        for comp in affected:
            state = component_state(comp.get("current_status"))
            found.add(comp.get("name"), impact if state is ComponentState.UNKNOWN else state)
        name = item.get("name")
        if isinstance(name, str):
            incidents.append(
                Incident(
                    name=name,
                    status=incident_status(item.get("status")),
                    updated_at=parse_time(item.get("last_update_at")),
                    url=item.get("url") if isinstance(item.get("url"), str) else None,
                    components=_unique(c.get("name") for c in affected),
                )
            )
    for item in _dicts(data.get("in_progress_maintenances"), "in_progress_maintenances"):
        for comp in _dicts(item.get("affected_components"), "affected_components"):
            found.add(comp.get("name"), ComponentState.UNDER_MAINTENANCE)
    return ParsedStatus(
        StatusFormat.INCIDENT_IO_WIDGET,
        found.states,
        found.names,
        tuple(incidents),
        absent_is_operational=True,
    )


def _unique(values: Iterable[Any]) -> tuple[str, ...]:
    seen: list[str] = []
    for value in values:
        if isinstance(value, str) and value and value not in seen:
            seen.append(value)
    return tuple(seen)


def select(parsed: ParsedStatus, wanted: Sequence[str]) -> dict[str, ComponentState]:
    """The state of each configured component, keyed by the configured name."""
    return {name: parsed.state_of(name) for name in wanted}
