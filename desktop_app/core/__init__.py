"""The Qt-free core of AttachGuard: storage, vault, upload queue, extraction, watchers.

Nothing in this package may import PySide6; ``tests/core/test_no_qt.py`` enforces it.
"""
