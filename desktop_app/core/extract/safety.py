"""Guards run before any parser sees a file: decompression bombs in zip containers, and XML
that declares entities or a DTD (billion laughs, external entities that would read local files).

Parsers that read zip members are handed a :class:`SafeZip`, which re-checks every read against
the sizes declared in the central directory, because a hostile archive can lie about them.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import IO
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from desktop_app.core.extract.result import ExtractFailed, FailureKind, Limits

_MIB = 1024 * 1024
# Entity declarations must come before the root element; they never appear in OOXML, ODF or
# EPUB parts, so any of them inside a container is treated as an attack.
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_ENTITY_DECL_UTF16 = re.compile("<!ENTITY".encode("utf-16-le"), re.IGNORECASE)
_PROLOG_BYTES = 64 * 1024


def check_zip(path: Path, limits: Limits) -> zipfile.ZipFile:
    """Open ``path`` as a zip after checking it is not a bomb; raise ``ExtractFailed`` if it is."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ExtractFailed(FailureKind.CORRUPT, f"not a readable zip: {exc}") from exc
    infos = archive.infolist()
    if len(infos) > limits.max_zip_members:
        archive.close()
        raise ExtractFailed(FailureKind.BOMB, f"{len(infos)} members")
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _MIB and ratio > limits.max_zip_ratio:
            archive.close()
            raise ExtractFailed(
                FailureKind.BOMB, f"{info.filename} expands x{ratio:.0f} to {info.file_size} bytes"
            )
    if total > limits.max_zip_total_bytes:
        archive.close()
        raise ExtractFailed(FailureKind.BOMB, f"expands to {total} bytes in total")
    return archive


def read_member(archive: zipfile.ZipFile, name: str, limits: Limits) -> bytes:
    """A member's bytes, refusing more than its declared size and any entity declaration."""
    try:
        info = archive.getinfo(name)
    except KeyError as exc:
        raise ExtractFailed(FailureKind.CORRUPT, f"missing part {name}") from exc
    cap = min(info.file_size, limits.max_zip_total_bytes)
    try:
        with archive.open(info) as handle:
            data = _read_capped(handle, cap)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
        raise ExtractFailed(FailureKind.CORRUPT, f"cannot read {name}: {exc}") from exc
    except RuntimeError as exc:  # zipfile raises this for encrypted members
        raise ExtractFailed(FailureKind.ENCRYPTED, f"{name}: {exc}") from exc
    refuse_entities(data, name)
    return data


def _read_capped(handle: IO[bytes], cap: int) -> bytes:
    data = handle.read(cap + 1)
    if len(data) > cap:
        raise ExtractFailed(FailureKind.BOMB, "a member is larger than its declared size")
    return data


def refuse_entities(data: bytes, name: str) -> None:
    """Refuse XML whose prolog declares entities (the building block of XML bombs and XXE)."""
    head = data[:_PROLOG_BYTES]
    if _ENTITY_DECL.search(head) or _ENTITY_DECL_UTF16.search(head):
        raise ExtractFailed(FailureKind.ENTITIES, f"{name} declares XML entities")


def check_zip_members(archive: zipfile.ZipFile, suffixes: tuple[str, ...]) -> None:
    """Scan every XML-ish member's prolog for entity declarations before a library parses it."""
    for info in archive.infolist():
        if not info.filename.lower().endswith(suffixes):
            continue
        try:
            with archive.open(info) as handle:
                head = handle.read(_PROLOG_BYTES)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
            raise ExtractFailed(FailureKind.CORRUPT, f"cannot read {info.filename}: {exc}") from exc
        except RuntimeError as exc:  # zipfile raises this for encrypted members
            raise ExtractFailed(FailureKind.ENCRYPTED, f"{info.filename}: {exc}") from exc
        refuse_entities(head, info.filename)


def parse_xml(data: bytes, name: str) -> Element:
    """Parse XML with no DTD, no entities and no external references (defusedxml)."""
    try:
        root: Element = SafeET.fromstring(
            data, forbid_dtd=False, forbid_entities=True, forbid_external=True
        )
        return root
    except DefusedXmlException as exc:
        raise ExtractFailed(FailureKind.ENTITIES, f"{name}: {exc}") from exc
    except SafeET.ParseError as exc:
        raise ExtractFailed(FailureKind.CORRUPT, f"{name}: {exc}") from exc
