"""Test-only extractors, registered in the worker through ``ExtractionRunner(extractors=...)``:
they stand in for a parser that hangs on a pathological file or eats all memory."""

from __future__ import annotations

from pathlib import Path

from desktop_app.core.extract.result import Extraction, Limits


def spin_forever(path: Path, mime: str, limits: Limits) -> Extraction:
    """A parser stuck in an infinite loop (as some are on crafted input)."""
    counter = 0
    while True:
        counter += 1


def eat_memory(path: Path, mime: str, limits: Limits) -> Extraction:
    """A parser that keeps allocating (a decompression loop without a cap)."""
    hoard = []
    while True:
        hoard.append(bytearray(64 * 1024 * 1024))


def crash(path: Path, mime: str, limits: Limits) -> Extraction:
    """A native parser that dies (here: the process exits without answering)."""
    import os

    os._exit(70)


def report_environment(path: Path, mime: str, limits: Limits) -> Extraction:
    """A compromised parser looking for secrets: it returns everything in its environment."""
    import os

    dump = "\n".join(f"{name}={value}" for name, value in sorted(os.environ.items()))
    return Extraction(markdown=dump, kind="text", mime_type=mime)
