"""The text-only fallback prompt: documents' text wrapped so it pastes cleanly into ChatGPT.

Each document is named (file name, type, size, pages/sheets/slides) and wrapped in a
``<document>`` block. When the whole prompt is over the token budget it is split into numbered,
self-describing parts ("part 2 of 3"), cutting only between blocks (paragraphs, pages, slides),
between table rows (the header row is repeated), or, for one enormous paragraph, between lines.
Tokens are counted by the ``tokens`` module (``o200k_base`` offline, or an estimate).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.core.extract.result import Extraction
from desktop_app.core.fallback.describe import attributes
from desktop_app.core.fallback.tokens import TokenCounter, count_within

MIN_TOKENS = 500
_PAGE = re.compile(r"^<!-- Page (\d+)(?: of \d+)?(?:: [^>]*)? -->")
_SLIDE = re.compile(r"^## Slide (\d+)")
_SHEET = re.compile(r"^## Sheet: (.+)$", re.MULTILINE)
_FENCE = re.compile(r"^(`{3,})", re.MULTILINE)


@dataclass(frozen=True)
class DocumentText:
    """One document going into a prompt: its display name, size in bytes and extracted text;
    ``selection`` says which part of it was chosen ("pages 3-10", "sheet Q3"), or ""."""

    name: str
    size: int
    extraction: Extraction
    selection: str = ""


@dataclass(frozen=True)
class FallbackPrompt:
    """Ready-to-paste prompt text, in one or more parts, with each part's token count."""

    parts: tuple[str, ...]
    token_counts: tuple[int, ...]
    tokenizer: str  # "o200k_base" or "estimate (chars/4)"
    documents: tuple[str, ...] = ()  # names of the documents included
    skipped: tuple[str, ...] = ()  # one sentence per document that could not be included
    spans: tuple[str, ...] = ()  # per part, what it holds: "page 1 to page 9", or "" if all

    @property
    def total_tokens(self) -> int:
        return sum(self.token_counts)


@dataclass(frozen=True)
class _Piece:
    doc: int
    text: str
    tokens: int
    where: str  # "page 4", "slide 2", "sheet Sales", or ""


