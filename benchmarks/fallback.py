"""Fallback prompt benchmark: what cleaning saves, that it keeps the words, parts per preset,
and how fast the preview opens from cached text.

Documents are made here from real prose (stdlib docstrings, as in ``benchmarks/extract.py``):
a long PDF printed like a book (dotted table of contents, a running header and "Page n of N" on
every page, long words hyphenated at line ends), a docx, an xlsx and a pptx. Per format:

* prompt size (characters and o200k tokens) before and after cleaning, and the share saved;
* recall: the share of the document's distinct words (as written, before printing) present in
  the prompt, before and after cleaning (cleaning must not lower it);
* the number of parts with the ``chat`` (12k tokens) and ``api`` (100k) presets;
* building the cleaned, split ``chat`` prompt from cached text (median of 5): the plain path
  (``tests/support/reference_fallback``: the code before it was made fast, nothing kept), the
  fast path after a restart (cleaned text on disk, nothing in memory) and on a reopen (in
  memory), beside extracting the document from scratch (a new worker, empty cache).

    python benchmarks/fallback.py [--quick]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract import corpus
from support import docgen, reference_fallback
from support.books import book_pages

from desktop_app.core.extract import Extraction
from desktop_app.core.fallback import DocumentText, TextService, build_prompt, default_counter
from desktop_app.core.fallback.clean import clean_extraction
from desktop_app.settings import FallbackSettings

_WORD = re.compile(r"[^\W\d_]+")


def distinct_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def recall(known: str, got: str) -> float:
    want = distinct_words(known)
    return len(want & distinct_words(got)) / len(want) if want else 1.0


def make(root: Path, paras: list[str], scale: int) -> dict[str, tuple[Path, str]]:
    """format -> (file, the words it was made from)"""
    chapters = [
        (f"Chapter {n + 1}: {paras[n * 7][:40].rstrip()}", paras[n * 7 : n * 7 + 7])
        for n in range(12 * scale)
    ]
    pages, known = book_pages(chapters)
    out = {"pdf (book)": (docgen.pdf(root / "book.pdf", pages), known)}
    chunk = paras[: 60 * scale]
    body = "\n\n".join(chunk)
    out["docx"] = (docgen.docx(root / "notes.docx", title="Notes", paragraphs=chunk), body)
    rows = [["id", "text", "value"]] + [[i, p[:60], i * 3] for i, p in enumerate(chunk * 5)]
    cells = "\n".join(" ".join(str(c) for c in r) for r in rows)
    out["xlsx"] = (docgen.xlsx(root / "data.xlsx", {"Data": rows, "Summary": rows[:20]}), cells)
    slides = [(f"Slide {i}", chunk[i : i + 2], chunk[i + 2][:200]) for i in range(0, 40, 2)]
    deck_words = " ".join(f"{t} {' '.join(b)} {n}" for t, b, n in slides)
    out["pptx"] = (docgen.pptx(root / "deck.pptx", slides), deck_words)
    return out


def median_time(func: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller documents")
    args = parser.parse_args()
    scale = 1 if args.quick else 3
    counter = default_counter()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        docs = make(root, corpus(), scale)
        texts = TextService(None, root / "cache", FallbackSettings())
        texts.warm_up()
        texts.extract_path(docs["docx"][0])  # the worker is up before anything is timed
        print(
            f"{'format':<11} {'pages':>5} {'chars before':>12} {'after':>9} {'tokens before':>13}"
            f" {'after':>8} {'saved':>6} {'recall before':>13} {'after':>6} {'chat':>4}"
            f" {'api':>4} {'plain ms':>8} {'restart':>7} {'reopen':>6} {'extract ms':>10}"
        )
        budget = texts.part_tokens("chat")
        for label, (path, known) in docs.items():
            fresh = TextService(None, root / f"cache-{path.stem}", FallbackSettings())
            start = time.perf_counter()
            raw = fresh.extract_path(path)  # from scratch: a new worker and an empty cache
            extract_s = time.perf_counter() - start
            fresh.close()
            texts.extract_path(path)  # into the shared cache
            size = path.stat().st_size
            before = build_prompt(
                [DocumentText(path.name, size, raw)], max_tokens=2_000_000, counter=counter
            ).parts[0]
            after = build_prompt(
                [DocumentText(path.name, size, clean_extraction(raw))],
                max_tokens=2_000_000,
                counter=counter,
            ).parts[0]
            chat = texts.fallback_for_paths([path], preset="chat")
            api = texts.fallback_for_paths([path], preset="api")

            def plain(raw: Extraction = raw, name: str = path.name, size: int = size) -> object:
                doc = DocumentText(name, size, reference_fallback.clean_extraction(raw))
                return reference_fallback.build_prompt([doc], max_tokens=budget, counter=counter)

            def restart(p: Path = path) -> object:
                texts._cleaned.clear()  # as in a new process: only the cache folder is left
                texts._prompts.clear()
                return texts.fallback_for_paths([p], preset="chat")

            assert plain() == chat
            slow, fresh = median_time(plain, 5), median_time(restart, 5)
            reopen = median_time(lambda p=path: texts.fallback_for_paths([p], preset="chat"), 5)
            tb, ta = counter.count(before), counter.count(after)
            print(
                f"{label:<11} {raw.units or '-':>5} {len(before):>12,} {len(after):>9,} {tb:>13,}"
                f" {ta:>8,} {100 * (tb - ta) / tb:>5.1f}% {100 * recall(known, before):>12.1f}%"
                f" {100 * recall(known, after):>5.1f}% {len(chat.parts):>4} {len(api.parts):>4}"
                f" {slow * 1000:>8.1f} {fresh * 1000:>7.1f} {reopen * 1000:>6.1f}"
                f" {extract_s * 1000:>10.1f}"
            )
        texts.close()
    print(
        "\nsaved: tokens removed by cleaning; recall: distinct words of the source text found in "
        "the prompt;\nplain / restart / reopen: the cleaned, split chat prompt from cached text "
        "(median of 5) by the\nplain path, the fast one after a restart, the fast one again; "
        "extract: the same document\nfrom scratch (a new worker process, empty cache)."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
