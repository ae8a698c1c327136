"""The status-page monitor against the loopback server: both formats, outages, 304s, failures."""

from __future__ import annotations

import copy
import json
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from support.openai_server import FakeOpenAI

from desktop_app.core.monitor.health import (
    STATUS_URL_ENV,
    ComponentState,
    HealthMonitor,
    HealthSnapshot,
    IncidentStatus,
    StatusFormat,
)
from desktop_app.settings import StatusSettings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "status"
SUMMARY = "/api/v2/summary.json"
PROXY = "/proxy/status.openai.com"
WIDGET = "/api/widget"


def load(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / name).read_text("utf-8"))


class Holds:
    """Records what the monitor asked of the upload hold (reason, or None for release)."""

    def __init__(self) -> None:
        self.calls: list[str | None] = []

    def __call__(self, reason: str | None) -> None:
        self.calls.append(reason)


def monitor_for(url: str, holds: Holds | None = None, **settings: Any) -> HealthMonitor:
    return HealthMonitor(StatusSettings(url=url, **settings), environ={}, on_outage=holds)


def test_statuspage_all_operational(openai_server: FakeOpenAI) -> None:
    url = openai_server.serve_json(SUMMARY, load("statuspage_summary_operational.json"))
    holds = Holds()
    snap = monitor_for(url, holds).check_now()
    assert snap.known and snap.format is StatusFormat.STATUSPAGE
    assert dict(snap.components) == {
        "Files": ComponentState.OPERATIONAL,
        "Batch": ComponentState.OPERATIONAL,
        "File uploads": ComponentState.OPERATIONAL,
    }
    assert snap.incidents == ()
    assert holds.calls == []


def test_statuspage_files_outage_holds_and_recovery_releases(openai_server: FakeOpenAI) -> None:
    url = openai_server.serve_json(SUMMARY, load("statuspage_summary_files_outage.json"))
    holds = Holds()
    monitor = monitor_for(url, holds)
    snap = monitor.check_now()
    assert snap.components["Files"] is ComponentState.MAJOR_OUTAGE
    assert snap.components["Batch"] is ComponentState.DEGRADED_PERFORMANCE
    assert snap.components["File uploads"] is ComponentState.PARTIAL_OUTAGE
    (incident,) = snap.open_incidents
    assert incident.name == "Elevated errors uploading files"
    assert incident.status is IncidentStatus.INVESTIGATING
    assert incident.url == "https://status.openai.com/incidents/01JQ7ZK3S4C1F9XW2AB8H5M0TE"
    assert incident.updated_at == pytest.approx(1795601113.204)
    assert set(incident.components) == {"Files", "File uploads"}
    # Only Files holds uploads (File uploads is ChatGPT's, Batch is merely degraded).
    assert len(holds.calls) == 1 and holds.calls[0] is not None
    assert "Files: major outage" in holds.calls[0]
    assert monitor.outage_reason == holds.calls[0]

    monitor.check_now()  # still down: no second hold request
    assert len(holds.calls) == 1

    openai_server.serve_json(SUMMARY, load("statuspage_summary_operational.json"))
    monitor.check_now()
    assert holds.calls[-1] is None
    assert monitor.outage_reason is None


def test_incident_io_operational_and_outage(openai_server: FakeOpenAI) -> None:
    url = openai_server.serve_json(PROXY, load("incident_io_operational.json"))
    holds = Holds()
    monitor = monitor_for(url, holds)
    snap = monitor.check_now()
    assert snap.format is StatusFormat.INCIDENT_IO
    assert set(snap.components.values()) == {ComponentState.OPERATIONAL}
    assert holds.calls == []

    openai_server.serve_json(PROXY, load("incident_io_files_outage.json"))
    snap = monitor.check_now()
    # incident.io calls it "full_outage"; we show it as a major outage.
    assert snap.components["Files"] is ComponentState.MAJOR_OUTAGE
    assert snap.components["Batch"] is ComponentState.DEGRADED_PERFORMANCE
    assert snap.components["File uploads"] is ComponentState.PARTIAL_OUTAGE
    (incident,) = snap.open_incidents
    assert incident.status is IncidentStatus.INVESTIGATING
    assert incident.url == "https://status.openai.com/incidents/01JQ7ZK3S4C1F9XW2AB8H5M0TE"
    assert incident.updated_at == pytest.approx(1795601113.204)
    assert incident.components == ("Files", "File uploads")
    assert holds.calls and holds.calls[-1] is not None and "Files" in holds.calls[-1]


def test_incident_io_widget_degraded_and_maintenance(openai_server: FakeOpenAI) -> None:
    url = openai_server.serve_json(WIDGET, load("incident_io_widget_degraded.json"))
    holds = Holds()
    snap = monitor_for(url, holds).check_now()
    assert snap.format is StatusFormat.INCIDENT_IO_WIDGET
    assert snap.components == {
        "Files": ComponentState.OPERATIONAL,  # not affected by anything listed
        "Batch": ComponentState.DEGRADED_PERFORMANCE,
        "File uploads": ComponentState.UNDER_MAINTENANCE,
    }
    (incident,) = snap.open_incidents
    assert (incident.name, incident.status) == (
        "Increased latency for Batch API",
        IncidentStatus.IDENTIFIED,
    )
    assert holds.calls == []  # degraded and maintenance never hold uploads