def build_prompt(
    documents: Sequence[DocumentText],
    *,
    max_tokens: int,
    counter: TokenCounter,
    skipped: Sequence[str] = (),
) -> FallbackPrompt:
    """The prompt for ``documents``, split into parts of at most ``max_tokens`` tokens each."""
    if max_tokens < MIN_TOKENS:
        raise ValueError(f"the token budget must be at least {MIN_TOKENS}")
    if not documents:
        raise ValueError("no documents to put in a prompt")
    names = tuple(d.name for d in documents)
    whole = _render_single(documents, skipped)
    whole_tokens = count_within(counter, whole, max_tokens)
    if whole_tokens is not None:
        return FallbackPrompt(
            (whole,), (whole_tokens,), counter.name, names, tuple(skipped), spans=("",)
        )
    budget = max_tokens - _overhead(documents, counter)
    for _ in range(8):
        pieces = _pieces(documents, max(budget, MIN_TOKENS // 2), counter)
        groups = _pack(pieces, max(budget, MIN_TOKENS // 2))
        spread = _spread(groups)
        parts = [
            _render_part(documents, group, number, len(groups), skipped, spread)
            for number, group in enumerate(groups, start=1)
        ]
        counts = [counter.count(p) for p in parts]
        over = max(counts) - max_tokens
        if over <= 0:
            spans = tuple(_span(documents, group) for group in groups)
            return FallbackPrompt(
                tuple(parts), tuple(counts), counter.name, names, tuple(skipped), spans
            )
        budget -= over + max(16, budget // 50)
    raise ValueError("the token budget is too small for these documents' descriptions")


# -- cutting into pieces --------------------------------------------------------------------


def _pieces(documents: Sequence[DocumentText], budget: int, counter: TokenCounter) -> list[_Piece]:
    pieces: list[_Piece] = []
    for index, document in enumerate(documents):
        where = ""
        for block in _blocks(document.extraction.markdown):
            where = _locate(block) or where
            tokens = counter.count(block)
            if tokens <= budget:
                pieces.append(_Piece(index, block, tokens, where))
                continue
            for chunk in _split_block(block, budget, counter):
                pieces.append(_Piece(index, chunk, counter.count(chunk), where))
    return pieces


def _blocks(markdown: str) -> list[str]:
    """Blank-line separated blocks, keeping fenced code blocks whole."""
    blocks: list[str] = []
    pending: list[str] = []
    fence: str | None = None
    for raw in markdown.split("\n\n"):
        pending.append(raw)
        for match in _FENCE.finditer(raw):
            ticks = match.group(1)
            if fence is None:
                fence = ticks
            elif ticks.startswith(fence):
                fence = None
        if fence is None:
            block = "\n\n".join(pending).strip("\n")
            if block.strip():
                blocks.append(block)
            pending = []
    if pending:
        blocks.append("\n\n".join(pending).strip("\n"))
    return blocks


def _locate(block: str) -> str:
    if m := _PAGE.match(block):
        return f"page {m.group(1)}"
    if m := _SLIDE.match(block):
        return f"slide {m.group(1)}"
    if m := _SHEET.match(block):
        return f"sheet {m.group(1)}"
    return ""


def _split_block(block: str, budget: int, counter: TokenCounter) -> list[str]:
    lines = block.split("\n")
    header: list[str] = []
    if len(lines) > 2 and lines[0].startswith("|") and lines[1].startswith("|-"):
        header = lines[:2]  # a table: repeat the header row in every chunk
        lines = lines[2:]
    header_tokens = counter.count("\n".join(header)) if header else 0
    room = max(budget - header_tokens - 2, 8)
    chunks: list[str] = []
    current: list[str] = []
    used = 0
    for line in lines:
        tokens = counter.count(line) + 1
        if tokens > room:
            if current:
                chunks.append("\n".join(header + current))
                current, used = [], 0
            chunks.extend("\n".join([*header, piece]) for piece in _split_line(line, room, counter))
            continue
        if used + tokens > room and current:
            chunks.append("\n".join(header + current))
            current, used = [], 0
        current.append(line)
        used += tokens
    if current:
        chunks.append("\n".join(header + current))
    return chunks


def _split_line(line: str, room: int, counter: TokenCounter) -> list[str]:
    """Cut one huge line between words, by measured size (last resort)."""
    out: list[str] = []
    rest = line
    while rest:
        size = max(room * 3, 16)
        while size > 16 and counter.count(rest[:size]) > room:
            size = size * 3 // 4
        cut = rest.rfind(" ", size // 2, size) if len(rest) > size else len(rest)
        cut = cut if cut > 0 else size
        out.append(rest[:cut])
        rest = rest[cut:].lstrip(" ")
    return out


def _pack(pieces: list[_Piece], budget: int) -> list[list[_Piece]]:
    groups: list[list[_Piece]] = [[]]
    used = 0
    for piece in pieces:
        if groups[-1] and used + piece.tokens + 2 > budget:
            groups.append([])
            used = 0
        groups[-1].append(piece)
        used += piece.tokens + 2
    return groups


# -- rendering ------------------------------------------------------------------------------


def _body(text: str) -> str:
    # A literal closing tag inside a document must not end the block early.
    return text.replace("</document>", "&lt;/document&gt;").strip("\n")


def _names(documents: Sequence[DocumentText]) -> str:
    return ", ".join(f'"{d.name}"' for d in documents)


def _skipped_note(skipped: Sequence[str]) -> str:
    if not skipped:
        return ""
    return "\n\nNot included (no text could be extracted):\n" + "\n".join(f"- {s}" for s in skipped)


def _render_single(documents: Sequence[DocumentText], skipped: Sequence[str]) -> str:
    what = "file below is" if len(documents) == 1 else f"{len(documents)} files below are"
    intro = (
        f"The {what} pasted here as text instead of being attached. Treat each "
        "<document> block as an attached file."
    )
    blocks = [
        f"<document {attributes(d)}>\n{_body(d.extraction.markdown)}\n</document>"
        for d in documents
    ]
    return intro + _skipped_note(skipped) + "\n\n" + "\n\n".join(blocks) + "\n"


def _render_part(
    documents: Sequence[DocumentText],
    group: list[_Piece],
    number: int,
    total: int,
    skipped: Sequence[str],
    spread: dict[int, tuple[int, int]],
) -> str:
    """Part ``number``; ``spread`` maps a document to the first and last part holding it."""
    what = "a file" if len(documents) == 1 else f"{len(documents)} files"
    held = _held(documents, group)
    final = ", the last part" if number == total else ""
    intro = (
        f"Part {number} of {total} of {held}{final}.\n"
        f"The text of {what} ({_names(documents)}), pasted instead of attaching it, comes in "
        f"{total} parts. "
    )
    if number < total:
        intro += f'Reply only "Received part {number} of {total}." until you have all parts.'
    else:
        intro += "This is the last part: you now have everything, so answer using all parts."
    blocks: list[str] = []
    for doc_index in dict.fromkeys(p.doc for p in group):
        mine = [p for p in group if p.doc == doc_index]
        first, last = spread.get(doc_index, (number, number))
        body = "\n\n".join(p.text for p in mine)
        extra = _where(mine, first < number, last > number, number)
        blocks.append(
            f"<document {attributes(documents[doc_index], extra)}>\n{_body(body)}\n</document>"
        )
    note = _skipped_note(skipped) if number == 1 else ""
    return intro + note + "\n\n" + "\n\n".join(blocks) + "\n"


def _held(documents: Sequence[DocumentText], group: list[_Piece]) -> str:
    """What one part holds, for its first line: '"report.pdf" (pages 10-18)'."""
    labels: list[str] = []
    for doc_index in dict.fromkeys(p.doc for p in group):
        spans = [p.where for p in group if p.doc == doc_index and p.where]
        label = f'"{documents[doc_index].name}"'
        if spans:
            label += f" ({_compact(spans[0], spans[-1])})"
        labels.append(label)
    return ", ".join(labels)


def _compact(first: str, last: str) -> str:
    """ "page 4" + "page 9" -> "pages 4-9"; "sheet A" + "sheet B" -> "sheets A to B"."""
    if first == last:
        return first
    unit, _, a = first.partition(" ")
    other, _, b = last.partition(" ")
    if unit != other:
        return f"{first} to {last}"
    dash = "\u2013" if a.isdigit() and b.isdigit() else " to "
    return f"{unit}s {a}{dash}{b}"


def _where(mine: list[_Piece], earlier: bool, later: bool, number: int) -> str:
    """Which portion of a split document this part carries, e.g.
    "continued from part 1, page 5 to page 9, continues in part 3"."""
    spans = [p.where for p in mine if p.where]
    span = ""
    if spans:
        span = spans[0] if spans[0] == spans[-1] else f"{spans[0]} to {spans[-1]}"
    if not (earlier or later):
        return ""
    words = [f"continued from part {number - 1}"] if earlier else ["beginning"]
    if span:
        words.append(span)
    if later:
        words.append(f"continues in part {number + 1}")
    else:
        words.append("end")
    return ", ".join(words)


def _span(documents: Sequence[DocumentText], group: list[_Piece]) -> str:
    """What one part holds, for a preview: "page 5 to page 9", or per document when it holds
    several ("a.pdf: page 1 to page 2; b.xlsx: sheet Q3")."""
    labels: list[str] = []
    for doc_index in dict.fromkeys(p.doc for p in group):
        spans = [p.where for p in group if p.doc == doc_index and p.where]
        span = ""
        if spans:
            span = spans[0] if spans[0] == spans[-1] else f"{spans[0]} to {spans[-1]}"
        if len(documents) > 1:
            span = f"{documents[doc_index].name}: {span}" if span else documents[doc_index].name
        if span:
            labels.append(span)
    return "; ".join(labels)


def _spread(groups: list[list[_Piece]]) -> dict[int, tuple[int, int]]:
    spread: dict[int, tuple[int, int]] = {}
    for number, group in enumerate(groups, start=1):
        for doc in {p.doc for p in group}:
            first, _ = spread.get(doc, (number, number))
            spread[doc] = (first, number)
    return spread


def _overhead(documents: Sequence[DocumentText], counter: TokenCounter) -> int:
    """Tokens a part spends on its introduction and document tags (measured on a sample)."""
    pieces = [_Piece(i, "", 0, "page 1000 to page 1000") for i in range(len(documents))]
    everywhere = {i: (1, 999_999) for i in range(len(documents))}
    sample = _render_part(documents, pieces, 999, 999_999, (), everywhere)
    return counter.count(sample) + 32
