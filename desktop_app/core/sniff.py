"""Guess a document's MIME type from its content first and its name second.

The magic-number checks are hand-written: the formats AttachGuard cares about are few and their
signatures are short, and it avoids a dependency on libmagic (a system library that is missing on
Windows and macOS by default, and whose answers differ between versions). Zip- and OLE2-based
office formats cannot be told apart by their first bytes, so :func:`sniff_file` also looks inside
the container (the zip central directory, the OLE2 directory).

Name-based guesses use the stdlib :mod:`mimetypes` tables *without* the system's mime.types files,
so the answer is the same on every machine. A name never overrides content for a type this module
recognises by content: a file called ``x.pdf`` that does not start like a PDF is not a PDF.
"""

from __future__ import annotations

import codecs
import json
import mimetypes
import re
import struct
import zipfile
from pathlib import Path
from typing import BinaryIO

from desktop_app.core.fsutil import HEAD_BYTES

OCTET_STREAM = "application/octet-stream"
PDF = "application/pdf"
ZIP = "application/zip"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DOCM = "application/vnd.ms-word.document.macroEnabled.12"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
XLSM = "application/vnd.ms-excel.sheet.macroEnabled.12"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
PPTM = "application/vnd.ms-powerpoint.presentation.macroEnabled.12"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
ODP = "application/vnd.oasis.opendocument.presentation"
EPUB = "application/epub+zip"
OLE2 = "application/x-ole-storage"  # an OLE2 compound file we could not identify further
DOC = "application/msword"
XLS = "application/vnd.ms-excel"
PPT = "application/vnd.ms-powerpoint"
#: A password-protected .docx/.xlsx/.pptx: an OLE2 file holding an ``EncryptedPackage`` stream.
OOXML_ENCRYPTED = "application/x-ooxml-encrypted"
RTF = "application/rtf"
HTML = "text/html"
XML = "application/xml"
SVG = "image/svg+xml"
JSON = "application/json"
EMAIL = "message/rfc822"
TEXT = "text/plain"
PNG = "image/png"
JPEG = "image/jpeg"
GIF = "image/gif"
WEBP = "image/webp"

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")

#: Types recognised from content: a name alone never yields one of these.
CONTENT_TYPES = frozenset(
    {PDF, ZIP, DOCX, DOCM, XLSX, XLSM, PPTX, PPTM, ODT, ODS, ODP, EPUB, OLE2, DOC, XLS, PPT}
    | {OOXML_ENCRYPTED, RTF, PNG, JPEG, GIF, WEBP}
)

_NAMES = mimetypes.MimeTypes(filenames=())
for _ext, _type in {
    ".docx": DOCX, ".docm": DOCM, ".xlsx": XLSX, ".xlsm": XLSM, ".pptx": PPTX, ".pptm": PPTM,
    ".odt": ODT, ".ods": ODS, ".odp": ODP, ".epub": EPUB, ".md": "text/markdown",
    ".markdown": "text/markdown", ".yaml": "application/yaml", ".yml": "application/yaml",
    ".toml": "application/toml", ".log": TEXT, ".tsv": "text/tab-separated-values",
}.items():  # fmt: skip
    _NAMES.add_type(_type, _ext, strict=False)

_OFFICE_BY_EXT = {".doc": DOC, ".dot": DOC, ".xls": XLS, ".xlt": XLS, ".ppt": PPT, ".pps": PPT}
_OLE_STREAMS = {
    "encryptedpackage": OOXML_ENCRYPTED,
    "worddocument": DOC,
    "workbook": XLS,
    "book": XLS,
    "powerpoint document": PPT,
}
_PDF_HEADER = re.compile(rb"(?:^|[\r\n])%PDF-\d\.\d")
_HTML_START = re.compile(
    rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|title|meta|script|div|p|table)[\s>]",
    re.IGNORECASE | re.DOTALL,
)
_HEADER_LINE = re.compile(r"^[!-9;-~]+:[ \t]")
_EMAIL_HEADERS = frozenset(
    {"from", "to", "subject", "date", "received", "return-path", "message-id", "mime-version"}
    | {"delivered-to", "reply-to", "cc", "content-type", "x-mailer", "dkim-signature"}
)


def guess_from_name(name: str) -> str | None:
    """The MIME type the stdlib tables give for ``name``'s extension, if any."""
    guessed, _ = _NAMES.guess_type(name, strict=False)
    return guessed


