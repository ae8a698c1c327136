"""HTML/XHTML, EPUB, e-mail (.eml) and RTF.

HTML goes through :mod:`.html` (stdlib parser). EPUB is read with zipfile + defusedxml: the OPF
spine gives the chapter order. E-mail uses the stdlib ``email`` package (headers, the plain or
HTML body, and the names of attachments). RTF uses striprtf (BSD), a small pure-Python reader.
"""

from __future__ import annotations

import email
import posixpath
from email import policy
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import unquote

from desktop_app.core.extract.html import html_to_markdown
from desktop_app.core.extract.markdown import join_blocks
from desktop_app.core.extract.plain import decode_text, read_text
from desktop_app.core.extract.result import ExtractFailed, Extraction, FailureKind, Limits
from desktop_app.core.extract.safety import check_zip, parse_xml, read_member

_OPF_NS = "{http://www.idpf.org/2007/opf}"
_CONTAINER_NS = "{urn:oasis:names:tc:opendocument:xmlns:container}"
_ENC_NS = "{http://www.w3.org/2001/04/xmlenc#}"
_HTML_TYPES = ("application/xhtml+xml", "text/html")


def extract_html(path: Path, mime: str, limits: Limits) -> Extraction:
    text, _ = read_text(path, limits)
    markdown = html_to_markdown(text)
    if not markdown.strip():
        raise ExtractFailed(FailureKind.EMPTY, "no visible text")
    return Extraction(markdown=markdown, kind="html", mime_type=mime)


# -- EPUB ---------------------------------------------------------------------------------


def extract_epub(path: Path, mime: str, limits: Limits) -> Extraction:
    with check_zip(path, limits) as archive:
        names = set(archive.namelist())
        if "META-INF/container.xml" not in names:
            raise ExtractFailed(FailureKind.CORRUPT, "no META-INF/container.xml")
        container = parse_xml(read_member(archive, "META-INF/container.xml", limits), "container")
        rootfile = container.find(f".//{_CONTAINER_NS}rootfile")
        opf_path = rootfile.get("full-path", "") if rootfile is not None else ""
        if opf_path not in names:
            raise ExtractFailed(FailureKind.CORRUPT, "the package document is missing")
        opf = parse_xml(read_member(archive, opf_path, limits), opf_path)
        base = posixpath.dirname(opf_path)
        manifest = {
            item.get("id", ""): (item.get("href", ""), item.get("media-type", ""))
            for item in opf.iter(f"{_OPF_NS}item")
        }
        chapters: list[str] = []
        for itemref in opf.iter(f"{_OPF_NS}itemref"):
            href, media = manifest.get(itemref.get("idref", ""), ("", ""))
            if media in _HTML_TYPES and href:
                chapters.append(posixpath.normpath(posixpath.join(base, unquote(href))))
        encrypted = _encrypted_members(archive, names, limits)
        if encrypted & set(chapters):
            raise ExtractFailed(FailureKind.ENCRYPTED, "DRM-protected chapters")
        blocks: list[str] = []
        for chapter in chapters:
            if chapter not in names:
                continue
            text, _ = decode_text(read_member(archive, chapter, limits))
            # Chapter <title>s are often file names ("ch001.xhtml"): the headings carry the text.
            blocks.append(html_to_markdown(text, whole=True, use_title=False))
        title_el = opf.find(".//{http://purl.org/dc/elements/1.1/}title")
    title = (title_el.text or "").strip() if title_el is not None else ""
    markdown = join_blocks(blocks)
    if not markdown.strip():
        raise ExtractFailed(FailureKind.EMPTY, "no chapter text")
    if title and not markdown.lstrip().startswith(f"# {title}"):
        markdown = f"# {title}\n\n{markdown}"
    return Extraction(
        markdown=markdown, kind="epub", mime_type=mime, units=len(chapters), unit_name="chapter"
    )


