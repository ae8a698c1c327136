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

from desktop_app.core import filetypes
from desktop_app.core.extract.result import ExtractFailed, Extraction, FailureKind, Limits

#: Bump when any extractor's output changes: cached texts of older versions are ignored.
EXTRACTOR_VERSION = "4"  # 2: entity declarations get their own failure kind; 3: OCR;
# 4: a PDF line ending in a hyphen keeps its line break

Extractor = Callable[[Path, str, Limits], Extraction]

_PKG = "desktop_app.core.extract"
_IMAGE = filetypes.Family.IMAGE
_BUILTIN: dict[str, str] = {
    filetypes.PDF: f"{_PKG}.pdf:extract",
    filetypes.DOCX: f"{_PKG}.office:extract_docx",
    filetypes.DOCM: f"{_PKG}.office:extract_docx",
    filetypes.PPTX: f"{_PKG}.office:extract_pptx",
    filetypes.PPTM: f"{_PKG}.office:extract_pptx",
    filetypes.ODT: f"{_PKG}.odf:extract_odt",
    filetypes.ODP: f"{_PKG}.odf:extract_odp",
    filetypes.XLSX: f"{_PKG}.sheets:extract_workbook",
    filetypes.XLSM: f"{_PKG}.sheets:extract_workbook",
    filetypes.XLS: f"{_PKG}.sheets:extract_workbook",
    filetypes.ODS: f"{_PKG}.sheets:extract_workbook",
    filetypes.CSV: f"{_PKG}.sheets:extract_delimited",
    filetypes.TSV: f"{_PKG}.sheets:extract_delimited",
    filetypes.HTML: f"{_PKG}.web:extract_html",
    filetypes.XHTML: f"{_PKG}.web:extract_html",
    filetypes.EPUB: f"{_PKG}.web:extract_epub",
    filetypes.EMAIL: f"{_PKG}.web:extract_eml",
    filetypes.RTF: f"{_PKG}.web:extract_rtf",
    filetypes.TEXT: f"{_PKG}.plain:extract",
    filetypes.MARKDOWN: f"{_PKG}.plain:extract",
    filetypes.JSON: f"{_PKG}.plain:extract",
    filetypes.JSONL: f"{_PKG}.plain:extract",
    filetypes.XML: f"{_PKG}.plain:extract",
    filetypes.YAML: f"{_PKG}.plain:extract",
    filetypes.IPYNB: f"{_PKG}.plain:extract",
    filetypes.SVG: f"{_PKG}.plain:extract",
    # Pictures (only ever from their content): their text is read by OCR.
    **{t.mime: f"{_PKG}.ocr:extract_image" for t in filetypes.TYPES if t.family is _IMAGE},
    # OpenDocument variants: templates, Writer/Web, and flat (single XML file) documents.
    filetypes.OTT: f"{_PKG}.odf:extract_odt",
    filetypes.OTP: f"{_PKG}.odf:extract_odp",
    filetypes.OTS: f"{_PKG}.sheets:extract_workbook",
    filetypes.ODT_WEB: f"{_PKG}.odf:extract_odt",
    filetypes.FLAT_ODF: f"{_PKG}.odf:extract_flat",
}

#: Types we recognise but cannot read: a label for the user's message.
_UNSUPPORTED: dict[str, str] = {
    filetypes.DOC: "an old-style Word document (.doc); save it as .docx and try again",
    filetypes.PPT: "an old-style PowerPoint file (.ppt); save it as .pptx and try again",
    filetypes.OLE2: "an old-style Microsoft Office file",
    filetypes.ZIP: "a zip archive",
    filetypes.OCTET_STREAM: "a binary file",
}

_overrides: dict[str, str] = {}


def register(mime: str, target: str) -> None:
    """Route ``mime`` to ``"module:function"`` (for this process; the runner forwards these)."""
    _overrides[mime] = target


def overrides() -> Mapping[str, str]:
    return dict(_overrides)


def detect_type(path: Path, name: str | None = None) -> str:
    """The MIME type to extract ``path`` as: its detected type, source code by its language.

    Code keeps its standard MIME type in the vault (``text/javascript``, or ``text/plain`` where
    there is none); here it becomes ``text/x-<language>`` so the text extractor can fence it.
    """
    found = filetypes.detect(path, name)
    return f"text/x-{found.language}" if found.language else found.mime


def is_supported(mime: str) -> bool:
    return mime in _overrides or mime in _BUILTIN or mime.startswith("text/")


def extract_file(path: Path, mime: str, limits: Limits) -> Extraction:
    """Run the extractor for ``mime`` on ``path``; raise ``ExtractFailed`` for known failures."""
    size = path.stat().st_size
    if size == 0:
        raise ExtractFailed(FailureKind.EMPTY)
    if size > limits.max_input_bytes:
        raise ExtractFailed(FailureKind.TOO_LARGE, f"{size} bytes")
    if mime == filetypes.OOXML_ENCRYPTED:
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
