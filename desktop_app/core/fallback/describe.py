"""The attributes of a ``<document>`` tag: what a prompt says about each document (its name,
type, size, pages/sheets/slides, the part chosen, and which text came from OCR)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from desktop_app.core.extract.result import Extraction

if TYPE_CHECKING:
    from desktop_app.core.fallback.prompt import DocumentText

_TYPE_LABELS = {
    "pdf": "PDF", "docx": "Word document", "pptx": "PowerPoint presentation",
    "odt": "OpenDocument text", "odp": "OpenDocument presentation", "sheet": "spreadsheet",
    "csv": "CSV table", "html": "web page", "epub": "e-book", "email": "e-mail",
    "rtf": "RTF document", "text": "plain text", "markdown": "Markdown", "code": "source code",
    "json": "JSON", "xml": "XML", "yaml": "YAML", "notebook": "Jupyter notebook",
    "image": "picture",
}  # fmt: skip


def type_label(extraction: Extraction) -> str:
    return _TYPE_LABELS.get(extraction.kind, extraction.kind)


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def attributes(document: DocumentText, extra: str = "") -> str:
    e = document.extraction
    attrs = [
        f'name="{_attr(document.name)}"',
        f'type="{type_label(e)}"',
        f'size="{human_size(document.size)}"',
    ]
    if e.units is not None and e.unit_name:
        attrs.append(f'{e.unit_name}s="{e.units}"')
    if document.selection:
        attrs.append(f'only="{_attr(document.selection)}"')
    if e.truncated:
        attrs.append('truncated="yes"')
    attrs.extend(_ocr_attrs(e))
    if extra:
        attrs.append(f'part="{_attr(extra)}"')
    return " ".join(attrs)


def _ocr_attrs(e: Extraction) -> list[str]:
    """Say which text came from OCR (it may hold misread words) and where OCR was unsure."""
    if not e.ocr_pages:
        return []
    if e.units is None or e.unit_name != "page":
        note = "OCR, low confidence" if e.low_confidence_pages else "OCR"
        return [f'text="{note}"']
    attrs = [f'ocr="{_page_list(e.ocr_pages, e.units)}"']
    if e.low_confidence_pages:
        unsure = "; ".join(f"page {n}: OCR, low confidence" for n in e.low_confidence_pages[:20])
        attrs.append(f'note="{unsure}"')
    return attrs


def _page_list(pages: Sequence[int], total: int) -> str:
    if len(pages) == total:
        return "all pages"
    spans: list[str] = []
    for number in pages:
        if spans and spans[-1].split("-")[-1] == str(number - 1):
            spans[-1] = f"{spans[-1].split('-')[0]}-{number}"
        else:
            spans.append(str(number))
    return ("page " if len(pages) == 1 else "pages ") + ", ".join(spans)


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
