"""`tinnhiem`: the window, optionally on a round file given on the command line."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from .fonts import load_packaged_fonts
from .main_window import MainWindow


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv if argv is None else argv
    app = QApplication.instance() or QApplication(argv)
    app.setOrganizationName("TinNhiem")
    app.setApplicationName("TinNhiemDesktop")
    app.setApplicationDisplayName("Tín Nhiệm Desktop")
    load_packaged_fonts()
    window = MainWindow()
    window.show()
    paths = [Path(a) for a in argv[1:] if not a.startswith("-")]
    if paths:
        window.open_round(paths[0])
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
