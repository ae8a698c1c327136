-- Batch jobs the watchdog has seen on the user's account, and what we did about each one.
-- A row is the local memory of one remote batch: the stuck notification is sent once per batch
-- (stuck_notified_at), the input file is backed up once (backup_entry_id), a resubmission is
-- recorded on both the old row (resubmitted_as) and the new one (resubmitted_from).
-- backup_entry_id has no foreign key on purpose: pruning the vault may drop the entry.
CREATE TABLE batch_jobs (
    id                  TEXT PRIMARY KEY,
    status              TEXT NOT NULL,
    endpoint            TEXT NOT NULL,
    completion_window   TEXT NOT NULL,
    input_file_id       TEXT NOT NULL,
    metadata_json       TEXT,                    -- the batch's metadata, as JSON (or NULL)
    remote_json         TEXT NOT NULL,           -- the whole batch object as last listed
    created_at          REAL NOT NULL,           -- remote creation time
    first_seen_at       REAL NOT NULL,
    last_seen_at        REAL NOT NULL,
    stuck_since         REAL,                    -- when we first saw it stuck (NULL = not stuck)
    stuck_notified_at   REAL,                    -- set once; never notified twice
    backup_entry_id     INTEGER,                 -- vault entry holding the input file
    backup_error        TEXT,                    -- why the backup failed (permanent failures)
    resubmitted_as      TEXT,
    resubmitted_from    TEXT
);

CREATE INDEX batch_jobs_status ON batch_jobs (status);
