"""Tray app benchmark: launch time, idle cost, GUI responsiveness under 1,000 uploads, and a
vault of 100,000 documents.

Measured against the goals written in issue 5 (the baseline named there):

* launch to tray icon shown: a real ``attachguard`` process on a private X server (Xvfb) with
  ``trayer`` as tray host; the clock stops when our icon is embedded in the tray, as seen by
  ``xwininfo`` from another process. Median of several launches, each on a fresh data root.
* idle memory (RSS) and CPU after 60 s (``--quick``: 10 s) with the tray up and nothing to do
  (the text-extraction worker process, started after launch, is reported separately).
* worst GUI event-loop stall while 1,000 uploads (``--quick``: 200) run through the real app
  (bridge, tray, notifier, window table) against the loopback OpenAI server, which runs in a
  separate process so it does not compete for our interpreter lock. A 10 ms timer on the GUI
  thread records how late each tick fires.
* a vault of 100,000 documents (``--quick``: 10,000), seeded through the schema in one
  transaction: start-up to the window showing rows, a search typed into the search box (time
  to the first matching rows, and to the whole vault searched), Page Down through the table
  (worst and median time from key press to painted), medians of several runs in this process;
  and the idle RSS of a real app process on that vault with its window open.

    python benchmarks/app.py [--quick]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from support.app_home import SUMMARY_PATH, operational_summary  # noqa: E402
from support.desktop_session import (  # noqa: E402
    DesktopSession,
    missing_tools,
    start_session,
    wait_for,
)

GOALS = {"launch": 1.0, "rss": 150.0, "cpu": 1.0, "stall": 50.0, "large_start": 1.0}

#: Realistic names for the big vault: a few hundred stems in many numbered variants.
_STEMS = (
    "invoice", "contract", "minutes", "report", "budget", "offer", "payslip", "statement",
    "receipt", "thesis", "slides", "notes", "letter", "manual", "timesheet", "quote",
)  # fmt: skip
_TYPES = (
    ("pdf", "application/pdf"),
    ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("txt", "text/plain"),
)

_SERVER = f"""
import json, sys
sys.path.insert(0, {str(ROOT / "tests")!r})
from support.openai_server import FakeOpenAI
server = FakeOpenAI().start()
status = server.serve_json({SUMMARY_PATH!r}, json.loads(sys.argv[1]))
print(json.dumps({{"base_url": server.base_url, "api_key": server.api_key, "status": status}}),
      flush=True)
