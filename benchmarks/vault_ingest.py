"""Vault ingest throughput and memory, beside ``cp -r`` + ``sha256sum`` of the same files.

Usage::

    python benchmarks/vault_ingest.py            # ~1 GiB of mixed files, 3 rounds
    python benchmarks/vault_ingest.py --quick    # ~100 MiB, for a fast check

The ingest is ``Vault.add_files`` (what ``attachguard backup`` runs): files are copied on four
threads so their fsyncs overlap. A temp tree under /tmp (removed afterwards) holds many small
files plus a few large ones, each with unique content so nothing deduplicates. Each round ingests
the tree into a fresh vault in a child process and runs the baseline ``cp -r SRC DST &&
sha256sum`` over the copy, plus the same baseline with every copied file fsynced (the vault
fsyncs every blob; plain ``cp`` leaves the data in the page cache). The order rotates between
rounds and ``sync`` runs before every timed step, because the page cache cannot be dropped
without root. Finally a single large file of two different sizes is ingested in a fresh child
each, and the children's peak RSS is printed to show that memory does not grow with file size
(each copy thread reuses one 1 MiB buffer).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

MiB = 1024 * 1024

INGEST_CHILD = """
import json, resource, sys, time
from pathlib import Path
from desktop_app.core.store.db import Database
from desktop_app.core.vault import Source, Vault, collect_files

db_path, root, source = map(Path, sys.argv[1:4])
files, skipped = collect_files([source], recursive=True)
assert not skipped, skipped
database = Database(db_path)
vault = Vault(database, root)
start = time.perf_counter()
total = 0
for path, result in vault.add_files(files, Source.BATCH):  # what `attachguard backup` runs
    if isinstance(result, Exception):
        raise SystemExit(f"{path}: {result}")
    total += result.size
seconds = time.perf_counter() - start
database.close()
peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "bytes": total, "files": len(files), "peak_kib": peak_kib}))
"""

BASELINE = 'cp -r "$1" "$2" && cd "$2" && find . -type f -print0 | xargs -0 sha256sum > /dev/null'
#: The same with every copied file fsynced (coreutils ``sync FILE``), as the vault does: shows
#: how much of any gap is the price of durability rather than of the vault's code.
DURABLE_BASELINE = (
    'cp -r "$1" "$2" && find "$2" -type f -exec sync {} + && cd "$2" && '
    "find . -type f -print0 | xargs -0 sha256sum > /dev/null"
)


@dataclass(frozen=True)
class Profile:
    small_total: int
    small_max: int
    large_sizes: tuple[int, ...]
    memory_probe: tuple[int, int]
    rounds: int


FULL = Profile(256 * MiB, 256 * 1024, (192 * MiB, 256 * MiB, 320 * MiB), (64 * MiB, 512 * MiB), 3)
QUICK = Profile(25 * MiB, 256 * 1024, (20 * MiB, 25 * MiB, 30 * MiB), (16 * MiB, 128 * MiB), 3)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="~100 MiB instead of ~1 GiB")
    parser.add_argument("--rounds", type=int, help="timed rounds (default 3)")
    args = parser.parse_args()
    profile = QUICK if args.quick else FULL
    rounds = args.rounds or profile.rounds
    work = Path(tempfile.mkdtemp(prefix="attachguard-bench-", dir="/tmp"))
    try:
        source = work / "src"
        count, total = build_tree(source, profile)
        print(
            f"data set: {total / MiB:.0f} MiB in {count} files "
            f"({count - len(profile.large_sizes)} small up to {profile.small_max // 1024} KiB, "
            f"{len(profile.large_sizes)} large); {rounds} rounds, order rotating",
            flush=True,
        )
        methods = {
            "vault": lambda i: vault_round(work, source, i),
            "base": lambda i: baseline_round(work, source, i, BASELINE),
            "durable": lambda i: baseline_round(work, source, i, DURABLE_BASELINE),
        }
        times: dict[str, list[float]] = {label: [] for label in methods}
        labels = list(methods)
        for i in range(rounds):
            # Rotate the order each round so no method always runs first (or after another).
            for label in labels[i % len(labels) :] + labels[: i % len(labels)]:
                seconds = methods[label](i)
                times[label].append(seconds)
                print(f"  round {i + 1}: {label:<8} {seconds:7.2f} s", flush=True)
        probes = [memory_probe(work, size) for size in profile.memory_probe]
        report(total, times, profile.memory_probe, probes)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def build_tree(source: Path, profile: Profile) -> tuple[int, int]:
    """Many small files in nested folders plus a few large ones; every file's content unique."""
    rng = random.Random(20260101)
    pattern = rng.randbytes(MiB)
    count = total = 0
    small_left = profile.small_total
    while small_left > 0:
        size = min(small_left, rng.randint(1024, profile.small_max))
        folder = source / f"dir{count % 16:02d}" / f"sub{count % 5}"
        write_unique(folder / f"doc{count:05d}.bin", size, pattern, count)
        small_left -= size
        count += 1
        total += size
    for size in profile.large_sizes:
        write_unique(source / f"large{count:05d}.bin", size, pattern, count)
        count += 1
        total += size
    return count, total


