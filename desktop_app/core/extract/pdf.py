"""PDF text layer via pypdfium2 (PDFium, BSD/Apache): fast, and it keeps the reading order of
the content stream with line breaks where the page has them. Each page gets a marker comment so
prompts can say which page a passage came from.

Pages without a usable text layer (scans) are rendered in memory and OCR'd (see :mod:`.ocr`);
a mixed PDF keeps the text layer of its other pages, all in page order.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from desktop_app.core.extract.job import Job, PageText, current_job
from desktop_app.core.extract.ocr import (
    LOW_CONFIDENCE,
    PageSource,
    marker,
    missing_languages,
    run_pages,
)
from desktop_app.core.extract.result import ExtractFailed, Extraction, FailureKind, Limits

# PDFium's FPDF_ERR_* codes, as pypdfium2 reports them in PdfiumError.err_code.
_ERR_PASSWORD = 4
_ERR_SECURITY = 5
_ERR_FORMAT = 3
_MIN_CHARS_PER_PAGE = 3
# A page with fewer letters than this in its text layer (a scan, perhaps with a page number or
# a stamp as text) is OCR'd; the OCR text replaces the layer only if it has more letters.
_OCR_BELOW_LETTERS = 40
_MAX_RENDER_PIXELS = 40_000_000
_MIN_RENDER_DPI = 100


def extract(path: Path, mime: str, limits: Limits) -> Extraction:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (_ERR_PASSWORD, _ERR_SECURITY):
            raise ExtractFailed(FailureKind.ENCRYPTED, str(exc)) from exc
        raise ExtractFailed(FailureKind.CORRUPT, str(exc)) from exc
    try:
        return _pages(document, mime, limits)
    finally:
        document.close()


def _pages(document: object, mime: str, limits: Limits) -> Extraction:
    import pypdfium2 as pdfium

    assert isinstance(document, pdfium.PdfDocument)
    total = len(document)
    if total == 0:
        raise ExtractFailed(FailureKind.EMPTY, "no pages")
    layer: dict[int, str] = {}
    failed_pages: list[int] = []
    size = 0
    for index in range(total):
        try:
            page = document[index]
            textpage = page.get_textpage()
            text = textpage.get_text_bounded()
            textpage.close()
            page.close()
        except pdfium.PdfiumError:
            failed_pages.append(index + 1)
            continue
        layer[index + 1] = _tidy(text)
        size += len(layer[index + 1])
        if size > limits.max_output_chars:
            break
    truncated = size > limits.max_output_chars
    job = current_job()
    scanned = [n for n, text in layer.items() if _needs_ocr(text)]
    ocr: dict[int, PageText] = {}
    if scanned and job.ocr.enabled and not truncated:
        ocr = _ocr(document, scanned, job)
    blocks: list[str] = []
    ocr_used: list[int] = []
    for number, text in layer.items():
        page_text = PageText(number, text)
        read = ocr.get(number)
        if read is not None and read.found_text and _letters(read.text) > _letters(text):
            page_text = read
            ocr_used.append(number)
        blocks.append(f"{marker(page_text, total)}\n\n{page_text.text}".rstrip())
    with_text = [n for n in layer if n in ocr_used or len(layer[n].strip()) >= _MIN_CHARS_PER_PAGE]
    if not with_text:
        detail = f"{total} pages without a text layer"
        raise ExtractFailed(
            FailureKind.NO_TEXT, detail + (" and no text found by OCR" if ocr else "")
        )
    warnings: list[str] = []
    if failed_pages:
        warnings.append(f"pages {_ranges(failed_pages)} could not be read")
    blank = total - len(with_text) - len(failed_pages)
    if blank > 0 and not truncated:
        why = "no text layer and OCR found no text" if ocr else "no text layer (scanned?)"
        warnings.append(f"{blank} of {total} pages have {why}")
    if ocr and (missing := missing_languages(job)):
        warnings.append(f"no OCR model for {', '.join(missing)}; add it (see README)")
    if scanned and not job.ocr.enabled:
        warnings.append("OCR is turned off in the settings: scanned pages were skipped")
    if truncated:
        warnings.append(f"stopped after page {len(blocks)} of {total}: the text is very long")
    markdown = "\n\n".join(blocks).strip() + "\n"
    low = tuple(n for n in ocr_used if (ocr[n].confidence or 0) < LOW_CONFIDENCE)
    return Extraction(
        markdown=markdown,
        kind="pdf",
        mime_type=mime,
        units=total,
        unit_name="page",
        truncated=truncated,
        warnings=tuple(warnings),
        ocr_pages=tuple(ocr_used),
        low_confidence_pages=low,
    )


def _needs_ocr(text: str) -> bool:
    return _letters(text) < _OCR_BELOW_LETTERS


def _letters(text: str) -> int:
    return sum(1 for c in text if c.isalnum())


def _ocr(document: object, numbers: list[int], job: Job) -> dict[int, PageText]:
    """OCR the pages ``numbers``, rendered in memory (never through PNG) at the chosen dpi."""
    import pypdfium2 as pdfium

    assert isinstance(document, pdfium.PdfDocument)

    def source(number: int) -> PageSource:
        def load() -> Image.Image:
            page = document[number - 1]
            try:
                width, height = page.get_size()
                scale = min(job.ocr.dpi, _scan_dpi(page, width * height) or job.ocr.dpi) / 72
                area = max(width * height, 1.0) * scale * scale
                if area > _MAX_RENDER_PIXELS:  # a poster-sized page: cap the pixels, not the dpi
                    scale *= (_MAX_RENDER_PIXELS / area) ** 0.5
                bitmap = page.render(scale=scale, grayscale=True)
                image: Image.Image = bitmap.to_pil().copy()
                bitmap.close()
                return image
            finally:
                page.close()

        return number, load

    return run_pages((source(n) for n in numbers), len(numbers), job)


def _tidy(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    # PDFium turns a hyphen at the end of a line, and the line break after it, into \x02,
    # whether the typesetter split a word there or the word has a real hyphen ("command-line").
    # Which one cannot be known here, so both are kept, as the page shows them; the fallback's
    # cleaning (core/fallback/clean.py) decides, with the whole document's words at hand.
    text = text.replace("\x02", "-\n").replace("\ufffe", "")
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip()


def _scan_dpi(page: object, page_area: float) -> float | None:
    """The resolution of the picture covering most of the page (a scanner's 150 or 300 dpi):
    rendering above it only makes more pixels to read, not more detail. ``None`` if unknown."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    assert isinstance(page, pdfium.PdfPage)
    best: float | None = None
    try:
        for item in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
            left, bottom, right, top = item.get_bounds()
            if (right - left) * (top - bottom) < 0.5 * page_area or right <= left:
                continue
            pixels = item.get_metadata().width
            dpi = pixels / ((right - left) / 72)
            best = dpi if best is None else max(best, dpi)
    except (pdfium.PdfiumError, AttributeError, ZeroDivisionError):
        return None
    return None if best is None else max(_MIN_RENDER_DPI, best)


def _ranges(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in numbers[:10]) + ("..." if len(numbers) > 10 else "")
