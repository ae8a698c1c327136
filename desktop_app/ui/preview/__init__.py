"""The text preview: the fallback prompt exactly as it will be pasted, its size, its parts.

:class:`PreviewWidget` sits in the window's details pane and in :class:`PreviewDialog` (opened
from the tray and from notifications). It shows the prompt's size (characters and tokens), how
many parts it comes in and what each part holds (pages, sheets, slides), a **Copy** button per
part and **Copy next part** after a copy, a size preset chooser ("chat", "api", ...) and a
page or sheet selection ("3-10", "Q3").

The prompt is built on the task pool (extraction runs in the sandbox and may OCR a scan);
meanwhile the widget shows the pages read so far and a Cancel button. A cached document's
prompt is ready in a few milliseconds. Every build takes a number: a result that arrives after
a newer request (another document, preset or selection) is dropped, and the older build is
cancelled. Copies go through :mod:`desktop_app.ui.copying` on the GUI thread.

Modules: ``widget`` (:class:`PreviewWidget`), ``dialog`` (:class:`PreviewDialog`) and
``request`` (presets, selection, and the build that runs on the task pool).
"""

from __future__ import annotations

from desktop_app.ui.preview.dialog import PreviewDialog
from desktop_app.ui.preview.request import SizeChoice, selection_arguments, size_choices
from desktop_app.ui.preview.widget import PreviewWidget

__all__ = ["PreviewDialog", "PreviewWidget", "SizeChoice", "selection_arguments", "size_choices"]
