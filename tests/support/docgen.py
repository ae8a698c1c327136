"""Build real documents from known text with real writer libraries, for extraction tests and the
extraction benchmark: reportlab (PDF), python-docx, python-pptx, openpyxl, xlwt (.xls), odfpy
(ODT/ODS/ODP), pypdf (encryption), msoffcrypto-tool (encrypted OOXML), and the standard library
for EPUB, e-mail, RTF, HTML and hostile zips.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Sequence
from email.message import EmailMessage
from pathlib import Path

Rows = Sequence[Sequence[object]]


def pdf(path: Path, pages: Sequence[str], *, font_size: int = 11) -> Path:
    """One page per string; lines wrap at ~90 characters."""
    import textwrap

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    _, height = A4
    for text in pages:
        y = height - 60
        for paragraph in text.split("\n"):
            for line in textwrap.wrap(paragraph, 90) or [""]:
                c.setFont("Helvetica", font_size)
                c.drawString(50, y, line)
                y -= font_size + 4
                if y < 50:
                    c.showPage()
                    y = height - 60
        c.showPage()
    c.save()
    return path


def scanned_pdf(path: Path, pages: int = 2) -> Path:
    """Pages with only drawings (as a scan would have images): no text layer at all."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    for n in range(pages):
        c.rect(50 + n, 50, 300, 400, fill=1)
        c.showPage()
    c.save()
    return path


def encrypted_pdf(source: Path, path: Path, password: str = "secret") -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(str(source)).pages:
        writer.add_page(page)
    writer.encrypt(user_password=password, owner_password=password + "-owner")
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def docx(
    path: Path,
    *,
    title: str = "",
    paragraphs: Sequence[str] = (),
    headings: Sequence[tuple[int, str]] = (),
    bullets: Sequence[str] = (),
    table: Rows = (),
) -> Path:
    import docx as python_docx

    document = python_docx.Document()
    if title:
        document.add_heading(title, level=0)
    for level, text in headings:
        document.add_heading(text, level=level)
    for text in paragraphs:
        document.add_paragraph(text)
    for text in bullets:
        document.add_paragraph(text, style="List Bullet")
    if table:
        grid = document.add_table(rows=len(table), cols=max(len(r) for r in table))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = str(value)
    document.save(str(path))
    return path


def pptx(path: Path, slides: Sequence[tuple[str, Sequence[str], str]]) -> Path:
    """Slides of (title, bullet lines, speaker notes)."""
    import pptx as python_pptx

    presentation = python_pptx.Presentation()
    layout = presentation.slide_layouts[1]  # title and content
    for title, bullets, notes in slides:
        slide = presentation.slides.add_slide(layout)
        slide.shapes.title.text = title
        body = slide.placeholders[1].text_frame
        for i, line in enumerate(bullets):
            paragraph = body.paragraphs[0] if i == 0 else body.add_paragraph()
            paragraph.text = line.lstrip(">")
            paragraph.level = len(line) - len(line.lstrip(">"))
        if notes:
            slide.notes_slide.notes_text_frame.text = notes
    presentation.save(str(path))
    return path


def xlsx(path: Path, sheets: dict[str, Rows]) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    workbook.save(str(path))
    return path


def xls(path: Path, sheets: dict[str, Rows]) -> Path:
    import xlwt

    workbook = xlwt.Workbook()
    for name, rows in sheets.items():
        sheet = workbook.add_sheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                sheet.write(r, c, value)
    workbook.save(str(path))
    return path


def ods(path: Path, sheets: dict[str, Rows]) -> Path:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    for name, rows in sheets.items():
        table = Table(name=name)
        for row in rows:
            table_row = TableRow()
            for value in row:
                if isinstance(value, int | float) and not isinstance(value, bool):
                    cell = TableCell(valuetype="float", value=value)
                else:
                    cell = TableCell(valuetype="string")
                cell.addElement(P(text=str(value)))
                table_row.addElement(cell)
            table.addElement(table_row)
        document.spreadsheet.addElement(table)
    document.save(str(path))
    return path


def odt(
    path: Path, *, heading: str, paragraphs: Sequence[str], bullets: Sequence[str] = ()
) -> Path:
    from odf.opendocument import OpenDocumentText
    from odf.text import H, List, ListItem, P

    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text=heading))
    for text in paragraphs:
        document.text.addElement(P(text=text))
    if bullets:
        items = List()
        for text in bullets:
            item = ListItem()
            item.addElement(P(text=text))
            items.addElement(item)
        document.text.addElement(items)
    document.save(str(path))
    return path


def odp(path: Path, slides: Sequence[tuple[str, Sequence[str]]]) -> Path:
    from odf.draw import Frame, Page, TextBox
    from odf.namespaces import PRESENTATIONNS
    from odf.opendocument import OpenDocumentPresentation
    from odf.style import MasterPage, PageLayout
    from odf.text import P

    document = OpenDocumentPresentation()
    layout = PageLayout(name="layout")
    document.automaticstyles.addElement(layout)
    master = MasterPage(name="master", pagelayoutname=layout)
    document.masterstyles.addElement(master)
    for title, lines in slides:
        page = Page(masterpagename=master)
        title_frame = Frame(width="20cm", height="3cm", x="1cm", y="1cm")
        title_frame.setAttrNS(PRESENTATIONNS, "class", "title")
        title_box = TextBox()
        title_box.addElement(P(text=title))
        title_frame.addElement(title_box)
        page.addElement(title_frame)
        body = Frame(width="20cm", height="10cm", x="1cm", y="5cm")
        box = TextBox()
        for line in lines:
            box.addElement(P(text=line))
        body.addElement(box)
        page.addElement(body)
        document.presentation.addElement(page)
    document.save(str(path))
    return path


