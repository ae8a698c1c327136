"""MIME sniffing from content first, name second, on real files built the way the formats are."""

from __future__ import annotations

import codecs
import json
import os
import struct
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from desktop_app.core import sniff
from desktop_app.core.fsutil import HEAD_BYTES
from desktop_app.core.sniff import sniff_file, sniff_mime

_END, _FREE, _FATSECT, _NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF


def _ole2(streams: list[str], *, padding: int = 0) -> bytes:
    """A minimal valid OLE2 compound file (512-byte sectors) whose root holds ``streams``.

    Sector 0 is the FAT, the directory starts at sector 1; ``padding`` empty directory entries
    come first so the stream names can be pushed into a later directory sector (FAT chain).
    """
    first = 1 + padding  # directory index of the first stream
    entries = [_dir_entry("Root Entry", 5, child=first if streams else _NOSTREAM)]
    entries += [bytes(128)] * padding
    entries += [
        # Chained as right siblings: a degenerate but valid red-black tree.
        _dir_entry(name, 2, right=first + i + 1 if i + 1 < len(streams) else _NOSTREAM)
        for i, name in enumerate(streams)
    ]
    entries += [bytes(128)] * (-len(entries) % 4)
    dir_sectors = len(entries) // 4
    fat = [_FATSECT] + [s + 1 for s in range(1, dir_sectors)] + [_END]
    fat += [_FREE] * (128 - len(fat))
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIII", header, 0x2C, 1, 1, 0, 4096, _END, 0, _END, 0)
    struct.pack_into("<109I", header, 0x4C, 0, *([_FREE] * 108))
    return bytes(header) + struct.pack("<128I", *fat) + b"".join(entries)


def _dir_entry(name: str, kind: int, *, child: int = _NOSTREAM, right: int = _NOSTREAM) -> bytes:
    entry = bytearray(128)
    encoded = name.encode("utf-16-le") + b"\x00\x00"
    entry[: len(encoded)] = encoded
    struct.pack_into("<HBB", entry, 0x40, len(encoded), kind, 1)
    struct.pack_into("<III", entry, 0x44, _NOSTREAM, right, child)
    struct.pack_into("<I", entry, 0x74, _END)
    return bytes(entry)


def _zip(path: Path, members: dict[str, bytes], *, mimetype: str | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        if mimetype is not None:  # ODF/EPUB rule: first, uncompressed
            archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _content_types(main: str) -> bytes:
    return (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'content-types"><Override PartName="/x" ContentType="{main}"/></Types>'
    ).encode()


OOXML = {
    sniff.DOCX: (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "word/document.xml",
    ),
    sniff.DOCM: ("application/vnd.ms-word.document.macroEnabled.main+xml", "word/document.xml"),
    sniff.XLSX: (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "xl/workbook.xml",
    ),
    sniff.XLSM: ("application/vnd.ms-excel.sheet.macroEnabled.main+xml", "xl/workbook.xml"),
    sniff.PPTX: (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
        "ppt/presentation.xml",
    ),
}


@pytest.mark.parametrize("expected", list(OOXML))
def test_ooxml_types_are_told_apart_by_their_members(tmp_path: Path, expected: str) -> None:
    main_type, part = OOXML[expected]
    path = _zip(
        tmp_path / "attachment",  # no extension: the content must decide
        {"[Content_Types].xml": _content_types(main_type), "_rels/.rels": b"<r/>", part: b"<x/>"},
    )

    assert sniff_file(path) == expected


def test_ooxml_head_alone_falls_back_to_the_name(tmp_path: Path) -> None:
    path = _zip(tmp_path / "a.docx", {"[Content_Types].xml": b"<Types/>", "word/document.xml": b""})
    head = path.read_bytes()[:HEAD_BYTES]

    assert sniff_mime(head, "a.docx") == sniff.DOCX
    assert sniff_mime(head, "a.xlsm") == sniff.XLSM
    assert sniff_mime(head, "a.zip") == sniff.ZIP


def test_plain_zip_is_a_zip(tmp_path: Path) -> None:
    path = _zip(tmp_path / "photos.docx", {"holiday/1.jpg": b"\xff\xd8\xff"})

    assert sniff_file(path) == sniff.ZIP  # the name says docx, the members say otherwise


@pytest.mark.parametrize("declared", [sniff.ODT, sniff.ODS, sniff.ODP, sniff.EPUB])
def test_odf_and_epub_are_named_by_their_mimetype_member(tmp_path: Path, declared: str) -> None:
    path = _zip(tmp_path / "document", {"content.xml": b"<office/>"}, mimetype=declared)

    assert sniff_file(path) == declared
    assert sniff_mime(path.read_bytes()[:HEAD_BYTES], "document") == declared


@pytest.mark.parametrize(
    ("streams", "expected"),
    [
        (["WordDocument", "1Table", "\x05SummaryInformation"], sniff.DOC),
        (["Workbook", "\x05SummaryInformation"], sniff.XLS),
        (["Book"], sniff.XLS),
        (["PowerPoint Document", "Current User"], sniff.PPT),
        (["EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"], sniff.OOXML_ENCRYPTED),
        (["Something Else"], sniff.OLE2),
    ],
)
def test_ole2_files_are_named_by_their_streams(
    tmp_path: Path, streams: list[str], expected: str
) -> None:
    path = tmp_path / "legacy.bin"
    path.write_bytes(_ole2(streams))

    assert sniff_file(path) == expected


def test_ole2_stream_in_a_later_directory_sector_is_found(tmp_path: Path) -> None:
    path = tmp_path / "protected.docx"
    path.write_bytes(_ole2(["EncryptionInfo", "EncryptedPackage"], padding=9))

    assert sniff_file(path) == sniff.OOXML_ENCRYPTED


def test_ole2_head_alone_uses_the_name() -> None:
    head = _ole2(["WordDocument"])[:HEAD_BYTES]

    assert sniff_mime(head, "old.xls") == sniff.XLS
    assert sniff_mime(head, "secret.xlsx") == sniff.OOXML_ENCRYPTED
    assert sniff_mime(head, "unknown") == sniff.OLE2


def test_damaged_containers_do_not_raise(tmp_path: Path) -> None:
    broken_zip = tmp_path / "cut.docx"
    broken_zip.write_bytes(
        _zip(tmp_path / "whole.docx", {"word/document.xml": b"x" * 5000}).read_bytes()[:100]
    )
    broken_ole = tmp_path / "cut.doc"
    broken_ole.write_bytes(_ole2(["WordDocument"])[:600])

    assert sniff_file(broken_zip) == sniff.DOCX  # by name: the content is only "some zip"
    assert sniff_file(broken_ole) == sniff.DOC


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", sniff.PDF),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", sniff.PNG),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", sniff.JPEG),
        (b"GIF89a\x01\x00\x01\x00", sniff.GIF),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", sniff.WEBP),
        (b"{\\rtf1\\ansi\\deff0 {\\fonttbl}", sniff.RTF),
        (b"<!DOCTYPE html><html><body>hi</body></html>", sniff.HTML),
        (b"<!-- saved page -->\n<HTML><HEAD><TITLE>x</TITLE>", sniff.HTML),
        (b'<?xml version="1.0"?><note><to>me</to></note>', sniff.XML),
        (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>', sniff.SVG),
        (b'{"name": "value", "list": [1, 2, 3]}', sniff.JSON),
        (b"[section]\nkey = value\n", sniff.TEXT),  # INI, not JSON
        (b"Dear team,\nplease find attached...\n", sniff.TEXT),
        ("Grüße aus Köln\n".encode("cp1252"), sniff.TEXT),
        (codecs.BOM_UTF16_LE + "Hello, wide world\r\n".encode("utf-16-le"), sniff.TEXT),
        (codecs.BOM_UTF16_BE + "<html><body>x</body></html>".encode("utf-16-be"), sniff.HTML),
        (codecs.BOM_UTF8 + b"plain text with a BOM", sniff.TEXT),
        (
            b"Received: from mx.example.org\nFrom: Ann <ann@example.org>\n"
            b"To: Bob <bob@example.org>\nSubject: minutes\n\nHello Bob",
            sniff.EMAIL,
        ),
        (
            b"From ann@example.org Mon Jan 1 00:00:00 2024\nFrom: ann\nDate: today\n\nbody",
            sniff.EMAIL,
        ),
        (b"Note: this is just a sentence with a colon\nand more text\n", sniff.TEXT),
        (b"\x00\x01\x02\x03binary\x00\xff\xfe", sniff.OCTET_STREAM),
    ],
)
def test_content_decides(head: bytes, expected: str) -> None:
    assert sniff_mime(head, "attachment") == expected


