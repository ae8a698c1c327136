"""Cleaner fallback text, on real documents made here: a printed book's PDF loses its dot
leaders, repeated running header and page numbers, and has its hyphenated line breaks joined,
while real compounds keep their hyphen, every word of the book stays, and tables stay tables."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import docgen
from support.books import HEADER, book_pages

from desktop_app.core.fallback import TextService
from desktop_app.core.fallback.clean import clean_markdown
from desktop_app.settings import FallbackSettings

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

SENTENCES = [
    "The documentation explains every well-known procedure of the department.",
    "Volunteers receive a self-contained orientation before their first assignment.",
    "Measurements of groundwater are recorded immediately with calibrated instruments.",
    "Quarterly summaries accompany the spreadsheet attachments for headquarters.",
    "Authorization for vehicles is requested through the regional coordinator.",
    "Contamination incidents require a written notification within two days.",
    "Everyone double-checks the inventory against the warehouse registry weekly.",
]


def _paragraph(seed: int, count: int) -> str:
    return " ".join(SENTENCES[(seed + k * 3) % len(SENTENCES)] for k in range(count))


CHAPTERS = [
    ("Getting started", [_paragraph(0, 9), _paragraph(1, 7)]),
    ("Field work", [_paragraph(2, 11), _paragraph(4, 6)]),
    ("Reporting", [_paragraph(5, 10)]),
]


@pytest.fixture
def texts(tmp_path: Path) -> Iterator[TextService]:
    service = TextService(None, tmp_path / "cache", FallbackSettings())
    yield service
    service.close()


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def test_a_printed_books_pdf_loses_its_print_artefacts_and_keeps_every_word(
    texts: TextService, tmp_path: Path
) -> None:
    pages, known = book_pages(CHAPTERS, lines_per_page=18)
    pdf = docgen.pdf(tmp_path / "handbook.pdf", pages)
    raw = texts.extract_path(pdf).markdown
    assert raw.count(HEADER) == len(pages) - 1 >= 4 and "......" in raw
    # Words cut at a line end (compounds too), or at a page end: "Con-" ... "tamination".
    cut = re.findall(r"(\w+)-\n(?:Page.*\n\n<!--.*\n\n.*\n)?([a-z]\w*)", raw)
    assert len(cut) > 5

    prompt = texts.fallback_for_paths([pdf], preset="api")
    (text,) = prompt.parts
    # The table of contents reads "Field work … 4" instead of a line of dots.
    assert "......" not in text
    assert re.search(r"Field work … \d+\n", text)
    # The running header is said once, the "Page n of N" footers are gone.
    assert text.count(HEADER) == 1
    assert not re.search(r"^Page \d+ of \d+$", text, re.MULTILINE)
    # Words cut at line ends are whole again; compounds keep their hyphen.
    for left, right in cut:
        compound = f"{left}-{right}" in known
        assert (f"{left}-{right}" if compound else left + right) in text
    assert not re.search(r"[a-z]-\n[a-z]", text)
    assert "well-known" in text and "self-contained" in text
    # Every word of the book is still there (recall 100 %), and the page markers too.
    missing = _words(known) - _words(text)
    assert not missing, sorted(missing)[:20]
    assert len(re.findall(r"<!-- Page \d+ of \d+ -->", text)) == len(pages)
    assert len(text) < len(raw)


def test_a_cut_word_is_joined_but_a_compound_keeps_its_hyphen() -> None:
    page = (
        "<!-- Page 1 of 1 -->\n\nA docu-\nment of the well-\nknown kind, a com-\nmand-\nline "
        "tool.\nAnglo-\nSaxon and COVID-\n19 stay as written. The command-line way."
    )
    cleaned = clean_markdown(page)
    assert "A document of the well-known kind, a command-line tool." in cleaned
    assert "Anglo-\nSaxon" in cleaned and "COVID-\n19" in cleaned


def test_tables_and_code_are_left_as_they_are() -> None:
    markdown = (
        "<!-- Page 1 of 1 -->\n\n| item | note |\n|---|---|\n| 12 | docu- |\n| 13 | ..... 4 |"
        "\n\n```\nrun-\nner ........ 5\n```\n"
    )
    assert clean_markdown(markdown) == markdown


def test_csv_and_spreadsheet_text_is_unchanged(texts: TextService, tmp_path: Path) -> None:
    csv = tmp_path / "figures.csv"
    csv.write_text("region,total\nnorth-\n,12\nsouth,.......\n", encoding="utf-8")
    xlsx = docgen.xlsx(tmp_path / "book.xlsx", {"Q3": [["code", "value"], ["well-", "1"]] * 3})
    for path in (csv, xlsx):
        extraction = texts.extract_path(path)
        prompt = texts.fallback_for_paths([path], preset="api")
        assert extraction.markdown.strip() in prompt.parts[0]
