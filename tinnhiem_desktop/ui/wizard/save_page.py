"""The wizard's last page for a new round: where to save its file."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from ..dialogs import Dialogs
from ..i18n import os_reason_text, sentence
from .common import Focus, Problem, WizardPage, focus_on
from .info_page import InfoPage

ROUND_SUFFIX = ".tinnhiem"


class SavePage(WizardPage):
    def __init__(self, dialogs: Dialogs, folder: Path, info_page: InfoPage) -> None:
        super().__init__()
        self.setTitle(self.tr("Lưu tệp"))
        self.setSubTitle(
            self.tr("Tệp .tinnhiem chứa toàn bộ đợt lấy phiếu: thông tin, các phiếu đã nhập và nhật ký.")
        )
        self._dialogs = dialogs
        self._folder = folder
        self._info_page = info_page
        self._chosen = False
        self.path_edit = QLineEdit()
        self.choose_button = QPushButton(self.tr("&Chọn..."))
        note = QLabel(self.tr("Hãy lưu tệp ở thư mục được sao lưu thường xuyên. Chương trình không ghi đè lên tệp đã có."))
        note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("&Lưu đợt lấy phiếu vào tệp:"))
        label.setBuddy(self.path_edit)
        layout.addWidget(label)
        layout.addLayout(row)
        layout.addWidget(note)
        layout.addStretch(1)
        self._add_messages(layout)
        self.path_edit.textEdited.connect(self._edited)
        self.choose_button.clicked.connect(self.choose)

    def initializePage(self) -> None:
        if not self._chosen:
            self.path_edit.setText(
                str(self._folder / f"lay-phieu-tin-nhiem-{self._info_page.year()}{ROUND_SUFFIX}")
            )

    def first_field(self) -> Focus:
        return focus_on(self.path_edit)

    def _edited(self) -> None:
        self._chosen = True
        self.recheck()

    def choose(self) -> None:
        chosen = self._dialogs.save_file(
            self.tr("Lưu đợt lấy phiếu"),
            self.path() or self._folder,
            self.tr("Tệp đợt lấy phiếu (*.tinnhiem)"),
        )
        if chosen is not None:
            self.path_edit.setText(str(chosen))
            self._edited()

    def _typed(self) -> Path | None:
        """The path as typed or chosen, in the default folder when relative; None when empty."""
        text = self.path_edit.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        return path if path.is_absolute() else self._folder / path

    def _names_a_folder(self) -> bool:
        typed = self._typed()
        if typed.name in ("", ".", "..") or self.path_edit.text().strip().endswith(("/", os.sep)):
            return True
        try:
            return typed.is_dir()
        except OSError:
            return False

    def path(self) -> Path | None:
        """The file to create, ending in .tinnhiem; None while the text names no file (see problem())."""
        typed = self._typed()
        if typed is None or "\0" in str(typed) or self._names_a_folder():
            return None
        return typed if typed.suffix.lower() == ROUND_SUFFIX else typed.with_name(typed.name + ROUND_SUFFIX)

    def _missing_folder(self) -> Path | None:
        """The folder the file would go in, when it does not exist yet (nor anything by its name)."""
        path = self.path()
        if path is None:
            return None
        try:
            return None if path.parent.exists() else path.parent
        except OSError:
            return None

    def problem(self) -> Problem | None:
        refuse = focus_on(self.path_edit)
        typed = self._typed()
        if typed is None:
            return Problem(self.tr("Chưa chọn nơi lưu tệp."), refuse)
        if "\0" in str(typed):
            return Problem(self.tr("Tên tệp có ký tự không hợp lệ."), refuse)
        if self._names_a_folder():
            example = typed / f"lay-phieu-tin-nhiem-{self._info_page.year()}{ROUND_SUFFIX}"
            return Problem(self.tr("'{path}' là một thư mục, chưa có tên tệp. Hãy gõ thêm tên tệp, VD: {example}")
                           .format(path=typed, example=example), refuse)
        path = self.path()
        try:
            if path.exists():
                return Problem(sentence("file_exists", {"file": str(path)}), refuse)
            if not path.parent.exists():
                return Problem(self.tr("Thư mục '{folder}' chưa có.").format(folder=path.parent), refuse)
            if not path.parent.is_dir():
                return Problem(self.tr("'{folder}' là một tệp, không phải thư mục.").format(folder=path.parent),
                               refuse)
        except OSError as error:
            return Problem(self.tr("Không dùng được đường dẫn '{path}': {reason}").format(
                path=path, reason=os_reason_text(error)), refuse)
        return None

    def validatePage(self) -> bool:
        """Before refusing a folder that does not exist yet, offer to make it."""
        folder = self._missing_folder()
        if folder is not None and self._dialogs.confirm(
            self.tr("Thư mục '{folder}' chưa có. Tạo thư mục này để lưu tệp?").format(folder=folder)
        ):
            try:
                folder.mkdir(parents=True)
            except OSError as error:
                self.show_problem(self.tr("Không tạo được thư mục '{folder}': {reason}").format(
                    folder=folder, reason=os_reason_text(error)))
                return False
        if not super().validatePage():
            return False
        self.path_edit.setText(str(self.path()))
        return True
