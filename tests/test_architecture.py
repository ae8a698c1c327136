"""The layering drawn in docs/ARCHITECTURE.md, checked on every import in the package.

Imports are read from the source with ``ast`` (those inside functions too, which is where the
SDK and Qt are imported lazily), so a new module that breaks a rule fails here before review.
That only ``core/openai_api`` imports the SDK is checked in ``tests/core/test_sdk_boundary.py``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import desktop_app

PACKAGE = Path(desktop_app.__file__).parent

#: Which parts of the app each part may import (besides itself). A "part" is a subpackage of
#: ``desktop_app.core`` or a top-level module of ``desktop_app``/``desktop_app.core``;
#: ``desktop_app.ui`` and ``desktop_app.cli`` are parts of their own. Must match the drawing in
#: docs/ARCHITECTURE.md.
LEAVES = {
    "core",
    "core.errors",
    "core.redact",
    "core.periodic",
    "settings",
    "targets",
    "paths",
    "__init__",
}
ALLOWED: dict[str, set[str]] = {
    "core.errors": set(),
    "core.redact": set(),
    "core.fsutil": {"core.errors"},
    "core.filetypes": {"core.errors", "core.fsutil"},
    "core.credentials": {"core.errors"},
    "core.store": {"core.errors"},
    "core.vault": {"core.errors", "core.fsutil", "core.filetypes", "core.store"},
    "core.openai_api": {"core.errors", "core.redact", "core.fsutil"},
    "core.extract": {"core.errors", "core.filetypes", "core.fsutil"},
    "core.uploads": {
        "core.errors",
        "core.credentials",
        "core.store",
        "core.vault",
        "core.openai_api",
        "core.fsutil",
        "settings",
    },
    "core.watch": {"core.errors", "core.store", "core.fsutil", "settings"},
    "core.monitor": {"core.errors", "core.store", "core.vault", "core.openai_api", "settings"},
    "core.fallback": {"core.errors", "core.extract", "core.fsutil", "core.vault", "settings"},
    "core.service": {
        "core.errors",
        "core.credentials",
        "core.store",
        "core.vault",
        "core.uploads",
        "core.watch",
        "core.monitor",
        "core.fallback",
        "core.extract",
        "core.filetypes",
        "settings",
        "paths",
    },
}
#: The subpackages the front-ends never reach into: they ask the Service.
HIDDEN_FROM_FRONT_ENDS = {"core.store", "core.openai_api"}


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, dotted under desktop_app
    target: str  # the imported module, dotted under desktop_app
    line: int


def part_of(dotted: str) -> str:
    """The part a module under ``desktop_app`` belongs to (see ALLOWED)."""
    bits = dotted.split(".")
    if bits[0] == "core" and len(bits) > 1:
        return f"core.{bits[1]}"
    return bits[0]


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1] or ["__init__"]
    return ".".join(parts)


def imports() -> Iterator[Import]:
    for path in sorted(PACKAGE.rglob("*.py")):
        module = module_name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            for name in names:
                if name == "desktop_app" or not name.startswith("desktop_app."):
                    continue
                yield Import(module, name.removeprefix("desktop_app."), node.lineno)


def existing(dotted: str) -> str:
    """``dotted`` cut back to a module or package that exists (``from x import Name``)."""
    bits = dotted.split(".")
    while bits:
        candidate = PACKAGE.joinpath(*bits)
        if candidate.with_suffix(".py").is_file() or (candidate / "__init__.py").is_file():
            return ".".join(bits)
        bits.pop()
    return "__init__"  # a name defined in desktop_app/__init__.py (``__version__``)


ALL = sorted({(i.module, existing(i.target), i.line) for i in imports()})


def test_the_scan_sees_the_layers() -> None:
    parts = {part_of(target) for _, target, _ in ALL}
    assert {"core.uploads", "core.vault", "core.store", "core.service"} <= parts


def test_core_parts_import_only_what_the_drawing_allows() -> None:
    wrong = []
    for module, target, line in ALL:
        source, dest = part_of(module), part_of(target)
        if not source.startswith("core") or source == dest or dest in LEAVES:
            continue
        if dest not in ALLOWED.get(source, set()):
            wrong.append(f"{module}:{line} imports {target} ({source} may not use {dest})")
    assert not wrong, "\n".join(wrong)


def test_the_core_never_imports_the_front_ends() -> None:
    wrong = [
        f"{module}:{line} imports {target}"
        for module, target, line in ALL
        if module.startswith("core") and part_of(target) in {"ui", "cli"}
    ]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("front_end", ["ui", "cli"])
def test_front_ends_use_public_faces_and_never_the_store_or_the_sdk(front_end: str) -> None:
    wrong = []
    for module, target, line in ALL:
        if part_of(module) != front_end or not target.startswith("core"):
            continue
        dest = part_of(target)
        if dest in HIDDEN_FROM_FRONT_ENDS:
            wrong.append(f"{module}:{line} imports {target}: ask the Service instead")
        elif target != dest and (PACKAGE / dest.replace(".", "/") / "__init__.py").is_file():
            wrong.append(f"{module}:{line} imports {target}: use {dest}'s public face")
    assert not wrong, "\n".join(wrong)


def test_core_top_level_stays_small_and_module_names_are_unique() -> None:
    top = [p.name for p in (PACKAGE / "core").glob("*.py") if p.name != "__init__.py"]
    assert len(top) <= 10, f"core/ has {len(top)} modules at its top level: {sorted(top)}"
    names = [p.name for p in PACKAGE.rglob("*.py") if p.name != "__init__.py"]
    twins = sorted({n for n in names if names.count(n) > 1})
    assert not twins, f"module names used in more than one folder: {twins}"
