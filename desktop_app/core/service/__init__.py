"""The facade that the CLI and the tray app both use: :class:`Service` and its use cases.

Public face of the service subsystem. The front-ends ask it to start and stop the running parts,
add documents (back up, then queue), list the documents, and change the key or the settings;
the records those use cases return live here too (the document listing's rows and the text
fallback's choices among them, and the copy history's records).
Private modules: ``facade`` (the class), ``adding`` (back up then queue) and
``settings_change`` (save and apply settings), ``entry_details`` (one document's backup and
upload history, for the details pane), ``recovery`` (``verify --reindex``: rebuild a
lost or damaged database from the vault's blobs).
"""

from __future__ import annotations

from desktop_app.core.service.adding import AddReport, FailedFile, OnFile
from desktop_app.core.service.entry_details import DocumentDetails, UploadRecord
from desktop_app.core.service.facade import Service
from desktop_app.core.service.recovery import RecoveryReport, recover
from desktop_app.core.service.settings_change import KeyState, SettingsChange
from desktop_app.core.store import (
    CopyRecord,
    DocumentListing,
    DocumentRow,
    FallbackChoice,
    FallbackReason,
    TargetJob,
)

__all__ = [
    "AddReport",
    "CopyRecord",
    "DocumentDetails",
    "DocumentListing",
    "DocumentRow",
    "FailedFile",
    "FallbackChoice",
    "FallbackReason",
    "KeyState",
    "OnFile",
    "RecoveryReport",
    "Service",
    "SettingsChange",
    "TargetJob",
    "UploadRecord",
    "recover",
]
