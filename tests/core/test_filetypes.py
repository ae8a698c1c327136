"""File types from content first, name second, on real files built the way the formats are."""

from __future__ import annotations

import codecs
import io
import json
import os
import struct
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from desktop_app.core import filetypes
from desktop_app.core.filetypes import detect
from desktop_app.core.fsutil import HEAD_BYTES

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
    filetypes.DOCX: (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "word/document.xml",
    ),
    filetypes.DOCM: ("application/vnd.ms-word.document.macroEnabled.main+xml", "word/document.xml"),
    filetypes.XLSX: (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "xl/workbook.xml",
    ),
    filetypes.XLSM: ("application/vnd.ms-excel.sheet.macroEnabled.main+xml", "xl/workbook.xml"),
    filetypes.PPTX: (
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

    assert detect(path).mime == expected


def test_ooxml_head_alone_falls_back_to_the_name(tmp_path: Path) -> None:
    path = _zip(tmp_path / "a.docx", {"[Content_Types].xml": b"<Types/>", "word/document.xml": b""})
    head = path.read_bytes()[:HEAD_BYTES]

    assert detect(head, "a.docx").mime == filetypes.DOCX
    assert detect(head, "a.xlsm").mime == filetypes.XLSM
    assert detect(head, "a.zip").mime == filetypes.ZIP


def test_plain_zip_is_a_zip(tmp_path: Path) -> None:
    path = _zip(tmp_path / "photos.docx", {"holiday/1.jpg": b"\xff\xd8\xff"})

    assert detect(path).mime == filetypes.ZIP  # the name says docx, the members say otherwise


@pytest.mark.parametrize("declared", [filetypes.ODT, filetypes.ODS, filetypes.ODP, filetypes.EPUB])
def test_odf_and_epub_are_named_by_their_mimetype_member(tmp_path: Path, declared: str) -> None:
    path = _zip(tmp_path / "document", {"content.xml": b"<office/>"}, mimetype=declared)

    assert detect(path).mime == declared
    assert detect(path.read_bytes()[:HEAD_BYTES], "document").mime == declared


@pytest.mark.parametrize(
    ("streams", "expected"),
    [
        (["WordDocument", "1Table", "\x05SummaryInformation"], filetypes.DOC),
        (["Workbook", "\x05SummaryInformation"], filetypes.XLS),
        (["Book"], filetypes.XLS),
        (["PowerPoint Document", "Current User"], filetypes.PPT),
        (["EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"], filetypes.OOXML_ENCRYPTED),
        (["Something Else"], filetypes.OLE2),
    ],
)
def test_ole2_files_are_named_by_their_streams(
    tmp_path: Path, streams: list[str], expected: str
) -> None:
    path = tmp_path / "legacy.bin"
    path.write_bytes(_ole2(streams))

    assert detect(path).mime == expected


def test_ole2_stream_in_a_later_directory_sector_is_found(tmp_path: Path) -> None:
    path = tmp_path / "protected.docx"
    path.write_bytes(_ole2(["EncryptionInfo", "EncryptedPackage"], padding=9))

    assert detect(path).mime == filetypes.OOXML_ENCRYPTED


def test_ole2_head_alone_uses_the_name() -> None:
    head = _ole2(["WordDocument"])[:HEAD_BYTES]

    assert detect(head, "old.xls").mime == filetypes.XLS
    assert detect(head, "secret.xlsx").mime == filetypes.OOXML_ENCRYPTED
    assert detect(head, "unknown").mime == filetypes.OLE2


def test_damaged_containers_do_not_raise(tmp_path: Path) -> None:
    broken_zip = tmp_path / "cut.docx"
    broken_zip.write_bytes(
        _zip(tmp_path / "whole.docx", {"word/document.xml": b"x" * 5000}).read_bytes()[:100]
    )
    broken_ole = tmp_path / "cut.doc"
    broken_ole.write_bytes(_ole2(["WordDocument"])[:600])

    assert detect(broken_zip).mime == filetypes.DOCX  # by name: the content is only "some zip"
    assert detect(broken_ole).mime == filetypes.DOC


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", filetypes.PDF),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", filetypes.PNG),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", filetypes.JPEG),
        (b"GIF89a\x01\x00\x01\x00", filetypes.GIF),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", filetypes.WEBP),
        (b"{\\rtf1\\ansi\\deff0 {\\fonttbl}", filetypes.RTF),
        (b"<!DOCTYPE html><html><body>hi</body></html>", filetypes.HTML),
        (b"<!-- saved page -->\n<HTML><HEAD><TITLE>x</TITLE>", filetypes.HTML),
        (b'<?xml version="1.0"?><note><to>me</to></note>', filetypes.XML),
        (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>', filetypes.SVG),
        (b'{"name": "value", "list": [1, 2, 3]}', filetypes.JSON),
        (b"[section]\nkey = value\n", filetypes.TEXT),  # INI, not JSON
        (b"Dear team,\nplease find attached...\n", filetypes.TEXT),
        ("Grüße aus Köln\n".encode("cp1252"), filetypes.TEXT),
        (codecs.BOM_UTF16_LE + "Hello, wide world\r\n".encode("utf-16-le"), filetypes.TEXT),
        (codecs.BOM_UTF16_BE + "<html><body>x</body></html>".encode("utf-16-be"), filetypes.HTML),
        (codecs.BOM_UTF8 + b"plain text with a BOM", filetypes.TEXT),
        (
            b"Received: from mx.example.org\nFrom: Ann <ann@example.org>\n"
            b"To: Bob <bob@example.org>\nSubject: minutes\n\nHello Bob",
            filetypes.EMAIL,
        ),
        (
            b"From ann@example.org Mon Jan 1 00:00:00 2024\nFrom: ann\nDate: today\n\nbody",
            filetypes.EMAIL,
        ),
        (b"Note: this is just a sentence with a colon\nand more text\n", filetypes.TEXT),
        (b"\x00\x01\x02\x03binary\x00\xff\xfe", filetypes.OCTET_STREAM),
    ],
)
def test_content_decides(head: bytes, expected: str) -> None:
    assert detect(head, "attachment").mime == expected


