"""Restoring copies bytes out exactly, under a safe name, inside the chosen folder, never over."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.small_disk import mounted_tmpfs

from desktop_app.core.errors import DiskFullError, VaultError
from desktop_app.core.store.db import Database
from desktop_app.core.vault import Source, Vault
from desktop_app.core.vault.restore import safe_filename


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    db = Database(tmp_path / "store.sqlite3")
    yield Vault(db, tmp_path / "vault")
    db.close()


def _user_files(root: Path) -> set[Path]:
    """Everything under ``root`` except the vault's own store and blobs."""
    return {
        p
        for p in root.rglob("*")
        if not p.name.startswith("store.sqlite3") and "vault" not in p.relative_to(root).parts
    }


def test_restore_round_trips_the_bytes_exactly(vault: Vault, tmp_path: Path) -> None:
    data = os.urandom(2 * 1024 * 1024 + 7)
    entry = vault.add_bytes(data, "measurements.bin", Source.DROP)

    restored = vault.restore(entry.id, tmp_path / "out")

    assert restored == tmp_path / "out" / "measurements.bin"
    assert restored.read_bytes() == data
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["measurements.bin"]  # no temp left


def test_restore_never_overwrites_an_existing_file(vault: Vault, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.pdf").write_bytes(b"the user's own newer report")
    entry = vault.add_bytes(b"%PDF-1.4 vault copy", "report.pdf", Source.CLI)

    first = vault.restore(entry.id, out)
    second = vault.restore(entry.id, out)

    assert (out / "report.pdf").read_bytes() == b"the user's own newer report"
    assert first == out / "report (1).pdf"
    assert second == out / "report (2).pdf"
    assert first.read_bytes() == second.read_bytes() == b"%PDF-1.4 vault copy"


@pytest.mark.parametrize(
    ("stored_name", "expected"),
    [
        ("../../etc/x", "x"),
        ("/etc/passwd", "passwd"),
        ("..\\..\\Windows\\system.ini", "system.ini"),
        ("C:\\Users\\me\\evil.txt", "evil.txt"),
        ("nul\x00byte.txt", "nul_byte.txt"),
        ("two\nlines\r.txt", "two_lines_.txt"),
        ("tab\tand\x1bescape.txt", "tab_and_escape.txt"),
        ("invoice\u202efdp.exe", "invoice_fdp.exe"),  # right-to-left override spoofing
        ("..", "restored-file"),
        ("", "unnamed"),  # stored under a placeholder name
        ("what?.txt", "what_.txt"),
        ("CON.txt", "_CON.txt"),
        ("trailing dots...", "trailing dots"),
    ],
)
def test_hostile_names_are_restored_inside_the_folder(
    vault: Vault, tmp_path: Path, stored_name: str, expected: str
) -> None:
    out = tmp_path / "nest" / "out"
    entry = vault.add_bytes(b"payload", stored_name, Source.DROP)

    restored = vault.restore(entry.id, out)

    assert restored.parent == out
    assert restored.name == expected
    assert restored.read_bytes() == b"payload"
    assert _user_files(tmp_path) == {tmp_path / "nest", out, restored}


def test_unicode_name_is_kept(vault: Vault, tmp_path: Path) -> None:
    name = "Übersicht - 報告書 📄.pdf"
    entry = vault.add_bytes(b"%PDF-1.4", name, Source.DROP)

    restored = vault.restore(entry.id, tmp_path / "out")

    assert restored.name == name
    assert entry.name == name


def test_very_long_name_is_shortened_to_fit_and_keeps_its_extension(
    vault: Vault, tmp_path: Path
) -> None:
    name = "é" * 300 + ".docx"  # 605 bytes of UTF-8: more than any file system allows
    entry = vault.add_bytes(b"PK\x05\x06" + bytes(18), name, Source.DROP)

    first = vault.restore(entry.id, tmp_path / "out")
    second = vault.restore(entry.id, tmp_path / "out")

    for restored in (first, second):
        assert len(restored.name.encode("utf-8")) <= 255
        assert restored.suffix == ".docx"
        assert restored.name.startswith("éééé")
    assert first != second
    assert second.name.endswith(" (1).docx")


def test_restoring_a_corrupt_blob_fails_and_leaves_no_file(vault: Vault, tmp_path: Path) -> None:
    entry = vault.add_bytes(b"original text", "letter.txt", Source.CLI)
    vault.blob_path(entry.sha256).write_bytes(b"0riginal text")
    out = tmp_path / "out"

    with pytest.raises(VaultError, match="corrupt"):
        vault.restore(entry.id, out)
    assert list(out.iterdir()) == []


def test_restoring_a_missing_blob_says_so(vault: Vault, tmp_path: Path) -> None:
    entry = vault.add_bytes(b"original text", "letter.txt", Source.CLI)
    vault.blob_path(entry.sha256).unlink()

    with pytest.raises(VaultError, match="missing"):
        vault.restore(entry.id, tmp_path / "out")


@pytest.mark.skipif(sys.platform == "win32", reason="umask")
def test_restored_copy_is_a_normal_user_file(vault: Vault, tmp_path: Path) -> None:
    entry = vault.add_bytes(b"data", "data.txt", Source.CLI)
    old_umask = os.umask(0o022)
    try:
        restored = vault.restore(entry.id, tmp_path / "out")
    finally:
        os.umask(old_umask)

    assert restored.stat().st_mode & 0o777 == 0o644


def test_safe_filename_limit_counts_bytes_not_characters() -> None:
    name = safe_filename("文" * 200 + ".txt", max_bytes=100)

    assert len(name.encode("utf-8")) <= 100
    assert name.endswith(".txt")
    assert set(name.removesuffix(".txt")) == {"文"}


def test_restore_onto_a_full_disk_leaves_no_partial_file(vault: Vault, tmp_path: Path) -> None:
    entry = vault.add_bytes(os.urandom(2 * 1024 * 1024), "archive.bin", Source.CLI)

    with mounted_tmpfs(tmp_path / "usb-stick") as stick:
        with pytest.raises(DiskFullError, match="usb-stick"):
            vault.restore(entry.id, stick)
        assert list(stick.iterdir()) == []


def test_restore_into_a_path_that_is_a_file_is_a_clear_error(vault: Vault, tmp_path: Path) -> None:
    entry = vault.add_bytes(b"data", "data.txt", Source.CLI)
    (tmp_path / "not-a-folder").write_text("x")

    with pytest.raises(VaultError, match="not-a-folder"):
        vault.restore(entry.id, tmp_path / "not-a-folder")
