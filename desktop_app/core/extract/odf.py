"""OpenDocument text (.odt, .ott, Writer/Web) and presentations (.odp, .otp), read with the
standard library's zipfile and defusedxml: ``content.xml`` is walked directly, which is faster
than odfpy and needs no dependency beyond the XML guard we already ship. Zipped spreadsheets
(.ods, .ots) are in ``sheets``; the flat XML variants (.fodt, .fods, .fodp: one XML file, no zip)
are all read here.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

from desktop_app.core.extract.markdown import clean_inline, join_blocks, table
from desktop_app.core.extract.result import ExtractFailed, Extraction, FailureKind, Limits
from desktop_app.core.extract.safety import check_zip, parse_xml, read_member, refuse_entities

_NS = {
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "presentation": "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0",
    "xlink": "http://www.w3.org/1999/xlink",
}


def _q(prefixed: str) -> str:
    prefix, local = prefixed.split(":")
    return f"{{{_NS[prefix]}}}{local}"


T_P, T_H, T_LIST, T_ITEM, T_HEADER = (
    _q("text:p"), _q("text:h"), _q("text:list"), _q("text:list-item"), _q("text:list-header"),
)  # fmt: skip
T_S, T_TAB, T_BR, T_A, T_NOTE = (
    _q("text:s"), _q("text:tab"), _q("text:line-break"), _q("text:a"), _q("text:note"),
)  # fmt: skip
TABLE, ROW, CELL, COVERED = (
    _q("table:table"), _q("table:table-row"), _q("table:table-cell"),
    _q("table:covered-table-cell"),
)  # fmt: skip
_SKIP = {_q("text:tracked-changes"), _q("text:sequence-decls"), _q("office:forms")}
_MAX_REPEAT = 100  # repeated empty rows/columns are a layout trick, not content


def _content(path: Path, limits: Limits) -> Element:
    with check_zip(path, limits) as archive:
        if "content.xml" not in archive.namelist():
            if "EncryptedPackage" in archive.namelist():
                raise ExtractFailed(FailureKind.ENCRYPTED)
            raise ExtractFailed(FailureKind.CORRUPT, "no content.xml")
        manifest = "META-INF/manifest.xml"
        if manifest in archive.namelist() and b"encryption-data" in read_member(
            archive, manifest, limits
        ):
            raise ExtractFailed(FailureKind.ENCRYPTED, "ODF encryption-data in manifest")
        return parse_xml(read_member(archive, "content.xml", limits), "content.xml")


def inline(element: Element) -> str:
    """The text of a paragraph-like element: spaces, tabs, breaks and links kept."""
    out: list[str] = [element.text or ""]
    for child in element:
        tag = child.tag
        if tag == T_S:
            out.append(" " * int(child.get(_q("text:c"), "1")))
        elif tag == T_TAB:
            out.append("\t")
        elif tag == T_BR:
            out.append("\n")
        elif tag == T_NOTE:
            pass  # footnote bodies would interrupt the sentence
        elif tag == T_A:
            label = inline(child)
            href = child.get(_q("xlink:href"), "")
            out.append(f"[{label}]({href})" if href and label and href != label else label)
        else:
            out.append(inline(child))
        out.append(child.tail or "")
    return "".join(out)


def _blocks(parent: Element, depth: int = 0) -> list[str]:
    blocks: list[str] = []
    for child in parent:
        tag = child.tag
        if tag in _SKIP:
            continue
        if tag == T_H:
            level = int(child.get(_q("text:outline-level"), "1") or 1)
            text = clean_inline(inline(child))
            if text:
                blocks.append(f"{'#' * min(level + 1, 6)} {text}")
        elif tag == T_P:
            text = "\n".join(clean_inline(line) for line in inline(child).split("\n"))
            if text.strip():
                blocks.append(text.strip())
        elif tag == T_LIST:
            blocks.append("\n".join(_list_lines(child, depth)))
        elif tag == TABLE:
            blocks.append(table(_table_rows(child)))
        else:
            blocks.extend(_blocks(child, depth))
    return blocks


def _list_lines(element: Element, depth: int) -> list[str]:
    lines: list[str] = []
    for item in element:
        if item.tag not in (T_ITEM, T_HEADER):
            continue
        for part in item:
            if part.tag == T_LIST:
                lines.extend(_list_lines(part, depth + 1))
            elif part.tag in (T_P, T_H):
                text = clean_inline(inline(part))
                if text:
                    lines.append(f"{'  ' * depth}- {text}")
    return lines


def _table_rows(element: Element) -> list[list[str]]:
    rows: list[list[str]] = []
    for row in element.iter(ROW):
        cells: list[str] = []
        for cell in row:
            if cell.tag not in (CELL, COVERED):
                continue
            text = " ".join(clean_inline(inline(p)) for p in cell.iter(T_P))
            repeat = int(cell.get(_q("table:number-columns-repeated"), "1") or 1)
            cells.extend([text] * (min(repeat, _MAX_REPEAT) if text else min(repeat, 1)))
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            rows.append(cells)
    return rows


def extract_flat(path: Path, mime: str, limits: Limits) -> Extraction:
    """A flat OpenDocument file: the whole document as one XML file, its type in the root."""
    data = path.read_bytes()
    refuse_entities(data, path.name)
    root = parse_xml(data, path.name)
    declared = root.get(_q("office:mimetype"), "")
    if declared.startswith("application/vnd.oasis.opendocument.presentation"):
        return _odp(root, mime)
    if declared.startswith("application/vnd.oasis.opendocument.spreadsheet"):
        return _sheets(root, mime, limits)
    return _odt(root, mime)


def extract_odt(path: Path, mime: str, limits: Limits) -> Extraction:
    return _odt(_content(path, limits), mime)


def extract_odp(path: Path, mime: str, limits: Limits) -> Extraction:
    return _odp(_content(path, limits), mime)


def _sheets(root: Element, mime: str, limits: Limits) -> Extraction:
    body = root.find(f"{_q('office:body')}/{_q('office:spreadsheet')}")
    if body is None:
        raise ExtractFailed(FailureKind.CORRUPT, "no office:spreadsheet body")
    blocks: list[str] = []
    tables = body.findall(TABLE)
    for sheet in tables:
        rows = _table_rows(sheet)
        name = sheet.get(_q("table:name"), f"Sheet{len(blocks) + 1}")
        block = f"## Sheet: {name}\n\n" + table(rows[: limits.max_rows_per_sheet])
        if len(rows) > limits.max_rows_per_sheet:
            block += f"\n\n({len(rows) - limits.max_rows_per_sheet} more rows left out)"
        blocks.append(block)
    if not any(_table_rows(sheet) for sheet in tables):
        raise ExtractFailed(FailureKind.EMPTY, "no cells")
    return Extraction(
        markdown=join_blocks(blocks), kind="sheet", mime_type=mime, units=len(tables),
        unit_name="sheet",
    )  # fmt: skip


def _odt(root: Element, mime: str) -> Extraction:
    body = root.find(f"{_q('office:body')}/{_q('office:text')}")
    if body is None:
        raise ExtractFailed(FailureKind.CORRUPT, "no office:text body")
    markdown = join_blocks(_blocks(body))
    if not markdown.strip():
        raise ExtractFailed(FailureKind.EMPTY)
    return Extraction(markdown=markdown, kind="odt", mime_type=mime)


def _odp(root: Element, mime: str) -> Extraction:
    body = root.find(f"{_q('office:body')}/{_q('office:presentation')}")
    if body is None:
        raise ExtractFailed(FailureKind.CORRUPT, "no office:presentation body")
    pages = body.findall(_q("draw:page"))
    if not pages:
        raise ExtractFailed(FailureKind.EMPTY, "no slides")
    blocks: list[str] = []
    any_text = False
    for number, page in enumerate(pages, start=1):
        title = ""
        content: list[str] = []
        notes: list[str] = []
        for frame in page:
            if frame.tag == _q("presentation:notes"):
                notes.extend(b for b in _blocks(frame) if b.strip())
                continue
            found = _blocks(frame, 0)
            if frame.get(_q("presentation:class")) == "title" and found and not title:
                title = clean_inline(" ".join(found))
                continue
            content.extend(found)
        any_text = any_text or bool(title or content)
        section = [f"## Slide {number}" + (f": {title}" if title else "")]
        section.extend(_as_bullets(b) for b in content)
        if notes:
            section.append("**Speaker notes:**\n\n" + "\n".join(f"> {n}" for n in notes))
        blocks.append("\n\n".join(section))
    if not any_text:
        raise ExtractFailed(FailureKind.NO_TEXT, "slides without text")
    return Extraction(
        markdown=join_blocks(blocks), kind="odp", mime_type=mime, units=len(pages),
        unit_name="slide",
    )  # fmt: skip


def _as_bullets(block: str) -> str:
    if block.startswith(("- ", "|", "#", "  ")):
        return block
    return "\n".join(f"- {line}" for line in block.splitlines() if line.strip())