def epub(path: Path, title: str, chapters: Sequence[tuple[str, str]]) -> Path:
    """A minimal valid EPUB 3: chapters of (heading, paragraph text), in spine order."""
    items, refs = [], []
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED
        )
        archive.writestr(
            "META-INF/container.xml",
            '<?xml version="1.0"?><container version="1.0" '
            'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
            '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
            "</rootfiles></container>",
        )
        # Written in reverse so that only the spine, not the archive order, can give the order.
        for n, (heading, text) in reversed(list(enumerate(chapters, start=1))):
            archive.writestr(
                f"OEBPS/ch{n}.xhtml",
                '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html>'
                '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>'
                f"{heading}</title></head><body><h1>{heading}</h1><p>{text}</p></body></html>",
            )
        for n in range(1, len(chapters) + 1):
            items.append(f'<item id="c{n}" href="ch{n}.xhtml" media-type="application/xhtml+xml"/>')
            refs.append(f'<itemref idref="c{n}"/>')
        archive.writestr(
            "OEBPS/content.opf",
            '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" '
            'unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<dc:title>{title}</dc:title><dc:identifier id="id">x</dc:identifier></metadata>'
            f"<manifest>{''.join(items)}</manifest><spine>{''.join(refs)}</spine></package>",
        )
    return path


def eml(path: Path, *, subject: str, body: str, attachments: Sequence[tuple[str, bytes]]) -> Path:
    message = EmailMessage()
    message["From"] = "Ada Lovelace <ada@example.org>"
    message["To"] = "Charles Babbage <charles@example.org>"
    message["Date"] = "Mon, 23 Nov 2026 10:00:00 +0000"
    message["Subject"] = subject
    message.set_content(body)
    for name, data in attachments:
        message.add_attachment(data, maintype="application", subtype="octet-stream", filename=name)
    path.write_bytes(bytes(message))
    return path


def rtf(path: Path, paragraphs: Sequence[str]) -> Path:
    def escape(text: str) -> str:
        out = []
        for ch in text:
            if ch in "\\{}":
                out.append("\\" + ch)
            elif ord(ch) > 127:
                out.append(f"\\u{ord(ch) if ord(ch) < 32768 else ord(ch) - 65536}?")
            else:
                out.append(ch)
        return "".join(out)

    body = "".join(f"{escape(p)}\\par\n" for p in paragraphs)
    path.write_text(
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Helvetica;}}\n\\f0\\fs22 " + body + "}",
        encoding="ascii",
    )
    return path


def encrypted_ooxml(source: Path, path: Path, password: str = "secret") -> Path:
    from msoffcrypto.format.ooxml import OOXMLFile

    with source.open("rb") as plain, path.open("wb") as out:
        OOXMLFile(plain).encrypt(password, out)
    return path


# -- hostile zips ---------------------------------------------------------------------------


def zip_bomb_docx(path: Path, source_docx: Path, expanded_mib: int = 2048) -> Path:
    """``source_docx`` plus a member of ``expanded_mib`` MiB of zeros (~1 KB per MiB on disk):
    a real deflate stream that really expands x1000, with a correct CRC."""
    members: list[tuple[str, bytes, int, int]] = []
    with zipfile.ZipFile(source_docx) as archive:
        for info in archive.infolist():
            data = archive.read(info)
            members.append((info.filename, _raw_deflate(data), zlib.crc32(data), len(data)))
    zeros = bytes(1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    # With a full flush after each MiB the compressor's output repeats exactly, so the stream for
    # N MiB is one chunk N times plus the final block; only the CRC needs the full pass.
    chunk = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    stream = chunk * expanded_mib + compressor.flush()
    crc = 0
    for _ in range(expanded_mib):
        crc = zlib.crc32(zeros, crc)
    members.append(("word/media/filler.xml", stream, crc, expanded_mib << 20))
    _write_raw_zip(path, members)
    return path


def _raw_deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def _write_raw_zip(path: Path, members: Sequence[tuple[str, bytes, int, int]]) -> None:
    out = io.BytesIO()
    central = io.BytesIO()
    for name, data, crc, size in members:
        offset = out.tell()
        encoded = name.encode("utf-8")
        header = struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), size, len(encoded), 0
        )
        out.write(header + encoded + data)
        central.write(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                8,
                0,
                0x21,
                crc,
                len(data),
                size,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + encoded
        )
    directory = central.getvalue()
    start = out.tell()
    out.write(directory)
    out.write(
        struct.pack(
            "<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(directory), start, 0
        )
    )
    path.write_bytes(out.getvalue())
