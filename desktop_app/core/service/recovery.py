"""``verify --reindex``: list the vault's blobs again, rebuilding a damaged database first.

Works without a :class:`~desktop_app.core.service.Service`, because a damaged database may not
even open. When SQLite's ``quick_check`` finds damage (or the file will not open as a database),
the file is moved aside (never deleted), a fresh one is created, and every intact blob gets its
entries back, with the names that could still be read from the damaged copy. Upload jobs are not
carried over: their documents are all in the vault, and can be uploaded again on request.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core.errors import DatabaseDamagedError, StoreError
from desktop_app.core.store import Database, salvage, set_aside
from desktop_app.core.vault import (
    SALVAGE_ENTRIES_SQL,
    ReindexReport,
    Vault,
    reindex,
    salvaged_entries,
)
from desktop_app.paths import AppPaths

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RecoveryReport:
    """What :func:`recover` did. ``set_aside`` is where a damaged database was moved."""

    reindex: ReindexReport
    set_aside: Path | None = None
    damage: tuple[str, ...] = ()


def recover(paths: AppPaths) -> RecoveryReport:
    """Re-list every blob the database does not know; rebuild the database if it is damaged."""
    path = paths.database_file
    damage: list[str] = []
    db: Database | None = None
    try:
        db = Database(path)
        damage = db.quick_check()
    except DatabaseDamagedError as exc:
        damage = [str(exc.__cause__ or exc)]
    except StoreError as exc:
        if not path.exists():
            raise
        damage = [str(exc)]
    if not damage and db is not None:
        try:
            return RecoveryReport(reindex(Vault(db, paths.vault_dir)))
        finally:
            db.close()
    if db is not None:
        db.close()
    aside = set_aside(path)
    salvaged = salvaged_entries(salvage(aside, SALVAGE_ENTRIES_SQL))
    log.warning("salvaged %d entries from the damaged database", len(salvaged))
    fresh = Database(path)
    try:
        report = reindex(Vault(fresh, paths.vault_dir), salvaged)
    finally:
        fresh.close()
    return RecoveryReport(report, aside, tuple(damage))
