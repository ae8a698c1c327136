"""Which extractor handles which MIME type, and the one entry point the worker calls.

Extractors are named as ``"module:function"`` strings and imported on first use, so the worker
only loads the libraries a document needs. Tests add their own extractors through
:func:`register` (passed to the worker at start-up), which is how a hanging or memory-hungry
parser is simulated without shipping one.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from pathlib import Path

from desktop_app.core.extract import detect
from desktop_app.core.extract.result import ExtractFailed, Extraction, FailureKind, Limits

#: Bump when any extractor's output changes: cached texts of older versions are ignored.
EXTRACTOR_VERSION = "3"  # 2: entity declarations get their own failure kind; 3: OCR

Extractor = Callable[[Path, str, Limits], Extraction]

_PKG = "desktop_app.core.extract"
_BUILTIN: dict[str, str] = {
    detect.PDF: f"{_PKG}.pdf:extract",
    detect.DOCX: f"{_PKG}.office:extract_docx",
    detect.PPTX: f"{_PKG}.office:extract_pptx",
    detect.ODT: f"{_PKG}.odf:extract_odt",
    detect.ODP: f"{_PKG}.odf:extract_odp",
    detect.XLSX: f"{_PKG}.sheets:extract_workbook",
    detect.XLSM: f"{_PKG}.sheets:extract_workbook",
    detect.XLS: f"{_PKG}.sheets:extract_workbook",
    detect.ODS: f"{_PKG}.sheets:extract_workbook",
    detect.CSV: f"{_PKG}.sheets:extract_delimited",
    detect.TSV: f"{_PKG}.sheets:extract_delimited",
    detect.HTML: f"{_PKG}.web:extract_html",
    detect.XHTML: f"{_PKG}.web:extract_html",
    detect.EPUB: f"{_PKG}.web:extract_epub",
    detect.EML: f"{_PKG}.web:extract_eml",
    detect.RTF: f"{_PKG}.web:extract_rtf",
    detect.TEXT: f"{_PKG}.plain:extract",
    detect.MARKDOWN: f"{_PKG}.plain:extract",
    detect.JSON: f"{_PKG}.plain:extract",
    detect.JSONL: f"{_PKG}.plain:extract",
    detect.XML: f"{_PKG}.plain:extract",
    detect.YAML: f"{_PKG}.plain:extract",
    detect.IPYNB: f"{_PKG}.plain:extract",
    "image/svg+xml": f"{_PKG}.plain:extract",
    **{mime: f"{_PKG}.ocr:extract_image" for mime in detect.OCR_IMAGES},
    # OpenDocument variants: Writer/Web, templates, and flat (single XML file) documents
    f"{detect.ODT}-web": f"{_PKG}.odf:extract_odt",
    f"{detect.ODT}-template": f"{_PKG}.odf:extract_odt",
    f"{detect.ODP}-template": f"{_PKG}.odf:extract_odp",
    f"{detect.ODS}-template": f"{_PKG}.sheets:extract_workbook",
    detect.FLAT_ODF: f"{_PKG}.odf:extract_flat",
}

#: Types we recognise but cannot read: a label for the user's message.
_UNSUPPORTED: dict[str, str] = {
    detect.DOC: "an old-style Word document (.doc); save it as .docx and try again",
    detect.PPT: "an old-style PowerPoint file (.ppt); save it as .pptx and try again",
    detect.OLE: "an old-style Microsoft Office file",
    detect.ZIP: "a zip archive",
    detect.OCTET: "a binary file",
}

_overrides: dict[str, str] = {}


def register(mime: str, target: str) -> None:
    """Route ``mime`` to ``"module:function"`` (for this process; the runner forwards these)."""
    _overrides[mime] = target


def overrides() -> Mapping[str, str]:
    return dict(_overrides)


def is_supported(mime: str) -> bool:
    return mime in _overrides or mime in _BUILTIN or mime.startswith("text/")


def extract_file(path: Path, mime: str, limits: Limits) -> Extraction:
    """Run the extractor for ``mime`` on ``path``; raise ``ExtractFailed`` for known failures."""
    size = path.stat().st_size
    if size == 0:
        raise ExtractFailed(FailureKind.EMPTY)
    if size > limits.max_input_bytes:
        raise ExtractFailed(FailureKind.TOO_LARGE, f"{size} bytes")
    if mime == detect.ENCRYPTED_OFFICE:
        raise ExtractFailed(FailureKind.ENCRYPTED, "OOXML EncryptedPackage")
    target = _overrides.get(mime) or _BUILTIN.get(mime)
    if target is None and mime.startswith("text/"):
        target = f"{_PKG}.plain:extract"
    if target is None:
        label = _UNSUPPORTED.get(mime)
        raise ExtractFailed(FailureKind.UNSUPPORTED, label or f"of type {mime}")
    return _load(target)(path, mime, limits)


def _load(target: str) -> Extractor:
    module_name, _, function = target.partition(":")
    module = importlib.import_module(module_name)
    extractor: Extractor = getattr(module, function)
    return extractor
