"""The frozen bundle's entry point: the same ``main`` as the ``mockinterviewer`` script."""

import sys

from mockinterviewer.cli import main

if __name__ == "__main__":
    sys.exit(main())
