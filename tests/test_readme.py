"""The README's promises stay true: its test command is what CI runs, its commands exist."""

from __future__ import annotations

import re
from pathlib import Path

from desktop_app.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```(?:sh|bash|shell)\n(.+?)\n```", section)


def test_quick_start_has_exactly_two_commands() -> None:
    commands = _quick_start_commands()
    assert len(commands) == 2
    start, tests = commands
    assert start.rstrip().endswith("attachguard")
    assert "pytest" in tests


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = _quick_start_commands()[1]
    assert test_command in ci.splitlines()


def test_every_subcommand_the_readme_mentions_exists() -> None:
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    known = set(subparsers.choices)  # type: ignore[arg-type]
    mentioned = set(re.findall(r"^\s*attachguard ([a-z][a-z-]+)", README, flags=re.MULTILINE))
    assert mentioned, "the README shows no CLI usage"
    assert mentioned <= known, f"README mentions unknown commands: {mentioned - known}"
