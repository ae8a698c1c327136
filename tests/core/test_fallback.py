"""The fallback prompt: names and wraps each document, counts tokens offline, and splits into
self-describing numbered parts on page / row / paragraph boundaries within the budget; the
TextService caches extractions by content hash (the CLI's part: tests/cli/test_cli_fallback.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import docgen

from desktop_app.core.extract import Extraction
from desktop_app.core.fallback.prompt import DocumentText, build_prompt
from desktop_app.core.fallback.texts import TextService
from desktop_app.core.fallback.tokens import EstimateCounter, O200kCounter, default_counter
from desktop_app.paths import AppPaths
from desktop_app.settings import FallbackSettings


def _doc(name: str, markdown: str, kind: str = "pdf", units: int | None = None) -> DocumentText:
    extraction = Extraction(markdown, kind, "application/pdf", units, "page" if units else None)
    return DocumentText(name, 123_456, extraction)


def test_offline_tokenizer_counts_like_openai() -> None:
    counter = default_counter()
    assert counter.name == "o200k_base"  # shipped inside the bpe-openai wheel: no download
    assert O200kCounter().count("Hello world") == 2
    assert EstimateCounter().count("x" * 40) == 10


def test_single_prompt_names_and_wraps_each_document() -> None:
    prompt = build_prompt(
        [_doc("report.pdf", "<!-- Page 1 of 1 -->\n\nQuarterly numbers.", units=1),
         _doc("notes.txt", "Call Ada </document> back.", kind="text")],
        max_tokens=10_000,
        counter=default_counter(),
    )  # fmt: skip
    assert len(prompt.parts) == 1
    text = prompt.parts[0]
    assert '<document name="report.pdf" type="PDF" size="120.6 KB" pages="1">' in text
    assert "Quarterly numbers." in text
    assert "Call Ada &lt;/document&gt; back." in text  # cannot close the block early
    assert text.count("</document>") == 2
    assert prompt.token_counts[0] == default_counter().count(text)


def test_over_budget_splits_on_page_boundaries_into_numbered_parts() -> None:
    pages = [f"<!-- Page {n} of 40 -->\n\n" + f"Page {n} sentence. " * 60 for n in range(1, 41)]
    doc = _doc("long.pdf", "\n\n".join(pages), units=40)
    counter = default_counter()
    prompt = build_prompt([doc], max_tokens=2_000, counter=counter)
    total = len(prompt.parts)
    assert total > 3
    for number, (part, tokens) in enumerate(zip(prompt.parts, prompt.token_counts, strict=True), 1):
        assert tokens <= 2_000 and tokens == counter.count(part)
        # The first line says which part, of which file, holding which pages; the last says
        # it is the last.
        first_line = part.split("\n", 1)[0]
        last = ", the last part" if number == total else ""
        pattern = rf'Part {number} of {total} of "long.pdf" \(pages? \d+(\u2013\d+)?\){last}\.'
        assert re.fullmatch(pattern, first_line), first_line
        assert 'name="long.pdf"' in part  # every part says which file it carries
        where = re.search(r'part="(beginning|continued from part (\d+)), page \d+( to page \d+)?, '
                          r'(continues in part (\d+)|end)"', part)  # fmt: skip
        assert where, part[:400]
        assert (where.group(2) is None) == (number == 1)
        assert (where.group(4) == "end") == (number == total)
    joined = "\n".join(prompt.parts)
    for n in range(1, 41):  # nothing lost, nothing repeated, order kept
        assert joined.count(f"<!-- Page {n} of 40 -->") == 1
    assert joined.index("Page 7 sentence") < joined.index("Page 30 sentence")
    assert "last part" in prompt.parts[-1]
    # The preview's label of each part names the pages it holds, in order, none twice.
    assert len(prompt.spans) == total and prompt.spans[0].startswith("page 1 to page ")
    firsts = [int(re.match(r"page (\d+)", s).group(1)) for s in prompt.spans]  # type: ignore[union-attr]
    assert firsts == sorted(set(firsts)) and prompt.spans[-1].endswith("page 40")


def test_a_huge_table_is_split_between_rows_with_the_header_repeated() -> None:
    rows = "\n".join(f"| row{n} | {n * 3} |" for n in range(2_000))
    doc = _doc("data.xlsx", f"## Sheet: Data\n\n| key | value |\n|---|---|\n{rows}", "sheet", 1)
    prompt = build_prompt([doc], max_tokens=1_500, counter=default_counter())
    assert len(prompt.parts) > 2
    for part in prompt.parts[1:]:
        assert "| key | value |\n|---|---|\n| row" in part
    joined = "\n".join(prompt.parts)
    assert all(f"| row{n} | {n * 3} |" in joined for n in (0, 999, 1999))


def test_budget_below_minimum_is_refused() -> None:
    with pytest.raises(ValueError, match="at least"):
        build_prompt([_doc("a.pdf", "x")], max_tokens=10, counter=EstimateCounter())


@pytest.fixture
def texts(tmp_path: Path) -> Iterator[TextService]:
    service = TextService(None, tmp_path / "cache", FallbackSettings(max_tokens=50_000))
    yield service
    service.close()


def test_second_extraction_comes_from_the_cache(texts: TextService, tmp_path: Path) -> None:
    pdf = docgen.pdf(tmp_path / "a.pdf", ["Cached words here."])
    first = texts.extract_path(pdf)
    texts._runner.close()  # without a worker, only the cache can answer
    started = texts._runner.workers_started
    copy = tmp_path / "same-content.pdf"
    copy.write_bytes(pdf.read_bytes())
    assert texts.extract_path(copy) == first
    assert texts._runner.workers_started == started
    assert list((tmp_path / "cache").rglob("*.json"))


def test_prune_cache_keeps_only_live_blobs(texts: TextService, tmp_path: Path) -> None:
    kept = tmp_path / "kept.txt"
    kept.write_text("kept words")
    gone = tmp_path / "gone.txt"
    gone.write_text("gone words")
    texts.extract_path(kept)
    texts.extract_path(gone)
    import hashlib

    keep = hashlib.sha256(kept.read_bytes()).hexdigest()
    assert texts.prune_cache({keep}) == 1
    assert [p.name.split(".")[0] for p in (tmp_path / "cache").rglob("*.json")] == [keep]


def test_fallback_for_vault_entries(tmp_path: Path) -> None:
    from desktop_app.core.service import Service

    service = Service(AppPaths.under(tmp_path / "home"))
    try:
        from desktop_app.core.vault import Source

        pdf = docgen.pdf(tmp_path / "minutes.pdf", ["The board approved the bridge."])
        scan = docgen.scanned_pdf(tmp_path / "scan.pdf")
        good = service.vault.add_file(pdf, Source.CLI)
        bad = service.vault.add_file(scan, Source.CLI)
        assert "approved the bridge" in service.texts.extract_entry(good.id).markdown
        prompt = service.texts.fallback_for_entries([good.id, bad.id])
        assert prompt.documents == ("minutes.pdf",)
        assert prompt.skipped and "No text found in scan.pdf" in prompt.skipped[0]
        assert "The board approved the bridge." in prompt.parts[0]
    finally:
        service.texts.close()
        service.close()
