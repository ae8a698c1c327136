"""Text extraction from user documents, in a sandboxed worker process.

Public surface: :class:`Extraction` (the result), :class:`ExtractionRunner` (the sandbox),
:func:`detect_type` (the type to extract a file as, found by ``core.filetypes``),
:data:`EXTRACTOR_VERSION`, and for long jobs :class:`OcrOptions` (what OCR to do),
:class:`Progress` and :class:`PageText` (pages as they finish). One module per format family
(``pdf``, ``office``, ``odf``, ``sheets``, ``web``/``html``, ``plain``, and ``ocr`` for
pictures and scans) does the parsing inside the worker; ``safety`` guards zip and XML before
any parser runs.
"""

from __future__ import annotations

from desktop_app.core.extract.job import OcrOptions, PageText, Progress, default_workers
from desktop_app.core.extract.markdown import to_plain_text
from desktop_app.core.extract.registry import EXTRACTOR_VERSION, detect_type
from desktop_app.core.extract.result import Extraction, Failure, FailureKind, Limits
from desktop_app.core.extract.sandbox import ExtractionRunner

__all__ = [
    "EXTRACTOR_VERSION",
    "Extraction",
    "ExtractionRunner",
    "Failure",
    "FailureKind",
    "Limits",
    "OcrOptions",
    "PageText",
    "Progress",
    "default_workers",
    "detect_type",
    "to_plain_text",
]
