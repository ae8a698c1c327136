"""The vault on a real temp directory and a real SQLite store: storing, dedupe, verify, forget."""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.errors import SourceError, UnknownEntryError
from desktop_app.core.store.db import Database
from desktop_app.core.vault import Source, Vault, collect_files

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes and FIFOs")


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    db = Database(tmp_path / "store.sqlite3")
    yield Vault(db, tmp_path / "vault")
    db.close()


def _blob_files(vault: Vault) -> list[Path]:
    return sorted(p for p in (vault.root / "blobs").rglob("*") if p.is_file())


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_same_content_under_two_names_is_stored_once(vault: Vault, tmp_path: Path) -> None:
    data = b"quarterly report\n" * 1000
    first = vault.add_file(_write(tmp_path / "in" / "report.txt", data), Source.CLI)
    second = vault.add_file(_write(tmp_path / "in" / "copy of report.txt", data), Source.DROP)

    assert first.sha256 == second.sha256 == hashlib.sha256(data).hexdigest()
    assert first.id != second.id
    assert {e.name for e in vault.entries_for_blob(first.sha256)} == {
        "report.txt",
        "copy of report.txt",
    }
    assert _blob_files(vault) == [vault.blob_path(first.sha256)]
    assert vault.blob_path(first.sha256).read_bytes() == data
    assert vault.total_bytes() == len(data)


def test_entry_records_where_the_document_came_from(vault: Vault, tmp_path: Path) -> None:
    source = _write(tmp_path / "in" / "scan.txt", b"%PDF-1.7\n%binary\n")

    entry = vault.add_file(source, Source.WATCH, name="Scan 2026.pdf")

    assert entry == vault.get(entry.id)
    assert entry.name == "Scan 2026.pdf"
    assert entry.original_path == str(source.absolute())
    assert entry.source is Source.WATCH
    assert entry.size == source.stat().st_size
    assert entry.mime_type == "application/pdf"  # from the content, not the .txt name


def test_entries_are_listed_newest_first(vault: Vault) -> None:
    ids = [vault.add_bytes(f"doc {i}".encode(), f"doc{i}.txt", Source.DROP).id for i in range(3)]

    assert [e.id for e in vault.entries()] == list(reversed(ids))


def test_zero_byte_file_is_backed_up_and_verified(vault: Vault, tmp_path: Path) -> None:
    entry = vault.add_file(_write(tmp_path / "empty.txt", b""), Source.CLI)

    assert entry.size == 0
    assert entry.sha256 == hashlib.sha256(b"").hexdigest()
    assert vault.blob_path(entry.sha256).read_bytes() == b""
    assert vault.verify().ok


def test_large_file_round_trips_across_many_buffers(vault: Vault, tmp_path: Path) -> None:
    data = os.urandom(3 * 1024 * 1024 + 123)  # more than the copy buffer, not a multiple of it

    entry = vault.add_file(_write(tmp_path / "big.bin", data), Source.CLI)

    assert entry.sha256 == hashlib.sha256(data).hexdigest()
    assert vault.blob_path(entry.sha256).read_bytes() == data


@posix_only
def test_vault_directories_are_0700_and_blobs_0600(vault: Vault, tmp_path: Path) -> None:
    entry = vault.add_file(_write(tmp_path / "secret.txt", b"private"), Source.CLI)
    blob = vault.blob_path(entry.sha256)

    for directory in (vault.root, vault.root / "blobs", blob.parent, vault.root / "tmp"):
        assert stat.S_IMODE(directory.stat().st_mode) == 0o700, directory
    assert stat.S_IMODE(blob.stat().st_mode) == 0o600


@posix_only
def test_fifo_is_refused_without_blocking(vault: Vault, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)  # nobody will ever write to it: a blocking open would hang the test

    with pytest.raises(SourceError, match="FIFO"):
        vault.add_file(fifo, Source.CLI)
    assert vault.entries() == []
    assert list((vault.root / "tmp").iterdir()) == []


def test_missing_file_and_directory_are_source_errors(vault: Vault, tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="vanished"):
        vault.add_file(tmp_path / "gone.txt", Source.CLI)
    with pytest.raises(SourceError, match="directory"):
        vault.add_file(tmp_path, Source.CLI)
    assert vault.entries() == []


def test_unknown_entry_ids_are_reported(vault: Vault, tmp_path: Path) -> None:
    with pytest.raises(UnknownEntryError, match="42"):
        vault.get(42)
    with pytest.raises(UnknownEntryError):
        vault.forget(42)
    with pytest.raises(UnknownEntryError):
        vault.restore(42, tmp_path / "out")


