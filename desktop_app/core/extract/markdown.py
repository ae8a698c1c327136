"""Small Markdown writing helpers shared by the extractors, and Markdown -> plain text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_WS = re.compile(r"[ \t\r\f\v]+")
_MANY_BLANK = re.compile(r"\n{3,}")


def clean_inline(text: str) -> str:
    """Collapse whitespace inside one paragraph or cell."""
    return _WS.sub(" ", text.replace("\xa0", " ")).strip()


def cell(value: str) -> str:
    """A table cell: one line, pipes escaped."""
    return clean_inline(value.replace("\n", " ")).replace("|", "\\|")


def table(rows: Sequence[Sequence[str]], *, header: bool = True) -> str:
    """A GitHub-style Markdown table; the first row is the header (blank header if ``header`` is
    False, so data in the first row is never mistaken for column names)."""
    if not rows:
        return ""
    width = max(len(r) for r in rows)
    if width == 0:
        return ""
    padded = [[cell(str(c)) for c in r] + [""] * (width - len(r)) for r in rows]
    if header:
        head, body = padded[0], padded[1:]
    else:
        head, body = [f"Column {i + 1}" for i in range(width)], padded
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * width]
    lines.extend("| " + " | ".join(r) + " |" for r in body)
    return "\n".join(lines)


def fence(text: str, language: str = "") -> str:
    """A fenced code block whose fence is longer than any backtick run inside ``text``."""
    longest = max((len(m) for m in re.findall(r"`{3,}", text)), default=2)
    ticks = "`" * (longest + 1)
    return f"{ticks}{language}\n{text.rstrip(chr(10))}\n{ticks}"


def join_blocks(blocks: Iterable[str]) -> str:
    """Blocks separated by one blank line, without runs of empty lines."""
    text = "\n\n".join(b.strip("\n") for b in blocks if b and b.strip())
    return _MANY_BLANK.sub("\n\n", text).strip() + "\n" if text else ""


_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")


def group_list_items(blocks: Iterable[str]) -> list[str]:
    """Consecutive list-item blocks joined into one list (no blank lines between items)."""
    out: list[str] = []
    previous_is_item = False
    for block in blocks:
        if not block or not block.strip():
            continue
        is_item = bool(_LIST_ITEM.match(block))
        if is_item and previous_is_item:
            out[-1] = f"{out[-1]}\n{block}"
        else:
            out.append(block)
        previous_is_item = is_item
    return out


def page_marker(number: int, total: int | None = None, unit: str = "Page") -> str:
    suffix = f" of {total}" if total else ""
    return f"<!-- {unit} {number}{suffix} -->"


_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]*)\)")
_HEADING = re.compile(r"^#{1,6}\s+", re.MULTILINE)
_TABLE_RULE = re.compile(r"^\|(?:\s*:?-+:?\s*\|)+\s*$", re.MULTILINE)
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_COMMENT = re.compile(r"^<!-- (.*?) -->$", re.MULTILINE)


def to_plain_text(markdown: str) -> str:
    """A readable plain-text rendering of the Markdown the extractors write."""
    out: list[str] = []
    in_fence = False
    for line in markdown.splitlines():
        if line.startswith("```"):
            in_fence = not in_fence
            continue
        if in_fence:
            out.append(line)
            continue
        if _TABLE_RULE.match(line):
            continue
        if line.startswith("|") and line.endswith("|"):
            cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line[1:-1])]
            out.append("\t".join(cells))
            continue
        line = _COMMENT.sub(r"--- \1 ---", line)
        line = _HEADING.sub("", line)
        line = _LINK.sub(lambda m: m.group(1) if m.group(1) == m.group(2) or not m.group(2)
                         else f"{m.group(1)} ({m.group(2)})", line)  # fmt: skip
        line = _EMPHASIS.sub(r"\2", line)
        out.append(line)
    return "\n".join(out).strip() + "\n"