def write_unique(path: Path, size: int, pattern: bytes, seed: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # A per-file prefix makes every file hash differently, so the vault cannot deduplicate.
    prefix = f"file {seed}\n".encode()
    with path.open("wb") as handle:
        handle.write(prefix[:size])
        left = size - min(size, len(prefix))
        offset = seed % len(pattern)
        while left > 0:
            chunk = pattern[offset : offset + left]
            handle.write(chunk)
            left -= len(chunk)
            offset = 0


def vault_round(work: Path, source: Path, i: int) -> float:
    home = work / f"vault-{i}"
    home.mkdir()
    os.sync()
    result = run_ingest(home, source)
    shutil.rmtree(home)
    return float(result["seconds"])


def baseline_round(work: Path, source: Path, i: int, script: str) -> float:
    dest = work / f"copy-{i}"
    os.sync()
    start = time.perf_counter()
    subprocess.run(["sh", "-c", script, "sh", str(source), str(dest)], check=True)
    seconds = time.perf_counter() - start
    shutil.rmtree(dest)
    return seconds


def run_ingest(home: Path, source: Path) -> dict[str, float]:
    repo = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(repo)}
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            INGEST_CHILD,
            str(home / "db.sqlite3"),
            str(home / "v"),
            str(source),
        ],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    data: dict[str, float] = json.loads(out.stdout)
    return data


def memory_probe(work: Path, size: int) -> float:
    """Peak RSS (MiB) of a fresh child that ingests one file of ``size`` bytes."""
    probe = work / f"probe-{size}"
    write_unique(probe / "one.bin", size, random.Random(size).randbytes(MiB), size)
    home = work / f"probe-vault-{size}"
    home.mkdir()
    result = run_ingest(home, probe)
    shutil.rmtree(home)
    shutil.rmtree(probe)
    return result["peak_kib"] / 1024


def report(
    total: int,
    times: dict[str, list[float]],
    probe_sizes: tuple[int, int],
    probe_peaks: list[float],
) -> None:
    medians = {label: statistics.median(values) for label, values in times.items()}
    rates = {label: total / 1e6 / seconds for label, seconds in medians.items()}
    rows = [
        ("base", "cp -r + sha256sum (baseline)"),
        ("durable", "cp -r + sync each + sha256sum"),
        ("vault", "vault ingest (add_files)"),
    ]
    print()
    print(f"{'method':<34}{'median s':>10}{'MB/s':>10}{'vs baseline':>13}")
    for label, title in rows:
        ratio = rates[label] / rates["base"]
        print(f"{title:<34}{medians[label]:>10.2f}{rates[label]:>10.1f}{ratio:>13.2f}")
    ratio = rates["vault"] / rates["base"]
    verdict = "met" if ratio >= 0.70 else "NOT met"
    print(f"goal: vault >= 0.70 x baseline: {verdict} ({ratio:.2f})")
    print()
    print(f"{'peak RSS of an ingest child':<34}{'file size':>10}{'peak RSS':>12}")
    for size, peak in zip(probe_sizes, probe_peaks, strict=True):
        print(f"{'':<34}{size / MiB:>6.0f} MiB{peak:>8.1f} MiB")
    growth = probe_peaks[1] - probe_peaks[0]
    print(f"growth for {probe_sizes[1] // probe_sizes[0]}x the file size: {growth:+.1f} MiB")


if __name__ == "__main__":
    sys.exit(main())
