"""Low-level file helpers: safe opening, one-pass copy+hash, the one file hasher, fsync, temp files.

Kept apart from ``vault.py`` so the vault reads as policy (what is stored where, and when a row
is written) while this module holds the OS details (non-blocking opens, short writes, directory
fsync, and telling a crashed writer's temp file from a live one).
"""

from __future__ import annotations

import errno
import hashlib
import os
import secrets
import stat
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

try:  # POSIX only: a crashed writer's lock vanishes with its process.
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

from desktop_app.core.errors import DiskFullError, SourceError, VaultError

#: Copy buffer: large enough that syscalls and hashing overhead vanish, small enough to stay in
#: cache. Memory use of an ingest is this buffer, whatever the file size.
COPY_BUFFER = 1 << 20

#: How much of the start of each file is kept for MIME sniffing.
HEAD_BYTES = 8192

TEMP_PREFIX = "tmp-"

_DISK_FULL = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})

_O_BINARY = getattr(os, "O_BINARY", 0)
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)

_KIND_NAMES = {
    stat.S_IFDIR: "a directory",
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}

Writer = Callable[[int, memoryview], int]
Replacer = Callable[[str, str], None]


@dataclass
class FileOps:
    """The OS calls that can fail half-way through storing a blob.

    Production code uses the defaults; tests pass replacements to simulate a full disk or a crash
    between writing a temp file and renaming it into place, without patching ``os`` globally.
    """

    write: Writer = field(default=os.write)
    replace: Replacer = field(default=os.replace)


@dataclass(frozen=True)
class CopyResult:
    sha256: str
    size: int
    head: bytes


def kind_of(mode: int) -> str:
    """A human name for a non-regular file type, e.g. "a FIFO (named pipe)"."""
    return _KIND_NAMES.get(stat.S_IFMT(mode), "not a regular file")


def open_source(path: Path) -> int:
    """Open ``path`` for reading, refusing anything but a regular file, without ever blocking.

    ``O_NONBLOCK`` makes opening a FIFO return at once instead of waiting for a writer; the type
    is then checked on the open descriptor (``fstat``) so a file swapped between a ``stat`` and
    the ``open`` cannot slip through.
    """
    try:
        fd = os.open(path, os.O_RDONLY | _O_BINARY | _O_NONBLOCK | _O_CLOEXEC)
    except FileNotFoundError as exc:
        raise SourceError(f"{path}: vanished before it could be backed up") from exc
    except IsADirectoryError as exc:
        raise SourceError(f"{path}: is a directory") from exc
    except PermissionError as exc:
        raise SourceError(f"{path}: permission denied") from exc
    except OSError as exc:
        raise SourceError(f"{path}: cannot be opened ({exc.strerror or exc})") from exc
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise SourceError(f"{path}: is {kind_of(mode)}, not a regular file")
        if _O_NONBLOCK and fcntl is not None:
            flags = fcntl.fcntl(fd, fcntl.F_GETFL)
            fcntl.fcntl(fd, fcntl.F_SETFL, flags & ~_O_NONBLOCK)
    except BaseException:
        os.close(fd)
        raise
    return fd


def copy_hashing(
    src_fd: int, dst_fd: int, label: str, write: Writer = os.write, where: str = "the vault"
) -> CopyResult:
    """Copy ``src_fd`` to ``dst_fd`` in one read pass, hashing (SHA-256) what was read.

    Read errors become :class:`SourceError`, ENOSPC/EDQUOT on write :class:`DiskFullError`, other
    write errors :class:`VaultError`. The caller owns both descriptors and the cleanup.
    """
    digest = hashlib.sha256()
    buffer = bytearray(COPY_BUFFER)
    view = memoryview(buffer)
    head = b""
    size = 0
    with open(src_fd, "rb", buffering=0, closefd=False) as source:
        while True:
            try:
                count = source.readinto(buffer)
            except OSError as exc:
                raise SourceError(f"{label}: read failed ({exc.strerror or exc})") from exc
            if not count:
                break
            chunk = view[:count]
            digest.update(chunk)
            if len(head) < HEAD_BYTES:
                head += bytes(chunk[: HEAD_BYTES - len(head)])
            write_all(dst_fd, chunk, write, where)
            size += count
    return CopyResult(sha256=digest.hexdigest(), size=size, head=head)


def write_all(
    fd: int, data: memoryview, write: Writer = os.write, where: str = "the vault"
) -> None:
    """Write all of ``data`` (``os.write`` may write less than asked)."""
    while data:
        try:
            written = write(fd, data)
        except OSError as exc:
            raise write_error(exc, where) from exc
        data = data[written:]