def test_truncated_json_is_still_json() -> None:
    document = json.dumps([{"id": i, "text": "x" * 50} for i in range(1000)]).encode()
    assert len(document) > HEAD_BYTES

    assert detect(document[:HEAD_BYTES], "export").mime == filetypes.JSON


def test_pdf_header_after_leading_junk_is_found() -> None:
    assert detect(b"\r\n\x00garbage from a mail gateway\n%PDF-1.4\n", "scan").mime == filetypes.PDF


def test_name_refines_plain_text_but_never_invents_a_binary_format() -> None:
    assert detect(b"name,amount\nann,3\n", "ledger.csv").mime == "text/csv"
    assert detect(b"# Title\n\nSome *markdown*.\n", "README.md").mime == "text/markdown"
    garbage = os.urandom(64).replace(b"%", b"-") + b"\x00"
    assert detect(garbage, "invoice.pdf").mime == filetypes.OCTET_STREAM
    assert detect(garbage, "clip.mp4").mime == "video/mp4"
    assert detect(b"", "empty.txt").mime == filetypes.TEXT
    assert detect(b"", "nothing").mime == filetypes.OCTET_STREAM


def test_sniff_file_reads_plain_files_by_content(tmp_path: Path) -> None:
    path = tmp_path / "mail.txt"
    path.write_bytes(b"From: a@example.org\nTo: b@example.org\nSubject: x\n\nbody\n")

    assert detect(path).mime == filetypes.EMAIL
    assert detect(path, name="renamed.eml").mime == filetypes.EMAIL


def test_pdf_mentioned_inside_text_is_not_a_pdf() -> None:
    head = b"Release notes: files now start with %PDF-1.7 as required.\n"

    assert detect(head, "notes").mime == filetypes.TEXT


def test_an_inflating_member_is_never_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "bomb.odt"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        # 64 MiB that deflate to a few dozen KiB: reading it whole would allocate all of it.
        archive.writestr("mimetype", filetypes.ODT + " " * (64 * 1024 * 1024))
    tracemalloc.start()
    try:
        found = detect(path).mime
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert found == filetypes.ODT
    assert peak < 8 * 1024 * 1024


def test_sniff_file_with_a_known_head_opens_the_file_only_for_containers(tmp_path: Path) -> None:
    docx = _zip(tmp_path / "x", {"word/document.xml": b"<w/>"})

    assert detect(tmp_path / "never-created", "a.txt", head=b"plain words").mime == filetypes.TEXT
    assert detect(docx, "x", head=docx.read_bytes()[:HEAD_BYTES]).mime == filetypes.DOCX


