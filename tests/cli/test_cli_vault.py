"""The vault subcommands, run as a user would: ``python -m desktop_app`` in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from support.small_disk import mounted_tmpfs


def run(home: Path, *args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ATTACHGUARD_HOME": str(home)}
    env.pop("OPENAI_API_KEY", None)
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=90,
    )


def list_json(home: Path) -> list[dict[str, object]]:
    result = run(home, "list", "--json")
    assert result.returncode == 0, result.stderr
    entries = json.loads(result.stdout)
    assert isinstance(entries, list)
    return entries


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    (folder / "report.pdf").write_bytes(b"%PDF-1.4\nreport\n")
    (folder / "notes.txt").write_text("meeting notes\n")
    (folder / "sub" / "copy.pdf").write_bytes(b"%PDF-1.4\nreport\n")
    return folder


def test_backup_then_list_as_json(home: Path, docs: Path) -> None:
    result = run(home, "backup", docs / "report.pdf", docs / "notes.txt")

    assert result.returncode == 0, result.stderr
    assert "report.pdf" in result.stdout
    assert "notes.txt" in result.stdout
    entries = list_json(home)
    assert [e["name"] for e in entries] == ["notes.txt", "report.pdf"]  # newest first
    report = entries[1]
    assert set(report) >= {"id", "name", "sha256", "size", "added_at", "source", "mime_type"}
    assert report["source"] == "cli"
    assert report["size"] == 16
    assert report["mime_type"] == "application/pdf"
    assert report["original_path"] == str(docs / "report.pdf")
    assert str(report["sha256"])[:12] in result.stdout


def test_folders_need_recursive(home: Path, docs: Path) -> None:
    refused = run(home, "backup", docs)
    assert refused.returncode == 1
    assert "is a directory (use --recursive)" in refused.stderr
    assert list_json(home) == []

    accepted = run(home, "backup", "--recursive", docs)
    assert accepted.returncode == 0, accepted.stderr
    entries = list_json(home)
    assert sorted(e["name"] for e in entries) == ["copy.pdf", "notes.txt", "report.pdf"]
    assert len({e["sha256"] for e in entries}) == 2  # report.pdf and sub/copy.pdf: one blob


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs")
def test_special_and_missing_files_are_skipped_but_the_rest_go_in(home: Path, docs: Path) -> None:
    os.mkfifo(docs / "pipe")

    result = run(home, "backup", docs / "pipe", docs / "gone.txt", docs / "notes.txt")

    assert result.returncode == 1
    assert "pipe: is a FIFO (named pipe), not a regular file" in result.stderr
    assert "gone.txt: does not exist" in result.stderr
    assert "backed up 1 file(s), skipped 2" in result.stderr
    assert [e["name"] for e in list_json(home)] == ["notes.txt"]


def test_human_list_shows_entries_or_says_empty(home: Path, docs: Path) -> None:
    assert run(home, "list").stdout.strip() == "the vault is empty"
    run(home, "backup", docs / "notes.txt")

    listing = run(home, "list")

    assert listing.returncode == 0
    header, row = listing.stdout.strip().splitlines()
    assert header.split() == ["ID", "ADDED", "(UTC)", "SIZE", "SOURCE", "SHA256", "NAME"]
    assert row.split()[0] == "1"
    assert row.endswith("notes.txt")


def test_restore_copies_out_without_overwriting(home: Path, docs: Path, tmp_path: Path) -> None:
    run(home, "backup", docs / "report.pdf")
    (entry,) = list_json(home)
    out = tmp_path / "restored"

    first = run(home, "restore", str(entry["id"]), "--to", out)
    second = run(home, "restore", str(entry["id"]), "--to", out)

    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert (out / "report.pdf").read_bytes() == (docs / "report.pdf").read_bytes()
    assert (out / "report (1).pdf").read_bytes() == (docs / "report.pdf").read_bytes()
    assert str(out / "report (1).pdf") in second.stdout


def test_restore_of_an_unknown_id_fails_but_restores_the_others(
    home: Path, docs: Path, tmp_path: Path
) -> None:
    run(home, "backup", docs / "notes.txt")

    result = run(home, "restore", "999", "1", "--to", tmp_path / "out")

    assert result.returncode == 1
    assert "no vault entry with id 999" in result.stderr
    assert (tmp_path / "out" / "notes.txt").read_text() == "meeting notes\n"


def test_verify_reports_damage_with_exit_1(home: Path, docs: Path) -> None:
    run(home, "backup", docs / "report.pdf", docs / "notes.txt")
    assert run(home, "verify").returncode == 0
    entry = next(e for e in list_json(home) if e["name"] == "notes.txt")
    sha = str(entry["sha256"])
    blob = home / "data" / "vault" / "blobs" / sha[:2] / sha
    blob.write_bytes(b"meeting notes, edited behind the vault's back\n")

    result = run(home, "verify")

    assert result.returncode == 1
    assert f"corrupt  {sha}  #{entry['id']} notes.txt" in result.stdout
    assert "0 missing and 1 corrupt of 2" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_forget_removes_entries(home: Path, docs: Path) -> None:
    run(home, "backup", docs / "report.pdf", docs / "notes.txt")

    result = run(home, "forget", "1", "42")

    assert result.returncode == 1
    assert "forgot 1  report.pdf" in result.stdout
    assert "no vault entry with id 42" in result.stderr
    assert [e["name"] for e in list_json(home)] == ["notes.txt"]


def test_prune_applies_the_size_limit_from_settings(home: Path, tmp_path: Path) -> None:
    big = [tmp_path / f"scan{i}.bin" for i in range(3)]
    for i, path in enumerate(big):
        path.write_bytes(bytes([i]) * 600_000)
    for path in big:  # one at a time, so they are added in a known order
        assert run(home, "backup", path).returncode == 0
    unlimited = run(home, "prune")
    assert unlimited.returncode == 0
    assert "nothing to prune" in unlimited.stdout
    (home / "config" / "settings.toml").write_text("[vault]\nmax_total_mb = 1\n")

    result = run(home, "prune")

    assert result.returncode == 0, result.stderr
    assert "removed 2 entries" in result.stdout
    assert [e["name"] for e in list_json(home)] == ["scan2.bin"]


def test_usage_errors_exit_2(home: Path) -> None:
    assert run(home, "restore", "1").returncode == 2  # --to is required
    assert run(home, "forget", "not-a-number").returncode == 2
    assert run(home, "backup").returncode == 2


def test_prune_and_forget_spare_documents_with_unfinished_uploads(
    home: Path, tmp_path: Path
) -> None:
    from desktop_app.core.service import Service
    from desktop_app.paths import AppPaths

    for name in ("pending.pdf", "done.pdf"):
        (tmp_path / name).write_bytes(b"%PDF-1.4 " + name.encode())
        assert run(home, "backup", tmp_path / name).returncode == 0
    service = Service(AppPaths.under(home))
    try:
        pending = next(e for e in service.vault.entries() if e.name == "pending.pdf")
        service.uploads.enqueue([pending.id])  # not started: the upload stays queued
    finally:
        service.close()
    (home / "config" / "settings.toml").write_text("[vault]\nmax_total_mb = 0\n")

    refused = run(home, "forget", str(pending.id))
    pruned = run(home, "prune")

    assert refused.returncode == 1
    assert "unfinished upload" in refused.stderr
    assert pruned.returncode == 0, pruned.stderr
    assert "removed 1 entries" in pruned.stdout
    assert [e["name"] for e in list_json(home)] == ["pending.pdf"]


def test_backup_onto_a_full_disk_names_every_file_left_without_a_copy(tmp_path: Path) -> None:
    (tmp_path / "memo.txt").write_text("fits easily")
    (tmp_path / "video.bin").write_bytes(os.urandom(3 * 1024 * 1024))
    # More files after the video than the vault copies at once: the last ones are never tried.
    later = [tmp_path / f"later-{n:02}.txt" for n in range(20)]
    for n, path in enumerate(later):
        path.write_text(f"later document {n}")
    given = [tmp_path / "memo.txt", tmp_path / "video.bin", *later]

    with mounted_tmpfs(tmp_path / "small-home", size="2m") as home:
        result = run(home, "backup", *given)

        assert result.returncode == 1
        lines = result.stderr.strip().splitlines()
        summary = lines.pop()
        stored = [e["name"] for e in list_json(home)]
        not_backed_up = [line for line in lines if line.startswith("attachguard: not backed up ")]
        assert not_backed_up == lines  # nothing else on stderr
        assert (
            f"attachguard: not backed up {tmp_path / 'video.bin'}: "
            "no space left on the disk holding the vault"
        ) in lines
        assert f"not backed up {later[-1]}: not tried after the disk filled" in lines[-1]
        # Every document given is either in the vault or named once as not backed up.
        for path in given:
            named = sum(line.startswith(f"attachguard: not backed up {path}:") for line in lines)
            assert named == (0 if path.name in stored else 1), path
        assert "memo.txt" in stored
        assert summary == (
            "attachguard: no space left on the disk holding the vault: "
            f"backed up {len(stored)} file(s), {len(lines)} not backed up"
        )
        assert run(home, "verify").returncode == 0
        leftovers = [p for p in (home / "data" / "vault" / "tmp").iterdir()]
        assert leftovers == []


def test_backup_and_list_escape_control_characters_in_names(home: Path, tmp_path: Path) -> None:
    tricky = tmp_path / "two\nlines\x1b[31m.txt"
    tricky.write_text("a name made to forge output lines")

    backup = run(home, "backup", tricky)
    listing = run(home, "list")

    assert backup.returncode == 0, backup.stderr
    assert backup.stdout.count("\n") == 1
    assert backup.stdout.rstrip("\n").endswith("two\\nlines\\x1b[31m.txt")
    assert listing.stdout.strip().splitlines()[-1].endswith("two\\nlines\\x1b[31m.txt")
