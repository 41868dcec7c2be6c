"""Every modal question the window asks, behind one small object that tests replace."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

APP_TITLE = "Tín Nhiệm Desktop"


class Dialogs:
    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def error(self, text: str) -> None:
        QMessageBox.critical(self.parent, APP_TITLE, text)

    def warning(self, text: str) -> None:
        QMessageBox.warning(self.parent, APP_TITLE, text)

    def info(self, text: str) -> None:
        QMessageBox.information(self.parent, APP_TITLE, text)

    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self.parent, APP_TITLE, text)
        return answer == QMessageBox.StandardButton.Yes

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(self.parent, title, label, text=text)
        return value if ok else None

    def choose(self, title: str, label: str, items: list[str], current: int = 0) -> str | None:
        value, ok = QInputDialog.getItem(self.parent, title, label, items, current, False)
        return value if ok else None

    def run(self, dialog) -> bool:
        """Show a dialog of the window's own (wizard, counts, help) modally; True when accepted."""
        return bool(dialog.exec())

    def open_file(self, title: str, folder: Path, name_filter: str) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, title, str(folder), name_filter)
        return Path(path) if path else None

    def save_file(self, title: str, path: Path, name_filter: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(self.parent, title, str(path), name_filter)
        return Path(chosen) if chosen else None
