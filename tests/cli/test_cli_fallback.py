"""``attachguard extract`` and ``attachguard fallback``: print, split into parts and fail cleanly,
naming a folder or a missing file by its real name."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from support import docgen


def _cli(home: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    import os

    env = {**os.environ, "ATTACHGUARD_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        capture_output=True, text=True, env=env, timeout=110, check=False, cwd=cwd,
    )  # fmt: skip


def test_cli_extract_and_fallback(tmp_path: Path) -> None:
    home = tmp_path / "home"
    doc = docgen.docx(tmp_path / "plan.docx", title="Plan", table=[["Step", "Owner"], ["1", "Ada"]])
    out = _cli(home, "extract", str(doc), "--format", "text")
    assert out.returncode == 0, out.stderr
    assert "Plan" in out.stdout and "Step\tOwner" in out.stdout
    long_text = tmp_path / "long.txt"
    long_text.write_text("\n\n".join(f"Paragraph {n} " + "words " * 80 for n in range(60)))
    out = _cli(home, "fallback", str(long_text), "--max-tokens", "1000", "--part", "2")
    assert out.returncode == 0, out.stderr
    assert re.match(r"Part 2 of \d+ of \"long.txt\"\.\n", out.stdout)
    bad = _cli(home, "extract", str(docgen.scanned_pdf(tmp_path / "scan.pdf")))
    assert bad.returncode == 1
    assert bad.stderr.strip().count("\n") == 0 and "no text layer" in bad.stderr
    assert _cli(home, "fallback", str(long_text), "--max-tokens", "5").returncode == 2


def test_cli_names_a_folder_or_a_missing_file_by_its_real_name(tmp_path: Path) -> None:
    home = tmp_path / "home"
    folder = tmp_path / "Quarterly reports"
    folder.mkdir()

    as_dot = _cli(home, "extract", ".", cwd=folder)
    missing = _cli(home, "extract", str(tmp_path / "minutes.docx"))
    in_fallback = _cli(home, "fallback", str(folder))

    assert as_dot.returncode == 1
    assert as_dot.stderr.strip() == "attachguard: Quarterly reports is a folder, not a file."
    assert missing.returncode == 1
    assert missing.stderr.strip() == "attachguard: minutes.docx does not exist."
    assert in_fallback.returncode == 1
    assert "Quarterly reports is a folder, not a file." in in_fallback.stderr


def test_cli_fallback_part_outside_the_prompt_is_a_usage_error(tmp_path: Path) -> None:
    home = tmp_path / "home"
    long_text = tmp_path / "long.txt"
    long_text.write_text("\n\n".join(f"Paragraph {n} " + "words " * 80 for n in range(60)))
    whole = _cli(home, "fallback", str(long_text), "--max-tokens", "1000", "--json")
    assert whole.returncode == 0, whole.stderr
    total = len(json.loads(whole.stdout)["parts"])
    assert total > 1

    for part in (0, total + 1):
        out = _cli(home, "fallback", str(long_text), "--max-tokens", "1000", "--part", str(part))
        assert out.returncode == 2, out.stderr
        assert f"--part must be between 1 and {total}" in out.stderr
        assert out.stdout == ""
