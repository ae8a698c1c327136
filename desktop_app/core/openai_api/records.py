"""Plain records the SDK boundary hands out: what the server said, with no SDK types in them.

Importing this module does not load the SDK, so code typed against these records (and the
in-process fakes of tests) stays light.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class RemoteFile:
    """What the server says about one stored file."""

    id: str
    filename: str
    size: int
    purpose: str
    created_at: float
    expires_at: float | None


@dataclass(frozen=True)
class SentFile:
    """A file stored by ``create_file``, with the SHA-256 of the bytes actually sent.

    The caller compares ``sha256`` with the backup's: a mismatch means the local copy was
    damaged, and the stored file must not be used.
    """

    remote: RemoteFile
    sha256: str


@dataclass(frozen=True)
class RemoteUpload:
    """A pending multipart Upload (it expires one hour after creation)."""

    id: str
    expires_at: float


@dataclass(frozen=True)
class RemoteBatch:
    """One Batch job as the server lists it.

    ``wire`` is the whole record as JSON values: the watchdog stores it as it came, and reads
    the per-status timestamps and request counts from it.
    """

    id: str
    status: str
    endpoint: str
    completion_window: str
    input_file_id: str
    created_at: float
    metadata: Mapping[str, str] | None
    wire: Mapping[str, Any]
