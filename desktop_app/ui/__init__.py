"""The PySide6 tray app: a thin layer over :class:`desktop_app.core.service.Service`.

Importing this package does not import Qt; only the modules inside it do (``ipc`` stays Qt-free
so the CLI can talk to a running instance without loading Qt). Threading rule for every module
here: worker threads never touch a widget; results come back to the GUI thread through queued
signals (``tasks.run_in_background`` and ``bridge.ServiceBridge``).
"""

from __future__ import annotations
