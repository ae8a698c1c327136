"""Bursts: every file backed up exactly once, with the pending map staying within its bound."""

from __future__ import annotations

import dataclasses
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.watching import FAST, LIVE_OBSERVER, Recorder, wait_until, watched_entries, watching

from desktop_app.core.service import Service
from desktop_app.core.watch.watcher import Watcher, WatchEvent, WatchEventKind
from desktop_app.paths import AppPaths
from desktop_app.settings import WatchedFolder

pytestmark = LIVE_OBSERVER


@pytest.fixture
def ram_dir(tmp_path: Path) -> Iterator[Path]:
    """A folder on a RAM file system when there is one (else ``tmp_path``).

    The vault fsyncs every backup; on a busy shared disk that alone can take minutes for 10,000
    files. These tests are about losing nothing and staying bounded, not about disk speed.
    """
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        yield tmp_path
        return
    folder = Path(tempfile.mkdtemp(prefix="ag-watch-", dir=shm))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def service(ram_dir: Path) -> Iterator[Service]:
    svc = Service(AppPaths.under(ram_dir / "home"))
    yield svc
    svc.close()


class PendingHighWater(Recorder):
    """Also records the largest pending-map size seen at each event (bounded memory check)."""

    def __init__(self) -> None:
        super().__init__()
        self.watcher: Watcher | None = None
        self.high = 0
        self._high_lock = threading.Lock()

    def __call__(self, event: WatchEvent) -> None:
        super().__call__(event)
        if self.watcher is not None:
            with self._high_lock:
                self.high = max(self.high, len(self.watcher.pending))


def _burst(service: Service, inbox: Path, count: int, capacity: int) -> PendingHighWater:
    rec = PendingHighWater()
    options = dataclasses.replace(FAST, capacity=capacity)
    with watching(service, [WatchedFolder(str(inbox))], rec, options) as watcher:
        rec.watcher = watcher
        for i in range(count):
            (inbox / f"doc-{i:05d}.txt").write_bytes(b"document %d\n" % i)
        wait_until(
            lambda: len(rec.of(WatchEventKind.BACKED_UP)) >= count,
            f"{count} backups",
            timeout=100,
        )
        wait_until(lambda: len(watcher.pending) == 0, "nothing left pending")
    return rec


def test_ten_thousand_files_in_a_burst_are_each_backed_up_exactly_once(
    service: Service, ram_dir: Path
) -> None:
    inbox = ram_dir / "inbox"
    inbox.mkdir()
    rec = _burst(service, inbox, 10_000, capacity=2048)
    names = [e.name for e in watched_entries(service)]
    assert len(names) == 10_000
    assert set(names) == {f"doc-{i:05d}.txt" for i in range(10_000)}
    assert rec.high <= 2048
    assert rec.of(WatchEventKind.PROBLEM) == []


def test_a_tiny_pending_bound_loses_nothing(service: Service, ram_dir: Path) -> None:
    # Far more files than the bound: most events are refused and found again by rescans.
    inbox = ram_dir / "inbox"
    inbox.mkdir()
    rec = _burst(service, inbox, 1_500, capacity=32)
    names = [e.name for e in watched_entries(service)]
    assert sorted(names) == [f"doc-{i:05d}.txt" for i in range(1_500)]
    assert rec.high <= 32
