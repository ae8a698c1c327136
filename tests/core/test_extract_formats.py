"""Every supported format, made from known text with a real writer library, comes back through
the sandboxed worker with its text, structure (headings, tables, order) and unit counts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import docgen

from desktop_app.core.extract import Extraction, ExtractionRunner, Failure, detect_type
from desktop_app.core.extract.markdown import to_plain_text


@pytest.fixture(scope="module")
def runner() -> Iterator[ExtractionRunner]:
    sandbox = ExtractionRunner(timeout=90)
    yield sandbox
    sandbox.close()


def extract(runner: ExtractionRunner, path: Path) -> Extraction:
    result = runner.run(path, detect_type(path))
    assert not isinstance(result, Failure), result
    return result


def test_pdf_pages_in_order_with_markers(runner: ExtractionRunner, tmp_path: Path) -> None:
    pages = [f"Page {n} talks about the {word} harbour." for n, word in
             enumerate(["northern", "eastern", "southern"], start=1)]  # fmt: skip
    result = extract(runner, docgen.pdf(tmp_path / "report.pdf", pages))
    assert (result.kind, result.units, result.unit_name) == ("pdf", 3, "page")
    text = result.markdown
    positions = [text.index(f"{w} harbour") for w in ("northern", "eastern", "southern")]
    assert positions == sorted(positions)
    assert "<!-- Page 2 of 3 -->" in text


def test_docx_headings_bullets_and_table(runner: ExtractionRunner, tmp_path: Path) -> None:
    path = docgen.docx(
        tmp_path / "memo.docx",
        title="Quarterly memo",
        headings=[(1, "Findings")],
        paragraphs=["Revenue grew in every region.", "Costs were flat."],
        bullets=["hire two engineers", "open the Lisbon office"],
        table=[["Region", "Revenue"], ["North", "1200"], ["South | East", "900"]],
    )
    md = extract(runner, path).markdown
    assert "# Quarterly memo" in md
    assert "## Findings" in md
    assert "- hire two engineers" in md
    assert "| Region | Revenue |" in md
    assert "| South \\| East | 900 |" in md  # a pipe in a cell does not break the table
    assert md.index("Revenue grew") < md.index("Costs were flat")


def test_pptx_slides_titles_bullets_and_notes(runner: ExtractionRunner, tmp_path: Path) -> None:
    path = docgen.pptx(
        tmp_path / "deck.pptx",
        [
            ("Launch plan", ["Beta in March", ">Invite 50 customers"], "Mention the budget."),
            ("Risks", ["Supplier delay"], ""),
        ],
    )
    result = extract(runner, path)
    md = result.markdown
    assert (result.units, result.unit_name) == (2, "slide")
    assert "## Slide 1: Launch plan" in md and "## Slide 2: Risks" in md
    assert md.index("Slide 1") < md.index("Slide 2")
    assert "- Beta in March" in md
    assert "  - Invite 50 customers" in md  # second bullet level kept
    assert "Mention the budget." in md


SHEETS: dict[str, list[list[object]]] = {
    "Sales": [["Region", "Units", "Price"], ["North", 12, 2.5], ["South", 7, 3]],
    "Staff": [["Name", "Role"], ["Grace", "Admiral"]],
}


@pytest.mark.parametrize(
    ("maker", "suffix"), [(docgen.xlsx, ".xlsx"), (docgen.xls, ".xls"), (docgen.ods, ".ods")]
)
def test_workbooks_every_sheet_as_a_table(
    runner: ExtractionRunner, tmp_path: Path, maker: object, suffix: str
) -> None:
    path = maker(tmp_path / f"book{suffix}", SHEETS)  # type: ignore[operator]
    result = extract(runner, path)
    md = result.markdown
    assert (result.kind, result.units, result.unit_name) == ("sheet", 2, "sheet")
    assert "## Sheet: Sales" in md and "## Sheet: Staff" in md
    assert "| Region | Units | Price |" in md
    assert "| North | 12 | 2.5 |" in md
    assert "| Grace | Admiral |" in md


def test_large_sheet_is_capped_with_a_note(tmp_path: Path) -> None:
    from desktop_app.core.extract.result import Limits

    rows = [["id", "value"]] + [[n, f"v{n}"] for n in range(300)]
    path = docgen.xlsx(tmp_path / "big.xlsx", {"Data": rows})
    sandbox = ExtractionRunner(timeout=90, limits=Limits(max_rows_per_sheet=100))
    try:
        result = sandbox.run(path, detect_type(path))
    finally:
        sandbox.close()
    assert isinstance(result, Extraction)
    assert result.truncated
    assert "| 98 | v98 |" in result.markdown and "v150" not in result.markdown
    assert "Only the first 100 of about 301 rows are shown" in result.markdown


def test_csv_and_tsv(runner: ExtractionRunner, tmp_path: Path) -> None:
    csv_path = tmp_path / "people.csv"
    csv_path.write_text('name;city\nAda;"London, UK"\nAlan;Wilmslow\n', encoding="utf-8")
    tsv_path = tmp_path / "people.tsv"
    tsv_path.write_text("name\tcity\nAda\tLondon\n", encoding="utf-8")
    assert "| Ada | London, UK |" in extract(runner, csv_path).markdown
    assert "| Ada | London |" in extract(runner, tsv_path).markdown


def test_odt_and_odp(runner: ExtractionRunner, tmp_path: Path) -> None:
    odt = docgen.odt(
        tmp_path / "letter.odt",
        heading="Dear committee",
        paragraphs=["We propose a new bridge.", "It spans the river."],
        bullets=["steel", "granite"],
    )
    md = extract(runner, odt).markdown
    assert "## Dear committee" in md
    assert md.index("new bridge") < md.index("spans the river")
    assert "- steel" in md
    odp = docgen.odp(tmp_path / "talk.odp", [("Opening", ["Why bridges"]), ("Close", ["Thanks"])])
    result = extract(runner, odp)
    assert (result.units, result.unit_name) == (2, "slide")
    assert "## Slide 1: Opening" in result.markdown and "- Why bridges" in result.markdown
    assert result.markdown.index("Opening") < result.markdown.index("Close")


def test_html_main_text_links_tables_no_scripts(runner: ExtractionRunner, tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Bridge news</title><style>p{color:red}</style></head><body>"
        "<nav><a href='/'>Home</a> menu entries</nav><main><h1>The bridge opens</h1>"
        "<p>Read the <a href='https://example.org/report'>full report</a> today.</p>"
        "<script>alert('tracking')</script><table><tr><th>Span</th><th>Metres</th></tr>"
        "<tr><td>Main</td><td>320</td></tr></table><ul><li>cars</li><li>bikes</li></ul>"
        "</main><footer>Copyright footer</footer></body></html>",
        encoding="utf-8",
    )
    md = extract(runner, path).markdown
    assert "# The bridge opens" in md
    assert "[full report](https://example.org/report)" in md
    assert "| Main | 320 |" in md
    assert "- bikes" in md
    for absent in ("alert", "color:red", "menu entries", "Copyright footer"):
        assert absent not in md


def test_epub_follows_the_spine(runner: ExtractionRunner, tmp_path: Path) -> None:
    path = docgen.epub(
        tmp_path / "book.epub",
        "Rivers",
        [("Source", "It starts in the hills."), ("Delta", "It ends in the sea.")],
    )
    result = extract(runner, path)
    assert (result.kind, result.units) == ("epub", 2)
    assert result.markdown.index("starts in the hills") < result.markdown.index("ends in the sea")


def test_eml_headers_body_and_attachment_names(runner: ExtractionRunner, tmp_path: Path) -> None:
    path = docgen.eml(
        tmp_path / "mail.eml",
        subject="Engine drawings",
        body="Please find the drawings attached.\nRegards, Ada",
        attachments=[("engine.pdf", b"%PDF-1.4 fake")],
    )
    md = extract(runner, path).markdown
    assert "# Engine drawings" in md
    assert "**From:** Ada Lovelace <ada@example.org>" in md
    assert "Please find the drawings attached." in md
    assert "- engine.pdf (application/octet-stream" in md


def test_rtf(runner: ExtractionRunner, tmp_path: Path) -> None:
    path = docgen.rtf(tmp_path / "note.rtf", ["First line of the note.", "Zweite Zeile: Grüße."])
    md = extract(runner, path).markdown
    assert "First line of the note." in md and "Zweite Zeile: Grüße." in md


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("utf-8", "Grüße aus Köln — naïve café"),
        ("utf-16", "Grüße aus Köln — naïve café"),
        ("cp1252", "Grüße aus Köln — “naïve” café"),
        ("latin-1", "Señor Müller bought a café in Zürich."),
    ],
)
def test_plain_text_in_any_encoding(
    runner: ExtractionRunner, tmp_path: Path, encoding: str, text: str
) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(((text + "\n") * 3).encode(encoding))
    assert text in extract(runner, path).markdown


def test_code_json_xml_yaml_markdown_are_fenced_or_kept(
    runner: ExtractionRunner, tmp_path: Path
) -> None:
    (tmp_path / "tool.py").write_text("def main():\n    return 42\n")
    (tmp_path / "data.json").write_text('{"b": [1, 2], "a": "x"}')
    (tmp_path / "data.xml").write_text("<root><item id='1'>alpha</item></root>")
    (tmp_path / "conf.yaml").write_text("name: demo\nitems:\n  - one\n")
    (tmp_path / "readme.md").write_text("# Title\n\nSome *markdown*.\n")
    assert extract(runner, tmp_path / "tool.py").markdown.startswith("```python\ndef main():")
    assert '"b": [\n    1,' in extract(runner, tmp_path / "data.json").markdown
    xml = extract(runner, tmp_path / "data.xml").markdown
    assert xml.startswith("```xml") and '<item id="1">alpha</item>' in xml
    assert "```yaml\nname: demo" in extract(runner, tmp_path / "conf.yaml").markdown
    assert extract(runner, tmp_path / "readme.md").markdown == "# Title\n\nSome *markdown*.\n"


def test_notebook_cells_in_order(runner: ExtractionRunner, tmp_path: Path) -> None:
    notebook = {
        "cells": [
            {"cell_type": "markdown", "source": ["# Analysis\n", "Load the data."]},
            {"cell_type": "code", "source": "print(6 * 7)", "outputs": [
                {"output_type": "stream", "name": "stdout", "text": ["42\n"]}]},
        ],
        "metadata": {"language_info": {"name": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }  # fmt: skip
    path = tmp_path / "analysis.ipynb"
    path.write_text(json.dumps(notebook))
    md = extract(runner, path).markdown
    assert md.index("# Analysis") < md.index("```python\nprint(6 * 7)")
    assert "42" in md.split("Output:")[1]


def test_type_comes_from_content_not_the_name(runner: ExtractionRunner, tmp_path: Path) -> None:
    real_pdf = docgen.pdf(tmp_path / "x.pdf", ["Hidden in a misnamed file."])
    misnamed = tmp_path / "holiday-photo.jpg"
    misnamed.write_bytes(real_pdf.read_bytes())
    result = extract(runner, misnamed)
    assert result.kind == "pdf" and "Hidden in a misnamed file." in result.markdown


def test_plain_text_rendering_of_markdown() -> None:
    md = "# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nSee [docs](https://x.org).\n"
    assert to_plain_text(md) == "Title\n\na\tb\n1\t2\n\nSee docs (https://x.org).\n"
