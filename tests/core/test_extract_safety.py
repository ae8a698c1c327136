"""Hostile and broken inputs: each gets its own clear failure, in time, without hurting the app:
zip bombs, XML entity bombs and external entities, hanging and memory-hungry parsers, crashes,
encrypted PDF and OOXML, truncated files, empty files, images and scanned PDFs."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import docgen

from desktop_app.core.errors import ExtractionError
from desktop_app.core.extract import ExtractionRunner, Failure, FailureKind, detect_type
from desktop_app.core.extract.messages import user_message
from desktop_app.core.fallback.texts import TextService
from desktop_app.settings import FallbackSettings

HOSTILE = {
    "application/x-test-spin": "support.extract_hostile:spin_forever",
    "application/x-test-eat": "support.extract_hostile:eat_memory",
    "application/x-test-crash": "support.extract_hostile:crash",
    "application/x-test-env": "support.extract_hostile:report_environment",
}


@pytest.fixture(scope="module")
def runner() -> Iterator[ExtractionRunner]:
    sandbox = ExtractionRunner(timeout=90, memory_limit=768 * 1024 * 1024, extractors=HOSTILE)
    yield sandbox
    sandbox.close()


def failure_of(runner: ExtractionRunner, path: Path, mime: str | None = None) -> Failure:
    result = runner.run(path, mime or detect_type(path))
    assert isinstance(result, Failure), f"expected a failure, got {result!r}"
    return result


@pytest.fixture
def plain_docx(tmp_path: Path) -> Path:
    return docgen.docx(tmp_path / "plain.docx", paragraphs=["An ordinary paragraph."])


def test_zip_bomb_is_refused_without_expanding(
    runner: ExtractionRunner, tmp_path: Path, plain_docx: Path
) -> None:
    bomb = docgen.zip_bomb_docx(tmp_path / "bomb.docx", plain_docx, expanded_mib=2048)
    assert bomb.stat().st_size < 4 * 1024 * 1024  # 2 GiB of content in a few MB
    failure = failure_of(runner, bomb)
    assert failure.kind is FailureKind.BOMB
    assert "unsafe size" in user_message(failure, "bomb.docx")


def test_billion_laughs_in_a_docx_is_refused(
    runner: ExtractionRunner, tmp_path: Path, plain_docx: Path
) -> None:
    import zipfile

    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    ]
    laughs = (
        f'<?xml version="1.0"?><!DOCTYPE lolz [{"".join(entities)}]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )
    hostile = tmp_path / "laughs.docx"
    with zipfile.ZipFile(plain_docx) as source, zipfile.ZipFile(hostile, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, laughs if info.filename == "word/document.xml" else data)
    failure = failure_of(runner, hostile)
    assert failure.kind is FailureKind.ENTITIES
    # The user is told what was refused and why, not a size they never saw.
    message = user_message(failure, "laughs.docx")
    assert message == (
        "laughs.docx was refused: it contains XML entity declarations, "
        "which are refused for safety."
    )
    assert "size" not in message


def test_external_entity_xml_does_not_leak_the_file(
    runner: ExtractionRunner, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-TOKEN-4711")
    doc = tmp_path / "evil.xml"
    doc.write_text(
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]>'
        "<r><item>&x;</item></r>"
    )
    result = runner.run(doc, detect_type(doc))
    text = result.markdown if not isinstance(result, Failure) else result.detail
    assert "TOP-SECRET-TOKEN-4711" not in text
    # The same entity inside an ODF document is refused outright.
    import zipfile

    odt = docgen.odt(tmp_path / "plain.odt", heading="H", paragraphs=["p"])
    evil_odt = tmp_path / "evil.odt"
    with zipfile.ZipFile(odt) as source, zipfile.ZipFile(evil_odt, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "content.xml":
                data = doc.read_bytes()
            target.writestr(info, data)
    failure = failure_of(runner, evil_odt)
    assert failure.kind is FailureKind.ENTITIES
    assert "contains XML entity declarations" in user_message(failure, "evil.odt")
    assert "TOP-SECRET" not in failure.detail


def test_hanging_parser_is_killed_at_the_timeout_and_the_worker_replaced(
    tmp_path: Path,
) -> None:
    sandbox = ExtractionRunner(timeout=2.0, extractors=HOSTILE)
    try:
        sample = tmp_path / "loop.bin"
        sample.write_bytes(b"anything")
        sandbox.start()
        stuck_pid = sandbox.pid
        assert stuck_pid is not None
        started = time.monotonic()
        failure = failure_of(sandbox, sample, "application/x-test-spin")
        assert failure.kind is FailureKind.TIMEOUT
        assert time.monotonic() - started < 60  # returned, rather than hanging with the parser
        assert _reaped(stuck_pid)
        good = tmp_path / "ok.txt"
        good.write_text("still working")
        after = sandbox.run(good, "text/plain", timeout=60)
        assert not isinstance(after, Failure) and "still working" in after.markdown
        assert sandbox.workers_started == 2
    finally:
        sandbox.close()


def _reaped(pid: int) -> bool:
    """The killed worker is gone and was waited for (no zombie left behind)."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True  # already reaped by the runner
    return False


@pytest.mark.skipif(not hasattr(os, "fork") or os.uname().sysname != "Linux", reason="RLIMIT_AS")
def test_memory_hungry_parser_hits_the_cap(runner: ExtractionRunner, tmp_path: Path) -> None:
    sample = tmp_path / "hungry.bin"
    sample.write_bytes(b"anything")
    failure = failure_of(runner, sample, "application/x-test-eat")
    assert failure.kind is FailureKind.MEMORY
    assert "too much memory" in user_message(failure, "hungry.bin")


