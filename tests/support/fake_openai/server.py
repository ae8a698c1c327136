"""``FakeOpenAI``: a loopback HTTP server speaking OpenAI's Files/Uploads/Batches wire format.

Start it (``with FakeOpenAI() as server:``), point the real SDK at it
(``OpenAI(api_key=server.api_key, base_url=server.base_url, max_retries=0)``), inject faults,
then inspect what was stored (``server.files``) and requested (``server.requests``).

Fault API (each fault matches ``method`` + ``path`` prefix, default ``POST /v1/files`` = file
create; ``times=None`` means "every matching request until cleared"). What the SDK raises:

====================================  =============================================================
``fail_status(500|502|503|504)``      ``openai.InternalServerError``
``fail_status(429, headers=...)``     ``openai.RateLimitError``; see ``exc.response.headers``
``rate_limited(retry_after_s)``       same, with ``retry-after`` (and ``retry-after-ms``) set
``fail_status(400|404)``              ``openai.BadRequestError`` / ``openai.NotFoundError``
``fail_status(401|403)``              ``openai.AuthenticationError`` / ``PermissionDeniedError``
``fail_status(413)``                  ``openai.APIStatusError`` with ``status_code`` 413
                                      (also for real when a file exceeds ``max_file_bytes``)
``expired()``                         ``openai.BadRequestError``, status 400,
                                      code ``file_expired``, message "The file has expired"
``reset_before()``                    ``openai.APIConnectionError``; nothing stored
``reset_after_store()``               ``openai.APIConnectionError``; the file IS stored
``delay(seconds)``                    a slow answer (``APITimeoutError`` if the client times out;
                                      the request is still processed)
``outage(duration_s)``                ``openai.InternalServerError`` (503) for every ``/v1/`` call
``random_faults(rate, seed)``         a seeded mix of the above (see ``faults.RANDOM_KINDS``)
wrong API key                         ``openai.AuthenticationError`` (401, ``invalid_api_key``)
``stop()`` then ``start()``           ``openai.APIConnectionError`` in between (same port after)
``expire_file(id)``                   later retrieve/content/delete: ``openai.NotFoundError`` (404)
                                      and the file leaves ``files.list`` (as real expiry does)
====================================  =============================================================

Checks run in this order, so a test knows which wins: ``serve_json`` route, then (``/v1/`` only)
outage, wrong key, then the first matching queued fault, then random faults. ``path`` is a prefix
in which ``*`` matches one segment (``/v1/uploads/*/parts``); pass ``method=None`` for any method.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from types import TracebackType
from typing import Any

from .api import Api
from .controls import FaultControls
from .faults import FaultBook
from .handler import QuietServer
from .records import (
    BATCH_OTHER_FIELDS,
    BATCH_STATUS_STAMP,
    BATCH_TIME_FIELDS,
    BATCH_WINDOW,
    BatchRecord,
    FileRecord,
    RequestRecord,
    UploadRecord,
)
from .static import StaticRoute

DEFAULT_KEY = "sk-test-valid-key-0000"


class FakeOpenAI(FaultControls):
    """The test server. Thread-safe; every public method may be called while requests run."""

    def __init__(self, valid_keys: Iterable[str] = (DEFAULT_KEY,), *, azure: bool = False) -> None:
        self.valid_keys: set[str] = set(valid_keys)
        #: Azure OpenAI mode: the API lives under ``/openai/…``, every call must carry the
        #: ``api-version`` query parameter, and the key comes in the ``api-key`` header (what
        #: ``openai.AzureOpenAI`` sends); ``/v1/…`` paths are not served.
        self.azure = azure
        #: The ``api-version`` values Azure-mode requests carried, in order.
        self.api_versions: list[str] = []
        #: The server clock is ``clock() + clock_offset`` (``now``); see ``advance``. Tests that
        #: compress time give the server the same fast clock as the upload engine.
        self.clock: Callable[[], float] = time.time
        self.clock_offset = 0.0
        self.api = Api(lambda: self.now)
        self.faults = FaultBook()
        #: Server bugs and unexpected handler exceptions (never printed). Should stay empty.
        self.handler_errors: list[str] = []
        self.outage_message = "The server is overloaded or not ready yet."
        self.stopping = threading.Event()
        self._outage_until: float | None = None
        self._log_lock = threading.Lock()
        self._requests: list[RequestRecord] = []
        self._static: dict[str, StaticRoute] = {}
        self._httpd: QuietServer | None = None
        self._thread: threading.Thread | None = None
        self._port = 0

    # -- lifecycle ----------------------------------------------------------------------------
    def start(self) -> FakeOpenAI:
        """Listen and serve. After a ``stop()``, the same port is reused and all state kept, so
        ``stop()``/``start()`` simulates the API being unreachable (connection refused)."""
        if self._httpd is not None:
            return self
        self.stopping.clear()
        self._httpd = QuietServer(self, self._port)
        self._port = int(self._httpd.server_address[1])
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="fake-openai-server",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop accepting, unblock and join every handler thread, close the socket."""
        if self._httpd is None:
            return
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._httpd.close_connections(timeout=10)
        if self._thread is not None:
            self._thread.join(10)
        self._httpd = None

    def __enter__(self) -> FakeOpenAI:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- addresses, keys, clock ---------------------------------------------------------------
    @property
    def port(self) -> int:
        if not self._port:
            raise RuntimeError("FakeOpenAI was never started")
        return self._port

    @property
    def origin(self) -> str:
        """``http://127.0.0.1:PORT`` (no path): prefix for ``serve_json`` URLs."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        """What to pass as the SDK's ``base_url`` (Azure mode: its ``azure_endpoint``)."""
        return self.origin if self.azure else self.origin + "/v1"

    def url(self, path: str) -> str:
        """Absolute URL of a path on this server, e.g. ``url("/api/v2/summary.json")``."""
        return self.origin + path

    @property
    def api_key(self) -> str:
        """A key the server accepts (the default one if still valid)."""
        if DEFAULT_KEY in self.valid_keys:
            return DEFAULT_KEY
        return sorted(self.valid_keys)[0]

    def key_ok(self, authorization: str | None, api_key: str | None = None) -> bool:
        """The OpenAI way (``Authorization: Bearer``), or in Azure mode the ``api-key`` header."""
        if self.azure:
            return api_key is not None and api_key.strip() in self.valid_keys
        if not authorization or not authorization.startswith("Bearer "):
            return False
        return authorization.removeprefix("Bearer ").strip() in self.valid_keys

    @property
    def now(self) -> float:
        """The server clock: ``clock() + clock_offset``."""
        return self.clock() + self.clock_offset

    @now.setter
    def now(self, value: float) -> None:
        self.clock_offset = value - self.clock()

    def advance(self, seconds: float) -> None:
        """Move the server clock forward (uploads and files expire by this clock)."""
        self.clock_offset += seconds

    # -- inspection ---------------------------------------------------------------------------
    @property
    def files(self) -> dict[str, FileRecord]:
        """Snapshot of the live files (not deleted, not expired), by id."""
        now = self.now
        with self.api.lock:
            return {fid: f for fid, f in self.api.all_files.items() if f.is_live(now)}

    @property
    def uploads(self) -> dict[str, UploadRecord]:
        with self.api.lock:
            return dict(self.api.uploads)

    @property
    def batches(self) -> dict[str, BatchRecord]:
        with self.api.lock:
            return dict(self.api.batches)

    @property
    def requests(self) -> list[RequestRecord]:
        """Every request so far as ``(method, path, status)``; status 0 = dropped on purpose."""
        with self._log_lock:
            return list(self._requests)

    def log_request(self, method: str, path: str, status: int) -> None:
        with self._log_lock:
            self._requests.append(RequestRecord(method, path, status, self.now))

    def count(self, method: str | None = None, path_prefix: str = "/") -> int:
        """How many requests matched ``method`` (None = any) and started with ``path_prefix``."""
        with self._log_lock:
            return sum(
                1
                for r in self._requests
                if (method is None or r.method == method.upper()) and r.path.startswith(path_prefix)
            )

    @property
    def max_file_bytes(self) -> int:
        """Per-file limit of ``POST /v1/files`` (413 above it); lower it to test refusals."""
        return self.api.max_file_bytes

    @max_file_bytes.setter
    def max_file_bytes(self, value: int) -> None:
        self.api.max_file_bytes = value

    # -- seeding and state changes ------------------------------------------------------------
    def add_file(
        self,
        filename: str,
        content: bytes,
        purpose: str = "user_data",
        *,
        expires_after: int | None = None,
        created_at: int | None = None,
    ) -> FileRecord:
        """Store a file directly, as if uploaded earlier (``created_at`` may be in the past)."""
        with self.api.lock:
            record = self.api.store_file(filename, content, purpose, expires_after)
            if created_at is not None:
                shift = created_at - record.created_at
                record.created_at = created_at
                if record.expires_at is not None:
                    record.expires_at += shift
        return record

    def expire_file(self, file_id: str) -> None:
        """Make a stored file expire now: retrieve/content/delete answer 404 from here on."""
        with self.api.lock:
            self.api.all_files[file_id].force_expired = True

    def add_batch(
        self,
        input_file_id: str | None = None,
        *,
        status: str = "validating",
        endpoint: str = "/v1/chat/completions",
        **fields: Any,
    ) -> BatchRecord:
        """Create a batch directly (its input file too, if not given), then ``set_batch``."""
        if input_file_id is None:
            input_file_id = self.add_file("batch_input.jsonl", b"{}\n", "batch").id
        batch = self.api.new_batch(input_file_id, endpoint, "24h")
        return self.set_batch(batch.id, status=status, **fields)

    def set_batch(self, batch_id: str, *, status: str | None = None, **fields: Any) -> BatchRecord:
        """Change a batch's status and fields. Entering a status stamps its ``*_at`` with
        ``now`` unless given; ``created_at=...`` moves the batch into the past (for "stuck")."""
        unknown = set(fields) - set(BATCH_TIME_FIELDS) - set(BATCH_OTHER_FIELDS)
        if unknown:
            raise TypeError(f"unknown batch fields: {sorted(unknown)}")
        if status is not None and status not in BATCH_STATUS_STAMP:
            raise ValueError(f"unknown batch status {status!r}")
        with self.api.lock:
            batch = self.api.batches[batch_id]
            if status is not None:
                batch.status = status
                stamp = BATCH_STATUS_STAMP[status]
                if stamp is not None and stamp not in fields:
                    setattr(batch, stamp, int(self.now))
            for name, value in fields.items():
                setattr(batch, name, value)
            if "created_at" in fields and "expires_at" not in fields:
                batch.expires_at = batch.created_at + BATCH_WINDOW  # keep the 24 h window
            return batch

    # -- static JSON --------------------------------------------------------------------------
    def serve_json(
        self, path: str, body: Any, status: int = 200, headers: dict[str, str] | None = None
    ) -> str:
        """Serve ``body`` (JSON-able, or str/bytes verbatim) at ``GET path``; returns its URL.

        No auth, no outage. ``ETag``/``Last-Modified`` are set automatically unless ``headers``
        gives them; ``If-None-Match``/``If-Modified-Since`` answer 304. Re-registering a path
        replaces the document (and, for a new body, its ETag)."""
        route = StaticRoute.build(body, status, headers)
        with self.api.lock:
            self._static[path] = route
        return self.url(path)

    def static_route(self, path: str) -> StaticRoute | None:
        with self.api.lock:
            return self._static.get(path)

    def static_stats(self, path: str) -> tuple[int, int]:
        """``(hits, not_modified)`` counts of a ``serve_json`` route."""
        route = self._static[path]
        return route.hits, route.not_modified
