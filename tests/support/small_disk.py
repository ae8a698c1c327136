"""A real, tiny file system for full-disk tests: a tmpfs mounted under the test's tmp_path.

Mounting needs root on Linux; elsewhere the tests that use it are skipped (the vault's write
seam covers the same paths with an injected ENOSPC, so nothing goes untested).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def mounted_tmpfs(mount_point: Path, size: str = "1m") -> Iterator[Path]:
    """Mount a tmpfs of ``size`` at ``mount_point`` for the duration; skip if impossible."""
    mount_point.mkdir(parents=True, exist_ok=True)
    if sys.platform != "linux" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root on Linux")
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.decode().strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=True)


def remount_read_only(mount_point: Path) -> None:
    """Make a tmpfs from :func:`mounted_tmpfs` read-only (as a full or failing disk, or a
    backup restored onto read-only media, would be)."""
    subprocess.run(["mount", "-o", "remount,ro", str(mount_point)], check=True)
