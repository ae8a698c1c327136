"""Talking to the running tray app: where it listens, and the one-line JSON messages it accepts.

Qt-free on purpose: ``attachguard add FILE`` uses :func:`send` to hand files to a running instance
without loading Qt, so it stays fast and works without a display. The server side (a
``QLocalServer``) is in ``single_instance.py``.

One instance per data root: the address is derived from the data directory, so two
``ATTACHGUARD_HOME`` roots are two independent instances. On POSIX it is a Unix socket in the
runtime directory (or, when that path is too long for a socket address, in the temp directory
under a name made of the user id and a hash of the data root); on Windows a named pipe.

Protocol: the client sends one JSON object and a newline, ``{"command": ..., "paths": [...]}``;
the server answers with one line ``{"ok": bool, "message": str}`` and closes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import socket
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from desktop_app.paths import AppPaths

#: Unix socket paths longer than this do not fit ``sockaddr_un`` on every platform (104 on macOS).
_MAX_SOCKET_PATH = 100
#: A request larger than this is refused (a file manager passing thousands of paths still fits).
MAX_MESSAGE_BYTES = 4 * 1024 * 1024


class Command(StrEnum):
    OPEN = "open"  # show the window; back up and upload any paths given
    ADD = "add"  # back up and upload the paths; keep the window as it is
    COPY_TEXT = "copy-text"  # the tray's "Copy text instead"; replies once the clipboard is set


@dataclass(frozen=True)
class Request:
    command: Command
    paths: tuple[str, ...] = field(default_factory=tuple)
    #: COPY_TEXT: the vault entry whose text to copy (None: the app's own default choice).
    entry_id: int | None = None

    def encode(self) -> bytes:
        body: dict[str, object] = {"command": self.command.value, "paths": list(self.paths)}
        if self.entry_id is not None:
            body["entry"] = self.entry_id
        return json.dumps(body, ensure_ascii=False).encode("utf-8") + b"\n"

    @classmethod
    def decode(cls, data: bytes) -> Request:
        """Parse one message; ValueError when it is not one of ours."""
        try:
            body = json.loads(data.decode("utf-8"))
            command = Command(body["command"])
            paths = body.get("paths", [])
            entry = body.get("entry")
        except (UnicodeDecodeError, KeyError, TypeError, AttributeError, ValueError) as exc:
            raise ValueError(f"not an AttachGuard message: {exc}") from exc
        if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
            raise ValueError("paths must be a list of strings")
        if entry is not None and (not isinstance(entry, int) or isinstance(entry, bool)):
            raise ValueError("entry must be a whole number")
        return cls(command, tuple(paths), entry)


@dataclass(frozen=True)
class Reply:
    ok: bool
    message: str

    def encode(self) -> bytes:
        body = {"ok": self.ok, "message": self.message}
        return json.dumps(body, ensure_ascii=False).encode("utf-8") + b"\n"

    @classmethod
    def decode(cls, data: bytes) -> Reply:
        try:
            body = json.loads(data.decode("utf-8"))
            return cls(bool(body["ok"]), str(body["message"]))
        except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as exc:
            raise ValueError(f"unexpected reply from the running app: {exc}") from exc


@dataclass(frozen=True)
class InstanceAddress:
    #: What ``QLocalServer.listen`` takes: a socket path on POSIX, a pipe name on Windows.
    server_name: str
    #: Held (``QLockFile``) by the primary instance for its whole life; decides who is primary.
    lock_file: Path


def instance_address(paths: AppPaths) -> InstanceAddress:
    """The address of the instance that owns ``paths.data_dir``."""
    root = str(paths.data_dir.expanduser().resolve())
    digest = hashlib.sha256(root.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    lock_file = paths.runtime_dir / "instance.lock"
    if sys.platform == "win32":
        return InstanceAddress(f"attachguard-{digest}", lock_file)
    candidate = paths.runtime_dir / "instance.sock"
    if len(os.fsencode(candidate)) > _MAX_SOCKET_PATH:
        uid = os.getuid()
        candidate = Path(tempfile.gettempdir()) / f"attachguard-{uid}-{digest}.sock"
    return InstanceAddress(str(candidate), lock_file)


class InstanceError(OSError):
    """A running instance was reached but did not answer properly."""


def send(address: InstanceAddress, request: Request, *, timeout: float = 10.0) -> Reply | None:
    """Deliver ``request`` to the running instance; None when no instance is listening.

    ``timeout`` bounds the wait for the reply (``COPY_TEXT`` replies only once the text is on
    the clipboard, so callers pass a longer one). Raises :class:`InstanceError` when an instance
    accepted the connection but did not reply in time or replied with garbage.
    """
    if sys.platform == "win32":
        return _send_pipe(address, request, timeout)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.settimeout(min(timeout, 5.0))
        try:
            sock.connect(address.server_name)
        except (FileNotFoundError, ConnectionRefusedError):
            return None  # nobody listening (or a stale socket file left by a crash)
        sock.settimeout(timeout)
        try:
            sock.sendall(request.encode())
            return Reply.decode(_read_line(sock.recv))
        except (TimeoutError, OSError, ValueError) as exc:
            raise InstanceError(f"the running AttachGuard did not answer: {exc}") from exc
    finally:
        sock.close()


def _send_pipe(address: InstanceAddress, request: Request, timeout: float) -> Reply | None:
    pipe = rf"\\.\pipe\{address.server_name}"
    deadline = time.monotonic() + min(timeout, 5.0)
    while True:
        try:
            handle = open(pipe, "r+b", buffering=0)  # noqa: SIM115 - closed below
            break
        except FileNotFoundError:
            return None
        except PermissionError:
            # All pipe instances busy: the server is between connections; try again shortly.
            if time.monotonic() > deadline:
                raise InstanceError("the running AttachGuard is busy") from None
            time.sleep(0.05)
    with contextlib.closing(handle):
        try:
            handle.write(request.encode())
            return Reply.decode(_read_line(handle.read))
        except (OSError, ValueError) as exc:
            raise InstanceError(f"the running AttachGuard did not answer: {exc}") from exc


def _read_line(read: Callable[[int], bytes]) -> bytes:
    buffer = bytearray()
    while b"\n" not in buffer:
        chunk = read(65536)
        if not chunk:
            break
        buffer += chunk
        if len(buffer) > MAX_MESSAGE_BYTES:
            raise ValueError("reply too large")
    if not buffer:
        raise ValueError("the connection closed without a reply")
    return bytes(buffer.split(b"\n", 1)[0])


#: Replies to COPY_TEXT come once the text is on the clipboard (extraction can take a while).
COPY_TIMEOUT_S = 120.0


def hand_over(address: InstanceAddress, request: Request, *, wait: float = 0.0) -> int | None:
    """Give ``request`` to the running instance and print its answer; the exit code for the
    launch, or None when no instance is running. ``wait`` > 0 keeps trying that long (for a
    launch that lost the race to one that is still starting up)."""
    timeout = COPY_TIMEOUT_S if request.command is Command.COPY_TEXT else 30.0
    deadline = time.monotonic() + wait
    while True:
        try:
            reply = send(address, request, timeout=timeout)
        except InstanceError as exc:
            print(f"attachguard: {exc}", file=sys.stderr)
            return 1
        if reply is not None:
            print(reply.message, file=sys.stdout if reply.ok else sys.stderr)
            return 0 if reply.ok else 1
        if time.monotonic() >= deadline:
            return None
        time.sleep(0.1)  # the other launch holds the lock but is not listening yet


def open_request(files: Sequence[str] = (), command: Command = Command.OPEN) -> Request:
    """The request a launch with these file arguments makes (absolute paths)."""
    return Request(command, tuple(str(Path(f).absolute()) for f in files))
