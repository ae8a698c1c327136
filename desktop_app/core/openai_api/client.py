"""The one place an ``openai.OpenAI`` client is built.

``max_retries=0``: the persistent queue (uploads) or the next periodic run (batches) owns every
retry, so retries survive restarts and never store a file twice behind our back.
"""

from __future__ import annotations

import openai


def make_client(api_key: str, base_url: str, timeout: float | None = None) -> openai.OpenAI:
    """A client for ``base_url`` with ``api_key``; ``timeout`` None: the SDK's default."""
    return openai.OpenAI(
        api_key=api_key,
        base_url=base_url,
        max_retries=0,
        timeout=timeout if timeout is not None else openai.DEFAULT_TIMEOUT,
    )
