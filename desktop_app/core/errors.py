"""The exception tree. Errors are converted into these once, where they enter the app.

::

    AttachGuardError                  base; ``str(exc)`` is a one-line message for users
    ├── SettingsError                 the settings file cannot be saved
    ├── StoreError                    the SQLite store cannot be opened or migrated
    │   ├── DatabaseDamagedError      a page of the database file is damaged (SQLITE_CORRUPT)
    │   └── ReadOnlyStoreError        the data folder is read-only: reads work, writes do not
    ├── CredentialsError              the OS keyring refused to read or store the API key
    ├── VaultError                    backing up or restoring a document failed
    │   ├── SourceError               the original is unreadable, vanished or not a regular file
    │   ├── DiskFullError             no space left (nothing partial is left behind)
    │   └── UnknownEntryError         no vault entry with that id
    ├── UploadError                   an upload attempt failed; ``kind`` (an ErrorKind) says how
    │   ├── ApiCallError              one API call failed: HTTP status, request id, Retry-After
    │   ├── NoApiKeyError             no API key is configured (nothing was sent)
    │   └── UnknownJobError           no upload job with that id
    ├── BatchError                    listing, backing up or resubmitting Batch jobs failed
    │   └── UnknownBatchError         no batch with that id
    ├── ExtractionError               text could not be extracted; ``kind`` says why
    └── ClipboardError                no clipboard (no display, no copy tool) or copying failed
"""

from __future__ import annotations

from enum import StrEnum


class ErrorKind(StrEnum):
    """Why an upload attempt failed. Decides retry, pause or permanent failure."""

    EXPIRED = "expired"  # 4xx saying the file expired: retry, offer the fallback at once
    RATE_LIMITED = "rate_limited"  # 429: pause the target until Retry-After passes
    QUOTA = "quota"  # 429 insufficient_quota: out of credit; pause the queue until fixed
    SERVER = "server"  # 5xx: retry with backoff, counts towards the breaker
    NETWORK = "network"  # no usable response: retry with backoff, counts towards the breaker
    AUTH = "auth"  # 401/403: pause the whole queue until the key changes
    TOO_LARGE = "too_large"  # 413 or over the API's per-file limit: permanent
    INVALID = "invalid"  # any other 4xx: permanent
    UNKNOWN = "unknown"  # anything else: retried with backoff, then failed


class AttachGuardError(Exception):
    """Base of every error AttachGuard raises on purpose."""


class SettingsError(AttachGuardError):
    """The settings file cannot be written."""


class StoreError(AttachGuardError):
    """The database cannot be opened, migrated or written."""


class DatabaseDamagedError(StoreError):
    """The database file is damaged; ``verify --reindex`` sets it aside and rebuilds it."""


class ReadOnlyStoreError(StoreError):
    """A write was refused because the data folder (or the database file) is read-only."""


class CredentialsError(AttachGuardError):
    """The OS keyring could not read or store the API key."""


class VaultError(AttachGuardError):
    """A vault operation failed."""


class SourceError(VaultError):
    """The file to back up is unreadable, has vanished, or is not a regular file."""


class DiskFullError(VaultError):
    """The disk is full; the partial copy was removed."""


class UnknownEntryError(VaultError):
    """No vault entry has the given id."""


class UploadError(AttachGuardError):
    """An upload attempt failed; ``kind`` decides what the retry policy does next."""

    def __init__(self, message: str, kind: ErrorKind = ErrorKind.UNKNOWN) -> None:
        super().__init__(message)
        self.kind = kind


class ApiCallError(UploadError):
    """One call to the API failed; raised by ``openai_api`` with everything the queue needs."""

    def __init__(
        self,
        message: str,
        kind: ErrorKind,
        *,
        http_status: int | None = None,
        request_id: str | None = None,
        retry_after: float | None = None,
        ambiguous: bool = False,
    ) -> None:
        super().__init__(message, kind)
        self.http_status = http_status
        self.request_id = request_id
        self.retry_after = retry_after
        self.ambiguous = ambiguous  # the request may have been stored by the server


class NoApiKeyError(UploadError):
    """No API key in ``OPENAI_API_KEY`` or the keyring; nothing was sent."""

    def __init__(self, message: str) -> None:
        super().__init__(message, kind=ErrorKind.AUTH)


class UnknownJobError(UploadError):
    """No upload job has the given id."""

    def __init__(self, message: str) -> None:
        super().__init__(message, kind=ErrorKind.INVALID)


class ExtractionError(AttachGuardError):
    """Text could not be extracted from a document. ``kind`` names the reason."""

    def __init__(self, message: str, kind: str = "failed") -> None:
        super().__init__(message)
        self.kind = kind


class BatchError(AttachGuardError):
    """A Batch API call, an input backup or a resubmission failed."""


class UnknownBatchError(BatchError):
    """No batch has the given id."""


class ClipboardError(AttachGuardError):
    """The system clipboard is unavailable (no display or no copy tool) or copying failed."""
