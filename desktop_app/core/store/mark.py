"""The queue's high-water mark, kept in a small file beside the database (``<db>.mark``).

SQLite in WAL mode keeps committed changes in ``<db>-wal`` until a checkpoint copies them into
the main file. When that file is lost (a clean-up tool or a sync client deletes it, or it goes
with a crash), the database silently opens at its last checkpoint: finished uploads are queued
again and nothing in the database itself can tell. This file is the outside witness: the upload
engine writes what the database had reached (:class:`HighWater`), atomically and fsynced, every
few seconds and on a clean stop; on start it compares the live database with it. The mark lives
outside the WAL on purpose, so it cannot be lost together with it.

Reading never fails: a missing, unreadable or garbled mark is ``None`` (nothing to compare).
Writing raises ``OSError`` for the caller to report (a full disk, say).
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

#: The file name's suffix, after the database's own name.
SUFFIX = ".mark"


@dataclass(frozen=True)
class HighWater:
    """How far the upload queue had come: the values only a lost commit can take back.

    ``last_id`` is the highest job id ever given (``AUTOINCREMENT`` never reuses one, even after
    a delete) and ``updated_at`` the latest change to any job; ``jobs`` and ``done`` are shown
    in the warning when the database went back.
    """

    last_id: int
    updated_at: float
    jobs: int
    done: int

    def is_behind(self, mark: HighWater) -> bool:
        """Whether a database at ``self`` lost commits it had when ``mark`` was written."""
        return self.last_id < mark.last_id or self.updated_at < mark.updated_at


def mark_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + SUFFIX)


def high_water(conn: sqlite3.Connection) -> HighWater:
    """The live database's :class:`HighWater` (one read)."""
    row = conn.execute(
        "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'upload_jobs'), 0),"
        " coalesce(max(updated_at), 0), count(*), coalesce(sum(state = 'done'), 0)"
        " FROM upload_jobs"
    ).fetchone()
    return HighWater(int(row[0]), float(row[1]), int(row[2]), int(row[3]))


def read_mark(db_path: Path) -> HighWater | None:
    """The mark last written beside ``db_path``, or None when there is none to trust."""
    try:
        data = json.loads(mark_path(db_path).read_text(encoding="utf-8"))
        return HighWater(
            last_id=int(data["last_id"]),
            updated_at=float(data["updated_at"]),
            jobs=int(data["jobs"]),
            done=int(data["done"]),
        )
    except (OSError, ValueError, TypeError, KeyError):
        return None


def write_mark(db_path: Path, mark: HighWater) -> None:
    """Replace the mark atomically (temp file, fsync, rename, fsync the folder)."""
    target = mark_path(db_path)
    fd, tmp = tempfile.mkstemp(prefix=target.name + ".", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(asdict(mark), out)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    folder = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)
