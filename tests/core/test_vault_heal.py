"""A damaged stored copy is healed by backing the document up again."""

from __future__ import annotations

from pathlib import Path

from desktop_app.core.store.db import Database
from desktop_app.core.vault import Source, Vault


def test_backing_up_again_replaces_a_corrupt_blob(tmp_path: Path) -> None:
    db = Database(tmp_path / "store.sqlite3")
    vault = Vault(db, tmp_path / "vault")
    original = tmp_path / "report.txt"
    original.write_bytes(b"quarterly numbers, all correct\n" * 100)
    first = vault.add_file(original, Source.CLI)
    blob = vault.blob_path(first.sha256)
    damaged = bytearray(blob.read_bytes())
    damaged[10] ^= 0xFF
    blob.chmod(0o600)
    blob.write_bytes(bytes(damaged))
    assert vault.verify().corrupt == [first.sha256]

    second = vault.add_file(original, Source.CLI)

    assert second.sha256 == first.sha256
    assert vault.verify().ok
    restored = vault.restore(first.id, tmp_path / "out")
    assert restored.read_bytes() == original.read_bytes()
    assert blob.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in (tmp_path / "vault" / "tmp").iterdir()) == []
    db.close()


def test_backing_up_again_restores_a_missing_blob(tmp_path: Path) -> None:
    db = Database(tmp_path / "store.sqlite3")
    vault = Vault(db, tmp_path / "vault")
    original = tmp_path / "notes.md"
    original.write_text("# notes\n", encoding="utf-8")
    entry = vault.add_file(original, Source.CLI)
    vault.blob_path(entry.sha256).unlink()
    assert vault.verify().missing == [entry.sha256]
    vault.add_file(original, Source.CLI)
    assert vault.verify().ok
    db.close()
