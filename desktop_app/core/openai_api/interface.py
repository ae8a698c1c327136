"""What the upload engine needs from the Files and Uploads APIs, as a :class:`typing.Protocol`.

:class:`~desktop_app.core.openai_api.files.Uploader` is the real implementation; tests may pass a
small in-process fake instead. Importing this module does not load the SDK.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from desktop_app.core.openai_api.records import RemoteFile, RemoteUpload, SentFile

#: Seconds a remote file may seem to predate the attempt that stored it: ``created_at`` is in
#: whole seconds, and the server clock may run a little behind ours.
RECONCILE_SKEW = 2.0


class FilesApi(Protocol):
    """Files and Uploads calls for one target. Every failure is an ``ApiCallError``."""

    def create_file(
        self,
        path: Path,
        filename: str,
        mime_type: str,
        purpose: str,
        expires_after: int | None,
        on_progress: Callable[[int], None] | None = None,
    ) -> SentFile:
        """Store ``path`` as ``filename``; also says what the bytes sent hash to."""

    def retrieve(self, file_id: str) -> RemoteFile: ...

    def delete(self, file_id: str) -> None: ...

    def find(
        self, filename: str, size: int, purpose: str, since: float, skew: float = RECONCILE_SKEW
    ) -> list[RemoteFile]:
        """Files of that name, size and purpose created since ``since - skew``, newest first."""

    def probe(self) -> None:
        """The cheapest authenticated call; raises if the service is down."""

    def create_upload(
        self, filename: str, size: int, mime_type: str, purpose: str, expires_after: int | None
    ) -> RemoteUpload: ...

    def add_part(self, upload_id: str, data: bytes) -> str: ...

    def complete_upload(self, upload_id: str, part_ids: Sequence[str], md5: str) -> RemoteFile: ...

    def cancel_upload(self, upload_id: str) -> None: ...

    def close(self) -> None: ...
