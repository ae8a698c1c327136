"""The loopback OpenAI server, driven through the real ``openai`` SDK.

These tests pin down what the upload engine will see from each injected fault, so a change to the
fake that would silently weaken the engine's tests fails here first.
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import openai
import pytest
from openai import OpenAI

from support.openai_server import FakeOpenAI


@pytest.fixture
def server(openai_server: FakeOpenAI) -> Iterator[FakeOpenAI]:
    """The shared fixture, plus a check that no handler thread hit an unexpected error."""
    yield openai_server
    assert openai_server.handler_errors == []


@pytest.fixture
def client(server: FakeOpenAI, openai_client: OpenAI) -> OpenAI:
    return openai_client


def upload(client: OpenAI, name: str = "report.pdf", data: bytes = b"%PDF-1.7 hello") -> str:
    return client.files.create(file=(name, data, "application/pdf"), purpose="user_data").id


# -- Files: round trip, paging, expiry ---------------------------------------------------------
def test_files_round_trip_create_retrieve_list_content_delete(
    server: FakeOpenAI, client: OpenAI
) -> None:
    created = client.files.create(
        file=("notes.txt", b"meeting notes", "text/plain"),
        purpose="user_data",
        expires_after={"anchor": "created_at", "seconds": 7200},
    )
    assert created.filename == "notes.txt"
    assert created.bytes == len(b"meeting notes")
    assert created.purpose == "user_data"
    assert created.expires_at == created.created_at + 7200
    assert server.files[created.id].content == b"meeting notes"

    assert client.files.retrieve(created.id).id == created.id
    assert [f.id for f in client.files.list()] == [created.id]
    assert client.files.content(created.id).read() == b"meeting notes"

    assert client.files.delete(created.id).deleted is True
    assert server.files == {}
    with pytest.raises(openai.NotFoundError):
        client.files.retrieve(created.id)


def test_list_pages_with_cursor_and_filters_by_purpose(server: FakeOpenAI, client: OpenAI) -> None:
    ids = [upload(client, f"doc{i}.pdf") for i in range(7)]
    server.add_file("input.jsonl", b"{}\n", "batch")

    first = client.files.list(purpose="user_data", limit=3, order="asc")
    assert [f.id for f in first.data] == ids[:3]
    assert first.has_more is True
    walked = [f.id for f in client.files.list(purpose="user_data", limit=3, order="asc")]
    assert walked == ids  # the SDK's auto-pagination follows ``after`` to the end

    newest_first = [f.id for f in client.files.list(purpose="user_data", limit=2)]
    assert newest_first == list(reversed(ids))


def test_deleting_while_paging_does_not_break_the_cursor(
    server: FakeOpenAI, client: OpenAI
) -> None:
    ids = [upload(client, f"dup{i}.pdf") for i in range(4)]
    page = client.files.list(limit=2, order="asc")
    for f in page.data:
        client.files.delete(f.id)
    rest = page.get_next_page()
    assert [f.id for f in rest.data] == ids[2:]


def test_file_expires_when_the_server_clock_passes_expires_at(
    server: FakeOpenAI, client: OpenAI
) -> None:
    file_id = client.files.create(
        file=b"short lived",
        purpose="user_data",
        expires_after={"anchor": "created_at", "seconds": 3600},
    ).id
    server.advance(3601)
    with pytest.raises(openai.NotFoundError):
        client.files.retrieve(file_id)
    assert file_id not in server.files


@pytest.mark.parametrize(
    "name", ["Bericht ü.pdf", '"quoted".pdf', "a;b=c.pdf", "back\\slash.pdf", "日本語.txt"]
)
def test_unusual_filenames_round_trip(server: FakeOpenAI, client: OpenAI, name: str) -> None:
    created = client.files.create(file=(name, b"x", "text/plain"), purpose="user_data")
    assert created.filename == name  # reconciliation matches remote files by name
    assert server.files[created.id].filename == name


def test_path_uploads_and_the_sdk_chunked_helper_work(
    server: FakeOpenAI, client: OpenAI, tmp_path: Path
) -> None:
    source = tmp_path / "scan.pdf"
    source.write_bytes(b"%PDF" + bytes(range(256)) * 40)
    from_path = client.files.create(file=source, purpose="assistants")
    assert (from_path.filename, server.files[from_path.id].content) == (
        "scan.pdf",
        source.read_bytes(),
    )
    chunked = client.uploads.upload_file_chunked(
        file=source, mime_type="application/pdf", purpose="user_data", part_size=3000
    )
    assert chunked.file is not None
    assert server.files[chunked.file.id].content == source.read_bytes()


def test_file_over_the_size_limit_is_refused_with_413(server: FakeOpenAI, client: OpenAI) -> None:
    server.max_file_bytes = 1000
    with pytest.raises(openai.APIStatusError) as info:
        client.files.create(file=b"x" * 1001, purpose="user_data")
    assert (info.value.status_code, info.value.code) == (413, "file_too_large")
    assert server.files == {}


def test_500_concurrent_uploads_are_all_stored(server: FakeOpenAI, client: OpenAI) -> None:
    start = threading.Barrier(100)

    def one(i: int) -> str:
        if i < 100:
            start.wait(timeout=60)  # make the first hundred really overlap
        return upload(client, f"doc{i}.pdf", f"content {i}".encode())

    with ThreadPoolExecutor(100) as pool:
        ids = list(pool.map(one, range(500)))
    assert len(set(ids)) == 500
    assert sorted(f.filename for f in server.files.values()) == sorted(
        f"doc{i}.pdf" for i in range(500)
    )


def test_expires_after_out_of_range_is_a_bad_request(client: OpenAI) -> None:
    with pytest.raises(openai.BadRequestError) as info:
        client.files.create(
            file=b"x", purpose="user_data", expires_after={"anchor": "created_at", "seconds": 60}
        )
    assert info.value.param == "expires_after.seconds"


# -- Faults: what the SDK raises ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("status", "exc_type"),
    [
        (500, openai.InternalServerError),
        (502, openai.InternalServerError),
        (503, openai.InternalServerError),
        (400, openai.BadRequestError),
        (401, openai.AuthenticationError),
        (403, openai.PermissionDeniedError),
        (404, openai.NotFoundError),
        (413, openai.APIStatusError),
    ],
)
def test_status_fault_raises_the_matching_sdk_error_and_stores_nothing(
    server: FakeOpenAI, client: OpenAI, status: int, exc_type: type[openai.APIStatusError]
) -> None:
    server.fail_status(status, message="injected", code_str="injected_code")
    with pytest.raises(exc_type) as info:
        upload(client)
    assert info.value.status_code == status
    assert info.value.code == "injected_code"
    assert isinstance(info.value.body, dict)
    assert info.value.body["message"] == "injected"
    assert info.value.request_id is not None
    assert server.files == {}
    assert upload(client) in server.files  # one use only: the next attempt succeeds


def test_rate_limit_exposes_retry_after_headers(server: FakeOpenAI, client: OpenAI) -> None:
    server.rate_limited(2.5)
    with pytest.raises(openai.RateLimitError) as info:
        upload(client)
    headers = info.value.response.headers
    assert headers["retry-after"] == "3"
    assert headers["retry-after-ms"] == "2500"
    assert info.value.code == "rate_limit_exceeded"


def test_expired_fault_carries_message_and_code(server: FakeOpenAI, client: OpenAI) -> None:
    server.expired()
    with pytest.raises(openai.BadRequestError) as info:
        upload(client)
    assert info.value.status_code == 400
    assert info.value.code == "file_expired"
    assert "The file has expired" in info.value.message
    assert server.files == {}


def test_expire_file_makes_a_later_retrieve_not_found(server: FakeOpenAI, client: OpenAI) -> None:
    file_id = upload(client)
    server.expire_file(file_id)
    with pytest.raises(openai.NotFoundError):
        client.files.retrieve(file_id)
    assert [f.id for f in client.files.list()] == []


def test_wrong_key_is_authentication_error(server: FakeOpenAI) -> None:
    with (
        OpenAI(api_key="sk-wrong", base_url=server.base_url, max_retries=0) as bad,
        pytest.raises(openai.AuthenticationError) as info,
    ):
        upload(bad)
    assert info.value.code == "invalid_api_key"
    assert server.files == {}


def test_reset_before_is_connection_error_and_stores_nothing(
    server: FakeOpenAI, client: OpenAI
) -> None:
    server.reset_before()
    with pytest.raises(openai.APIConnectionError):
        upload(client)
    assert server.files == {}
    assert upload(client) in server.files  # the connection pool recovers


def test_reset_before_a_large_body_stores_nothing(server: FakeOpenAI, client: OpenAI) -> None:
    server.reset_before()
    with pytest.raises(openai.APIConnectionError):
        client.files.create(file=b"x" * 8_000_000, purpose="user_data")
    assert server.files == {}
    assert server.requests[-1][:3] == ("POST", "/v1/files", 0)


def test_reset_after_store_leaves_exactly_one_file(server: FakeOpenAI, client: OpenAI) -> None:
    server.reset_after_store()
    with pytest.raises(openai.APIConnectionError):
        upload(client, "ambiguous.pdf")
    assert [f.filename for f in server.files.values()] == ["ambiguous.pdf"]
    assert server.requests[-1][:3] == ("POST", "/v1/files", 0)


def test_delay_slows_the_answer_and_still_processes(server: FakeOpenAI, client: OpenAI) -> None:
    server.delay(2.0)
    with pytest.raises(openai.APITimeoutError):
        client.with_options(timeout=0.3).files.create(file=b"slow", purpose="user_data")
    # The server finished the request after the client gave up: the ambiguous case again.
    deadline = server.now + 30
    while not server.files and server.now < deadline:
        server.stopping.wait(0.02)
    assert len(server.files) == 1


def test_outage_fails_every_api_call_until_it_ends(server: FakeOpenAI, client: OpenAI) -> None:
    server.outage(600)
    with pytest.raises(openai.InternalServerError) as info:
        client.files.list()
    assert info.value.status_code == 503
    with pytest.raises(openai.InternalServerError):
        upload(client)
    server.advance(601)
    assert upload(client) in server.files


def test_faults_match_method_and_path_prefix(server: FakeOpenAI, client: OpenAI) -> None:
    file_id = upload(client)
    server.fail_status(500, method="GET", path="/v1/files/", times=None)
    with pytest.raises(openai.InternalServerError):
        client.files.retrieve(file_id)
    assert upload(client) in server.files  # POST /v1/files is not matched
    server.clear_faults()
    assert client.files.retrieve(file_id).id == file_id


def test_fault_path_wildcard_targets_upload_parts(server: FakeOpenAI, client: OpenAI) -> None:
    up = client.uploads.create(bytes=6, filename="x", mime_type="text/plain", purpose="user_data")
    server.reset_after_store(path="/v1/uploads/*/parts")
    with pytest.raises(openai.APIConnectionError):
        client.uploads.parts.create(up.id, data=b"abc")
    assert len(server.uploads[up.id].parts) == 1  # stored although the client never heard
    part = client.uploads.parts.create(up.id, data=b"def")
    with pytest.raises(openai.BadRequestError):
        client.uploads.complete(up.id, part_ids=[part.id])  # 3 of 6 bytes: refused


def test_random_faults_are_reproducible_with_a_seed(server: FakeOpenAI, client: OpenAI) -> None:
    def outcomes(seed: int) -> list[str]:
        server.clear_faults()
        server.random_faults(0.5, seed)
        seen = []
        for _ in range(30):
            try:
                upload(client)
                seen.append("ok")
            except openai.APIStatusError as exc:
                seen.append(str(exc.status_code))
            except openai.APIConnectionError:
                seen.append("reset")
        return seen

    first, second = outcomes(7), outcomes(7)
    assert first == second
    assert "ok" in first and len(set(first)) > 2
    assert len(server.applied_faults) == 2 * sum(1 for o in first if o != "ok")


# -- Uploads API -------------------------------------------------------------------------------
def test_uploads_flow_assembles_parts_in_part_ids_order(server: FakeOpenAI, client: OpenAI) -> None:
    data = b"A" * 1000 + b"B" * 1000 + b"C" * 500
    up = client.uploads.create(
        bytes=len(data),
        filename="big.bin",
        mime_type="application/octet-stream",
        purpose="user_data",
    )
    assert up.status == "pending"
    assert up.expires_at == up.created_at + 3600
    # Sent out of order; part_ids fixes the order.
    p3 = client.uploads.parts.create(up.id, data=data[2000:])
    p1 = client.uploads.parts.create(up.id, data=data[:1000])
    p2 = client.uploads.parts.create(up.id, data=data[1000:2000])
    done = client.uploads.complete(
        up.id, part_ids=[p1.id, p2.id, p3.id], md5=hashlib.md5(data).hexdigest()
    )
    assert done.status == "completed"
    assert done.file is not None
    assert server.files[done.file.id].content == data


def test_upload_complete_rejects_a_wrong_md5(client: OpenAI) -> None:
    up = client.uploads.create(bytes=3, filename="x", mime_type="text/plain", purpose="user_data")
    part = client.uploads.parts.create(up.id, data=b"abc")
    with pytest.raises(openai.BadRequestError) as info:
        client.uploads.complete(up.id, part_ids=[part.id], md5="0" * 32)
    assert info.value.param == "md5"


def test_upload_expires_an_hour_after_creation(server: FakeOpenAI, client: OpenAI) -> None:
    up = client.uploads.create(bytes=3, filename="x", mime_type="text/plain", purpose="user_data")
    part = client.uploads.parts.create(up.id, data=b"abc")
    server.advance(3600)
    with pytest.raises(openai.BadRequestError) as info:
        client.uploads.complete(up.id, part_ids=[part.id])
    assert info.value.code == "upload_expired"
    assert server.uploads[up.id].status == "expired"
    assert server.files == {}


def test_upload_cancel(server: FakeOpenAI, client: OpenAI) -> None:
    up = client.uploads.create(bytes=3, filename="x", mime_type="text/plain", purpose="user_data")
    assert client.uploads.cancel(up.id).status == "cancelled"
    with pytest.raises(openai.BadRequestError):
        client.uploads.parts.create(up.id, data=b"abc")


# -- Batches -----------------------------------------------------------------------------------
def test_batches_list_and_retrieve_show_status_set_by_the_test(
    server: FakeOpenAI, client: OpenAI
) -> None:
    hours_ago = int(server.now) - 5 * 3600
    stuck = server.add_batch(status="finalizing", created_at=hours_ago, finalizing_at=hours_ago)
    healthy = server.add_batch(status="in_progress")
    listed = {b.id: b for b in client.batches.list()}
    assert listed[stuck.id].status == "finalizing"
    assert listed[stuck.id].finalizing_at == hours_ago
    assert listed[stuck.id].expires_at == hours_ago + 24 * 3600
    assert listed[healthy.id].in_progress_at is not None

    server.set_batch(stuck.id, status="completed", output_file_id="file-out")
    got = client.batches.retrieve(stuck.id)
    assert (got.status, got.output_file_id) == ("completed", "file-out")
    assert got.completed_at is not None


def test_batches_create_page_and_cancel(server: FakeOpenAI, client: OpenAI) -> None:
    input_id = client.files.create(
        file=("in.jsonl", b"{}\n", "application/jsonl"), purpose="batch"
    ).id
    created = [
        client.batches.create(
            input_file_id=input_id, endpoint="/v1/chat/completions", completion_window="24h"
        ).id
        for _ in range(3)
    ]
    assert [b.id for b in client.batches.list(limit=2)] == list(reversed(created))
    assert client.batches.cancel(created[0]).status == "cancelling"


# -- Static JSON -------------------------------------------------------------------------------
def test_serve_json_supports_etag_and_last_modified(server: FakeOpenAI) -> None:
    url = server.serve_json("/api/v2/summary.json", {"status": {"indicator": "none"}})
    with urllib.request.urlopen(url, timeout=10) as resp:
        etag, modified = resp.headers["ETag"], resp.headers["Last-Modified"]
        assert b'"indicator": "none"' in resp.read()

    for header, value in (("If-None-Match", etag), ("If-Modified-Since", modified)):
        request = urllib.request.Request(url, headers={header: value})
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(request, timeout=10)
        assert info.value.code == 304
        info.value.close()
    assert server.static_stats("/api/v2/summary.json") == (3, 2)


def test_serve_json_serves_errors_and_malformed_bodies_verbatim(server: FakeOpenAI) -> None:
    broken = server.serve_json("/api/v2/status.json", '{"status": ', status=200)
    with urllib.request.urlopen(broken, timeout=10) as resp:
        assert resp.read() == b'{"status": '
    failing = server.serve_json("/api/v2/incidents.json", {"error": "down"}, status=502)
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(failing, timeout=10)
    assert info.value.code == 502
    info.value.close()


# -- Lifecycle ---------------------------------------------------------------------------------
def test_stop_returns_promptly_and_joins_every_thread(tmp_path: Path) -> None:
    server = FakeOpenAI().start()
    sdk = OpenAI(api_key=server.api_key, base_url=server.base_url, max_retries=0)
    upload(sdk)  # leaves an idle keep-alive connection open
    server.delay(600)
    stuck = threading.Thread(target=_upload_ignoring_errors, args=(sdk,), name="stuck-client")
    stuck.start()
    deadline = server.now + 30
    while server.faults.pending() and server.now < deadline:  # the delay was taken: it sleeps
        server.stopping.wait(0.01)
    assert server.faults.pending() == []
    server.stop()
    stuck.join(30)
    sdk.close()
    assert not stuck.is_alive()
    assert [t.name for t in threading.enumerate() if t.name.startswith("fake-openai")] == []
    assert server.handler_errors == []


def test_stop_then_start_is_an_unreachable_api_that_comes_back(
    server: FakeOpenAI, client: OpenAI
) -> None:
    kept = upload(client)
    server.stop()
    with pytest.raises(openai.APIConnectionError):
        client.files.list()
    server.start()
    assert [f.id for f in client.files.list()] == [kept]  # same port, same state


def _upload_ignoring_errors(sdk: OpenAI) -> None:
    with contextlib.suppress(openai.APIError):
        upload(sdk)
