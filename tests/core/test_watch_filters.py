"""Which files a watched folder takes in (the rules alone, without an observer)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop_app.core.watch.filters import FolderRule, inside, is_temporary_name
from desktop_app.settings import WatchedFolder


@pytest.mark.parametrize(
    "name",
    [
        "film.mkv.part",
        "setup.exe.crdownload",
        "page.download",
        "x.TMP",
        "~$Budget.xlsx",
        ".~lock.Budget.ods#",
        ".report.txt.swp",
        "report.txt~",
        "#report.txt#",
        "4913",
        ".DS_Store",
        "Thumbs.db",
    ],
)
def test_partial_temporary_and_hidden_names_are_never_documents(name: str) -> None:
    assert is_temporary_name(name)


@pytest.mark.parametrize("name", ["report.pdf", "notes.txt", "partition.xlsx", "temp-plan.docx"])
def test_ordinary_documents_are_not_mistaken_for_temporary_files(name: str) -> None:
    assert not is_temporary_name(name)


def test_a_flat_folder_ignores_subfolders_and_a_recursive_one_skips_hidden_folders(
    tmp_path: Path,
) -> None:
    flat = FolderRule.create(tmp_path)
    deep = FolderRule.create(tmp_path, recursive=True)
    root = flat.root
    assert flat.accepts(os.path.join(root, "a.pdf"))
    assert not flat.accepts(os.path.join(root, "sub", "a.pdf"))
    assert deep.accepts(os.path.join(root, "sub", "a.pdf"))
    assert not deep.accepts(os.path.join(root, ".git", "objects", "a.pdf"))
    assert not deep.accepts(os.path.join(root + "-sibling", "a.pdf"))


def test_patterns_are_case_insensitive_and_slash_patterns_match_below_the_root(
    tmp_path: Path,
) -> None:
    rule = FolderRule.from_settings(
        WatchedFolder(
            str(tmp_path), recursive=True, include=["*.pdf", "drafts/*.docx"], exclude=["Old*"]
        )
    )
    root = rule.root
    assert rule.accepts(os.path.join(root, "Scan.PDF"))
    assert rule.accepts(os.path.join(root, "drafts", "letter.docx"))
    assert not rule.accepts(os.path.join(root, "letter.docx"))
    assert not rule.accepts(os.path.join(root, "old-scan.pdf"))


def test_roots_are_absolute_and_resolved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    assert FolderRule.create("link").root == str(real.resolve())
    assert inside(str(real / "x" / "y"), (str(real),))
    assert not inside(str(real) + "2", (str(real),))
