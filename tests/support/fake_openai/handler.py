"""HTTP plumbing of the fake OpenAI server: request handler and quiet threading server.

Order of checks for each request (so a test knows which one wins):
static JSON route -> (``/v1/`` only) outage -> auth -> injected fault -> endpoint.
A dropped connection is a hard close with ``SO_LINGER`` 0, which makes the kernel send RST: the
client sees "connection reset", exactly like a proxy dying mid-request.
"""

from __future__ import annotations

import contextlib
import email.utils
import io
import json
import socket
import struct
import sys
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlsplit

from .faults import BAD_ANSWERS, Fault, FaultKind
from .wire import BadRequest, Response, error_body

if TYPE_CHECKING:
    from .server import FakeOpenAI

#: Refuse bodies above this without reading them (the real API's 512 MB, plus form overhead).
MAX_BODY_BYTES = 520 * 1024 * 1024
_CHUNK = 1024 * 1024


class QuietServer(ThreadingHTTPServer):
    """A threading server that tracks its connections and never prints tracebacks."""

    daemon_threads = True
    request_queue_size = 1024  # 500 clients may connect at once; the default backlog is 5
    allow_reuse_address = True

    def __init__(self, app: FakeOpenAI, port: int = 0) -> None:
        self.app = app
        self._conn_lock = threading.Lock()
        self._connections: set[socket.socket] = set()
        self._conn_threads: set[threading.Thread] = set()
        super().__init__(("127.0.0.1", port), Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        thread = threading.Thread(
            target=self.process_request_thread,
            args=(request, client_address),
            name=f"fake-openai-conn-{client_address[1]}",
            daemon=True,
        )
        with self._conn_lock:
            self._connections.add(request)
            self._conn_threads.add(thread)
        thread.start()

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            with self._conn_lock:
                self._connections.discard(request)
                self._conn_threads.discard(threading.current_thread())

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that goes away mid-request is normal here; anything else is a server bug the
        # tests can see in ``app.handler_errors`` (never printed: it would look like a test crash).
        exc = sys.exc_info()[1]
        if not isinstance(exc, (ConnectionError, TimeoutError)):
            self.app.handler_errors.append(repr(exc))

    def close_connections(self, timeout: float) -> None:
        """Unblock every handler thread (idle keep-alive or sleeping) and join them."""
        with self._conn_lock:
            connections, threads = list(self._connections), list(self._conn_threads)
        for conn in connections:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        for thread in threads:
            thread.join(timeout)


class Handler(BaseHTTPRequestHandler):
    """One connection; HTTP/1.1 keep-alive, as httpx expects."""

    protocol_version = "HTTP/1.1"
    server: QuietServer

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in separate writes; without TCP_NODELAY, Nagle plus the
        # client's delayed ACK adds ~40 ms to every answer and would distort benchmarks.
        with contextlib.suppress(OSError):
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:
        """Silence the default per-request stderr line."""

    def date_time_string(self, timestamp: float | None = None) -> str:
        """The ``Date`` header follows the server clock (``FakeOpenAI.now``)."""
        when = self.server.app.now if timestamp is None else timestamp
        return email.utils.formatdate(when, usegmt=True)

    def do_GET(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def do_DELETE(self) -> None:
        self._dispatch()

    # -- the request pipeline -----------------------------------------------------------------
    def _dispatch(self) -> None:
        app = self.server.app
        split = urlsplit(self.path)
        path, query = split.path, dict(parse_qsl(split.query))
        method = self.command
        # Logged just before the answer goes out, so a test that got its response always finds
        # the request in ``server.requests``.
        self._log_entry: tuple[str, str] | None = (method, path)
        try:
            self._process(app, method, path, query)
        except (ConnectionError, TimeoutError):
            self.close_connection = True  # the client went away (e.g. it timed out): normal
        except Exception as exc:  # a bug in the fake: answer 500 and make it visible to tests
            app.handler_errors.append(f"{method} {path}: {exc!r}")
            with contextlib.suppress(OSError, ValueError):
                self._send_json(500, error_body(500, f"fake server bug: {exc!r}"))
        finally:
            self._log(0)

    def _log(self, status: int) -> None:
        if self._log_entry is not None:
            self.server.app.log_request(*self._log_entry, status)
            self._log_entry = None

    def _process(self, app: FakeOpenAI, method: str, path: str, query: dict[str, str]) -> int:
        static = app.static_route(path) if method == "GET" else None
        if app.azure and static is None:
            if not path.startswith("/openai/"):
                self._read_body()
                return self._send(_not_found(method, path))
            if not query.get("api-version"):
                self._read_body()
                return self._send_json(
                    404, error_body(404, "Resource not found", code="404")
                )  # what Azure answers a call without api-version
            app.api_versions.append(query["api-version"])
            # The same API behind Azure's paths: faults and outages apply as on /v1/.
            path = "/v1/" + path.removeprefix("/openai/")
            self._log_entry = (method, path)
        is_api = path.startswith("/v1/") and static is None
        if is_api and app.outage_active():
            self._read_body()
            return self._send_json(503, error_body(503, app.outage_message))
        if is_api and not app.key_ok(
            self.headers.get("Authorization"), self.headers.get("api-key")
        ):
            self._read_body()
            return self._send_json(
                401,
                error_body(
                    401,
                    "Incorrect API key provided. You can find your API key in your "
                    "account settings.",
                    code="invalid_api_key",
                ),
            )
        fault = app.faults.take(method, path)
        if fault is not None and fault.kind is FaultKind.RESET_BEFORE:
            self._drop()
            return 0
        body = self._read_body()
        if body is None:
            return self._send_json(413, error_body(413, "Request entity too large."))
        if fault is not None and fault.kind is FaultKind.STATUS:
            payload = error_body(
                fault.status, fault.message or None, err_type=fault.err_type, code=fault.code_str
            )
            return self._send_json(fault.status, payload, fault.headers)
        if fault is not None and fault.kind is FaultKind.DELAY:
            app.stopping.wait(fault.delay_s)
        if static is not None:
            response = static.answer(self.headers)
        else:
            try:
                response = app.api.route(method, path, query, self.headers, body) or (
                    _not_found(method, path)
                )
            except BadRequest as exc:
                response = _error_response(exc)
        if fault is not None and fault.kind is FaultKind.RESET_AFTER:
            self._drop()
            return 0
        if fault is not None and fault.kind in _AFTER_STORE:
            return self._misanswer(app, fault, response)
        return self._send(response)

    def _misanswer(self, app: FakeOpenAI, fault: Fault, response: Response) -> int:
        """The request was carried out; answer it the way ``fault`` says."""
        if fault.kind is FaultKind.HANG:
            self._log(0)
            app.stopping.wait()
            self.close_connection = True
            return 0
        real = response.body if isinstance(response.body, bytes) else json.dumps(response.body)
        real = real if isinstance(real, bytes) else real.encode()
        if fault.kind is FaultKind.TRICKLE:
            self._log(0)
            self.close_connection = True
            self.send_response(response.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(real) + _TRICKLE_PADDING))
            self.end_headers()
            payload = real + b" " * _TRICKLE_PADDING
            for i in range(len(payload)):
                if app.stopping.wait(fault.delay_s):
                    break
                self.wfile.write(payload[i : i + 1])
                self.wfile.flush()
            return 0
        status, content_type, body = BAD_ANSWERS[fault.answer]
        if body is None:
            body = real[: len(real) // 2]
        return self._send(Response(status, body, content_type=content_type))

    # -- I/O helpers --------------------------------------------------------------------------
    def _read_body(self) -> bytes | None:
        """Read exactly the request body (Content-Length or chunked); None if over the cap."""
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return self._read_chunked()
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY_BYTES:
            self.close_connection = True  # we will not read it, so the stream is unusable
            return None
        chunks, remaining = [], length
        while remaining > 0:
            chunk = self.rfile.read(min(remaining, _CHUNK))
            if not chunk:
                raise ConnectionResetError("client closed the connection mid-body")
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks)

    def _read_chunked(self) -> bytes:
        chunks: list[bytes] = []
        while True:
            line = self.rfile.readline()
            if not line:
                raise ConnectionResetError("client closed the connection mid-body")
            size = int(line.split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                    pass  # trailers
                return b"".join(chunks)
            chunk = self.rfile.read(size)
            if len(chunk) < size:
                raise ConnectionResetError("client closed the connection mid-chunk")
            chunks.append(chunk)
            self.rfile.readline()

    def _drop(self) -> None:
        """Close the socket so the kernel sends RST (no FIN, no response)."""
        self._log(0)
        self.close_connection = True
        conn = self.connection
        with contextlib.suppress(OSError):
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        # The buffered files hold references to the socket; close them first so that
        # ``conn.close()`` really closes the descriptor now.
        for stream in (self.rfile, self.wfile):
            with contextlib.suppress(OSError):
                stream.close()
        conn.close()
        # The stdlib still flushes/closes these after the handler returns; give it inert ones.
        self.rfile, self.wfile = io.BytesIO(), io.BytesIO()

    def _send_json(self, status: int, body: Any, headers: dict[str, str] | None = None) -> int:
        return self._send(Response(status, body, dict(headers or {})))

    def _send(self, response: Response) -> int:
        if isinstance(response.body, bytes):
            payload = response.body
        elif isinstance(response.body, str):
            payload = response.body.encode()
        elif response.body is None:
            payload = b""
        else:
            payload = json.dumps(response.body).encode()
        self._log(response.status)
        self.send_response(response.status)
        self.send_header("x-request-id", "req_" + uuid.uuid4().hex)
        if response.status != 304:
            self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(payload)))
        for name, value in response.headers.items():
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if payload:
            self.wfile.write(payload)
        return response.status


#: Faults applied after the request was carried out, instead of the real answer.
_AFTER_STORE = frozenset({FaultKind.BAD_ANSWER, FaultKind.HANG, FaultKind.TRICKLE})
#: Bytes of padding a trickled answer announces after the real JSON (it never ends in a test).
_TRICKLE_PADDING = 10 * 1024 * 1024


def _not_found(method: str, path: str) -> Response:
    return Response(404, error_body(404, f"Invalid URL ({method} {path})"))


def _error_response(exc: BadRequest) -> Response:
    return Response(exc.status, exc.body)
