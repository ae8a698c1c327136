"""Committed real-world samples (tests/fixtures/docs): the same survey written by pandoc (DOCX,
ODT, EPUB, HTML, RTF, PPTX) and Ghostscript (PDF), plus a PNG. Other writers than the ones our
generated tests use, so their quirks (pandoc's styles, Ghostscript's fonts) are covered."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.extract import Extraction, ExtractionRunner, Failure, FailureKind, detect_type


@pytest.fixture(scope="module")
def docs_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "fixtures" / "docs"


@pytest.fixture(scope="module")
def runner() -> Iterator[ExtractionRunner]:
    sandbox = ExtractionRunner(timeout=90)
    yield sandbox
    sandbox.close()


@pytest.mark.parametrize("suffix", ["docx", "odt", "epub", "html", "rtf", "pptx"])
def test_pandoc_samples_keep_text_and_table(
    runner: ExtractionRunner, docs_dir: Path, suffix: str
) -> None:
    path = docs_dir / f"sample-pandoc.{suffix}"
    result = runner.run(path, detect_type(path))
    assert isinstance(result, Extraction), result
    md = result.markdown
    assert "Engineers from Zürich and Montréal examined every cable" in md
    assert "| Main arch | 503 | fair |" in md
    assert "replace the expansion joints" in md
    assert md.index("repaint the main arch") < md.index("meet again in October")


def test_ghostscript_pdf_pages_in_order(runner: ExtractionRunner, docs_dir: Path) -> None:
    path = docs_dir / "sample-ghostscript.pdf"
    result = runner.run(path, detect_type(path))
    assert isinstance(result, Extraction)
    assert result.units == 2
    md = result.markdown
    assert md.index("page one") < md.index("<!-- Page 2 of 2 -->") < md.index("503 metres long")


def test_png_sample_has_no_text(runner: ExtractionRunner, docs_dir: Path) -> None:
    path = docs_dir / "sample-photo.png"
    result = runner.run(path, detect_type(path))
    assert isinstance(result, Failure) and result.kind is FailureKind.NO_TEXT
