"""PyInstaller entry of the command line, `tinnhiem-cli` (the same as the `tinnhiem-cli` script)."""

import sys

from tinnhiem_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
