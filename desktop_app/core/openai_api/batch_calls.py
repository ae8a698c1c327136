"""Batch API calls for the batch watchdog: list, download an input, upload it again, create.

Takes and returns plain values (:mod:`.records`); every SDK exception leaves as
:class:`~desktop_app.core.errors.ApiCallError`. Use as a context manager: one client per run.
Every call has a total deadline (:mod:`.deadline`).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import TracebackType
from typing import Any

from desktop_app.core.openai_api.client import make_client
from desktop_app.core.openai_api.deadline import CallDeadline, call_deadline
from desktop_app.core.openai_api.error_map import convert_api_errors
from desktop_app.core.openai_api.files import remote_file
from desktop_app.core.openai_api.records import RemoteBatch, RemoteFile

#: The largest batch input file the API accepts: a download's deadline allows for it.
BATCH_INPUT_LIMIT = 200 * 1024 * 1024
_DEADLINE = CallDeadline()


def remote_batch(obj: Any) -> RemoteBatch:
    """Our record of an SDK ``Batch``."""
    wire: dict[str, Any] = obj.model_dump(mode="json")
    metadata = wire.get("metadata")
    return RemoteBatch(
        id=str(wire["id"]),
        status=str(wire.get("status")),
        endpoint=str(wire.get("endpoint") or ""),
        completion_window=str(wire.get("completion_window") or ""),
        input_file_id=str(wire.get("input_file_id") or ""),
        created_at=float(wire.get("created_at") or 0),
        metadata=None if metadata is None else {str(k): str(v) for k, v in metadata.items()},
        wire=wire,
    )


class BatchesApi:
    """Batch and batch-input calls against one base URL with one key."""

    def __init__(self, api_key: str, base_url: str, *, timeout: float | None = None) -> None:
        self._client = make_client(api_key, base_url, timeout)

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> BatchesApi:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def list_batches(self, since: float, limit: int) -> list[RemoteBatch]:
        """The newest batches, at most ``limit``, none created before ``since``; newest first."""
        found: list[RemoteBatch] = []
        with convert_api_errors(), call_deadline(_DEADLINE.seconds()):
            # The list is newest first: stop paging at the first batch that is too old.
            for batch in self._client.batches.list(limit=100):
                if batch.created_at < since or len(found) >= limit:
                    break
                found.append(remote_batch(batch))
        return found

    def retrieve_file(self, file_id: str) -> RemoteFile:
        with convert_api_errors(), call_deadline(_DEADLINE.seconds()):
            return remote_file(self._client.files.retrieve(file_id))

    def download(self, file_id: str) -> bytes:
        """The content of a stored file (a batch input: small enough to hold in memory)."""
        with convert_api_errors(), call_deadline(_DEADLINE.seconds(BATCH_INPUT_LIMIT)):
            return self._client.files.content(file_id).read()

    def upload_input(self, name: str, data: bytes) -> RemoteFile:
        """Store ``data`` as a batch input file named ``name``."""
        with convert_api_errors(may_store=True), call_deadline(_DEADLINE.seconds(len(data))):
            obj = self._client.files.create(file=(name, data, "application/jsonl"), purpose="batch")
            return remote_file(obj)

    def create_batch(
        self,
        input_file_id: str,
        endpoint: str,
        completion_window: str,
        metadata: Mapping[str, str] | None,
    ) -> RemoteBatch:
        params: dict[str, Any] = {
            "input_file_id": input_file_id,
            "endpoint": endpoint,
            "completion_window": completion_window,
        }
        if metadata:
            params["metadata"] = dict(metadata)
        with convert_api_errors(may_store=True), call_deadline(_DEADLINE.seconds()):
            return remote_batch(self._client.batches.create(**params))

    def delete_file(self, file_id: str) -> None:
        with convert_api_errors(), call_deadline(_DEADLINE.seconds()):
            self._client.files.delete(file_id)
