"""``attachguard copy-text --for/--pages/--part`` and ``--history``/``--again``: a chosen part
is copied (read back by xclip in another process), each copy is noted, and one can be copied
again after the clipboard was overwritten."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from support import docgen
from support.cli import cli
from support.desktop_session import DesktopSession, session_for_test, wait_for


@pytest.fixture
def x_display() -> Iterator[DesktopSession]:
    yield from session_for_test(("Xvfb", "xclip"), "xvfb xclip", tray=False)


@pytest.fixture
def env(x_display: DesktopSession, tmp_path: Path) -> dict[str, str]:
    env = x_display.env()
    env["ATTACHGUARD_HOME"] = str(tmp_path / "home")
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    env.pop("OPENAI_API_KEY", None)
    return env


def test_a_part_is_copied_noted_and_copied_again(
    env: dict[str, str], tmp_path: Path, x_display: DesktopSession
) -> None:
    pages = [f"Chapter {n} begins. " + "The survey notes continue. " * 120 for n in range(1, 9)]
    pdf = docgen.pdf(tmp_path / "survey.pdf", pages)
    first = cli(env, "copy-text", pdf, "--for", "local", "--pages", "2-8")
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("Copied part 1 of ")
    assert "copy-text --part 2" in first.stderr
    assert wait_for(lambda: "Chapter 2 begins" in (x_display.clipboard() or ""), 30)
    assert "Chapter 1 begins" not in (x_display.clipboard() or "")

    second = cli(env, "copy-text", "survey.pdf", "--for", "local", "--pages", "2-8", "--part", "2")
    assert second.returncode == 0, second.stderr
    assert wait_for(lambda: "Part 2 of " in (x_display.clipboard() or ""), 30)
    part_two = x_display.clipboard()

    note = tmp_path / "note.txt"
    note.write_text("Something else took the clipboard.\n", encoding="utf-8")
    assert cli(env, "copy-text", note).returncode == 0
    assert wait_for(lambda: "took the clipboard" in (x_display.clipboard() or ""), 30)

    history = cli(env, "copy-text", "--history")
    assert history.returncode == 0, history.stderr
    lines = history.stdout.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith(" 1  ") and "note.txt  (chat)" in lines[0]
    assert "survey.pdf, part 2 of " in lines[1] and "(local, pages 2-8)" in lines[1]

    again = cli(env, "copy-text", "--again", "2")
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("Copied survey.pdf, part 2 of ")
    assert wait_for(lambda: x_display.clipboard() == part_two, 30)
    assert "survey.pdf, part 2 of " in cli(env, "copy-text", "--history").stdout.splitlines()[0]


def test_bad_history_choices_say_so_in_one_line(env: dict[str, str]) -> None:
    empty = cli(env, "copy-text", "--history")
    assert empty.returncode == 0 and empty.stdout.strip() == "Nothing has been copied yet."
    missing = cli(env, "copy-text", "--again", "3")
    assert missing.returncode == 1 and "nothing has been copied yet" in missing.stderr
    assert "Traceback" not in missing.stderr and len(missing.stderr.strip().splitlines()) == 1
