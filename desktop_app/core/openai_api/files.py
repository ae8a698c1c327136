"""Files and Uploads API calls for one target: the real :class:`~.protocol.FilesApi`.

Takes and returns plain values (:mod:`.records`); every SDK exception leaves as
:class:`~desktop_app.core.errors.ApiCallError` through :func:`.errors.convert_api_errors`.
What to do about a failure (retry, reconcile, give up) is the upload engine's business.

Every call runs under a total deadline scaled by the bytes it sends (:mod:`.deadline`), and the
server's answer is turned into our records inside the error conversion, so an answer that cannot
be read (HTML, truncated or misshapen JSON) fails like any other call: ``ambiguous`` if it may
have stored a file. File names are sent in a form the server stores verbatim (:mod:`.names`).
"""

from __future__ import annotations

import hashlib
import io
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from desktop_app.core.errors import ApiCallError, ErrorKind
from desktop_app.core.fsutil import hash_file
from desktop_app.core.openai_api.client import make_client
from desktop_app.core.openai_api.deadline import CallDeadline, call_deadline
from desktop_app.core.openai_api.error_map import (
    UnexpectedAnswer,
    convert_api_errors,
    server_clock_offset,
)
from desktop_app.core.openai_api.interface import RECONCILE_SKEW
from desktop_app.core.openai_api.names import stored_as, wire_name
from desktop_app.core.openai_api.records import RemoteFile, RemoteUpload, SentFile


