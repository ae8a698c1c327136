"""The API key lives in the real OS keyring (a private gnome-keyring here), never in our files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from keyring.backends import fail
from support.secret_service import SecretServiceEnv

from desktop_app.core.credentials import (
    CredentialStore,
    KeySource,
    key_source,
    resolve_api_key,
    resolve_base_url,
)
from desktop_app.core.errors import CredentialsError

KEY = "sk-test-credential-0123456789abcdef"


def test_key_round_trips_through_the_secret_service(secret_service_backend: object) -> None:
    store = CredentialStore(secret_service_backend)
    store.delete()
    assert store.get() is None
    store.set(f"  {KEY}\n")
    assert store.get() == KEY
    assert resolve_api_key(environ={}, store=store) == KEY
    assert key_source(store, environ={}) is KeySource.KEYRING
    store.delete()
    assert store.get() is None
    store.delete()  # deleting twice is not an error


def test_secret_service_backend_is_reported_secure(secret_service_backend: object) -> None:
    info = CredentialStore(secret_service_backend).backend()
    assert info.secure
    assert "SecretService" in info.name or "Secret" in info.name


def test_environment_key_wins_over_keyring(secret_service_backend: object) -> None:
    store = CredentialStore(secret_service_backend)
    store.set(KEY)
    try:
        env = {"OPENAI_API_KEY": "sk-from-environment-000000"}
        assert resolve_api_key(environ=env, store=store) == "sk-from-environment-000000"
        assert key_source(store, environ=env) is KeySource.ENVIRONMENT
    finally:
        store.delete()


def test_insecure_backend_is_refused_and_reported() -> None:
    store = CredentialStore(fail.Keyring())
    info = store.backend()
    assert not info.secure
    assert store.get() is None
    with pytest.raises(CredentialsError, match="no secure keyring"):
        store.set(KEY)
    assert resolve_api_key(environ={}, store=store) is None
    assert key_source(store, environ={}) is KeySource.NONE


@pytest.mark.parametrize("bad", ["", "   ", "sk-abc def", "sk-abc\ndef"])
def test_malformed_keys_are_rejected_before_the_keyring(bad: str) -> None:
    with pytest.raises(CredentialsError):
        CredentialStore(fail.Keyring()).set(bad)


def test_base_url_order() -> None:
    assert resolve_base_url(None, {}) == "https://api.openai.com/v1"
    assert resolve_base_url(None, {"OPENAI_BASE_URL": "http://127.0.0.1:9/v1/"}) == (
        "http://127.0.0.1:9/v1"
    )
    assert resolve_base_url("http://proxy/v1", {"OPENAI_BASE_URL": "http://x/v1"}) == (
        "http://proxy/v1"
    )


def test_default_backend_in_a_fresh_process_finds_the_secret_service(
    secret_service: SecretServiceEnv, tmp_path: Path
) -> None:
    """What the app does at start: no explicit backend, keyring picks the Secret Service."""
    script = (
        "from desktop_app.core.credentials import CredentialStore\n"
        "s = CredentialStore(); b = s.backend(); print(b.secure)\n"
        f"s.set({KEY!r}); print(s.get() == {KEY!r}); s.delete()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=secret_service.apply(),
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True"]
    # The key is in the daemon's keyring, not in any file we could have written.
    assert KEY not in "".join(
        p.read_text(errors="ignore") for p in tmp_path.rglob("*") if p.is_file()
    )
