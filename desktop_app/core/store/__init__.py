"""The SQLite store: one database file (WAL), numbered migrations, and the document listing.

Every other subsystem keeps its tables here (``schema/*.sql``) and talks to SQLite through
:class:`Database`; nothing else opens the database file.
"""

from __future__ import annotations

from desktop_app.core.store.db import Database
from desktop_app.core.store.listing import (
    DocumentListing,
    DocumentRow,
    FallbackChoice,
    FallbackReason,
)
from desktop_app.core.store.repair import salvage, set_aside

__all__ = [
    "Database",
    "DocumentListing",
    "DocumentRow",
    "FallbackChoice",
    "FallbackReason",
    "salvage",
    "set_aside",
]
