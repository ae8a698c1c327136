"""Writing ``settings.toml``: only what the user changed, onto the file as it is on disk now.

The app reads the file once, at start; the user may edit it while the app runs (add a
``[[targets]]`` table, say). So a save re-reads the file and applies only the values that differ
between what the app showed (``before``) and what the user chose (``after``); every other line
the user wrote is kept. A file that no longer parses is left alone, with one sentence naming its
line. A value set back to its default is removed from the file rather than written, so a later
release's better default reaches users who once saved; ``[[targets]]`` tables are written after
every other section, so a table appended by hand stays valid TOML.

Works on the settings dataclasses without importing them (``desktop_app.settings`` imports this).
"""

from __future__ import annotations

import dataclasses
import os
import re
import tempfile
import tomllib
from pathlib import Path
from typing import Any

import tomli_w

from desktop_app.core.errors import SettingsError

#: Sections that are lists of tables (``[[targets]]``), written after every other section.
_TABLE_LISTS = ("targets",)

_HEADER = (
    "# AttachGuard settings. Every key is optional: a key left out takes its default.\n"
    "# The app writes only the values you changed; your own keys and tables are kept.\n\n"
)


def read_for_saving(path: Path) -> dict[str, Any]:
    """The file as it is on disk now (empty when missing); a file that does not parse or cannot
    be read raises :class:`SettingsError` with one sentence, and nothing is written."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(
            f"{path.name} has a syntax error at line {_line(exc, path)}; fix it first"
            " — nothing was saved"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise SettingsError(f"{path.name} cannot be read ({reason}); nothing was saved") from None


def write_changes(path: Path, before: Any, after: Any, defaults: Any) -> None:
    """Apply the values that differ between the ``before`` and ``after`` settings (dataclass
    instances of one class; ``defaults`` a fresh one) onto ``path`` as it is now, atomically."""
    raw = read_for_saving(path)
    for section in dataclasses.fields(after):
        old, new = getattr(before, section.name), getattr(after, section.name)
        if old == new:
            continue
        if isinstance(new, list):  # [[targets]]: the whole list, as the user left it
            if new:
                raw[section.name] = [_table(item) for item in new]
            else:
                raw.pop(section.name, None)  # never `targets = []`: see the module docstring
            continue
        table = raw.get(section.name)
        if not isinstance(table, dict):
            table = {}
        default = getattr(defaults, section.name)
        for item in dataclasses.fields(new):
            value = getattr(new, item.name)
            if getattr(old, item.name) == value:
                continue
            if value is None or value == getattr(default, item.name):
                table.pop(item.name, None)
            else:
                table[item.name] = _plain(value)
        if table:
            raw[section.name] = table
        else:
            raw.pop(section.name, None)
    _write(path, _ordered(raw))


def _table(item: Any) -> dict[str, Any]:
    value = _plain(item)
    assert isinstance(value, dict)
    return value


def _plain(value: Any) -> Any:
    """A dataclass, list or value as TOML data; TOML has no null, so a None is left out."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if getattr(value, f.name) is not None
        }
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _ordered(raw: dict[str, Any]) -> dict[str, Any]:
    # tomli_w writes plain keys first, then tables in this order: the lists of tables go last.
    rest = {k: v for k, v in raw.items() if k not in _TABLE_LISTS}
    return rest | {k: raw[k] for k in _TABLE_LISTS if k in raw}


def _write(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(_HEADER.encode("utf-8"))
            tomli_w.dump(data, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _line(exc: tomllib.TOMLDecodeError, path: Path) -> int:
    # tomllib says "(at line N, column M)", except at the very end, where it gives no line.
    found = re.search(r"at line (\d+)", str(exc))
    if found:
        return int(found.group(1))
    return len(path.read_text(encoding="utf-8", errors="replace").splitlines()) or 1
