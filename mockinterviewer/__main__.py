"""Allows ``python -m mockinterviewer``."""

import sys

from mockinterviewer.cli import main

if __name__ == "__main__":
    sys.exit(main())
