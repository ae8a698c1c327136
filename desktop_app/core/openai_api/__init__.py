"""The only code that imports the ``openai`` SDK: Files, Uploads and Batches calls.

Clients are built in one place (``client``) with ``max_retries=0``: the queue owns every retry.
Every SDK exception is converted once, by ``error_map.convert_api_errors``, into
:class:`~desktop_app.core.errors.ApiCallError` (redacted). Calls take and return plain values
(``records``). :class:`FilesApi` is what the upload engine needs; :class:`Uploader` implements it.

Every call has a total deadline scaled by the bytes it sends (``deadline``), and file names are
sent in a form the server stores verbatim (``names``).

Importing this package loads the SDK (about 0.4 s): callers import it on first use. The records
and the protocol (``records``, ``interface``) do not import the SDK themselves.
"""

from __future__ import annotations

from desktop_app.core.openai_api.batch_calls import BatchesApi
from desktop_app.core.openai_api.deadline import CallDeadline
from desktop_app.core.openai_api.error_map import (
    classify_status,
    convert_api_errors,
    parse_retry_after,
)
from desktop_app.core.openai_api.files import Uploader
from desktop_app.core.openai_api.interface import RECONCILE_SKEW, FilesApi
from desktop_app.core.openai_api.names import stored_as, wire_name
from desktop_app.core.openai_api.records import RemoteBatch, RemoteFile, RemoteUpload, SentFile

__all__ = [
    "RECONCILE_SKEW",
    "BatchesApi",
    "CallDeadline",
    "FilesApi",
    "RemoteBatch",
    "RemoteFile",
    "RemoteUpload",
    "SentFile",
    "Uploader",
    "classify_status",
    "convert_api_errors",
    "parse_retry_after",
    "stored_as",
    "wire_name",
]
