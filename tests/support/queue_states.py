"""Documents added through the facade and put into job states by the real queue, with no
network: what the engine writes when a job fails for good, expires, or waits after an expiry
error. For tests of listings, counts and the text fallback's choices."""

from __future__ import annotations

from pathlib import Path

from desktop_app.core.errors import ErrorKind
from desktop_app.core.service import Service
from desktop_app.core.uploads.retry import Failure
from desktop_app.core.vault import Source

OWNER = "test-host:1:worker"


def add(service: Service, tmp_path: Path, name: str, text: str, *, upload: bool = True) -> int:
    path = tmp_path / "docs" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    report = service.add_documents([path], source=Source.DROP, upload=upload)
    assert not report.failed
    return report.entries[-1].id


def claim(service: Service, job_id: int) -> None:
    job = service.uploads.queue.claim(OWNER, 60, only=[job_id])
    assert job is not None and job.id == job_id


def fail(service: Service, job_id: int) -> None:
    """The job's deadline passed: failed for good (what the engine writes then)."""
    assert service.uploads.queue.give_up(job_id, Failure(ErrorKind.SERVER, "503 for 24 hours"))


def expire(service: Service, job_id: int) -> None:
    """Uploaded, then the server let the file expire (the periodic recheck's verdict)."""
    claim(service, job_id)
    assert service.uploads.queue.finish(job_id, OWNER, "file-abc", None)
    assert service.uploads.queue.mark_expired(job_id, Failure(ErrorKind.EXPIRED, "gone"))


def expiry_error_waiting(service: Service, job_id: int) -> None:
    """Create failed with "the file has expired" and waits to retry (the fallback is ready)."""
    claim(service, job_id)
    failure = Failure(ErrorKind.EXPIRED, "The file has expired", http_status=400)
    assert service.uploads.queue.reschedule(job_id, OWNER, failure, None, counts_attempt=True)


def job_of(service: Service, entry_id: int) -> int:
    return next(j.id for j in service.uploads.jobs() if j.entry_id == entry_id)


def done(service: Service, job_id: int) -> None:
    """Uploaded and verified."""
    claim(service, job_id)
    assert service.uploads.queue.finish(job_id, OWNER, f"file-{job_id}", None)
