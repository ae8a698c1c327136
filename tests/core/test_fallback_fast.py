"""The fast fallback path pastes exactly what the plain one did: cleaning with its shortcuts,
the cleaned text kept on disk and in memory, and the prompts kept in memory give byte-identical
prompts (parts, token counts, spans) to the reference (``support.reference_fallback``: the
cleaning and prompt code as they were before they were made fast) on real documents, several
budgets and selections; and a cached cleaned text is never used for a text it was not made from.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import docgen, reference_fallback
from support.books import book_pages

from desktop_app.core.extract import Extraction
from desktop_app.core.fallback import DocumentText, PageSelection, TextService, default_counter
from desktop_app.core.fallback.clean import clean_markdown
from desktop_app.core.fallback.selection import select_pages, select_sheet
from desktop_app.settings import FallbackSettings

SENTENCES = [
    "The documentation explains every well-known procedure of the department.",
    "Volunteers receive a self-contained orientation before their first assignment.",
    "Measurements of groundwater are recorded immediately with calibrated instruments.",
    "Quarterly summaries accompany the spreadsheet attachments for headquarters.",
    "Authorization for vehicles is requested through the regional coordinator, see ch. xii.",
    # Greek capitals (a final sigma when lowered), dotted and dotless i, sharp s.
    "\u039f \u03a6\u039f\u03a1\u039f\u03a3' \u0130zmir \u0131 stra\u00dfe na\u00efve caf\u00e9.",
]
BUDGETS = (500, 2_000, 12_000, 100_000)


def _paragraph(seed: int, count: int) -> str:
    return " ".join(SENTENCES[(seed + k * 5) % len(SENTENCES)] for k in range(count))


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("docs")
    chapters = [(f"Chapter {n}", [_paragraph(n, 8), _paragraph(n + 2, 6)]) for n in range(12)]
    pages, _ = book_pages(chapters, lines_per_page=20)
    rows = [["id", "text", "value"]] + [[i, _paragraph(i, 1), i * 3] for i in range(400)]
    slides = [(f"Slide {i}", [_paragraph(i, 2)], _paragraph(i + 1, 1)) for i in range(30)]
    return {
        "book": docgen.pdf(root / "handbook.pdf", pages),
        "sheet": docgen.xlsx(root / "data.xlsx", {"Data": rows, "Summary": rows[:30]}),
        "deck": docgen.pptx(root / "deck.pptx", slides),
        "notes": docgen.docx(root / "notes.docx", title="Notes", paragraphs=[
            _paragraph(i, 12) for i in range(40)]),
    }  # fmt: skip


@pytest.fixture
def texts(tmp_path: Path) -> Iterator[TextService]:
    service = TextService(None, tmp_path / "cache", FallbackSettings())
    yield service
    service.close()


def _reference(
    texts: TextService,
    paths: list[Path],
    budget: int,
    pages: PageSelection | None = None,
    sheet: str | None = None,
) -> object:
    """The prompt as the plain path makes it: clean, select, build, nothing kept."""
    docs = []
    for path in paths:
        raw = texts.extract_path(path)
        extraction = reference_fallback.clean_extraction(raw)
        chosen = []
        if pages is not None:
            extraction = select_pages(extraction, path.name, pages)
            chosen.append(pages.describe(extraction.unit_name or "page"))
        if sheet is not None:
            extraction, name = select_sheet(extraction, path.name, sheet)
            chosen.append(f"sheet {name}")
        size = path.stat().st_size
        docs.append(DocumentText(path.name, size, extraction, selection=", ".join(chosen)))
    return reference_fallback.build_prompt(docs, max_tokens=budget, counter=default_counter())


def test_every_document_and_budget_gives_the_reference_prompt_byte_for_byte(
    texts: TextService, documents: dict[str, Path], tmp_path: Path
) -> None:
    """As a user switches sizes in the preview: cleaned now, from memory, after a restart."""
    restarted = TextService(None, tmp_path / "cache", FallbackSettings())
    try:
        for path in documents.values():
            for budget in BUDGETS:
                expected = _reference(texts, [path], budget)
                assert texts.fallback_for_paths([path], max_tokens=budget) == expected
                assert texts.fallback_for_paths([path], max_tokens=budget) == expected
                # A new process finds the cleaned text in the cache folder.
                assert restarted.fallback_for_paths([path], max_tokens=budget) == expected
        everything = list(documents.values())
        for budget in BUDGETS:
            expected = _reference(texts, everything, budget)
            assert texts.fallback_for_paths(everything, max_tokens=budget) == expected
            assert len(expected.parts) > 1 or budget == BUDGETS[-1]  # type: ignore[attr-defined]
    finally:
        restarted.close()


def test_selections_give_the_reference_prompt(
    texts: TextService, documents: dict[str, Path]
) -> None:
    book, deck, sheet = documents["book"], documents["deck"], documents["sheet"]
    for selection in ("2-5", "1,7-", "3"):
        pages = PageSelection.parse(selection)
        for path in (book, deck):
            for budget in (2_000, 12_000):
                got = texts.fallback_for_paths([path], max_tokens=budget, pages=pages)
                assert got == _reference(texts, [path], budget, pages=pages), (path, selection)
    for name in ("summary", "Data"):
        got = texts.fallback_for_paths([sheet], max_tokens=2_000, sheet=name)
        assert got == _reference(texts, [sheet], 2_000, sheet=name)


def _messy_markdown(rng: random.Random, pages: int) -> str:
    """Pages full of what cleaning looks at: leaders (dots, ellipses, underscores, roman page
    numbers), cut and compound words at line and page ends, bare page numbers, running
    headers, tables, fenced code, lone dashes, and text that only looks like those."""
    words = ["docu", "ment", "well", "known", "self", "made", "Jean", "Paul", "COVID",
             "\u03a3\u039f\u03a6\u039f\u03a3", "na\u00efve", "\u0130zmir", "report",
             "figure", "xii", "mix", "cd", "1990", "\u0131"]  # fmt: skip
    out = []
    for page in range(1, pages + 1):
        lines = [f"<!-- Page {page} of {pages} -->", "", "Field Handbook 2024 · page " + str(page)]
        for _ in range(rng.randint(4, 16)):
            kind = rng.random()
            if kind < 0.15:
                lead = rng.choice([".", "…", "_", "·", ". ", "•"]) * rng.randint(2, 9)
                lines.append(f"{rng.choice(words)} {lead}{rng.choice(['12', 'xii', 'IV', 'x'])}")
            elif kind < 0.3:
                lines.append(" ".join(rng.choices(words, k=rng.randint(1, 9))) + "-")
            elif kind < 0.38:
                lines.append(rng.choice(["| a | b |", "|---|---|", "| docu- | ment |"]))
            elif kind < 0.42:
                lines.extend(["```", "code- ........ 5", "```"])
            elif kind < 0.47:
                lines.append(rng.choice(["12", "- 7 -", "Page 3 of 9", "xii", "", "  "]))
            else:
                lines.append(" ".join(rng.choices(words, k=rng.randint(1, 14))))
        lines.append(str(page))
        out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


def test_cleaning_with_shortcuts_matches_the_reference_on_messy_text() -> None:
    rng = random.Random(15)
    for pages in (1, 2, 3, 8, 40):
        for _ in range(10):
            text = _messy_markdown(rng, pages)
            assert clean_markdown(text) == reference_fallback.clean_markdown(text)


def test_a_cleaned_text_in_the_cache_is_used_only_for_the_text_it_was_made_from(
    tmp_path: Path,
) -> None:
    """A re-extraction (OCR turned on, say) changes the text: the old cleaned copy is not used,
    even by a service that kept it in memory."""
    cache = tmp_path / "cache"
    first = TextService(None, cache, FallbackSettings())
    source = tmp_path / "memo.txt"
    source.write_text("Old words\n\nThe docu-\nment.\n")
    try:
        assert "The document." in first.fallback_for_paths([source]).parts[0]
        (extracted,) = [p for p in cache.rglob("*.json") if ".clean" not in p.name]
        assert any(".clean" in p.name for p in cache.rglob("*.json"))
        changed = extracted.read_text("utf-8").replace("Old words", "New words")
        extracted.write_text(changed, "utf-8")
        for service in (first, TextService(None, cache, FallbackSettings())):
            prompt = service.fallback_for_paths([source]).parts[0]
            assert "New words" in prompt and "Old words" not in prompt
            assert "The document." in prompt
            service.close()
        # ...while for the same text, a new process takes the cleaned copy as it was kept.
        (cleaned,) = [p for p in cache.rglob("*.json") if ".clean" in p.name]
        data = json.loads(cleaned.read_text("utf-8"))
        cleaned.write_text(json.dumps({**data, "markdown": "Kept copy."}), "utf-8")
        again = TextService(None, cache, FallbackSettings())
        assert "Kept copy." in again.fallback_for_paths([source]).parts[0]
        again.close()
    finally:
        first.close()


def test_pruning_keeps_the_cleaned_text_of_live_documents(tmp_path: Path) -> None:
    import hashlib

    texts = TextService(None, tmp_path / "cache", FallbackSettings())
    try:
        kept, gone = tmp_path / "kept.txt", tmp_path / "gone.txt"
        kept.write_text("kept words")
        gone.write_text("gone words")
        texts.fallback_for_paths([kept, gone])
        assert len(list((tmp_path / "cache").rglob("*.json"))) == 4  # text + cleaned, each
        keep = hashlib.sha256(kept.read_bytes()).hexdigest()
        assert texts.prune_cache({keep}) == 2
        left = sorted(p.name for p in (tmp_path / "cache").rglob("*.json"))
        assert [name.split(".")[0] for name in left] == [keep, keep]
    finally:
        texts.close()


def test_a_plain_extraction_record_round_trips_the_reference() -> None:
    """Documents made in code (no file): the memo-free builder and the reference agree too."""
    from desktop_app.core.fallback import build_prompt

    rng = random.Random(7)
    markdown = _messy_markdown(rng, 30)
    extraction = Extraction(markdown, "pdf", "application/pdf", 30, "page")
    doc = [DocumentText("messy.pdf", 99_999, reference_fallback.clean_extraction(extraction))]
    for budget in BUDGETS:
        mine = build_prompt(doc, max_tokens=budget, counter=default_counter())
        ref = reference_fallback.build_prompt(doc, max_tokens=budget, counter=default_counter())
        assert mine == ref


def test_asking_whether_a_text_fits_gives_its_exact_count_or_none() -> None:
    """The single-part check stops counting early; at the limit it must still say 'fits'."""
    from desktop_app.core.fallback.tokens import EstimateCounter, O200kCounter, count_within

    text = _messy_markdown(random.Random(3), 5)
    for counter in (O200kCounter(), EstimateCounter()):
        tokens = counter.count(text)
        assert count_within(counter, text, tokens) == tokens
        assert count_within(counter, text, tokens + 1) == tokens
        assert count_within(counter, text, tokens - 1) is None
