"""The text fallback's cleaning and prompt building as they were before they were made fast
(verbatim copies of ``core/fallback/clean.py`` and ``prompt.py`` at that time): the plain,
obviously-correct reference that ``tests/core/test_fallback_fast.py`` compares the optimised
path with, byte for byte, and the baseline ``benchmarks/preview.py`` and ``fallback.py`` time.

Never optimise these copies: their value is that they stayed simple.
"""

from __future__ import annotations

from support.reference_fallback.clean import clean_extraction, clean_markdown
from support.reference_fallback.prompt import build_prompt

__all__ = ["build_prompt", "clean_extraction", "clean_markdown"]
