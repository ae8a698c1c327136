"""PDF text layer via pypdfium2 (PDFium, BSD/Apache): fast, and it keeps the reading order of
the content stream with line breaks where the page has them. Each page gets a marker comment so
prompts can say which page a passage came from.
"""

from __future__ import annotations

from pathlib import Path

from desktop_app.core.extract.markdown import page_marker
from desktop_app.core.extract.result import ExtractFailed, Extraction, FailureKind, Limits

# PDFium's FPDF_ERR_* codes, as pypdfium2 reports them in PdfiumError.err_code.
_ERR_PASSWORD = 4
_ERR_SECURITY = 5
_ERR_FORMAT = 3
_MIN_CHARS_PER_PAGE = 3


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
    blocks: list[str] = []
    size = 0
    text_pages = 0
    truncated = False
    failed_pages: list[int] = []
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
        text = _tidy(text)
        if len(text.strip()) >= _MIN_CHARS_PER_PAGE:
            text_pages += 1
        blocks.append(f"{page_marker(index + 1, total)}\n\n{text}")
        size += len(text)
        if size > limits.max_output_chars:
            truncated = True
            break
    if text_pages == 0:
        raise ExtractFailed(FailureKind.NO_TEXT, f"{total} pages without a text layer")
    warnings: list[str] = []
    if failed_pages:
        warnings.append(f"pages {_ranges(failed_pages)} could not be read")
    if text_pages < total and not truncated:
        warnings.append(f"{total - text_pages} of {total} pages have no text layer (scanned?)")
    if truncated:
        warnings.append(f"stopped after page {len(blocks)} of {total}: the text is very long")
    markdown = "\n\n".join(blocks).strip() + "\n"
    return Extraction(
        markdown=markdown,
        kind="pdf",
        mime_type=mime,
        units=total,
        unit_name="page",
        truncated=truncated,
        warnings=tuple(warnings),
    )


def _tidy(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    # PDFium turns a hyphen at the end of a line into \x02, whether the typesetter split a word
    # there or the word has a real hyphen ("command-line"). Which one cannot be known, so the
    # hyphen and the line break are kept, as the page shows them.
    text = text.replace("\x02", "-").replace("\ufffe", "")
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip()


def _ranges(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in numbers[:10]) + ("..." if len(numbers) > 10 else "")
