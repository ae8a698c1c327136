"""Backing up many files at once (Vault.add_files): order, errors, dedupe, full disk, stop."""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.small_disk import mounted_tmpfs

from desktop_app.core.errors import DiskFullError, SourceError
from desktop_app.core.store.db import Database
from desktop_app.core.vault import Entry, Source, Vault


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(tmp_path / "store.sqlite3")
    yield database
    database.close()


def _temp_files(vault: Vault) -> list[Path]:
    return list((vault.root / "tmp").iterdir())


def test_results_come_in_input_order_with_errors_in_place(db: Database, tmp_path: Path) -> None:
    vault = Vault(db, tmp_path / "vault")
    src = tmp_path / "src"
    src.mkdir()
    paths: list[Path] = []
    for i in range(30):
        path = src / f"doc{i:02d}.txt"
        path.write_bytes(f"document {i % 10}\n".encode() * (i + 1) * 100)  # some repeat content
        paths.append(path)
    paths.insert(7, src / "missing.txt")
    paths.insert(20, src)  # a directory

    results = list(vault.add_files(paths, Source.CLI, workers=4))

    assert [path for path, _ in results] == paths
    for path, result in results:
        if path.name == "missing.txt" or path == src:
            assert isinstance(result, SourceError)
        else:
            assert isinstance(result, Entry)
            assert result.name == path.name
            assert result.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
            assert vault.blob_path(result.sha256).read_bytes() == path.read_bytes()
    assert len(vault.entries()) == 30
    assert vault.verify().ok
    assert _temp_files(vault) == []


def test_identical_files_in_one_batch_share_one_blob(db: Database, tmp_path: Path) -> None:
    vault = Vault(db, tmp_path / "vault")
    paths = []
    for i in range(8):
        path = tmp_path / f"copy{i}.pdf"
        path.write_bytes(b"%PDF-1.4 same content")
        paths.append(path)

    results = list(vault.add_files(paths, Source.DROP, workers=4))

    shas = {result.sha256 for _, result in results if isinstance(result, Entry)}
    assert len(shas) == 1
    assert len(vault.entries_for_blob(shas.pop())) == 8
    assert len([p for p in (vault.root / "blobs").rglob("*") if p.is_file()]) == 1
    assert vault.verify().checked == 1


def test_stopping_early_leaves_no_temp_files(db: Database, tmp_path: Path) -> None:
    vault = Vault(db, tmp_path / "vault")
    paths = []
    for i in range(20):
        path = tmp_path / f"f{i}.bin"
        path.write_bytes(os.urandom(50_000))
        paths.append(path)

    results = vault.add_files(paths, Source.CLI, workers=4)
    first_path, first = next(results)
    results.close()  # e.g. the user pressed Ctrl+C

    assert first_path == paths[0]
    assert isinstance(first, Entry)
    assert _temp_files(vault) == []
    assert vault.verify().ok
    assert {e.name for e in vault.entries()} >= {"f0.bin"}


@pytest.mark.skipif(sys.platform != "linux", reason="tmpfs")
def test_full_disk_stops_the_run_and_keeps_what_fit(db: Database, tmp_path: Path) -> None:
    small = [tmp_path / f"memo{i}.txt" for i in range(3)]
    for i, path in enumerate(small):
        path.write_text(f"memo {i}")
    big = tmp_path / "video.bin"
    big.write_bytes(os.urandom(3 * 1024 * 1024))
    later = [tmp_path / f"later{i}.txt" for i in range(20)]
    for path in later:
        path.write_text(path.name)

    with mounted_tmpfs(tmp_path / "small-disk", size="2m") as disk:
        vault = Vault(db, disk / "vault")
        results = dict(vault.add_files([*small, big, *later], Source.CLI, workers=2))

        assert isinstance(results[big], DiskFullError)
        assert all(isinstance(results[path], Entry) for path in small)
        assert len(results) < len(small) + 1 + len(later)  # the rest was never started
        assert _temp_files(vault) == []
        stored = {e.name for e in vault.entries()}
        assert stored == {p.name for p, r in results.items() if isinstance(r, Entry)}
        assert vault.verify().ok
