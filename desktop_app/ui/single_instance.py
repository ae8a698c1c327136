"""The single-instance guard: the first app for a data root listens; later launches hand over.

Who is primary is decided by a ``QLockFile`` in the runtime directory, held for the app's whole
life. A lock left by a crashed instance is stale (its process is gone) and is taken over; so is the
socket file that instance left behind (``QLocalServer.removeServer``), which is only ever removed
while holding the lock, so a live instance's socket is never deleted.

Messages are ``ipc.Request`` lines; the handler gets the request and a :class:`Responder`, and may
answer later (``COPY_TEXT`` answers once the clipboard is set).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QLockFile, QObject, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from desktop_app.ipc import MAX_MESSAGE_BYTES, InstanceAddress, Reply, Request

log = logging.getLogger(__name__)


class Responder:
    """Answers one client; later calls and calls after the client went away do nothing."""

    def __init__(self, socket: QLocalSocket) -> None:
        self._socket: QLocalSocket | None = socket

    def reply(self, reply: Reply) -> None:
        socket, self._socket = self._socket, None
        if socket is None:
            return
        try:
            if socket.state() != QLocalSocket.LocalSocketState.ConnectedState:
                return
            socket.write(QByteArray(reply.encode()))
            socket.flush()
            socket.disconnectFromServer()
        except RuntimeError:
            pass  # the client gave up and Qt already deleted the socket


Handler = Callable[[Request, Responder], None]


class SingleInstance(QObject):
    """Owns the lock and the local server for one data root."""

    def __init__(self, address: InstanceAddress, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.address = address
        self.handler: Handler | None = None
        self._lock: QLockFile | None = None
        self._server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytearray] = {}

    def acquire(self) -> bool:
        """Become the primary instance. False when another live instance holds the lock."""
        self.address.lock_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        lock = QLockFile(str(self.address.lock_file))
        lock.setStaleLockTime(0)  # stale only when the owning process is gone, never by age
        if not lock.tryLock(0):
            if lock.error() == QLockFile.LockError.LockFailedError:
                return False
            raise OSError(f"cannot create the instance lock {self.address.lock_file}")
        self._lock = lock
        # We hold the lock, so any socket file still there belongs to a crashed instance.
        QLocalServer.removeServer(self.address.server_name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.setMaxPendingConnections(64)
        if not server.listen(self.address.server_name):
            message = server.errorString()
            lock.unlock()
            self._lock = None
            raise OSError(f"cannot listen on {self.address.server_name}: {message}")
        server.newConnection.connect(self._accept)
        self._server = server
        log.info("single instance: listening on %s", self.address.server_name)
        return True

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        for socket in list(self._buffers):
            socket.abort()
        self._buffers.clear()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    @Slot()
    def _accept(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._buffers[socket] = bytearray()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))
            if socket.bytesAvailable():
                self._read(socket)

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _read(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.get(socket)
        if buffer is None:
            return
        buffer += bytes(socket.readAll().data())
        if len(buffer) > MAX_MESSAGE_BYTES:
            log.warning("single instance: oversized message refused")
            Responder(socket).reply(Reply(False, "message too large"))
            del self._buffers[socket]
            return
        if b"\n" not in buffer:
            return
        line = bytes(buffer.split(b"\n", 1)[0])
        del self._buffers[socket]
        responder = Responder(socket)
        try:
            request = Request.decode(line)
        except ValueError as exc:
            responder.reply(Reply(False, str(exc)))
            return
        log.info("single instance: %s with %d path(s)", request.command, len(request.paths))
        if self.handler is None:
            responder.reply(Reply(False, "AttachGuard is still starting; try again"))
            return
        try:
            self.handler(request, responder)
        except Exception as exc:
            log.exception("single instance: handler failed")
            responder.reply(Reply(False, f"the running app could not do that: {exc}"))
