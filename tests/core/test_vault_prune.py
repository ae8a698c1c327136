"""Retention: age and total-size limits, oldest first, never evicting protected documents."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.store.db import Database
from desktop_app.core.vault import Entry, RetentionPolicy, Source, Vault

DAY = 86_400.0
NOW = time.time()


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    db = Database(tmp_path / "store.sqlite3")
    yield Vault(db, tmp_path / "vault")
    db.close()


def _backed_up(vault: Vault, data: bytes, name: str, days_ago: float) -> Entry:
    """An entry as if it had been backed up ``days_ago`` days before NOW."""
    entry = vault.add_bytes(data, name, Source.CLI)
    with vault.db.transaction() as conn:
        conn.execute(
            "UPDATE entries SET added_at = ? WHERE id = ?", (NOW - days_ago * DAY, entry.id)
        )
    return vault.get(entry.id)


def test_no_limits_removes_nothing(vault: Vault) -> None:
    _backed_up(vault, b"x" * 100, "old.txt", days_ago=3650)

    report = vault.prune(RetentionPolicy(), now=NOW)

    assert (report.removed_entries, report.freed_bytes) == (0, 0)
    assert len(vault.entries()) == 1


def test_entries_older_than_max_age_are_removed(vault: Vault) -> None:
    old = _backed_up(vault, b"o" * 100, "old.txt", days_ago=40)
    recent = _backed_up(vault, b"r" * 100, "recent.txt", days_ago=5)

    report = vault.prune(RetentionPolicy(max_age_days=30), now=NOW)

    assert report.removed_entries == 1
    assert report.freed_bytes == 100
    assert [e.id for e in vault.entries()] == [recent.id]
    assert not vault.blob_path(old.sha256).exists()
    assert vault.verify().ok


def test_old_name_of_a_recent_document_keeps_the_blob(vault: Vault) -> None:
    old = _backed_up(vault, b"same" * 50, "v1.txt", days_ago=40)
    recent = _backed_up(vault, b"same" * 50, "v1 again.txt", days_ago=1)

    report = vault.prune(RetentionPolicy(max_age_days=30), now=NOW)

    assert (report.removed_entries, report.freed_bytes) == (1, 0)
    assert [e.id for e in vault.entries()] == [recent.id]
    assert vault.blob_path(old.sha256).exists()


def test_size_limit_evicts_least_recently_added_first(vault: Vault) -> None:
    oldest = _backed_up(vault, b"a" * 1000, "a.txt", days_ago=30)
    middle = _backed_up(vault, b"b" * 1000, "b.txt", days_ago=20)
    newest = _backed_up(vault, b"c" * 1000, "c.txt", days_ago=10)

    report = vault.prune(RetentionPolicy(max_total_bytes=2500), now=NOW)

    assert (report.removed_entries, report.freed_bytes) == (1, 1000)
    assert {e.id for e in vault.entries()} == {middle.id, newest.id}
    assert not vault.blob_path(oldest.sha256).exists()
    assert vault.total_bytes() == 2000


def test_size_limit_counts_a_blob_as_recent_when_it_was_backed_up_again(vault: Vault) -> None:
    reused = _backed_up(vault, b"a" * 1000, "a.txt", days_ago=30)
    _backed_up(vault, b"a" * 1000, "a again.txt", days_ago=1)
    stale = _backed_up(vault, b"b" * 1000, "b.txt", days_ago=20)

    vault.prune(RetentionPolicy(max_total_bytes=1000), now=NOW)

    assert {e.sha256 for e in vault.entries()} == {reused.sha256}
    assert not vault.blob_path(stale.sha256).exists()


def test_protected_documents_are_never_evicted(vault: Vault) -> None:
    pending = _backed_up(vault, b"p" * 1000, "pending upload.pdf", days_ago=400)
    old = _backed_up(vault, b"o" * 1000, "old.txt", days_ago=300)
    newer = _backed_up(vault, b"n" * 1000, "newer.txt", days_ago=2)

    report = vault.prune(
        RetentionPolicy(max_age_days=30, max_total_bytes=0),
        protected={pending.sha256},
        now=NOW,
    )

    assert report.removed_entries == 2
    assert report.freed_bytes == 2000
    assert [e.id for e in vault.entries()] == [pending.id]
    assert vault.blob_path(pending.sha256).read_bytes() == b"p" * 1000
    assert not vault.blob_path(old.sha256).exists()
    assert not vault.blob_path(newer.sha256).exists()
