"""Spreadsheets: .xlsx/.xlsm/.xls/.ods through python-calamine (Rust calamine, MIT), CSV/TSV
through the standard csv module. Every sheet becomes a Markdown table under its own heading,
capped at ``Limits.max_rows_per_sheet`` rows with a note saying how many were left out.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path

from desktop_app.core import filetypes
from desktop_app.core.extract.markdown import join_blocks, table
from desktop_app.core.extract.plain import read_text
from desktop_app.core.extract.result import ExtractFailed, Extraction, FailureKind, Limits
from desktop_app.core.extract.safety import check_zip, check_zip_members

_ZIPPED = (filetypes.XLSX, filetypes.XLSM, filetypes.ODS, filetypes.OTS)


def extract_workbook(path: Path, mime: str, limits: Limits) -> Extraction:
    if mime in _ZIPPED:
        with check_zip(path, limits) as archive:
            check_zip_members(archive, (".xml", ".rels"))
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError

    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except PasswordError as exc:
        raise ExtractFailed(FailureKind.ENCRYPTED, str(exc)) from exc
    except (CalamineError, ValueError, OSError) as exc:
        kind = FailureKind.ENCRYPTED if "password" in str(exc).lower() else FailureKind.CORRUPT
        raise ExtractFailed(kind, str(exc)) from exc
    blocks: list[str] = []
    truncated = False
    names = list(workbook.sheet_names)
    try:
        for name in names:
            sheet = workbook.get_sheet_by_name(name)
            rows = sheet.to_python(skip_empty_area=True, nrows=limits.max_rows_per_sheet + 1)
            block, cut = _sheet_block(name, rows, sheet.height, limits)
            truncated = truncated or cut
            blocks.append(block)
    except PasswordError as exc:
        raise ExtractFailed(FailureKind.ENCRYPTED, str(exc)) from exc
    except (CalamineError, ValueError) as exc:
        raise ExtractFailed(FailureKind.CORRUPT, str(exc)) from exc
    finally:
        workbook.close()
    if not names:
        raise ExtractFailed(FailureKind.EMPTY, "no sheets")
    markdown = join_blocks(blocks)
    if all(b.endswith("_(empty sheet)_") for b in blocks):
        raise ExtractFailed(FailureKind.EMPTY, "all sheets empty")
    warnings = ("some sheets were cut at the row limit",) if truncated else ()
    return Extraction(
        markdown=markdown, kind="sheet", mime_type=mime, units=len(names), unit_name="sheet",
        truncated=truncated, warnings=warnings,
    )  # fmt: skip


def _sheet_block(
    name: str, rows: Sequence[Sequence[object]], height: int, limits: Limits
) -> tuple[str, bool]:
    heading = f"## Sheet: {name}"
    grid = _trim([[_format(v) for v in row[: limits.max_columns]] for row in rows])
    if not grid:
        return f"{heading}\n\n_(empty sheet)_", False
    cut = len(rows) > limits.max_rows_per_sheet  # counted before empty rows were dropped
    shown = grid[: limits.max_rows_per_sheet]
    parts = [heading, table(shown)]
    if cut:
        total = max(height, len(grid))
        parts.append(
            f"_Only the first {limits.max_rows_per_sheet} of about {total} rows are shown._"
        )
    return "\n\n".join(parts), cut


def _trim(grid: list[list[str]]) -> list[list[str]]:
    """Drop empty rows (they cost tokens and carry nothing) and empty columns on the right."""
    grid = [row for row in grid if any(row)]
    width = max((max((i + 1 for i, v in enumerate(r) if v), default=0) for r in grid), default=0)
    return [r[:width] for r in grid]


def _format(value: object) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


# -- CSV / TSV ------------------------------------------------------------------------------


def extract_delimited(path: Path, mime: str, limits: Limits) -> Extraction:
    text, encoding = read_text(path, limits)
    delimiter = "\t" if mime == filetypes.TSV else _sniff_delimiter(text[:65536])
    rows: list[list[str]] = []
    total = 0
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            total += 1
            if len(rows) <= limits.max_rows_per_sheet:
                rows.append(row[: limits.max_columns])
    except csv.Error as exc:
        raise ExtractFailed(FailureKind.CORRUPT, f"malformed CSV: {exc}") from exc
    grid = _trim([[c.strip() for c in r] for r in rows])
    if not grid:
        raise ExtractFailed(FailureKind.EMPTY)
    cut = total > limits.max_rows_per_sheet
    parts = [table(grid[: limits.max_rows_per_sheet])]
    if cut:
        parts.append(f"_Only the first {limits.max_rows_per_sheet} of {total} rows are shown._")
    warnings: list[str] = []
    if encoding not in ("utf-8", "ascii"):
        warnings.append(f"decoded as {encoding}")
    if cut:
        warnings.append("cut at the row limit")
    return Extraction(
        markdown=join_blocks(parts), kind="csv", mime_type=mime, units=None, unit_name=None,
        truncated=cut, warnings=tuple(warnings),
    )  # fmt: skip


def _sniff_delimiter(sample: str) -> str:
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        return ","
