"""``backup -r`` takes only the folder's own documents: no links out of it, not our own data."""

from __future__ import annotations

import json
from pathlib import Path

from support.cli import run


def stored_names(home: Path) -> list[str]:
    result = run(home, "list", "--json")
    assert result.returncode == 0, result.stderr
    return sorted(str(e["name"]) for e in json.loads(result.stdout))


def test_backup_recursive_follows_no_link_out_of_the_folder(tmp_path: Path) -> None:
    secrets = tmp_path / "elsewhere"
    (secrets / "keys").mkdir(parents=True)
    (secrets / "shadow").write_text("root:$6$secret-hash:19000:0:99999:7:::\n")
    (secrets / "keys" / "id_ed25519").write_text("-----BEGIN OPENSSH PRIVATE KEY-----\n")
    tree = tmp_path / "documents"
    (tree / "sub").mkdir(parents=True)
    (tree / "report.pdf").write_bytes(b"%PDF-1.4\nreport\n")
    (tree / "sub" / "notes.txt").write_text("notes\n")
    (tree / "shadow").symlink_to(secrets / "shadow")
    (tree / "keys").symlink_to(secrets / "keys", target_is_directory=True)
    (tree / "zz-link.txt").symlink_to(tree / "sub" / "notes.txt")  # inside: fine
    home = tmp_path / "home"

    result = run(home, "backup", "-r", tree)

    assert stored_names(home) == ["notes.txt", "report.pdf"]
    assert result.returncode == 1  # something was skipped, and the user is told what
    assert f"{tree / 'shadow'}: symbolic link leading out of the folder" in result.stderr
    assert f"{tree / 'keys'}: symbolic link leading out of the folder" in result.stderr
    assert "secret-hash" not in result.stdout + result.stderr


def test_backup_recursive_skips_the_apps_own_data_inside_the_tree(tmp_path: Path) -> None:
    tree = tmp_path / "home-folder"
    tree.mkdir()
    (tree / "letter.txt").write_text("dear reader\n")
    home = tree / ".attachguard"  # the profile lives inside the folder being backed up
    assert run(home, "backup", tree / "letter.txt").returncode == 0
    (home / "config" / "settings.toml").write_text("[upload]\nconcurrency = 2\n")

    result = run(home, "backup", "-r", tree)

    assert result.returncode == 0, result.stderr
    # Only the letter (backed up twice); nothing from the vault, database, settings or logs.
    assert stored_names(home) == ["letter.txt", "letter.txt"]
    assert "attachguard.sqlite3" not in result.stdout
