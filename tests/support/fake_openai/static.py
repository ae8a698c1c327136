"""Static JSON routes of the fake server (status-page documents) with conditional GETs.

Each route carries an ``ETag`` (a hash of the body unless the test gives one) and a
``Last-Modified`` (when it was registered unless given). ``If-None-Match`` wins over
``If-Modified-Since``, as RFC 9110 says; either can turn the answer into a bodiless 304.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from typing import Any

from .wire import Response


def _epoch(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError):
        return None


@dataclass
class StaticRoute:
    """A registered document; ``hits`` counts GETs, ``not_modified`` the 304 answers."""

    body: bytes
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    hits: int = 0
    not_modified: int = 0

    @classmethod
    def build(cls, body: Any, status: int, headers: dict[str, str] | None) -> StaticRoute:
        if isinstance(body, bytes):
            raw = body
        elif isinstance(body, str):
            raw = body.encode()  # served verbatim: lets tests serve malformed JSON
        else:
            raw = json.dumps(body).encode()
        given = {k.lower(): v for k, v in (headers or {}).items()}
        given.setdefault("etag", '"' + hashlib.sha256(raw).hexdigest()[:20] + '"')
        given.setdefault("last-modified", formatdate(time.time(), usegmt=True))
        return cls(raw, status, given)

    def answer(self, request_headers: Any) -> Response:
        self.hits += 1
        headers = {
            "ETag": self.headers["etag"],
            "Last-Modified": self.headers["last-modified"],
        }
        headers.update(
            {k: v for k, v in self.headers.items() if k not in ("etag", "last-modified")}
        )
        if self.status == 200 and self._fresh(request_headers):
            self.not_modified += 1
            return Response(304, None, headers)
        return Response(self.status, self.body, headers)

    def _fresh(self, request_headers: Any) -> bool:
        if_none_match = request_headers.get("If-None-Match")
        if if_none_match is not None:
            tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
            return "*" in tags or self.headers["etag"].removeprefix("W/") in tags
        since = _epoch(request_headers.get("If-Modified-Since"))
        modified = _epoch(self.headers["last-modified"])
        return since is not None and modified is not None and int(modified) <= int(since)
