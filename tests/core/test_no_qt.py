"""The core must import and work on a machine without PySide6 (headless servers, CI, scripts)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

BLOCK_QT = textwrap.dedent(
    """
    import importlib.abc, sys

    class NoQt(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name == "PySide6" or name.startswith(("PySide6.", "shiboken6")):
                raise ImportError(f"{name} is blocked for this test")
            return None

    sys.meta_path.insert(0, NoQt())
    """
)

CHECK = textwrap.dedent(
    """
    import importlib, pkgutil, sys
    from pathlib import Path
    import desktop_app.core as core

    names = [m.name for m in pkgutil.walk_packages(core.__path__, "desktop_app.core.")]
    for name in names:
        importlib.import_module(name)
    assert not any(n.startswith("PySide6") for n in sys.modules), "PySide6 got imported"

    # And it works, not just imports: open a service on a private root and back up a file.
    from desktop_app.core.service import Service
    from desktop_app.core.vault import Source

    root = Path(sys.argv[1])
    doc = root / "note.txt"
    doc.write_text("hello without Qt", encoding="utf-8")
    service = Service.open(root / "home")
    entry = service.vault.add_file(doc, Source.CLI)
    assert service.vault.verify().ok
    service.close()
    print(len(names), entry.sha256)
    """
)


def test_core_imports_and_runs_without_pyside6(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", BLOCK_QT + CHECK, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert done.returncode == 0, done.stderr
    count, digest = done.stdout.split()
    assert int(count) >= 5
    assert len(digest) == 64


def test_cli_help_and_version_work_without_pyside6() -> None:
    script = BLOCK_QT + "from desktop_app.cli import main; raise SystemExit(main(['--version']))"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("attachguard ")
