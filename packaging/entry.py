"""Entry script for the frozen app: the same ``main`` as the ``attachguard`` command.

A frozen build has no ``python -m``: the extraction sandbox re-runs this executable with
``--extract-worker`` (see ``core/extract/runner.py``), which is routed to the worker here.
"""

import sys

if __name__ == "__main__":
    if sys.argv[1:2] == ["--extract-worker"]:
        from desktop_app.core.extract.child import main as worker_main

        del sys.argv[1]
        sys.exit(worker_main())
    from desktop_app.cli import main

    sys.exit(main())
