"""Every modal question the window asks, behind one small object that tests replace.

Every button is named here; Qt's own texts (file dialogs, standard buttons, context menus) come in
Vietnamese from translations/qtbase_vi.qm (PySide6 ships none). The file dialogs stay the
system's own where it has them (Windows: in the language of Windows), Qt's widget dialog elsewhere.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox, QWidget

APP_TITLE = "Tín Nhiệm Desktop"  # the program's name, the same in every language


class Dialogs:
    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def _exec(self, dialog) -> int:
        """Run a dialog; then the window it was asked over has the keyboard again. Without a window
        manager (or with one that does not hand focus back) the keys would otherwise go nowhere
        until a click."""
        result = dialog.exec()
        self._give_back()
        return result

    def _give_back(self) -> None:
        window = self.parent.window() if self.parent is not None else None
        if window is not None and window.isVisible() and QApplication.activeModalWidget() is None:
            window.activateWindow()

    def _message(self, icon: QMessageBox.Icon, text: str) -> None:
        box = QMessageBox(icon, APP_TITLE, text, parent=self.parent)
        box.addButton(QCoreApplication.translate("Dialogs", "Đóng"), QMessageBox.ButtonRole.AcceptRole)
        self._exec(box)

    def error(self, text: str) -> None:
        self._message(QMessageBox.Icon.Critical, text)

    def info(self, text: str) -> None:
        self._message(QMessageBox.Icon.Information, text)

    def confirm(self, text: str) -> bool:
        """Yes or no; "Không" is the default, since Enter is the keyers' next-ballot key; Alt+C
        (Alt+Y in English) answers yes from the keyboard."""
        box = QMessageBox(QMessageBox.Icon.Question, APP_TITLE, text, parent=self.parent)
        yes = box.addButton(QCoreApplication.translate("Dialogs", "&Có"), QMessageBox.ButtonRole.YesRole)
        no = box.addButton(QCoreApplication.translate("Dialogs", "&Không"), QMessageBox.ButtonRole.NoRole)
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        self._exec(box)
        return box.clickedButton() is yes

    def _input(self, title: str, label: str) -> QInputDialog:
        dialog = QInputDialog(self.parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setOkButtonText(QCoreApplication.translate("Dialogs", "Đồng ý"))
        dialog.setCancelButtonText(QCoreApplication.translate("Dialogs", "Hủy"))
        return dialog

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        dialog = self._input(title, label)
        dialog.setTextValue(text)
        return dialog.textValue() if self._exec(dialog) else None

    def choose(self, title: str, label: str, items: list[str], current: int = 0) -> str | None:
        dialog = self._input(title, label)
        dialog.setComboBoxItems(items)
        dialog.setComboBoxEditable(False)
        dialog.setTextValue(items[current] if items else "")
        return dialog.textValue() if self._exec(dialog) else None

    def run(self, dialog) -> bool:
        """Show a dialog of the window's own (wizard, counts, help) modally; True when accepted."""
        return bool(self._exec(dialog))

    def open_file(self, title: str, folder: Path, name_filter: str) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, title, str(folder), name_filter)
        self._give_back()
        return Path(path) if path else None

    def choose_folder(self, title: str, folder: Path) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(self.parent, title, str(folder))
        self._give_back()
        return Path(chosen) if chosen else None

    def save_file(self, title: str, path: Path, name_filter: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(self.parent, title, str(path), name_filter)
        self._give_back()
        return Path(chosen) if chosen else None