sys.stdin.read()
server.stop()
"""


class LoopbackServer:
    """The fake OpenAI server in its own process; stops when our end of its stdin closes."""

    def __init__(self) -> None:
        import json

        self.process = subprocess.Popen(
            [sys.executable, "-c", _SERVER, json.dumps(operational_summary())],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        info = json.loads(self.process.stdout.readline())
        self.base_url: str = info["base_url"]
        self.api_key: str = info["api_key"]
        self.status_url: str = info["status"]

    def home(self, root: Path) -> Path:
        import tomli_w

        config = root / "config"
        config.mkdir(parents=True, exist_ok=True)
        settings = {
            "upload": {"base_url": self.base_url},
            "status": {"url": self.status_url, "poll_seconds": 3600},
        }
        (config / "settings.toml").write_text(tomli_w.dumps(settings), encoding="utf-8")
        return root

    def stop(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=30)


def _app_env(session: DesktopSession, home: Path, server: LoopbackServer) -> dict[str, str]:
    env = session.env()
    env.update(ATTACHGUARD_HOME=str(home), OPENAI_API_KEY=server.api_key)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env.pop("OPENAI_BASE_URL", None)
    return env


def _start_app(env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "desktop_app"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def _stop_app(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def measure_launch(session: DesktopSession, server: LoopbackServer, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        home = server.home(Path(tempfile.mkdtemp(prefix="ag-bench-launch-")))
        start = time.perf_counter()
        process = _start_app(_app_env(session, home, server))
        try:
            if not wait_for(lambda: session.tray_icon_embedded("attachguard"), 60, 0.01):
                raise RuntimeError("the tray icon never appeared")
            times.append(time.perf_counter() - start)
        finally:
            _stop_app(process)
            shutil.rmtree(home, ignore_errors=True)
    return times


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        found.extend(int(c) for c in text)
    return found


def measure_idle(
    session: DesktopSession, server: LoopbackServer, seconds: float
) -> tuple[float, float, float, float]:
    """(app RSS MB, app CPU %, worker RSS MB, worker CPU %) over ``seconds`` of idling."""
    home = server.home(Path(tempfile.mkdtemp(prefix="ag-bench-idle-")))
    process = _start_app(_app_env(session, home, server))
    try:
        if not wait_for(lambda: session.tray_icon_embedded("attachguard"), 60, 0.05):
            raise RuntimeError("the tray icon never appeared")
        # Let start-up work (worker warm-up a few seconds in, first snapshots) finish first.
        settle_end = time.monotonic() + 8
        while time.monotonic() < settle_end:
            time.sleep(0.5)
        kids = _children(process.pid)
        cpu0 = _cpu_seconds(process.pid)
        kid0 = sum(_cpu_seconds(k) for k in kids)
        t0 = time.monotonic()
        time.sleep(seconds)
        wall = time.monotonic() - t0
        cpu = (_cpu_seconds(process.pid) - cpu0) / wall * 100
        kid_cpu = (sum(_cpu_seconds(k) for k in kids) - kid0) / wall * 100
        return _rss_mb(process.pid), cpu, sum(_rss_mb(k) for k in kids), kid_cpu
    finally:
        _stop_app(process)
        shutil.rmtree(home, ignore_errors=True)


def measure_stall(session: DesktopSession | None, server: LoopbackServer, uploads: int) -> dict:
    """Run the app in this process and upload ``uploads`` files; return stall statistics."""
    if session is not None:
        os.environ.update(session.env())
    else:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["OPENAI_API_KEY"] = server.api_key
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop_app import ipc
    from desktop_app.core.service import Service
    from desktop_app.paths import AppPaths
    from desktop_app.ui import tasks
    from desktop_app.ui.app import TrayApp
    from desktop_app.ui.single_instance import SingleInstance

    root = Path(tempfile.mkdtemp(prefix="ag-bench-stall-"))
    docs = root / "docs"
    docs.mkdir()
    for i in range(uploads):
        (docs / f"note-{i:04d}.txt").write_text(f"note {i}\n" + "lorem ipsum " * (50 + i % 300))
    paths = AppPaths.under(server.home(root / "home"))
    qapp = QApplication.instance() or QApplication([])
    service = Service(paths)
    guard = SingleInstance(ipc.instance_address(paths))
    assert guard.acquire()
    app = TrayApp(qapp, service, guard)  # type: ignore[arg-type]
    gaps: list[float] = []
    last = [time.perf_counter()]
    done = [False]
    interval_ms = 10

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000 - interval_ms)
        if os.environ.get("AG_BENCH_DEBUG") and gaps[-1] > 25:
            print(f"stall {gaps[-1]:.0f} ms at {now - started[0]:.2f} s", file=sys.stderr)
        last[0] = now

    def check() -> None:
        def finished(count: int) -> None:
            if count >= uploads and not done[0]:
                done[0] = True
                qapp.quit()

        tasks.run_in_background(service.uploads.job_count, ["done"], on_done=finished)

    probe = QTimer()
    probe.setInterval(interval_ms)
    probe.timeout.connect(tick)
    poll = QTimer()
    poll.setInterval(250)
    poll.timeout.connect(check)
    started = [0.0]

    def begin() -> None:
        app.start(ipc.Request(ipc.Command.OPEN))
        app.show_window()
        # Measure from a settled, visible window: the first paint is not "while uploading".
        QTimer.singleShot(1500, add)

    def add() -> None:
        started[0] = time.perf_counter()
        last[0] = time.perf_counter()
        probe.start()
        poll.start()
        app.handle_request(ipc.Request(ipc.Command.ADD, (str(docs),)), None)

    QTimer.singleShot(0, begin)
    qapp.exec()
    elapsed = time.perf_counter() - started[0]
    probe.stop()
    poll.stop()
    app.shutdown()
    service.close()
    shutil.rmtree(root, ignore_errors=True)
    gaps = [max(g, 0.0) for g in gaps]
    gaps.sort()
    return {
        "worst": gaps[-1] if gaps else 0.0,
        "p99": gaps[int(len(gaps) * 0.99) - 1] if gaps else 0.0,
        "median": statistics.median(gaps) if gaps else 0.0,
        "seconds": elapsed,
        "uploads": uploads,
    }


def seed_vault(home: Path, count: int) -> float:
    """``count`` documents in the vault under ``home``; returns the seconds it took.

    The rows go in through the schema the migrations create, in one transaction, with the same
    INSERTs the vault's commit makes (a blob row, an entry row): the table and the search read
    only these. The blob files themselves are not written (the window never reads them).
    """
    import hashlib

    from desktop_app.core.service import Service
    from desktop_app.paths import AppPaths

    start = time.perf_counter()
    service = Service(AppPaths.under(home))
    try:
        added = time.time() - count * 60.0  # a minute apart, the newest now
        blobs, entries = [], []
        for i in range(count):
            stem = _STEMS[i % len(_STEMS)]
            ext, mime = _TYPES[i % len(_TYPES)]
            sha = hashlib.sha256(f"document {i}".encode()).hexdigest()
            name = f"{stem} {2000 + i % 26}-{i % 12 + 1:02d} no {i}.{ext}"
            when = added + i * 60.0
            blobs.append((sha, 2048 + (i * 7919) % 5_000_000, mime, when))
            entries.append((name, f"/home/user/Documents/{stem}/{name}", "watch", when, sha))
        with service.db.transaction() as conn:
            conn.executemany(
                "INSERT INTO blobs (sha256, size, mime_type, stored_at) VALUES (?, ?, ?, ?)",
                blobs,
            )
            conn.executemany(
                "INSERT INTO entries (name, original_path, source, added_at, sha256)"
                " VALUES (?, ?, ?, ?, ?)",
                entries,
            )
    finally:
        service.close()
    return time.perf_counter() - start


def _pump_until(qapp: Any, predicate: Any, timeout: float = 120.0) -> None:
    from PySide6.QtCore import QEventLoop

    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise RuntimeError("timed out")
        qapp.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def measure_large(home: Path, server: LoopbackServer, pages: int) -> dict[str, float]:
    """One run in this process against the seeded vault: start-up to rows shown, a search,
    and paging down through the table (each page: key press to painted)."""
    os.environ["OPENAI_API_KEY"] = server.api_key
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop_app import ipc
    from desktop_app.core.service import Service
    from desktop_app.paths import AppPaths
    from desktop_app.ui.app import TrayApp
    from desktop_app.ui.single_instance import SingleInstance

    qapp = QApplication.instance() or QApplication([])
    paths = AppPaths.under(home)
    start = time.perf_counter()
    service = Service(paths)
    guard = SingleInstance(ipc.instance_address(paths))
    assert guard.acquire()
    app = TrayApp(qapp, service, guard)  # type: ignore[arg-type]
    app.start(ipc.Request(ipc.Command.OPEN))
    app.show_window()
    window = app.ensure_window()
    _pump_until(qapp, lambda: window.isVisible() and window.model.rowCount() > 0)
    qapp.processEvents()
    startup = time.perf_counter() - start

    # Search: type a name whose matches are spread through the vault (all of it is read).
    window.search.setFocus()
    start = time.perf_counter()
    QTest.keyClicks(window.search, "thesis 2025")
    _pump_until(qapp, lambda: window.proxy.rowCount() > 0)
    first_match = time.perf_counter() - start
    _pump_until(qapp, lambda: window.model.fully_loaded, 600)
    qapp.processEvents()
    search_all = time.perf_counter() - start
    matches = window.proxy.rowCount()
    window.search.clear()
    qapp.processEvents()

    # Scrolling: Page Down through the table, each press handled and painted before the next.
    window.table.setFocus()
    window.table.selectRow(0)
    gaps = []
    for _ in range(pages):
        start = time.perf_counter()
        QTest.keyClick(window.table, Qt.Key.Key_PageDown)
        window.table.viewport().repaint()
        qapp.processEvents()
        gaps.append((time.perf_counter() - start) * 1000)
    app.shutdown()
    service.close()
    return {
        "startup": startup,
        "first_match": first_match,
        "search_all": search_all,
        "matches": float(matches),
        "scroll_worst": max(gaps),
        "scroll_median": statistics.median(gaps),
    }


def measure_large_idle(
    session: DesktopSession, server: LoopbackServer, home: Path, seconds: float
) -> float:
    """RSS (MB) of a real app process on the seeded vault, its window open, after idling."""
    env = _app_env(session, server.home(home), server)
    process = _start_app(env)
    try:
        if not wait_for(lambda: session.tray_icon_embedded("attachguard"), 60, 0.05):
            raise RuntimeError("the tray icon never appeared")
        subprocess.run(
            [sys.executable, "-m", "desktop_app"],
            env=env,
            timeout=60,
            check=True,
            capture_output=True,
        )
        if not wait_for(lambda: session.window_viewable("AttachGuard"), 60, 0.1):
            raise RuntimeError("the window never opened")
        time.sleep(8 + seconds)
        return _rss_mb(process.pid)
    finally:
        _stop_app(process)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help="fewer runs, 10 s idle, 200 uploads, 10,000 documents"
    )
    parser.add_argument(
        "--documents", type=int, default=None, help="documents in the big vault (100,000)"
    )
    args = parser.parse_args()
    runs = 3 if args.quick else 7
    idle_s = 10.0 if args.quick else 60.0
    uploads = 200 if args.quick else 1000
    documents = args.documents or (10_000 if args.quick else 100_000)
    large_runs = 3 if args.quick else 5
    missing = missing_tools(("Xvfb", "trayer", "xwininfo"))
    if missing:
        print(f"needs {', '.join(missing)}; install them to run this benchmark", file=sys.stderr)
        return 2
    server = LoopbackServer()
    session = start_session(tray=True)
    try:
        launches = measure_launch(session, server, runs)
        rss, cpu, kid_rss, kid_cpu = measure_idle(session, server, idle_s)
        stall = measure_stall(session, server, uploads)
        big_home = server.home(Path(tempfile.mkdtemp(prefix="ag-bench-large-")))
        try:
            seeded = seed_vault(big_home, documents)
            large_rss = measure_large_idle(session, server, big_home, idle_s)
            large = [measure_large(big_home, server, 40) for _ in range(large_runs)]
        finally:
            shutil.rmtree(big_home, ignore_errors=True)
    finally:
        session.stop()
        server.stop()
    launch = statistics.median(launches)
    rows = [
        (
            f"launch to tray icon (median of {runs})",
            f"{launch * 1000:.0f} ms",
            f"< {GOALS['launch'] * 1000:.0f} ms",
            launch / GOALS["launch"],
        ),
        (f"idle RSS after {idle_s:.0f} s", f"{rss:.0f} MB", "< 150 MB", rss / GOALS["rss"]),
        (f"idle CPU over {idle_s:.0f} s", f"{cpu:.2f} %", "~0 % (< 1 %)", cpu / GOALS["cpu"]),
        (
            f"worst GUI stall, {stall['uploads']} uploads",
            f"{stall['worst']:.1f} ms",
            "< 50 ms",
            stall["worst"] / GOALS["stall"],
        ),
    ]
    med = {key: statistics.median(run[key] for run in large) for key in large[0]}
    big = f"{documents:,} docs"
    rows += [
        (
            f"{big}: start to rows shown",
            f"{med['startup'] * 1000:.0f} ms",
            "< 1000 ms",
            med["startup"] / GOALS["large_start"],
        ),
        (
            f"{big}: search, first rows",
            f"{med['first_match'] * 1000:.0f} ms",
            "< 50 ms",
            med["first_match"] * 1000 / GOALS["stall"],
        ),
        (
            f"{big}: page down, worst",
            f"{med['scroll_worst']:.1f} ms",
            "< 50 ms",
            med["scroll_worst"] / GOALS["stall"],
        ),
        (
            f"{big}: page down, median",
            f"{med['scroll_median']:.1f} ms",
            "< 50 ms",
            med["scroll_median"] / GOALS["stall"],
        ),
        (f"{big}: idle RSS, window open", f"{large_rss:.0f} MB", "< 150 MB", large_rss / 150),
    ]
    print(f"\nAttachGuard tray app vs the goals of issue 5 ({'quick' if args.quick else 'full'})\n")
    print(f"| {'metric':<36} | {'measured':>10} | {'goal (issue 5)':>14} | {'ratio':>6} |")
    print(f"|{'-' * 38}|{'-' * 12}:|{'-' * 15}:|{'-' * 7}:|")
    for name, value, goal, ratio in rows:
        print(f"| {name:<36} | {value:>10} | {goal:>14} | {ratio:>6.2f} |")
    print(
        f"\nlaunch runs (ms): {', '.join(f'{t * 1000:.0f}' for t in launches)}; "
        + (
            f"extraction worker process: {kid_rss:.0f} MB RSS, {kid_cpu:.2f} % CPU idle; "
            if kid_rss
            else "no extraction worker while idle (it starts on the first failure); "
        )
        + f"GUI tick lateness median {stall['median']:.1f} ms, p99 {stall['p99']:.1f} ms; "
        f"{stall['uploads']} uploads took {stall['seconds']:.1f} s "
        f"({stall['uploads'] / stall['seconds']:.0f}/s). ratio = measured / goal (< 1 meets it)."
    )
    print(
        f"\n{documents:,} documents seeded in {seeded:.1f} s; medians of {large_runs} runs; "
        f'search "thesis 2025": {med["matches"]:.0f} matches, the whole vault searched in '
        f"{med['search_all'] * 1000:.0f} ms; start-up runs (ms): "
        + ", ".join(f"{run['startup'] * 1000:.0f}" for run in large)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
