"""File names as the server stores them.

A multipart form carries the file name in a quoted header parameter: the HTTP client writes
``"`` as ``%22``, control characters (tab, newline, …) as ``%XX`` and doubles ``\\``, and the
server may store that escaped form rather than the name we meant. Reconciliation, which can only
find an earlier copy by its name, would then never find it, and every retry would store another
copy. So the name sent is one that travels unchanged (:func:`wire_name`), the user's name is
kept locally, and a stored name is matched against both (:func:`stored_as`).
"""

from __future__ import annotations

import unicodedata

#: Stands in for each character that would be escaped on the way.
REPLACEMENT = "_"


def wire_name(name: str) -> str:
    """``name`` with every character the form encoding would escape replaced (NFC)."""
    normal = unicodedata.normalize("NFC", name)
    cleaned = "".join(
        REPLACEMENT if ch in '"\\' or unicodedata.category(ch) == "Cc" else ch for ch in normal
    )
    return cleaned.strip() or REPLACEMENT


def stored_as(name: str) -> frozenset[str]:
    """The names under which a file sent as ``name`` may be stored: as sent (this version),
    or as given (files sent before names were cleaned)."""
    return frozenset({wire_name(name), name})
