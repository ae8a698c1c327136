"""A key used "until I quit": uploads use it, and it never reaches a file, a log or the next run.

For desktops without a secure keyring (the "fail" backend here): the key cannot be stored, so the
user may hold it in memory for this session only.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from keyring.backends import fail
from support.openai_server import FakeOpenAI

from desktop_app import logsetup
from desktop_app.core.credentials import CredentialStore, KeySource, key_source, resolve_api_key
from desktop_app.core.errors import CredentialsError
from desktop_app.core.service import Service
from desktop_app.core.uploads import JobState
from desktop_app.core.vault import Source


def _files_containing(root: Path, needle: bytes) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and needle in p.read_bytes()]


def test_session_key_is_used_without_a_keyring_and_refused_when_blank() -> None:
    store = CredentialStore(fail.Keyring())
    with pytest.raises(CredentialsError, match="no secure keyring"):
        store.set("sk-session-0123456789")
    store.use_for_session("  sk-session-0123456789\n")
    assert resolve_api_key(environ={}, store=store) == "sk-session-0123456789"
    assert key_source(store, environ={}) is KeySource.SESSION
    with pytest.raises(CredentialsError, match="empty"):
        store.use_for_session("   ")
    assert store.session_key == "sk-session-0123456789"  # a bad entry loses nothing
    store.forget_session()
    assert resolve_api_key(environ={}, store=store) is None


def test_session_key_uploads_then_is_gone_after_restart_and_never_written(
    tmp_path: Path, openai_server: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.setenv("OPENAI_BASE_URL", openai_server.base_url)
    home = tmp_path / "home"
    service = Service.open(home)
    service.credentials = CredentialStore(fail.Keyring())
    logsetup.configure(service.paths.log_file, verbose=False)
    try:
        assert not service.key_state().backend.secure
        assert not service.has_api_key()
        service.use_api_key_until_quit(openai_server.api_key)
        state = service.key_state()
        assert state.has_session_key and not state.has_stored_key
        doc = tmp_path / "notes.pdf"
        doc.write_bytes(b"%PDF-1.4 session key upload")
        entry = service.vault.add_file(doc, Source.CLI)
        (job_id,) = service.uploads.enqueue([entry.id])
        service.uploads.run_until_idle([job_id], timeout=60)
        job = service.uploads.job(job_id)
        assert job.state is JobState.DONE
        assert job.file_id in openai_server.files
        logging.getLogger("test").info("uploaded with key %s", openai_server.api_key)
    finally:
        service.close()
        logsetup.configure(tmp_path / "other-logs" / "x.log")
    assert service.paths.log_file.exists()
    assert _files_containing(home, openai_server.api_key.encode()) == []

    again = Service.open(home)
    try:
        assert not again.has_api_key()
        assert not again.key_state().has_session_key
    finally:
        again.close()
