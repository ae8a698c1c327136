"""The copy history in the core: migration 0007, the last 20 copies newest first, copying one
again with the same size and selection, and a read-only database that never fails a copy."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import docgen
from support.small_disk import mounted_tmpfs, remount_read_only

from desktop_app.core.fallback import PageSelection
from desktop_app.core.service import Service
from desktop_app.core.vault import Source
from desktop_app.paths import AppPaths


@pytest.fixture
def service(tmp_path: Path) -> Iterator[Service]:
    svc = Service(AppPaths.under(tmp_path / "home"))
    yield svc
    svc.texts.close()
    svc.close()


def test_migration_7_adds_the_copy_history(service: Service) -> None:
    conn = sqlite3.connect(service.paths.database_file)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] >= 7
        columns = {row[1] for row in conn.execute("PRAGMA table_info(copy_history)")}
    finally:
        conn.close()
    assert {"entry_id", "path", "document", "part", "parts", "preset", "copied_at"} <= columns


def test_the_last_20_copies_newest_first(service: Service, tmp_path: Path) -> None:
    for n in range(25):
        service.record_copy(f"doc{n}.pdf", part=1, parts=2, path=tmp_path / f"doc{n}.pdf")
    history = service.copy_history()
    assert [r.document for r in history] == [f"doc{n}.pdf" for n in range(24, 4, -1)]
    assert history[0].preset == "chat" and history[0].label == "doc24.pdf, part 1 of 2"
    assert len(service.copy_history(limit=3)) == 3
    conn = sqlite3.connect(service.paths.database_file)
    try:  # older rows are gone from the file, not only hidden
        assert conn.execute("SELECT COUNT(*) FROM copy_history").fetchone()[0] == 20
    finally:
        conn.close()


def test_a_copy_is_built_again_the_same_way(service: Service, tmp_path: Path) -> None:
    pages = [f"Chapter {n} text. " + "More words here. " * 400 for n in range(1, 9)]
    pdf = docgen.pdf(tmp_path / "manual.pdf", pages)
    entry = service.vault.add_file(pdf, Source.CLI)
    prompt = service.texts.fallback_for_entries(
        [entry.id], preset="local", pages=PageSelection.parse("2-6")
    )
    assert len(prompt.parts) >= 2
    record = service.record_copy(
        entry.name, part=2, parts=len(prompt.parts), entry_id=entry.id, preset="local",
        pages="2-6",
    )  # fmt: skip
    assert record is not None
    again = service.prompt_for_copy(service.copy_history()[0])
    assert again.parts[1] == prompt.parts[1]
    assert "Chapter 1 text" not in "".join(again.parts)


def test_a_read_only_database_does_not_fail_the_copy(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with mounted_tmpfs(home / "data", "4m") as data:
        Service(AppPaths.under(home)).close()
        remount_read_only(data)
        svc = Service(AppPaths.under(home))
        try:
            assert svc.record_copy("a.pdf", part=1, parts=1, path=tmp_path / "a.pdf") is None
            assert svc.copy_history() == []
        finally:
            svc.close()
