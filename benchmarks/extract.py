"""Extraction benchmark: speed and word recall per format, beside Microsoft's markitdown.

Documents are generated from a known corpus (docstrings of the Python standard library: real
English prose) with real writer libraries (tests/support/docgen.py), so the expected words are
known exactly. For every format both extractors run on the same files in the same run; the table
shows medians of several runs and our speed as a multiple of markitdown's. Then the end-to-end
fallback latency (file -> ready prompt) for a 100-page PDF: cached, uncached with a warm worker,
and cold (a fresh worker process).

    python benchmarks/extract.py [--quick]

markitdown is installed only in the benchmark environment (e.g. a separate venv with
``pip install 'markitdown[pdf,docx,pptx,xlsx,xls]'`` and this project with ``--no-deps``); without
it, only our columns are printed.
"""

from __future__ import annotations

import argparse
import collections
import importlib
import json
import re
import shutil
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from support import docgen

from desktop_app.core.extract import ExtractionRunner, Limits, detect_type
from desktop_app.core.extract.registry import extract_file
from desktop_app.core.fallback.texts import TextService
from desktop_app.settings import FallbackSettings

_WORD = re.compile(r"[a-z0-9]+")
_MODULES = (
    "argparse", "collections", "csv", "datetime", "email", "json", "logging", "pathlib",
    "shutil", "subprocess", "textwrap", "threading", "zipfile", "urllib.parse", "typing",
)  # fmt: skip


def corpus() -> list[str]:
    """Paragraphs of real prose: stdlib docstrings, cleaned to plain sentences."""
    paragraphs: list[str] = []
    for name in _MODULES:
        module = importlib.import_module(name)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # typing.io and friends
            docs = [getattr(obj, "__doc__", None) for obj in [module, *vars(module).values()]
                    if obj is module or getattr(obj, "__module__", None) == name]  # fmt: skip
        for doc in docs:
            if not isinstance(doc, str):
                continue
            for block in doc.split("\n\n"):
                text = " ".join(re.sub(r"[^A-Za-z0-9 .,;:()'-]", " ", block).split())
                if len(text) > 80:
                    paragraphs.append(text)
    return list(dict.fromkeys(paragraphs))


def words(text: str) -> collections.Counter[str]:
    return collections.Counter(_WORD.findall(text.lower()))


def recall(expected: str, got: str) -> float:
    want, have = words(expected), words(got)
    total = sum(want.values())
    return sum(min(n, have[w]) for w, n in want.items()) / total if total else 1.0


def build(root: Path, paras: list[str], docs: int) -> dict[str, list[tuple[Path, str]]]:
    """format -> [(file, known text)]"""
    out: dict[str, list[tuple[Path, str]]] = collections.defaultdict(list)
    step = 40
    for d in range(docs):
        chunk = [paras[(d * step + i) % len(paras)] for i in range(step)]
        known = "\n\n".join(chunk)
        pages = ["\n".join(chunk[i : i + 4]) for i in range(0, step, 4)]
        out["pdf"].append((docgen.pdf(root / f"d{d}.pdf", pages), known))
        out["docx"].append((docgen.docx(root / f"d{d}.docx", paragraphs=chunk), known))
        slides = [(f"Slide {i}", chunk[i : i + 2], "") for i in range(0, step, 2)]
        slide_titles = " ".join(title for title, _, _ in slides)
        out["pptx"].append((docgen.pptx(root / f"d{d}.pptx", slides), f"{known}\n{slide_titles}"))
        rows = [["id", "text", "value"]] + [[i, p[:60], i * 1.5] for i, p in enumerate(chunk * 10)]
        # Known text as a spreadsheet displays it: 3.0 shows as "3".
        cells = "\n".join(" ".join(f"{c:g}" if isinstance(c, float) else str(c) for c in r)
                          for r in rows)  # fmt: skip
        out["xlsx"].append((docgen.xlsx(root / f"d{d}.xlsx", {"Data": rows}), cells))
        out["xls"].append((docgen.xls(root / f"d{d}.xls", {"Data": rows}), cells))
        html = root / f"d{d}.html"
        html.write_text("<html><body>" + "".join(f"<p>{p}</p>" for p in chunk) + "</body></html>")
        out["html"].append((html, known))
        chapters = [(f"Chapter {i}", " ".join(chunk[i : i + 5])) for i in range(0, step, 5)]
        chapter_titles = " ".join(title for title, _ in chapters)
        epub_path = docgen.epub(root / f"d{d}.epub", "Book", chapters)
        out["epub"].append((epub_path, f"Book {known}\n{chapter_titles}"))
        csv_path = root / f"d{d}.csv"
        csv_path.write_text("\n".join(",".join(f'"{c}"' for c in r) for r in rows))
        out["csv"].append((csv_path, cells))
        out["ods"].append((docgen.ods(root / f"d{d}.ods", {"Data": rows}), cells))
        odt_path = docgen.odt(root / f"d{d}.odt", heading="Notes", paragraphs=chunk)
        out["odt"].append((odt_path, f"Notes {known}"))
        out["rtf"].append((docgen.rtf(root / f"d{d}.rtf", chunk), known))
        mail = docgen.eml(root / f"d{d}.eml", subject="Notes", body=known, attachments=[])
        out["eml"].append((mail, f"Notes {known}"))
        notebook = root / f"d{d}.ipynb"
        cells_nb = [{"cell_type": "markdown", "metadata": {}, "source": p} for p in chunk]
        notebook.write_text(json.dumps({"cells": cells_nb, "metadata": {}, "nbformat": 4,
                                        "nbformat_minor": 5}))  # fmt: skip
        out["ipynb"].append((notebook, known))
    return out