def test_verify_reports_a_flipped_byte_and_a_missing_blob(vault: Vault) -> None:
    damaged = vault.add_bytes(b"A" * 5000, "damaged.txt", Source.CLI)
    lost = vault.add_bytes(b"B" * 5000, "lost.txt", Source.CLI)
    intact = vault.add_bytes(b"C" * 5000, "intact.txt", Source.CLI)
    blob = vault.blob_path(damaged.sha256)
    raw = bytearray(blob.read_bytes())
    raw[2500] ^= 0x01
    blob.write_bytes(bytes(raw))
    vault.blob_path(lost.sha256).unlink()
    seen: list[tuple[int, int]] = []

    report = vault.verify(progress=lambda done, total: seen.append((done, total)))

    assert not report.ok
    assert report.checked == 3
    assert report.corrupt == [damaged.sha256]
    assert report.missing == [lost.sha256]
    assert intact.sha256 not in report.corrupt + report.missing
    assert seen[-1] == (3, 3)


def test_backing_up_again_heals_a_lost_blob(vault: Vault) -> None:
    entry = vault.add_bytes(b"precious", "precious.txt", Source.CLI)
    vault.blob_path(entry.sha256).unlink()
    assert vault.verify().missing == [entry.sha256]

    vault.add_bytes(b"precious", "precious again.txt", Source.DROP)

    assert vault.verify().ok
    assert vault.blob_path(entry.sha256).read_bytes() == b"precious"


def test_forget_removes_the_blob_with_its_last_entry(vault: Vault) -> None:
    first = vault.add_bytes(b"shared", "one.txt", Source.CLI)
    second = vault.add_bytes(b"shared", "two.txt", Source.CLI)
    blob = vault.blob_path(first.sha256)

    vault.forget(first.id)
    assert blob.exists()
    assert [e.id for e in vault.entries()] == [second.id]

    vault.forget(second.id)
    assert not blob.exists()
    assert vault.entries() == []
    assert vault.verify().checked == 0
    assert list((vault.root / "trash").iterdir()) == []


@pytest.mark.skipif(sys.platform != "linux", reason="Linux file names are arbitrary bytes")
def test_undecodable_file_name_is_stored_and_restorable(vault: Vault, tmp_path: Path) -> None:
    odd = tmp_path / os.fsdecode(b"caf\xe9 menu.txt")  # latin-1 name on a UTF-8 system
    odd.write_bytes(b"soup")

    entry = vault.add_file(odd, Source.CLI)
    restored = vault.restore(entry.id, tmp_path / "out")

    assert entry.name == "caf\ufffd menu.txt"
    assert restored.read_bytes() == b"soup"


def test_collect_files_expands_folders_only_when_recursive(tmp_path: Path) -> None:
    top = _write(tmp_path / "docs" / "a.txt", b"a")
    nested = _write(tmp_path / "docs" / "sub" / "b.txt", b"b")

    files, skipped = collect_files([tmp_path / "docs"], recursive=False)
    assert files == []
    assert [str(s) for s in skipped] == [f"{tmp_path / 'docs'}: is a directory (use --recursive)"]

    files, skipped = collect_files([tmp_path / "docs"], recursive=True)
    assert files == [top, nested]
    assert skipped == []


@posix_only
def test_collect_files_reports_special_files_and_survives_link_loops(tmp_path: Path) -> None:
    root = tmp_path / "tree"
    doc = _write(root / "doc.txt", b"doc")
    os.mkfifo(root / "pipe")
    (root / "loop").symlink_to(root)  # points back up the tree
    (root / "dangling").symlink_to(root / "nowhere")
    (root / "alias.txt").symlink_to(doc)  # the same file again: listed once

    files, skipped = collect_files([root, tmp_path / "vanished.txt"], recursive=True)

    assert files == [root / "alias.txt"]
    reasons = {s.path.name: s.reason for s in skipped}
    assert reasons == {
        "dangling": "broken symbolic link",
        "loop": "symbolic link loop; not followed",
        "pipe": "is a FIFO (named pipe), not a regular file",
        "vanished.txt": "does not exist (vanished?)",
    }


@posix_only
def test_opening_a_vault_tightens_widened_directory_modes(tmp_path: Path) -> None:
    db = Database(tmp_path / "store.sqlite3")
    try:
        vault = Vault(db, tmp_path / "vault")
        vault.root.chmod(0o755)
        (vault.root / "blobs").chmod(0o777)

        Vault(db, tmp_path / "vault")

        assert stat.S_IMODE(vault.root.stat().st_mode) == 0o700
        assert stat.S_IMODE((vault.root / "blobs").stat().st_mode) == 0o700
    finally:
        db.close()
