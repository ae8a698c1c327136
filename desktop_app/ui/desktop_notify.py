"""Desktop notifications with action buttons: the freedesktop Notifications API over D-Bus.

:class:`DesktopNotifications` talks to ``org.freedesktop.Notifications`` on the session bus
(GNOME, KDE, dunst, xfce4-notifyd, mako…): ``GetCapabilities`` first (are action buttons
shown?), then ``Notify`` with actions, ``CloseNotification``, and the ``ActionInvoked`` and
``NotificationClosed`` signals. Where there is no session bus, no server, or a server without
the "actions" capability, :attr:`available` stays False and the caller shows Qt's tray balloon
instead (so also on Windows and macOS).

Why not QtDBus: PySide6 turns every Python ``int`` into a D-Bus ``int32`` (or ``uint16`` through
``QDBusArgument``), while ``Notify`` takes a ``uint32`` ``replaces_id`` and a ``byte`` urgency;
servers built on GDBus (dunst, GNOME) reject the call for the wrong signature. ``jeepney`` (pure
Python, installed with ``keyring`` on Linux) writes the exact signature.

One named thread, ``ag-notify-dbus``, owns the connection: it sends what :meth:`notify` and
:meth:`close_notification` queued and reads replies and signals with a short timeout, so it
notices :meth:`stop` (an Event) within a tenth of a second and is joined. The GUI thread never
waits on the bus: it gets results as Qt signals (queued onto its thread because they are
emitted from the worker).
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import queue
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
OBJECT_PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
#: Spec urgency levels (a byte on the wire).
URGENCY_NORMAL = 1
URGENCY_CRITICAL = 2
#: How long the probe and each reply may take before the bus counts as broken.
CALL_TIMEOUT_S = 3.0
_POLL_S = 0.1


@dataclass(frozen=True)
class Posting:
    """One notification to show. ``sticky`` ones stay until dismissed (expire_timeout 0,
    critical urgency, "resident" so an action does not remove them); others expire after
    ``timeout_ms``."""

    title: str
    body: str
    actions: tuple[tuple[str, str], ...] = ()  # (key, label); "default" is a click on the body
    sticky: bool = False
    timeout_ms: int = 10_000
    icon: str = "dialog-information"


def notify_body(app_name: str, desktop_entry: str, posting: Posting) -> tuple[Any, ...]:
    """The ``Notify`` arguments (signature ``susssasa{sv}i``) in jeepney's form."""
    actions: list[str] = []
    for key, label in posting.actions:
        actions += [key, label]
    hints: dict[str, tuple[str, Any]] = {
        "urgency": ("y", URGENCY_CRITICAL if posting.sticky else URGENCY_NORMAL),
        "desktop-entry": ("s", desktop_entry),
    }
    if posting.sticky:
        hints["resident"] = ("b", True)
    timeout = 0 if posting.sticky else posting.timeout_ms
    return (app_name, 0, posting.icon, posting.title, posting.body, actions, hints, timeout)


def _default_connect() -> Any:
    from jeepney.io.blocking import open_dbus_connection

    return open_dbus_connection(bus="SESSION")


def session_bus_expected() -> bool:
    """Only Linux/BSD desktops have the freedesktop server; elsewhere skip the thread."""
    if sys.platform in ("win32", "darwin"):
        return False
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    return bool(os.environ.get("DBUS_SESSION_BUS_ADDRESS")) or (
        bool(runtime) and os.path.exists(os.path.join(runtime, "bus"))
    )