def test_components_are_matched_by_name_not_id(openai_server: FakeOpenAI) -> None:
    doc = load("statuspage_summary_files_outage.json")
    for component in doc["components"]:
        component["id"] = "renumbered-" + component["id"]
    url = openai_server.serve_json(SUMMARY, doc)
    snap = monitor_for(url, components=["  files ", "BATCH", "Fine-tuning"]).check_now()
    assert snap.components == {
        "  files ": ComponentState.MAJOR_OUTAGE,
        "BATCH": ComponentState.DEGRADED_PERFORMANCE,
        "Fine-tuning": ComponentState.UNKNOWN,  # not on the page at all
        "Files": ComponentState.MAJOR_OUTAGE,  # watched because it holds uploads
    }


def test_hold_component_is_watched_even_when_not_listed(openai_server: FakeOpenAI) -> None:
    url = openai_server.serve_json(SUMMARY, load("statuspage_summary_files_outage.json"))
    holds = Holds()
    snap = monitor_for(url, holds, components=["Batch"], hold_components=["Files"]).check_now()
    assert list(snap.components) == ["Batch", "Files"]
    assert holds.calls and "Files: major outage" in (holds.calls[0] or "")


def _with_incident_status(status: str) -> dict[str, Any]:
    doc = copy.deepcopy(load("statuspage_summary_files_outage.json"))
    incident = doc["incidents"][0]
    incident["status"] = status
    incident["updated_at"] = f"2026-11-25T10:{10 + len(status):02d}:00.000Z"
    if status in ("monitoring", "resolved"):
        for component in doc["components"]:
            component["status"] = "operational"
    return doc


def test_statuspage_incident_lifecycle(openai_server: FakeOpenAI) -> None:
    seen: list[HealthSnapshot] = []
    holds = Holds()
    url = openai_server.serve_json(SUMMARY, _with_incident_status("investigating"))
    monitor = monitor_for(url, holds)
    monitor.add_listener(seen.append)
    for status in ("investigating", "identified", "monitoring", "resolved"):
        openai_server.serve_json(SUMMARY, _with_incident_status(status))
        monitor.check_now()
    statuses = [s.incidents[0].status for s in seen]
    assert statuses == [
        IncidentStatus.INVESTIGATING,
        IncidentStatus.IDENTIFIED,
        IncidentStatus.MONITORING,
        IncidentStatus.RESOLVED,
    ]
    assert [len(s.open_incidents) for s in seen] == [1, 1, 1, 0]
    # Held while Files was down (investigating, identified); released once it recovered.
    assert [c is not None for c in holds.calls] == [True, False]


def test_incident_io_lifecycle_ends_when_incident_leaves_the_page(
    openai_server: FakeOpenAI,
) -> None:
    outage = load("incident_io_files_outage.json")
    url = openai_server.serve_json(PROXY, outage)
    monitor = monitor_for(url)
    statuses = []
    for status in ("investigating", "identified", "monitoring"):
        doc = copy.deepcopy(outage)
        doc["summary"]["ongoing_incidents"][0]["status"] = status
        openai_server.serve_json(PROXY, doc)
        statuses.append(monitor.check_now().open_incidents[0].status)
    assert statuses == [
        IncidentStatus.INVESTIGATING,
        IncidentStatus.IDENTIFIED,
        IncidentStatus.MONITORING,
    ]
    openai_server.serve_json(PROXY, load("incident_io_operational.json"))  # resolved: gone
    assert monitor.check_now().open_incidents == ()


def test_unchanged_page_answers_304_and_keeps_the_state(openai_server: FakeOpenAI) -> None:
    url = openai_server.serve_json(SUMMARY, load("statuspage_summary_files_outage.json"))
    holds = Holds()
    seen: list[HealthSnapshot] = []
    monitor = monitor_for(url, holds)
    monitor.add_listener(seen.append)
    first = monitor.check_now()
    second = monitor.check_now()
    assert openai_server.static_stats(SUMMARY) == (2, 1)  # two GETs, the second one a 304
    assert second.not_modified and not first.not_modified
    assert second.components == first.components and second.incidents == first.incidents
    assert len(seen) == 1  # nothing changed, so listeners heard once
    assert len(holds.calls) == 1  # and the hold was not requested again


def test_last_modified_alone_also_gives_a_304(openai_server: FakeOpenAI) -> None:
    # A page without an ETag (empty header) is revalidated with If-Modified-Since.
    doc = load("incident_io_files_outage.json")
    url = openai_server.serve_json(PROXY, doc, headers={"ETag": ""})
    monitor = monitor_for(url)
    first = monitor.check_now()
    second = monitor.check_now()
    assert openai_server.static_stats(PROXY) == (2, 1)
    assert second.not_modified and second.components == first.components


def _closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/api/v2/summary.json"


