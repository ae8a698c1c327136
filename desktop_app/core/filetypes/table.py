"""The one table of file types AttachGuard knows: MIME type, label, family, extensions.

Every other part of the detector answers with a row of this table (or, for a type only a file
name suggests, a row made on the spot by :func:`by_mime`), so one type has one name everywhere:
the vault records ``row.mime``, the extractor picks its parser from it, and the OCR step picks
images by ``row.family``.

Name-based lookups use the stdlib :mod:`mimetypes` tables *without* the system's mime.types
files, so the answer is the same on every machine.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePath


class Family(StrEnum):
    """What kind of thing a file holds, as the rest of the app cares about it."""

    DOCUMENT = "document"  # PDF, word processing, e-books, rich text
    SPREADSHEET = "spreadsheet"
    PRESENTATION = "presentation"
    WEB = "web"  # HTML pages
    EMAIL = "email"
    TEXT = "text"  # plain text and structured text (Markdown, JSON, XML, YAML...)
    CODE = "code"  # source code: ``FileType.language`` names it
    IMAGE = "image"  # raster images, only ever from their content: the input of OCR
    ARCHIVE = "archive"  # a container we could not identify further (zip, OLE2)
    BINARY = "binary"  # anything else


@dataclass(frozen=True, slots=True)
class FileType:
    """One type of file. Equal rows are the same type, whichever way they were found."""

    mime: str
    label: str
    family: Family
    extensions: tuple[str, ...] = ()
    #: The content is characters (a decoder can read it), whatever its structure.
    is_text: bool = False
    #: Recognised from content only: a file name alone never yields this type.
    by_content: bool = False
    #: For source code: the language a fenced Markdown block names (``python``, ``go``).
    language: str | None = None


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
OTT = "application/vnd.oasis.opendocument.text-template"
OTS = "application/vnd.oasis.opendocument.spreadsheet-template"
OTP = "application/vnd.oasis.opendocument.presentation-template"
ODT_WEB = "application/vnd.oasis.opendocument.text-web"  # Writer/Web (HTML-like documents)
#: A whole OpenDocument in one XML file (.fodt, .fods, .fodp); the parser reads its body.
FLAT_ODF = "application/x-vnd.oasis.opendocument.flat-xml"
EPUB = "application/epub+zip"
OLE2 = "application/x-ole-storage"  # an OLE2 compound file we could not identify further
DOC = "application/msword"
XLS = "application/vnd.ms-excel"
PPT = "application/vnd.ms-powerpoint"
#: A password-protected .docx/.xlsx/.pptx: an OLE2 file holding an ``EncryptedPackage`` stream.
OOXML_ENCRYPTED = "application/x-ooxml-encrypted"
RTF = "application/rtf"
HTML = "text/html"
XHTML = "application/xhtml+xml"
XML = "application/xml"
SVG = "image/svg+xml"
JSON = "application/json"
JSONL = "application/jsonl"
IPYNB = "application/x-ipynb+json"
YAML = "application/yaml"
TOML = "application/toml"
EMAIL = "message/rfc822"
TEXT = "text/plain"
MARKDOWN = "text/markdown"
CSV = "text/csv"
TSV = "text/tab-separated-values"
PNG = "image/png"
JPEG = "image/jpeg"
GIF = "image/gif"
WEBP = "image/webp"
TIFF = "image/tiff"
BMP = "image/bmp"
HEIC = "image/heic"
HEIF = "image/heif"

_D, _S, _P = Family.DOCUMENT, Family.SPREADSHEET, Family.PRESENTATION
_CONTENT: tuple[tuple[str, str, Family, tuple[str, ...]], ...] = (
    (PDF, "PDF document", _D, (".pdf",)),
    (DOCX, "Word document", _D, (".docx",)),
    (DOCM, "Word document with macros", _D, (".docm",)),
    (XLSX, "Excel workbook", _S, (".xlsx",)),
    (XLSM, "Excel workbook with macros", _S, (".xlsm",)),
    (PPTX, "PowerPoint presentation", _P, (".pptx",)),
    (PPTM, "PowerPoint presentation with macros", _P, (".pptm",)),
    (ODT, "OpenDocument text", _D, (".odt",)),
    (ODS, "OpenDocument spreadsheet", _S, (".ods",)),
    (ODP, "OpenDocument presentation", _P, (".odp",)),
    (OTT, "OpenDocument text template", _D, (".ott",)),
    (OTS, "OpenDocument spreadsheet template", _S, (".ots",)),
    (OTP, "OpenDocument presentation template", _P, (".otp",)),
    (ODT_WEB, "OpenDocument Writer/Web document", _D, (".oth",)),
    (EPUB, "EPUB e-book", _D, (".epub",)),
    (DOC, "old-style Word document", _D, (".doc", ".dot")),
    (XLS, "old-style Excel workbook", _S, (".xls", ".xlt")),
    (PPT, "old-style PowerPoint presentation", _P, (".ppt", ".pps")),
    (OOXML_ENCRYPTED, "password-protected Office file", _D, ()),
    (OLE2, "old-style Microsoft Office file", Family.ARCHIVE, ()),
    (ZIP, "zip archive", Family.ARCHIVE, (".zip",)),
    (RTF, "rich text document", _D, (".rtf",)),
    (PNG, "PNG image", Family.IMAGE, (".png",)),
    (JPEG, "JPEG image", Family.IMAGE, (".jpg", ".jpeg", ".jpe", ".jfif")),
    (GIF, "GIF image", Family.IMAGE, (".gif",)),
    (WEBP, "WebP image", Family.IMAGE, (".webp",)),
    (TIFF, "TIFF image", Family.IMAGE, (".tif", ".tiff")),
    (BMP, "BMP image", Family.IMAGE, (".bmp", ".dib")),
    (HEIC, "HEIC image", Family.IMAGE, (".heic",)),
    (HEIF, "HEIF image", Family.IMAGE, (".heif", ".hif")),
)

_T = Family.TEXT
_TEXTUAL: tuple[tuple[str, str, Family, tuple[str, ...]], ...] = (
    (TEXT, "plain text", _T, (".txt", ".text", ".log", ".rst")),
    (MARKDOWN, "Markdown text", _T, (".md", ".markdown", ".mdown")),
    (CSV, "comma-separated values", _S, (".csv",)),
    (TSV, "tab-separated values", _S, (".tsv", ".tab")),
    (JSON, "JSON", _T, (".json",)),
    (JSONL, "JSON lines", _T, (".jsonl", ".ndjson")),
    (IPYNB, "Jupyter notebook", _T, (".ipynb",)),
    (XML, "XML", _T, (".xml",)),
    (YAML, "YAML", _T, (".yaml", ".yml")),
    (SVG, "SVG drawing", _T, (".svg",)),  # vector: read as XML text, never OCR'd
    (FLAT_ODF, "OpenDocument flat XML file", _D, (".fodt", ".fods", ".fodp")),
    (HTML, "web page", Family.WEB, (".html", ".htm")),
    (XHTML, "XHTML page", Family.WEB, (".xhtml",)),
    (EMAIL, "email message", Family.EMAIL, (".eml",)),
)

#: Extension -> fenced-code language for source and configuration files.
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

_STDLIB = mimetypes.MimeTypes(filenames=())
_STDLIB.add_type(TOML, ".toml", strict=False)


def _is_textual(mime: str) -> bool:
    return mime.startswith("text/") or mime in (JSON, XML, YAML, TOML)


def _code_row(ext: str, language: str) -> FileType:
    # The MIME a code file is recorded (and uploaded) with is the standard one where the stdlib
    # knows a textual one ("text/x-python", "text/javascript"), else plain text: a made-up
    # "text/x-rust" would only confuse the receiving end. The language travels separately.
    standard, _ = _STDLIB.guess_type("x" + ext, strict=False)
    mime = standard if standard and _is_textual(standard) else TEXT
    return FileType(mime, f"{language} source", Family.CODE, (ext,), True, False, language)


TYPES: tuple[FileType, ...] = (
    *(FileType(m, label, fam, exts, False, True) for m, label, fam, exts in _CONTENT),
    *(FileType(m, label, fam, exts, True, False) for m, label, fam, exts in _TEXTUAL),
)
_BY_MIME: dict[str, FileType] = {row.mime: row for row in TYPES}
_BY_EXTENSION: dict[str, FileType] = {ext: row for row in TYPES for ext in row.extensions}
_BY_EXTENSION.update({ext: _code_row(ext, lang) for ext, lang in CODE_LANGUAGES.items()})


def by_mime(mime: str) -> FileType:
    """The table's row for ``mime``, or a plain row for a type outside the table."""
    row = _BY_MIME.get(mime)
    if row is not None:
        return row
    textual = _is_textual(mime)
    return FileType(mime, mime, Family.TEXT if textual else Family.BINARY, (), textual)


def by_name(name: str, *, text: bool = True) -> FileType | None:
    """The type ``name``'s extension suggests (our table first, then the stdlib's), if any.

    ``text`` says whether the content is text: a binary ``clip.ts`` is an MPEG stream, not
    TypeScript, so the code rows only answer for text.
    """
    ext = PurePath(name).suffix.lower()
    row = _BY_EXTENSION.get(ext)
    if row is not None and (text or row.family is not Family.CODE):
        return row
    guessed, _ = _STDLIB.guess_type(name, strict=False)
    return by_mime(guessed) if guessed else None
