"""Watched-folder benchmark: backup latency after a file's last write, and a burst of files.

Baseline (same run, same machine): calling ``vault.add_file`` directly on each file, i.e. what
backing up costs once you already know the file is complete. The watcher's extra cost is its
settle window (reported separately: "after settle" = latency - settle) plus its own overhead.

* latency: files written one every 0.2 s; for each, time from the close of its last write to
  the moment its backup is committed (the watcher's ``backed_up`` event). Median and p95.
* burst: N small files created as fast as possible; total time from the first write to the last
  backup committed, and the peak RSS of the process (each burst runs in a fresh child process).

Usage: python benchmarks/watch.py [--quick]   (quick: fewer files and runs, for development)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from desktop_app.core.service import Service
from desktop_app.core.vault import Source
from desktop_app.core.watch.watcher import WatcherOptions, WatchEvent, WatchEventKind
from desktop_app.paths import AppPaths
from desktop_app.settings import WatchedFolder

SETTLE = 1.0
GAP = 0.2  # seconds between two files in the latency run


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def latency_run(count: int, size: int) -> tuple[list[float], list[float]]:
    """One run: (watcher latencies, direct add_file times), in seconds."""
    with tempfile.TemporaryDirectory(prefix="ag-bench-") as tmp:
        root = Path(tmp)
        inbox = root / "inbox"
        inbox.mkdir()
        service = Service(AppPaths.under(root / "home"))
        done: dict[Path, float] = {}
        cond = threading.Condition()

        def on_event(event: WatchEvent) -> None:
            if event.kind is WatchEventKind.BACKED_UP:
                with cond:
                    done[event.path] = time.monotonic()
                    cond.notify_all()

        written: dict[Path, float] = {}
        options = WatcherOptions(settle_seconds=SETTLE, poll_seconds=2.0)
        watcher = service.watcher([WatchedFolder(str(inbox))], on_event=on_event, options=options)
        watcher.start()
        try:
            for i in range(count):
                path = inbox / f"latency-{i:03d}.bin"
                with path.open("wb") as handle:
                    handle.write(os.urandom(size))
                written[path] = time.monotonic()
                time.sleep(GAP)
            deadline = time.monotonic() + 60 + SETTLE
            with cond:
                while len(done) < count and time.monotonic() < deadline:
                    cond.wait(0.5)
        finally:
            watcher.stop()
        if len(done) < count:
            raise SystemExit(f"only {len(done)} of {count} files were backed up")
        latencies = [done[p] - t for p, t in written.items()]

        direct: list[float] = []
        for i in range(count):
            path = inbox / f"direct-{i:03d}.bin"
            path.write_bytes(os.urandom(size))
            start = time.perf_counter()
            service.vault.add_file(path, Source.CLI)
            direct.append(time.perf_counter() - start)
        service.close()
        return latencies, direct


def burst_child(mode: str, count: int) -> None:
    """Runs in a fresh process; prints {"seconds": ..., "peak_mb": ..., "base_mb": ...}."""
    with tempfile.TemporaryDirectory(prefix="ag-bench-") as tmp:
        root = Path(tmp)
        inbox = root / "inbox"
        inbox.mkdir()
        service = Service(AppPaths.under(root / "home"))
        base_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        backed_up = threading.Semaphore(0)

        def on_event(event: WatchEvent) -> None:
            if event.kind is WatchEventKind.BACKED_UP:
                backed_up.release()

        options = WatcherOptions(settle_seconds=SETTLE, poll_seconds=2.0)
        watcher = service.watcher([WatchedFolder(str(inbox))], on_event=on_event, options=options)
        if mode == "watcher":
            watcher.start()
        start = time.perf_counter()
        for i in range(count):
            path = inbox / f"burst-{i:05d}.txt"
            path.write_bytes(b"burst document %d\n" % i)
            if mode == "direct":
                service.vault.add_file(path, Source.CLI)
        if mode == "watcher":
            for _ in range(count):
                if not backed_up.acquire(timeout=120):
                    raise SystemExit("burst did not finish")
        seconds = time.perf_counter() - start
        if mode == "watcher":
            watcher.stop()
        entries = len(service.vault.entries())
        service.close()
        if entries != count:
            raise SystemExit(f"expected {count} entries, found {entries}")
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "base_mb": base_mb}))


def burst(mode: str, count: int) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(count)],
        check=True,
        capture_output=True,
        text=True,
    )
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer files and runs")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "COUNT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        burst_child(args.child[0], int(args.child[1]))
        return
    runs, files, burst_files = (1, 10, 1_000) if args.quick else (3, 50, 10_000)
    size = 256 * 1024

    lat_medians, lat_p95s, direct_medians, direct_p95s = [], [], [], []
    for run in range(runs):
        latencies, direct = latency_run(files, size)
        lat_medians.append(statistics.median(latencies))
        lat_p95s.append(_p95(latencies))
        direct_medians.append(statistics.median(direct))
        direct_p95s.append(_p95(direct))
        print(f"latency run {run + 1}/{runs}: median {lat_medians[-1]:.3f} s", flush=True)
    watch_bursts, direct_bursts = [], []
    for run in range(runs):
        watch_bursts.append(burst("watcher", burst_files))
        direct_bursts.append(burst("direct", burst_files))
        print(f"burst run {run + 1}/{runs}: {watch_bursts[-1]['seconds']:.1f} s", flush=True)

    med = statistics.median
    rows = [
        ("latency, median (s)", med(lat_medians), med(direct_medians)),
        ("latency, p95 (s)", med(lat_p95s), med(direct_p95s)),
        ("after settle, median (s)", med(lat_medians) - SETTLE, med(direct_medians)),
        ("after settle, p95 (s)", med(lat_p95s) - SETTLE, med(direct_p95s)),
        (
            f"burst {burst_files:,} files, total (s)",
            med(b["seconds"] for b in watch_bursts),
            med(b["seconds"] for b in direct_bursts),
        ),
        (
            "burst peak RSS (MB)",
            med(b["peak_mb"] for b in watch_bursts),
            med(b["peak_mb"] for b in direct_bursts),
        ),
        (
            "burst RSS growth (MB)",
            med(b["peak_mb"] - b["base_mb"] for b in watch_bursts),
            med(b["peak_mb"] - b["base_mb"] for b in direct_bursts),
        ),
    ]
    print(
        f"\nwatch benchmark: settle {SETTLE:g} s, {files} files x {size // 1024} KiB for latency, "
        f"medians of {runs} run(s); baseline = direct vault.add_file on each file\n"
    )
    print(f"| {'measure':<30} | {'watcher':>10} | {'baseline':>10} | {'ratio':>7} |")
    print(f"|{'-' * 32}|{'-' * 12}|{'-' * 12}|{'-' * 9}|")
    for name, ours, base in rows:
        ratio = f"{ours / base:.2f}x" if base > 0 else "-"
        print(f"| {name:<30} | {ours:>10.3f} | {base:>10.3f} | {ratio:>7} |")
    goal_ok = med(lat_medians) - SETTLE < 1.0 and med(lat_p95s) - SETTLE < 2.0
    print(f"\ngoal (after settle: median < 1 s, p95 < 2 s): {'met' if goal_ok else 'NOT met'}")


if __name__ == "__main__":
    main()
