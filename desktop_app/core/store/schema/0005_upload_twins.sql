-- The claim keeps look-alike uploads (same name, size, purpose and server) from running at once,
-- so reconciling a dropped connection can only ever match our own copy; index that lookup.
CREATE INDEX upload_jobs_twins ON upload_jobs (name, size, purpose, target);
