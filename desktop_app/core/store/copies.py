"""The copy history: the last fallback texts copied, to copy again after the clipboard was
overwritten. One row per copy (a part of a document's prompt), newest first; only the last
:data:`KEEP` rows are kept.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from desktop_app.core.store.db import Database

__all__ = ["KEEP", "CopyHistory", "CopyRecord"]

KEEP = 20

_COLUMNS = "id, entry_id, path, document, part, parts, preset, max_tokens, pages, sheet, copied_at"


@dataclass(frozen=True, slots=True)
class CopyRecord:
    """One copy: ``document`` (its name), part ``part`` of ``parts``, taken from vault entry
    ``entry_id`` or from the file at ``path``; sized by ``preset`` (or ``max_tokens``), for the
    pages (as typed, "3-10,12") or ``sheet`` chosen; ``copied_at`` in seconds since the epoch."""

    id: int
    entry_id: int | None
    path: str | None
    document: str
    part: int
    parts: int
    preset: str
    max_tokens: int | None
    pages: str | None
    sheet: str | None
    copied_at: float

    @property
    def label(self) -> str:
        """ "report.pdf, part 2 of 5" (or just the name when it had one part)."""
        return (
            self.document
            if self.parts == 1
            else f"{self.document}, part {self.part} of {self.parts}"
        )


class CopyHistory:
    """Reads and writes the ``copy_history`` table."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def record(
        self,
        document: str,
        *,
        part: int,
        parts: int,
        preset: str,
        entry_id: int | None = None,
        path: str | None = None,
        max_tokens: int | None = None,
        pages: str | None = None,
        sheet: str | None = None,
        now: float | None = None,
    ) -> CopyRecord:
        if entry_id is None and path is None:
            raise ValueError("a copy comes from a vault entry or a file path")
        if not 1 <= part <= parts:
            raise ValueError(f"part {part} of {parts} does not exist")
        when = time.time() if now is None else now
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO copy_history (entry_id, path, document, part, parts, preset, "
                "max_tokens, pages, sheet, copied_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (entry_id, path, document, part, parts, preset, max_tokens, pages, sheet, when),
            )
            row_id = int(cursor.lastrowid or 0)
            conn.execute(
                "DELETE FROM copy_history WHERE id NOT IN "
                "(SELECT id FROM copy_history ORDER BY copied_at DESC, id DESC LIMIT ?)",
                (KEEP,),
            )
        record = self.get(row_id)
        assert record is not None
        return record

    def latest(self, limit: int = KEEP) -> list[CopyRecord]:
        rows = (
            self._db.connection()
            .execute(
                f"SELECT {_COLUMNS} FROM copy_history ORDER BY copied_at DESC, id DESC LIMIT ?",
                (max(0, limit),),
            )
            .fetchall()
        )
        return [_record(row) for row in rows]

    def get(self, record_id: int) -> CopyRecord | None:
        row = (
            self._db.connection()
            .execute(f"SELECT {_COLUMNS} FROM copy_history WHERE id = ?", (record_id,))
            .fetchone()
        )
        return None if row is None else _record(row)


def _record(row: Any) -> CopyRecord:
    return CopyRecord(*tuple(row))
