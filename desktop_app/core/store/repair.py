"""Setting a damaged database aside, and reading what can still be read from it.

Used by ``attachguard verify --reindex`` when ``PRAGMA quick_check`` finds damage: the damaged
file (with its ``-wal``/``-shm``) is moved aside under a dated name, never deleted, so nothing
that could still be recovered by hand is lost; a fresh database then takes its place and the
vault re-lists its blobs (``core/vault/reindex.py``), keeping the names salvaged here.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from pathlib import Path
from urllib.parse import quote

log = logging.getLogger(__name__)

_SIDE_FILES = ("-wal", "-shm")


def set_aside(path: Path) -> Path:
    """Move the database at ``path`` (and its WAL files) to ``<name>.damaged-<time>``."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
        counter += 1
    # The side files first: a crash in between leaves the main file in place, still openable.
    for suffix in _SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.replace(target.with_name(target.name + suffix))
    path.replace(target)
    log.warning("moved the damaged database %s aside to %s", path.name, target.name)
    return target


def salvage(path: Path, sql: str) -> list[tuple[object, ...]]:
    """The rows of ``sql`` that a damaged file still yields; ``sql`` selects an integer key first
    and ends in ``ORDER BY`` that key (the direction is added here).

    Read forwards until the first damaged page, then backwards from the end until it again, so
    one bad page loses only the rows on it. Never raises: an unreadable file yields nothing.
    """
    rows: dict[int, tuple[object, ...]] = {}
    for order in ("ASC", "DESC"):
        try:
            conn = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)
        except sqlite3.Error:
            return []
        try:
            for row in conn.execute(f"{sql} {order}"):
                rows.setdefault(int(row[0]), tuple(row))
        except sqlite3.Error as exc:
            log.warning("salvaging %s (%s): stopped at %s", path.name, order, exc)
        finally:
            conn.close()
    return [rows[key] for key in sorted(rows)]
