"""A data root whose settings point every network call at the loopback test server.

The tray app starts the status-page monitor and the batch watchdog; tests must not reach the
internet, so the status URL is a static "all operational" summary served by ``FakeOpenAI``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import tomli_w

from desktop_app.paths import AppPaths

if TYPE_CHECKING:
    from support.openai_server import FakeOpenAI

SUMMARY_PATH = "/api/v2/summary.json"


def operational_summary() -> dict[str, object]:
    return {
        "page": {"id": "loopback", "name": "OpenAI", "updated_at": "2026-01-01T00:00:00Z"},
        "status": {"indicator": "none", "description": "All Systems Operational"},
        "components": [
            {"id": "files", "name": "Files", "status": "operational"},
            {"id": "batch", "name": "Batch", "status": "operational"},
        ],
        "incidents": [],
    }


def loopback_home(root: Path, server: FakeOpenAI, **upload: object) -> AppPaths:
    """``root`` as an ATTACHGUARD_HOME with settings aimed at ``server`` (plus ``upload`` keys)."""
    paths = AppPaths.under(root)
    paths.ensure()
    url = server.serve_json(SUMMARY_PATH, operational_summary())
    settings = {
        "upload": {"base_url": server.base_url, **upload},
        "status": {"url": url, "poll_seconds": 3600},
    }
    paths.settings_file.write_bytes(tomli_w.dumps(settings).encode("utf-8"))
    return paths