def sniff_mime(head: bytes, name: str) -> str:
    """The MIME type of a document whose first bytes are ``head`` (8 KiB is plenty).

    Zip- and OLE2-based office files are only told apart here by their first member or by
    ``name``; :func:`sniff_file` looks inside the container and is more reliable for those.
    """
    ext = Path(name).suffix.lower()
    if head.startswith(b"%PDF-") or _PDF_HEADER.search(head[:1024]):
        return PDF  # readers accept junk before the header, within the first 1024 bytes
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(_ZIP_MAGICS):
        return _zip_from_head(head, ext)
    if head.startswith(_OLE2_MAGIC):
        return _OFFICE_BY_EXT.get(ext, OOXML_ENCRYPTED if _is_ooxml_ext(ext) else OLE2)
    if head.startswith(b"{\\rtf"):
        return RTF
    text = _decode_text(head)
    if text is None:
        guessed = guess_from_name(name)
        return guessed if guessed and guessed not in CONTENT_TYPES else OCTET_STREAM
    return _classify_text(text, truncated=len(head) >= HEAD_BYTES, name=name)


def sniff_file(path: Path, name: str | None = None, *, head: bytes | None = None) -> str:
    """The MIME type of the file at ``path``; ``name`` (default: the path's) for name hints.

    Reads the first bytes, and for zip/OLE2 containers their directory as well (never the whole
    file). A caller that already holds the file's first :data:`HEAD_BYTES` passes them as
    ``head``; the file is then only opened for containers. Raises ``OSError`` if it cannot be
    read.
    """
    label = name if name is not None else path.name
    if head is not None and not head.startswith((*_ZIP_MAGICS, _OLE2_MAGIC)):
        return sniff_mime(head, label)
    with path.open("rb") as handle:
        head = handle.read(HEAD_BYTES)
        if head.startswith(_ZIP_MAGICS):
            handle.seek(0)
            return _zip_from_members(handle) or sniff_mime(head, label)
        if head.startswith(_OLE2_MAGIC):
            found = _ole2_from_directory(handle)
            return found or sniff_mime(head, label)
    return sniff_mime(head, label)


def _is_ooxml_ext(ext: str) -> bool:
    return ext in (".docx", ".docm", ".xlsx", ".xlsm", ".pptx", ".pptm")


def _zip_from_head(head: bytes, ext: str) -> str:
    # ODF and EPUB put an uncompressed "mimetype" member first, so its text is in the head.
    if head.startswith(b"PK\x03\x04") and len(head) >= 30:
        name_len, extra_len = struct.unpack_from("<HH", head, 26)
        member = head[30 : 30 + name_len]
        if member == b"mimetype":
            start = 30 + name_len + extra_len
            declared = head[start : start + 80].split(b"PK", 1)[0].decode("ascii", "replace")
            for known in (ODT, ODS, ODP, EPUB):
                if declared.startswith(known):
                    return known
    if _is_ooxml_ext(ext):
        return {".docx": DOCX, ".docm": DOCM, ".xlsx": XLSX, ".xlsm": XLSM}.get(
            ext, PPTM if ext == ".pptm" else PPTX
        )
    return ZIP


def _zip_from_members(handle: BinaryIO) -> str | None:
    try:
        with zipfile.ZipFile(handle) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                # open().read(n), never read(): a hostile member could inflate to gigabytes.
                with archive.open("mimetype") as member:
                    declared = member.read(100).decode("ascii", "replace").strip()
                for known in (ODT, ODS, ODP, EPUB):
                    if declared == known:
                        return known
            content_types = ""
            if "[Content_Types].xml" in names:
                with archive.open("[Content_Types].xml") as member:
                    content_types = member.read(1 << 20).decode("utf-8", "replace")
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, NotImplementedError):
        return None  # truncated or exotic zip: fall back to the first bytes and the name
    macro = "macroEnabled" in content_types
    if "word/document.xml" in names or any(n.startswith("word/") for n in names):
        return DOCM if macro else DOCX
    if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
        return XLSM if macro or "xl/vbaProject.bin" in names else XLSX
    if "ppt/presentation.xml" in names:
        return PPTM if macro else PPTX
    return ZIP


def _ole2_from_directory(handle: BinaryIO) -> str | None:
    """Name the OLE2 file's kind from its root directory's stream names.

    Follows the directory's sector chain through the FAT (only the FAT sectors that chain needs),
    which is enough to find ``WordDocument``, ``Workbook``, ``PowerPoint Document`` or the
    ``EncryptedPackage`` of a password-protected OOXML file.
    """
    try:
        streams = set(_ole2_stream_names(handle))
    except (OSError, ValueError, struct.error):
        return None
    for stream, mime in _OLE_STREAMS.items():  # dict order: encrypted first
        if stream in streams:
            return mime
    return OLE2


