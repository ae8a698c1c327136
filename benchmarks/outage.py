"""Outage recovery benchmark: how soon uploads resume after the service comes back.

With the default settings (``UploadSettings()`` as a new user gets it), the loopback OpenAI
server answers 503 to every request for 1, 5 and 30 minutes while documents are queued; the
table prints the time from the end of the outage to the first finished upload, and whether
every document ended up on the server exactly once. Time is compressed: the upload engine and
the server share a clock running ``--speed`` times faster than real time (the engine's waits
shrink by the same factor), so figures are in the engine's seconds, i.e. what a user would see.
Request round trips here take a few real milliseconds, which the speed-up inflates to a few
engine seconds: the figures are an upper bound.

Baselines, in the same run on the same clock:

- **backoff**: the textbook client, one upload retried with exponential backoff and full
  jitter capped at 300 s (what our queue did per job before it probed a held target and made
  every waiting job due the moment the service answered again);
- (not measured here) the SDK's own retries (``max_retries=2``) give up within seconds of
  real time, so through any of these outages the document is simply not uploaded; their
  sleeps cannot be put on the compressed clock, so a row for them would be misleading.

Usage: ``python benchmarks/outage.py [--quick] [--runs N] [--speed X]``. Medians of N runs.
"""

from __future__ import annotations

import argparse
import logging
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openai

from desktop_app.core.store import Database
from desktop_app.core.uploads import JobState, UploadManager
from desktop_app.core.vault import Source, Vault
from desktop_app.settings import UploadSettings

# The fake server and the fast clock live with the tests (benchmarks run from a checkout).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from support.fast_clock import FastClock
from support.openai_server import FakeOpenAI

DOCUMENTS = 4
#: The cap of the textbook backoff baseline, the same as our default ``backoff_cap``.
BACKOFF_CAP = 300.0


@dataclass(frozen=True)
class Outcome:
    recovery: float | None  # engine seconds from the outage's end to the first finished upload
    complete: bool  # every document on the server exactly once


def _server(clock: FastClock) -> FakeOpenAI:
    server = FakeOpenAI().start()
    server.clock = clock
    return server


def run_queue(outage: float, speed: float) -> Outcome:
    """Our upload queue with the default settings."""
    clock = FastClock(speed)
    server = _server(clock)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            db = Database(root / "store.sqlite3")
            vault = Vault(db, root / "vault")
            manager = UploadManager(
                db,
                vault,
                UploadSettings(),
                credentials=lambda: server.api_key,
                base_url=server.base_url,
                clock=clock,
                lease_seconds=6 * 3600,  # engine time; see tests/core/test_outage_defaults.py
            )
            server.outage(outage)
            ends = server.now + outage
            entries = [
                vault.add_bytes(f"document {i}\n".encode() * 200, f"doc-{i}.txt", Source.CLI)
                for i in range(DOCUMENTS)
            ]
            ids = manager.enqueue([e.id for e in entries])
            manager.start()
            deadline = time.monotonic() + outage / speed + 120
            while time.monotonic() < deadline:
                if all(manager.job(i).state is JobState.DONE for i in ids):
                    break
                time.sleep(0.01)
            views = [manager.job(i) for i in ids]
            manager.stop()
            db.close()
        done = [v.updated_at for v in views if v.state is JobState.DONE]
        names = sorted(f.filename for f in server.files.values())
        complete = len(done) == DOCUMENTS and names == sorted(
            f"doc-{i}.txt" for i in range(DOCUMENTS)
        )
        return Outcome(min(done) - ends if done else None, complete)
    finally:
        server.stop()


def run_backoff(outage: float, speed: float) -> Outcome:
    """One upload retried with capped exponential backoff and full jitter."""
    clock = FastClock(speed)
    server = _server(clock)
    rng = random.Random()
    try:
        client = openai.OpenAI(api_key=server.api_key, base_url=server.base_url, max_retries=0)
        server.outage(outage)
        ends = server.now + outage
        attempt = 0
        while clock() < ends + 3600:
            try:
                client.files.create(file=("doc.txt", b"document\n" * 200), purpose="user_data")
            except (openai.APIStatusError, openai.APIConnectionError):
                attempt += 1
                wait = rng.uniform(0, min(BACKOFF_CAP, 2.0 ** min(attempt - 1, 32)))
                time.sleep(clock.real_seconds(wait))
                continue
            return Outcome(clock() - ends, len(server.files) == 1)
        return Outcome(None, False)
    finally:
        server.stop()


def _row(
    name: str, run: Callable[[float, float], Outcome], outage: float, speed: float, runs: int
) -> str:
    outcomes = [run(outage, speed) for _ in range(runs)]
    times = [o.recovery for o in outcomes if o.recovery is not None]
    complete = sum(o.complete for o in outcomes)
    if not times:
        median = "never (the upload failed)"
        worst = "-"
    else:
        median = f"{statistics.median(times):7.1f} s"
        worst = f"{max(times):7.1f} s"
    return (
        f"| {outage / 60:4.0f} min | {name:<12} | {median:>25} | {worst:>9} "
        f"| {f'{complete}/{runs}':>17} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, faster clock")
    parser.add_argument("--runs", type=int, help="runs per cell (default 5, quick 3)")
    parser.add_argument("--speed", type=float, help="clock speed-up (default 200, quick 600)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR)  # the engine's warnings are expected here
    runs = args.runs or (3 if args.quick else 5)
    speed = args.speed or (600.0 if args.quick else 200.0)
    print(f"Outage recovery with the default settings ({runs} runs, clock x{speed:g})\n")
    print(
        f"| outage   | client       | {'recovery (median)':>25} | worst     | all uploaded once |"
    )
    print(f"|----------|--------------|{'-' * 27}|-----------|-------------------|")
    for minutes in (1, 5, 30):
        outage = minutes * 60.0
        print(_row("AttachGuard", run_queue, outage, speed, runs), flush=True)
        print(_row("backoff", run_backoff, outage, speed, runs), flush=True)
    print(
        "\nrecovery: engine seconds from the end of the outage to the first finished upload "
        "(goal: <= 30 s for AttachGuard, whatever the outage length)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
