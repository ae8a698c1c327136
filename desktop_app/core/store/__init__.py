"""The SQLite store: one database file (WAL), numbered migrations, the document listing, and
the mark beside the file that tells when the database lost its WAL (``mark.py``).

Every other subsystem keeps its tables here (``schema/*.sql``) and talks to SQLite through
:class:`Database`; nothing else opens the database file.
"""

from __future__ import annotations

from desktop_app.core.store.copies import CopyHistory, CopyRecord
from desktop_app.core.store.db import Database
from desktop_app.core.store.listing import (
    DocumentListing,
    DocumentRow,
    FallbackChoice,
    FallbackReason,
    TargetJob,
)
from desktop_app.core.store.mark import HighWater, high_water, mark_path, read_mark, write_mark
from desktop_app.core.store.repair import salvage, set_aside

__all__ = [
    "CopyHistory",
    "CopyRecord",
    "Database",
    "DocumentListing",
    "DocumentRow",
    "FallbackChoice",
    "FallbackReason",
    "HighWater",
    "TargetJob",
    "high_water",
    "mark_path",
    "read_mark",
    "salvage",
    "set_aside",
    "write_mark",
]
