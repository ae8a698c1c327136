"""One SDK boundary: only ``core/openai_api`` imports ``openai``, and only when the API is used."""

from __future__ import annotations

import ast
import importlib.resources
import subprocess
import sys
import textwrap
from pathlib import Path

#: Top-level modules only the boundary may import: the SDK and the HTTP client under it.
SDK_MODULES = frozenset({"openai", "httpx", "httpx2"})


def _imported_roots(tree: ast.AST) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def test_only_the_boundary_imports_the_sdk() -> None:
    package = Path(str(importlib.resources.files("desktop_app")))
    boundary = package / "core" / "openai_api"
    sources = sorted(package.rglob("*.py"))
    offenders = [
        str(path.relative_to(package.parent))
        for path in sources
        if boundary not in path.parents
        and _imported_roots(ast.parse(path.read_text(encoding="utf-8"))) & SDK_MODULES
    ]
    assert offenders == []
    # The walk really looked at the boundary too (it is not vacuously empty).
    assert any(
        "openai" in _imported_roots(ast.parse(p.read_text(encoding="utf-8")))
        for p in boundary.glob("*.py")
    )


def test_opening_the_service_and_listing_batches_does_not_load_the_sdk(tmp_path: Path) -> None:
    # The SDK costs about 0.4 s to import: commands that never call the API must not pay it.
    script = textwrap.dedent(
        """
        import sys
        from pathlib import Path

        import desktop_app.core.monitor
        import desktop_app.core.service
        import desktop_app.core.uploads

        from desktop_app.core.service import Service

        service = Service.open(Path(sys.argv[1]))
        try:
            print(len(service.batches.batches()))
        finally:
            service.close()
        print(sorted(m for m in sys.modules if m.split(".")[0] in ("openai", "httpx2")))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "home")],
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == ["0", "[]"]
