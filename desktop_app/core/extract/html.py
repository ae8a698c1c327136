"""HTML/XHTML to Markdown with the standard library's tolerant ``html.parser``.

Keeps headings, paragraphs, lists, links, tables, preformatted blocks and quotes; drops scripts,
styles, navigation and forms. When the page marks its main content (``<main>``, or a single
``<article>``), only that is kept. Nothing referenced by the page (images, stylesheets, frames,
entities) is ever fetched: the parser sees only the bytes it is given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from desktop_app.core.extract.markdown import (
    clean_inline,
    fence,
    group_list_items,
    join_blocks,
    table,
)

_SKIP = frozenset(
    {"script", "style", "noscript", "template", "svg", "nav", "aside", "footer", "form", "button",
     "select", "iframe", "object", "canvas", "head", "math"}
)  # fmt: skip
_BLOCK = frozenset(
    {"p", "div", "section", "article", "main", "header", "li", "ul", "ol", "dl", "dt", "dd",
     "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "table", "tr", "hr",
     "figure", "figcaption", "address", "details", "summary", "body", "html"}
)  # fmt: skip
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_WS = re.compile(r"\s+")


@dataclass
class _List:
    ordered: bool
    counter: int = 0
    item_started: bool = False


@dataclass
class _Table:
    rows: list[list[str]] = field(default_factory=list)
    row: list[str] | None = None
    cell: list[str] | None = None


class _Converter(HTMLParser):
    def __init__(self, main_tag: str | None, *, use_title: bool = True) -> None:
        super().__init__(convert_charrefs=True)
        self.use_title = use_title
        self.blocks: list[str] = []
        self.buf: list[str] = []
        self.skip = 0
        self.main_tag = main_tag
        self.main_depth = 0 if main_tag else 1
        self.heading = 0
        self.pre = 0
        self.quote = 0
        self.lists: list[_List] = []
        self.tables: list[_Table] = []
        self.links: list[tuple[str, list[str], int]] = []
        self.title: list[str] = []
        self.in_title = False

    # -- plumbing --------------------------------------------------------------------------

    def _target(self) -> list[str]:
        if self.tables and self.tables[-1].cell is not None:
            return self.tables[-1].cell
        return self.buf

    def _active(self) -> bool:
        return self.skip == 0 and self.main_depth > 0

    def _flush(self) -> None:
        if self.pre:
            return
        # <br> line breaks survive; all other whitespace runs collapse to one space.
        text = "\n".join(clean_inline(line) for line in "".join(self.buf).split("\n"))
        text = text.strip("\n")
        self.buf = []
        if not text:
            return
        if self.heading:
            text = f"{'#' * self.heading} {text}"
        elif self.lists:
            current = self.lists[-1]
            indent = "  " * (len(self.lists) - 1)
            if current.item_started:
                text = f"{indent}  {text}"
            else:
                marker = f"{current.counter}." if current.ordered else "-"
                text = f"{indent}{marker} {text}"
                current.item_started = True
        if self.quote:
            text = "\n".join(f"> {line}" for line in text.split("\n"))
        self.blocks.append(text)

    # -- parser callbacks ------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag == self.main_tag:
            self.main_depth += 1
        if tag in _SKIP:
            self.skip += 1
            return
        if not self._active():
            return
        if tag in _BLOCK and not (self.tables and self.tables[-1].cell is not None):
            self._flush()
        if tag in _HEADINGS:
            self.heading = _HEADINGS[tag]
        elif tag in ("ul", "ol"):
            self.lists.append(_List(ordered=tag == "ol"))
        elif tag == "li" and self.lists:
            self.lists[-1].counter += 1
            self.lists[-1].item_started = False
        elif tag == "blockquote":
            self.quote += 1
        elif tag == "pre":
            self.pre += 1
            self.buf = []
        elif tag == "br":
            in_cell = bool(self.tables and self.tables[-1].cell is not None)
            self._target().append(" " if in_cell else "\n")
        elif tag == "hr":
            self.blocks.append("---")
        elif tag == "table":
            self.tables.append(_Table())
        elif tag == "tr" and self.tables:
            self.tables[-1].row = []
        elif tag in ("td", "th") and self.tables:
            current = self.tables[-1]
            if current.row is None:
                current.row = []
            current.cell = []
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            target = self._target()
            self.links.append((href, target, len(target)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "hr") and self._active():
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if tag == self.main_tag:
            if self.main_depth == 1:
                self._flush()
            self.main_depth = max(0, self.main_depth - 1)
            return
        if not self._active():
            return
        if tag == "a" and self.links:
            self._close_link()
            return
        if tag in ("td", "th") and self.tables and self.tables[-1].cell is not None:
            current = self.tables[-1]
            assert current.row is not None
            current.row.append(clean_inline("".join(current.cell or [])))
            current.cell = None
            return
        if tag == "tr" and self.tables and self.tables[-1].row is not None:
            current = self.tables[-1]
            if current.row and any(current.row):
                current.rows.append(current.row)
            current.row = None
            return
        if tag == "table" and self.tables:
            self._close_table()
            return
        if tag == "pre" and self.pre:
            self.pre -= 1
            if not self.pre:
                code = "".join(self.buf).strip("\n")
                self.buf = []
                if code.strip():
                    self.blocks.append(fence(code))
            return
        if tag in _BLOCK and not (self.tables and self.tables[-1].cell is not None):
            self._flush()
        if tag in _HEADINGS:
            self.heading = 0
        elif tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        elif tag == "blockquote":
            self.quote = max(0, self.quote - 1)

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
            return
        if not self._active():
            return
        if self.pre:
            self.buf.append(data)
        else:
            self._target().append(_WS.sub(" ", data))

    # -- helpers ---------------------------------------------------------------------------

    def _close_link(self) -> None:
        href, target, start = self.links.pop()
        label = clean_inline("".join(target[start:]))
        if href.startswith(("http://", "https://", "mailto:")) and label and label != href:
            del target[start:]
            target.append(f"[{label}]({href})")

    def _close_table(self) -> None:
        current = self.tables.pop()
        if current.row:
            current.rows.append(current.row)
        if not current.rows:
            return
        if self.tables and self.tables[-1].cell is not None:
            # A table inside a cell: flatten it into the outer cell's text.
            self.tables[-1].cell.append(" ".join(" ".join(r) for r in current.rows))
            return
        self.blocks.append(table(current.rows))

    def result(self) -> str:
        self._flush()
        while self.tables:
            self._close_table()
        blocks = group_list_items(self.blocks)
        title = clean_inline("".join(self.title)) if self.use_title else ""
        if title and not (blocks and blocks[0].startswith("#") and title in blocks[0]):
            blocks = [f"# {title}", *blocks]
        return join_blocks(blocks)


def _main_tag(html: str) -> str | None:
    lowered = html.lower()
    if "<main" in lowered and re.search(r"<main[\s>]", lowered):
        return "main"
    if len(re.findall(r"<article[\s>]", lowered)) == 1:
        return "article"
    return None


def html_to_markdown(html: str, *, whole: bool = False, use_title: bool = True) -> str:
    """Markdown for an HTML document (``whole``: ignore ``<main>``/``<article>`` focus;
    ``use_title``: start with the ``<title>`` when the body does not repeat it)."""
    converter = _Converter(None if whole else _main_tag(html), use_title=use_title)
    converter.feed(html)
    converter.close()
    text = converter.result()
    if not text.strip() and not whole:
        return html_to_markdown(html, whole=True, use_title=use_title)
    return text
