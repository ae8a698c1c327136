-- Schema 8. Each job belongs to one named upload target ([[targets]] in the settings); the
-- `target` column keeps the address it is sent to. Jobs queued before targets existed were
-- all for the OpenAI API: they become the `openai` target's. One document may have a job
-- per target.
ALTER TABLE upload_jobs ADD COLUMN target_name TEXT NOT NULL DEFAULT 'openai';

CREATE INDEX upload_jobs_target_name ON upload_jobs (target_name, entry_id);
