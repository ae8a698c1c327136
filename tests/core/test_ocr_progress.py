"""Long OCR jobs: page progress through TextService and the CLI, cancel (an Event, or Ctrl+C
in a terminal) that keeps the pages already read, resuming, and the [ocr] settings."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from support import ocr_pages as pages

from desktop_app.core.errors import ExtractionError
from desktop_app.core.extract import ExtractionRunner, OcrOptions, PageText, Progress
from desktop_app.core.fallback.texts import TextService
from desktop_app.paths import AppPaths
from desktop_app.settings import FallbackSettings, OcrSettings, load_settings


def multipage_tiff(path: Path, count: int, seed: int = 0) -> list[list[str]]:
    expected = [pages.words(40, seed=seed + n) for n in range(count)]
    frames = [pages.text_page(w, height_in=3) for w in expected]
    frames[0].save(path, save_all=True, append_images=frames[1:], compression="tiff_deflate")
    return expected


def service(cache: Path, workers: int = 1) -> TextService:
    runner = ExtractionRunner(timeout=90, ocr=OcrOptions(workers=workers))
    return TextService(None, cache, FallbackSettings(), runner=runner)


def test_pages_are_reported_as_they_finish(tmp_path: Path) -> None:
    scan = tmp_path / "scan.tiff"
    expected = multipage_tiff(scan, 3)
    updates: list[Progress] = []
    texts = service(tmp_path / "cache", workers=2)
    try:
        result = texts.extract_path(scan, progress=updates.append)
    finally:
        texts.close()
    assert [u.done for u in updates] == [1, 2, 3]
    assert {u.total for u in updates} == {3}
    assert sorted(u.page.number for u in updates if u.page) == [1, 2, 3]
    for words in expected:
        assert pages.recall(words, result.markdown) >= 0.95


def test_cancel_keeps_finished_pages_and_the_next_run_resumes(tmp_path: Path) -> None:
    scan = tmp_path / "contract.tiff"
    expected = multipage_tiff(scan, 4, seed=10)
    cancel = threading.Event()
    first: list[Progress] = []

    def stop_after_first_page(update: Progress) -> None:
        first.append(update)
        cancel.set()

    texts = service(tmp_path / "cache")
    try:
        with pytest.raises(ExtractionError) as caught:
            texts.extract_path(scan, progress=stop_after_first_page, cancel=cancel)
        assert caught.value.kind == "cancelled"
        assert "pages already read are kept" in str(caught.value)
        kept = {u.page.number for u in first if u.page}
        assert kept and len(kept) < 4

        again: list[Progress] = []
        result = texts.extract_path(scan, progress=again.append)
        read_now = {u.page.number for u in again if u.page}
        assert read_now == {1, 2, 3, 4} - kept  # the kept pages were not OCR'd again
        assert [u.done for u in again][-1] == 4
        for words in expected:
            assert pages.recall(words, result.markdown) >= 0.95

        third: list[Progress] = []
        assert texts.extract_path(scan, progress=third.append) == result
        assert third == []  # a second copy comes from the cache, without the worker
    finally:
        texts.close()


def test_cli_shows_progress_and_ctrl_c_cancels_cleanly(tmp_path: Path) -> None:
    scan = tmp_path / "scan.tiff"
    expected = multipage_tiff(scan, 6, seed=20)
    home = tmp_path / "home"
    env = dict(os.environ, ATTACHGUARD_HOME=str(home))
    (home / "config").mkdir(parents=True)
    command = [sys.executable, "-m", "desktop_app", "fallback", str(scan)]
    child = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    cache = AppPaths.under(home).extract_cache_dir
    deadline = time.monotonic() + 120
    while not list(cache.glob("*/*.pages.jsonl")) and child.poll() is None:
        assert time.monotonic() < deadline, "no page was read"
        time.sleep(0.05)
    child.send_signal(signal.SIGINT)
    _, err = child.communicate(timeout=60)
    assert child.returncode == 130, err
    assert "cancelled" in err and "next run resumes" in err
    assert "Traceback" not in err

    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert 'name="scan.tiff"' in done.stdout and 'ocr="all pages"' in done.stdout
    for words in expected:
        assert pages.recall(words, done.stdout) >= 0.95


def test_progress_line_on_a_terminal() -> None:
    from desktop_app.cli.extract_cmds import ProgressLine

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    line = ProgressLine(screen)
    page = PageText(1, "text", confidence=95.0)
    for done in (1, 2, 3):
        line.update(Progress(done, 20, page))
    shown = screen.getvalue().split("\r\x1b[2K")[-1]
    assert shown.startswith("OCR: page 3 of 20 (15 %), about ")
    assert shown.endswith(" left")
    line.clear()
    assert screen.getvalue().endswith("\r\x1b[2K")  # the line is wiped before the prompt prints
    quiet = io.StringIO()  # not a terminal (a pipe, a file): nothing is drawn
    ProgressLine(quiet).update(Progress(1, 2, page))
    assert quiet.getvalue() == ""


def test_ocr_settings_are_validated_and_clamped(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        '[ocr]\nlanguages = ["fra", "../etc/passwd"]\nworkers = 999\ndpi = 5000\n', "utf-8"
    )
    loaded = load_settings(path, environ={})
    options = loaded.settings.ocr.options()
    assert options.languages == ("fra",)
    assert options.workers == (os.cpu_count() or 1)
    assert options.dpi == 600
    assert {p.where for p in loaded.problems} == {"ocr.languages", "ocr.dpi"}
    assert OcrSettings().options("de_DE.UTF-8").languages == ("deu", "eng")
    assert OcrSettings().options("C").languages == ("eng",)
    assert OcrSettings().options().workers == max(1, (os.cpu_count() or 1) - 1)


def test_turning_ocr_on_reads_a_picture_tried_before(tmp_path: Path) -> None:
    words = pages.words(40, seed=30)
    picture = tmp_path / "receipt.png"
    pages.text_page(words, height_in=3).save(picture)
    off = ExtractionRunner(timeout=90, ocr=OcrOptions(enabled=False))
    texts = TextService(None, tmp_path / "cache", FallbackSettings(), runner=off)
    try:
        with pytest.raises(ExtractionError) as caught:
            texts.extract_path(picture)
        assert caught.value.kind == "no_text"
    finally:
        texts.close()
    texts = service(tmp_path / "cache")  # the same cache, OCR on (the default)
    try:
        assert pages.recall(words, texts.extract_path(picture).markdown) >= 0.95
    finally:
        texts.close()
