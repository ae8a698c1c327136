"""The one place an ``openai.OpenAI`` client is built.

``max_retries=0``: the persistent queue (uploads) or the next periodic run (batches) owns every
retry, so retries survive restarts and never store a file twice behind our back. Its HTTP client
honours a total deadline per call (:mod:`.deadline`).
"""

from __future__ import annotations

import contextlib

import openai

from desktop_app.core.openai_api.deadline import deadline_transport


class _HttpClient(openai.DefaultHttpxClient):
    """The SDK's default HTTP client, closed when dropped (as the SDK's own one is): a client
    nobody closed must not leave its pooled connections open."""

    def __del__(self) -> None:
        if not self.is_closed:
            with contextlib.suppress(Exception):
                self.close()


def make_client(api_key: str, base_url: str, timeout: float | None = None) -> openai.OpenAI:
    """A client for ``base_url`` with ``api_key``; ``timeout`` None: the SDK's default."""
    chosen = timeout if timeout is not None else openai.DEFAULT_TIMEOUT
    http_client = _HttpClient(
        timeout=chosen, transport=deadline_transport(openai.DEFAULT_CONNECTION_LIMITS)
    )
    return openai.OpenAI(
        api_key=api_key,
        base_url=base_url,
        max_retries=0,
        timeout=chosen,
        http_client=http_client,
    )
