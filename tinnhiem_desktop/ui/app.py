"""`tinnhiem`: the window, optionally on a round file given on the command line."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from ..services.rounds import is_server_url
from .dialogs import APP_TITLE, Dialogs
from .fonts import load_packaged_fonts
from .i18n import install_translation, sentence
from .main_window import MainWindow


def _report_unexpected(kind, error, trace) -> None:
    """No traceback in front of a user: a sentence in a dialog; the details go to stderr. That
    what was keyed is kept is said only when a round is open (there is then a file keeping it)."""
    traceback.print_exception(kind, error, trace)
    text = sentence("unexpected_error", {"detail": f"{kind.__name__}: {error}"})
    if any(getattr(widget, "session", None) is not None for widget in QApplication.topLevelWidgets()
           if isinstance(widget, MainWindow)):
        text += "\n\n" + QCoreApplication.translate("app", "Dữ liệu đã nhập trước đó vẫn được lưu trong tệp.")
    Dialogs(QApplication.activeWindow()).error(text)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv if argv is None else argv
    app = QApplication.instance() or QApplication(argv)
    app.setOrganizationName("TinNhiem")
    app.setApplicationName("TinNhiemDesktop")
    app.setApplicationDisplayName(APP_TITLE)
    install_translation(app)
    sys.excepthook = _report_unexpected
    load_packaged_fonts()
    window = MainWindow()
    window.show()
    paths = [a if is_server_url(a) else Path(a) for a in argv[1:] if not a.startswith("-")]
    if paths:
        window.open_round(paths[0])
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