def test_unreachable_page_is_unknown_and_never_holds() -> None:
    holds = Holds()
    snap = monitor_for(_closed_port_url(), holds).check_now()
    assert not snap.known
    assert "unreachable" in (snap.error or "")
    assert set(snap.components.values()) == {ComponentState.UNKNOWN}
    assert holds.calls == []


@pytest.mark.parametrize(
    ("body", "status", "expected"),
    [
        ('{"components": [', 200, "invalid JSON"),
        ({"hello": "world"}, 200, "unrecognised"),
        ({"error": "boom"}, 500, "HTTP 500"),
    ],
)
def test_bad_answers_are_unknown_and_never_hold(
    openai_server: FakeOpenAI, body: Any, status: int, expected: str
) -> None:
    url = openai_server.serve_json(SUMMARY, body, status=status)
    holds = Holds()
    snap = monitor_for(url, holds).check_now()
    assert not snap.known and expected in (snap.error or "")
    assert snap.components["Files"] is ComponentState.UNKNOWN
    assert holds.calls == []


def test_page_going_dark_during_an_outage_releases_the_hold(openai_server: FakeOpenAI) -> None:
    url = openai_server.serve_json(SUMMARY, load("statuspage_summary_files_outage.json"))
    holds = Holds()
    monitor = monitor_for(url, holds)
    monitor.check_now()
    openai_server.serve_json(SUMMARY, "<html>Bad gateway</html>", status=200)
    snap = monitor.check_now()
    assert not snap.known
    assert holds.calls[0] is not None and holds.calls[-1] is None  # unknown is not an outage


def test_environment_variable_overrides_the_url(openai_server: FakeOpenAI) -> None:
    url = openai_server.serve_json(PROXY, load("incident_io_files_outage.json"))
    monitor = HealthMonitor(
        StatusSettings(url="https://status.invalid/api/v2/summary.json"),
        environ={STATUS_URL_ENV: url},
    )
    assert monitor.url == url
    assert monitor.check_now().components["Files"] is ComponentState.MAJOR_OUTAGE


def test_non_http_url_is_refused(tmp_path: Path) -> None:
    local = tmp_path / "summary.json"
    local.write_text(json.dumps(load("statuspage_summary_files_outage.json")))
    holds = Holds()
    snap = monitor_for(local.as_uri(), holds).check_now()
    assert not snap.known and "http" in (snap.error or "")
    assert holds.calls == []


def test_empty_url_turns_checks_off() -> None:
    monitor = monitor_for("")
    monitor.start()
    assert not monitor.enabled and not monitor.running
    assert monitor.snapshot.error == "status checks are turned off"


def wait_for(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.02)


def test_poll_thread_checks_at_once_and_stops_cleanly(openai_server: FakeOpenAI) -> None:
    url = openai_server.serve_json(SUMMARY, load("statuspage_summary_files_outage.json"))
    holds = Holds()
    seen: list[tuple[str, HealthSnapshot]] = []
    monitor = monitor_for(url, holds)
    monitor.add_listener(lambda snap: seen.append((threading.current_thread().name, snap)))
    monitor.start()
    try:
        wait_for(lambda: bool(seen))
        assert monitor.running
    finally:
        monitor.stop()
    assert not monitor.running
    name, snap = seen[0]
    assert name == "attachguard-health"
    assert snap.components["Files"] is ComponentState.MAJOR_OUTAGE
    assert holds.calls and holds.calls[0] is not None


def test_a_failing_listener_does_not_stop_the_others(openai_server: FakeOpenAI) -> None:
    url = openai_server.serve_json(SUMMARY, load("statuspage_summary_operational.json"))
    monitor = monitor_for(url)
    seen: list[HealthSnapshot] = []

    def broken(_snap: HealthSnapshot) -> None:
        raise RuntimeError("listener bug")

    monitor.add_listener(broken)
    monitor.add_listener(seen.append)
    monitor.check_now()
    assert len(seen) == 1 and seen[0].known


@pytest.mark.parametrize("value", ["", "off", " OFF "])
def test_status_url_variable_set_to_empty_or_off_turns_checks_off(
    openai_server: FakeOpenAI, value: str
) -> None:
    configured = openai_server.serve_json(SUMMARY, load("statuspage_summary_files_outage.json"))
    monitor = HealthMonitor(StatusSettings(url=configured), environ={STATUS_URL_ENV: value})
    monitor.start()
    try:
        assert not monitor.enabled and not monitor.running
        assert monitor.snapshot.error == "status checks are turned off"
    finally:
        monitor.stop()
    assert openai_server.count("GET", SUMMARY) == 0  # the configured page was never asked


def test_off_in_the_settings_turns_checks_off_and_the_variable_can_turn_them_back_on(
    openai_server: FakeOpenAI,
) -> None:
    assert not HealthMonitor(StatusSettings(url="off"), environ={}).enabled
    url = openai_server.serve_json(SUMMARY, load("statuspage_summary_files_outage.json"))
    monitor = HealthMonitor(StatusSettings(url="off"), environ={STATUS_URL_ENV: url})
    assert monitor.check_now().components["Files"] is ComponentState.MAJOR_OUTAGE
