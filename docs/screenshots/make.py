"""Regenerate the README's screenshots: the real app on a throwaway X desktop (Xvfb + trayer).

A fresh ATTACHGUARD_HOME and the loopback OpenAI server (``tests/support/fake_openai``); the
documents get their states for real, through the app's own queue against that server:

* a PDF contract whose uploads all answer "The file has expired" (failed, text fallback ready),
* a report and a budget sheet that upload (uploaded, with a remote file id and expiry),
* board minutes added while the status page reports a Files outage and the API answers 503
  (queued, waiting for OpenAI to recover).

Then it takes four pictures of the running app: the window in the light theme, the same in the
dark theme (switched the way Settings switches it), the window with the details pane and the
text preview of the failed PDF, and the tray menu opened by a real right-click on the icon in
trayer's tray (``xdotool``; the desktop captured with ImageMagick's ``import``). Windows are
captured with Qt's ``grab()``, so no window manager is needed.

    python docs/screenshots/make.py [--out DIR]      (default: docs/screenshots)

Needs Xvfb, trayer, xwininfo, xdotool and ImageMagick (``import``), like the e2e tests.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from support import docgen  # noqa: E402
from support.app_home import SUMMARY_PATH, loopback_home  # noqa: E402
from support.desktop_session import (  # noqa: E402
    DesktopSession,
    missing_tools,
    start_session,
)
from support.openai_server import FakeOpenAI  # noqa: E402

#: Every picture this script writes, with its size in pixels (the test checks both).
SHOTS: dict[str, tuple[int, int]] = {
    "window-light.png": (1200, 860),
    "window-dark.png": (1200, 860),
    "window-details.png": (1200, 960),
    "tray-menu.png": (760, 440),
}
SCREEN = (1400, 1000)
TOOLS = ("Xvfb", "trayer", "xwininfo", "xdotool", "import")
OUTAGE_PAGE = ROOT / "tests" / "fixtures" / "status" / "statuspage_summary_files_outage.json"

CONTRACT = (
    "Supply agreement between Nordlicht Components GmbH and Harbour Street Retail Ltd.\n"
    "1. Term. This agreement runs from 1 March 2025 for twenty-four months and renews for "
    "twelve months at a time unless either party gives ninety days' written notice.\n"
    "2. Prices. Unit prices are fixed for the first year; afterwards they follow the index "
    "in Schedule B, capped at 4 % a year.\n"
    "3. Delivery. Orders placed before noon ship within two working days. Late deliveries "
    "earn a credit of 1 % of the order value per day, at most 10 %.\n"
    "4. Payment. Invoices are due within thirty days; disputed amounts are set aside, not "
    "withheld from the rest of the invoice."
)


class Stage:
    """The app in this process, driven step by step; waits pump the Qt event loop."""

    def __init__(self, session: DesktopSession, server: FakeOpenAI, home: Path) -> None:
        from PySide6.QtWidgets import QApplication

        from desktop_app import ipc
        from desktop_app.core.service import Service
        from desktop_app.paths import AppPaths
        from desktop_app.ui import icons
        from desktop_app.ui.app import TrayApp
        from desktop_app.ui.single_instance import SingleInstance
        from desktop_app.ui.theme import apply_theme

        self.session = session
        self.server = server
        self.paths = AppPaths.under(home)
        self.qapp = QApplication.instance() or QApplication(["attachguard"])
        assert isinstance(self.qapp, QApplication)
        self.qapp.setApplicationName("AttachGuard")
        self.qapp.setQuitOnLastWindowClosed(False)
        self.qapp.setWindowIcon(icons.icon(icons.APP_ICON))
        apply_theme(self.qapp, "light")
        self.service = Service(self.paths)
        self.guard = SingleInstance(ipc.instance_address(self.paths))
        if not self.guard.acquire():
            raise RuntimeError("another AttachGuard uses this data root")
        self.app = TrayApp(self.qapp, self.service, self.guard)  # type: ignore[arg-type]
        self.app.start(ipc.Request(ipc.Command.OPEN))

    # -- waiting ------------------------------------------------------------------------------

    def pump(self, ms: int = 50) -> None:
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def wait(self, what: str, predicate: Callable[[], object], timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                raise RuntimeError(f"timed out waiting for {what}")
            self.pump()

    def settle(self, seconds: float = 1.0) -> None:
        """Let queued paints, background reads and status refreshes land."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.pump()

    # -- documents ----------------------------------------------------------------------------

    def add(self, *paths: Path) -> None:
        from desktop_app import ipc

        # What ``attachguard add FILE`` hands to the running app.
        self.app.handle_request(ipc.Request(ipc.Command.ADD, tuple(map(str, paths))), None)

    def states(self) -> dict[str, str]:
        return {job.name: str(job.state) for job in self.service.uploads.jobs()}

    def state_of(self, name: str) -> str | None:
        return self.states().get(name)

    # -- the window ---------------------------------------------------------------------------

    def window(self):  # type: ignore[no-untyped-def]
        return self.app.ensure_window()

    def show_window(self, size: tuple[int, int]) -> None:
        self.app.show_window()
        window = self.window()
        window.resize(*size)
        window.move(40, 40)
        self.wait("the window", window.isVisible)
        try:
            self.wait("its size", lambda: (window.width(), window.height()) == size, 20)
        except RuntimeError:
            raise RuntimeError(
                f"the window is {window.width()}x{window.height()}, not {size[0]}x{size[1]} "
                f"(its minimum: {window.minimumSizeHint().width()}x"
                f"{window.minimumSizeHint().height()})"
            ) from None

    def grab(self, path: Path) -> None:
        window = self.window()
        self.settle(1.5)
        pixmap = window.grab()
        if not pixmap.save(str(path), "PNG"):
            raise RuntimeError(f"could not write {path}")

    def select(self, name: str) -> None:
        window = self.window()
        model = window.table.model()
        for row in range(model.rowCount()):
            if model.index(row, 0).data() == name:
                window.table.selectRow(row)
                window.table.setFocus()
                return
        raise RuntimeError(f"{name} is not in the table")

    def close(self) -> None:
        self.app.shutdown()
        self.service.close()


