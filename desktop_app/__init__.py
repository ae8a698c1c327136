"""AttachGuard: outage-proof document attachments for ChatGPT and the OpenAI API."""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__"]
