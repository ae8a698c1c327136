"""A loopback OpenAI API for tests: Files, Uploads, Batches, static JSON, fault injection.

Modules: ``server`` (the ``FakeOpenAI`` facade), ``controls`` (its fault API), ``handler`` (HTTP),
``api`` (endpoints), ``records`` (stored objects), ``faults``, ``static``, ``wire``.
"""

from __future__ import annotations

from .faults import DEFAULT_RANDOM_KINDS, RANDOM_KINDS, Fault, FaultKind
from .records import BatchRecord, FileRecord, RequestRecord, UploadRecord
from .server import DEFAULT_KEY, FakeOpenAI

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
