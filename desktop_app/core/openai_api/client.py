"""The one place an ``openai.OpenAI`` client is built.

``max_retries=0``: the persistent queue (uploads) or the next periodic run (batches) owns every
retry, so retries survive restarts and never store a file twice behind our back. Its HTTP client
honours a total deadline per call (:mod:`.deadline`).
"""

from __future__ import annotations

import openai

from desktop_app.core.openai_api.deadline import deadline_transport


def make_client(api_key: str, base_url: str, timeout: float | None = None) -> openai.OpenAI:
    """A client for ``base_url`` with ``api_key``; ``timeout`` None: the SDK's default."""
    chosen = timeout if timeout is not None else openai.DEFAULT_TIMEOUT
    http_client = openai.DefaultHttpxClient(
        timeout=chosen, transport=deadline_transport(openai.DEFAULT_CONNECTION_LIMITS)
    )
    return openai.OpenAI(
        api_key=api_key,
        base_url=base_url,
        max_retries=0,
        timeout=chosen,
        http_client=http_client,
    )
