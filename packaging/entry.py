"""Entry script for the frozen app: the same ``main`` as the ``attachguard`` command."""

import sys

from desktop_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
