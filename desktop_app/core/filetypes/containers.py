"""Look inside zip and OLE2 containers: their first bytes do not say which office format they hold.

ODF and EPUB declare themselves in a ``mimetype`` member; OOXML is told by its part names and
``[Content_Types].xml``; legacy Office and password-protected OOXML by the stream names in the
OLE2 directory. Only directories and a few bounded member reads: never a whole member, since a
hostile one could inflate to gigabytes.
"""

from __future__ import annotations

import struct
import zipfile
from typing import BinaryIO

from desktop_app.core.filetypes.table import (
    DOC,
    DOCM,
    DOCX,
    EPUB,
    OLE2,
    OOXML_ENCRYPTED,
    PPT,
    PPTM,
    PPTX,
    XLS,
    XLSM,
    XLSX,
    ZIP,
)

_ODF_PREFIX = "application/vnd.oasis.opendocument."
_OOXML_BY_EXT = {
    ".docx": DOCX, ".docm": DOCM, ".xlsx": XLSX, ".xlsm": XLSM, ".pptx": PPTX, ".pptm": PPTM,
}  # fmt: skip
_OLE_BY_EXT = {".doc": DOC, ".dot": DOC, ".xls": XLS, ".xlt": XLS, ".ppt": PPT, ".pps": PPT}
_OLE_STREAMS = {
    "encryptedpackage": OOXML_ENCRYPTED,
    "worddocument": DOC,
    "workbook": XLS,
    "book": XLS,
    "powerpoint document": PPT,
}


def declared_mimetype(declared: str) -> str | None:
    """The ODF or EPUB type a ``mimetype`` member declares, if it declares one of those."""
    declared = declared.strip()
    if declared == EPUB or declared.startswith(_ODF_PREFIX):
        return declared
    return None


def zip_from_head(head: bytes, ext: str) -> str:
    """The type of a zip from its first bytes and the name's extension ``ext``."""
    # ODF and EPUB put an uncompressed "mimetype" member first, so its text is in the head.
    if head.startswith(b"PK\x03\x04") and len(head) >= 30:
        method, size = struct.unpack_from("<H8xI", head, 8)
        name_len, extra_len = struct.unpack_from("<HH", head, 26)
        if head[30 : 30 + name_len] == b"mimetype" and method == 0:
            start = 30 + name_len + extra_len
            # A streamed zip leaves the size to a trailing descriptor: the next header ends it.
            data = head[start : start + min(size, 100)] if size else head[start : start + 100]
            declared = data.split(b"PK\x03\x04", 1)[0].decode("ascii", "replace")
            found = declared_mimetype(declared)
            if found:
                return found
    return _OOXML_BY_EXT.get(ext, ZIP)


def zip_from_members(handle: BinaryIO) -> str | None:
    """The type of the zip in ``handle`` from its members; ``None`` if it cannot be read."""
    try:
        with zipfile.ZipFile(handle) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                # open().read(n), never read(): a hostile member could inflate to gigabytes.
                with archive.open("mimetype") as member:
                    found = declared_mimetype(member.read(100).decode("ascii", "replace"))
                if found:
                    return found
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


def ole2_from_name(ext: str) -> str:
    """An OLE2 file's type when only its first bytes and its name's extension are known."""
    if ext in _OLE_BY_EXT:
        return _OLE_BY_EXT[ext]
    return OOXML_ENCRYPTED if ext in _OOXML_BY_EXT else OLE2


def ole2_from_directory(handle: BinaryIO) -> str | None:
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
