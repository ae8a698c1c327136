"""Helpers for the watched-folder tests: a real service, a real observer, and polling waits."""

from __future__ import annotations

import hashlib
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from desktop_app.core.service import Service
from desktop_app.core.vault import Entry, Source
from desktop_app.core.watch.watcher import Watcher, WatcherOptions, WatchEvent, WatchEventKind
from desktop_app.settings import WatchedFolder

#: watchdog warns (by design, see ``InotifyFD.add_callback``) when a recursive watch re-adds a
#: subfolder it already watches, e.g. after ``mkdir -p a/b``. The warning is raised on watchdog's
#: own thread, where the suite's ``filterwarnings = error`` would kill the observer; it is
#: harmless, so tests with a live observer ignore exactly that warning.
LIVE_OBSERVER = pytest.mark.filterwarnings("ignore:Callback with id:RuntimeWarning")

#: Generous: the machine running the tests may be slow and busy.
DEADLINE = 60.0

#: Fast settings for tests; the real defaults are seconds, not fractions.
FAST = WatcherOptions(settle_seconds=0.2, poll_seconds=0.1, give_up_seconds=60.0)


class Recorder:
    """Collects watcher events (they arrive on watcher threads)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._events: list[WatchEvent] = []

    def __call__(self, event: WatchEvent) -> None:
        with self._lock:
            self._events.append(event)

    def of(self, kind: WatchEventKind, path: Path | None = None) -> list[WatchEvent]:
        with self._lock:
            return [e for e in self._events if e.kind is kind and (path is None or e.path == path)]


def permissions_ignored() -> bool:
    """True when this process reads files whatever their mode (root, or Windows)."""
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / "probe"
        probe.write_bytes(b"x")
        probe.chmod(0)
        try:
            probe.read_bytes()
        except PermissionError:
            return False
        finally:
            probe.chmod(0o600)
        return True


def wait_until(condition: Callable[[], object], what: str, timeout: float = DEADLINE) -> None:
    """Poll ``condition`` until it is true; fail with ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


def watched_entries(service: Service) -> list[Entry]:
    return [e for e in service.vault.entries() if e.source is Source.WATCH]


def blob_bytes(service: Service, entry: Entry) -> bytes:
    return service.vault.blob_path(entry.sha256).read_bytes()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@contextmanager
def watching(
    service: Service,
    folders: list[WatchedFolder],
    recorder: Recorder | None = None,
    options: WatcherOptions = FAST,
) -> Iterator[Watcher]:
    """A started watcher for ``folders``, stopped on exit."""
    watcher = service.watcher(folders, on_event=recorder, options=options)
    watcher.start()
    try:
        yield watcher
    finally:
        watcher.stop()