def test_truncated_json_is_still_json() -> None:
    document = json.dumps([{"id": i, "text": "x" * 50} for i in range(1000)]).encode()
    assert len(document) > HEAD_BYTES

    assert sniff_mime(document[:HEAD_BYTES], "export") == sniff.JSON


def test_pdf_header_after_leading_junk_is_found() -> None:
    assert sniff_mime(b"\r\n\x00garbage from a mail gateway\n%PDF-1.4\n", "scan") == sniff.PDF


def test_name_refines_plain_text_but_never_invents_a_binary_format() -> None:
    assert sniff_mime(b"name,amount\nann,3\n", "ledger.csv") == "text/csv"
    assert sniff_mime(b"# Title\n\nSome *markdown*.\n", "README.md") == "text/markdown"
    garbage = os.urandom(64).replace(b"%", b"-") + b"\x00"
    assert sniff_mime(garbage, "invoice.pdf") == sniff.OCTET_STREAM
    assert sniff_mime(garbage, "clip.mp4") == "video/mp4"
    assert sniff_mime(b"", "empty.txt") == sniff.TEXT
    assert sniff_mime(b"", "nothing") == sniff.OCTET_STREAM


def test_sniff_file_reads_plain_files_by_content(tmp_path: Path) -> None:
    path = tmp_path / "mail.txt"
    path.write_bytes(b"From: a@example.org\nTo: b@example.org\nSubject: x\n\nbody\n")

    assert sniff_file(path) == sniff.EMAIL
    assert sniff_file(path, name="renamed.eml") == sniff.EMAIL


def test_pdf_mentioned_inside_text_is_not_a_pdf() -> None:
    head = b"Release notes: files now start with %PDF-1.7 as required.\n"

    assert sniff_mime(head, "notes") == sniff.TEXT


def test_an_inflating_member_is_never_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "bomb.odt"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        # 64 MiB that deflate to a few dozen KiB: reading it whole would allocate all of it.
        archive.writestr("mimetype", sniff.ODT + " " * (64 * 1024 * 1024))
    tracemalloc.start()
    try:
        found = sniff_file(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert found == sniff.ODT
    assert peak < 8 * 1024 * 1024


def test_sniff_file_with_a_known_head_opens_the_file_only_for_containers(tmp_path: Path) -> None:
    docx = _zip(tmp_path / "x", {"word/document.xml": b"<w/>"})

    assert sniff_file(tmp_path / "never-created", "a.txt", head=b"plain words") == sniff.TEXT
    assert sniff_file(docx, "x", head=docx.read_bytes()[:HEAD_BYTES]) == sniff.DOCX
