-- The vault: one row per stored blob (content-addressed), many entries may point at one blob.
CREATE TABLE blobs (
    sha256      TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    size        INTEGER NOT NULL CHECK (size >= 0),
    mime_type   TEXT NOT NULL,
    stored_at   REAL NOT NULL
);

CREATE TABLE entries (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    sha256         TEXT NOT NULL REFERENCES blobs (sha256),
    name           TEXT NOT NULL,
    original_path  TEXT,
    source         TEXT NOT NULL CHECK (source IN ('cli', 'drop', 'watch', 'batch')),
    added_at       REAL NOT NULL
);

CREATE INDEX entries_sha256 ON entries (sha256);
CREATE INDEX entries_added_at ON entries (added_at);
