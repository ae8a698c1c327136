"""Service health: poll the provider's public status page and hold uploads during a Files outage.

:class:`StatusClient` fetches the status JSON with conditional requests (``If-None-Match`` /
``If-Modified-Since``; a ``304`` reuses the last parsed document). :class:`HealthMonitor` turns each
fetch into a :class:`HealthSnapshot` for the configured components (matched by name, see
``status_page.py``), tells listeners when it changes, and calls its ``on_outage`` hook when a
component in ``hold_components`` enters or leaves a partial or major outage.

An unreachable page, an HTTP error or a document we cannot parse is *unknown*, never an outage: the
hook is then told the outage is over, so a flaky status page can never block uploads.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import logging
import os
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from desktop_app import __version__
from desktop_app.core.monitor.status_page import (
    ComponentState,
    Incident,
    IncidentStatus,
    ParsedStatus,
    StatusFormat,
    StatusFormatError,
    parse_status,
    select,
)
from desktop_app.core.periodic import Periodic
from desktop_app.settings import StatusSettings

log = logging.getLogger(__name__)

__all__ = [
    "STATUS_URL_ENV",
    "ComponentState",
    "FetchResult",
    "HealthMonitor",
    "HealthSnapshot",
    "Incident",
    "IncidentStatus",
    "StatusClient",
    "StatusFormat",
    "status_url",
]

STATUS_URL_ENV = "ATTACHGUARD_STATUS_URL"
#: This value (or an empty one) for the URL turns status checks off.
STATUS_OFF = "off"
#: Never poll more often than this, whatever the settings say (the page is shared by everyone).
MIN_POLL_SECONDS = 30.0
#: A status document is a few hundred kB at most; anything far larger is not one.
MAX_BODY_BYTES = 8 * 1024 * 1024
#: Nesting deeper than this is no status document (and would exhaust the parser's stack).
MAX_JSON_DEPTH = 64
DEFAULT_TIMEOUT = 10.0
#: The whole fetch ends by then, however slowly the page trickles in (as for API calls).
TOTAL_DEADLINE = 60.0
_READ_CHUNK = 64 * 1024


def status_url(settings: StatusSettings, environ: Mapping[str, str] | None = None) -> str:
    """The status page to poll, or ``""`` when status checks are turned off.

    ``ATTACHGUARD_STATUS_URL``, when set at all, wins over ``[status] url``. In either place an
    empty value or ``off`` (any case) turns the checks off: an environment variable set to ""
    is a deliberate choice (e.g. ``ATTACHGUARD_STATUS_URL= attachguard run``), not "unset".
    """
    env = os.environ if environ is None else environ
    override = env.get(STATUS_URL_ENV)
    url = (settings.url if override is None else override).strip()
    return "" if url.lower() == STATUS_OFF else url


@dataclass(frozen=True)
class HealthSnapshot:
    """The provider's state as last seen. ``error`` is set (and states unknown) when unseen."""

    components: Mapping[str, ComponentState]
    incidents: tuple[Incident, ...] = ()
    fetched_at: float | None = None
    error: str | None = None
    format: StatusFormat | None = None
    url: str = ""
    # True when this snapshot came from a 304: the page has not changed since the last fetch.
    not_modified: bool = False

    @property
    def known(self) -> bool:
        return self.error is None

    @property
    def open_incidents(self) -> tuple[Incident, ...]:
        return tuple(i for i in self.incidents if i.is_open)

    def outages(self, names: Sequence[str]) -> list[str]:
        """Which of ``names`` are in a partial or major outage (never when unknown)."""
        return [n for n in names if self.components.get(n, ComponentState.UNKNOWN).is_outage]

    def same_state(self, other: HealthSnapshot) -> bool:
        """Equal apart from when it was fetched (what listeners care about)."""
        return (dict(self.components), self.incidents, self.error, self.format) == (
            dict(other.components),
            other.incidents,
            other.error,
            other.format,
        )

    @classmethod
    def unknown(
        cls, names: Sequence[str], error: str, *, url: str = "", at: float | None = None
    ) -> HealthSnapshot:
        """Every component unknown, for ``error``."""
        return cls({n: ComponentState.UNKNOWN for n in names}, (), at, error, None, url)