def _image(fmt: str) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (16, 16), "teal").save(out, fmt)
    return out.getvalue()


def _ftyp(major: bytes, *compatible: bytes) -> bytes:
    """The ISO-BMFF ``ftyp`` box that opens HEIC, HEIF and AVIF files."""
    body = b"ftyp" + major + b"\x00\x00\x00\x00" + b"".join(compatible)
    return struct.pack(">I", 4 + len(body)) + body + bytes(64)


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("PNG", filetypes.PNG),
        ("JPEG", filetypes.JPEG),
        ("GIF", filetypes.GIF),
        ("WEBP", filetypes.WEBP),
        ("TIFF", filetypes.TIFF),
        ("BMP", filetypes.BMP),
    ],
)
def test_images_are_found_by_content_whatever_their_name(
    tmp_path: Path, fmt: str, expected: str
) -> None:
    path = tmp_path / "scan.txt"  # the name lies
    path.write_bytes(_image(fmt))

    found = detect(path)

    assert found.mime == expected
    assert found.family is filetypes.Family.IMAGE


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (_ftyp(b"heic", b"mif1", b"heic"), filetypes.HEIC),  # an iPhone photo
        (_ftyp(b"mif1", b"mif1", b"heic"), filetypes.HEIC),
        (_ftyp(b"mif1", b"mif1"), filetypes.HEIF),
        (_ftyp(b"avif", b"mif1", b"miaf"), filetypes.OCTET_STREAM),  # same box, not HEIF
        (_ftyp(b"mif1", b"mif1", b"avif"), filetypes.OCTET_STREAM),
        (_ftyp(b"isom", b"mp41"), filetypes.OCTET_STREAM),  # an MP4 video
    ],
)
def test_heic_and_heif_are_told_from_their_container_cousins(head: bytes, expected: str) -> None:
    found = detect(head, "photo")

    assert found.mime == expected
    assert (found.family is filetypes.Family.IMAGE) == (expected != filetypes.OCTET_STREAM)


def test_text_that_starts_like_a_bitmap_is_still_text() -> None:
    assert detect(b"BMW service report\nmileage: 42000\n", "car").mime == filetypes.TEXT


def test_a_name_never_makes_garbage_an_image() -> None:
    garbage = os.urandom(64).replace(b"%", b"-") + b"\x00"

    assert detect(garbage, "holiday.heic").mime == filetypes.OCTET_STREAM
    assert detect(garbage, "holiday.png").family is filetypes.Family.BINARY


@pytest.mark.parametrize(
    ("declared", "family"),
    [
        (filetypes.OTT, filetypes.Family.DOCUMENT),
        (filetypes.OTS, filetypes.Family.SPREADSHEET),
        (filetypes.OTP, filetypes.Family.PRESENTATION),
    ],
)
def test_odf_templates_are_their_own_type(
    tmp_path: Path, declared: str, family: filetypes.Family
) -> None:
    path = _zip(tmp_path / "letterhead", {"content.xml": b"<office/>"}, mimetype=declared)

    assert detect(path).mime == declared
    assert detect(path.read_bytes()[:HEAD_BYTES], "letterhead").mime == declared
    assert detect(path).family is family


def test_utf16_text_without_a_bom_is_text() -> None:
    head = "Quarterly notes\r\nRevenue up.\r\n".encode("utf-16-le")

    assert detect(head, "notes").mime == filetypes.TEXT


def test_a_specific_text_name_beats_what_the_text_seems_to_be() -> None:
    readme = b'<p align="center"><img src="logo.png"></p>\n\n# Project\n'

    assert detect(readme, "README.md").mime == filetypes.MARKDOWN
    assert detect(readme, "README.txt").mime == filetypes.HTML  # .txt says nothing more


def test_source_code_keeps_its_standard_type_and_names_its_language() -> None:
    script = detect(b"print('hi')\n", "tool.py")
    module = detect(b"export const x: number = 1;\n", "x.ts")

    assert (script.mime, script.language) == ("text/x-python", "python")
    assert (module.mime, module.language) == (filetypes.TEXT, "typescript")
    assert module.family is filetypes.Family.CODE
    # A binary .ts is an MPEG transport stream, not TypeScript.
    video = detect(b"\x47\x40\x00\x10\x00" * 40 + b"\xff\x00", "clip.ts")
    assert video.family is filetypes.Family.BINARY
    assert video.language is None
