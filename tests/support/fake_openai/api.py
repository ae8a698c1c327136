"""The fake OpenAI endpoints: Files, Uploads and Batches, over in-memory records.

:class:`Api` validates like the real service where the upload engine could notice a difference
(purposes, ``expires_after`` bounds, part ownership, size and md5 on completion, upload expiry)
and answers with OpenAI's JSON shapes. It knows nothing about HTTP or faults (see handler.py).
Every mutation happens under one lock; request bodies are parsed before the lock is taken.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Callable
from typing import Any

from .records import (
    BATCH_DEFAULT_EXPIRY,
    BATCH_WINDOW,
    CREATE_PURPOSES,
    MAX_EXPIRES_AFTER,
    MIN_EXPIRES_AFTER,
    UPLOAD_LIFETIME,
    BatchRecord,
    FileRecord,
    PartRecord,
    UploadRecord,
    new_id,
)
from .wire import BadRequest, Response, page, parse_json, parse_multipart

#: The real per-file limit (512 MB) and the Uploads API limits.
MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_UPLOAD_BYTES = 8 * 1024**3
MAX_PART_BYTES = 64 * 1024 * 1024


_ROUTES: list[tuple[str, re.Pattern[str], str]] = [
    ("POST", re.compile(r"/v1/files"), "create_file"),
    ("GET", re.compile(r"/v1/files"), "list_files"),
    ("GET", re.compile(r"/v1/files/([^/]+)"), "retrieve_file"),
    ("DELETE", re.compile(r"/v1/files/([^/]+)"), "delete_file"),
    ("GET", re.compile(r"/v1/files/([^/]+)/content"), "file_content"),
    ("POST", re.compile(r"/v1/uploads"), "create_upload"),
    ("POST", re.compile(r"/v1/uploads/([^/]+)/parts"), "add_part"),
    ("POST", re.compile(r"/v1/uploads/([^/]+)/complete"), "complete_upload"),
    ("POST", re.compile(r"/v1/uploads/([^/]+)/cancel"), "cancel_upload"),
    ("POST", re.compile(r"/v1/batches"), "create_batch"),
    ("GET", re.compile(r"/v1/batches"), "list_batches"),
    ("GET", re.compile(r"/v1/batches/([^/]+)"), "retrieve_batch"),
    ("POST", re.compile(r"/v1/batches/([^/]+)/cancel"), "cancel_batch"),
]


def reencode_name(name: str) -> str:
    """``name`` as a server stores it that keeps the form encoding's escapes."""
    return "".join(
        f"%{ord(ch):02X}" if ch in '"\\' or ord(ch) < 0x20 or ord(ch) == 0x7F else ch for ch in name
    )


