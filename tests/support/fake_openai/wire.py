"""Wire-format helpers for the fake OpenAI server: error bodies, multipart parsing, list pages.

The stdlib ``cgi`` module is deprecated (and warnings are errors in our test run), and
``email.parser`` copies large bodies several times, so a small byte-level parser is used instead:
the SDK (via httpx) always sends a ``boundary`` and CRLF line endings.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

#: Error ``type``/default message per status, as OpenAI answers them.
_DEFAULTS: dict[int, tuple[str, str]] = {
    400: ("invalid_request_error", "Invalid request."),
    401: ("invalid_request_error", "Incorrect API key provided."),
    403: ("invalid_request_error", "You are not allowed to perform this request."),
    404: ("invalid_request_error", "Not found."),
    409: ("invalid_request_error", "Conflict."),
    413: ("invalid_request_error", "Request entity too large."),
    422: ("invalid_request_error", "Unprocessable entity."),
    429: ("requests", "Rate limit reached for requests. Please try again later."),
    500: ("server_error", "The server had an error while processing your request. Sorry!"),
    502: ("server_error", "Bad gateway."),
    503: ("server_error", "The server is overloaded or not ready yet."),
    504: ("server_error", "Gateway timeout."),
}
_DEFAULT_CODES: dict[int, str] = {429: "rate_limit_exceeded"}


def error_body(
    status: int,
    message: str | None = None,
    *,
    err_type: str | None = None,
    code: str | None = None,
    param: str | None = None,
) -> dict[str, Any]:
    """OpenAI's error envelope: ``{"error": {"message", "type", "param", "code"}}``."""
    default_type, default_message = _DEFAULTS.get(
        status, ("server_error" if status >= 500 else "invalid_request_error", "Error.")
    )
    return {
        "error": {
            "message": message or default_message,
            "type": err_type or default_type,
            "param": param,
            "code": code if code is not None else _DEFAULT_CODES.get(status),
        }
    }


class BadRequest(Exception):
    """Raised by route code to answer with an OpenAI error (default 400)."""

    def __init__(
        self,
        message: str,
        *,
        status: int = 400,
        param: str | None = None,
        code: str | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.body = error_body(status, message, param=param, code=code)


@dataclass
class FormPart:
    """One field of a multipart form; ``filename`` is set for file fields."""

    name: str
    filename: str | None
    content_type: str | None
    data: bytes


# httpx writes form parameters the HTML5 way: quoted, with '"' as %22, control characters as
# %XX and a backslash doubled. Undo exactly that, so names with these characters round-trip.
_HTML5_ESCAPE_RE = re.compile(r"%(22|[01][0-9A-Fa-f])")


def _unescape_html5(value: str) -> str:
    return _HTML5_ESCAPE_RE.sub(lambda m: chr(int(m.group(1), 16)), value)


def header_params(value: str) -> tuple[str, dict[str, str]]:
    """Split ``form-data; name="file"; filename="a.pdf"`` into its main value and parameters.

    Quoted values may contain ``;`` and ``\\``-escapes, so this walks the string rather than
    splitting it.
    """
    main, _, rest = value.partition(";")
    params: dict[str, str] = {}
    i, n = 0, len(rest)
    while i < n:
        while i < n and rest[i] in " \t;":
            i += 1
        eq = rest.find("=", i)
        if eq < 0:
            break
        name = rest[i:eq].strip().lower()
        i = eq + 1
        if i < n and rest[i] == '"':
            i += 1
            chars = []
            while i < n and rest[i] != '"':
                if rest[i] == "\\" and i + 1 < n:
                    i += 1
                chars.append(rest[i])
                i += 1
            i += 1  # closing quote
            params[name] = _unescape_html5("".join(chars))
        else:
            end = rest.find(";", i)
            end = n if end < 0 else end
            params[name] = rest[i:end].strip()
            i = end
    return main.strip().lower(), params


def parse_multipart(body: bytes, content_type: str) -> dict[str, FormPart]:
    """Parse a ``multipart/form-data`` body into fields by name (last one wins)."""
    kind, params = header_params(content_type)
    boundary = params.get("boundary")
    if kind != "multipart/form-data" or not boundary:
        raise BadRequest("Expected a multipart/form-data body.")
    delimiter = b"--" + boundary.encode("latin-1")
    fields: dict[str, FormPart] = {}
    pos = body.find(delimiter)
    if pos < 0:
        raise BadRequest("Malformed multipart body: no boundary.")
    while True:
        pos += len(delimiter)
        if body.startswith(b"--", pos):
            break  # closing delimiter
        head_end = body.find(b"\r\n\r\n", pos)
        if head_end < 0:
            raise BadRequest("Malformed multipart body: part without headers.")
        headers = body[pos:head_end].decode("utf-8", "replace").strip().split("\r\n")
        next_pos = body.find(b"\r\n" + delimiter, head_end + 4)
        if next_pos < 0:
            raise BadRequest("Malformed multipart body: unterminated part.")
        data = body[head_end + 4 : next_pos]
        name = filename = ctype = None
        for line in headers:
            key, _, value = line.partition(":")
            if key.strip().lower() == "content-disposition":
                _, disp = header_params(value)
                name, filename = disp.get("name"), disp.get("filename")
            elif key.strip().lower() == "content-type":
                ctype = value.strip()
        if name is not None:
            fields[name] = FormPart(name, filename, ctype, data)
        pos = next_pos + 2
    return fields


@dataclass
class Response:
    """What a route answers: a JSON-able body or raw bytes."""

    status: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "application/json"


def parse_json(body: bytes) -> dict[str, Any]:
    try:
        data = json.loads(body or b"{}")
    except ValueError as exc:
        raise BadRequest(f"We could not parse the JSON body of your request: {exc}") from exc
    if not isinstance(data, dict):
        raise BadRequest("The request body must be a JSON object.")
    return data


def _int_arg(query: dict[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = query.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise BadRequest(f"Invalid '{name}': expected an integer.", param=name) from exc
    if not low <= value <= high:
        raise BadRequest(f"Invalid '{name}': must be between {low} and {high}.", param=name)
    return value


def page(
    items: list[Any],
    query: dict[str, str],
    default_limit: int,
    high: int,
    cursor: Callable[[str], tuple[int, int] | None],
    reverse: bool,
) -> Response:
    """Cursor paging as OpenAI does it: ``after`` is the id of the last item already seen.

    ``items`` are sorted by ``(created_at, seq)``; ``cursor`` maps an id to that key even for a
    record deleted since (so deleting while paging does not break the walk).
    """
    limit = _int_arg(query, "limit", default_limit, 1, high)
    after = query.get("after")
    if after:
        key = cursor(after)
        if key is None:
            raise BadRequest(f"No such object: '{after}'", param="after")
        if reverse:
            items = [i for i in items if (i.created_at, i.seq) < key]
        else:
            items = [i for i in items if (i.created_at, i.seq) > key]
    chosen = items[:limit]
    return Response(
        200,
        {
            "object": "list",
            "data": [item.to_wire() for item in chosen],
            "first_id": chosen[0].id if chosen else None,
            "last_id": chosen[-1].id if chosen else None,
            "has_more": len(items) > limit,
        },
    )
