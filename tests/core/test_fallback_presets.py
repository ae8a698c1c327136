"""Size presets and page/slide/sheet selection of the fallback prompt, on real documents:
defaults (chat: 12k tokens a part), the settings that size them, and one clear sentence for
every bad choice."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from support import docgen

from desktop_app.core.errors import ExtractionError
from desktop_app.core.fallback import PageSelection, TextService, presets
from desktop_app.core.fallback.presets import preset_names
from desktop_app.settings import FALLBACK_PRESETS, FallbackSettings, load_settings


@pytest.fixture
def texts(tmp_path: Path) -> Iterator[TextService]:
    service = TextService(None, tmp_path / "cache", FallbackSettings())
    yield service
    service.close()


def _long_pdf(tmp_path: Path, pages: int = 30) -> Path:
    body = [
        f"Section {n}. " + " ".join(f"Clause {n}.{k} sets the term number {k}." for k in range(60))
        for n in range(1, pages + 1)
    ]
    return docgen.pdf(tmp_path / "contract.pdf", body)


def test_default_presets_and_their_sizes() -> None:
    listed = {p.name: p for p in presets()}
    assert list(listed)[:2] == ["chat", "api"]
    assert listed["chat"].part_tokens == 12_000 and listed["api"].part_tokens == 100_000
    assert set(listed) == set(FALLBACK_PRESETS) == set(preset_names())
    assert all(p.label and p.description and p.part_tokens >= 500 for p in listed.values())
    assert listed["local"].part_tokens < listed["chat"].part_tokens < listed["api"].part_tokens


def test_chat_is_the_default_and_splits_what_api_keeps_whole(
    texts: TextService, tmp_path: Path
) -> None:
    pdf = _long_pdf(tmp_path)
    chat = texts.fallback_for_paths([pdf])  # no preset: the settings' default, "chat"
    api = texts.fallback_for_paths([pdf], preset="api")
    assert len(api.parts) == 1 and api.total_tokens > 12_000
    assert len(chat.parts) >= 2 and max(chat.token_counts) <= 12_000
    assert chat.parts[-1].split("\n", 1)[0].endswith(", the last part.")
    assert (
        chat.parts[0].startswith("Part 1 of ") and '"contract.pdf" (pages 1\u2013' in chat.parts[0]
    )
    assert texts.fallback_for_paths([pdf], preset="api", max_tokens=5_000).token_counts[0] <= 5_000


def test_settings_size_the_presets_and_a_bad_preset_is_named(tmp_path: Path) -> None:
    file = tmp_path / "settings.toml"
    file.write_text('[fallback]\nchat_part_tokens = 4000\npreset = "Gemini"\n', encoding="utf-8")
    loaded = load_settings(file)
    assert not loaded.problems and loaded.settings.fallback.preset == "gemini"
    assert {p.name: p.part_tokens for p in presets(loaded.settings.fallback)}["chat"] == 4000
    file.write_text('[fallback]\nchat_part_tokens = 10\npreset = "gpt9"\n', encoding="utf-8")
    loaded = load_settings(file)
    problems = " ".join(str(p) for p in loaded.problems)
    assert "fallback.chat_part_tokens: must be between 500" in problems
    assert "'gpt9' is not one of chat, api, claude, gemini, local; using 'chat'" in problems
    assert loaded.settings.fallback.preset == "chat"
    # Below the range takes the default, not the minimum: 500-token parts would be useless.
    assert loaded.settings.fallback.chat_part_tokens == 12_000


def test_an_unknown_preset_is_one_sentence(texts: TextService, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("hello", encoding="utf-8")
    with pytest.raises(ExtractionError, match=r"^There is no size preset 'big'; choose one of"):
        texts.fallback_for_paths([note], preset="big")


@pytest.mark.parametrize(
    ("text", "inside", "outside"),
    [("3-10,12", [3, 10, 12], [2, 11, 13]), ("5-", [5, 900], [4]), (" pages 7 ", [7], [6, 8])],
)
def test_page_selection_parses_what_people_type(
    text: str, inside: list[int], outside: list[int]
) -> None:
    chosen = PageSelection.parse(text)
    assert all(n in chosen for n in inside) and not any(n in chosen for n in outside)


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "no pages given"), ("3-x", "'3-x' is not a page or a range"),
     ("0-2", "page numbers start at 1"), ("10-3", "10-3 runs backwards: write 3-10")],
)  # fmt: skip
def test_bad_page_selection_is_one_sentence(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        PageSelection.parse(text)


def test_pages_of_a_pdf(texts: TextService, tmp_path: Path) -> None:
    pdf = _long_pdf(tmp_path, pages=12)
    prompt = texts.fallback_for_paths([pdf], pages=PageSelection.parse("3-4,12"), preset="api")
    (text,) = prompt.parts
    assert "Section 3." in text and "Section 4." in text and "Section 12." in text
    assert "Section 5." not in text and "Section 1." not in text
    assert 'pages="12" only="pages 3\u20134, 12"' in text
    with pytest.raises(ExtractionError, match=r"contract.pdf has 12 pages; pages 20\u201330 are"):
        texts.fallback_for_paths([pdf], pages=PageSelection.parse("20-30"))
    (tmp_path / "one").mkdir()
    one = _long_pdf(tmp_path / "one", pages=1)
    with pytest.raises(ExtractionError, match=r"contract.pdf has 1 page; page 2 is not in it"):
        texts.fallback_for_paths([one], pages=PageSelection.parse("2"))


def test_slides_of_a_presentation(texts: TextService, tmp_path: Path) -> None:
    deck = docgen.pptx(
        tmp_path / "deck.pptx",
        [(f"Title {n}", [f"Point of slide {n}"], f"Notes for slide {n}") for n in range(1, 6)],
    )
    (text,) = texts.fallback_for_paths([deck], pages=PageSelection.parse("2,4")).parts
    assert "Point of slide 2" in text and "Notes for slide 4" in text
    assert "Point of slide 1" not in text and "slide 3" not in text


def test_one_sheet_of_a_workbook_any_case(texts: TextService, tmp_path: Path) -> None:
    book = docgen.xlsx(
        tmp_path / "book.xlsx",
        {"Q2": [["item", "total"], ["pens", 4]], "Q3": [["item", "total"], ["ink", 9]]},
    )
    (text,) = texts.fallback_for_paths([book], sheet="q3").parts
    assert "| ink | 9 |" in text and "pens" not in text and 'only="sheet Q3"' in text
    with pytest.raises(
        ExtractionError, match=r"book.xlsx has no sheet 'Q5'; its sheets are 'Q2', 'Q3'"
    ):
        texts.fallback_for_paths([book], sheet="Q5")
    csv = tmp_path / "sales.csv"
    csv.write_text("a,b\n1,2\n", encoding="utf-8")
    assert "| 1 | 2 |" in texts.fallback_for_paths([csv], sheet="Sales").parts[0]
    with pytest.raises(ExtractionError, match=r"sales.csv has one sheet, 'sales'"):
        texts.fallback_for_paths([csv], sheet="Q3")


def test_a_selection_that_does_not_fit_the_document_says_so(
    texts: TextService, tmp_path: Path
) -> None:
    doc = docgen.docx(tmp_path / "memo.docx", paragraphs=["Memo text."])
    with pytest.raises(ExtractionError, match=r"memo\.docx has no pages to choose from"):
        texts.fallback_for_paths([doc], pages=PageSelection.parse("1"))
    with pytest.raises(ExtractionError, match=r"memo\.docx has no sheets"):
        texts.fallback_for_paths([doc], sheet="Q3")
