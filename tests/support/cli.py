"""Run the real ``attachguard`` command (``python -m desktop_app``) in a child process."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path


def cli(env: Mapping[str, str], *args: str | Path) -> subprocess.CompletedProcess[str]:
    """``attachguard ARGS`` with the environment ``env``, output captured as text."""
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *map(str, args)],
        capture_output=True,
        text=True,
        env=dict(env),
        timeout=120,
        check=False,
    )


def run(home: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """``attachguard ARGS`` on the data root ``home``, with no API key in the environment."""
    env = {**os.environ, "ATTACHGUARD_HOME": str(home)}
    env.pop("OPENAI_API_KEY", None)
    return cli(env, *args)
