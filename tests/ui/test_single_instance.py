"""One instance per data root: the second launch hands its request over; crashes leave no block."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app import ipc
from desktop_app.paths import AppPaths
from desktop_app.ui.single_instance import Responder, SingleInstance

_HOLDER = """
import sys, time
from PySide6.QtCore import QCoreApplication
from desktop_app.paths import AppPaths
from desktop_app.ipc import instance_address
from desktop_app.ui.single_instance import SingleInstance
app = QCoreApplication([])
guard = SingleInstance(instance_address(AppPaths.under(__import__("pathlib").Path(sys.argv[1]))))
print("acquired" if guard.acquire() else "refused", flush=True)
time.sleep(600)
"""


def _send_in_thread(
    address: ipc.InstanceAddress, request: ipc.Request
) -> tuple[threading.Thread, list[object]]:
    out: list[object] = []

    def go() -> None:
        try:
            out.append(ipc.send(address, request, timeout=30))
        except ipc.InstanceError as exc:
            out.append(exc)

    thread = threading.Thread(target=go, name="second-launch")
    thread.start()
    return thread, out


def test_second_launch_hands_files_to_the_first(qtbot: QtBot, app_paths: AppPaths) -> None:
    address = ipc.instance_address(app_paths)
    first = SingleInstance(address)
    assert first.acquire()
    received: list[ipc.Request] = []

    def handle(request: ipc.Request, responder: Responder) -> None:
        received.append(request)
        responder.reply(ipc.Reply(True, f"added {len(request.paths)} file(s)"))

    first.handler = handle
    try:
        second = SingleInstance(address)
        assert not second.acquire()  # the lock is held: this launch must hand over instead

        request = ipc.Request(ipc.Command.ADD, ("/tmp/report été.pdf", "/tmp/b.txt"))
        thread, out = _send_in_thread(address, request)
        qtbot.waitUntil(lambda: bool(out), timeout=30_000)
        thread.join()
        assert out == [ipc.Reply(True, "added 2 file(s)")]
        assert received == [request]
    finally:
        first.close()


def test_no_instance_means_none(app_paths: AppPaths) -> None:
    assert ipc.send(ipc.instance_address(app_paths), ipc.Request(ipc.Command.OPEN)) is None


def test_each_data_root_is_its_own_instance(tmp_path: Path) -> None:
    a = ipc.instance_address(AppPaths.under(tmp_path / "a"))
    b = ipc.instance_address(AppPaths.under(tmp_path / "b"))
    assert a.server_name != b.server_name
    assert a.lock_file != b.lock_file


def test_crashed_instance_does_not_block_the_next(qtbot: QtBot, app_paths: AppPaths) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(app_paths.data_dir.parent)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "acquired"
        # While it lives, nobody else may become primary.
        assert not SingleInstance(ipc.instance_address(app_paths)).acquire()
    finally:
        holder.send_signal(signal.SIGKILL)  # a crash: lock file and socket file stay behind
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    address = ipc.instance_address(app_paths)
    # The dead instance's socket refuses connections: no instance, not an error.
    assert ipc.send(address, ipc.Request(ipc.Command.OPEN)) is None
    guard = SingleInstance(address)
    assert guard.acquire()
    guard.handler = lambda request, responder: responder.reply(ipc.Reply(True, "shown"))
    try:
        thread, out = _send_in_thread(address, ipc.Request(ipc.Command.OPEN))
        qtbot.waitUntil(lambda: bool(out), timeout=30_000)
        thread.join()
        assert out == [ipc.Reply(True, "shown")]
    finally:
        guard.close()


def test_garbage_is_refused_without_calling_the_handler(qtbot: QtBot, app_paths: AppPaths) -> None:
    import socket

    address = ipc.instance_address(app_paths)
    guard = SingleInstance(address)
    assert guard.acquire()
    calls: list[ipc.Request] = []
    guard.handler = lambda request, responder: calls.append(request)
    out: list[bytes] = []

    def go() -> None:
        with socket.socket(socket.AF_UNIX) as sock:
            sock.settimeout(30)
            sock.connect(address.server_name)
            sock.sendall(b'{"command": "format-disk"}\n')
            out.append(sock.recv(4096))

    thread = threading.Thread(target=go)
    thread.start()
    try:
        qtbot.waitUntil(lambda: bool(out), timeout=30_000)
        thread.join()
        reply = ipc.Reply.decode(out[0].strip())
        assert not reply.ok
        assert "not an AttachGuard message" in reply.message
        assert calls == []
    finally:
        guard.close()


def test_a_copy_request_names_the_document_or_leaves_the_choice_to_the_app() -> None:
    chosen = ipc.Request(ipc.Command.COPY_TEXT, entry_id=7)
    assert ipc.Request.decode(chosen.encode()) == chosen
    default = ipc.Request(ipc.Command.COPY_TEXT)
    assert ipc.Request.decode(default.encode()).entry_id is None
    with pytest.raises(ValueError, match="whole number"):
        ipc.Request.decode(b'{"command": "copy-text", "paths": [], "entry": "7"}\n')


_ANSWERING_APP = """
import sys
from PySide6.QtCore import QCoreApplication
from desktop_app.paths import AppPaths
from desktop_app.ipc import Reply, instance_address
from desktop_app.ui.single_instance import SingleInstance
app = QCoreApplication([])
guard = SingleInstance(instance_address(AppPaths.under(__import__("pathlib").Path(sys.argv[1]))))
assert guard.acquire()
def handle(request, responder):
    print("received", *request.paths, flush=True)
    responder.reply(Reply(True, f"AttachGuard is backing up {len(request.paths)} item(s)."))
    app.quit()
guard.handler = handle
print("acquired", flush=True)
app.exec()
"""


def test_add_to_the_running_app_names_a_missing_file_and_exits_1(
    ag_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop_app.cli import main

    app = subprocess.Popen(
        [sys.executable, "-c", _ANSWERING_APP, str(ag_home)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert app.stdout is not None and app.stdout.readline().strip() == "acquired"
        real = tmp_path / "real.txt"
        real.write_text("kept", encoding="utf-8")
        code = main(["add", str(real), str(tmp_path / "gone.pdf")])
        received = app.stdout.readline().split()
    finally:
        app.kill()
        app.communicate()
    err = capsys.readouterr().err
    assert code == 1  # as without the app: a file that is not there is a failure
    assert "skipped" in err and "gone.pdf: no such file or folder" in err
    assert received == ["received", str(real)]  # the rest still reaches the app
