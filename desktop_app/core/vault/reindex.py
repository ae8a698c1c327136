"""Re-list blobs the database does not know: the way back after a database is lost or damaged.

A blob file is named by the SHA-256 of its content, so it proves itself: each unindexed blob is
re-hashed, and an intact one gets its ``blobs`` row back plus one entry. The entry keeps a name
salvaged from the damaged database when there is one; otherwise it is named after its SHA-256
with the extension of its detected type (``<sha256>.pdf``), and the next backup of the same
content gives it its real name back (see ``Vault._insert_rows``). A blob whose content no longer
matches its name is reported and left alone, never deleted.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop_app.core import fsutil
from desktop_app.core.filetypes import detect
from desktop_app.core.vault.vault import Source, Vault

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SalvagedEntry:
    """An entry read back from a damaged database (see ``store.salvage``)."""

    id: int
    sha256: str
    name: str
    original_path: str | None
    source: str
    added_at: float


#: What ``store.salvage`` reads for :class:`SalvagedEntry`, in field order.
SALVAGE_ENTRIES_SQL = (
    "SELECT id, sha256, name, original_path, source, added_at FROM entries ORDER BY id"
)


@dataclass(frozen=True)
class ReindexReport:
    """What :func:`reindex` did: entries re-created (named or not) and blobs left alone."""

    blobs_found: int
    relisted: list[str] = field(default_factory=list)  # sha256 of blobs listed again
    entries_created: int = 0
    names_salvaged: int = 0
    damaged: list[str] = field(default_factory=list)  # content no longer matches the name


def placeholder_name(sha256: str, extensions: Sequence[str]) -> str:
    """The name of an entry whose real name is unknown: its SHA-256 and detected extension."""
    return sha256 + (extensions[0] if extensions else "")


def reindex(vault: Vault, salvaged: Sequence[SalvagedEntry] = ()) -> ReindexReport:
    """Give every intact blob file without a row its row and entries back (never deletes)."""
    by_sha: dict[str, list[SalvagedEntry]] = {}
    for entry in salvaged:
        by_sha.setdefault(entry.sha256, []).append(entry)
    files = vault.blob_files()
    relisted: list[str] = []
    damaged: list[str] = []
    created = named = 0
    buffer = bytearray(fsutil.COPY_BUFFER)
    for sha in files:
        if _listed(vault, sha):
            continue
        path = vault.blob_path(sha)
        try:
            actual, size = fsutil.hash_file(path, buffer)
            kind = detect(path, "")
            stored_at = path.stat().st_mtime
        except OSError as exc:
            log.warning("cannot read blob %s: %s", sha[:12], exc)
            damaged.append(sha)
            continue
        if actual != sha:
            damaged.append(sha)
            continue
        entries = by_sha.get(sha, [])
        with vault.db.transaction() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO blobs (sha256, size, mime_type, stored_at)"
                " VALUES (?, ?, ?, ?)",
                (sha, size, kind.mime, stored_at),
            )
            for old in entries:
                source = old.source if old.source in set(Source) else Source.CLI.value
                conn.execute(
                    "INSERT OR IGNORE INTO entries"
                    " (id, sha256, name, original_path, source, added_at)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (old.id, sha, old.name, old.original_path, source, old.added_at),
                )
            if not entries:
                conn.execute(
                    "INSERT INTO entries (sha256, name, original_path, source, added_at)"
                    " VALUES (?, ?, NULL, ?, ?)",
                    (sha, placeholder_name(sha, kind.extensions), Source.CLI.value, stored_at),
                )
        relisted.append(sha)
        created += max(1, len(entries))
        named += len(entries)
    if relisted:
        log.warning("listed %d stored document(s) again from the vault", len(relisted))
    return ReindexReport(len(files), relisted, created, named, damaged)


def _listed(vault: Vault, sha256: str) -> bool:
    query = "SELECT 1 FROM blobs WHERE sha256 = ?"
    row: sqlite3.Row | None = vault.db.connection().execute(query, (sha256,)).fetchone()
    return row is not None


def salvaged_entries(rows: Sequence[tuple[object, ...]]) -> list[SalvagedEntry]:
    """Rows of :data:`SALVAGE_ENTRIES_SQL` as records (rows that do not fit are dropped)."""
    found: list[SalvagedEntry] = []
    for row in rows:
        try:
            entry_id, sha, name, original, source, added = row
            found.append(
                SalvagedEntry(
                    int(str(entry_id)),
                    str(sha),
                    str(name),
                    None if original is None else str(original),
                    str(source),
                    float(str(added)),
                )
            )
        except (TypeError, ValueError):
            continue
    return found


__all__ = [
    "SALVAGE_ENTRIES_SQL",
    "ReindexReport",
    "SalvagedEntry",
    "placeholder_name",
    "reindex",
    "salvaged_entries",
]
