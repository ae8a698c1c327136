"""Magic numbers: the formats a file's first bytes name on their own.

A hand-written table rather than ``puremagic``: measured against puremagic 1.30 (2.x needs
Python 3.12) on files made the way each format is, it named PDF, RTF, HTML, EML, PNG, JPEG, GIF,
WebP and TIFF, which are each one ``startswith`` here, and got the rest wrong or not at all:
every zip (plain, .xlsx, .pptx, .odt, .ott) came back as .docx, ODF templates as their
non-template type, every OLE2 file (.doc, .xls, .ppt, encrypted OOXML) as ``.wb3`` with no MIME,
BMP as the non-standard ``image/x-ms-bmp``, HEIC as ``image/heif``, and a ``mif1`` HEIF not at
all. The containers need our own look inside anyway (``containers.py``), so the dependency would
buy six one-liners.
"""

from __future__ import annotations

import re
import struct

from desktop_app.core.filetypes.table import BMP, GIF, HEIC, HEIF, JPEG, PDF, PNG, RTF, TIFF, WEBP

#: (prefix, MIME): a file starting with the prefix is of that type.
PREFIXES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", PDF),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
    (b"GIF87a", GIF),
    (b"GIF89a", GIF),
    (b"II*\x00", TIFF),
    (b"MM\x00*", TIFF),
    (b"II+\x00", TIFF),  # BigTIFF
    (b"MM\x00+", TIFF),
)
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")

_PDF_HEADER = re.compile(rb"(?:^|[\r\n])%PDF-\d\.\d")
#: BITMAPCOREHEADER, BITMAPINFOHEADER, V2, V3, OS/2 2.x, V4 and V5 header sizes.
_BMP_HEADER_SIZES = frozenset({12, 40, 52, 56, 64, 108, 124})
_HEIC_BRANDS = frozenset({b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx"})
_HEIF_BRANDS = frozenset({b"mif1", b"msf1", b"heif"})
_AVIF_BRANDS = frozenset({b"avif", b"avis"})


def from_magic(head: bytes) -> str | None:
    """The MIME type ``head`` names by its magic number, or ``None``."""
    for prefix, mime in PREFIXES:
        if head.startswith(prefix):
            return mime
    if _PDF_HEADER.search(head[:1024]):
        return PDF  # readers accept junk before the header, within the first 1024 bytes
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return WEBP
    if head.lstrip(b" \t\r\n").startswith(b"{\\rtf"):
        return RTF
    if _is_bmp(head):
        return BMP
    return _heif_kind(head)


def _is_bmp(head: bytes) -> bool:
    # "BM" alone starts plenty of text ("BMW", "BMI"): demand the reserved zeros and a known
    # header size as well.
    if not head.startswith(b"BM") or len(head) < 18:
        return False
    reserved, header_size = struct.unpack_from("<I4xI", head, 6)
    return reserved == 0 and header_size in _BMP_HEADER_SIZES


def _heif_kind(head: bytes) -> str | None:
    """HEIC or HEIF from an ISO-BMFF ``ftyp`` box; AVIF, which shares the container, is not."""
    if head[4:8] != b"ftyp" or len(head) < 16:
        return None
    box_size = min(int.from_bytes(head[0:4], "big"), len(head), 256)
    major = head[8:12]
    brands = {major} | {head[i : i + 4] for i in range(16, box_size - 3, 4)}
    if major in _HEIC_BRANDS:
        return HEIC
    if major not in _HEIF_BRANDS or brands & _AVIF_BRANDS:
        return None
    return HEIC if brands & _HEIC_BRANDS else HEIF
