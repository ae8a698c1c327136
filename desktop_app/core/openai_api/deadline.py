"""A total deadline per API call, enforced on every socket operation of that call.

The HTTP client's timeouts are per operation: a server that accepts a request and never
answers holds the caller for the whole read timeout (10 minutes), and one that trickles its
answer a byte at a time holds it forever, since every single read succeeds in time. Here each
call runs inside :func:`call_deadline`, and the network backend of our HTTP client caps every
connect, write and read of the calling thread at the time left; once it is gone the operation
fails as a timeout, the client drops that connection, and the error map treats the call like any
other timeout (``ambiguous`` if the call may store something).

The deadline is scaled by the bytes to send (:meth:`CallDeadline.seconds`): a large file on a
slow link is not cut off, a 20-byte one is not waited on for ten minutes.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import httpcore2
import httpx2

#: The text of the timeout raised when a call's deadline passes (the error map looks for it).
DEADLINE_PASSED = "no complete answer before the call's deadline"

_deadline: ContextVar[float | None] = ContextVar("attachguard_call_deadline", default=None)


@dataclass(frozen=True)
class CallDeadline:
    """How long one call may take in total: ``base`` seconds plus the time to send its bytes
    at ``bytes_per_second`` (a slow uplink, well below what any broadband line manages)."""

    base: float = 60.0
    bytes_per_second: float = 100_000.0

    def seconds(self, size: int = 0) -> float:
        return self.base + max(0, size) / self.bytes_per_second


@contextmanager
def call_deadline(seconds: float) -> Iterator[None]:
    """Every network operation of this thread inside the block ends by ``seconds`` from now
    (an enclosing, earlier deadline still wins)."""
    until = time.monotonic() + seconds
    outer = _deadline.get()
    token = _deadline.set(until if outer is None else min(outer, until))
    try:
        yield
    finally:
        _deadline.reset(token)


def _bounded(timeout: float | None, error: type[Exception]) -> float | None:
    """``timeout`` capped at the time left; raises ``error`` once none is left."""
    until = _deadline.get()
    if until is None:
        return timeout
    left = until - time.monotonic()
    if left <= 0:
        raise error(DEADLINE_PASSED)
    return left if timeout is None else min(timeout, left)


@contextmanager
def _named(error: type[Exception]) -> Iterator[None]:
    """A timeout that the deadline cut short says so (the user sees why the call ended)."""
    try:
        yield
    except error as exc:
        until = _deadline.get()
        if until is not None and time.monotonic() >= until and DEADLINE_PASSED not in str(exc):
            raise error(DEADLINE_PASSED) from exc
        raise


class _DeadlineStream(httpcore2.NetworkStream):
    def __init__(self, inner: httpcore2.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        with _named(httpcore2.ReadTimeout):
            return self._inner.read(max_bytes, _bounded(timeout, httpcore2.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        # One write may carry a large buffer: give it the time left, never more.
        with _named(httpcore2.WriteTimeout):
            self._inner.write(buffer, _bounded(timeout, httpcore2.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore2.NetworkStream:
        bounded = _bounded(timeout, httpcore2.ConnectTimeout)
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, bounded))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore2.NetworkBackend):
    def __init__(self, inner: httpcore2.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore2.NetworkStream:
        bounded = _bounded(timeout, httpcore2.ConnectTimeout)
        stream = self._inner.connect_tcp(host, port, bounded, local_address, socket_options)
        return _DeadlineStream(stream)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore2.NetworkStream:
        bounded = _bounded(timeout, httpcore2.ConnectTimeout)
        return _DeadlineStream(self._inner.connect_unix_socket(path, bounded, socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def deadline_transport(limits: httpx2.Limits) -> httpx2.HTTPTransport:
    """An HTTP transport whose connections honour :func:`call_deadline`.

    httpx takes no network backend, so the one of its connection pool is wrapped in place.
    """
    transport = httpx2.HTTPTransport(limits=limits)
    pool = getattr(transport, "_pool", None)
    inner = getattr(pool, "_network_backend", None)
    if not isinstance(inner, httpcore2.NetworkBackend):
        raise RuntimeError("this HTTP client has no network backend to bound calls with")
    pool._network_backend = _DeadlineBackend(inner)  # type: ignore[union-attr]
    return transport