def remote_file(obj: Any) -> RemoteFile:
    """Our record of an SDK ``FileObject``; :class:`UnexpectedAnswer` if it is not one (the
    SDK hands back an HTML page as text, and JSON of the wrong shape without checking it)."""
    try:
        fields = (obj.id, obj.filename, obj.bytes, obj.purpose, obj.created_at)
        expires = getattr(obj, "expires_at", None)
    except AttributeError as exc:
        raise UnexpectedAnswer(f"expected a file object, got {type(obj).__name__}") from exc
    file_id, filename, size, purpose, created = fields
    numbers = (size, created) if expires is None else (size, created, expires)
    if (
        not (isinstance(file_id, str) and file_id and isinstance(filename, str))
        or not all(isinstance(n, int | float) and not isinstance(n, bool) for n in numbers)
        or not isinstance(size, int)
    ):
        raise UnexpectedAnswer("the file object lacks its id, name, size or creation time")
    return RemoteFile(
        id=file_id,
        filename=filename,
        size=size,
        purpose=str(purpose),
        created_at=float(created),
        expires_at=None if expires is None else float(expires),
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

    def __init__(
        self,
        api_key: str,
        base_url: str,
        *,
        timeout: float | None = None,
        deadline: CallDeadline | None = None,
        azure_api_version: str | None = None,
    ) -> None:
        """``timeout``: the longest wait for one network operation (default: the SDK's), and
        then also the base of each call's total ``deadline`` (default: :class:`CallDeadline`).
        ``azure_api_version``: ``base_url`` is an Azure OpenAI endpoint (see ``client``)."""
        self.base_url = base_url
        self._client = make_client(api_key, base_url, timeout, azure_api_version=azure_api_version)
        if deadline is None:
            deadline = CallDeadline() if timeout is None else CallDeadline(base=timeout)
        self._deadline = deadline

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
        """Upload ``path`` as ``filename`` (sent as :func:`.names.wire_name`); the result says
        what the bytes sent hash to."""
        extra: dict[str, Any] = {}
        if expires_after is not None:
            extra["expires_after"] = {"anchor": "created_at", "seconds": expires_after}
        with ProgressFile(path, on_progress) as handle:
            size = os.fstat(handle.fileno()).st_size
            with convert_api_errors(may_store=True), self._within(size):
                obj = self._client.files.create(
                    file=(wire_name(filename), handle, mime_type),
                    purpose=purpose,  # type: ignore[arg-type]  # the server validates purposes
                    **extra,
                )
                remote = remote_file(obj)
            sent = handle.sent_sha256()
            if sent is None:
                sent, _ = hash_file(path)  # the client did not read it once in order
        return SentFile(remote, sent)

    def retrieve(self, file_id: str) -> RemoteFile:
        with convert_api_errors(), self._within():
            return remote_file(self._client.files.retrieve(file_id))

    def delete(self, file_id: str) -> None:
        with convert_api_errors(), self._within():
            self._client.files.delete(file_id)

    def _within(self, size: int = 0) -> Any:
        """The total deadline of one call sending ``size`` bytes."""
        return call_deadline(self._deadline.seconds(size))

    def find(
        self, filename: str, size: int, purpose: str, since: float, skew: float = RECONCILE_SKEW
    ) -> list[RemoteFile]:
        """Files named ``filename`` of ``size`` bytes and ``purpose`` created since ``since``
        (our clock), newest first.

        The name matches as sent (:func:`.names.wire_name`) or as given. ``since`` is moved to
        the server's clock by the offset its ``Date`` header shows (a computer clock that runs
        fast would otherwise put the window after the copy the server just stored); ``skew``
        (a few seconds, never more) widens it for whole-second timestamps. A file created
        earlier cannot come from an attempt that started at ``since``. Pages newest first and
        stops once files are older than the window.
        """
        found: list[RemoteFile] = []
        names = stored_as(filename)
        with convert_api_errors(), self._within():
            raw = self._client.files.with_raw_response.list(
                purpose=purpose, order="desc", limit=100
            )
            start = since + server_clock_offset(raw.headers.get("date"), time.time()) - skew
            page = raw.parse()
        while True:
            older = False
            with convert_api_errors():
                for obj in page.data:
                    remote = remote_file(obj)
                    if remote.created_at < start:
                        older = True
                        continue
                    if remote.filename in names and remote.size == size:
                        found.append(remote)
            if older or not page.has_next_page():
                break
            with convert_api_errors(), self._within():
                page = page.get_next_page()
        found.sort(key=lambda r: (r.created_at, r.id), reverse=True)
        return found

    def probe(self) -> None:
        """The cheapest authenticated call (list one file); raises if the service is down."""
        with convert_api_errors(), self._within():
            self._client.files.list(limit=1)

    # -- Uploads API (large files) -------------------------------------------------------------

    def create_upload(
        self, filename: str, size: int, mime_type: str, purpose: str, expires_after: int | None
    ) -> RemoteUpload:
        extra: dict[str, Any] = {}
        if expires_after is not None:
            extra["expires_after"] = {"anchor": "created_at", "seconds": expires_after}
        with convert_api_errors(), self._within():
            # A lost Upload is harmless: it stores no file and expires within the hour.
            upload = self._client.uploads.create(
                bytes=size,
                filename=wire_name(filename),
                mime_type=mime_type,
                purpose=purpose,  # type: ignore[arg-type]
                **extra,
            )
            upload_id, expires_at = upload.id, upload.expires_at
            if not isinstance(upload_id, str) or not isinstance(expires_at, int | float):
                raise UnexpectedAnswer("the Upload object lacks its id or expiry")
        return RemoteUpload(id=upload_id, expires_at=float(expires_at))

    def add_part(self, upload_id: str, data: bytes) -> str:
        with convert_api_errors(), self._within(len(data)):
            # A part stored without our knowing its id is never referenced at completion.
            part_id = self._client.uploads.parts.create(upload_id, data=data).id
            if not isinstance(part_id, str) or not part_id:
                raise UnexpectedAnswer("the part object lacks its id")
        return part_id

    def complete_upload(self, upload_id: str, part_ids: Sequence[str], md5: str) -> RemoteFile:
        with convert_api_errors(may_store=True), self._within():
            upload = self._client.uploads.complete(upload_id, part_ids=list(part_ids), md5=md5)
            if getattr(upload, "file", None) is None:
                status = getattr(upload, "status", None)
                raise ApiCallError(
                    f"upload {upload_id} completed without a file (status {status})",
                    ErrorKind.UNKNOWN,
                    ambiguous=True,
                )
            return remote_file(upload.file)

    def cancel_upload(self, upload_id: str) -> None:
        with convert_api_errors(), self._within():
            self._client.uploads.cancel(upload_id)
