"""Start a child the way a terminal would: with SIGINT at its default disposition.

A shell running a job in the background (``pytest ... &`` in a script, some CI runners) starts
it with SIGINT *ignored*, and an ignored signal stays ignored across ``exec``: a child that a
test stops with SIGINT (Ctrl+C) would then never stop, fail the test and be left behind. Tests
that send SIGINT pass ``preexec_fn=sigint_as_from_a_terminal`` (the app itself keeps honouring
an inherited SIG_IGN, as background jobs expect).
"""

from __future__ import annotations

import signal


def sigint_as_from_a_terminal() -> None:
    """``preexec_fn`` for ``subprocess.Popen``: SIGINT back to its default in the child."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
