"""What a Word document says outside its body: headers, footers, footnotes, endnotes and
comments, as one clearly marked section after the body (so a reader never mistakes a running
header or a reviewer's comment for the text itself).

Headers and footers come from python-docx (each distinct one once); footnotes, endnotes and
comments are read from their parts with the same entity-refusing XML parser as everything else.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

from desktop_app.core.extract.markdown import clean_inline
from desktop_app.core.extract.result import Limits
from desktop_app.core.extract.safety import check_zip, parse_xml, read_member

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HEADING = "## Headers, footers, notes and comments"


def margins(document: Any, path: Path, limits: Limits) -> str:
    """The section's Markdown, or "" when the document has none of these."""
    parts: list[str] = []
    for title, texts in (
        ("Headers", _running(document, "header")),
        ("Footers", _running(document, "footer")),
    ):
        if texts:
            parts.append(f"### {title}\n\n" + "\n\n".join(texts))
    with check_zip(path, limits) as archive:
        names = set(archive.namelist())
        for title, part, tag in (
            ("Footnotes", "word/footnotes.xml", "footnote"),
            ("Endnotes", "word/endnotes.xml", "endnote"),
        ):
            notes = _notes(archive, part, tag, limits) if part in names else []
            if notes:
                parts.append(f"### {title}\n\n" + "\n".join(f"{n}. {t}" for n, t in notes))
        if "word/comments.xml" in names:
            comments = _comments(archive, limits)
            if comments:
                parts.append("### Comments\n\n" + "\n".join(comments))
    return f"{HEADING}\n\n" + "\n\n".join(parts) if parts else ""


def _running(document: Any, kind: str) -> list[str]:
    """Distinct header (or footer) texts across sections, first-page and even-page variants."""
    seen: dict[str, None] = {}
    for section in document.sections:
        for attribute in (kind, f"first_page_{kind}", f"even_page_{kind}"):
            part = getattr(section, attribute, None)
            if part is None or part.is_linked_to_previous:
                continue
            text = "\n".join(t for p in part.paragraphs if (t := clean_inline(p.text)))
            if text:
                seen.setdefault(text, None)
    return list(seen)


def _notes(archive: zipfile.ZipFile, part: str, tag: str, limits: Limits) -> list[tuple[str, str]]:
    root = parse_xml(read_member(archive, part, limits), part)
    notes: list[tuple[str, str]] = []
    for note in root.iter(f"{_W}{tag}"):
        if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        text = _text(note)
        if text:
            notes.append((note.get(f"{_W}id") or str(len(notes) + 1), text))
    return notes


def _comments(archive: zipfile.ZipFile, limits: Limits) -> list[str]:
    root = parse_xml(read_member(archive, "word/comments.xml", limits), "word/comments.xml")
    out: list[str] = []
    for comment in root.iter(f"{_W}comment"):
        text = _text(comment)
        if text:
            author = comment.get(f"{_W}author") or "someone"
            out.append(f"- {author}: {text}")
    return out


def _text(element: Element) -> str:
    paragraphs = []
    for paragraph in element.iter(f"{_W}p"):
        runs = "".join(t.text or "" for t in paragraph.iter(f"{_W}t"))
        if runs.strip():
            paragraphs.append(clean_inline(runs))
    return " ".join(paragraphs)
