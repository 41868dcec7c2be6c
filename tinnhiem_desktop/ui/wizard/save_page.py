"""The wizard's last page for a new round: where to save its file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from ..dialogs import Dialogs
from ..i18n import sentence
from .common import Problem, WizardPage, focus_on
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
        self.choose_button = QPushButton(self.tr("Chọn..."))
        note = QLabel(self.tr("Hãy lưu tệp ở thư mục được sao lưu thường xuyên. Chương trình không ghi đè lên tệp đã có."))
        note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Lưu đợt lấy phiếu vào tệp:")))
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

    def path(self) -> Path | None:
        """The path typed or chosen, in the default folder when relative, ending in .tinnhiem."""
        text = self.path_edit.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        if not path.is_absolute():
            path = self._folder / path
        if path.suffix.lower() != ROUND_SUFFIX:
            path = path.with_name(path.name + ROUND_SUFFIX)
        return path

    def problem(self) -> Problem | None:
        path = self.path()
        if path is None:
            return Problem(self.tr("Chưa chọn nơi lưu tệp."), focus_on(self.path_edit))
        if path.exists():
            return Problem(sentence("file_exists", {"file": str(path)}), focus_on(self.path_edit))
        if not path.parent.is_dir():
            return Problem(
                self.tr("Thư mục '{folder}' không tồn tại.").format(folder=path.parent), focus_on(self.path_edit)
            )
        return None

    def validatePage(self) -> bool:
        if not super().validatePage():
            return False
        self.path_edit.setText(str(self.path()))
        return True
