"""Interrupted and failed writes leave no partial blob and no dangling row.

A crash is a real SIGKILL of a child process at the moment between writing the temp file and
renaming it into place; a full disk is a real 1 MiB tmpfs when the machine allows mounting one,
and an injected ENOSPC from the vault's write seam otherwise (both run where possible).
"""

from __future__ import annotations

import errno
import hashlib
import os
import signal
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.small_disk import mounted_tmpfs

from desktop_app.core.errors import DiskFullError, VaultError
from desktop_app.core.fsutil import FileOps
from desktop_app.core.store.db import Database
from desktop_app.core.vault import Source, Vault, reindex

CRASH_BEFORE_RENAME = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from desktop_app.core.store.db import Database
    from desktop_app.core.fsutil import FileOps
    from desktop_app.core.vault import Source, Vault

    def crash(src: str, dst: str) -> None:
        os.kill(os.getpid(), signal.SIGKILL)  # the power goes out right before the rename

    db_path, root, document = map(Path, sys.argv[1:4])
    vault = Vault(Database(db_path), root, ops=FileOps(replace=crash))
    vault.add_file(document, Source.CLI)
    """
)


CRASH_AFTER_RENAME = CRASH_BEFORE_RENAME.replace(
    "os.kill(os.getpid(), signal.SIGKILL)  # the power goes out right before the rename",
    "os.replace(src, dst); os.kill(os.getpid(), signal.SIGKILL)  # ... right after it",
)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(tmp_path / "store.sqlite3")
    yield database
    database.close()


def _files_under(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*") if p.is_file())


def _assert_nothing_stored(vault: Vault) -> None:
    assert vault.entries() == []
    assert vault.db.connection().execute("SELECT COUNT(*) FROM blobs").fetchone()[0] == 0
    assert _files_under(vault.root / "blobs") == []
    assert _files_under(vault.root / "tmp") == []


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_crash_between_write_and_rename_leaves_no_blob_and_no_row(tmp_path: Path) -> None:
    document = tmp_path / "contract.pdf"
    document.write_bytes(b"%PDF-1.4\n" + os.urandom(300_000))
    db_path, root = tmp_path / "store.sqlite3", tmp_path / "vault"

    child = subprocess.run(
        [sys.executable, "-c", CRASH_BEFORE_RENAME, str(db_path), str(root), str(document)],
        capture_output=True,
        timeout=60,
    )

    assert child.returncode == -signal.SIGKILL, child.stderr.decode()
    leftovers = _files_under(root / "tmp")
    assert len(leftovers) == 1  # the complete temp copy the crash interrupted
    assert _files_under(root / "blobs") == []
    database = Database(db_path)
    try:
        vault = Vault(database, root)  # opening again removes the dead writer's temp file
        _assert_nothing_stored(vault)
        entry = vault.add_file(document, Source.CLI)
        assert vault.blob_path(entry.sha256).read_bytes() == document.read_bytes()
        assert vault.verify().ok
    finally:
        database.close()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_crash_after_rename_before_commit_leaves_no_row_and_verify_keeps_the_blob(
    tmp_path: Path,
) -> None:
    document = tmp_path / "contract.pdf"
    document.write_bytes(b"%PDF-1.4\n" + os.urandom(100_000))
    db_path, root = tmp_path / "store.sqlite3", tmp_path / "vault"

    child = subprocess.run(
        [sys.executable, "-c", CRASH_AFTER_RENAME, str(db_path), str(root), str(document)],
        capture_output=True,
        timeout=60,
    )

    assert child.returncode == -signal.SIGKILL, child.stderr.decode()
    assert len(_files_under(root / "blobs")) == 1  # complete, but the commit never happened
    database = Database(db_path)
    try:
        vault = Vault(database, root)
        assert vault.entries() == []
        report = vault.verify()
        # The copy is complete; the database just never heard of it. It is never deleted for
        # that: verify reports it, and reindex lists it again, named by its SHA-256.
        sha = hashlib.sha256(document.read_bytes()).hexdigest()
        assert report.unindexed == [sha]
        assert not report.ok
        assert _files_under(root / "blobs") == [vault.blob_path(sha)]
        reindex(vault)
        assert [e.name for e in vault.entries()] == [f"{sha}.pdf"]
        assert vault.verify().ok
    finally:
        database.close()


def test_failed_rename_removes_the_temp_file(db: Database, tmp_path: Path) -> None:
    def broken_rename(src: str, dst: str) -> None:
        raise OSError(errno.EIO, "Input/output error")

    vault = Vault(db, tmp_path / "vault", ops=FileOps(replace=broken_rename))
    document = tmp_path / "notes.txt"
    document.write_text("notes")

    with pytest.raises(VaultError, match="Input/output error"):
        vault.add_file(document, Source.CLI)
    _assert_nothing_stored(vault)


def test_database_failure_after_rename_removes_the_new_blob(db: Database, tmp_path: Path) -> None:
    vault = Vault(db, tmp_path / "vault")
    with db.transaction() as conn:
        conn.execute(
            "CREATE TEMP TRIGGER refuse BEFORE INSERT ON entries"
            " BEGIN SELECT RAISE(ABORT, 'database refused the row'); END"
        )

    with pytest.raises(VaultError, match="database refused the row"):
        vault.add_bytes(b"an important letter", "letter.txt", Source.DROP)
    _assert_nothing_stored(vault)


def test_injected_enospc_removes_the_partial_copy(db: Database, tmp_path: Path) -> None:
    written: list[int] = []

    def fills_up(fd: int, data: memoryview) -> int:
        if written:
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(os.write(fd, data))
        return written[-1]

    vault = Vault(db, tmp_path / "vault", ops=FileOps(write=fills_up))
    document = tmp_path / "big.bin"
    document.write_bytes(os.urandom(3 * 1024 * 1024))

    with pytest.raises(DiskFullError):
        vault.add_file(document, Source.CLI)
    assert written  # the first megabyte did reach the disk before it "filled up"
    _assert_nothing_stored(vault)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    with mounted_tmpfs(tmp_path / "small-disk") as mount_point:
        yield mount_point


def test_real_full_disk_leaves_nothing_behind(
    db: Database, tmp_path: Path, small_disk: Path
) -> None:
    vault = Vault(db, small_disk / "vault")
    too_big = tmp_path / "video.bin"
    too_big.write_bytes(os.urandom(2 * 1024 * 1024))
    fits = tmp_path / "memo.txt"
    fits.write_bytes(b"short memo")

    with pytest.raises(DiskFullError):
        vault.add_file(too_big, Source.CLI)
    _assert_nothing_stored(vault)

    # The space of the failed copy was given back: a small document still goes in.
    entry = vault.add_file(fits, Source.CLI)
    assert vault.blob_path(entry.sha256).read_bytes() == b"short memo"


def test_concurrent_adds_of_the_same_content_share_one_blob(db: Database, tmp_path: Path) -> None:
    vault = Vault(db, tmp_path / "vault")
    data = os.urandom(200_000)
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def add(i: int) -> None:
        try:
            start.wait()
            vault.add_bytes(data, f"copy {i}.bin", Source.DROP)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=add, args=(i,), name=f"adder-{i}") for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert len(vault.entries()) == 4
    assert len(_files_under(vault.root / "blobs")) == 1
    assert vault.verify().ok
