"""Text or binary, and what a text's own first lines say it is (HTML, XML, SVG, JSON, email).

Only the content is looked at here; the detector decides whether a file name says more.
"""

from __future__ import annotations

import codecs
import json
import re

from desktop_app.core.filetypes.table import EMAIL, FLAT_ODF, HTML, JSON, SVG, XML

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_HTML_START = re.compile(
    rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|title|meta|script|div|p|table)[\s>]",
    re.IGNORECASE | re.DOTALL,
)
_HEADER_LINE = re.compile(r"^[!-9;-~]+:[ \t]")
_EMAIL_HEADERS = frozenset(
    {"from", "to", "subject", "date", "received", "return-path", "message-id", "mime-version"}
    | {"delivered-to", "reply-to", "cc", "content-type", "x-mailer", "dkim-signature"}
)


def decode_text(head: bytes) -> str | None:
    """``head`` as text if it looks like text (UTF-8/16/32, or 8-bit text), else ``None``."""
    for bom, codec in _BOMS:
        if head.startswith(bom):
            decoder = codecs.getincrementaldecoder(codec)(errors="replace")
            return decoder.decode(head[len(bom) :], final=False)
    if not head:
        return None
    if b"\x00" in head:
        return _utf16_without_bom(head)
    try:
        # final=False: the head may end in the middle of a multi-byte character.
        return codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        pass
    # Legacy 8-bit text (cp1252, latin-1): accept if control characters are rare.
    return _if_few_controls(head.decode("latin-1"))


def _utf16_without_bom(head: bytes) -> str | None:
    # Some Windows tools write UTF-16 with no BOM. Text in a Latin script then has a NUL in
    # (nearly) every other byte, always on the same side; binary data does not keep to one side.
    half = len(head) // 2
    if half < 8:
        return None
    even, odd = head[0 : 2 * half : 2].count(0), head[1 : 2 * half : 2].count(0)
    if odd >= half * 0.9 and even <= half * 0.1:
        codec = "utf-16-le"
    elif even >= half * 0.9 and odd <= half * 0.1:
        codec = "utf-16-be"
    else:
        return None
    text = codecs.getincrementaldecoder(codec)(errors="replace").decode(head, final=False)
    return _if_few_controls(text)


def _if_few_controls(text: str) -> str | None:
    controls = sum(1 for c in text if c < " " and c not in "\t\n\x0c\r\x1b")
    return text if controls * 100 <= len(text) else None


def classify(text: str, *, truncated: bool) -> str | None:
    """The type the text's own start announces, or ``None`` for text that announces nothing."""
    stripped = text.lstrip("\ufeff \t\r\n")
    lowered = stripped[:512].lower()
    if _HTML_START.match(stripped[:2048].encode("utf-8", "replace")):
        return HTML
    if lowered.startswith("<?xml") or (lowered.startswith("<") and _looks_like_xml(lowered)):
        if "<svg" in lowered:
            return SVG
        if "<office:document " in stripped[:4096]:
            return FLAT_ODF
        if "<html" in lowered or "<!doctype html" in lowered:
            return HTML
        return XML
    if stripped[:1] in ("{", "[") and _looks_like_json(stripped, truncated):
        return JSON
    if _looks_like_email(stripped):
        return EMAIL
    return None


def _looks_like_xml(lowered: str) -> bool:
    return re.match(r"<[a-z_][\w.:-]*[\s>/]", lowered) is not None and "</" in lowered


def _looks_like_json(text: str, truncated: bool) -> bool:
    if not truncated:
        try:
            json.loads(text)
        except ValueError:
            return False
        return True
    # Only the start is known: demand the shape of a JSON object or array.
    return re.match(r'[\[{]\s*(["{\[\]}\d-]|true|false|null)', text) is not None


def _looks_like_email(text: str) -> bool:
    lines = text.splitlines()[:40]
    if lines and lines[0].startswith("From ") and len(lines) > 1:
        lines = lines[1:]  # an mbox "From " separator line
    headers: list[str] = []
    for line in lines:
        if not line.strip():
            break
        if line[:1] in (" ", "\t") and headers:
            continue  # a folded continuation of the previous header
        if not _HEADER_LINE.match(line):
            return False
        headers.append(line.split(":", 1)[0].lower())
    known = sum(1 for h in headers if h in _EMAIL_HEADERS)
    return known >= 2 and len(headers) >= 2