def test_crashing_parser_is_reported_and_recovered(
    runner: ExtractionRunner, tmp_path: Path
) -> None:
    sample = tmp_path / "crash.bin"
    sample.write_bytes(b"anything")
    assert failure_of(runner, sample, "application/x-test-crash").kind is FailureKind.FAILED
    good = tmp_path / "ok.txt"
    good.write_text("recovered")
    assert "recovered" in runner.run(good, "text/plain").markdown  # type: ignore[union-attr]


def test_encrypted_pdf_and_encrypted_ooxml(
    runner: ExtractionRunner, tmp_path: Path, plain_docx: Path
) -> None:
    plain_pdf = docgen.pdf(tmp_path / "plain.pdf", ["Confidential figures."])
    locked_pdf = docgen.encrypted_pdf(plain_pdf, tmp_path / "locked.pdf")
    assert failure_of(runner, locked_pdf).kind is FailureKind.ENCRYPTED
    locked_docx = docgen.encrypted_ooxml(plain_docx, tmp_path / "locked.docx")
    failure = failure_of(runner, locked_docx)
    assert failure.kind is FailureKind.ENCRYPTED
    assert user_message(failure, "locked.docx") == (
        "locked.docx is password-protected; open it, remove the password and try again."
    )


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".xlsx", ".pptx", ".odt", ".epub"])
def test_truncated_files_are_reported_as_damaged(
    runner: ExtractionRunner, tmp_path: Path, suffix: str
) -> None:
    makers = {
        ".pdf": lambda p: docgen.pdf(p, ["Some text " * 50] * 3),
        ".docx": lambda p: docgen.docx(p, paragraphs=["Some text " * 50] * 20),
        ".xlsx": lambda p: docgen.xlsx(p, {"S": [["a", "b"]] * 200}),
        ".pptx": lambda p: docgen.pptx(p, [("T", ["x"], "")] * 5),
        ".odt": lambda p: docgen.odt(p, heading="H", paragraphs=["Some text " * 50] * 20),
        ".epub": lambda p: docgen.epub(p, "B", [("C", "Some text " * 50)] * 5),
    }
    whole = makers[suffix](tmp_path / f"whole{suffix}")
    cut = tmp_path / f"cut{suffix}"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 3])
    result = runner.run(cut, detect_type(cut))
    assert isinstance(result, Failure)
    assert result.kind in (FailureKind.CORRUPT, FailureKind.UNSUPPORTED)
    message = user_message(result, cut.name)
    assert cut.name in message and "Traceback" not in message


def test_empty_image_and_scanned_inputs(runner: ExtractionRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    assert failure_of(runner, empty).kind is FailureKind.EMPTY
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\n ")
    assert failure_of(runner, blank).kind is FailureKind.EMPTY
    png = tmp_path / "photo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))  # a signature and nothing readable
    assert failure_of(runner, png).kind is FailureKind.CORRUPT
    scanned = docgen.scanned_pdf(tmp_path / "scan.pdf")
    failure = failure_of(runner, scanned)
    assert failure.kind is FailureKind.NO_TEXT
    assert "no text layer" in user_message(failure, "scan.pdf")


def test_unsupported_binary_gets_its_own_message(runner: ExtractionRunner, tmp_path: Path) -> None:
    blob = tmp_path / "firmware.bin"
    blob.write_bytes(bytes(range(256)) * 8)
    failure = failure_of(runner, blob)
    assert failure.kind is FailureKind.UNSUPPORTED
    assert user_message(failure, "firmware.bin") == (
        "AttachGuard cannot read text from firmware.bin: it is a binary file."
    )


def test_service_raises_extraction_error_with_kind(tmp_path: Path) -> None:
    texts = TextService(None, tmp_path / "cache", FallbackSettings())
    try:
        scan = docgen.scanned_pdf(tmp_path / "scan.pdf")
        with pytest.raises(ExtractionError) as caught:
            texts.extract_path(scan)
        assert caught.value.kind == "no_text"
        assert str(caught.value).startswith("No text found in scan.pdf: it has no text layer")
    finally:
        texts.close()


def test_worker_environment_holds_no_api_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-must-not-leak")
    monkeypatch.setenv("ATTACHGUARD_PROBE", "visible")
    sandbox = ExtractionRunner(timeout=90, extractors=HOSTILE)
    try:
        sample = tmp_path / "probe.bin"
        sample.write_bytes(b"x")
        result = sandbox.run(sample, "application/x-test-env")
    finally:
        sandbox.close()
    assert not isinstance(result, Failure), result
    assert "ATTACHGUARD_PROBE=visible" in result.markdown  # the probe really saw the environment
    assert "sk-test-must-not-leak" not in result.markdown


def test_file_over_the_input_limit_is_too_large(tmp_path: Path) -> None:
    from desktop_app.core.extract import Limits

    sandbox = ExtractionRunner(timeout=90, limits=Limits(max_input_bytes=1024))
    try:
        big = tmp_path / "big.txt"
        big.write_text("word " * 1000)
        failure = failure_of(sandbox, big)
    finally:
        sandbox.close()
    assert failure.kind is FailureKind.TOO_LARGE
    assert user_message(failure, "big.txt") == "big.txt is too large to turn into text here."
