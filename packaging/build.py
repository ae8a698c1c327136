"""Build the one-folder AttachGuard app for this platform with PyInstaller.

    python packaging/build.py            # icons, PyInstaller bundle, desktop files; prints the size
    python packaging/build.py --icons    # only render the icons (build/icons)

Needs the project installed with the ``package`` extra (``pip install -e '.[package]'``).
Icons are rendered from ``resources/icons/attachguard.svg`` with Qt's SVG renderer, so no other
tool is needed: hicolor PNGs for Linux, ``.ico`` for Windows and ``.icns`` for macOS.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "io.github.attachguard.AttachGuard"
SOURCE_ICON = ROOT / "resources" / "icons" / "attachguard.svg"
BUILD = ROOT / "build"
DIST = ROOT / "dist"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def render_icons(out: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(SOURCE_ICON))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SOURCE_ICON}")

    def image(size: int) -> QImage:
        img = QImage(size, size, QImage.Format.Format_ARGB32)
        img.fill(Qt.GlobalColor.transparent)
        painter = QPainter(img)
        renderer.render(painter)
        painter.end()
        return img

    for size in HICOLOR_SIZES:
        target = out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image(size).save(str(target), "PNG"):
            raise SystemExit(f"cannot write {target}")
    scalable = out / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE_ICON, scalable)
    image(256).save(str(out / "attachguard.ico"), "ICO")
    image(512).save(str(out / "attachguard.icns"), "ICNS")
    del app


def add_linux_desktop_files(bundle: Path, icons: Path) -> None:
    """A ``share/`` tree inside the bundle, laid out as it installs under ~/.local or /usr."""
    share = bundle / "share"
    linux = ROOT / "packaging" / "linux"
    (share / "applications").mkdir(parents=True, exist_ok=True)
    (share / "metainfo").mkdir(parents=True, exist_ok=True)
    shutil.copy2(linux / f"{APP_ID}.desktop", share / "applications")
    shutil.copy2(linux / f"{APP_ID}.metainfo.xml", share / "metainfo")
    shutil.copytree(icons / "hicolor", share / "icons" / "hicolor", dirs_exist_ok=True)
    shutil.copy2(linux / "install.sh", bundle / "install.sh")
    # "Copy text for ChatGPT" in file managers; install.sh puts them in the XDG places.
    actions = linux / "file-manager"
    for source, folder in (
        (actions / "attachguard-copy-text.desktop", share / "kio" / "servicemenus"),
        (actions / "Copy text for ChatGPT", share / "nautilus" / "scripts"),
    ):
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, folder)


def tree_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--icons", action="store_true", help="only render the icons")
    args = parser.parse_args(argv)
    icons = BUILD / "icons"
    render_icons(icons)
    if args.icons:
        print(f"icons in {icons}")
        return 0
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(BUILD / "pyinstaller"),
            str(ROOT / "packaging" / "attachguard.spec"),
        ],
        check=True,
        cwd=ROOT,
    )
    bundle = DIST / "AttachGuard"
    if sys.platform.startswith("linux"):
        add_linux_desktop_files(bundle, icons)
    print(f"built {bundle} ({tree_size(bundle) / 2**20:.1f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
