"""Qt test setup: the offscreen platform, set before any QApplication exists.

Kept minimal on purpose: shared UI fixtures live in ``tests/ui/support_shell.py`` (SHELL) and
``tests/ui/conftest_window.py`` (WINDOW), imported by the test modules that need them.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
