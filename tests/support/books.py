"""A printed book's pages, for the text-cleaning tests and benchmarks/fallback.py: a dotted table
of contents, a running header and a page number on every page, and body lines wrapped at a fixed
width where long words are hyphenated across the line break (as a typesetter does), while real
compounds ("well-known") that fall at a line end are broken after their own hyphen.

:func:`book_pages` returns the pages (for ``docgen.pdf``, which keeps lines under 90 characters
as they are) and the text a reader sees, without the printing artefacts: the words a prompt
should keep.
"""

from __future__ import annotations

from collections.abc import Sequence

WIDTH = 78
HEADER = "Northwind Field Handbook - internal edition"


def book_pages(
    chapters: Sequence[tuple[str, Sequence[str]]], *, lines_per_page: int = 40
) -> tuple[list[str], str]:
    """(pages, the book's words as plain text). ``chapters``: (title, paragraphs)."""
    body_pages: list[list[str]] = []
    starts: list[int] = []
    for title, paragraphs in chapters:
        starts.append(len(body_pages))
        lines = [title.upper(), ""]
        for paragraph in paragraphs:
            lines.extend(wrap_hyphenated(paragraph, WIDTH))
            lines.append("")
        for at in range(0, len(lines), lines_per_page):
            body_pages.append(lines[at : at + lines_per_page])
    total = len(body_pages) + 1
    contents = ["Contents", ""]
    for (title, _), start in zip(chapters, starts, strict=True):
        entry = f"{title} "
        number = str(start + 2)
        contents.append(entry + "." * (WIDTH - len(entry) - len(number) - 1) + " " + number)
    pages = ["\n".join(contents)]
    for index, lines in enumerate(body_pages, start=2):
        pages.append("\n".join([HEADER, "", *lines, "", f"Page {index} of {total}"]))
    known = "\n".join(
        [HEADER, "Contents", *(t for t, _ in chapters)]
        + [p for _, paragraphs in chapters for p in paragraphs]
    )
    return pages, known


def wrap_hyphenated(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` characters; a long word at a line end is cut with a hyphen."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= width:
            current = candidate
            continue
        room = width - len(current) - (2 if current else 1)
        cut = _cut(word, room)
        if cut:
            left, right = cut
            lines.append(f"{current} {left}" if current else left)
            current = right
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def _cut(word: str, room: int) -> tuple[str, str] | None:
    """Where to break ``word`` so its first half (with the hyphen) fits in ``room``."""
    if "-" in word:  # a real compound breaks after its own hyphen
        left, _, right = word.partition("-")
        return (left + "-", right) if len(left) + 1 <= room and right else None
    if len(word) < 8 or not word.isalpha() or room < 4:
        return None
    at = min(room - 1, len(word) - 3)
    return (word[:at] + "-", word[at:]) if at >= 3 else None
