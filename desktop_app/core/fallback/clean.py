"""Cleaner text for the prompt: what a printed page adds and a reader does not need.

Applied once to a document's extracted Markdown before the prompt is built (the cache keeps the
text as extracted). It removes

* dot leaders of tables of contents ("Chapter 1 ........ 5" becomes "Chapter 1 … 5");
* running headers and footers: a line at the top or bottom of most pages, with its page number
  masked ("Annual report 2024 · page 7"), is kept on its first page only;
* bare page numbers at the top or bottom of a page ("12", "- 12 -", "Page 12 of 40", "xii");
* hyphenated line breaks: "docu-" + "ment" on the next line becomes "document", while a real
  compound stays one word with its hyphen ("well-" + "known" becomes "well-known"): a word the
  document also spells hyphenated, or whose first half is a usual compound prefix, keeps it.

Tables (Markdown rows, hence CSV and spreadsheets too) and fenced code are left as they are.

The cleaned text is cached on disk beside the extraction (``text_cache.py``): raise
:data:`CLEANER_VERSION` whenever a change here changes what comes out, so no stale copy is used.
"""

from __future__ import annotations

import re
from collections import Counter

from desktop_app.core.extract import Extraction

#: Part of the name of cached cleaned texts: a new version cleans every document again.
CLEANER_VERSION = 1

_PAGE_MARKER = re.compile(r"^<!-- Page \d+(?: of \d+)?(?:: [^>]*)? -->$")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
# Four or more leader characters (dots, middle dots, ellipses, underscores), maybe spaced,
# between an entry and its page number at the end of the line.
_LEADER = re.compile(r"(?<=\S)[ \t]*(?:[.·•…_][ \t]?){4,}[ \t]*(?=(?:\d+|[ivxlcdm]+)$)", re.I)
_BARE_NUMBER = re.compile(
    r"^[\s\-\u2013\u2014|]*(?:(?:page|p\.|seite|pagina|página)\s*)?(?:\d{1,4}|[ivxlcdm]{1,7})"
    r"(?:\s*(?:of|/|von|de|sur)\s*\d{1,4})?[\s\-\u2013\u2014|]*$",
    re.I,
)
# Necessary for a leader (it ends the line in a page number); checked first, as most lines
# have none and the leader pattern is slow to rule out.
_LEADER_END = re.compile(r"\d|[ivxlcdm]", re.I)
_LEADER_CHARS = ".·•…_"
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
_HYPHEN_END = re.compile(r"(?:^|(?<=[\s(\"'\u201c\u2018]))([^\W\d_]+(?:-[^\W\d_]+)*)-$")
_WORD_START = re.compile(r"^([^\W\d_]+)")
_WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
#: First halves that make real compounds far more often than they end a line mid-word.
_COMPOUND_PREFIXES = frozenset(
    ("well", "self", "non", "all", "half", "high", "low", "long", "short", "full", "cross",
     "ill", "ever", "far", "first", "second", "third", "one", "two", "three", "four", "five",
     "open", "state", "world", "user", "real", "time", "front", "back", "end", "read", "write",
     "built", "top", "left", "right", "old", "new", "hard", "soft", "life", "day", "year",
     "week", "month", "part", "small", "large")
)  # fmt: skip
_EDGE_LINES = 2  # lines looked at, at the top and at the bottom of each page
_MAX_RUNNING = 70  # characters: a running header is a short line
_MAX_RUNNING_NUMBERS = 2  # a page number and a year, say; body text has more
_MIN_PAGES = 3  # fewer pages cannot show what repeats


def clean_extraction(extraction: Extraction) -> Extraction:
    """``extraction`` with its Markdown cleaned (see the module docstring)."""
    from dataclasses import replace

    cleaned = clean_markdown(extraction.markdown)
    return extraction if cleaned == extraction.markdown else replace(extraction, markdown=cleaned)


def clean_markdown(markdown: str) -> str:
    lines = markdown.split("\n")  # changed in place as words cut at a page end are joined
    protected = _protected(lines)
    lines, protected = _drop_running_lines(lines, protected)
    vocabulary = _vocabulary(lines, protected)
    out: list[str] = []
    out_protected: list[bool] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if protected[index]:
            out.append(line)
            out_protected.append(True)
            index += 1
            continue
        if _may_have_leader(line):
            line = _LEADER.sub(" … ", line)
        while index + 1 < len(lines) and not protected[index + 1]:
            joined = _join_hyphenated(line, lines[index + 1], vocabulary)
            if joined is None:
                break
            line = joined
            index += 1
        line = _join_across_page(line, index, lines, protected, vocabulary)
        out.append(line)
        out_protected.append(False)
        index += 1
    text = "\n".join(out)
    return re.sub(r"\n{3,}", "\n\n", text)


def _may_have_leader(line: str) -> bool:
    """False when ``line`` surely has no dot leader: it does not end in a page number, or it
    has fewer than four leader characters."""
    if not _LEADER_END.fullmatch(line[-1:]):
        return False
    return sum(line.count(c) for c in _LEADER_CHARS) >= 4