def _documents(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    report = docgen.docx(
        folder / "Quarterly report Q3.docx",
        title="Quarterly report, third quarter",
        paragraphs=[
            "Revenue grew 7 % on the quarter, led by the online shop and two new wholesale "
            "customers in the north.",
            "Costs stayed flat: freight was dearer, rent and energy cheaper.",
        ],
        bullets=["Hire two warehouse staff", "Renegotiate the freight contract"],
    )
    budget = docgen.xlsx(
        folder / "Budget 2026.xlsx",
        {
            "Budget": [
                ["Item", "Q1", "Q2", "Q3", "Q4"],
                ["Staff", 41000, 41000, 43500, 43500],
                ["Rent", 6200, 6200, 6200, 6400],
                ["Marketing", 3500, 5200, 2800, 7900],
            ]
        },
    )
    contract = docgen.pdf(folder / "Supply agreement 2025.pdf", [CONTRACT, "Schedule B ..."])
    minutes = docgen.pdf(
        folder / "Board minutes March.pdf",
        ["Board meeting, 12 March. Present: all five directors. The budget was approved."],
    )
    return {"report": report, "budget": budget, "contract": contract, "minutes": minutes}


def _stage_documents(stage: Stage, docs: dict[str, Path]) -> None:
    server = stage.server
    # 1. The contract: every upload answers "The file has expired" until the app gives up.
    server.expired(times=None)
    stage.add(docs["contract"])
    stage.wait("the contract to fail", lambda: stage.state_of(docs["contract"].name) == "failed")
    # 2. The service answers normally again: the report and the budget upload.
    server.clear_faults()
    stage.add(docs["report"], docs["budget"])
    stage.wait(
        "the uploads",
        lambda: all(stage.state_of(docs[k].name) == "done" for k in ("report", "budget")),
    )
    # 3. A Files outage on the status page (and 503s from the API): new work waits for it.
    server.serve_json(SUMMARY_PATH, json.loads(OUTAGE_PAGE.read_text(encoding="utf-8")))
    server.outage(24 * 3600, "Service temporarily unavailable")
    from desktop_app.ui import tasks

    checked: list[object] = []
    tasks.run_in_background(stage.service.health.check_now, on_done=checked.append)
    stage.wait("the status page", lambda: checked)
    stage.add(docs["minutes"])
    stage.wait("the minutes to queue", lambda: stage.state_of(docs["minutes"].name) == "queued")


def _tray_menu(stage: Stage, path: Path) -> None:
    """Right-click the icon in trayer's tray, point at "Copy text instead", capture."""
    from PIL import Image

    session = stage.session
    stage.wait("the tray icon", lambda: session.tray_icon_id("AttachGuard"), 60)
    icon = session.tray_icon_id("AttachGuard")
    assert icon is not None
    menu = stage.app.tray.menu
    # A notification balloon (10 s) sits over the icon: a click would land on it, not the icon.
    stage.wait("notifications to close", lambda: not _balloons(stage), 60)
    # The menu opens on the click, a moment after xdotool returns: pump until it is up.
    session.run("xdotool", "mousemove", "--window", icon, "8", "8", "click", "3")
    stage.wait("the tray menu", menu.isVisible, 30)
    # Highlighted as hovering would (moving the real pointer there can also click it).
    menu.setActiveAction(stage.app.tray.copy_action)
    stage.settle(1.0)
    full = path.with_suffix(".full.png")
    session.screenshot(full)
    width, height = SHOTS[path.name]
    with Image.open(full) as image:
        image.crop((SCREEN[0] - width, SCREEN[1] - height, *SCREEN)).save(path)
    full.unlink()
    session.run("xdotool", "key", "Escape")
    stage.wait("the menu to close", lambda: not menu.isVisible(), 30)


def _balloons(stage: Stage) -> list[object]:
    return [
        widget
        for widget in stage.qapp.topLevelWidgets()
        if widget.metaObject().className() == "QBalloonTip" and widget.isVisible()
    ]


def make(out: Path) -> list[Path]:
    """Write every picture of :data:`SHOTS` into ``out``; returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="ag-screens-"))
    # The retry schedule compressed (as the e2e tests do) so "failed" comes in seconds.
    os.environ.update(
        ATTACHGUARD_MAX_ATTEMPTS="3",
        ATTACHGUARD_BACKOFF_BASE="0.05",
        ATTACHGUARD_BACKOFF_CAP="0.2",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        LANG="en_US.UTF-8",
        LANGUAGE="en",
    )
    session = start_session(tray=True, size=f"{SCREEN[0]}x{SCREEN[1]}")
    server = FakeOpenAI().start()
    stage: Stage | None = None
    try:
        os.environ.update(session.env())
        os.environ["OPENAI_API_KEY"] = server.api_key
        os.environ["ATTACHGUARD_STATUS_URL"] = server.url(SUMMARY_PATH)
        for name in ("OPENAI_BASE_URL", "ATTACHGUARD_HOME"):
            os.environ.pop(name, None)
        session.set_background()
        home = work / "home"
        loopback_home(home, server)
        docs = _documents(work / "Documents")
        stage = Stage(session, server, home)
        _stage_documents(stage, docs)

        stage.show_window(SHOTS["window-light.png"])
        stage.select(docs["report"].name)  # the details pane shows its remote file
        stage.grab(out / "window-light.png")

        from desktop_app.ui.theme import apply_theme

        apply_theme(stage.qapp, "dark")  # what saving Settings → Theme: Dark does
        stage.grab(out / "window-dark.png")
        apply_theme(stage.qapp, "light")

        stage.show_window(SHOTS["window-details.png"])
        stage.select(docs["contract"].name)
        # As a user drags the divider up to read the pane: the table keeps its four rows.
        total = sum(stage.window().splitter.sizes())
        stage.window().splitter.setSizes([170, total - 170])
        details = stage.window().details
        details.preview_button.setChecked(True)  # "Preview text", as a click toggles it
        stage.wait(
            "the preview", lambda: "Nordlicht" in details.preview.text_view.toPlainText(), 120
        )
        stage.grab(out / "window-details.png")

        details.preview_button.setChecked(False)
        stage.show_window(SHOTS["window-light.png"])
        _tray_menu(stage, out / "tray-menu.png")
    finally:
        if stage is not None:
            stage.close()
        server.stop()
        session.stop()
        shutil.rmtree(work, ignore_errors=True)
    return [out / name for name in SHOTS]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parent, help="where to write PNGs"
    )
    args = parser.parse_args()
    missing = missing_tools(TOOLS)
    if missing:
        print(f"needs {', '.join(missing)}; install them to make screenshots", file=sys.stderr)
        return 2
    for path in make(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