def _encrypted_members(archive: object, names: set[str], limits: Limits) -> set[str]:
    import zipfile

    assert isinstance(archive, zipfile.ZipFile)
    if "META-INF/encryption.xml" not in names:
        return set()
    root = parse_xml(read_member(archive, "META-INF/encryption.xml", limits), "encryption.xml")
    return {
        posixpath.normpath(unquote(ref.get("URI", "")))
        for ref in root.iter(f"{_ENC_NS}CipherReference")
    }


# -- E-mail -------------------------------------------------------------------------------

_HEADERS = ("From", "To", "Cc", "Date")


def extract_eml(path: Path, mime: str, limits: Limits) -> Extraction:
    data = path.read_bytes()
    if not data.strip():
        raise ExtractFailed(FailureKind.EMPTY)
    message = email.message_from_bytes(data, policy=policy.default)
    if not isinstance(message, EmailMessage) or not message.keys():
        raise ExtractFailed(FailureKind.CORRUPT, "no e-mail headers")
    blocks = [f"# {message.get('Subject', '(no subject)')}"]
    header_lines = [f"**{h}:** {message[h]}" for h in _HEADERS if message.get(h)]
    blocks.append("  \n".join(header_lines))
    blocks.append(_body(message))
    attachments = [_describe(part) for part in message.iter_attachments()]
    if attachments:
        blocks.append("## Attachments\n\n" + "\n".join(f"- {a}" for a in attachments))
    return Extraction(markdown=join_blocks(blocks), kind="email", mime_type=mime)


def _body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, ValueError, AssertionError):
        payload = part.get_payload(decode=True)
        content = decode_text(payload)[0] if isinstance(payload, bytes) else ""
    if not isinstance(content, str):
        return ""
    if part.get_content_subtype() == "html":
        return html_to_markdown(content)
    return content.replace("\r\n", "\n").strip()


def _describe(part: EmailMessage) -> str:
    name = part.get_filename() or (
        "forwarded message" if part.get_content_type() == "message/rfc822" else "unnamed"
    )
    payload = part.get_payload(decode=True)
    size = f", {_size(len(payload))}" if isinstance(payload, bytes) else ""
    return f"{name} ({part.get_content_type()}{size})"


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / (1024 * 1024):.1f} MB"


# -- RTF ----------------------------------------------------------------------------------


def extract_rtf(path: Path, mime: str, limits: Limits) -> Extraction:
    from striprtf.striprtf import rtf_to_text

    raw = path.read_bytes()
    if not raw.strip():
        raise ExtractFailed(FailureKind.EMPTY)
    if not raw.lstrip().startswith(b"{\\rtf"):
        raise ExtractFailed(FailureKind.CORRUPT, "not RTF")
    try:
        text = str(rtf_to_text(raw.decode("latin-1"), encoding="cp1252", errors="replace"))  # type: ignore[no-untyped-call]
    except (ValueError, IndexError, UnicodeError) as exc:
        raise ExtractFailed(FailureKind.CORRUPT, str(exc)) from exc
    markdown = join_blocks(["\n".join(_rtf_tables(text.replace("\r\n", "\n")))])
    if not markdown.strip():
        raise ExtractFailed(FailureKind.EMPTY)
    return Extraction(markdown=markdown, kind="rtf", mime_type=mime)


def _rtf_tables(text: str) -> list[str]:
    """striprtf ends each table cell with a newline and starts the next with "|": rebuild rows
    ("a | b | c") and give each run of rows a Markdown table header rule."""
    text = text.replace("\n|", " | ")
    lines: list[str] = []
    in_table = False
    for raw in text.split("\n"):
        line = raw.rstrip()
        if line.endswith(" |") and line.count(" | ") >= 1:
            cells = [c.strip() for c in line.rstrip("| ").split(" | ")]
            lines.append("| " + " | ".join(cells) + " |")
            if not in_table:
                lines.append("|" + "---|" * len(cells))
            in_table = True
            continue
        in_table = False
        lines.append(line)
    return lines
