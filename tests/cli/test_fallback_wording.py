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

