-- Schema 6. A done upload whose file the server let expire (or lost) is 'expired': shown as
-- such, and uploaded again unless it expired on the schedule the user asked for. Transient
-- failures are retried until a deadline counted from the job's first attempt.
-- SQLite cannot change a CHECK constraint in place, so the table is rebuilt (the migration
-- runs with foreign keys off and checks them before it commits).
CREATE TABLE upload_jobs_v6 (
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
                            'waiting_retry', 'done', 'failed', 'cancelled', 'expired')),
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
    -- When the first attempt began: transient failures are retried until a deadline after it.
    first_attempt_at    REAL,
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

INSERT INTO upload_jobs_v6 (id, entry_id, sha256, name, size, mime_type, target, purpose, expires_after, state, attempts, next_attempt_at, error_kind, http_status, error_message, request_id, file_id, expires_at, bytes_sent, fallback_available, owner, lease_until, attempt_started_at, reconcile_since, ambiguous_since, upload_id, upload_expires_at, created_at, updated_at, first_attempt_at)
SELECT id, entry_id, sha256, name, size, mime_type, target, purpose, expires_after, state, attempts, next_attempt_at, error_kind, http_status, error_message, request_id, file_id, expires_at, bytes_sent, fallback_available, owner, lease_until, attempt_started_at, reconcile_since, ambiguous_since, upload_id, upload_expires_at, created_at, updated_at, CASE WHEN attempts > 0 THEN created_at END FROM upload_jobs;

DROP TABLE upload_jobs;

ALTER TABLE upload_jobs_v6 RENAME TO upload_jobs;

CREATE INDEX upload_jobs_state ON upload_jobs (state, next_attempt_at);
CREATE INDEX upload_jobs_sha256 ON upload_jobs (sha256, purpose, target);
CREATE INDEX upload_jobs_entry ON upload_jobs (entry_id);
CREATE INDEX upload_jobs_twins ON upload_jobs (name, size, purpose, target);
