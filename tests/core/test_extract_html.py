"""HTML to Markdown and content-first type detection, checked directly (no worker needed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import docgen

from desktop_app.core import filetypes
from desktop_app.core.extract import detect_type
from desktop_app.core.extract.html import html_to_markdown


def test_nested_lists_code_and_quotes() -> None:
    md = html_to_markdown(
        "<body><ol><li>first<ul><li>inner one</li><li>inner two</li></ul></li><li>second</li>"
        "</ol><pre><code>for x in y:\n    print(x)</code></pre>"
        "<blockquote><p>Quoted wisdom.</p></blockquote><p>A&nbsp;line<br>break &amp; more</p>"
        "</body>"
    )
    assert "1. first\n  - inner one\n  - inner two\n2. second" in md
    assert "```\nfor x in y:\n    print(x)\n```" in md
    assert "> Quoted wisdom." in md
    assert "A line\nbreak & more" in md


def test_article_focus_and_fallback_to_whole_page() -> None:
    page = "<nav>Site menu</nav><article><h2>Story</h2><p>Body text.</p></article><p>Ads</p>"
    md = html_to_markdown(page)
    assert "## Story" in md and "Body text." in md and "Ads" not in md
    assert "Only here" in html_to_markdown("<main></main><div>Only here</div>")


def test_table_cells_with_links_and_pipes() -> None:
    md = html_to_markdown(
        "<table><tr><th>Name</th><th>Site</th></tr><tr><td>A|B</td>"
        "<td><a href='https://a.example'>home</a></td></tr></table>"
    )
    assert "| Name | Site |" in md
    assert "| A\\|B | [home](https://a.example) |" in md


def test_scripts_and_javascript_links_do_not_leak() -> None:
    md = html_to_markdown(
        "<p>Click <a href='javascript:steal()'>here</a></p><script>var token='abc'</script>"
        "<style>.x{}</style><template><p>hidden</p></template>"
    )
    assert md.strip() == "Click here"


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("data.bin", b"a,b\n1,2\n", filetypes.TEXT),
        ("table.csv", b"a,b\n1,2\n", filetypes.CSV),
        ("log.jsonl", b'{"a": 1}\n{"a": 2}\n', filetypes.JSONL),
        ("script.py", b"print('hi')\n", "text/x-python"),
        ("page.txt", b"<!DOCTYPE html><html><body><p>x</p></body></html>", filetypes.HTML),
        ("mail.txt", b"From: a@b.c\nTo: d@e.f\nSubject: hi\n\nbody\n", filetypes.EMAIL),
        ("blob.bin", bytes(range(256)), filetypes.OCTET_STREAM),
    ],
)
def test_text_flavours(tmp_path: Path, name: str, content: bytes, expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert detect_type(path) == expected


def test_office_containers_by_content(tmp_path: Path) -> None:
    docx = docgen.docx(tmp_path / "a.docx", paragraphs=["x"])
    renamed = tmp_path / "report.pdf"
    renamed.write_bytes(docx.read_bytes())
    assert detect_type(renamed) == filetypes.DOCX
    xls = docgen.xls(tmp_path / "b.xls", {"S": [["x"]]})
    assert detect_type(xls, "export.dat") == filetypes.XLS
    locked = docgen.encrypted_ooxml(docx, tmp_path / "locked.docx")
    assert detect_type(locked) == filetypes.OOXML_ENCRYPTED
    assert detect_type(docgen.epub(tmp_path / "c.epub", "T", [("h", "p")])) == filetypes.EPUB
