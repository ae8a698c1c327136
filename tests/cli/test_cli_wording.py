"""Small wording fixes from a new-user pass: what the CLI prints says what it means."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.openai_server import FakeOpenAI

from desktop_app.cli import main


@pytest.fixture
def env(
    ag_home: Path, openai_server: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    monkeypatch.setenv("OPENAI_API_KEY", openai_server.api_key)
    monkeypatch.setenv("OPENAI_BASE_URL", openai_server.base_url)
    yield ag_home


def test_recheck_names_the_job_it_requeued(
    env: Path, tmp_path: Path, openai_server: FakeOpenAI, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "a.pdf"
    doc.write_bytes(b"%PDF-1.4 a\n" * 50)
    main(["upload", str(doc), "--wait", "--json"])
    (job,) = json.loads(capsys.readouterr().out)
    openai_server.expire_file(job["file_id"])

    assert main(["recheck"]) == 0

    out = capsys.readouterr().out
    assert f"re-queued job {job['id']}\n" in out
    assert "re-queued: " not in out


def test_copy_text_of_a_folder_says_it_is_a_folder(
    env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text("text", encoding="utf-8")

    assert main(["copy-text", str(folder)]) == 1

    err = capsys.readouterr().err
    assert "is a folder; copy-text takes one document" in err
    assert "no file or document named" not in err


def test_a_bare_file_name_that_is_not_there_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    # What a file manager's "Open with" runs for a file that has since gone away.
    assert main(["missing-report.docx"]) == 1
    err = capsys.readouterr().err
    assert "no such file: missing-report.docx" in err and "invalid choice" not in err
    with pytest.raises(SystemExit):  # a mistyped command still gets argparse's usage error
        main(["lsit"])
