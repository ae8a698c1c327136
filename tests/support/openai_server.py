"""Stable import path for the loopback OpenAI test server (implemented in ``fake_openai/``).

Usage::

    from support.openai_server import FakeOpenAI

    with FakeOpenAI() as server:
        client = OpenAI(api_key=server.api_key, base_url=server.base_url, max_retries=0)
        server.reset_after_store()          # next POST /v1/files: stored, then connection RST
"""

from __future__ import annotations

from support.fake_openai import (
    DEFAULT_KEY,
    DEFAULT_RANDOM_KINDS,
    RANDOM_KINDS,
    BatchRecord,
    FakeOpenAI,
    Fault,
    FaultKind,
    FileRecord,
    RequestRecord,
    UploadRecord,
)

__all__ = [
    "DEFAULT_KEY",
    "DEFAULT_RANDOM_KINDS",
    "RANDOM_KINDS",
    "BatchRecord",
    "FakeOpenAI",
    "Fault",
    "FaultKind",
    "FileRecord",
    "RequestRecord",
    "UploadRecord",
]
