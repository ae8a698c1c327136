"""A hostile status page (deeply nested JSON, a page trickled byte by byte) neither crashes nor
holds up the status check: it ends with one clear sentence, and the states stay unknown."""

from __future__ import annotations

from support.openai_server import FakeOpenAI

from desktop_app.core.monitor.health import HealthMonitor, StatusClient
from desktop_app.settings import StatusSettings

SUMMARY = "/api/v2/summary.json"


def test_deeply_nested_json_is_refused_in_one_sentence(openai_server: FakeOpenAI) -> None:
    url = openai_server.serve_json(SUMMARY, "[" * 200_000 + "]" * 200_000)
    monitor = HealthMonitor(StatusSettings(url=url), environ={})
    snap = monitor.check_now()  # used to raise RecursionError out of `attachguard status`
    assert not snap.known
    assert snap.error is not None and "nested too deeply" in snap.error


def test_moderately_nested_json_is_refused_too(openai_server: FakeOpenAI) -> None:
    # Under Python's recursion limit, so the parser copes: the depth limit still applies.
    url = openai_server.serve_json(SUMMARY, '{"page": ' + "[" * 500 + "]" * 500 + "}")
    result = StatusClient(url).fetch()
    assert result.parsed is None
    assert result.error is not None and "nested too deeply" in result.error


def test_a_trickled_page_ends_at_the_deadline(openai_server: FakeOpenAI) -> None:
    url = openai_server.serve_json(SUMMARY, {"page": {"id": "x"}, "components": []})
    openai_server.trickle_after_store(0.05, times=None, method="GET", path=SUMMARY)
    # Each byte arrives well within the per-read timeout; only the total deadline ends it.
    result = StatusClient(url, timeout=5.0, deadline=1.0).fetch()
    assert result.parsed is None
    assert result.error == "the status page did not arrive within 1 s"
