"""Smoke-test a built bundle the way a user would run it, and print its size and start times.

    python packaging/smoke.py [dist/AttachGuard]

Checks that the frozen ``attachguard`` reports the package's version, extracts text from sample
documents (proving data files, the extraction sandbox and lazily imported parsers are bundled),
builds a fallback prompt, and, when Xvfb and trayer are installed, starts the tray app on a
private display until its icon is embedded in the tray. Exits 1 on the first failed check.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "fixtures" / "docs"
EXPECTED = "The committee will meet again in October"
OCR_EXPECTED = "The committee will meet again in October"
sys.path.insert(0, str(ROOT / "tests"))

from support.desktop_session import missing_tools, start_session, wait_for  # noqa: E402


def _run(exe: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, ATTACHGUARD_HOME=str(home))
    env.pop("OPENAI_API_KEY", None)
    return subprocess.run(
        [str(exe), *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def _check(ok: bool, what: str, detail: str = "") -> None:
    print(f"{'ok  ' if ok else 'FAIL'} {what}")
    if not ok:
        if detail:
            print(detail.strip()[-2000:])
        raise SystemExit(1)


def _scan(folder: Path) -> Path:
    """A picture of a sentence, drawn with Pillow (the smoke test's own environment has it)."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1400, 160), 255)
    serif = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
    font = ImageFont.truetype(str(serif), 44) if serif.exists() else ImageFont.load_default(44)
    ImageDraw.Draw(image).text((30, 50), OCR_EXPECTED, font=font, fill=0)
    path = folder / "scan.png"
    image.save(path)
    return path


def _size(path: Path) -> float:
    total = sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())
    return total / 2**20


def _tray_start(exe: Path, home: Path) -> float | None:
    """Seconds from launch to the icon embedded in trayer, or None without the tools."""
    if missing_tools(("Xvfb", "trayer", "xwininfo")):
        return None
    session = start_session(tray=True)
    app = None
    try:
        env = session.env()
        env.update(ATTACHGUARD_HOME=str(home))
        env.pop("OPENAI_API_KEY", None)
        started = time.monotonic()
        app = subprocess.Popen(
            [str(exe)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        shown = wait_for(lambda: session.tray_icon_embedded("attachguard"), timeout=90)
        elapsed = time.monotonic() - started
        detail = "" if shown else (app.stderr.read().decode() if app.poll() is not None else "")
        _check(shown, "tray icon embedded in trayer", detail)
        quit_done = _run(exe, home, "--help")  # a second process must not disturb the first
        _check(quit_done.returncode == 0, "a second process runs beside the tray app")
        return elapsed
    finally:
        if app is not None:
            app.terminate()
            try:
                app.wait(timeout=30)
            except subprocess.TimeoutExpired:
                app.kill()
                app.wait()
            if app.stderr is not None:
                app.stderr.close()
        session.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bundle", nargs="?", default=str(ROOT / "dist" / "AttachGuard"))
    args = parser.parse_args(argv)
    bundle = Path(args.bundle)
    exe = bundle / ("attachguard.exe" if sys.platform == "win32" else "attachguard")
    _check(exe.is_file(), f"{exe} exists")
    with tempfile.TemporaryDirectory(prefix="attachguard-smoke-") as tmp:
        home = Path(tmp)
        starts = []
        for _ in range(5):
            began = time.monotonic()
            done = _run(exe, home, "--version")
            starts.append(time.monotonic() - began)
        wanted = f"attachguard {version('attachguard')}"
        _check(done.stdout.strip() == wanted, f"--version prints {wanted!r}", done.stdout)
        for sample in ("sample-pandoc.docx", "sample-ghostscript.pdf", "sample-pandoc.odt"):
            done = _run(exe, home, "extract", str(SAMPLES / sample))
            _check(
                done.returncode == 0 and EXPECTED in done.stdout,
                f"extract {sample}",
                done.stderr + done.stdout,
            )
        done = _run(exe, home, "fallback", str(SAMPLES / "sample-pandoc.pptx"))
        _check(done.returncode == 0 and "<document" in done.stdout, "fallback prompt", done.stderr)
        scan = _scan(home)  # OCR: tesserocr's libraries and the bundled models were collected
        done = _run(exe, home, "extract", str(scan))
        _check(done.returncode == 0 and OCR_EXPECTED in done.stdout, "OCR of a scan", done.stderr)
        done = _run(exe, home, "backup", str(SAMPLES / "sample-pandoc.docx"))
        _check(done.returncode == 0, "backup into the vault", done.stderr)
        done = _run(exe, home, "verify")
        _check(done.returncode == 0, "verify the vault (SQL migrations are bundled)", done.stderr)
        tray = _tray_start(exe, home)
    print()
    print("| bundle | size | --version (median of 5) | launch to tray icon |")
    print("|---|---:|---:|---:|")
    tray_text = f"{tray:.2f} s" if tray is not None else "not measured (no Xvfb/trayer)"
    print(
        f"| {bundle.name} | {_size(bundle):.1f} MiB | {statistics.median(starts):.2f} s "
        f"| {tray_text} |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
