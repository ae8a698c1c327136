"""Plain text in any encoding, Markdown, source code, JSON/JSONL/XML/YAML and Jupyter notebooks.

Encodings: a BOM decides; otherwise strict UTF-8; otherwise UTF-16 without BOM (NUL pattern);
otherwise charset-normalizer's best guess on a sample, falling back to cp1252 / latin-1, which
decode any byte string.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import Any

from desktop_app.core import filetypes
from desktop_app.core.extract.markdown import fence, join_blocks
from desktop_app.core.extract.result import ExtractFailed, Extraction, FailureKind, Limits
from desktop_app.core.extract.safety import parse_xml

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SAMPLE = 256 * 1024


def decode_text(data: bytes) -> tuple[str, str]:
    """``(text, encoding)`` for bytes of unknown encoding; never raises for text-like input."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    head = data[:4096]
    if len(head) >= 4 and head.count(0) > len(head) // 4:
        encoding = "utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be"
        return data.decode(encoding, errors="replace"), encoding
    encoding = _guess_encoding(data[:_SAMPLE])
    return data.decode(encoding, errors="replace"), encoding


# Single-byte Latin code pages decode each other's bytes without error; when charset-normalizer
# finds cp1252 plausible at all, it is by far the most common of them, so it wins.
_LATIN_FAMILY = frozenset(
    {"cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859_2", "iso8859_3", "iso8859_4",
     "iso8859_9", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16",
     "mac_latin2", "mac_roman", "mac_iceland", "mac_turkish"}
)  # fmt: skip


def _guess_encoding(sample: bytes) -> str:
    from charset_normalizer import from_bytes

    matches = from_bytes(sample)
    best = matches.best()
    if best is not None and best.encoding and best.encoding != "utf_8":
        if best.encoding in _LATIN_FAMILY and any(m.encoding == "cp1252" for m in matches):
            return "cp1252"
        if best.encoding not in _LATIN_FAMILY and _mostly_ascii(sample) and _is_cp1252(sample):
            return "cp1252"  # short Western text with a few accents misleads the detector
        return codecs.lookup(best.encoding).name
    return "cp1252" if _is_cp1252(sample) else "latin-1"


def _mostly_ascii(sample: bytes) -> bool:
    high = sum(1 for b in sample[:65536] if b >= 0x80)
    return high <= len(sample[:65536]) * 0.25


def _is_cp1252(sample: bytes) -> bool:
    try:
        sample.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def read_text(path: Path, limits: Limits) -> tuple[str, str]:
    data = path.read_bytes()
    if not data.strip():
        raise ExtractFailed(FailureKind.EMPTY)
    if b"\x00" in data[:4096] and not _is_wide(data):
        raise ExtractFailed(FailureKind.UNSUPPORTED, "binary")
    return decode_text(data)


def _is_wide(data: bytes) -> bool:
    return data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (
        data[:4096].count(0) > len(data[:4096]) // 4
    )


def extract(path: Path, mime: str, limits: Limits) -> Extraction:
    text, encoding = read_text(path, limits)
    warnings: tuple[str, ...] = ()
    if encoding not in ("utf-8", "ascii"):
        warnings = (f"decoded as {encoding}",)
    kind, body = _render(text, mime, path)
    if not body.strip():
        raise ExtractFailed(FailureKind.EMPTY)
    return Extraction(markdown=body, kind=kind, mime_type=mime, warnings=warnings)


def _render(text: str, mime: str, path: Path) -> tuple[str, str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if mime == filetypes.MARKDOWN:
        return "markdown", text.strip() + "\n"
    if mime == filetypes.JSON:
        return "json", fence(_pretty_json(text), "json") + "\n"
    if mime == filetypes.JSONL:
        return "json", fence(text.strip(), "jsonl") + "\n"
    if mime == filetypes.YAML:
        return "yaml", fence(text.strip(), "yaml") + "\n"
    if mime == filetypes.XML:
        return "xml", fence(_pretty_xml(text), "xml") + "\n"
    if mime == filetypes.IPYNB:
        return "notebook", _notebook(text)
    if mime.startswith("text/x-"):
        return "code", fence(text.strip("\n"), mime.removeprefix("text/x-")) + "\n"
    return "text", text.strip() + "\n"


def _pretty_json(text: str) -> str:
    try:
        value = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return text.strip()  # shown as written: invalid JSON is still useful text
    return json.dumps(value, indent=2, ensure_ascii=False)


def _pretty_xml(text: str) -> str:
    """Re-indent XML parsed without entities; XML that declares entities is shown as written
    (never expanded), so neither a billion-laughs bomb nor an external entity can act."""
    import xml.etree.ElementTree as ET

    try:
        root = parse_xml(text.encode("utf-8"), "xml")
    except ExtractFailed:
        return text.strip()
    ET.indent(root)
    return ET.tostring(root, encoding="unicode")


def _notebook(text: str) -> str:
    try:
        notebook: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ExtractFailed(FailureKind.CORRUPT, f"notebook is not JSON: {exc}") from exc
    if not isinstance(notebook, dict) or not isinstance(notebook.get("cells"), list):
        raise ExtractFailed(FailureKind.CORRUPT, "notebook has no cells")
    meta = notebook.get("metadata") or {}
    language = str(
        (meta.get("language_info") or {}).get("name") or (meta.get("kernelspec") or {}).get(
            "language") or "python"
    )  # fmt: skip
    blocks: list[str] = []
    for index, cell in enumerate(notebook["cells"], start=1):
        if not isinstance(cell, dict):
            continue
        source = _joined(cell.get("source"))
        kind = cell.get("cell_type")
        if kind == "markdown":
            blocks.append(source)
        elif kind == "code":
            blocks.append(f"**In [{index}]:**\n\n" + fence(source, language))
            outputs = [_output_text(o) for o in cell.get("outputs") or () if isinstance(o, dict)]
            shown = "\n".join(o for o in outputs if o).strip()
            if shown:
                blocks.append("Output:\n\n" + fence(shown[:20_000]))
        elif source:
            blocks.append(fence(source))
    return join_blocks(blocks)


def _joined(source: object) -> str:
    if isinstance(source, list):
        return "".join(str(s) for s in source)
    return str(source or "")


def _output_text(output: dict[str, Any]) -> str:
    if output.get("output_type") == "stream":
        return _joined(output.get("text"))
    data = output.get("data")
    if isinstance(data, dict) and "text/plain" in data:
        return _joined(data["text/plain"])
    if output.get("output_type") == "error":
        return f"{output.get('ename', 'Error')}: {output.get('evalue', '')}"
    return ""
