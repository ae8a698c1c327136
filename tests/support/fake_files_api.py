"""An in-process fake of our own SDK seam (:class:`~desktop_app.core.openai_api.FilesApi`).

For unit tests of the upload engine's logic (the worker's decisions, the job runner's steps)
where a real HTTP round trip adds nothing: each call can be scripted to fail with an
``ApiCallError``, and every stored file is kept in memory. The end-to-end tests still run the
real SDK against the loopback server in ``support/fake_openai``.
"""

from __future__ import annotations

import hashlib
import itertools
from collections import defaultdict, deque
from collections.abc import Callable, Sequence
from pathlib import Path

from desktop_app.core.errors import ApiCallError, ErrorKind
from desktop_app.core.openai_api import RECONCILE_SKEW, RemoteFile, RemoteUpload, SentFile


class InMemoryFiles:
    """Files and Uploads calls against a dict, on the clock it is given."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self.files: dict[str, RemoteFile] = {}
        self.calls: list[str] = []
        self._failures: dict[str, deque[ApiCallError]] = defaultdict(deque)
        self._ids = itertools.count(1)
        #: Bytes the next create_file pretends to have sent (a damaged vault copy).
        self.corrupt_next_send = False
        #: create_file stores the file, then fails as if the answer was lost.
        self.store_then_fail: ApiCallError | None = None

    def fail(self, method: str, *errors: ApiCallError) -> None:
        """The next calls of ``method`` raise these errors, one each, in order."""
        self._failures[method].extend(errors)

    def recover(self) -> None:
        """The service is back: no scripted failure is left."""
        self._failures.clear()

    def _call(self, method: str) -> None:
        self.calls.append(method)
        if self._failures[method]:
            raise self._failures[method].popleft()

    def create_file(
        self,
        path: Path,
        filename: str,
        mime_type: str,
        purpose: str,
        expires_after: int | None,
        on_progress: Callable[[int], None] | None = None,
    ) -> SentFile:
        self._call("create_file")
        data = path.read_bytes()
        if on_progress is not None:
            on_progress(len(data))
        now = self._clock()
        remote = RemoteFile(
            id=f"file-{next(self._ids)}",
            filename=filename,
            size=len(data),
            purpose=purpose,
            created_at=float(int(now)),
            expires_at=None if expires_after is None else now + expires_after,
        )
        self.files[remote.id] = remote
        if self.store_then_fail is not None:
            error, self.store_then_fail = self.store_then_fail, None
            raise error
        sent = data + b"!" if self.corrupt_next_send else data
        self.corrupt_next_send = False
        return SentFile(remote, hashlib.sha256(sent).hexdigest())

    def retrieve(self, file_id: str) -> RemoteFile:
        self._call("retrieve")
        remote = self.files.get(file_id)
        if remote is None:
            raise ApiCallError(
                f"No such File object: {file_id}", ErrorKind.INVALID, http_status=404
            )
        return remote

    def delete(self, file_id: str) -> None:
        self._call("delete")
        self.files.pop(file_id, None)

    def find(
        self, filename: str, size: int, purpose: str, since: float, skew: float = RECONCILE_SKEW
    ) -> list[RemoteFile]:
        self._call("find")
        found = [
            f
            for f in self.files.values()
            if f.filename == filename
            and f.size == size
            and f.purpose == purpose
            and f.created_at >= since - skew
        ]
        return sorted(found, key=lambda f: (f.created_at, f.id), reverse=True)

    def probe(self) -> None:
        self._call("probe")

    def create_upload(
        self, filename: str, size: int, mime_type: str, purpose: str, expires_after: int | None
    ) -> RemoteUpload:
        raise NotImplementedError("multipart uploads are tested against the loopback server")

    def add_part(self, upload_id: str, data: bytes) -> str:
        raise NotImplementedError

    def complete_upload(self, upload_id: str, part_ids: Sequence[str], md5: str) -> RemoteFile:
        raise NotImplementedError

    def cancel_upload(self, upload_id: str) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self.calls.append("close")


def server_error(status: int = 503) -> ApiCallError:
    return ApiCallError(f"HTTP {status}", ErrorKind.SERVER, http_status=status)


def expired_error() -> ApiCallError:
    return ApiCallError("The file has expired", ErrorKind.EXPIRED, http_status=400)
