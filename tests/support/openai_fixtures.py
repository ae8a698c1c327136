"""Pytest fixtures around the loopback OpenAI test server (see openai_server.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from support.openai_server import FakeOpenAI


@pytest.fixture
def openai_server() -> Iterator[FakeOpenAI]:
    """A fresh server on 127.0.0.1 with an ephemeral port, stopped after the test."""
    from support.openai_server import FakeOpenAI

    with FakeOpenAI() as server:
        yield server
