"""What the fake OpenAI server stores: files, uploads, batches, and the request log.

Each record knows how to render itself in OpenAI's wire format (``to_wire``), so the handler only
routes and validates. Ids imitate the real prefixes (``file-``, ``upload_``, ``part_``,
``batch_``) because code under test may log or match them.
"""

from __future__ import annotations

import builtins
import secrets
import string
from dataclasses import dataclass, field
from typing import Any, NamedTuple

_ALPHABET = string.ascii_letters + string.digits

#: Purposes the real ``POST /v1/files`` accepts.
CREATE_PURPOSES = frozenset({"assistants", "batch", "fine-tune", "vision", "user_data", "evals"})
#: ``expires_after[seconds]`` bounds documented by OpenAI (1 hour to 30 days).
MIN_EXPIRES_AFTER = 3600
MAX_EXPIRES_AFTER = 2_592_000
#: Batch input files expire after 30 days unless told otherwise.
BATCH_DEFAULT_EXPIRY = 2_592_000
#: An Upload accepts parts for one hour after it was created.
UPLOAD_LIFETIME = 3600
#: A Batch expires if not finished within its 24 h completion window.
BATCH_WINDOW = 86_400


def new_id(prefix: str, length: int = 24) -> str:
    """A random id in OpenAI's style, e.g. ``file-3kT9...``."""
    return prefix + "".join(secrets.choice(_ALPHABET) for _ in range(length))


class RequestRecord(NamedTuple):
    """One request the server saw. ``status`` is 0 when the connection was dropped on purpose."""

    method: str
    path: str
    status: int
    at: float = 0.0  # server clock when it was answered


@dataclass
class FileRecord:
    """A stored file (``FileObject`` on the wire) plus its content."""

    id: str
    filename: str
    bytes: int
    purpose: str
    created_at: int
    expires_at: int | None
    content: builtins.bytes = field(repr=False)
    #: Set by ``FakeOpenAI.expire_file``: the file is gone although its expiry time is not reached.
    force_expired: bool = False
    #: Insertion order; breaks ties between files created in the same second.
    seq: int = 0

    def is_live(self, now: float) -> bool:
        """False once the file expired (by clock or by ``expire_file``)."""
        if self.force_expired:
            return False
        return self.expires_at is None or now < self.expires_at

    def to_wire(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "object": "file",
            "bytes": self.bytes,
            "created_at": self.created_at,
            "expires_at": self.expires_at,
            "filename": self.filename,
            "purpose": self.purpose,
            "status": "processed",
            "status_details": None,
        }


@dataclass
class PartRecord:
    """One part of an Upload (``UploadPart`` on the wire)."""

    id: str
    upload_id: str
    created_at: int
    data: bytes = field(repr=False)

    def to_wire(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "object": "upload.part",
            "created_at": self.created_at,
            "upload_id": self.upload_id,
        }


@dataclass
class UploadRecord:
    """A multi-part Upload. ``status``: pending, completed, cancelled or expired."""

    id: str
    filename: str
    bytes: int
    mime_type: str
    purpose: str
    created_at: int
    expires_at: int
    status: str = "pending"
    parts: dict[str, PartRecord] = field(default_factory=dict, repr=False)
    file_id: str | None = None

    def to_wire(self, file: FileRecord | None = None) -> dict[str, Any]:
        return {
            "id": self.id,
            "object": "upload",
            "bytes": self.bytes,
            "created_at": self.created_at,
            "expires_at": self.expires_at,
            "filename": self.filename,
            "purpose": self.purpose,
            "status": self.status,
            "file": file.to_wire() if file is not None else None,
        }


#: Which ``*_at`` field a batch status stamps when a test moves a batch into it.
BATCH_STATUS_STAMP = {
    "validating": None,
    "failed": "failed_at",
    "in_progress": "in_progress_at",
    "finalizing": "finalizing_at",
    "completed": "completed_at",
    "expired": "expired_at",
    "cancelling": "cancelling_at",
    "cancelled": "cancelled_at",
}
BATCH_TIME_FIELDS = (
    "created_at",
    "expires_at",
    "in_progress_at",
    "finalizing_at",
    "completed_at",
    "failed_at",
    "expired_at",
    "cancelling_at",
    "cancelled_at",
)
#: Fields a test may set with ``FakeOpenAI.set_batch`` besides status and the times.
BATCH_OTHER_FIELDS = (
    "input_file_id",
    "output_file_id",
    "error_file_id",
    "endpoint",
    "completion_window",
    "metadata",
    "request_counts",
    "model",
)


@dataclass
class BatchRecord:
    """A Batch job. Tests drive ``status`` and the ``*_at`` times; nothing runs on its own."""

    id: str
    input_file_id: str
    endpoint: str
    completion_window: str
    created_at: int
    status: str = "validating"
    expires_at: int | None = None
    in_progress_at: int | None = None
    finalizing_at: int | None = None
    completed_at: int | None = None
    failed_at: int | None = None
    expired_at: int | None = None
    cancelling_at: int | None = None
    cancelled_at: int | None = None
    output_file_id: str | None = None
    error_file_id: str | None = None
    metadata: dict[str, str] | None = None
    request_counts: dict[str, int] = field(
        default_factory=lambda: {"total": 0, "completed": 0, "failed": 0}
    )
    model: str | None = None
    seq: int = 0

    def to_wire(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "id": self.id,
            "object": "batch",
            "endpoint": self.endpoint,
            "errors": None,
            "input_file_id": self.input_file_id,
            "completion_window": self.completion_window,
            "status": self.status,
            "output_file_id": self.output_file_id,
            "error_file_id": self.error_file_id,
            "request_counts": dict(self.request_counts),
            "metadata": self.metadata,
            "model": self.model,
        }
        for name in BATCH_TIME_FIELDS:
            body[name] = getattr(self, name)
        return body
