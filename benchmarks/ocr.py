"""OCR benchmark: word recall and pages per second per kind of picture, beside the Tesseract CLI.

Pages are generated from known words (tests/support/ocr_pages.py) and degraded like real
inputs: a clean scan at 300 dpi, a scan at 150 dpi (blurred, JPEG), a phone photo (tilt,
uneven light, blur, JPEG), a screenshot, a dark-mode screenshot, and a page scanned sideways.
Each kind is one multi-page document for AttachGuard (an image-only PDF for the scans, a TIFF
for the others), run through the real sandboxed worker, with its default number of parallel
pages (cores - 1) and with one per core. The Tesseract CLI reads the same pages one at a time
as PGM files (decoding excluded from its time), with ``OMP_THREAD_LIMIT=1``, its fastest
setting on a small machine. Then a 20-page scan: time, and the worker's peak memory.

    python benchmarks/ocr.py [--pages N] [--runs N]

The CLI (``apt install tesseract-ocr``) is only needed here; without it only our columns print.
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
from collections.abc import Callable
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from support import ocr_pages as P

from desktop_app.core.extract import (
    Extraction,
    ExtractionRunner,
    OcrOptions,
    default_workers,
    detect_type,
)

Kind = tuple[str, Callable[[list[str], int], Image.Image], str]

KINDS: list[Kind] = [
    ("clean scan 300 dpi", lambda w, s: P.text_page(w), "pdf300"),
    ("scan 150 dpi", lambda w, s: P.degrade(P.text_page(w, dpi=150), blur=0.5, quality=75),
     "pdf150"),
    ("phone photo", lambda w, s: P.photo(P.text_page(w), seed=s), "tiff"),
    ("screenshot", lambda w, s: P.screenshot(w), "tiff"),
    ("dark screenshot", lambda w, s: P.screenshot(w, dark=True), "tiff"),
    ("sideways page", lambda w, s: P.text_page(w).rotate(90, expand=True, fillcolor=255), "tiff"),
]  # fmt: skip

GOALS = {
    "clean scan 300 dpi": 0.95,
    "screenshot": 0.95,
    "dark screenshot": 0.95,
    "scan 150 dpi": 0.90,
    "phone photo": 0.90,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=4, help="pages per kind (default 4)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs, median kept (default 3)")
    args = parser.parse_args()
    cli = shutil.which("tesseract")
    cores = os.cpu_count() or 1
    print(f"{cores} cores; Tesseract CLI: {_cli_version(cli) if cli else 'not installed'}")
    runners = {n: ExtractionRunner(timeout=300, ocr=OcrOptions(workers=n)) for n in
               sorted({default_workers(), cores})}  # fmt: skip
    for runner in runners.values():
        runner.start()
    rows: list[list[str]] = []
    with tempfile.TemporaryDirectory(prefix="ocr-bench-") as tmp:
        folder = Path(tmp)
        for index, (name, make, container) in enumerate(KINDS):
            expected = [P.words(350 if "screenshot" not in name else 250, 100 * index + n)
                        for n in range(args.pages)]  # fmt: skip
            images = [make(words, n) for n, words in enumerate(expected)]
            document = _document(images, container, folder / f"kind{index}")
            row = [name]
            for workers, runner in runners.items():
                recall, rate = _ours(runner, document, expected, args.runs)
                row += [f"{recall:.3f}", f"{rate:.2f}"]
                print(f"  {name}: ours ({workers} at once) recall {recall:.3f}, {rate:.2f} pages/s")
            if cli:
                recall, rate = _cli(cli, images, expected, folder, args.runs)
                row += [f"{recall:.3f}", f"{rate:.2f}"]
                print(f"  {name}: tesseract CLI recall {recall:.3f}, {rate:.2f} pages/s")
            rows.append(row)
        header = ["kind"]
        for workers in runners:
            header += [f"recall ({workers} at once)", f"pages/s ({workers} at once)"]
        if cli:
            header += ["recall (CLI)", "pages/s (CLI)"]
        _table(header, rows)
        _twenty_pages(folder, runners)
    for runner in runners.values():
        runner.close()
    return 0


def _document(images: list[Image.Image], container: str, stem: Path) -> Path:
    if container.startswith("pdf"):
        return P.image_pdf(images, stem.with_suffix(".pdf"), dpi=int(container[3:]))
    path = stem.with_suffix(".tiff")
    first, *rest = images
    first.save(path, save_all=True, append_images=rest, compression="tiff_deflate")
    return path


def _ours(
    runner: ExtractionRunner, document: Path, expected: list[list[str]], runs: int
) -> tuple[float, float]:
    mime = detect_type(document)
    times: list[float] = []
    text = ""
    for _ in range(runs):
        started = time.perf_counter()
        result = runner.run(document, mime)
        times.append(time.perf_counter() - started)
        assert isinstance(result, Extraction), result
        text = result.markdown
    recall = statistics.fmean(P.recall(words, _page(text, n + 1, len(expected)))
                              for n, words in enumerate(expected))  # fmt: skip
    return recall, len(expected) / statistics.median(times)


def _page(markdown: str, number: int, total: int) -> str:
    parts = markdown.split(f"<!-- Page {number} of {total}")
    return parts[1].split("<!-- Page ")[0] if len(parts) > 1 else ""


def _cli(
    cli: str, images: list[Image.Image], expected: list[list[str]], folder: Path, runs: int
) -> tuple[float, float]:
    files = []
    for n, image in enumerate(images):
        path = folder / f"cli-{n}.pgm"
        image.convert("L").save(path)
        files.append(path)
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    times: list[float] = []
    texts: list[str] = []
    for _ in range(runs):
        texts = []
        started = time.perf_counter()
        for path in files:
            done = subprocess.run([cli, str(path), "-"], capture_output=True, text=True, env=env,
                                  check=True)  # fmt: skip
            texts.append(done.stdout)
        times.append(time.perf_counter() - started)
    recall = statistics.fmean(P.recall(w, t) for w, t in zip(expected, texts, strict=True))
    return recall, len(files) / statistics.median(times)


def _twenty_pages(folder: Path, runners: dict[int, ExtractionRunner]) -> None:
    expected = [P.words(350, 1000 + n) for n in range(20)]
    scan = P.image_pdf([P.text_page(w) for w in expected], folder / "twenty.pdf")
    print(f"\n20-page scan (image-only PDF, 300 dpi, {scan.stat().st_size // 1024} KB):")
    for workers, runner in runners.items():
        runner.close()  # a fresh worker, so its peak memory is this document's
        started = time.perf_counter()
        result = runner.run(scan, detect_type(scan))
        elapsed = time.perf_counter() - started
        peak = _peak_memory(runner.pid)
        assert isinstance(result, Extraction), result
        recall = statistics.fmean(P.recall(w, _page(result.markdown, n + 1, 20))
                                  for n, w in enumerate(expected))  # fmt: skip
        print(f"  {workers} at once: {elapsed:.1f} s ({20 / elapsed:.2f} pages/s), recall "
              f"{recall:.3f}, worker peak memory {peak}")  # fmt: skip


def _peak_memory(pid: int | None) -> str:
    if pid is None:
        return "unknown"
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return f"{int(line.split()[1]) / 1024:.0f} MiB"
    except OSError:
        pass
    return "unknown"


def _cli_version(cli: str) -> str:
    done = subprocess.run([cli, "--version"], capture_output=True, text=True, check=False)
    return (done.stdout or done.stderr).splitlines()[0]


def _table(header: list[str], rows: list[list[str]]) -> None:
    print()
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" for _ in header) + "|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    sys.exit(main())
