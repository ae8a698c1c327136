"""The batch watchdog through the real openai SDK against the loopback server, on a real store."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest
from support.openai_server import FakeOpenAI

from desktop_app.core.errors import BatchError, UnknownBatchError
from desktop_app.core.monitor.batches import (
    BatchStatus,
    BatchView,
    BatchWatchdog,
    format_duration,
    stuck_reason,
    window_seconds,
)
from desktop_app.core.store.db import Database
from desktop_app.core.vault import Source, Vault
from desktop_app.paths import AppPaths
from desktop_app.settings import StatusSettings

HOUR = 3600
INPUT = b'{"custom_id": "r1", "method": "POST", "url": "/v1/chat/completions", "body": {}}\n'


class Watchdogs:
    """Opens watchdogs on one data root; ``restart`` closes the store and opens it again."""

    def __init__(self, paths: AppPaths, server: FakeOpenAI) -> None:
        self.paths = paths
        self.server = server
        self.key: str | None = server.api_key
        self.notified: list[BatchView] = []
        self._dbs: list[Database] = []

    def open(self) -> BatchWatchdog:
        db = Database(self.paths.database_file)
        self._dbs.append(db)
        watchdog = BatchWatchdog(
            db,
            Vault(db, self.paths.vault_dir),
            StatusSettings(batch_stuck_minutes=60),
            api_key=lambda: self.key,
            base_url=lambda: self.server.base_url,
        )
        watchdog.add_listener(self.notified.append)
        return watchdog

    def close(self) -> None:
        for db in self._dbs:
            db.close()
        self._dbs.clear()


@pytest.fixture
def watchdogs(app_paths: AppPaths, openai_server: FakeOpenAI) -> Iterator[Watchdogs]:
    factory = Watchdogs(app_paths, openai_server)
    yield factory
    factory.close()


def add_batch(server: FakeOpenAI, status: str, **fields: object) -> str:
    source = server.add_file("requests.jsonl", INPUT, "batch")
    return server.add_batch(source.id, status=status, **fields).id


def seed(server: FakeOpenAI) -> dict[str, str]:
    now = int(server.now)
    return {
        "finalizing_long": add_batch(server, "finalizing", finalizing_at=now - 2 * HOUR - 300),
        "overdue": add_batch(
            server, "in_progress", created_at=now - 27 * HOUR, expires_at=now - 3 * HOUR
        ),
        "finalizing_recent": add_batch(server, "finalizing", finalizing_at=now - 600),
        "running": add_batch(server, "in_progress", in_progress_at=now - HOUR),
        "done": add_batch(server, "completed", output_file_id="file-out"),
    }


def test_lists_batches_and_flags_only_the_stuck_ones(
    watchdogs: Watchdogs, openai_server: FakeOpenAI
) -> None:
    ids = seed(openai_server)
    report = watchdogs.open().check()
    assert {b.id for b in report.batches} == set(ids.values())
    stuck = {b.id: b for b in report.stuck}
    assert set(stuck) == {ids["finalizing_long"], ids["overdue"]}
    assert stuck[ids["finalizing_long"]].stuck_reason == "finalizing for 2 h 5 min"
    assert stuck[ids["overdue"]].stuck_reason == "in_progress 3 h past its 24h window"
    assert stuck[ids["finalizing_long"]].age() >= 2 * HOUR
    assert {b.id for b in report.newly_stuck} == set(stuck)
    assert {b.id for b in watchdogs.notified} == set(stuck)
    healthy = {b.id: b for b in report.batches if not b.stuck}
    assert healthy[ids["done"]].status is BatchStatus.COMPLETED
    assert healthy[ids["running"]].status is BatchStatus.IN_PROGRESS


def test_inputs_of_unfinished_batches_are_backed_up_into_the_vault(
    watchdogs: Watchdogs, openai_server: FakeOpenAI
) -> None:
    ids = seed(openai_server)
    watchdog = watchdogs.open()
    report = watchdog.check()
    assert set(report.backed_up) == set(ids.values()) - {ids["done"]}
    for batch_id in report.backed_up:
        view = watchdog.get(batch_id)
        assert view.backup_entry_id is not None
        entry = watchdog.vault.get(view.backup_entry_id)
        assert entry.source is Source.BATCH and entry.name == "requests.jsonl"
        assert watchdog.vault.blob_path(entry.sha256).read_bytes() == INPUT
    assert watchdog.get(ids["done"]).backup_entry_id is None
    downloads = openai_server.count("GET", "/v1/files/")
    assert watchdog.check().backed_up == ()  # backed up once only
    assert openai_server.count("GET", "/v1/files/") == downloads


def test_stuck_batch_is_notified_once_across_runs_and_restarts(
    watchdogs: Watchdogs, openai_server: FakeOpenAI
) -> None:
    ids = seed(openai_server)
    watchdogs.open().check()
    assert len(watchdogs.notified) == 2

    second = watchdogs.open().check()  # a second watchdog on the same store
    assert second.newly_stuck == () and len(second.stuck) == 2
    watchdogs.close()  # "restart": close the store, open it again
    again = watchdogs.open().check()
    assert again.newly_stuck == () and len(again.stuck) == 2
    assert len(watchdogs.notified) == 2

    openai_server.set_batch(
        ids["finalizing_recent"], finalizing_at=int(openai_server.now) - 5 * HOUR
    )
    later = watchdogs.open().check()
    assert [b.id for b in later.newly_stuck] == [ids["finalizing_recent"]]
    assert [b.id for b in watchdogs.notified[2:]] == [ids["finalizing_recent"]]


def test_a_check_without_notify_leaves_the_notification_for_later(
    watchdogs: Watchdogs, openai_server: FakeOpenAI
) -> None:
    ids = seed(openai_server)
    quiet = watchdogs.open().check(notify=False)  # what the CLI does: it lists stuck jobs itself
    assert quiet.newly_stuck == () and len(quiet.stuck) == 2
    assert watchdogs.notified == []
    loud = watchdogs.open().check()
    assert {b.id for b in loud.newly_stuck} == {ids["finalizing_long"], ids["overdue"]}


def test_local_listing_needs_no_network(watchdogs: Watchdogs, openai_server: FakeOpenAI) -> None:
    ids = seed(openai_server)
    watchdogs.open().check()
    openai_server.stop()
    watchdog = watchdogs.open()
    assert {b.id for b in watchdog.batches(stuck_only=True)} == {
        ids["finalizing_long"],
        ids["overdue"],
    }
    assert len(watchdog.batches()) == 5


def test_resubmit_creates_a_new_batch_from_the_backup(
    watchdogs: Watchdogs, openai_server: FakeOpenAI
) -> None:
    source = openai_server.add_file("nightly.jsonl", INPUT, "batch")
    old = openai_server.add_batch(
        source.id,
        status="finalizing",
        endpoint="/v1/embeddings",
        finalizing_at=int(openai_server.now) - 3 * HOUR,
        metadata={"job": "nightly-embeddings"},
    ).id
    watchdog = watchdogs.open()
    watchdog.check()
    openai_server.expire_file(source.id)  # the server copy is gone; our backup is not

    new = watchdog.resubmit(old)
    remote = openai_server.batches[new.id]
    assert new.id != old and new.resubmitted_from == old
    assert (remote.endpoint, remote.completion_window, remote.metadata) == (
        "/v1/embeddings",
        "24h",
        {"job": "nightly-embeddings"},
    )
    uploaded = openai_server.files[remote.input_file_id]
    assert uploaded.content == INPUT and uploaded.purpose == "batch"
    assert uploaded.filename == "nightly.jsonl"
    assert watchdog.get(old).resubmitted_as == new.id
    with pytest.raises(BatchError, match="already resubmitted"):
        watchdog.resubmit(old)
    assert len(openai_server.batches) == 2


def test_resubmit_of_an_unknown_batch_is_refused(watchdogs: Watchdogs) -> None:
    with pytest.raises(UnknownBatchError):
        watchdogs.open().resubmit("batch_nope")


def test_expired_input_is_recorded_once_and_not_retried(
    watchdogs: Watchdogs, openai_server: FakeOpenAI
) -> None:
    batch_id = add_batch(openai_server, "validating")
    openai_server.expire_file(openai_server.batches[batch_id].input_file_id)
    watchdog = watchdogs.open()
    report = watchdog.check()
    assert report.backed_up == ()
    assert len(report.problems) == 1 and "no longer exists" in report.problems[0]
    assert "no longer exists" in (watchdog.get(batch_id).backup_error or "")
    requests = openai_server.count("GET", "/v1/files/")
    assert watchdog.check().problems == ()
    assert openai_server.count("GET", "/v1/files/") == requests
    with pytest.raises(BatchError, match="no longer exists"):
        watchdog.resubmit(batch_id)


def test_transient_download_failure_is_retried_next_run(
    watchdogs: Watchdogs, openai_server: FakeOpenAI
) -> None:
    batch_id = add_batch(openai_server, "finalizing")
    openai_server.fail_status(503, method="GET", path="/v1/files/*/content")
    watchdog = watchdogs.open()
    first = watchdog.check()
    assert first.backed_up == () and "will retry" in first.problems[0]
    assert watchdog.get(batch_id).backup_error is None
    assert watchdog.check().backed_up == (batch_id,)


def test_listing_failures_become_batch_errors_without_sdk_retries(
    watchdogs: Watchdogs, openai_server: FakeOpenAI
) -> None:
    openai_server.fail_status(500, method="GET", path="/v1/batches")
    watchdog = watchdogs.open()
    with pytest.raises(BatchError, match="HTTP 500"):
        watchdog.check()
    assert openai_server.count("GET", "/v1/batches") == 1  # max_retries=0

    watchdogs.key = "sk-wrong"
    with pytest.raises(BatchError, match="HTTP 401"):
        watchdog.check()
    watchdogs.key = None
    with pytest.raises(BatchError, match="no API key"):
        watchdog.check()


def wait_for(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.02)


def test_background_thread_checks_and_stops(
    watchdogs: Watchdogs, openai_server: FakeOpenAI
) -> None:
    seed(openai_server)
    watchdog = watchdogs.open()
    watchdog.start()
    try:
        wait_for(lambda: len(watchdogs.notified) == 2)
    finally:
        watchdog.stop()
    assert not watchdog.running


def test_stuck_rules() -> None:
    now = 1_800_000_000.0
    hour = float(HOUR)
    base = {"completion_window": "24h", "created_at": now - 30 * hour}
    assert stuck_reason({**base, "status": "validating"}, now, hour) == (
        "validating 6 h past its 24h window"
    )
    assert (
        stuck_reason({**base, "status": "in_progress", "created_at": now - 24.5 * hour}, now, hour)
        is None
    )
    assert (
        stuck_reason({**base, "status": "finalizing", "finalizing_at": now - 59 * 60}, now, hour)
        is None
    )
    assert stuck_reason({**base, "status": "cancelling"}, now, hour) is None
    assert stuck_reason({**base, "status": "completed"}, now, hour) is None
    assert window_seconds("24h") == 86400 and window_seconds("soon") is None
    assert [format_duration(s) for s in (59, 3600, 3 * 3600 + 720, 50 * 3600)] == [
        "0 min",
        "1 h",
        "3 h 12 min",
        "2 d 2 h",
    ]


def test_finished_batch_is_backed_up_on_demand_when_resubmitted(
    watchdogs: Watchdogs, openai_server: FakeOpenAI
) -> None:
    failed = add_batch(openai_server, "failed")
    watchdog = watchdogs.open()
    assert watchdog.check().backed_up == ()  # finished: nothing downloaded up front
    new = watchdog.resubmit(failed)
    assert watchdog.get(failed).backup_entry_id is not None
    remote = openai_server.batches[new.id]
    assert openai_server.files[remote.input_file_id].content == INPUT


def test_batches_older_than_thirty_days_are_not_listed(
    watchdogs: Watchdogs, openai_server: FakeOpenAI
) -> None:
    now = int(openai_server.now)
    recent = add_batch(openai_server, "completed", created_at=now - 29 * 86400)
    add_batch(openai_server, "completed", created_at=now - 31 * 86400)
    report = watchdogs.open().check()
    assert [b.id for b in report.batches] == [recent]
