"""A lost, older or damaged database never costs a backup: the blobs are kept and listed again.

Run as a user would (``python -m desktop_app`` in a subprocess) against real SQLite files: the
database deleted, replaced by an older copy, or with damaged pages.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from support.cli import run

DAMAGED = "is damaged"
WHAT_TO_DO = "attachguard verify --reindex"


def names(home: Path) -> list[str]:
    result = run(home, "list", "--json")
    assert result.returncode == 0, result.stderr
    return sorted(str(e["name"]) for e in json.loads(result.stdout))


def database(home: Path) -> Path:
    return home / "data" / "attachguard.sqlite3"


def blob_files(home: Path) -> list[Path]:
    return sorted(p for p in (home / "data" / "vault" / "blobs").rglob("*") if p.is_file())


def remove_database(home: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database(home)}{suffix}").unlink(missing_ok=True)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    root = tmp_path / "home"
    (root / "config").mkdir(parents=True)
    # The status page is never reached in these tests: a closed loopback port answers at once.
    (root / "config" / "settings.toml").write_text('[status]\nurl = "http://127.0.0.1:9/"\n')
    return root


@pytest.fixture
def docs(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "docs"
    folder.mkdir()
    made = []
    for i, (name, body) in enumerate(
        [("report.pdf", b"%PDF-1.4\nreport\n"), ("notes.txt", b"notes\n"), ("a.png", b"")]
    ):
        path = folder / name
        path.write_bytes(body or b"\x89PNG\r\n\x1a\n" + bytes(range(i, 200)))
        made.append(path)
    return made


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_verify_after_losing_the_database_keeps_every_backup(home: Path, docs: list[Path]) -> None:
    assert run(home, "backup", *docs).returncode == 0
    before = {p: p.read_bytes() for p in blob_files(home)}
    remove_database(home)

    verify = run(home, "verify")

    assert verify.returncode == 1
    assert "all intact" not in verify.stdout
    for doc in docs:
        assert f"unindexed  {sha(doc)}" in verify.stdout
    assert "3 unindexed" in verify.stderr
    assert WHAT_TO_DO in verify.stderr
    assert {p: p.read_bytes() for p in blob_files(home)} == before  # nothing deleted

    reindexed = run(home, "verify", "--reindex")
    assert reindexed.returncode == 0, reindexed.stderr
    assert "listed 3 stored document(s) again" in reindexed.stdout
    assert names(home) == sorted(
        [f"{sha(docs[0])}.pdf", f"{sha(docs[1])}.txt", f"{sha(docs[2])}.png"]
    )
    assert run(home, "verify").returncode == 0

    # Backing the document up again gives its entry its name back (no second entry).
    assert run(home, "backup", docs[0]).returncode == 0
    assert names(home) == sorted(["report.pdf", f"{sha(docs[1])}.txt", f"{sha(docs[2])}.png"])


def test_verify_after_an_older_database_came_back_keeps_the_newer_backups(
    home: Path, docs: list[Path], tmp_path: Path
) -> None:
    assert run(home, "backup", docs[0]).returncode == 0
    old_copy = tmp_path / "old.sqlite3"
    shutil.copyfile(database(home), old_copy)  # e.g. a home-folder restore or a sync conflict
    assert run(home, "backup", docs[1], docs[2]).returncode == 0
    remove_database(home)
    shutil.copyfile(old_copy, database(home))

    verify = run(home, "verify")

    assert verify.returncode == 1
    assert "2 unindexed" in verify.stderr
    assert len(blob_files(home)) == 3
    assert run(home, "verify", "--reindex").returncode == 0
    assert names(home) == sorted(["report.pdf", f"{sha(docs[1])}.txt", f"{sha(docs[2])}.png"])


def damage_tables(path: Path, tables: tuple[str, ...]) -> None:
    """Overwrite the root page of each table with garbage, as a failing disk would."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    roots = [
        conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (t,)).fetchone()[0]
        for t in tables
    ]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    for root in roots:
        start = (root - 1) * page_size
        data[start : start + page_size] = b"\xa5" * page_size
    path.write_bytes(data)


def test_a_damaged_database_gives_one_clear_sentence_from_every_command(
    home: Path, docs: list[Path], tmp_path: Path
) -> None:
    assert run(home, "backup", *docs).returncode == 0
    damage_tables(database(home), ("entries", "blobs", "upload_jobs"))

    for command in (
        ["list"],
        ["list", "--json"],
        ["verify"],
        ["restore", "1", "--to", tmp_path / "out"],
        ["queue"],
        ["queue", "--json"],
        ["status"],
        ["forget", "1"],
        ["backup", docs[0]],
    ):
        result = run(home, *command)
        assert result.returncode == 1, (command, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr, command
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, (command, result.stderr)
        assert DAMAGED in lines[0] and WHAT_TO_DO in lines[0], (command, lines[0])
    assert len(blob_files(home)) == 3

    reindexed = run(home, "verify", "--reindex")

    assert reindexed.returncode == 0, reindexed.stderr
    assert "moved aside" in reindexed.stderr
    aside = sorted(database(home).parent.glob("attachguard.sqlite3.damaged-*"))
    assert aside, "the damaged database is kept for recovery by hand"
    assert len(names(home)) == 3
    restored = run(home, "restore", "1", "2", "3", "--to", tmp_path / "out")
    assert restored.returncode == 0, restored.stderr
    out = sorted(p.read_bytes() for p in (tmp_path / "out").iterdir())
    assert out == sorted(d.read_bytes() for d in docs)


def test_names_survive_a_damaged_page_that_spares_the_entries(home: Path, docs: list[Path]) -> None:
    assert run(home, "backup", *docs).returncode == 0
    damage_tables(database(home), ("blobs",))

    verify = run(home, "verify")
    assert verify.returncode == 1
    assert DAMAGED in verify.stderr and WHAT_TO_DO in verify.stderr
    assert "all intact" not in verify.stdout

    assert run(home, "verify", "--reindex").returncode == 0
    assert names(home) == ["a.png", "notes.txt", "report.pdf"]