class Api:
    """In-memory state plus one method per endpoint."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self.lock = threading.RLock()
        self.clock = clock
        self.all_files: dict[str, FileRecord] = {}
        self.uploads: dict[str, UploadRecord] = {}
        self.batches: dict[str, BatchRecord] = {}
        self.max_file_bytes = MAX_FILE_BYTES
        #: Store names the way a careless server does: ``"``, ``\\`` and control characters
        #: percent-encoded (what the client wrote on the wire), not the name that was meant.
        self.reencode_names = False
        #: Sort keys of deleted files, so a paging cursor pointing at one still works.
        self._deleted_keys: dict[str, tuple[int, int]] = {}
        self._seq = 0

    # -- plumbing -----------------------------------------------------------------------------
    def route(
        self, method: str, path: str, query: dict[str, str], headers: Any, body: bytes
    ) -> Response | None:
        """Dispatch to an endpoint; None when no route matches (the handler answers 404)."""
        for route_method, pattern, name in _ROUTES:
            match = pattern.fullmatch(path)
            if match and route_method == method:
                handler = getattr(self, name)
                result: Response = handler(*match.groups(), query=query, headers=headers, body=body)
                return result
        return None

    def _file_key(self, file_id: str) -> tuple[int, int] | None:
        with self.lock:
            record = self.all_files.get(file_id)
            if record is not None:
                return (record.created_at, record.seq)
            return self._deleted_keys.get(file_id)

    def _batch_key(self, batch_id: str) -> tuple[int, int] | None:
        with self.lock:
            batch = self.batches.get(batch_id)
            return (batch.created_at, batch.seq) if batch is not None else None

    def _next_seq(self) -> int:
        self._seq += 1
        return self._seq

    def _now(self) -> int:
        return int(self.clock())

    def live_file(self, file_id: str) -> FileRecord:
        record = self.all_files.get(file_id)
        if record is None or not record.is_live(self.clock()):
            raise BadRequest(f"No such File object: {file_id}", status=404, param="id")
        return record

    def store_file(
        self, filename: str, content: bytes, purpose: str, expires_after: int | None
    ) -> FileRecord:
        now = self._now()
        if expires_after is None and purpose == "batch":
            expires_after = BATCH_DEFAULT_EXPIRY
        if self.reencode_names:
            filename = reencode_name(filename)
        record = FileRecord(
            id=new_id("file-"),
            filename=filename,
            bytes=len(content),
            purpose=purpose,
            created_at=now,
            expires_at=now + expires_after if expires_after is not None else None,
            content=content,
        )
        with self.lock:
            record.seq = self._next_seq()
            self.all_files[record.id] = record
        return record

    # -- Files --------------------------------------------------------------------------------
    def create_file(self, *, query: dict[str, str], headers: Any, body: bytes) -> Response:
        form = parse_multipart(body, headers.get("Content-Type", ""))
        upload = form.get("file")
        if upload is None or upload.filename is None:
            raise BadRequest("Missing required parameter: 'file'.", param="file")
        purpose = form["purpose"].data.decode() if "purpose" in form else ""
        if purpose not in CREATE_PURPOSES:
            raise BadRequest(f"Invalid value for 'purpose': {purpose!r}.", param="purpose")
        expires_after = None
        if "expires_after[seconds]" in form:
            anchor = form.get("expires_after[anchor]")
            if anchor is None or anchor.data != b"created_at":
                raise BadRequest(
                    "expires_after[anchor] must be 'created_at'.", param="expires_after.anchor"
                )
            try:
                expires_after = int(form["expires_after[seconds]"].data)
            except ValueError as exc:
                raise BadRequest(
                    "expires_after[seconds] must be an integer.", param="expires_after.seconds"
                ) from exc
            if not MIN_EXPIRES_AFTER <= expires_after <= MAX_EXPIRES_AFTER:
                raise BadRequest(
                    f"expires_after[seconds] must be between {MIN_EXPIRES_AFTER} and "
                    f"{MAX_EXPIRES_AFTER}.",
                    param="expires_after.seconds",
                )
        if len(upload.data) > self.max_file_bytes:
            raise BadRequest(
                f"File is too large: {len(upload.data)} bytes, the limit is "
                f"{self.max_file_bytes} bytes.",
                status=413,
                param="file",
                code="file_too_large",
            )
        record = self.store_file(upload.filename, upload.data, purpose, expires_after)
        return Response(200, record.to_wire())

    def list_files(self, *, query: dict[str, str], headers: Any, body: bytes) -> Response:
        order = query.get("order", "desc")
        if order not in ("asc", "desc"):
            raise BadRequest("Invalid 'order': expected 'asc' or 'desc'.", param="order")
        purpose = query.get("purpose")
        now = self.clock()
        with self.lock:
            files = [
                f
                for f in self.all_files.values()
                if f.is_live(now) and (not purpose or f.purpose == purpose)
            ]
        files.sort(key=lambda f: (f.created_at, f.seq), reverse=order == "desc")
        return page(files, query, 10_000, 10_000, self._file_key, order == "desc")

    def retrieve_file(
        self, file_id: str, *, query: dict[str, str], headers: Any, body: bytes
    ) -> Response:
        with self.lock:
            return Response(200, self.live_file(file_id).to_wire())

    def delete_file(
        self, file_id: str, *, query: dict[str, str], headers: Any, body: bytes
    ) -> Response:
        with self.lock:
            record = self.live_file(file_id)
            del self.all_files[file_id]
            self._deleted_keys[file_id] = (record.created_at, record.seq)
        return Response(200, {"id": file_id, "object": "file", "deleted": True})

    def file_content(
        self, file_id: str, *, query: dict[str, str], headers: Any, body: bytes
    ) -> Response:
        with self.lock:
            content = self.live_file(file_id).content
        return Response(200, content, content_type="application/octet-stream")

    # -- Uploads ------------------------------------------------------------------------------
    def _pending_upload(self, upload_id: str) -> UploadRecord:
        upload = self.uploads.get(upload_id)
        if upload is None:
            raise BadRequest(f"No such Upload object: {upload_id}", status=404, param="upload_id")
        if upload.status == "pending" and self.clock() >= upload.expires_at:
            upload.status = "expired"
        if upload.status != "pending":
            # The real message varies; the code is what callers should branch on.
            raise BadRequest(
                f"Upload {upload_id} is {upload.status} and cannot be changed.",
                param="upload_id",
                code=f"upload_{upload.status}",
            )
        return upload

    def create_upload(self, *, query: dict[str, str], headers: Any, body: bytes) -> Response:
        data = parse_json(body)
        for name in ("bytes", "filename", "mime_type", "purpose"):
            if name not in data:
                raise BadRequest(f"Missing required parameter: '{name}'.", param=name)
        size = data["bytes"]
        if not isinstance(size, int) or not 0 <= size <= MAX_UPLOAD_BYTES:
            raise BadRequest("'bytes' must be an integer up to 8 GB.", param="bytes")
        if data["purpose"] not in CREATE_PURPOSES:
            raise BadRequest(f"Invalid value for 'purpose': {data['purpose']!r}.", param="purpose")
        now = self._now()
        upload = UploadRecord(
            id=new_id("upload_"),
            filename=str(data["filename"]),
            bytes=size,
            mime_type=str(data["mime_type"]),
            purpose=str(data["purpose"]),
            created_at=now,
            expires_at=now + UPLOAD_LIFETIME,
        )
        with self.lock:
            self.uploads[upload.id] = upload
        return Response(200, upload.to_wire())

    def add_part(
        self, upload_id: str, *, query: dict[str, str], headers: Any, body: bytes
    ) -> Response:
        form = parse_multipart(body, headers.get("Content-Type", ""))
        if "data" not in form:
            raise BadRequest("Missing required parameter: 'data'.", param="data")
        data = form["data"].data
        if len(data) > MAX_PART_BYTES:
            raise BadRequest("A part can be at most 64 MB.", status=413, param="data")
        with self.lock:
            upload = self._pending_upload(upload_id)
            part = PartRecord(new_id("part_"), upload_id, self._now(), data)
            upload.parts[part.id] = part
        return Response(200, part.to_wire())

    def complete_upload(
        self, upload_id: str, *, query: dict[str, str], headers: Any, body: bytes
    ) -> Response:
        data = parse_json(body)
        part_ids = data.get("part_ids")
        if not isinstance(part_ids, list) or not part_ids:
            raise BadRequest("Missing required parameter: 'part_ids'.", param="part_ids")
        with self.lock:
            upload = self._pending_upload(upload_id)
            unknown = [pid for pid in part_ids if pid not in upload.parts]
            if unknown:
                raise BadRequest(f"Unknown part ids: {unknown}.", param="part_ids")
            content = b"".join(upload.parts[pid].data for pid in part_ids)
            if len(content) != upload.bytes:
                raise BadRequest(
                    f"The parts add up to {len(content)} bytes, but the upload was created "
                    f"with {upload.bytes} bytes.",
                    param="part_ids",
                )
            md5 = data.get("md5")
            if md5 and hashlib.md5(content).hexdigest() != md5:
                raise BadRequest("The md5 checksum does not match the parts.", param="md5")
            record = self.store_file(upload.filename, content, upload.purpose, None)
            upload.status = "completed"
            upload.file_id = record.id
            upload.parts.clear()  # the content now lives in the file; free the parts
        return Response(200, upload.to_wire(record))

    def cancel_upload(
        self, upload_id: str, *, query: dict[str, str], headers: Any, body: bytes
    ) -> Response:
        with self.lock:
            upload = self._pending_upload(upload_id)
            upload.status = "cancelled"
            upload.parts.clear()
        return Response(200, upload.to_wire())

    # -- Batches ------------------------------------------------------------------------------
    def new_batch(self, input_file_id: str, endpoint: str, window: str) -> BatchRecord:
        now = self._now()
        batch = BatchRecord(
            id=new_id("batch_"),
            input_file_id=input_file_id,
            endpoint=endpoint,
            completion_window=window,
            created_at=now,
            expires_at=now + BATCH_WINDOW,
        )
        with self.lock:
            batch.seq = self._next_seq()
            self.batches[batch.id] = batch
        return batch

    def _batch(self, batch_id: str) -> BatchRecord:
        batch = self.batches.get(batch_id)
        if batch is None:
            raise BadRequest(f"No such Batch object: {batch_id}", status=404, param="batch_id")
        return batch

    def create_batch(self, *, query: dict[str, str], headers: Any, body: bytes) -> Response:
        data = parse_json(body)
        for name in ("input_file_id", "endpoint", "completion_window"):
            if name not in data:
                raise BadRequest(f"Missing required parameter: '{name}'.", param=name)
        with self.lock:
            self.live_file(str(data["input_file_id"]))
        batch = self.new_batch(
            str(data["input_file_id"]), str(data["endpoint"]), str(data["completion_window"])
        )
        batch.metadata = data.get("metadata")
        return Response(200, batch.to_wire())

    def list_batches(self, *, query: dict[str, str], headers: Any, body: bytes) -> Response:
        with self.lock:
            batches = sorted(
                self.batches.values(), key=lambda b: (b.created_at, b.seq), reverse=True
            )
        return page(batches, query, 20, 100, self._batch_key, True)

    def retrieve_batch(
        self, batch_id: str, *, query: dict[str, str], headers: Any, body: bytes
    ) -> Response:
        with self.lock:
            return Response(200, self._batch(batch_id).to_wire())

    def cancel_batch(
        self, batch_id: str, *, query: dict[str, str], headers: Any, body: bytes
    ) -> Response:
        with self.lock:
            batch = self._batch(batch_id)
            if batch.status in ("completed", "failed", "expired", "cancelled"):
                raise BadRequest(f"Cannot cancel a batch with status '{batch.status}'.", status=409)
            batch.status = "cancelling"
            batch.cancelling_at = self._now()
            return Response(200, batch.to_wire())
