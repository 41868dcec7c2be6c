"""PyInstaller entry of the window, `tinnhiem` (the same as the `tinnhiem` gui-script)."""

import sys

from tinnhiem_desktop.ui.app import main

if __name__ == "__main__":
    sys.exit(main())
