"""A read-only data folder: reading the vault works, changing it says why it cannot."""

from __future__ import annotations

from pathlib import Path

from support.cli import run
from support.small_disk import mounted_tmpfs, remount_read_only


def test_reads_work_and_writes_say_the_folder_is_read_only(tmp_path: Path) -> None:
    home = tmp_path / "home"
    document = tmp_path / "report.pdf"
    document.write_bytes(b"%PDF-1.4\nquarterly report\n")
    with mounted_tmpfs(home / "data", "4m") as data:
        assert run(home, "backup", document).returncode == 0
        remount_read_only(data)

        listed = run(home, "list")
        restored = run(home, "restore", "1", "--to", tmp_path / "out")
        verified = run(home, "verify")
        queued = run(home, "queue")
        added = run(home, "backup", tmp_path / "report.pdf")
        forgot = run(home, "forget", "1")

    assert listed.returncode == 0, listed.stderr
    assert "report.pdf" in listed.stdout
    assert restored.returncode == 0, restored.stderr
    assert (tmp_path / "out" / "report.pdf").read_bytes() == document.read_bytes()
    assert verified.returncode == 0, verified.stderr
    assert "all intact" in verified.stdout
    assert queued.returncode == 0, queued.stderr
    for refused in (added, forgot):
        assert refused.returncode == 1
        assert "Traceback" not in refused.stderr
        assert "is read-only" in refused.stderr, refused.stderr
        assert len(refused.stderr.strip().splitlines()) == 1, refused.stderr