def _ole2_stream_names(f: BinaryIO) -> list[str]:
    f.seek(0)
    header = f.read(512)
    if len(header) < 512:
        raise ValueError("short OLE2 header")
    sector_shift = int(struct.unpack_from("<H", header, 0x1E)[0])
    if sector_shift not in (9, 12):
        raise ValueError("bad sector size")
    size = 1 << sector_shift
    first_dir = struct.unpack_from("<I", header, 0x30)[0]
    difat_start, difat_count = struct.unpack_from("<II", header, 0x44)
    difat = list(struct.unpack_from("<109I", header, 0x4C))
    per_sector = size // 4
    sector = difat_start
    for _ in range(min(difat_count, 4096)):
        if sector >= 0xFFFFFFFA:
            break
        f.seek((sector + 1) * size)
        values = struct.unpack(f"<{per_sector}I", f.read(size))
        difat.extend(values[:-1])
        sector = values[-1]

    fat_cache: dict[int, tuple[int, ...]] = {}

    def next_sector(current: int) -> int:
        index = current // per_sector
        if index >= len(difat) or difat[index] >= 0xFFFFFFFA:
            raise ValueError("sector outside the FAT")
        if index not in fat_cache:
            f.seek((difat[index] + 1) * size)
            fat_cache[index] = struct.unpack(f"<{per_sector}I", f.read(size))
        return int(fat_cache[index][current % per_sector])

    names: list[str] = []
    sector = first_dir
    for _ in range(10_000):  # a corrupt chain could loop forever
        if sector >= 0xFFFFFFFA:
            break
        f.seek((sector + 1) * size)
        block = f.read(size)
        for offset in range(0, len(block) - 127, 128):
            length = struct.unpack_from("<H", block, offset + 0x40)[0]
            if 2 <= length <= 64:
                raw = block[offset : offset + length - 2]
                names.append(raw.decode("utf-16-le", "replace").lower())
        sector = next_sector(sector)
    return names


def _decode_text(head: bytes) -> str | None:
    """``head`` as text if it looks like text (BOM-marked UTF-16/32, UTF-8, or 8-bit text)."""
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if head.startswith(bom):
            decoder = codecs.getincrementaldecoder(codec)(errors="replace")
            return decoder.decode(head[len(bom) :], final=False)
    if not head or b"\x00" in head:
        return None
    try:
        # final=False: the head may end in the middle of a multi-byte character.
        return codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        pass
    # Legacy 8-bit text (cp1252, latin-1): accept if control characters are rare.
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return head.decode("latin-1") if controls * 100 <= len(head) else None


def _classify_text(text: str, *, truncated: bool, name: str) -> str:
    stripped = text.lstrip("\ufeff \t\r\n")
    lowered = stripped[:512].lower()
    if _HTML_START.match(stripped[:2048].encode("utf-8", "replace")):
        return HTML
    if lowered.startswith("<?xml") or (lowered.startswith("<") and _looks_like_xml(lowered)):
        if "<svg" in lowered:
            return SVG
        if "<html" in lowered or "<!doctype html" in lowered:
            return HTML
        return XML
    if stripped[:1] in ("{", "[") and _looks_like_json(stripped, truncated):
        return JSON
    if _looks_like_email(stripped):
        return EMAIL
    guessed = guess_from_name(name)
    if guessed and guessed not in CONTENT_TYPES and _is_textual(guessed):
        return guessed  # e.g. text/csv, text/markdown: content says text, the name says which
    return TEXT


def _looks_like_xml(lowered: str) -> bool:
    return re.match(r"<[a-z_][\w.:-]*[\s>/]", lowered) is not None and "</" in lowered


def _looks_like_json(text: str, truncated: bool) -> bool:
    if not truncated:
        try:
            json.loads(text)
        except ValueError:
            return False
        return True
    # Only the start is known: demand the shape of a JSON object or array.
    return re.match(r'[\[{]\s*(["{\[\]}\d-]|true|false|null)', text) is not None


def _looks_like_email(text: str) -> bool:
    lines = text.splitlines()[:40]
    if lines and lines[0].startswith("From ") and len(lines) > 1:
        lines = lines[1:]  # an mbox "From " separator line
    headers: list[str] = []
    for line in lines:
        if not line.strip():
            break
        if line[:1] in (" ", "\t") and headers:
            continue  # a folded continuation of the previous header
        if not _HEADER_LINE.match(line):
            return False
        headers.append(line.split(":", 1)[0].lower())
    known = sum(1 for h in headers if h in _EMAIL_HEADERS)
    return known >= 2 and len(headers) >= 2


def _is_textual(mime: str) -> bool:
    return mime.startswith("text/") or mime in (JSON, XML, "application/yaml", "application/toml")
