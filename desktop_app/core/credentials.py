"""The API key: read from ``OPENAI_API_KEY`` or the OS keyring, stored only in the OS keyring.

Without a secure keyring, a key can be used "until I quit": :meth:`CredentialStore.use_for_session`
holds it in this process's memory only, and uploads use it like a stored key.

Each upload target has its own key (see :func:`resolve_target_key`): the ``openai`` target's is
the one above; another target's is read from the environment variable its ``api_key_env``
names, or from the keyring under that target's own entry (:func:`target_username`).

The key never touches a file of ours or a log line. A keyring backend that does not keep secrets
safely (the "fail" backend, or plaintext stores from ``keyrings.alt``) is reported as not secure so
the settings dialog can warn; we never fall back to writing the key ourselves.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import keyring
import keyring.errors

from desktop_app.core.errors import CredentialsError, SettingsError
from desktop_app.core.redact import remember_secret
from desktop_app.settings import base_url_problem
from desktop_app.targets import DEFAULT_TARGET

log = logging.getLogger(__name__)

SERVICE_NAME = "attachguard"
USERNAME = "openai-api-key"
KEY_ENV = "OPENAI_API_KEY"
BASE_URL_ENV = "OPENAI_BASE_URL"
DEFAULT_BASE_URL = "https://api.openai.com/v1"

# Backends that are known not to protect a secret: keyring's own "no backend" and the plaintext or
# weakly obfuscated stores from keyrings.alt.
_INSECURE_BACKENDS = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


class KeySource(StrEnum):
    ENVIRONMENT = "environment"
    KEYRING = "keyring"
    SESSION = "session"
    NONE = "none"


@dataclass(frozen=True)
class BackendInfo:
    """Which keyring backend is in use, and whether it keeps secrets safely."""

    name: str
    secure: bool
    note: str


def _clean_key(key: str) -> str:
    """``key`` without surrounding blanks; refuses an empty key or one with inner spaces."""
    key = key.strip()
    if not key:
        raise CredentialsError("the API key is empty")
    if any(ch.isspace() for ch in key):
        raise CredentialsError("the API key must not contain spaces or line breaks")
    remember_secret(key)  # from now on it is scrubbed from every log line and message
    return key


class CredentialStore:
    """Reads and writes the API key in one keyring backend (the OS default unless given)."""

    def __init__(self, backend: Any | None = None) -> None:
        self._backend = backend
        # A key the user chose to use until they quit: memory only, never written anywhere.
        self._session: str | None = None

    def _keyring(self) -> Any:
        return self._backend if self._backend is not None else keyring.get_keyring()

    def get(self, target: str = DEFAULT_TARGET) -> str | None:
        """The stored key (of ``target``), or None when there is none or the keyring cannot be
        reached."""
        try:
            value = self._keyring().get_password(SERVICE_NAME, target_username(target))
        except (keyring.errors.KeyringError, RuntimeError, OSError) as exc:
            log.warning("cannot read the API key from the keyring: %s", type(exc).__name__)
            return None
        remember_secret(value)
        return value or None

    @property
    def session_key(self) -> str | None:
        """The key held in memory until the app quits (see :meth:`use_for_session`), or None."""
        return self._session

    def use_for_session(self, key: str) -> None:
        """Use ``key`` until this process ends, without storing it (no secure keyring needed)."""
        self._session = _clean_key(key)

    def forget_session(self) -> None:
        self._session = None

    def set(self, key: str, target: str = DEFAULT_TARGET) -> None:
        key = _clean_key(key)
        info = self.backend()
        if not info.secure:
            raise CredentialsError(f"no secure keyring is available ({info.note})")
        try:
            self._keyring().set_password(SERVICE_NAME, target_username(target), key)
        except (keyring.errors.KeyringError, RuntimeError, OSError) as exc:
            raise CredentialsError(f"the keyring refused to store the key: {exc}") from exc

    def delete(self, target: str = DEFAULT_TARGET) -> None:
        try:
            self._keyring().delete_password(SERVICE_NAME, target_username(target))
        except keyring.errors.PasswordDeleteError:
            pass  # nothing stored: already in the state the user asked for
        except (keyring.errors.KeyringError, RuntimeError, OSError) as exc:
            raise CredentialsError(f"the keyring refused to delete the key: {exc}") from exc

    def backend(self) -> BackendInfo:
        try:
            backend = self._keyring()
        except (keyring.errors.KeyringError, RuntimeError) as exc:
            return BackendInfo("none", False, f"keyring unavailable: {exc}")
        cls = type(backend)
        name = getattr(backend, "name", None) or f"{cls.__module__}.{cls.__qualname__}"
        module = cls.__module__
        if module.startswith("keyring.backends.chainer"):
            inner = getattr(backend, "backends", [])
            if not inner:
                return BackendInfo(str(name), False, "no keyring backend is installed")
            infos = [CredentialStore(b).backend() for b in inner]
            secure = all(i.secure for i in infos)
            return BackendInfo(", ".join(i.name for i in infos), secure, "chained backends")
        if module.startswith(_INSECURE_BACKENDS):
            return BackendInfo(str(name), False, "this backend does not protect secrets")
        return BackendInfo(str(name), True, "secrets are kept by the operating system")


def key_source(
    store: CredentialStore | None = None, environ: Mapping[str, str] | None = None
) -> KeySource:
    env = os.environ if environ is None else environ
    store = store or CredentialStore()
    if env.get(KEY_ENV, "").strip():
        return KeySource.ENVIRONMENT
    if store.session_key:
        return KeySource.SESSION
    if store.get():
        return KeySource.KEYRING
    return KeySource.NONE


def resolve_api_key(
    environ: Mapping[str, str] | None = None, store: CredentialStore | None = None
) -> str | None:
    """``OPENAI_API_KEY`` first, then a key used until quit, then the keyring; None when none
    has a key."""
    env = os.environ if environ is None else environ
    store = store or CredentialStore()
    key = env.get(KEY_ENV, "").strip() or store.session_key or store.get()
    remember_secret(key)  # whatever its shape, it never reaches a log, a row or the screen
    return key


def target_username(target: str) -> str:
    """The keyring entry holding ``target``'s key (the ``openai`` target keeps today's one)."""
    return USERNAME if target == DEFAULT_TARGET else f"target-{target}-api-key"


def resolve_target_key(
    target: str,
    api_key_env: str | None = None,
    environ: Mapping[str, str] | None = None,
    store: CredentialStore | None = None,
) -> str | None:
    """``target``'s key: the variable ``api_key_env`` names, else (for ``openai``) what
    :func:`resolve_api_key` finds, else the keyring entry of the target; None when none."""
    env = os.environ if environ is None else environ
    key = env.get(api_key_env, "").strip() if api_key_env else ""
    if not key:
        if target == DEFAULT_TARGET:
            return resolve_api_key(environ, store)
        key = (store or CredentialStore()).get(target) or ""
    remember_secret(key)
    return key or None


def resolve_base_url(
    settings_base_url: str | None, environ: Mapping[str, str] | None = None
) -> str:
    """The settings value, else ``OPENAI_BASE_URL``, else the public API.

    Raises :class:`SettingsError` naming the URL when it is not http(s) with a host: refused
    at once, not retried as a network error.
    """
    env = os.environ if environ is None else environ
    for where, candidate in (
        ("[upload] base_url", settings_base_url),
        (BASE_URL_ENV, env.get(BASE_URL_ENV)),
    ):
        if candidate and candidate.strip():
            problem = base_url_problem(candidate)
            if problem is not None:
                raise SettingsError(f"the API base URL {problem} (from {where}): fix it first")
            return candidate.strip().rstrip("/")
    return DEFAULT_BASE_URL
