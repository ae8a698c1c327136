"""A small thread-safe LRU memo bounded by the size of what it holds, for the text fallback.

:class:`TextService` keeps the cleaned text of recent documents and the prompts it built in two
of these, so opening the preview of a document again (another size, another part, the tray's
copy after the window's) does not clean, cut and count a long text again. Both are pure
functions of their keys, so a hit returns exactly what a fresh build would. The bound is in
characters, not entries: one 2,000-page document weighs as much as hundreds of short ones.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

V = TypeVar("V")

#: Characters each memo may hold (a character is 1 to 4 bytes in memory): a few long books.
DEFAULT_MAX_CHARS = 16_000_000
DEFAULT_MAX_ENTRIES = 32


class SizedLru(Generic[V]):
    """Least recently used entries go first once ``max_chars`` or ``max_entries`` is passed;
    a single value larger than ``max_chars`` is not kept at all."""

    def __init__(
        self, max_chars: int = DEFAULT_MAX_CHARS, max_entries: int = DEFAULT_MAX_ENTRIES
    ) -> None:
        self._max_chars = max_chars
        self._max_entries = max_entries
        self._items: OrderedDict[Hashable, tuple[V, int]] = OrderedDict()
        self._chars = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> V | None:
        with self._lock:
            found = self._items.get(key)
            if found is None:
                return None
            self._items.move_to_end(key)
            return found[0]

    def put(self, key: Hashable, value: V, chars: int) -> None:
        """Keep ``value`` (``chars`` long, key included) under ``key``."""
        if chars > self._max_chars:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._chars -= old[1]
            self._items[key] = (value, chars)
            self._chars += chars
            while self._chars > self._max_chars or len(self._items) > self._max_entries:
                _, (_, dropped) = self._items.popitem(last=False)
                self._chars -= dropped

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._chars = 0

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)
