-- The upload queue: one row per (document, target) upload job, written before any work starts.
-- entry_id has no foreign key on purpose: pruning the vault may drop an old entry, but the
-- job's history (name, sha256, remote file id) must stay readable.
CREATE TABLE upload_jobs (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    entry_id            INTEGER NOT NULL,
    sha256              TEXT NOT NULL CHECK (length(sha256) = 64),
    name                TEXT NOT NULL,
    size                INTEGER NOT NULL CHECK (size >= 0),
    mime_type           TEXT NOT NULL,
    target              TEXT NOT NULL,              -- API base URL
    purpose             TEXT NOT NULL,
    expires_after       INTEGER,                    -- seconds, NULL = server default
    state               TEXT NOT NULL CHECK (state IN ('queued', 'uploading', 'verifying',
                            'waiting_retry', 'done', 'failed', 'cancelled')),
    attempts            INTEGER NOT NULL DEFAULT 0,
    next_attempt_at     REAL,
    error_kind          TEXT,
    http_status         INTEGER,
    error_message       TEXT,
    request_id          TEXT,
    file_id             TEXT,
    expires_at          REAL,
    bytes_sent          INTEGER NOT NULL DEFAULT 0,
    fallback_available  INTEGER NOT NULL DEFAULT 0,
    -- Claim bookkeeping: which process/thread holds the job and until when (renewed while busy).
    owner               TEXT,
    lease_until         REAL,
    attempt_started_at  REAL,
    -- Set when an attempt may have stored the file remotely without us learning its id;
    -- the next attempt first looks for remote files created since this time.
    reconcile_since     REAL,
    -- When the first ambiguous attempt began (kept after success): late copies stored by the
    -- server after we gave up on a request are swept after success and by recheck.
    ambiguous_since     REAL,
    -- Large files (Uploads API): resumable until the Upload expires.
    upload_id           TEXT,
    upload_expires_at   REAL,
    created_at          REAL NOT NULL,
    updated_at          REAL NOT NULL
);

CREATE INDEX upload_jobs_state ON upload_jobs (state, next_attempt_at);
CREATE INDEX upload_jobs_sha256 ON upload_jobs (sha256, purpose, target);
CREATE INDEX upload_jobs_entry ON upload_jobs (entry_id);

CREATE TABLE upload_parts (
    job_id      INTEGER NOT NULL REFERENCES upload_jobs (id) ON DELETE CASCADE,
    upload_id   TEXT NOT NULL,
    part_no     INTEGER NOT NULL CHECK (part_no >= 0),
    part_id     TEXT NOT NULL,
    size        INTEGER NOT NULL,
    PRIMARY KEY (job_id, upload_id, part_no)
);
