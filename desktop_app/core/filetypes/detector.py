"""``detect()``: a file's type from its content first and its name second.

Order of evidence: magic numbers (``signatures``), then a look inside zip and OLE2 containers
(``containers``), then text versus binary and what a text announces (``textual``), and last the
file name. A name never overrides content for a type recognised by content (``by_content`` in
the table): a file called ``x.pdf`` that does not start like a PDF is not a PDF. Among texts the
name does decide when it is specific (``.md``, ``.csv``, ``.py``): a README.md that opens with an
HTML tag is still Markdown, while a ``.txt`` that holds a web page is a web page.
"""

from __future__ import annotations

from pathlib import Path, PurePath

from desktop_app.core.filetypes.containers import (
    ole2_from_directory,
    ole2_from_name,
    zip_from_head,
    zip_from_members,
)
from desktop_app.core.filetypes.signatures import OLE2_MAGIC, ZIP_MAGICS, from_magic
from desktop_app.core.filetypes.table import OCTET_STREAM, TEXT, FileType, by_mime, by_name
from desktop_app.core.filetypes.textual import classify, decode_text
from desktop_app.core.fsutil import HEAD_BYTES

_CONTAINERS = (*ZIP_MAGICS, OLE2_MAGIC)


def detect(source: Path | bytes, name: str | None = None, *, head: bytes | None = None) -> FileType:
    """The type of the file at ``source``, or of a file whose first bytes are ``source``.

    ``name`` (default: the path's) gives the extension hints. For a path, the first
    :data:`HEAD_BYTES` are read, and for zip/OLE2 containers their directory too (never the
    whole file); a caller that already holds those first bytes passes them as ``head`` and the
    file is then opened only for containers. From bytes alone, zip- and OLE2-based office files
    are told apart only by an ODF ``mimetype`` member or by ``name``. Raises ``OSError`` if the
    file cannot be read.
    """
    if isinstance(source, bytes):
        return _from_head(source, name or "")
    label = name if name is not None else source.name
    if head is not None and not head.startswith(_CONTAINERS):
        return _from_head(head, label)
    with source.open("rb") as handle:
        head = handle.read(HEAD_BYTES)
        found: str | None = None
        if head.startswith(ZIP_MAGICS):
            handle.seek(0)
            found = zip_from_members(handle)
        elif head.startswith(OLE2_MAGIC):
            found = ole2_from_directory(handle)
    return by_mime(found) if found else _from_head(head, label)


def _from_head(head: bytes, name: str) -> FileType:
    ext = PurePath(name).suffix.lower()
    magic = from_magic(head)
    if magic is not None:
        return by_mime(magic)
    if head.startswith(ZIP_MAGICS):
        return by_mime(zip_from_head(head, ext))
    if head.startswith(OLE2_MAGIC):
        return by_mime(ole2_from_name(ext))
    text = decode_text(head)
    if text is None:
        named = by_name(name, text=False)
        return named if named is not None and not named.by_content else by_mime(OCTET_STREAM)
    return _text_type(text, truncated=len(head) >= HEAD_BYTES, name=name)


def _text_type(text: str, *, truncated: bool, name: str) -> FileType:
    named = by_name(name, text=True)
    if named is not None and not named.is_text:
        named = None  # e.g. "clip.mp4" that is text after all: the name is wrong, not the bytes
    plain = by_mime(TEXT)
    if named is not None and named != plain:
        return named  # a specific name: text/csv, text/markdown, Python source...
    announced = classify(text, truncated=truncated)
    return by_mime(announced) if announced else plain
