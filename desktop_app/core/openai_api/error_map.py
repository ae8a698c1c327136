"""The one error mapper of the SDK boundary, and the rules it classifies wire responses by.

Every call into the SDK runs inside :func:`convert_api_errors`, which turns whatever the SDK or
its HTTP client raises into :class:`~desktop_app.core.errors.ApiCallError` carrying the
:class:`~desktop_app.core.errors.ErrorKind`, HTTP status, request id, Retry-After and whether the
call may have reached the server (``ambiguous``). Messages are redacted: a server may echo a key.

For a call that may store something, every failure after the request went out is ambiguous,
whatever raised it: a dropped connection, a passed deadline, a gateway's 502/504, or an answer
that cannot be read (HTML, an empty body, truncated or misshapen JSON: the SDK raises plain
Python errors for those, or hands back something that is not the object asked for, which
:class:`UnexpectedAnswer` reports).
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

import httpx2
import openai

from desktop_app.core.errors import ApiCallError, ErrorKind
from desktop_app.core.openai_api.deadline import DEADLINE_PASSED
from desktop_app.core.redact import redact

#: Statuses a gateway answers when the service behind it failed or did not answer in time:
#: the request may well have been carried out.
GATEWAY_STATUSES = frozenset({502, 504})


class UnexpectedAnswer(ValueError):
    """The server answered, but not with the object the call asked for."""


@contextmanager
def convert_api_errors(*, may_store: bool = False) -> Iterator[None]:
    """Raise every SDK or HTTP failure in the block as :class:`ApiCallError`.

    ``may_store``: the call creates something on the server, so a failure after the request
    went out is ``ambiguous`` (the caller must look before sending it again).
    """
    try:
        yield
    except ApiCallError:
        raise
    except (openai.OpenAIError, httpx2.HTTPError) as exc:
        raise _convert(exc, may_store=may_store) from exc
    except OSError:
        raise  # our own file could not be read: the body was never complete
    except Exception as exc:
        # The answer could not be read (json.JSONDecodeError, a pydantic error, …).
        detail = str(exc) if isinstance(exc, UnexpectedAnswer) else type(exc).__name__
        raise ApiCallError(
            redact(f"unexpected answer from the server ({detail})"),
            ErrorKind.UNKNOWN,
            ambiguous=may_store,
        ) from exc


def _convert(exc: Exception, *, may_store: bool) -> ApiCallError:
    if isinstance(exc, openai.APIStatusError):
        body_msg = _body_message(exc)
        return ApiCallError(
            redact(body_msg or f"HTTP {exc.status_code}"),
            classify_status(exc.status_code, exc.code, body_msg),
            http_status=exc.status_code,
            request_id=exc.request_id,
            retry_after=parse_retry_after(dict(exc.response.headers), time.time()),
            ambiguous=may_store and exc.status_code in GATEWAY_STATUSES,
        )
    if isinstance(exc, openai.APIConnectionError):
        cause = exc.__cause__
        # A refused or failed connect never carried the body; anything later might have.
        sent = not isinstance(cause, httpx2.ConnectError | httpx2.ConnectTimeout)
        what = "timed out" if isinstance(exc, openai.APITimeoutError) else "connection failed"
        detail = f" ({type(cause).__name__})" if cause is not None else ""
        if cause is not None and DEADLINE_PASSED in str(cause):
            what, detail = DEADLINE_PASSED, ""
        return ApiCallError(
            f"network error: {what}{detail}", ErrorKind.NETWORK, ambiguous=may_store and sent
        )
    if isinstance(exc, openai.APIResponseValidationError):
        return ApiCallError(
            redact(f"unexpected response: {exc.message}"),
            ErrorKind.UNKNOWN,
            http_status=exc.status_code,
            ambiguous=may_store,
        )
    return ApiCallError(
        redact(f"{type(exc).__name__}: {exc}"), ErrorKind.UNKNOWN, ambiguous=may_store
    )


def _body_message(exc: openai.APIStatusError) -> str:
    """The server's own message from ``{"error": {"message": ...}}``, else the SDK's text."""
    body = exc.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and isinstance(inner.get("message"), str):
            return str(inner["message"])
    return exc.message


def server_clock_offset(date_header: str | None, now: float) -> float:
    """Seconds the server's clock is ahead of ours (negative: behind), from the ``Date`` header
    of an answer received at ``now``; 0 when unknown or within the header's 1 s resolution."""
    if not date_header:
        return 0.0
    try:
        when = email.utils.parsedate_to_datetime(date_header)
    except (TypeError, ValueError, IndexError):
        return 0.0
    if when.tzinfo is None:
        return 0.0
    # The header is truncated to the second: the server's time was in [when, when + 1).
    offset = when.timestamp() + 0.5 - now
    return offset if abs(offset) > 1.0 else 0.0


def classify_status(status: int, code: str | None = None, message: str | None = None) -> ErrorKind:
    """The kind of an HTTP error response."""
    text = f"{code or ''} {message or ''}".lower()
    if 400 <= status < 500 and status not in (401, 403, 429) and "expired" in text:
        return ErrorKind.EXPIRED
    if status == 429:
        # Out of credit is not a rate limit: waiting does not help, the user must act.
        if "insufficient_quota" in text or "exceeded your current quota" in text:
            return ErrorKind.QUOTA
        return ErrorKind.RATE_LIMITED
    if status in (401, 403):
        return ErrorKind.AUTH
    if status == 413:
        return ErrorKind.TOO_LARGE
    if status >= 500:
        return ErrorKind.SERVER
    if status in (408, 409):
        # Request timeout and conflict are transient by definition (the SDK retries them too).
        return ErrorKind.SERVER
    if 400 <= status < 500:
        return ErrorKind.INVALID
    return ErrorKind.UNKNOWN


def parse_retry_after(headers: Mapping[str, str], now: float) -> float | None:
    """Seconds to wait from ``retry-after-ms`` or ``Retry-After`` (seconds or HTTP date).

    Unlike the SDK we honour any length: a long wait is the server's explicit instruction.
    """
    lowered = {k.lower(): v for k, v in headers.items()}
    millis = lowered.get("retry-after-ms")
    if millis is not None:
        try:
            value = float(millis) / 1000
        except ValueError:
            value = -1
        if value >= 0:
            return value
    text = lowered.get("retry-after")
    if text is None:
        return None
    text = text.strip()
    try:
        seconds = float(text)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
        return max(0.0, when.timestamp() - now)
    return seconds if seconds >= 0 else None
