"""Numbered schema migrations tracked with ``PRAGMA user_version``.

Each migration is a file ``schema/NNNN_name.sql``; the database is at version N once migrations
1..N have run. Before migrating a database that already holds data, the whole file is copied aside
(``<db>.bak-vN``, via SQLite's online backup) so a failed upgrade can be undone by hand. Each
migration runs in its own transaction together with its ``user_version`` bump.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

log = logging.getLogger(__name__)

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def available() -> list[Migration]:
    """Every migration shipped with the package, in order; numbering must have no gaps."""
    found: list[Migration] = []
    for item in resources.files("desktop_app.core.store.schema").iterdir():
        match = _NAME.match(item.name)
        if match:
            found.append(Migration(int(match.group(1)), item.name, item.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    for expected, migration in enumerate(found, start=1):
        if migration.version != expected:
            raise RuntimeError(f"schema migrations must be numbered 1..N; found {migration.name}")
    return found


def current_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, db_path: Path) -> int:
    """Bring the database up to date; returns the version it ends at."""
    pending = [m for m in available() if m.version > current_version(conn)]
    if not pending:
        return current_version(conn)
    version = current_version(conn)
    if version > 0:
        backup = db_path.with_name(f"{db_path.name}.bak-v{version}")
        log.info("backing up %s to %s before migrating", db_path.name, backup.name)
        target = sqlite3.connect(backup)
        try:
            conn.backup(target)
        finally:
            target.close()
        backup.chmod(0o600)
    # A migration may rebuild a table (SQLite cannot alter a constraint in place); dropping the
    # old table must not cascade to the rows that refer to it, so foreign keys are off while
    # migrations run and checked before each one commits (SQLite's documented procedure).
    conn.execute("PRAGMA foreign_keys=OFF")
    try:
        for migration in pending:
            _apply(conn, migration)
    finally:
        conn.execute("PRAGMA foreign_keys=ON")
    return current_version(conn)


def _apply(conn: sqlite3.Connection, migration: Migration) -> None:
    log.info("applying schema migration %s", migration.name)
    # executescript() commits first and cannot be wrapped in a transaction, so each statement
    # is run here inside one explicit transaction with the version bump.
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in _statements(migration.sql):
            conn.execute(statement)
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise RuntimeError(f"{migration.name} leaves {len(broken)} broken reference(s)")
        conn.execute(f"PRAGMA user_version = {migration.version}")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _statements(script: str) -> list[str]:
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not buffer.strip().startswith("--"):
        statements.append(buffer.strip())
    return statements