class DesktopNotifications(QObject):
    """The session bus's notification server, if it shows action buttons."""

    #: The probe finished: True when the server shows action buttons.
    ready = Signal(bool)
    #: (token from :meth:`notify`, notification id) once the server took it.
    posted = Signal(int, int)
    #: (token, reason): the server refused or vanished; show the notice another way.
    failed = Signal(int, str)
    #: (notification id, action key) when the user picks an action.
    action_invoked = Signal(int, str)
    #: (notification id, reason) when it is closed (1 expired, 2 dismissed, 3 closed by us).
    closed = Signal(int, int)

    def __init__(
        self,
        app_name: str = "AttachGuard",
        desktop_entry: str = "io.github.attachguard.AttachGuard",
        *,
        connect: Callable[[], Any] = _default_connect,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._app_name = app_name
        self._desktop_entry = desktop_entry
        self._connect = connect
        self._stop = threading.Event()
        self._outbox: queue.SimpleQueue[tuple[str, int, Any]] = queue.SimpleQueue()
        self._tokens = itertools.count(1)
        self._thread: threading.Thread | None = None
        self.available = False
        self.server = ""
        self.ready.connect(self._set_available)

    def _set_available(self, available: bool) -> None:
        self.available = available

    # -- GUI thread ---------------------------------------------------------------------------

    def start(self) -> None:
        """Connect and probe on the worker thread; :attr:`ready` tells the outcome."""
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="ag-notify-dbus", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        self.available = False

    def notify(self, posting: Posting) -> int:
        """Queue ``posting``; returns a token that :attr:`posted` or :attr:`failed` names."""
        token = next(self._tokens)
        self._outbox.put(("notify", token, posting))
        return token

    def close_notification(self, notification_id: int) -> None:
        self._outbox.put(("close", 0, notification_id))

    # -- worker thread ------------------------------------------------------------------------

    def _run(self) -> None:
        try:
            conn = self._connect()
        except Exception as exc:  # no bus, refused, bad address: the balloon it is
            log.info("desktop notifications: no session bus (%s)", exc)
            self.ready.emit(False)
            return
        try:
            if self._probe(conn):
                self._serve(conn)
        except Exception as exc:  # the bus went away: later notices use the balloon
            log.warning("desktop notifications: the session bus failed: %s", exc)
        finally:
            self.available = False
            with contextlib.suppress(Exception):
                conn.close()
            self._fail_queued()

    def _probe(self, conn: Any) -> bool:
        from jeepney import DBusAddress, MatchRule, MessageType, message_bus, new_method_call

        rule = MatchRule(type="signal", interface=INTERFACE, path=OBJECT_PATH)
        conn.send_and_get_reply(message_bus.AddMatch(rule), timeout=CALL_TIMEOUT_S)
        address = DBusAddress(OBJECT_PATH, bus_name=SERVICE, interface=INTERFACE)
        reply = conn.send_and_get_reply(
            new_method_call(address, "GetCapabilities"), timeout=CALL_TIMEOUT_S
        )
        if reply.header.message_type is not MessageType.method_return:
            log.info("desktop notifications: no notification server (%s)", _error_text(reply))
            self.ready.emit(False)
            return False
        capabilities = set(reply.body[0])
        info = conn.send_and_get_reply(
            new_method_call(address, "GetServerInformation"), timeout=CALL_TIMEOUT_S
        )
        if info.header.message_type is MessageType.method_return:
            self.server = f"{info.body[0]} {info.body[2]}"
        actions = "actions" in capabilities
        log.info(
            "desktop notifications: %s, capabilities %s%s",
            self.server or "unknown server",
            ",".join(sorted(capabilities)),
            "" if actions else " (no action buttons: the tray balloon is used instead)",
        )
        self.ready.emit(actions)
        return actions

    def _serve(self, conn: Any) -> None:
        from jeepney import DBusAddress, HeaderFields, MessageType, new_method_call

        address = DBusAddress(OBJECT_PATH, bus_name=SERVICE, interface=INTERFACE)
        pending: dict[int, int] = {}  # D-Bus serial -> token
        while not self._stop.is_set():
            while True:
                try:
                    what, token, payload = self._outbox.get_nowait()
                except queue.Empty:
                    break
                serial = next(conn.outgoing_serial)
                if what == "notify":
                    body = notify_body(self._app_name, self._desktop_entry, payload)
                    message = new_method_call(address, "Notify", "susssasa{sv}i", body)
                    pending[serial] = token
                else:
                    message = new_method_call(address, "CloseNotification", "u", (payload,))
                conn.send(message, serial=serial)
            try:
                message = conn.receive(timeout=_POLL_S)
            except TimeoutError:
                continue
            kind = message.header.message_type
            if kind in (MessageType.method_return, MessageType.error):
                token = pending.pop(message.header.fields.get(HeaderFields.reply_serial, -1), 0)
                if token and kind is MessageType.method_return:
                    self.posted.emit(token, int(message.body[0]))
                elif token:
                    self.failed.emit(token, _error_text(message))
            elif kind is MessageType.signal:
                self._signal(message)

    def _signal(self, message: Any) -> None:
        from jeepney import HeaderFields

        member = message.header.fields.get(HeaderFields.member)
        if member == "ActionInvoked":
            self.action_invoked.emit(int(message.body[0]), str(message.body[1]))
        elif member == "NotificationClosed":
            self.closed.emit(int(message.body[0]), int(message.body[1]))

    def _fail_queued(self) -> None:
        while True:
            try:
                what, token, _payload = self._outbox.get_nowait()
            except queue.Empty:
                return
            if what == "notify":
                self.failed.emit(token, "the notification server went away")


def _error_text(message: Any) -> str:
    from jeepney import HeaderFields

    name = message.header.fields.get(HeaderFields.error_name, "error")
    body: Sequence[Any] = message.body or ()
    return f"{name}: {body[0]}" if body else str(name)
