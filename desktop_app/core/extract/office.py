"""Word (.docx) via python-docx and PowerPoint (.pptx) via python-pptx (both MIT).

DOCX: body paragraphs and tables in document order; heading styles become ``#`` headings and
list styles become bullets; headers, footers, notes and comments follow in their own section
(``docx_margins``). PPTX: one section per slide in slide order, the title first, text
shapes top-to-bottom with their bullet levels, tables as Markdown tables, speaker notes last.
Both containers go through the zip-bomb and XML-entity guards before the library opens them.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desktop_app.core.extract.docx_margins import margins
from desktop_app.core.extract.markdown import clean_inline, group_list_items, join_blocks, table
from desktop_app.core.extract.result import ExtractFailed, Extraction, FailureKind, Limits
from desktop_app.core.extract.safety import check_zip, check_zip_members

_XML_PARTS = (".xml", ".rels", ".vml")


def _guard(path: Path, limits: Limits) -> None:
    with check_zip(path, limits) as archive:
        check_zip_members(archive, _XML_PARTS)


def _open_failed(exc: Exception) -> ExtractFailed:
    return ExtractFailed(FailureKind.CORRUPT, f"{type(exc).__name__}: {exc}")


# -- Word ---------------------------------------------------------------------------------


def extract_docx(path: Path, mime: str, limits: Limits) -> Extraction:
    _guard(path, limits)
    import docx
    from docx.oxml.ns import qn

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise _open_failed(exc) from exc
    except Exception as exc:  # lxml.etree.XMLSyntaxError and python-docx's own errors
        raise _open_failed(exc) from exc
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    styles = _style_names(document)
    blocks: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            blocks.append(_docx_paragraph(Paragraph(child, document), styles))
        elif child.tag == qn("w:tbl"):
            blocks.append(_docx_table(Table(child, document)))
        elif child.tag == qn("w:sdt"):  # content controls (e.g. a table of contents)
            for paragraph in child.iter(qn("w:p")):
                blocks.append(_docx_paragraph(Paragraph(paragraph, document), styles))
    blocks = group_list_items(blocks)
    if not "".join(blocks).strip():
        raise ExtractFailed(FailureKind.EMPTY)
    markdown = join_blocks([*blocks, margins(document, path, limits)])
    return Extraction(markdown=markdown, kind="docx", mime_type=mime)


def _style_names(document: Any) -> dict[str, str]:
    """Style id -> lower-case built-in name ("heading 1", "list bullet", "title").

    Read once from styles.xml: python-docx's ``paragraph.style`` scans every style per call,
    which made it the slowest step. ``w:name`` holds the English built-in name even in
    localised documents (whose style *ids* are translated).
    """
    from docx.oxml.ns import qn

    names: dict[str, str] = {}
    try:
        element = document.styles.element
    except (KeyError, ValueError, AttributeError):
        return names
    for style in element.iterchildren(qn("w:style")):
        name = style.find(qn("w:name"))
        style_id = style.get(qn("w:styleId"))
        if style_id and name is not None:
            names[style_id] = (name.get(qn("w:val")) or "").lower()
    return names


def _docx_text(paragraph: Any) -> str:
    """The paragraph's text with hyperlinks as Markdown links."""
    parts: list[str] = []
    for item in paragraph.iter_inner_content():
        text = item.text
        address = getattr(item, "address", None)
        if address and text and address.startswith(("http://", "https://", "mailto:")):
            parts.append(f"[{text}]({address})" if text != address else text)
        else:
            parts.append(text)
    return "".join(parts)


def _docx_paragraph(paragraph: Any, styles: dict[str, str]) -> str:
    text = clean_inline(_docx_text(paragraph))
    if not text:
        return ""
    p_pr = paragraph._p.pPr
    style_id = p_pr.pStyle.val if p_pr is not None and p_pr.pStyle is not None else None
    style = styles.get(style_id, "") if style_id else ""
    if style == "title":
        return f"# {text}"
    if style.startswith("heading"):
        level = style.removeprefix("heading").strip()
        depth = int(level) if level.isdigit() else 1
        return f"{'#' * min(depth + 1, 6)} {text}"
    num_pr = p_pr.numPr if p_pr is not None else None
    if style.startswith("list number"):
        return f"1. {text}"
    if style.startswith("list") or num_pr is not None:
        indent = 0
        if num_pr is not None and num_pr.ilvl is not None and num_pr.ilvl.val is not None:
            indent = int(num_pr.ilvl.val)
        return f"{'  ' * indent}- {text}"
    return text


def _docx_table(tbl: Any) -> str:
    rows: list[list[str]] = []
    for row in tbl.rows:
        cells: list[str] = []
        previous = None
        for docx_cell in row.cells:
            # Merged cells come back once per grid column; show the text once.
            cells.append("" if docx_cell._tc is previous else docx_cell.text)
            previous = docx_cell._tc
        rows.append(cells)
    return table(rows)


# -- PowerPoint ---------------------------------------------------------------------------


def extract_pptx(path: Path, mime: str, limits: Limits) -> Extraction:
    _guard(path, limits)
    import pptx

    try:
        presentation = pptx.Presentation(str(path))
    except Exception as exc:  # python-pptx raises assorted errors for broken packages
        raise _open_failed(exc) from exc
    slides = list(presentation.slides)
    if not slides:
        raise ExtractFailed(FailureKind.EMPTY, "no slides")
    rendered = [_slide(slide, number) for number, slide in enumerate(slides, start=1)]
    if not any(has_text for _, has_text in rendered):
        raise ExtractFailed(FailureKind.NO_TEXT, "slides without text")
    markdown = join_blocks(block for block, _ in rendered)
    return Extraction(
        markdown=markdown, kind="pptx", mime_type=mime, units=len(slides), unit_name="slide"
    )


def _slide(slide: Any, number: int) -> tuple[str, bool]:
    title_shape = slide.shapes.title
    title = clean_inline(title_shape.text_frame.text) if title_shape is not None else ""
    parts = [f"## Slide {number}" + (f": {title}" if title else "")]
    for shape in _ordered(slide.shapes):
        if title_shape is not None and shape.shape_id == title_shape.shape_id:
            continue
        parts.extend(_shape_blocks(shape))
    if slide.has_notes_slide:
        notes = slide.notes_slide.notes_text_frame
        text = notes.text.strip() if notes is not None else ""
        if text:
            parts.append(
                "**Speaker notes:**\n\n" + "\n".join(f"> {ln}" for ln in text.splitlines())
            )
    return "\n\n".join(p for p in parts if p), bool(title) or len(parts) > 1


def _ordered(shapes: Any) -> list[Any]:
    return sorted(shapes, key=lambda s: ((s.top or 0) // 10000, s.left or 0))


def _shape_blocks(shape: Any) -> Iterator[str]:
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
        for child in _ordered(shape.shapes):
            yield from _shape_blocks(child)
        return
    if getattr(shape, "has_table", False) and shape.has_table:
        rows = [[c.text for c in row.cells] for row in shape.table.rows]
        yield table(rows)
        return
    if getattr(shape, "has_text_frame", False) and shape.has_text_frame:
        lines = []
        for paragraph in shape.text_frame.paragraphs:
            text = clean_inline("".join(r.text for r in paragraph.runs) or paragraph.text)
            if text:
                lines.append(f"{'  ' * paragraph.level}- {text}")
        if lines:
            yield "\n".join(lines)