def time_runs(func: Callable[[], None], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def ours(path: Path) -> str:
    return extract_file(path, detect_type(path), Limits()).markdown


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer documents and runs")
    args = parser.parse_args()
    docs, repeat = (2, 3) if args.quick else (8, 5)
    try:
        from markitdown import MarkItDown

        converter = MarkItDown()

        def theirs(path: Path) -> str:
            return str(converter.convert(str(path)).text_content)
    except ImportError:
        theirs = None  # type: ignore[assignment]
    root = Path(tempfile.mkdtemp(prefix="ag-bench-"))
    try:
        corpus_files = build(root, corpus(), docs)
        print(f"corpus: {docs} documents per format, median of {repeat} runs\n")
        print(f"{'format':7} {'MB':>6} | {'ours MB/s':>9} {'docs/s':>7} {'recall':>7} | "
              f"{'markitdown MB/s':>15} {'docs/s':>7} {'recall':>7} | {'speed x':>7}")  # fmt: skip
        for fmt, files in corpus_files.items():
            size = sum(p.stat().st_size for p, _ in files) / 1e6
            row = [f"{fmt:7} {size:6.2f} |"]
            t_ours = time_runs(lambda files=files: [ours(p) for p, _ in files], repeat)
            r_ours = statistics.mean(recall(k, ours(p)) for p, k in files)
            row.append(f"{size / t_ours:9.1f} {len(files) / t_ours:7.1f} {r_ours:7.3f} |")
            if theirs is not None:
                try:
                    t_md = time_runs(lambda files=files: [theirs(p) for p, _ in files], repeat)
                    r_md = statistics.mean(recall(k, theirs(p)) for p, k in files)
                    row.append(f"{size / t_md:15.1f} {len(files) / t_md:7.1f} {r_md:7.3f} |")
                    row.append(f"{t_md / t_ours:7.1f}")
                except Exception as exc:  # markitdown lacks a converter for this format
                    row.append(f"{'n/a (' + type(exc).__name__ + ')':>31} |")
            print(" ".join(row))
        latency(root, corpus(), repeat * 4)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


def latency(root: Path, paras: list[str], runs: int) -> None:
    pages = ["\n".join(paras[(p * 5 + i) % len(paras)] for i in range(5)) for p in range(100)]
    pdf = docgen.pdf(root / "hundred.pdf", pages)
    print(f"\nfallback latency, 100-page PDF ({pdf.stat().st_size / 1e6:.2f} MB), {runs} runs:")
    cache = root / "cache"
    texts = TextService(None, cache, FallbackSettings())
    start = time.perf_counter()
    texts.counter()
    print(f"  tokenizer load (once per app start): {1000 * (time.perf_counter() - start):.0f} ms")

    def measure(label: str, before: Callable[[], None]) -> None:
        samples = []
        for _ in range(runs):
            before()
            start = time.perf_counter()
            prompt = texts.fallback_for_paths([pdf])
            samples.append(time.perf_counter() - start)
        samples.sort()
        p95 = samples[min(len(samples) - 1, int(len(samples) * 0.95))]
        print(f"  {label:38} median {1000 * statistics.median(samples):7.1f} ms   "
              f"p95 {1000 * p95:7.1f} ms   ({len(prompt.parts)} part, "
              f"{prompt.total_tokens} tokens)")  # fmt: skip

    def fresh_worker() -> None:
        shutil.rmtree(cache, ignore_errors=True)
        texts._runner.close()

    texts.fallback_for_paths([pdf])
    measure("cached (warm app)", lambda: None)
    measure("uncached, warm worker", lambda: shutil.rmtree(cache, ignore_errors=True))
    measure("uncached, cold worker (new process)", fresh_worker)
    texts.close()
    _ = ExtractionRunner  # the sandbox class the service uses


if __name__ == "__main__":
    sys.exit(main())
