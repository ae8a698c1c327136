"""Decide a document's real type from its content, refined by its name where content is silent.

The vault's ``sniff_file`` gives the base MIME type from magic bytes; this module adds what text
extraction needs beyond that: which OOXML/ODF flavour a zip is, whether an OLE2 container is a
legacy ``.xls`` or a password-protected Office file, and which kind of text (CSV, JSON, code...)
a plain-text file holds, where only the file name can tell.
"""

from __future__ import annotations

import importlib
import zipfile
from collections.abc import Callable
from pathlib import Path

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
XLSM = "application/vnd.ms-excel.sheet.macroEnabled.12"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
XLS = "application/vnd.ms-excel"
DOC = "application/msword"
PPT = "application/vnd.ms-powerpoint"
OLE = "application/x-ole-storage"
ENCRYPTED_OFFICE = "application/x-ooxml-encrypted"  # OLE2 holding an EncryptedPackage
DOCM = "application/vnd.ms-word.document.macroEnabled.12"
PPTM = "application/vnd.ms-powerpoint.presentation.macroEnabled.12"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
ODP = "application/vnd.oasis.opendocument.presentation"
EPUB = "application/epub+zip"
ZIP = "application/zip"
EML = "message/rfc822"
RTF = "application/rtf"
HTML = "text/html"
XHTML = "application/xhtml+xml"
CSV = "text/csv"
TSV = "text/tab-separated-values"
JSON = "application/json"
JSONL = "application/jsonl"
XML = "application/xml"
YAML = "application/yaml"
IPYNB = "application/x-ipynb+json"
MARKDOWN = "text/markdown"
TEXT = "text/plain"
OCTET = "application/octet-stream"
FLAT_ODF = "application/x-vnd.oasis.opendocument.flat-xml"  # .fodt/.fods/.fodp: one XML file
#: Pictures whose text is read by OCR.
OCR_IMAGES = ("image/png", "image/jpeg", "image/webp", "image/tiff", "image/bmp", "image/gif",
              "image/heic", "image/heif")  # fmt: skip

#: Extension -> fenced-code language for source files (MIME ``text/x-<language>``).
CODE_LANGUAGES: dict[str, str] = {
    ".py": "python", ".pyi": "python", ".js": "javascript", ".mjs": "javascript",
    ".cjs": "javascript", ".ts": "typescript", ".tsx": "tsx", ".jsx": "jsx", ".java": "java",
    ".kt": "kotlin", ".kts": "kotlin", ".scala": "scala", ".go": "go", ".rs": "rust", ".c": "c",
    ".h": "c", ".cc": "cpp", ".cpp": "cpp", ".cxx": "cpp", ".hpp": "cpp", ".hh": "cpp",
    ".cs": "csharp", ".fs": "fsharp", ".swift": "swift", ".m": "objectivec", ".rb": "ruby",
    ".php": "php", ".pl": "perl", ".pm": "perl", ".lua": "lua", ".r": "r", ".jl": "julia",
    ".sh": "bash", ".bash": "bash", ".zsh": "zsh", ".fish": "fish", ".ps1": "powershell",
    ".bat": "batch", ".cmd": "batch", ".sql": "sql", ".css": "css", ".scss": "scss",
    ".less": "less", ".vue": "vue", ".svelte": "svelte", ".dart": "dart", ".ex": "elixir",
    ".exs": "elixir", ".erl": "erlang", ".hs": "haskell", ".ml": "ocaml", ".clj": "clojure",
    ".lisp": "lisp", ".el": "elisp", ".vim": "vim", ".toml": "toml", ".ini": "ini",
    ".cfg": "ini", ".conf": "ini", ".dockerfile": "dockerfile", ".makefile": "makefile",
    ".mk": "makefile", ".cmake": "cmake", ".gradle": "groovy", ".groovy": "groovy",
    ".tf": "hcl", ".proto": "protobuf", ".graphql": "graphql", ".tex": "latex", ".zig": "zig",
    ".nim": "nim", ".v": "verilog", ".vhd": "vhdl", ".asm": "asm", ".s": "asm",
}  # fmt: skip

_TEXT_BY_EXTENSION: dict[str, str] = {
    ".md": MARKDOWN, ".markdown": MARKDOWN, ".mdown": MARKDOWN, ".csv": CSV, ".tsv": TSV,
    ".tab": TSV, ".json": JSON, ".jsonl": JSONL, ".ndjson": JSONL, ".xml": XML, ".yaml": YAML,
    ".yml": YAML, ".ipynb": IPYNB, ".html": HTML, ".htm": HTML, ".xhtml": XHTML, ".eml": EML,
    ".rtf": RTF, ".txt": TEXT, ".log": TEXT, ".rst": TEXT,
}  # fmt: skip

_IMAGE_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"BM", "image/bmp"),
)
_HEIF_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"mif1", b"msf1")  # ISO BMFF "ftyp" brands
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HEAD = 8192


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


#: Synonyms folded into the one name the registry knows.
_ALIASES = {
    DOCM: DOCX, PPTM: PPTX, "text/xml": XML, "text/rtf": RTF, "application/x-yaml": YAML,
    "text/yaml": YAML, "application/x-ndjson": JSONL, "text/x-markdown": MARKDOWN,
}  # fmt: skip