@dataclass(frozen=True)
class FetchResult:
    """One fetch: the parsed document (fresh or from a 304), or why there is none."""

    parsed: ParsedStatus | None
    error: str | None = None
    not_modified: bool = False
    http_status: int | None = None


@dataclass
class _Validators:
    etag: str | None = None
    last_modified: str | None = None
    parsed: ParsedStatus | None = field(default=None, repr=False)


class StatusClient:
    """Fetches and parses one status URL, remembering validators for conditional requests."""

    def __init__(
        self, url: str, *, timeout: float = DEFAULT_TIMEOUT, deadline: float = TOTAL_DEADLINE
    ) -> None:
        """``timeout``: the longest wait for one network operation; ``deadline``: for the
        whole fetch."""
        self.url = url
        self.timeout = timeout
        self.deadline = deadline
        self._cache = _Validators()
        self._lock = threading.Lock()
        # The URL may come from the environment: _check_scheme refuses file: and other schemes.
        self._opener = urllib.request.build_opener()

    def fetch(self) -> FetchResult:
        with self._lock:
            return self._fetch()

    def _fetch(self) -> FetchResult:
        problem = _check_scheme(self.url)
        if problem:
            return FetchResult(None, problem)
        request = urllib.request.Request(
            self.url,
            headers={"Accept": "application/json", "User-Agent": f"AttachGuard/{__version__}"},
        )
        cached = self._cache
        if cached.parsed is not None:
            if cached.etag:
                request.add_header("If-None-Match", cached.etag)
            if cached.last_modified:
                request.add_header("If-Modified-Since", cached.last_modified)
        until = time.monotonic() + self.deadline
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                status = int(response.status)
                body = _read_until(response, until)
                etag = response.headers.get("ETag")
                last_modified = response.headers.get("Last-Modified")
        except urllib.error.HTTPError as exc:
            with contextlib.closing(exc):
                if exc.code == 304 and cached.parsed is not None:
                    return FetchResult(cached.parsed, not_modified=True, http_status=304)
                return FetchResult(
                    None, f"the status page answered HTTP {exc.code}", False, exc.code
                )
        except _TooSlow:
            return FetchResult(None, f"the status page did not arrive within {self.deadline:.0f} s")
        except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
            reason = getattr(exc, "reason", None) or exc
            return FetchResult(None, f"the status page is unreachable: {reason}")
        if len(body) > MAX_BODY_BYTES:
            return FetchResult(
                None, "the status page sent an oversized document", http_status=status
            )
        try:
            document = json.loads(body)
        except RecursionError:
            document = _TOO_DEEP
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            return FetchResult(
                None, f"the status page sent invalid JSON: {exc}", http_status=status
            )
        if document is _TOO_DEEP or _depth(document) > MAX_JSON_DEPTH:
            return FetchResult(
                None, "the status page sent a document nested too deeply", http_status=status
            )
        try:
            parsed = parse_status(document, _page_root(self.url))
        except StatusFormatError as exc:
            return FetchResult(None, f"unrecognised status document: {exc}", http_status=status)
        self._cache = _Validators(etag, last_modified, parsed)
        return FetchResult(parsed, http_status=status)


class _TooSlow(Exception):
    """The status page did not arrive before the fetch's deadline."""


