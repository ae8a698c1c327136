"""From Tesseract's lines to text: drop OCR garbage, keep reading order, keep table rows.

Tesseract's automatic layout reads two-column pages column by column, which is right for
prose. For a table it makes each column a block, which would list all of column 1, then all of
column 2. So lines of short blocks (cells: few words per line) that sit side by side are
regrouped into rows, left to right, cells separated by `` | ``; when Tesseract reads a row as
one line, wide gaps between its words become the separators. Prose blocks keep Tesseract's
order, except that a block of labels set just left of the text they start (numbers of a list,
"Page 1 line 3:") is put back on its rows: two blocks a word space apart whose lines sit on the
same rows are one block split in two, never two columns (a column gutter is far wider). Words
Tesseract is unsure of on a line of noise (a photo's texture, a gradient) are
dropped, so a picture with no text gives no text rather than a line of symbols.
"""

from __future__ import annotations

import itertools
import statistics
from collections import Counter
from dataclasses import dataclass

from desktop_app.core.extract.ocr.engine import Line, Word

_MIN_WORD_CONFIDENCE = 30.0
_MIN_LINE_CONFIDENCE = 55.0
_PROSE_WORDS_PER_LINE = 4
_CELL_GAP = 2.5  # a gap between words wider than this many line heights separates cells
_SPLIT_ROW_GAP = 1.2  # blocks closer than this many line heights are one block split in two
_SPLIT_ROW_SHARE = 0.6  # ... when this share of the left block's lines has a partner row


@dataclass(frozen=True)
class PageReading:
    """A page's OCR text with its mean word confidence and count of trustworthy words."""

    text: str
    confidence: float
    solid_words: int  # words read with high confidence that contain two letters or digits

    @property
    def has_text(self) -> bool:
        return self.solid_words >= 2


def compose(lines: list[Line]) -> PageReading:
    kept = _join_split_rows([line for line in (_clean(line) for line in lines) if line is not None])
    if not kept:
        return PageReading("", 0.0, 0)
    words = [w for line in kept for w in line.words]
    confidence = statistics.fmean(w.confidence for w in words)
    solid = sum(1 for w in words if w.confidence >= 65 and sum(c.isalnum() for c in w.text) >= 2)
    return PageReading(_arrange(kept), confidence, solid)


def _clean(line: Line) -> Line | None:
    """A line of noise goes as a whole; in a line of text, an unsure word is kept if it has
    letters or digits (it is most likely a real word, slightly misread), specks are dropped."""
    if statistics.fmean(w.confidence for w in line.words) < _MIN_LINE_CONFIDENCE:
        return None
    words = tuple(w for w in line.words if w.confidence >= _MIN_WORD_CONFIDENCE or _letters(w))
    if not any(_letters(w) for w in words):
        return None  # rules, borders and specks read as punctuation
    return Line(line.block, words)


def _join_split_rows(lines: list[Line]) -> list[Line]:
    """Put labels Tesseract read as a block of their own back at the start of their rows.

    A line is a label of the line in another block that starts a word space to its right on
    the same row; the labels are put back when most lines of their block have such a partner
    (a stray match between real columns never does: their gutter is far wider).
    """
    partner: dict[int, Line] = {}
    for label in lines:
        nearest: Line | None = None
        for line in lines:
            if line.block == label.block or not _same_row(label, line):
                continue
            gap = line.box[0] - label.box[2]
            height = statistics.median((_height(label), _height(line)))
            if 0 <= gap < _SPLIT_ROW_GAP * height and (
                nearest is None or line.box[0] < nearest.box[0]
            ):
                nearest = line
        if nearest is not None:
            partner[id(label)] = nearest
    sizes = Counter(line.block for line in lines)
    found = Counter(line.block for line in lines if id(line) in partner)
    labels: dict[int, list[Line]] = {}
    for line in lines:
        if id(line) in partner and found[line.block] >= _SPLIT_ROW_SHARE * sizes[line.block]:
            labels.setdefault(id(partner[id(line)]), []).append(line)
    moved = {id(label) for group in labels.values() for label in group}
    joined: list[Line] = []
    for line in lines:
        if id(line) in moved:
            continue
        words = tuple(w for label in labels.get(id(line), []) for w in label.words)
        joined.append(Line(line.block, words + line.words) if words else line)
    return joined


def _height(line: Line) -> int:
    return line.box[3] - line.box[1]


def _same_row(a: Line, b: Line) -> bool:
    top, bottom = max(a.box[1], b.box[1]), min(a.box[3], b.box[3])
    return bottom - top >= 0.5 * min(a.box[3] - a.box[1], b.box[3] - b.box[1])


def _letters(word: Word) -> bool:
    return any(c.isalnum() for c in word.text)


def _arrange(lines: list[Line]) -> str:
    by_block: dict[int, list[Line]] = {}
    for line in lines:
        by_block.setdefault(line.block, []).append(line)
    cells = {b for b, ls in by_block.items() if _is_cell_block(ls)}
    # Units in reading order: a prose block, or a run of table rows; each is placed where
    # Tesseract read its first line.
    units: list[tuple[int, str]] = []
    position = {id(line): index for index, line in enumerate(lines)}
    for block, block_lines in by_block.items():
        if block not in cells:
            text = "\n".join(_line_text(line.words) for line in block_lines)
            units.append((position[id(block_lines[0])], text))
    table_lines = [line for line in lines if line.block in cells]
    if table_lines:
        for first, text in _rows(table_lines, position):
            units.append((first, text))
    units.sort(key=lambda unit: unit[0])
    return "\n\n".join(text for _, text in units)


def _is_cell_block(lines: list[Line]) -> bool:
    return statistics.median(len(line.words) for line in lines) < _PROSE_WORDS_PER_LINE


def _rows(lines: list[Line], position: dict[int, int]) -> list[tuple[int, str]]:
    """Lines of cell blocks grouped into rows (lines that overlap vertically by half)."""
    ordered = sorted(lines, key=lambda line: line.box[1])
    rows: list[list[Line]] = []
    for line in ordered:
        top, bottom = line.box[1], line.box[3]
        if rows:
            row_top = min(x.box[1] for x in rows[-1])
            row_bottom = max(x.box[3] for x in rows[-1])
            overlap = min(bottom, row_bottom) - max(top, row_top)
            if overlap >= 0.5 * min(bottom - top, row_bottom - row_top):
                rows[-1].append(line)
                continue
        rows.append([line])
    # Consecutive rows of several cells form one table; a row of one cell is a short line.
    out: list[tuple[int, str]] = []
    for row in rows:
        cells = sorted(row, key=lambda line: line.box[0])
        first = min(position[id(line)] for line in row)
        text = " | ".join(_line_text(line.words) for line in cells)
        if out and " | " in text and " | " in out[-1][1].rsplit("\n", 1)[-1]:
            out[-1] = (out[-1][0], out[-1][1] + "\n" + text)
        else:
            out.append((first, text))
    return out


def _line_text(words: tuple[Word, ...]) -> str:
    """A line's words; a gap wider than a few letters (table cells Tesseract read as one line,
    tab stops in a form) becomes `` | `` so the cells stay apart."""
    height = statistics.median(w.box[3] - w.box[1] for w in words)
    parts = [words[0].text]
    for before, word in itertools.pairwise(words):
        gap = word.box[0] - before.box[2]
        parts.append((" | " if gap > _CELL_GAP * height else " ") + word.text)
    return "".join(parts)
