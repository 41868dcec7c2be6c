"""Xuất tài liệu (Ctrl+P): choose documents (and the reports upward) and a folder, watch the
progress, open the result. The documents chosen are remembered for the next export (per user)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from ..core.issues import TinNhiemError
from ..services.export import (
    DOCUMENT_NAMES, REPORT_NAMES, ExportRequest, ReportRequest, export_documents, export_reports, export_warnings,
)
from ..core.results import round_rule
from ..export.team_words import TeamWords
from ..services.files import output_folder
from ..services.rounds import RoundService
from .background import Background
from .dialogs import Dialogs
from .i18n import describe_error, describe_issue, wording

SUFFIXES = {
    "minutes": "bien-ban-kiem-phieu.pdf",
    "minutes_docx": "bien-ban-kiem-phieu.docx",
    "summary": "bao-cao-tong-hop.xlsx",
    "blank_ballots": "phieu-trang.pdf",
    "entry_log": "nhat-ky-nhap-phieu.pdf",
    "csv": "du-lieu-phieu.csv",
    "notices": "thong-bao-ket-qua.pdf",
}
REPORTS = {"office": False, "provincial": True}  # the reports upward, each written as .xlsx and PDF
CHOSEN = "export/chosen"  # the settings key of the documents and reports chosen last
DEFAULT_CHOSEN = ("minutes", "summary")


def chosen_folder(edit: QLineEdit, status: QLabel) -> Path | None:
    """The folder typed in `edit` for documents to be written in; None when it cannot be one, with
    the reason in `status` and the cursor back in `edit` (the export and reports dialogs)."""
    try:
        return output_folder(edit.text())
    except TinNhiemError as error:
        status.setText(describe_error(error))
        edit.setFocus()
        return None


class ExportDialog(QDialog):
    finished_writing = Signal(list)

    def __init__(self, service: RoundService, dialogs: Dialogs, folder: Path, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Xuất tài liệu"))
        self.service, self.dialogs = service, dialogs
        self.written: list[Path] = []
        self.background = Background(self)
        layout = QVBoxLayout(self)
        titles = {f.code: f.title for f in service.setup.forms}
        warnings = [describe_issue(issue, titles.get(issue.form)) for issue in export_warnings(service)]
        self.warning = QLabel("\n".join(f"⚠ {text}" for text in warnings))
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a4b00;")
        self.warning.setVisible(bool(warnings))
        layout.addWidget(self.warning)
        self.settings = QSettings()
        chosen = self.settings.value(CHOSEN, list(DEFAULT_CHOSEN))
        chosen = {chosen} if isinstance(chosen, str) else set(chosen or ())
        self.boxes: dict[str, QCheckBox] = {}
        for name, label in DOCUMENT_NAMES.items():
            box = QCheckBox(wording(label))
            box.setChecked(name in chosen)
            self.boxes[name] = box
            if name == "blank_ballots":
                row = QHBoxLayout()
                row.addWidget(box)
                row.addWidget(QLabel(self.tr("Số bản mỗi loại phiếu:")))
                self.copies = QSpinBox()
                self.copies.setRange(0, 5000)
                self.copies.setSpecialValueText(self.tr("theo số phiếu phát ra"))
                row.addWidget(self.copies)
                row.addStretch()
                layout.addLayout(row)
            elif name == "minutes":
                row = QHBoxLayout()
                row.addWidget(box)
                row.addWidget(QLabel(self.tr("Số văn bản:")))
                self.number = QLineEdit()
                self.number.setPlaceholderText(self.tr("để trống: in dấu chấm, điền tay"))
                symbol = TeamWords(round_rule(service.setup).team_name).symbol
                self.number.setToolTip(self.tr("In trên biên bản: Số: …/BB-{symbol}").format(symbol=symbol))
                self.number.setMaxLength(20)
                row.addWidget(self.number)
                row.addStretch()
                layout.addLayout(row)
            else:
                layout.addWidget(box)
        has_provincial = any(c.provincial for f in service.setup.forms for c in f.candidates)
        layout.addWidget(QLabel(self.tr("Báo cáo lên cấp trên (Excel và PDF, đề ngày hôm nay; ngày khác và nơi nhận: "
                                        "Quy trình → Báo cáo cấp trên):")))
        self.report_boxes: dict[str, QCheckBox] = {}
        for name, provincial in REPORTS.items():
            box = QCheckBox(wording(REPORT_NAMES[provincial]))
            box.setEnabled(has_provincial or not provincial)
            box.setChecked(box.isEnabled() and f"report_{name}" in chosen)
            self.report_boxes[name] = box
            layout.addWidget(box)
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(self.tr("Thư mục:")))
        self.folder = QLineEdit(str(folder))
        folder_row.addWidget(self.folder, 1)
        choose = QPushButton(self.tr("Chọn…"))
        choose.clicked.connect(self._choose_folder)
        folder_row.addWidget(choose)
        layout.addLayout(folder_row)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        self.export_button = QPushButton(self.tr("Xuất"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.open_folder_button = QPushButton(self.tr("Mở thư mục"))
        self.open_folder_button.clicked.connect(lambda: self._open(Path(self.folder.text())))
        self.open_file_button = QPushButton(self.tr("Mở tệp"))
        self.open_file_button.clicked.connect(lambda: self._open(self.written[0]))
        close = QPushButton(self.tr("Đóng"))
        close.clicked.connect(self.accept)
        for button in (self.open_folder_button, self.open_file_button):
            button.setEnabled(False)
        buttons.addStretch()
        for button in (self.export_button, self.open_folder_button, self.open_file_button, close):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.resize(560, self.sizeHint().height())

    def request(self) -> ExportRequest:
        folder = Path(self.folder.text().strip())
        stem = self.service.path.stem
        chosen = {name: folder / f"{stem}-{SUFFIXES[name]}" for name, box in self.boxes.items() if box.isChecked()}
        return ExportRequest(**chosen, copies=self.copies.value() or None, number=self.number.text().strip())

    def report_request(self) -> ReportRequest | None:
        """The reports upward chosen, with the reports dialog's file names; None without any."""
        from .procedure import ReportsDialog

        folder, stem = Path(self.folder.text().strip()), self.service.path.stem
        files = {f"{name}_{kind}": folder / f"{stem}-{ReportsDialog.SUFFIXES[f'{name}_{kind}']}"
                 for name, box in self.report_boxes.items() if box.isChecked() and box.isEnabled()
                 for kind in ("xlsx", "pdf")}
        return ReportRequest(**files) if files else None

    def start(self) -> None:
        if chosen_folder(self.folder, self.status) is None:
            return
        request, reports = self.request(), self.report_request()
        if not request.targets() and reports is None:
            self.status.setText(self.tr("Chưa chọn tài liệu nào để xuất."))
            return
        chosen = [name for name, box in self.boxes.items() if box.isChecked()]
        chosen += [f"report_{name}" for name, box in self.report_boxes.items() if box.isChecked()]
        self.settings.setValue(CHOSEN, chosen)
        self.export_button.setEnabled(False)
        reported = sum(bool(reports.targets(provincial)) for provincial in REPORTS.values()) if reports else 0
        self.progress.setRange(0, len(request.targets()) + reported)
        self.progress.setValue(0)
        self.progress.setVisible(True)

        def job(progress) -> list[Path]:
            written = export_documents(self.service, request, progress) if request.targets() else []
            return written + (export_reports(self.service, reports, progress) if reports else [])

        self.background.start(job, self._done, self._failed, self._progressed)

    def _progressed(self, document: str) -> None:
        self.status.setText(self.tr("Đang xuất: {document}…").format(document=wording(document)))
        self.progress.setValue(self.progress.value() + 1)

    def _done(self, written: list) -> None:
        self.written = written
        self.progress.setValue(self.progress.maximum())
        self.status.setText(self.tr("Đã xuất:") + "\n" + "\n".join(str(path) for path in written))
        self.export_button.setEnabled(True)
        self.open_folder_button.setEnabled(True)
        self.open_file_button.setEnabled(bool(written))
        self.finished_writing.emit(written)

    def _failed(self, message: str) -> None:
        self.progress.setVisible(False)
        self.status.setText("")
        self.export_button.setEnabled(True)
        self.dialogs.error(message)

    def _choose_folder(self) -> None:
        chosen = self.dialogs.choose_folder(self.tr("Chọn thư mục lưu tài liệu"), Path(self.folder.text()))
        if chosen:
            self.folder.setText(str(chosen))

    def _open(self, path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def done(self, result: int) -> None:  # wait for a running export before the dialog goes
        self.background.wait()
        super().done(result)
