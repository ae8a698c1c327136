"""The only module that talks to the ``openai`` SDK: Files and Uploads calls for one target.

The client is built with ``max_retries=0`` because the persistent queue owns every retry (so they
survive restarts and never duplicate a stored file behind our back). Every SDK exception is
converted here, once, into :class:`~desktop_app.core.errors.ApiCallError` carrying the
:class:`~desktop_app.core.errors.ErrorKind`, HTTP status, request id, Retry-After and whether the
call may have reached the server (``ambiguous``).
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx2
import openai

from desktop_app.core.errors import ApiCallError, UploadError
from desktop_app.core.redact import redact
from desktop_app.core.uploads.jobs import damaged_copy_message
from desktop_app.core.uploads.retry import ErrorKind, classify_status, parse_retry_after

log = logging.getLogger(__name__)

#: Seconds a remote file may seem to predate the attempt that stored it: ``created_at`` is in
#: whole seconds, and the server clock may run a little behind ours.
RECONCILE_SKEW = 2.0


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
class RemoteUpload:
    """A pending multipart Upload (it expires one hour after creation)."""

    id: str
    expires_at: float


def _remote(obj: Any) -> RemoteFile:
    return RemoteFile(
        id=str(obj.id),
        filename=str(obj.filename),
        size=int(obj.bytes),
        purpose=str(obj.purpose),
        created_at=float(obj.created_at),
        expires_at=None if obj.expires_at is None else float(obj.expires_at),
    )


def _convert(exc: Exception, *, may_store: bool) -> ApiCallError:
    """Turn an SDK exception into our error (``may_store``: the call creates something)."""
    if isinstance(exc, openai.APIStatusError):
        body_msg = _body_message(exc)
        kind = classify_status(exc.status_code, exc.code, body_msg)
        retry_after = parse_retry_after(dict(exc.response.headers), time.time())
        return ApiCallError(
            redact(body_msg or f"HTTP {exc.status_code}"),
            str(kind),
            http_status=exc.status_code,
            request_id=exc.request_id,
            retry_after=retry_after,
        )
    if isinstance(exc, openai.APIConnectionError):
        cause = exc.__cause__
        # A refused or failed connect never carried the body; anything later might have.
        sent = not isinstance(cause, httpx2.ConnectError | httpx2.ConnectTimeout)
        what = "timed out" if isinstance(exc, openai.APITimeoutError) else "connection failed"
        detail = f" ({type(cause).__name__})" if cause is not None else ""
        return ApiCallError(
            f"network error: {what}{detail}", str(ErrorKind.NETWORK), ambiguous=may_store and sent
        )
    if isinstance(exc, openai.APIResponseValidationError):
        return ApiCallError(
            redact(f"unexpected response: {exc.message}"),
            str(ErrorKind.UNKNOWN),
            http_status=exc.status_code,
            ambiguous=may_store,
        )
    return ApiCallError(
        redact(f"{type(exc).__name__}: {exc}"), str(ErrorKind.UNKNOWN), ambiguous=may_store
    )


def _body_message(exc: openai.APIStatusError) -> str:
    """The server's own message from ``{"error": {"message": ...}}``, else the SDK's text."""
    body = exc.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and isinstance(inner.get("message"), str):
            return str(inner["message"])
    return exc.message


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


@contextmanager
def _boundary(*, may_store: bool) -> Iterator[None]:
    try:
        yield
    except ApiCallError:
        raise
    except (openai.OpenAIError, httpx2.HTTPError) as exc:
        raise _convert(exc, may_store=may_store) from exc


class ProgressFile(io.FileIO):
    """A read-only file that reports how many bytes the HTTP client has read from it, and
    hashes them (SHA-256) as they stream, so what was sent can be checked against the job."""

    def __init__(self, path: Path, on_progress: Callable[[int], None] | None) -> None:
        super().__init__(path, "rb")
        self._on_progress = on_progress
        self._sent = 0
        self._digest = hashlib.sha256()
        self._hashed = 0  # bytes fed to the digest, all read in order from offset 0
        self._hash_lost = False  # read out of order: the digest says nothing

    def read(self, size: int | None = -1, /) -> bytes:
        position = self.tell()
        chunk = super().read(size)
        if chunk:
            if position == 0 and self._hashed:
                self._digest, self._hashed = hashlib.sha256(), 0  # the client re-reads
            if position == self._hashed:
                self._digest.update(chunk)
                self._hashed += len(chunk)
            else:
                self._hash_lost = True
            if self._on_progress is not None:
                self._sent += len(chunk)
                self._on_progress(self._sent)
        return chunk if chunk is not None else b""

    def sent_sha256(self) -> str | None:
        """SHA-256 of the bytes sent, if they were read once in order to the end; else None."""
        if self._hash_lost or self._hashed != os.fstat(self.fileno()).st_size:
            return None
        return self._digest.hexdigest()

    def seek(self, offset: int, whence: int = io.SEEK_SET, /) -> int:
        position = super().seek(offset, whence)
        self._sent = position
        return position


class Uploader:
    """Files and Uploads API calls against one base URL with one key."""

    def __init__(self, api_key: str, base_url: str, *, timeout: float | None = None) -> None:
        self.base_url = base_url
        self._client = openai.OpenAI(
            api_key=api_key,
            base_url=base_url,
            max_retries=0,
            timeout=timeout if timeout is not None else openai.DEFAULT_TIMEOUT,
        )

    def close(self) -> None:
        """Close the connection pool; a call still in flight on another thread fails fast."""
        self._client.close()

    # -- Files API -----------------------------------------------------------------------------

    def create_file(
        self,
        path: Path,
        filename: str,
        mime_type: str,
        purpose: str,
        expires_after: int | None,
        on_progress: Callable[[int], None] | None = None,
        expected_sha256: str | None = None,
    ) -> RemoteFile:
        """Upload ``path`` as ``filename``.

        With ``expected_sha256``, the bytes are hashed as they stream; if they differ (the
        local copy is damaged) the stored file is deleted again and :class:`UploadError`
        (kind ``invalid``: sending it again cannot help) is raised.
        """
        extra: dict[str, Any] = {}
        if expires_after is not None:
            extra["expires_after"] = {"anchor": "created_at", "seconds": expires_after}
        with ProgressFile(path, on_progress) as handle:
            with _boundary(may_store=True):
                obj = self._client.files.create(
                    file=(filename, handle, mime_type),
                    purpose=purpose,  # type: ignore[arg-type]  # the server validates purposes
                    **extra,
                )
            sent = handle.sent_sha256() if expected_sha256 is not None else None
            if expected_sha256 is not None and sent is None:
                sent = _file_sha256(path)  # the client did not read it once in order
        remote = _remote(obj)
        if expected_sha256 is not None and sent != expected_sha256:
            log.error("%s: sent bytes do not match the backup's SHA-256", filename)
            try:
                self.delete(remote.id)
            except ApiCallError as exc:
                log.warning("could not delete damaged upload %s: %s", remote.id, exc)
            raise UploadError(damaged_copy_message(filename), kind=str(ErrorKind.INVALID))
        return remote

    def retrieve(self, file_id: str) -> RemoteFile:
        with _boundary(may_store=False):
            return _remote(self._client.files.retrieve(file_id))

    def delete(self, file_id: str) -> None:
        with _boundary(may_store=False):
            self._client.files.delete(file_id)

    def find(
        self, filename: str, size: int, purpose: str, since: float, skew: float = RECONCILE_SKEW
    ) -> list[RemoteFile]:
        """Files named ``filename`` of ``size`` bytes and ``purpose`` created since ``since``,
        newest first.

        ``skew`` (a few seconds, never more) widens the window for the server's whole-second
        timestamps and a server clock slightly behind ours; a file created earlier than that
        cannot come from an attempt that started at ``since``. Pages newest first and stops
        once files are older than the window.
        """
        found: list[RemoteFile] = []
        with _boundary(may_store=False):
            page = self._client.files.list(purpose=purpose, order="desc", limit=100)
            while True:
                older = False
                for obj in page.data:
                    remote = _remote(obj)
                    if remote.created_at < since - skew:
                        older = True
                        continue
                    if remote.filename == filename and remote.size == size:
                        found.append(remote)
                if older or not page.has_next_page():
                    break
                page = page.get_next_page()
        found.sort(key=lambda r: (r.created_at, r.id), reverse=True)
        return found

    def probe(self) -> None:
        """The cheapest authenticated call (list one file); raises if the service is down."""
        with _boundary(may_store=False):
            self._client.files.list(limit=1)

    # -- Uploads API (large files) -------------------------------------------------------------

    def create_upload(
        self, filename: str, size: int, mime_type: str, purpose: str, expires_after: int | None
    ) -> RemoteUpload:
        extra: dict[str, Any] = {}
        if expires_after is not None:
            extra["expires_after"] = {"anchor": "created_at", "seconds": expires_after}
        with _boundary(may_store=False):
            # A lost Upload is harmless: it stores no file and expires within the hour.
            upload = self._client.uploads.create(
                bytes=size,
                filename=filename,
                mime_type=mime_type,
                purpose=purpose,  # type: ignore[arg-type]
                **extra,
            )
        return RemoteUpload(id=upload.id, expires_at=float(upload.expires_at))

    def add_part(self, upload_id: str, data: bytes) -> str:
        with _boundary(may_store=False):
            # A part stored without our knowing its id is never referenced at completion.
            return str(self._client.uploads.parts.create(upload_id, data=data).id)

    def complete_upload(self, upload_id: str, part_ids: Sequence[str], md5: str) -> RemoteFile:
        with _boundary(may_store=True):
            upload = self._client.uploads.complete(upload_id, part_ids=list(part_ids), md5=md5)
        if upload.file is None:
            raise ApiCallError(
                f"upload {upload_id} completed without a file (status {upload.status})",
                str(ErrorKind.UNKNOWN),
                ambiguous=True,
            )
        return _remote(upload.file)

    def cancel_upload(self, upload_id: str) -> None:
        with _boundary(may_store=False):
            self._client.uploads.cancel(upload_id)
