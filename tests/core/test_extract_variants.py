"""OpenDocument variants (Writer/Web, templates, flat XML) and what a Word document says
outside its body (headers, footers, footnotes, comments), each in a clearly marked section."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import docgen

from desktop_app.core.extract import Extraction, ExtractionRunner, Failure, FailureKind, detect_type


@pytest.fixture(scope="module")
def runner() -> Iterator[ExtractionRunner]:
    sandbox = ExtractionRunner(timeout=90)
    yield sandbox
    sandbox.close()


def read(runner: ExtractionRunner, path: Path) -> Extraction:
    result = runner.run(path, detect_type(path))
    assert isinstance(result, Extraction), f"{path.name}: {result!r}"
    return result


def _retyped(source: Path, target: Path, mimetype: str) -> Path:
    """``source`` (a zipped ODF file) declaring another ``mimetype``, as LibreOffice writes it."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        new.writestr(zipfile.ZipInfo("mimetype"), mimetype)  # stored, first, as the spec says
        for item in old.infolist():
            if item.filename != "mimetype":
                new.writestr(item, old.read(item.filename), zipfile.ZIP_DEFLATED)
    return target


@pytest.mark.parametrize(
    ("suffix", "mimetype"),
    [
        (".ott", "application/vnd.oasis.opendocument.text-template"),
        (".oth", "application/vnd.oasis.opendocument.text-web"),
    ],
)
def test_writer_templates_and_web_documents(
    runner: ExtractionRunner, tmp_path: Path, suffix: str, mimetype: str
) -> None:
    source = docgen.odt(tmp_path / "letter.odt", heading="Tenancy", paragraphs=["Rent is due."])
    variant = _retyped(source, tmp_path / f"letter{suffix}", mimetype)
    text = read(runner, variant).markdown
    assert "## Tenancy" in text and "Rent is due." in text


def test_spreadsheet_and_presentation_templates(runner: ExtractionRunner, tmp_path: Path) -> None:
    sheet = docgen.ods(tmp_path / "budget.ods", {"Costs": [["item", "cost"], ["paint", "40"]]})
    ots = _retyped(
        sheet, tmp_path / "budget.ots", "application/vnd.oasis.opendocument.spreadsheet-template"
    )
    assert "paint" in read(runner, ots).markdown
    slides = docgen.odp(tmp_path / "deck.odp", [("Quarterly review", ["Revenue grew"])])
    otp = _retyped(
        slides, tmp_path / "deck.otp", "application/vnd.oasis.opendocument.presentation-template"
    )
    text = read(runner, otp).markdown
    assert "Quarterly review" in text and "Revenue grew" in text


def test_flat_xml_documents(runner: ExtractionRunner, tmp_path: Path) -> None:
    from odf.opendocument import OpenDocumentPresentation, OpenDocumentSpreadsheet, OpenDocumentText
    from odf.table import Table, TableCell, TableRow
    from odf.text import H, P

    text = OpenDocumentText()
    text.text.addElement(H(outlinelevel=1, text="Minutes"))
    text.text.addElement(P(text="The committee will meet again in October."))
    fodt = tmp_path / "minutes.fodt"
    fodt.write_bytes(text.xml())
    result = read(runner, fodt)
    assert "## Minutes" in result.markdown and "meet again in October" in result.markdown

    sheet = OpenDocumentSpreadsheet()
    grid = Table(name="Stock")
    for values in (["fruit", "count"], ["pears", "7"]):
        row = TableRow()
        for value in values:
            cell = TableCell()
            cell.addElement(P(text=value))
            row.addElement(cell)
        grid.addElement(row)
    sheet.spreadsheet.addElement(grid)
    fods = tmp_path / "stock.fods"
    fods.write_bytes(sheet.xml())
    table = read(runner, fods).markdown
    assert "## Sheet: Stock" in table and "| pears | 7 |" in table

    deck = OpenDocumentPresentation()
    fodp = tmp_path / "empty.fodp"
    fodp.write_bytes(deck.xml())
    empty = runner.run(fodp, detect_type(fodp))
    assert isinstance(empty, Failure) and empty.kind is FailureKind.EMPTY  # no slides, said so


def test_docx_headers_footers_footnotes_and_comments(
    runner: ExtractionRunner, tmp_path: Path
) -> None:
    import docx as python_docx

    document = python_docx.Document()
    document.sections[0].header.paragraphs[0].text = "ACME Corp - Confidential"
    document.sections[0].footer.paragraphs[0].text = "Page footer text"
    body = document.add_paragraph("The tenant pays the rent monthly.")
    document.add_comment(body.runs, text="Check the amount", author="Alice")
    path = tmp_path / "lease.docx"
    document.save(str(path))
    _add_footnote(path, "See clause 4 of the agreement.")

    text = read(runner, path).markdown
    body_part, _, margins = text.partition("## Headers, footers, notes and comments")
    assert "The tenant pays the rent monthly." in body_part
    assert "Confidential" not in body_part  # the running header does not interrupt the body
    assert "### Headers\n\nACME Corp - Confidential" in margins
    assert "### Footers\n\nPage footer text" in margins
    assert "### Footnotes\n\n1. See clause 4 of the agreement." in margins
    assert "### Comments\n\n- Alice: Check the amount" in margins


def _add_footnote(path: Path, text: str) -> None:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    notes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{w}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        f'</w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    )
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("word/footnotes.xml", notes)
