"""Files and Uploads API calls for one target: the real :class:`~.protocol.FilesApi`.

Takes and returns plain values (:mod:`.records`); every SDK exception leaves as
:class:`~desktop_app.core.errors.ApiCallError` through :func:`.errors.convert_api_errors`.
What to do about a failure (retry, reconcile, give up) is the upload engine's business.
"""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from desktop_app.core.errors import ApiCallError, ErrorKind
from desktop_app.core.fsutil import hash_file
from desktop_app.core.openai_api.client import make_client
from desktop_app.core.openai_api.error_map import convert_api_errors
from desktop_app.core.openai_api.interface import RECONCILE_SKEW
from desktop_app.core.openai_api.records import RemoteFile, RemoteUpload, SentFile


def remote_file(obj: Any) -> RemoteFile:
    """Our record of an SDK ``FileObject``."""
    return RemoteFile(
        id=str(obj.id),
        filename=str(obj.filename),
        size=int(obj.bytes),
        purpose=str(obj.purpose),
        created_at=float(obj.created_at),
        expires_at=None if obj.expires_at is None else float(obj.expires_at),
    )


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
        self._client = make_client(api_key, base_url, timeout)

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
    ) -> SentFile:
        """Upload ``path`` as ``filename``; the result says what the bytes sent hash to."""
        extra: dict[str, Any] = {}
        if expires_after is not None:
            extra["expires_after"] = {"anchor": "created_at", "seconds": expires_after}
        with ProgressFile(path, on_progress) as handle:
            with convert_api_errors(may_store=True):
                obj = self._client.files.create(
                    file=(filename, handle, mime_type),
                    purpose=purpose,  # type: ignore[arg-type]  # the server validates purposes
                    **extra,
                )
            sent = handle.sent_sha256()
            if sent is None:
                sent, _ = hash_file(path)  # the client did not read it once in order
        return SentFile(remote_file(obj), sent)

    def retrieve(self, file_id: str) -> RemoteFile:
        with convert_api_errors():
            return remote_file(self._client.files.retrieve(file_id))

    def delete(self, file_id: str) -> None:
        with convert_api_errors():
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
        with convert_api_errors():
            page = self._client.files.list(purpose=purpose, order="desc", limit=100)
            while True:
                older = False
                for obj in page.data:
                    remote = remote_file(obj)
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
        with convert_api_errors():
            self._client.files.list(limit=1)

    # -- Uploads API (large files) -------------------------------------------------------------

    def create_upload(
        self, filename: str, size: int, mime_type: str, purpose: str, expires_after: int | None
    ) -> RemoteUpload:
        extra: dict[str, Any] = {}
        if expires_after is not None:
            extra["expires_after"] = {"anchor": "created_at", "seconds": expires_after}
        with convert_api_errors():
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
        with convert_api_errors():
            # A part stored without our knowing its id is never referenced at completion.
            return str(self._client.uploads.parts.create(upload_id, data=data).id)

    def complete_upload(self, upload_id: str, part_ids: Sequence[str], md5: str) -> RemoteFile:
        with convert_api_errors(may_store=True):
            upload = self._client.uploads.complete(upload_id, part_ids=list(part_ids), md5=md5)
        if upload.file is None:
            raise ApiCallError(
                f"upload {upload_id} completed without a file (status {upload.status})",
                ErrorKind.UNKNOWN,
                ambiguous=True,
            )
        return remote_file(upload.file)

    def cancel_upload(self, upload_id: str) -> None:
        with convert_api_errors():
            self._client.uploads.cancel(upload_id)