def _read_until(response: http.client.HTTPResponse, until: float) -> bytes:
    """The body, at most ``MAX_BODY_BYTES + 1`` bytes; :class:`_TooSlow` once ``until``
    passes (each read returns what one arrives with, so a trickle cannot outlast it)."""
    chunks: list[bytes] = []
    size = 0
    while size <= MAX_BODY_BYTES:
        if time.monotonic() > until:
            raise _TooSlow
        chunk = response.read1(min(_READ_CHUNK, MAX_BODY_BYTES + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


_TOO_DEEP = object()


def _depth(value: object) -> int:
    """How deeply arrays and objects nest in a parsed JSON value (without recursing)."""
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            children: list[object] = list(item.values())
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, level + 1)
        stack.extend((child, level + 1) for child in children)
    return deepest


def _check_scheme(url: str) -> str | None:
    scheme = urllib.parse.urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        return f"the status URL must be http(s), not {url!r}"
    return None


def _page_root(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


HealthListener = Callable[[HealthSnapshot], None]
OutageHook = Callable[[str | None], None]


class HealthMonitor:
    """Polls the status page on a named thread; holds uploads while a watched component is down.

    ``on_outage(reason)`` is called with a one-line reason when an outage of a component in
    ``hold_components`` starts (or its wording changes), and with ``None`` when it ends or the
    page becomes unknown. Listeners get every snapshot that differs from the previous one. Both
    are called on the thread that checked (the poll thread, or the caller of :meth:`check_now`).
    """

    def __init__(
        self,
        settings: StatusSettings,
        *,
        environ: Mapping[str, str] | None = None,
        on_outage: OutageHook | None = None,
        clock: Callable[[], float] = time.time,
        timeout: float = DEFAULT_TIMEOUT,
        thread_name: str = "attachguard-health",
    ) -> None:
        self.settings = settings
        self.url = status_url(settings, environ)
        self.hold_components: tuple[str, ...] = tuple(settings.hold_components)
        # A component that can hold uploads is always watched, even if not listed for display.
        self.components: tuple[str, ...] = tuple(
            dict.fromkeys([*settings.components, *settings.hold_components])
        )
        self._clock = clock
        self._client = StatusClient(self.url, timeout=timeout) if self.url else None
        self._on_outage = on_outage
        self._listeners: list[HealthListener] = []
        self._lock = threading.Lock()
        self._check_lock = threading.Lock()
        self._poller = Periodic(thread_name, self.check_now, lambda: self.poll_seconds)
        self._outage: str | None = None
        reason = "not checked yet" if self.url else "status checks are turned off"
        self._snapshot = HealthSnapshot.unknown(self.components, reason, url=self.url)

    @property
    def enabled(self) -> bool:
        return self._client is not None

    @property
    def snapshot(self) -> HealthSnapshot:
        with self._lock:
            return self._snapshot

    @property
    def outage_reason(self) -> str | None:
        """Why uploads are held by the status page right now, or None."""
        with self._lock:
            return self._outage

    @property
    def poll_seconds(self) -> float:
        return max(float(self.settings.poll_seconds), MIN_POLL_SECONDS)

    def add_listener(self, callback: HealthListener) -> None:
        with self._lock:
            self._listeners.append(callback)

    def check_now(self) -> HealthSnapshot:
        """Fetch once, update the state, notify; returns the new snapshot."""
        with self._check_lock:
            snapshot = self._fetch_snapshot()
            with self._lock:
                changed = not snapshot.same_state(self._snapshot)
                self._snapshot = snapshot
                listeners = list(self._listeners)
            self._apply_hold(snapshot)
            if changed:
                for callback in listeners:
                    _call(callback, snapshot)
            return snapshot

    def _fetch_snapshot(self) -> HealthSnapshot:
        now = self._clock()
        if self._client is None:
            return HealthSnapshot.unknown(self.components, "status checks are turned off", at=now)
        result = self._client.fetch()
        if result.parsed is None:
            log.info("status page %s: %s", self.url, result.error)
            return HealthSnapshot.unknown(
                self.components, result.error or "unknown", url=self.url, at=now
            )
        return HealthSnapshot(
            components=select(result.parsed, self.components),
            incidents=result.parsed.incidents,
            fetched_at=now,
            error=None,
            format=result.parsed.format,
            url=self.url,
            not_modified=result.not_modified,
        )

    def _apply_hold(self, snapshot: HealthSnapshot) -> None:
        down = snapshot.outages(self.hold_components)
        reason = (
            "the status page reports "
            + ", ".join(f"{n}: {snapshot.components[n].label}" for n in down)
            if down
            else None
        )
        with self._lock:
            previous, self._outage = self._outage, reason
        if reason == previous:
            return
        if reason:
            log.warning("holding uploads: %s", reason)
        else:
            log.info("status page no longer reports an outage; releasing the upload hold")
        if self._on_outage is not None:
            _call(self._on_outage, reason)

    def start(self) -> None:
        """Start polling (first check at once). Idempotent; does nothing when turned off."""
        if self._client is not None:
            self._poller.start()

    def stop(self, timeout: float = 15.0) -> None:
        self._poller.stop(timeout)

    @property
    def running(self) -> bool:
        return self._poller.running


def _call(callback: Callable[..., object], *args: object) -> None:
    try:
        callback(*args)
    except Exception:
        log.exception("health listener %r failed", callback)
