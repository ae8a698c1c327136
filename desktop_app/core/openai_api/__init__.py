"""The only code that imports the ``openai`` SDK: Files, Uploads and Batches calls.

Clients are built with ``max_retries=0`` (the queue owns every retry); every SDK exception is
converted once into :class:`~desktop_app.core.errors.ApiCallError`. Calls take and return plain
values. Importing this package loads the SDK (about 0.4 s): callers import it on first use.
"""

from __future__ import annotations

from desktop_app.core.openai_api.files import RemoteFile, RemoteUpload, Uploader

__all__ = ["RemoteFile", "RemoteUpload", "Uploader"]
