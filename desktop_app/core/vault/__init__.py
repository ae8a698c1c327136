"""The backup vault: every document stored once by SHA-256, atomically, and verifiable.

Public face of the vault subsystem: :class:`Vault` (add, verify, prune, restore), its records,
:func:`collect_files`, which expands what a user named into regular files, and :func:`reindex`,
which lists blobs the database lost again.
"""

from __future__ import annotations

from desktop_app.core.vault.collect import SkippedPath, collect_files
from desktop_app.core.vault.reindex import (
    SALVAGE_ENTRIES_SQL,
    ReindexReport,
    SalvagedEntry,
    reindex,
    salvaged_entries,
)
from desktop_app.core.vault.restore import safe_filename
from desktop_app.core.vault.vault import (
    Entry,
    PruneReport,
    RetentionPolicy,
    Source,
    Vault,
    VerifyReport,
)

__all__ = [
    "SALVAGE_ENTRIES_SQL",
    "Entry",
    "PruneReport",
    "ReindexReport",
    "RetentionPolicy",
    "SalvagedEntry",
    "SkippedPath",
    "Source",
    "Vault",
    "VerifyReport",
    "collect_files",
    "reindex",
    "safe_filename",
    "salvaged_entries",
]
