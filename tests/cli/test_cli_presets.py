"""``attachguard fallback --for/--max-tokens/--pages/--sheet``: sizes that fit where the text
goes, a chosen part of a document, and one clear line for a bad choice."""

from __future__ import annotations

import json
from pathlib import Path

from support import docgen
from support.cli import run

from desktop_app.cli.extract_cmds import PRESET_HELP
from desktop_app.core.fallback import presets


def _long_pdf(tmp_path: Path) -> Path:
    body = [
        f"Section {n}. " + " ".join(f"Clause {n}.{k} sets the term number {k}." for k in range(60))
        for n in range(1, 31)
    ]
    return docgen.pdf(tmp_path / "contract.pdf", body)


def test_help_lists_every_preset_with_its_size() -> None:
    assert [(p.name, p.part_tokens) for p in presets()] == [(n, s) for n, s, _ in PRESET_HELP]


def test_for_chat_by_default_and_for_api(tmp_path: Path) -> None:
    pdf = _long_pdf(tmp_path)
    home = tmp_path / "home"
    chat = run(home, "fallback", pdf, "--json")
    api = run(home, "fallback", pdf, "--for", "API", "--json")
    assert chat.returncode == 0 and api.returncode == 0, chat.stderr + api.stderr
    chat_parts = json.loads(chat.stdout)["parts"]
    api_parts = json.loads(api.stdout)["parts"]
    assert len(api_parts) == 1 and len(chat_parts) >= 2
    assert all(p["tokens"] <= 12_000 for p in chat_parts)
    assert chat_parts[0]["holds"].startswith("page 1 to page ")
    assert chat_parts[0]["text"].startswith(f'Part 1 of {len(chat_parts)} of "contract.pdf"')
    local = run(home, "fallback", pdf, "--for", "local", "--max-tokens", "50000", "--json")
    assert len(json.loads(local.stdout)["parts"]) == 1  # --max-tokens wins over the preset


def test_pages_and_sheet(tmp_path: Path) -> None:
    pdf = _long_pdf(tmp_path)
    home = tmp_path / "home"
    done = run(home, "fallback", pdf, "--pages", "3-4", "--for", "api")
    assert done.returncode == 0, done.stderr
    assert "Section 3." in done.stdout and "Section 4." in done.stdout
    assert "Section 5." not in done.stdout
    book = docgen.xlsx(tmp_path / "book.xlsx", {"Q2": [["a"], ["pens"]], "Q3": [["a"], ["ink"]]})
    sheet = run(home, "fallback", book, "--sheet", "q3")
    assert sheet.returncode == 0, sheet.stderr
    assert "ink" in sheet.stdout and "pens" not in sheet.stdout


def test_bad_choices_are_one_line_each(tmp_path: Path) -> None:
    pdf = _long_pdf(tmp_path)
    book = docgen.xlsx(tmp_path / "book.xlsx", {"Q2": [["a"], ["pens"]]})
    home = tmp_path / "home"
    cases = [
        (("--for", "telegram"), 2, "invalid choice: 'telegram'"),
        (("--pages", "9-2"), 2, "9-2 runs backwards: write 2-9"),
        (("--pages", "two"), 2, "'two' is not a page or a range like 3-10"),
        (("--pages", "50-60"), 1, "contract.pdf has 30 pages; pages 50\u201360 are not in it."),
    ]
    for options, code, message in cases:
        done = run(home, "fallback", pdf, *options)
        assert done.returncode == code and message in done.stderr, (options, done.stderr)
        assert "Traceback" not in done.stderr and not done.stdout
    sheet = run(home, "fallback", book, "--sheet", "Q9")
    assert sheet.returncode == 1 and "Traceback" not in sheet.stderr
    assert sheet.stderr.strip().endswith("book.xlsx has no sheet 'Q9'; its sheets are 'Q2'.")
    assert len(sheet.stderr.strip().splitlines()) == 1
