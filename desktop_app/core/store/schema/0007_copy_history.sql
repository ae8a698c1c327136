-- Schema 7. The last copies of fallback text (the window's and the tray's "copy again" list):
-- what was copied (a vault entry, or a file on disk by path), which part of how many, and how
-- it was sized and chosen, so the same text can be copied again. Only the last 20 are kept.
CREATE TABLE copy_history (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    entry_id    INTEGER,                -- the vault entry, when the text came from the vault
    path        TEXT,                   -- the file on disk, when it did not
    document    TEXT NOT NULL,          -- the name shown: "report.pdf"
    part        INTEGER NOT NULL CHECK (part >= 1),
    parts       INTEGER NOT NULL CHECK (parts >= part),
    preset      TEXT NOT NULL,          -- "chat", "api", ... (the size preset used)
    max_tokens  INTEGER,                -- set when a token budget overrode the preset
    pages       TEXT,                   -- the page selection as typed ("3-10,12"), or NULL
    sheet       TEXT,                   -- the sheet chosen, or NULL
    copied_at   REAL NOT NULL,
    CHECK (entry_id IS NOT NULL OR path IS NOT NULL)
);

CREATE INDEX copy_history_copied ON copy_history (copied_at);
