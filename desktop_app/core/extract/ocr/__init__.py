"""Offline OCR (Tesseract 5 via tesserocr, bundled models) for pictures and scanned PDF pages.

Runs inside the extraction worker only. :func:`extract_image` is the extractor for pictures;
:func:`run_pages` OCRs any pages (the PDF extractor uses it for pages without a text layer);
:func:`marker` writes a page's marker comment saying it was OCR'd. Modules: ``engine``
(Tesseract instances and models), ``prepare`` (orientation, contrast, scale), ``page`` (one
page), ``layout`` (reading order, table rows, garbage), ``parallel`` (thread pool, progress),
``images`` (picture formats and bombs), ``options`` (what the app asks for).
"""

from __future__ import annotations

from desktop_app.core.extract.job import OcrOptions, default_workers
from desktop_app.core.extract.ocr.images import extract_image
from desktop_app.core.extract.ocr.page import LOW_CONFIDENCE, marker
from desktop_app.core.extract.ocr.parallel import PageSource, missing_languages, run_pages

__all__ = [
    "LOW_CONFIDENCE",
    "OcrOptions",
    "PageSource",
    "default_workers",
    "extract_image",
    "marker",
    "missing_languages",
    "run_pages",
]
