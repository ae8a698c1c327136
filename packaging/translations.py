"""Update the translation sources and compile them: ``python packaging/translations.py``.

``pyside6-lupdate`` collects every ``self.tr(…)``, ``QCoreApplication.translate(…)`` and
``QT_TRANSLATE_NOOP(…)`` in ``desktop_app/ui`` into ``desktop_app/resources/translations/
attachguard_<lang>.ts`` (keeping the translations already there; new strings come out marked
unfinished, for a translator to fill in, e.g. with ``pyside6-linguist``), then
``pyside6-lrelease`` compiles each ``.ts`` into the ``.qm`` file the app loads. Both tools ship
with PySide6. The tests run the same two steps into a temporary folder to prove the committed
files are up to date.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "desktop_app" / "ui"
TRANSLATIONS = ROOT / "desktop_app" / "resources" / "translations"
LANGUAGES = ("de", "fr", "es")


def _tool(name: str) -> str:
    """A PySide6 tool next to this Python (a virtualenv's bin), else on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (pip install pyside6-essentials)")
    return found


def sources() -> list[Path]:
    return sorted(UI.rglob("*.py"))


def ts_file(folder: Path, language: str) -> Path:
    return folder / f"attachguard_{language}.ts"


def update(folder: Path = TRANSLATIONS) -> None:
    """Run lupdate: add new strings to (and drop vanished ones from) each ``.ts`` in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        subprocess.run(
            [
                _tool("pyside6-lupdate"),
                "-silent",
                "-no-obsolete",
                "-locations",
                "none",
                *map(str, sources()),
                "-ts",
                str(ts_file(folder, language)),
            ],
            check=True,
        )


def release(ts_folder: Path = TRANSLATIONS, qm_folder: Path = TRANSLATIONS) -> None:
    """Run lrelease: compile each ``.ts`` in ``ts_folder`` into a ``.qm`` in ``qm_folder``."""
    qm_folder.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        subprocess.run(
            [
                _tool("pyside6-lrelease"),
                "-silent",
                str(ts_file(ts_folder, language)),
                "-qm",
                str(qm_folder / f"attachguard_{language}.qm"),
            ],
            check=True,
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ts-dir", type=Path, default=TRANSLATIONS, help="where the .ts go")
    parser.add_argument("--qm-dir", type=Path, default=TRANSLATIONS, help="where the .qm go")
    parser.add_argument("--no-update", action="store_true", help="only compile (lrelease)")
    args = parser.parse_args(argv)
    if not args.no_update:
        update(args.ts_dir)
    release(args.ts_dir, args.qm_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
