"""The API key and the SDK clients built with it, one per target.

The key is read once and cached. A rejected key pauses uploads (through the gate), and the
workers look every ``KEY_RECHECK_SECONDS`` whether it was replaced, so uploads resume by
themselves when the user stores a new key or sets ``OPENAI_API_KEY``. One client is kept per
target (API base URL) and closed when the key changes.

Targets other than ``openai`` have keys of their own (:class:`Targets`, read through
``target_key``); a job for such a target without a key holds that target only.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop_app.core.credentials import resolve_target_key
from desktop_app.core.errors import NoApiKeyError
from desktop_app.core.uploads.destinations import Target, Targets
from desktop_app.targets import DEFAULT_TARGET

if TYPE_CHECKING:
    from desktop_app.core.openai_api import FilesApi
    from desktop_app.core.uploads.gate import Gate

#: Builds the client for (key, target, request timeout); the default is the SDK's.
ClientFactory = Callable[[str, str, "float | None"], "FilesApi"]

log = logging.getLogger(__name__)

#: How often (seconds) a paused queue looks whether a rejected key was replaced.
KEY_RECHECK_SECONDS = 30.0


class ApiKeys:
    """Thread-safe owner of the current key and of the clients that use it."""

    def __init__(
        self,
        credentials: Callable[[], str | None],
        gate: Gate,
        *,
        request_timeout: float | None = None,
        factory: ClientFactory | None = None,
        targets: Targets | None = None,
        target_key: Callable[[Target], str | None] | None = None,
    ) -> None:
        self._credentials = credentials
        self._factory = factory or _sdk_client
        self.targets = targets or Targets([])
        self._target_key = target_key or (lambda t: resolve_target_key(t.name, t.api_key_env))
        self._gate = gate
        self._request_timeout = request_timeout
        self._lock = threading.Lock()
        self._key: str | None = None
        self._rejected: str | None = None
        self._checked_at = 0.0
        self._clients: dict[str, FilesApi] = {}

    def has_key(self) -> bool:
        """Whether an API key is configured (no network call)."""
        return self._current() is not None

    def own_key(self, address: str) -> Target | None:
        """The target at ``address`` if it has a key of its own (not the ``openai`` one)."""
        target = self.targets.by_address(address)
        return None if target is None or target.name == DEFAULT_TARGET else target

    def client(self, target: str) -> FilesApi:
        """The client for ``target`` (an address); raises :class:`NoApiKeyError` when no key
        is configured for it."""
        other = self.own_key(target)
        key = self._current() if other is None else self._target_key(other)
        if key is None:
            raise NoApiKeyError(no_key_sentence(other))
        with self._lock:
            client = self._clients.get(target)
            if client is None:
                if other is not None and other.api_version is not None:
                    client = _sdk_client(key, target, self._request_timeout, other.api_version)
                else:
                    client = self._factory(key, target, self._request_timeout)
                self._clients[target] = client
            return client

    def reject(self, message: str) -> None:
        """The service refused the key: pause uploads until it is replaced."""
        with self._lock:
            self._rejected = self._key
            self._checked_at = time.monotonic()
        if self._gate.reject_key():
            log.warning("uploads paused: the API key was rejected (%s)", message)

    def changed(self) -> None:
        """The key was changed: forget the old one and its clients, lift the key pauses."""
        with self._lock:
            self._key = None
            self._rejected = None
            clients, self._clients = self._clients, {}
        self._gate.key_replaced()
        for client in clients.values():
            client.close()

    def replaced(self) -> bool:
        """While uploads wait for a key: True (once) when one was stored or the rejected one
        was replaced, and the key pauses were lifted. Reads the store at most every
        ``KEY_RECHECK_SECONDS``."""
        if not self._gate.waiting_for_key():
            return False
        with self._lock:
            if time.monotonic() - self._checked_at < KEY_RECHECK_SECONDS:
                return False
            self._checked_at = time.monotonic()
            rejected = self._rejected
        current = self._credentials()
        if current is None or current == rejected:
            return False
        log.info("the API key changed; resuming uploads")
        self.changed()
        return True

    def close(self) -> None:
        """Close every client (a call still in flight on another thread fails fast)."""
        with self._lock:
            clients, self._clients = self._clients, {}
        for client in clients.values():
            client.close()

    def _current(self) -> str | None:
        with self._lock:
            if self._key is None:
                self._key = self._credentials()
            return self._key


def no_key_sentence(target: Target | None) -> str:
    """What to say when ``target`` (None: the ``openai`` one) has no key to upload with."""
    if target is None or target.name == DEFAULT_TARGET:
        return "no OpenAI API key: set OPENAI_API_KEY or store a key in the keyring"
    return f"no API key for the upload target {target.name!r}: store one in the keyring" + (
        f" or set {target.api_key_env}" if target.api_key_env else ""
    )


def _sdk_client(
    key: str, target: str, timeout: float | None, azure_api_version: str | None = None
) -> FilesApi:
    # Imported on first use: the SDK is slow to import, and most commands that open the
    # service (vault listing, watching) never talk to the API.
    from desktop_app.core.openai_api import Uploader

    return Uploader(key, target, timeout=timeout, azure_api_version=azure_api_version)