def write_error(exc: OSError, where: str) -> VaultError:
    """Our error for a failed write to ``where``: :class:`DiskFullError` when the disk is full."""
    if exc.errno in _DISK_FULL:
        return DiskFullError(f"no space left on the disk holding {where}")
    return VaultError(f"cannot write to {where}: {exc.strerror or exc}")


@contextmanager
def write_errors_converted(where: str) -> Iterator[None]:
    """Turn an ``OSError`` from creating, writing, syncing or renaming into :func:`write_error`.

    File systems may report a full disk late (at ``fsync`` or ``close``), so every step is
    covered, not only ``write``.
    """
    try:
        yield
    except OSError as exc:
        raise write_error(exc, where) from exc


class Digest(Protocol):
    """Anything ``hashlib`` makes: fed the same bytes as the SHA-256 by :func:`hash_file`."""

    def update(self, data: memoryview, /) -> None: ...


def hash_file(
    path: str | os.PathLike[str],
    buffer: bytearray | None = None,
    *,
    also: Iterable[Digest] = (),
) -> tuple[str, int]:
    """(SHA-256 hex, size) of the file at ``path``, in one read. Raises ``OSError``.

    The one file hasher of the app. ``buffer`` is reused across calls by callers that hash many
    files (one allocation, not one per file); ``also`` are further digests (the Uploads API's
    MD5) fed the same bytes, so a file is read once whatever it is hashed for.
    """
    digest = hashlib.sha256()
    extra = tuple(also)
    size = 0
    if buffer is None:
        buffer = bytearray(COPY_BUFFER)
    view = memoryview(buffer)
    with open(path, "rb", buffering=0) as handle:
        while count := handle.readinto(buffer):
            chunk = view[:count]
            digest.update(chunk)
            for other in extra:
                other.update(chunk)
            size += count
    return digest.hexdigest(), size


def fsync_dir(path: Path) -> None:
    """Make a rename or unlink in ``path`` durable. Windows cannot open directories: skipped."""
    if os.name == "nt":  # pragma: no cover - Windows
        return
    fd = os.open(path, os.O_RDONLY | _O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def private_dir(path: Path) -> bool:
    """Create ``path`` (mode 0700) if needed, or tighten it; True when it was created now."""
    try:
        path.mkdir(mode=0o700)
    except FileExistsError:
        if os.name != "nt" and stat.S_IMODE(path.stat().st_mode) != 0o700:
            path.chmod(0o700)  # e.g. restored from a backup tool that widened the mode
        return False
    # mkdir's mode is filtered by the umask; make sure it is exactly 0700.
    path.chmod(0o700)
    return True


def create_temp(directory: Path, mode: int = 0o600, prefix: str = TEMP_PREFIX) -> tuple[int, Path]:
    """A new, exclusively created temp file in ``directory``, locked while it is being written.

    The lock (POSIX ``flock``) lets :func:`sweep_temp` tell the leftovers of a crashed writer
    from a file another process is writing right now.
    """
    while True:
        path = directory / f"{prefix}{secrets.token_hex(8)}"
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY | _O_CLOEXEC, mode)
        except FileExistsError:  # pragma: no cover - 64 random bits collided
            continue
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return fd, path


def sweep_temp(directory: Path) -> int:
    """Remove temp files whose writer is gone (crashed or killed); returns how many."""
    removed = 0
    try:
        names = [n for n in os.listdir(directory) if n.startswith(TEMP_PREFIX)]
    except FileNotFoundError:
        return 0
    for name in names:
        path = directory / name
        try:
            fd = os.open(path, os.O_RDONLY | _O_CLOEXEC)
        except OSError:
            continue
        try:
            if fcntl is not None:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError:
                    continue  # a live writer holds it
            path.unlink(missing_ok=True)
            removed += 1
        except OSError:  # pragma: no cover - Windows refuses to delete a file in use
            continue
        finally:
            os.close(fd)
    return removed


# -- where a path lies (shared by the folder watcher and ``backup -r``) -------------------------


def normalize_root(path: str | Path) -> str:
    """Absolute, ``~``-expanded, symlink-resolved form of a folder path (need not exist)."""
    return os.path.realpath(os.path.abspath(os.path.expanduser(os.fspath(path))))


def inside(path: str, roots: tuple[str, ...]) -> bool:
    """Whether ``path`` is one of ``roots`` or lies below one of them."""
    return any(path == root or path.startswith(root.rstrip(os.sep) + os.sep) for root in roots)
