"""Hostile and broken pictures: pixel bombs, huge and truncated files, pictures under another
name. Each gets a clear failure or a bounded result from the worker, never a hang or a crash."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from support import ocr_pages as pages

from desktop_app.core.extract import (
    Extraction,
    ExtractionRunner,
    Failure,
    FailureKind,
    OcrOptions,
    detect_type,
)
from desktop_app.core.extract.messages import user_message


@pytest.fixture(scope="module")
def runner() -> Iterator[ExtractionRunner]:
    sandbox = ExtractionRunner(
        timeout=90, memory_limit=1024 * 1024 * 1024, ocr=OcrOptions(workers=1)
    )
    yield sandbox
    sandbox.close()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def pixel_bomb(path: Path, width: int = 40_000, height: int = 40_000) -> Path:
    """A PNG of a few hundred bytes whose header declares ``width`` x ``height`` pixels."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    rows = zlib.compress(b"\x00" + b"\xff" * 1024, 9)
    data = b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", rows)
    path.write_bytes(data + _chunk(b"IEND", b""))
    return path


def test_a_pixel_bomb_is_refused_before_decoding(runner: ExtractionRunner, tmp_path: Path) -> None:
    bomb = pixel_bomb(tmp_path / "cute-cat.png")
    assert bomb.stat().st_size < 1024
    result = runner.run(bomb, detect_type(bomb))
    assert isinstance(result, Failure) and result.kind is FailureKind.BOMB
    assert "1600000000 pixels" in result.detail  # 40000 x 40000, named in the log
    assert "unsafe size" in user_message(result, "cute-cat.png")


def test_a_huge_blank_picture_gives_a_bounded_answer(
    runner: ExtractionRunner, tmp_path: Path
) -> None:
    huge = tmp_path / "whiteboard.png"
    Image.new("L", (9000, 8000), 255).save(huge)  # 72 megapixels, under the bomb limit
    result = runner.run(huge, detect_type(huge))
    assert isinstance(result, Failure) and result.kind is FailureKind.NO_TEXT
    assert runner.pid is not None  # the worker survived and stays in use


@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_truncated_pictures_are_reported_damaged(
    runner: ExtractionRunner, tmp_path: Path, fmt: str
) -> None:
    whole = tmp_path / f"whole.{fmt.lower()}"
    pages.text_page(pages.words(80, seed=1), height_in=4).save(whole, format=fmt)
    cut = tmp_path / f"cut.{fmt.lower()}"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    result = runner.run(cut, detect_type(cut))
    assert isinstance(result, Failure) and result.kind is FailureKind.CORRUPT
    assert (
        user_message(result, cut.name) == f"{cut.name} is damaged or incomplete and cannot be read."
    )


def test_pictures_under_another_name_are_read_by_content(
    runner: ExtractionRunner, tmp_path: Path
) -> None:
    words = pages.words(60, seed=2)
    disguised = tmp_path / "report.pdf"
    pages.text_page(words, height_in=4).save(disguised, format="PNG")
    assert detect_type(disguised) == "image/png"
    result = runner.run(disguised, detect_type(disguised))
    assert isinstance(result, Extraction)
    assert pages.recall(words, result.markdown) >= 0.95
    tiff = tmp_path / "scan.dat"
    pages.text_page(words, height_in=4).save(tiff, format="TIFF")
    assert detect_type(tiff) == "image/tiff"
    not_a_picture = tmp_path / "holiday.jpg"
    not_a_picture.write_text("Dear team, the photos follow in the next message.\n")
    text = runner.run(not_a_picture, detect_type(not_a_picture))
    assert isinstance(text, Extraction) and "photos follow" in text.markdown


def test_garbage_with_a_picture_signature_is_damaged(
    runner: ExtractionRunner, tmp_path: Path
) -> None:
    fake = tmp_path / "scan.jpg"
    fake.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40)
    result = runner.run(fake, detect_type(fake))
    assert isinstance(result, Failure) and result.kind is FailureKind.CORRUPT
    phone = tmp_path / "IMG_2041"  # an iPhone picture's header, then garbage
    phone.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(4000))
    assert detect_type(phone) == "image/heic"
    result = runner.run(phone, "image/heic")
    assert isinstance(result, Failure) and result.kind is FailureKind.CORRUPT
