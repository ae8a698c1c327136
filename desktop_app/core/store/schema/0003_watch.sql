-- Watched folders: what the watcher has already seen, so a restart backs up only what changed.
-- Until the first full scan of a root is done (baseline_done = 0), files older than
-- first_watched are noted as already there instead of being backed up.
CREATE TABLE watch_roots (
    root           TEXT PRIMARY KEY,
    first_watched  REAL NOT NULL,
    baseline_done  INTEGER NOT NULL DEFAULT 0 CHECK (baseline_done IN (0, 1))
);

-- One row per file path below a watched folder. The cheap check on start is path + size +
-- mtime_ns; sha256 is compared only when those differ. sha256 and entry_id are NULL for files
-- that were already there when their folder was first watched (noted, not backed up).
CREATE TABLE watch_files (
    path       TEXT PRIMARY KEY,
    size       INTEGER NOT NULL CHECK (size >= 0),
    mtime_ns   INTEGER NOT NULL,
    sha256     TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),
    entry_id   INTEGER REFERENCES entries (id) ON DELETE SET NULL,
    last_seen  REAL NOT NULL
);

-- Deleting a vault entry nulls entry_id here; the index keeps that from scanning the table.
CREATE INDEX watch_files_entry_id ON watch_files (entry_id);
