"""The SQLite store: WAL, foreign keys, numbered migrations with a backup copy first."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from desktop_app.core.errors import StoreError
from desktop_app.core.store import migrations
from desktop_app.core.store.db import Database


def test_new_database_is_migrated_wal_and_private(tmp_path: Path) -> None:
    db = Database(tmp_path / "data" / "store.sqlite3")
    conn = db.connection()
    assert migrations.current_version(conn) == len(migrations.available())
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert (db.path.stat().st_mode & 0o777) == 0o600
    db.close()


def test_migrations_are_numbered_without_gaps() -> None:
    versions = [m.version for m in migrations.available()]
    assert versions == list(range(1, len(versions) + 1))


def test_existing_database_is_copied_aside_before_migrating(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    conn = sqlite3.connect(path)
    first = migrations.available()[0]
    for statement in migrations._statements(first.sql):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO blobs (sha256, size, mime_type, stored_at) VALUES (?, 1, 'text/plain', 0)",
        ("a" * 64,),
    )
    conn.commit()
    conn.close()
    db = Database(path)
    backup = tmp_path / "store.sqlite3.bak-v1"
    if len(migrations.available()) > 1:
        assert backup.exists()
        copy = sqlite3.connect(backup)
        assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
        assert copy.execute("SELECT count(*) FROM blobs").fetchone()[0] == 1
        copy.close()
    else:
        assert not backup.exists()  # nothing to migrate, nothing to copy
    assert db.connection().execute("SELECT count(*) FROM blobs").fetchone()[0] == 1
    db.close()


def test_transaction_rolls_back_on_error(tmp_path: Path) -> None:
    db = Database(tmp_path / "store.sqlite3")
    with pytest.raises(RuntimeError), db.transaction() as conn:
        conn.execute(
            "INSERT INTO blobs (sha256, size, mime_type, stored_at) VALUES (?, 1, 'x', 0)",
            ("b" * 64,),
        )
        raise RuntimeError("boom")
    assert db.connection().execute("SELECT count(*) FROM blobs").fetchone()[0] == 0
    db.close()


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    db = Database(tmp_path / "store.sqlite3")
    with pytest.raises(sqlite3.IntegrityError), db.transaction() as conn:
        conn.execute(
            "INSERT INTO entries (sha256, name, source, added_at) VALUES (?, 'x', 'cli', 0)",
            ("c" * 64,),
        )
    db.close()


def test_each_thread_gets_its_own_connection(tmp_path: Path) -> None:
    db = Database(tmp_path / "store.sqlite3")
    seen: list[sqlite3.Connection] = []
    thread = threading.Thread(target=lambda: seen.append(db.connection()), name="t")
    thread.start()
    thread.join()
    assert seen[0] is not db.connection()
    db.close()


def test_a_file_that_is_not_a_database_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open the database"):
        Database(path)