def _protected(lines: list[str]) -> list[bool]:
    """Lines never changed: table rows, fenced code and page markers."""
    flags: list[bool] = []
    fence: str | None = None
    for line in lines:
        match = _FENCE.match(line)
        if fence is not None:
            flags.append(True)
            if match and match.group(1).startswith(fence):
                fence = None
            continue
        if match:
            fence = match.group(1)[:3]
            flags.append(True)
            continue
        stripped = line.strip()
        flags.append(stripped.startswith("|") or bool(_PAGE_MARKER.match(stripped)))
    return flags


# -- running headers, footers and page numbers ----------------------------------------------


def _pages(lines: list[str]) -> list[tuple[int, int]]:
    """(start, end) line ranges of the pages, after each page marker."""
    starts = [i for i, line in enumerate(lines) if _PAGE_MARKER.match(line.strip())]
    return [
        (start + 1, starts[n + 1] if n + 1 < len(starts) else len(lines))
        for n, start in enumerate(starts)
    ]


def _edges(lines: list[str], start: int, end: int, protected: list[bool]) -> list[int]:
    content = [i for i in range(start, end) if lines[i].strip() and not protected[i]]
    head = content[:_EDGE_LINES]
    tail = content[-_EDGE_LINES:]
    return list(dict.fromkeys(head + tail))


def _shape(line: str) -> str:
    return _SPACES.sub(" ", _DIGITS.sub("#", line.strip().lower()))


def _drop_running_lines(lines: list[str], protected: list[bool]) -> tuple[list[str], list[bool]]:
    pages = _pages(lines)
    if not pages:
        return lines, protected
    drop: set[int] = set()
    for start, end in pages:
        for i in _edges(lines, start, end, protected):
            if _BARE_NUMBER.match(lines[i]):
                drop.add(i)
    if len(pages) >= _MIN_PAGES:
        seen: Counter[str] = Counter()
        edges = [_edges(lines, s, e, protected) for s, e in pages]
        for page_edges in edges:
            seen.update({_shape(lines[i]) for i in page_edges})
        running = {
            shape for shape, pages_with in seen.items()
            if pages_with >= max(_MIN_PAGES, (len(pages) + 1) // 2)
            and len(shape) <= _MAX_RUNNING
            and shape.count("#") <= _MAX_RUNNING_NUMBERS
            and any(c.isalpha() for c in shape)
        }  # fmt: skip
        kept: set[str] = set()
        for page_edges in edges:
            for i in page_edges:
                shape = _shape(lines[i])
                if shape in running:
                    if shape in kept:
                        drop.add(i)
                    kept.add(shape)  # the first one stays: its words are not lost
    if not drop:
        return lines, protected
    keep = [i for i in range(len(lines)) if i not in drop]
    return [lines[i] for i in keep], [protected[i] for i in keep]


# -- hyphenated line breaks -----------------------------------------------------------------


def _vocabulary(lines: list[str], protected: list[bool]) -> set[str]:
    """Every word of the text and every hyphenated word written whole on one line."""
    bodies: list[str] = []
    for line, fixed in zip(lines, protected, strict=True):
        body = line.rstrip()
        if not fixed and body.endswith("-"):
            body = body[: body.rfind(" ") + 1] if " " in body else ""
        bodies.append(body)
    # One search over all lines at once: a word never spans a line break ("\n" is not a word
    # character), and each distinct word is lowered once.
    return {word.lower() for word in set(_WORDS.findall("\n".join(bodies)))}


def _join_across_page(
    line: str, index: int, lines: list[str], protected: list[bool], vocabulary: set[str]
) -> str:
    """A word cut at the end of a page is finished with the first word of the next page
    (which is taken from there)."""
    body = line.rstrip()
    if not body.endswith("-") or not _HYPHEN_END.search(body):
        return line
    at = index + 1
    while at < len(lines) and not lines[at].strip():
        at += 1
    if at >= len(lines) or not _PAGE_MARKER.match(lines[at].strip()):
        return line
    at += 1
    while at < len(lines) and not lines[at].strip():
        at += 1
    if at >= len(lines) or protected[at]:
        return line
    first, _, rest = lines[at].strip().partition(" ")
    joined = _join_hyphenated(line, first, vocabulary)
    if joined is None:
        return line
    lines[at] = rest
    return joined


def _join_hyphenated(line: str, following: str, vocabulary: set[str]) -> str | None:
    """``line`` and ``following`` as one line when ``line`` ends in a word cut by a hyphen;
    None when it does not."""
    body = line.rstrip()
    if not body.endswith("-"):
        return None  # the usual case, without the slower search below
    end = _HYPHEN_END.search(body)
    nxt = following.lstrip()
    start = _WORD_START.match(nxt)
    if end is None or start is None:
        return None
    left, right = end.group(1), start.group(1)
    if not right[0].islower():
        return None  # "Jean-" + "Paul", "COVID-" + "19": not a cut word
    whole = (left + right).lower()
    hyphenated = f"{left}-{right}".lower()
    last_half = left.rsplit("-", 1)[-1].lower()
    keep_hyphen = whole not in vocabulary and (
        hyphenated in vocabulary or last_half in _COMPOUND_PREFIXES
    )
    joiner = "-" if keep_hyphen else ""
    return body[: end.start(1)] + left + joiner + nxt
