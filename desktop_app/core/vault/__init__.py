"""The backup vault: every document stored once by SHA-256, atomically, and verifiable.

Public face of the vault subsystem: :class:`Vault` (add, verify, prune, restore), its records,
and :func:`collect_files`, which expands what a user named into regular files.
"""

from __future__ import annotations

from desktop_app.core.vault.collect import SkippedPath, collect_files
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
    "Entry",
    "PruneReport",
    "RetentionPolicy",
    "SkippedPath",
    "Source",
    "Vault",
    "VerifyReport",
    "collect_files",
    "safe_filename",
]
