"""Helpers for upload-engine tests: a real store, vault and UploadManager against the fake server.

Backoff is shrunk to milliseconds through the same settings users have, so tests never sleep for
it; they poll job state with a deadline instead.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core.store.db import Database
from desktop_app.core.uploads import UploadManager
from desktop_app.core.uploads.clock import SYSTEM_CLOCK, Clock
from desktop_app.core.uploads.runner import UploadLimits
from desktop_app.core.vault import Entry, Source, Vault
from desktop_app.settings import UploadSettings

if TYPE_CHECKING:
    from support.openai_server import FakeOpenAI


def fast_settings(**overrides: object) -> UploadSettings:
    settings = UploadSettings(
        concurrency=2, max_attempts=8, backoff_base=0.01, backoff_cap=0.05, breaker_threshold=50
    )
    for key, value in overrides.items():
        setattr(settings, key, value)
    return settings


@dataclass
class Rig:
    """One data root: database, vault, manager; ``docs`` writes and backs up documents."""

    root: Path
    server: FakeOpenAI
    db: Database
    vault: Vault
    manager: UploadManager
    key: list[str | None] = field(default_factory=list)

    def doc(self, name: str, content: bytes | None = None, size: int = 2000) -> Entry:
        data = (
            content
            if content is not None
            else hashlib.sha256(name.encode()).digest() * (size // 32 + 1)
        )
        data = data if content is not None else data[:size]
        src = self.root / "originals" / name
        src.parent.mkdir(parents=True, exist_ok=True)
        src.write_bytes(data)
        return self.vault.add_file(src, Source.CLI)

    def enqueue(self, *names: str, **kwargs: object) -> list[int]:
        entries = [self.doc(n) for n in names]
        return self.manager.enqueue([e.id for e in entries], **kwargs)  # type: ignore[arg-type]

    def remote_names(self) -> list[str]:
        return sorted(f.filename for f in self.server.files.values())


@contextmanager
def rig(
    root: Path,
    server: FakeOpenAI,
    settings: UploadSettings | None = None,
    limits: UploadLimits | None = None,
    key: str | None = "server",
    lease_seconds: float = 60.0,
    request_timeout: float | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> Iterator[Rig]:
    root.mkdir(parents=True, exist_ok=True)
    db = Database(root / "store.sqlite3")
    vault = Vault(db, root / "vault")
    holder: list[str | None] = [server.api_key if key == "server" else key]
    manager = UploadManager(
        db,
        vault,
        settings or fast_settings(),
        credentials=lambda: holder[0],
        base_url=server.base_url,
        limits=limits,
        lease_seconds=lease_seconds,
        request_timeout=request_timeout,
        clock=clock,
    )
    try:
        yield Rig(root, server, db, vault, manager, holder)
    finally:
        manager.stop(timeout=10)
        db.close()


def wait_for(condition: Callable[[], object], timeout: float = 60.0, what: str = "") -> None:
    """Poll ``condition`` until true; fail with ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or condition}")
        time.sleep(0.02)