def detect_type(path: Path, name: str | None = None) -> str:
    """The MIME type text extraction should treat ``path`` as (``name`` gives the extension)."""
    label = name or path.name
    suffix = Path(label).suffix.lower()
    with path.open("rb") as handle:
        head = handle.read(_HEAD)
    if not head:
        return _TEXT_BY_EXTENSION.get(suffix, TEXT)
    base = _vault_sniff(path, label) or _magic(head)
    base = _ALIASES.get(base, base)
    if base in OCR_IMAGES or base == OCTET:
        magic = _magic(head)  # the vault's sniffer trusts a picture's name for TIFF, BMP, HEIC
        if magic in OCR_IMAGES:
            return magic
    if base in (ZIP, OCTET) and head.startswith(b"PK"):
        return _zip_flavour(path, suffix)
    if base in (OLE, OCTET) and head.startswith(_OLE_MAGIC):
        return _ole_flavour(path)
    if base.startswith("text/") or base in (OCTET, JSON, XML, YAML):
        return _text_flavour(head, suffix, base)
    return base


_SNIFF: Callable[[Path, str], str] | None = None
_SNIFF_LOADED = False


def _vault_sniff(path: Path, name: str) -> str | None:
    """The vault's content sniffer (the canonical one); this module only refines its answer."""
    global _SNIFF, _SNIFF_LOADED
    if not _SNIFF_LOADED:
        _SNIFF_LOADED = True
        try:
            module = importlib.import_module("desktop_app.core.sniff")
            _SNIFF = module.sniff_file
        except (ImportError, AttributeError):
            _SNIFF = None
    if _SNIFF is None:
        return None
    try:
        result = _SNIFF(path, name)
    except (OSError, ValueError):
        return None
    return result.split(";")[0].strip() or None


def _magic(head: bytes) -> str:
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return PDF
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return ZIP
    if head.startswith(_OLE_MAGIC):
        return OLE
    if head.lstrip().startswith(b"{\\rtf"):
        return RTF
    for magic, mime in _IMAGE_MAGIC:
        if head.startswith(magic):
            return mime
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return "image/heic" if head[8:11] == b"hei" else "image/heif"
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        # NULs in a text file only happen in UTF-16/32 without a BOM; check that pattern.
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if not (odd > len(head) // 3 or even > len(head) // 3):
            return OCTET
    return TEXT


def _zip_flavour(path: Path, suffix: str) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                info = archive.getinfo("mimetype")
                if info.file_size < 200:
                    declared = archive.read("mimetype").decode("ascii", "replace").strip()
                    if declared in (ODT, ODS, ODP, EPUB):
                        return declared
                    if declared.startswith("application/vnd.oasis.opendocument"):
                        return declared
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError):
        return ZIP
    if "[Content_Types].xml" in names:
        if any(n.startswith("word/") for n in names):
            return DOCX
        if any(n.startswith("xl/") for n in names):
            return XLSM if suffix == ".xlsm" or "xl/vbaProject.bin" in names else XLSX
        if any(n.startswith("ppt/") for n in names):
            return PPTX
    return ZIP


def _ole_flavour(path: Path) -> str:
    # Directory entry names are UTF-16LE; the directory is small, so scanning the head of the
    # file plus a bounded read is enough without parsing the compound-file structure.
    with path.open("rb") as handle:
        data = handle.read(4 * 1024 * 1024)
    if _utf16("EncryptedPackage") in data or _utf16("EncryptionInfo") in data:
        return ENCRYPTED_OFFICE
    if _utf16("Workbook") in data:
        return XLS
    if _utf16("WordDocument") in data:
        return DOC
    if _utf16("PowerPoint Document") in data:
        return PPT
    if _utf16("Book") in data:  # Excel 5/95 workbooks
        return XLS
    return OLE


def _text_flavour(head: bytes, suffix: str, base: str) -> str:
    if b"<office:document " in head[:4096] and head.lstrip(b"\xef\xbb\xbf \t\r\n")[:5] == b"<?xml":
        return FLAT_ODF
    if suffix in _TEXT_BY_EXTENSION:
        by_name = _TEXT_BY_EXTENSION[suffix]
        if by_name != TEXT:
            return by_name
    if suffix in CODE_LANGUAGES:
        return f"text/x-{CODE_LANGUAGES[suffix]}"
    if base == OCTET:
        return OCTET
    if base not in (TEXT, OCTET):
        return base
    sample = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if sample.startswith((b"<!doctype html", b"<html")):
        return HTML
    if sample.startswith(b"<?xml"):
        return XHTML if b"<html" in sample else XML
    if sample.startswith((b"{", b"[")):
        return JSON
    if _looks_like_email(head):
        return EML
    return TEXT


def _looks_like_email(head: bytes) -> bool:
    lines = head.split(b"\n", 30)[:30]
    headers = {line.split(b":", 1)[0].strip().lower() for line in lines if b":" in line}
    return len(headers & {b"from", b"to", b"subject", b"date", b"mime-version", b"received"}) >= 3
