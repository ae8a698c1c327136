"""The README's screenshots script keeps working: run it into a temp dir under Xvfb + trayer.

Each picture must exist, have the size the script promises, and show something (a blank or
half-painted capture has almost no variation between pixels).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageStat
from support.desktop_session import missing_tools

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parent.parent.parent
SCRIPT = ROOT / "docs" / "screenshots" / "make.py"
sys.path.insert(0, str(SCRIPT.parent))

from make import SHOTS, TOOLS  # noqa: E402


def test_screenshot_script_writes_every_picture(tmp_path: Path) -> None:
    missing = missing_tools(TOOLS)
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (apt-get install xvfb trayer xdotool imagemagick)")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(SHOTS)
    for name, size in SHOTS.items():
        with Image.open(tmp_path / name) as image:
            assert image.format == "PNG"
            assert image.size == size, name
            grey = image.convert("L")
            # Text, borders and coloured states: far from one flat colour.
            assert ImageStat.Stat(grey).stddev[0] > 20, name
            assert sum(1 for count in grey.histogram() if count) > 32, name
