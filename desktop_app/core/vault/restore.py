"""Copy a blob out of the vault under a safe version of its stored name, never overwriting.

Stored names come from other programs (drops, watched folders, e-mail attachments) and are not
trusted: :func:`safe_filename` reduces any of them to one plain file name that cannot escape the
destination folder, is valid on Windows, macOS and Linux, and fits the file system's limit.
The copy is written to a temp file in the destination, checked against the SHA-256, and only then
linked under its final name, so a reader never sees a half-written file.
"""

from __future__ import annotations

import contextlib
import os
import re
import unicodedata
from pathlib import Path

from desktop_app.core import fsutil
from desktop_app.core.errors import VaultError

DEFAULT_NAME = "restored-file"
_MAX_NAME_BYTES = 255
_UNSAFE_CHARS = re.compile(r'[<>:"|?*]')
_BIDI_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)}
)
_O_BINARY = getattr(os, "O_BINARY", 0)
_TEMP_PREFIX = ".attachguard-restore-"


def safe_filename(name: str, max_bytes: int = _MAX_NAME_BYTES) -> str:
    """One harmless file name derived from ``name`` (see the module docstring)."""
    # Only the last path component counts: "../../etc/x" and "/etc/x" both become "x".
    parts = [p for p in re.split(r"[/\\]", name) if p.strip(" .")]
    base = parts[-1] if parts else ""
    cleaned = "".join(
        "_" if (unicodedata.category(c) in ("Cc", "Cs", "Zl", "Zp") or c in _BIDI_CONTROLS) else c
        for c in base
    )
    cleaned = _UNSAFE_CHARS.sub("_", cleaned).strip(" ").rstrip(". ")
    if not cleaned.strip("._ "):
        cleaned = DEFAULT_NAME
    stem, ext = _split(cleaned)
    if stem.split(".")[0].lower() in _WINDOWS_RESERVED:
        stem = "_" + stem
    return _fit(stem, "", ext, max_bytes)


def restore_blob(blob: Path, sha256: str, name: str, dest_dir: Path) -> Path:
    """Copy ``blob`` into ``dest_dir`` as ``safe_filename(name)``, or "name (1).ext" if taken."""
    try:
        src_fd = os.open(blob, os.O_RDONLY | _O_BINARY)
    except FileNotFoundError as exc:
        raise VaultError(f"the stored copy of {name!r} is missing; run verify") from exc
    except OSError as exc:
        raise VaultError(f"cannot read the stored copy of {name!r}: {exc.strerror or exc}") from exc
    try:
        with fsutil.write_errors_converted(str(dest_dir)):
            dest_dir.mkdir(parents=True, exist_ok=True)
            limit = _name_limit(dest_dir)
            stem, ext = _split(safe_filename(name, limit))
            # Created with 0666 so the user's umask decides: a restored copy is a normal file.
            tmp_fd, tmp_path = fsutil.create_temp(dest_dir, mode=0o666, prefix=_TEMP_PREFIX)
            try:
                try:
                    copied = fsutil.copy_hashing(src_fd, tmp_fd, str(blob), where=str(dest_dir))
                    os.fsync(tmp_fd)
                finally:
                    os.close(tmp_fd)
                if copied.sha256 != sha256:
                    raise VaultError(f"the stored copy of {name!r} is corrupt; run verify")
                final = _place(tmp_path, dest_dir, stem, ext, limit)
            finally:
                tmp_path.unlink(missing_ok=True)
            fsutil.fsync_dir(dest_dir)
    finally:
        os.close(src_fd)
    return final


def _place(tmp_path: Path, dest_dir: Path, stem: str, ext: str, limit: int) -> Path:
    for number in range(10_000):
        marker = f" ({number})" if number else ""
        candidate = dest_dir / _fit(stem, marker, ext, limit)
        try:
            # A hard link never replaces an existing file: the no-overwrite check is atomic.
            os.link(tmp_path, candidate)
            return candidate
        except FileExistsError:
            continue
        except OSError:
            pass  # the file system has no hard links (FAT, some network shares)
        try:
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY, 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        try:
            os.replace(tmp_path, candidate)  # replaces only the empty file reserved above
        except BaseException:
            with contextlib.suppress(OSError):
                candidate.unlink()
            raise
        return candidate
    raise VaultError(f"too many files named like {stem}{ext} in {dest_dir}")


def _split(name: str) -> tuple[str, str]:
    """(stem, extension); an extension is a short dotted suffix after a non-empty stem."""
    dot = name.rfind(".")
    if dot <= 0 or len(name) - dot > 16 or " " in name[dot:]:
        return name, ""
    return name[:dot], name[dot:]


def _fit(stem: str, marker: str, ext: str, limit: int) -> str:
    """``stem + marker + ext`` cut (at a character boundary) to ``limit`` UTF-8 bytes."""
    if len(ext.encode("utf-8")) > limit // 2:
        stem, ext = stem + ext, ""
    room = limit - len(marker.encode("utf-8")) - len(ext.encode("utf-8"))
    encoded = stem.encode("utf-8")
    if len(encoded) > room:
        stem = encoded[:room].decode("utf-8", "ignore").rstrip(". ") or "_"
    return f"{stem}{marker}{ext}"


def _name_limit(directory: Path) -> int:
    try:
        return min(_MAX_NAME_BYTES, os.pathconf(directory, "PC_NAME_MAX"))
    except (AttributeError, OSError, ValueError):  # pragma: no cover - Windows has no pathconf
        return _MAX_NAME_BYTES
