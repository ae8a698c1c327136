"""The text fallback's words: a cached failure keeps its reason, and the intro's grammar."""

from __future__ import annotations

import os
from pathlib import Path

from support.cli import cli


def _env(home: Path) -> dict[str, str]:
    env = {**os.environ, "ATTACHGUARD_HOME": str(home)}
    env.pop("OPENAI_API_KEY", None)
    return env


def test_a_cached_failure_gives_the_same_reason_the_second_time(tmp_path: Path) -> None:
    binary = tmp_path / "bin.dat"
    binary.write_bytes(os.urandom(2560))
    env = _env(tmp_path / "home")

    first = cli(env, "fallback", binary)
    second = cli(env, "fallback", binary)  # from the failure cache

    assert first.returncode == second.returncode == 1
    assert "it is a binary file" in first.stderr
    assert second.stderr == first.stderr
    assert "cached" not in second.stderr


def test_the_intro_of_several_files_says_are(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("first notes\n")
    b.write_text("second notes\n")
    env = _env(tmp_path / "home")

    two = cli(env, "fallback", a, b)
    one = cli(env, "fallback", a)

    assert two.returncode == 0, two.stderr
    assert two.stdout.startswith("The 2 files below are pasted here as text"), two.stdout[:80]
    assert one.stdout.startswith("The file below is pasted here as text"), one.stdout[:80]
