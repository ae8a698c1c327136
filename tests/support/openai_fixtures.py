"""Pytest fixtures around the loopback OpenAI test server (see openai_server.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from openai import OpenAI

    from support.openai_server import FakeOpenAI


@pytest.fixture
def openai_server() -> Iterator[FakeOpenAI]:
    """A fresh server on 127.0.0.1 with an ephemeral port, stopped after the test."""
    from support.openai_server import FakeOpenAI

    with FakeOpenAI() as server:
        yield server


@pytest.fixture
def openai_client(openai_server: FakeOpenAI) -> Iterator[OpenAI]:
    """The real SDK pointed at ``openai_server`` with a valid key and SDK retries off."""
    from openai import OpenAI

    with OpenAI(
        api_key=openai_server.api_key, base_url=openai_server.base_url, max_retries=0
    ) as client:
        yield client
