"""A data folder that cannot be created (read-only disk, a file in the way): every command and
the app say so in one sentence and exit 1, with no traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support.cli import cli
from support.small_disk import mounted_tmpfs, remount_read_only


def _env(home: Path) -> dict[str, str]:
    env = {**os.environ, "ATTACHGUARD_HOME": str(home), "DISPLAY": ":0"}
    env.pop("OPENAI_API_KEY", None)
    return env


@pytest.mark.parametrize("command", [["list"], ["status"], ["queue"], []])
def test_a_read_only_data_root_gets_one_sentence_and_exit_1(
    tmp_path: Path, command: list[str]
) -> None:
    with mounted_tmpfs(tmp_path / "ro") as root:
        remount_read_only(root)
        done = cli(_env(root), *command)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.strip() == (
        f"attachguard: cannot create the folder {root / 'data'} (read-only file system); make"
        " it writable, or point ATTACHGUARD_HOME at a folder you can write to"
    )


def test_a_file_in_the_way_of_the_data_root_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "home"
    blocker.write_text("not a folder")
    done = cli(_env(blocker / "inner"), "list")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert f"cannot create the folder {blocker / 'inner' / 'data'} (not a directory)" in (
        done.stderr
    )
