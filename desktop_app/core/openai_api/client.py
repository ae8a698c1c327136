"""The one place an SDK client is built: ``openai.OpenAI`` for OpenAI and compatible
endpoints, ``openai.AzureOpenAI`` for an Azure OpenAI resource (its ``/openai/…`` paths, the
``api-version`` query parameter and the ``api-key`` header are the SDK's business).

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


def make_client(
    api_key: str,
    base_url: str,
    timeout: float | None = None,
    *,
    azure_api_version: str | None = None,
) -> openai.OpenAI:
    """A client for ``base_url`` with ``api_key``; ``timeout`` None: the SDK's default.

    ``azure_api_version``: ``base_url`` is an Azure OpenAI endpoint, called with that version.
    """
    chosen = timeout if timeout is not None else openai.DEFAULT_TIMEOUT
    http_client = _HttpClient(
        timeout=chosen, transport=deadline_transport(openai.DEFAULT_CONNECTION_LIMITS)
    )
    if azure_api_version is not None:
        return openai.AzureOpenAI(
            azure_endpoint=base_url,
            api_version=azure_api_version,
            api_key=api_key,
            max_retries=0,
            timeout=chosen,
            http_client=http_client,
        )
    return openai.OpenAI(
        api_key=api_key,
        base_url=base_url,
        max_retries=0,
        timeout=chosen,
        http_client=http_client,
    )
