"""The SDK boundary: every failure the real ``openai`` client raises is classified once, here."""

from __future__ import annotations

import hashlib
import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from support.openai_server import FakeOpenAI

from desktop_app.core.errors import ApiCallError, ErrorKind
from desktop_app.core.openai_api import Uploader


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    path = tmp_path / "blob"
    path.write_bytes(b"%PDF-1.7 " + b"x" * 5000)
    return path


def create(up: Uploader, doc: Path) -> None:
    up.create_file(doc, "report.pdf", "application/pdf", "user_data", None)


CASES: list[tuple[str, Callable[[FakeOpenAI], object], ErrorKind, int | None, bool]] = [
    ("500", lambda s: s.fail_status(500), ErrorKind.SERVER, 500, False),
    ("503", lambda s: s.fail_status(503), ErrorKind.SERVER, 503, False),
    ("429", lambda s: s.rate_limited(2.5), ErrorKind.RATE_LIMITED, 429, False),
    ("expired", lambda s: s.expired(), ErrorKind.EXPIRED, 400, False),
    ("401", lambda s: s.fail_status(401), ErrorKind.AUTH, 401, False),
    ("403", lambda s: s.fail_status(403), ErrorKind.AUTH, 403, False),
    ("413", lambda s: s.fail_status(413), ErrorKind.TOO_LARGE, 413, False),
    ("400", lambda s: s.fail_status(400, message="bad purpose"), ErrorKind.INVALID, 400, False),
    ("reset-after", lambda s: s.reset_after_store(), ErrorKind.NETWORK, None, True),
    ("reset-before", lambda s: s.reset_before(), ErrorKind.NETWORK, None, True),
]


@pytest.mark.parametrize(
    ("fault", "kind", "status", "ambiguous"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_create_failures_are_classified(
    openai_server: FakeOpenAI,
    doc: Path,
    fault: Callable[[FakeOpenAI], object],
    kind: ErrorKind,
    status: int | None,
    ambiguous: bool,
) -> None:
    fault(openai_server)
    up = Uploader(openai_server.api_key, openai_server.base_url)
    with pytest.raises(ApiCallError) as caught:
        create(up, doc)
    exc = caught.value
    assert exc.kind == kind
    assert exc.http_status == status
    assert exc.ambiguous is ambiguous
    if status is not None:
        assert exc.request_id and exc.request_id.startswith("req_")
    # The SDK's own retries are off: the queue owns retries, so exactly one request went out.
    assert openai_server.count("POST", "/v1/files") == 1
    up.close()


def test_rate_limit_carries_the_servers_wait(openai_server: FakeOpenAI, doc: Path) -> None:
    openai_server.rate_limited(2.5)
    up = Uploader(openai_server.api_key, openai_server.base_url)
    with pytest.raises(ApiCallError) as caught:
        create(up, doc)
    assert caught.value.retry_after == 2.5
    up.close()


def test_wrong_key_is_an_auth_error_and_the_message_hides_the_key(
    openai_server: FakeOpenAI, doc: Path
) -> None:
    up = Uploader("sk-wrong-key-123456789", openai_server.base_url)
    with pytest.raises(ApiCallError) as caught:
        create(up, doc)
    assert caught.value.kind == ErrorKind.AUTH
    assert "sk-wrong-key-123456789" not in str(caught.value)
    up.close()


def test_timeout_is_an_ambiguous_network_error(openai_server: FakeOpenAI, doc: Path) -> None:
    openai_server.delay(2.0)
    up = Uploader(openai_server.api_key, openai_server.base_url, timeout=0.3)
    with pytest.raises(ApiCallError) as caught:
        create(up, doc)
    assert caught.value.kind == ErrorKind.NETWORK
    assert caught.value.ambiguous  # the server may still store it: reconcile before re-sending
    up.close()


def test_refused_connection_is_not_ambiguous(doc: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    up = Uploader("sk-test-valid-key-0000", f"http://127.0.0.1:{port}/v1")
    with pytest.raises(ApiCallError) as caught:
        create(up, doc)
    assert caught.value.kind == ErrorKind.NETWORK
    assert not caught.value.ambiguous  # nothing was sent, nothing to reconcile
    up.close()


def test_find_matches_name_size_purpose_and_age(openai_server: FakeOpenAI, doc: Path) -> None:
    up = Uploader(openai_server.api_key, openai_server.base_url)
    now = openai_server.now
    content = doc.read_bytes()
    old = openai_server.add_file("report.pdf", content, created_at=int(now - 7200))
    fresh = openai_server.add_file("report.pdf", content)
    openai_server.add_file("other.pdf", content)
    openai_server.add_file("report.pdf", content + b"!")
    openai_server.add_file("report.pdf", content, purpose="assistants")
    found = up.find("report.pdf", len(content), "user_data", since=now - 60)
    assert [f.id for f in found] == [fresh.id]
    assert old.id not in [f.id for f in found]
    up.close()


def test_multipart_upload_roundtrip(openai_server: FakeOpenAI, tmp_path: Path) -> None:
    data = bytes(range(256)) * 40
    up = Uploader(openai_server.api_key, openai_server.base_url)
    upload = up.create_upload("big.bin", len(data), "application/octet-stream", "user_data", None)
    parts = [up.add_part(upload.id, data[i : i + 4096]) for i in range(0, len(data), 4096)]
    remote = up.complete_upload(upload.id, parts, hashlib.md5(data).hexdigest())
    assert openai_server.files[remote.id].content == data
    up.close()


def test_create_reports_the_sha256_of_the_bytes_sent(openai_server: FakeOpenAI, doc: Path) -> None:
    up = Uploader(openai_server.api_key, openai_server.base_url)
    seen: list[int] = []
    sent = up.create_file(doc, "report.pdf", "application/pdf", "user_data", None, seen.append)
    stored = openai_server.files[sent.remote.id].content
    assert (
        sent.sha256
        == hashlib.sha256(stored).hexdigest()
        == hashlib.sha256(doc.read_bytes()).hexdigest()
    )
    assert sent.remote.size == len(stored) and seen[-1] == len(stored)
    up.close()
