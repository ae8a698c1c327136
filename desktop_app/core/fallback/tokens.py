"""Token counting for the fallback prompt, offline.

OpenAI's ``o200k_base`` encoding (GPT-4o and later) comes from the ``bpe-openai`` package, which
ships the vocabulary inside its wheel: nothing is downloaded (tiktoken, by contrast, fetches its
BPE files at run time). Without the package, a stated estimate of one token per four characters
is used, and the prompt says which counter produced its numbers.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import math
import threading
import warnings
from pathlib import Path
from typing import Any, Protocol


class TokenCounter(Protocol):
    name: str

    def count(self, text: str) -> int: ...


class EstimateCounter:
    """One token per four characters: the usual rule of thumb for English prose."""

    name = "estimate (chars/4)"

    def count(self, text: str) -> int:
        return math.ceil(len(text) / 4)

    def count_within(self, text: str, limit: int) -> int | None:
        tokens = self.count(text)
        return tokens if tokens <= limit else None


class O200kCounter:
    """Exact ``o200k_base`` counts from the vocabulary bundled in ``bpe-openai``."""

    name = "o200k_base"

    def __init__(self) -> None:
        self._tokenizer = _load_bindings().tokenizer_for_encoding("o200k_base")

    def count(self, text: str) -> int:
        return int(self._tokenizer.count(text))

    def count_within(self, text: str, limit: int) -> int | None:
        # Stops as soon as the limit is passed: asking whether a whole book fits one chat
        # message reads only the first message's worth of it.
        tokens = self._tokenizer.count_till_limit(text, limit)
        return None if tokens is None else int(tokens)


def count_within(counter: TokenCounter, text: str, limit: int) -> int | None:
    """The tokens of ``text`` if there are at most ``limit``, else None (quickly, with a
    counter that can stop early)."""
    early = getattr(counter, "count_within", None)
    if early is not None:
        result: int | None = early(text, limit)
        return result
    tokens = counter.count(text)
    return tokens if tokens <= limit else None


def _load_bindings() -> Any:
    """bpe-openai's Rust extension, loaded without running the package's ``__init__``.

    The package's Python layer eagerly parses a second vocabulary (cl100k) in pure Python, which
    takes over a second; the extension alone embeds o200k and is ready in well under 100 ms.
    """
    try:
        spec = importlib.util.find_spec("bpe_openai")
        if spec is None or spec.origin is None:
            raise ImportError("bpe_openai is not installed")
        folder = Path(spec.origin).parent
        suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
        binary = next(p for p in folder.iterdir() if p.name.startswith("_bindings.")
                      and p.name.endswith(suffixes))  # fmt: skip
        loader = importlib.machinery.ExtensionFileLoader("bpe_openai._bindings", str(binary))
        ext_spec = importlib.util.spec_from_file_location(
            "bpe_openai._bindings", binary, loader=loader
        )
        if ext_spec is None:
            raise ImportError("cannot load bpe_openai._bindings")
        module = importlib.util.module_from_spec(ext_spec)
        loader.exec_module(module)
        return module
    except (StopIteration, OSError, ImportError):
        with warnings.catch_warnings():
            # The package reads its data with a deprecated importlib.resources call.
            warnings.simplefilter("ignore", DeprecationWarning)
            from bpe_openai import _bindings

            return _bindings


_counter_lock = threading.Lock()
_counter: TokenCounter | None = None


def default_counter() -> TokenCounter:
    """The best offline counter available (loaded once per process, ~0.5 s the first time)."""
    global _counter
    with _counter_lock:
        if _counter is None:
            try:
                _counter = O200kCounter()
            except (ImportError, OSError, RuntimeError, ValueError, AttributeError):
                _counter = EstimateCounter()
        return _counter
