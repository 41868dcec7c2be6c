"""Tổng hợp (consolidation): choose many units' sealed round files or their folders, see which are
used and which are refused and why, and write one report for the level above (.xlsx and PDF)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.issues import TinNhiemError
from ..services.consolidate import Consolidation, consolidate, report_of, write_report
from .background import Background
from .dialogs import Dialogs
from .i18n import describe_error, rule_label, sentence

LATEST = 0  # the year box at this value: the latest year among the files


class ConsolidateWindow(QDialog):
    """Files in, a check of each, a report out."""

    checked = Signal()  # the files were read (the tables show them)

    def __init__(self, dialogs: Dialogs, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dialogs, self.folder = dialogs, Path(folder)
        self.result: Consolidation | None = None
        self.written: list[Path] = []
        self.background = Background(self)
        self.background.finished.connect(self._update_buttons)
        self.setWindowTitle(self.tr("Tổng hợp kết quả của các đơn vị"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Chọn các tệp đợt lấy phiếu đã chốt của các đơn vị (năm nay và năm trước), hoặc thư mục "
                               "chứa chúng. Mỗi tệp được kiểm tra nguyên vẹn; tệp không dùng được được liệt kê kèm "
                               "lý do trong báo cáo."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        files = QHBoxLayout()
        self.paths = QListWidget()
        self.paths.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        files.addWidget(self.paths, 1)
        buttons = QVBoxLayout()
        for text, slot in ((self.tr("Thêm &thư mục…"), self.add_folder), (self.tr("Thêm &tệp…"), self.add_file),
                           (self.tr("&Bỏ khỏi danh sách"), self.remove_selected)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch()
        files.addLayout(buttons)
        layout.addLayout(files)

        form = QFormLayout()
        self.year = QSpinBox()
        self.year.setRange(LATEST, 2100)
        self.year.setSpecialValueText(self.tr("năm mới nhất trong các tệp"))
        self.unit = QLineEdit()
        self.unit.setPlaceholderText(self.tr("mặc định: cơ quan cấp trên ghi trong tệp của các đơn vị"))
        self.parent_unit = QLineEdit()
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("mặc định: BÁO CÁO TỔNG HỢP KẾT QUẢ LẤY PHIẾU TÍN NHIỆM NĂM …"))
        self.prepared_by = QLineEdit()
        self.head = QLineEdit()
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("để trống: in dấu chấm, điền tay"))
        self.number.setMaxLength(20)
        form.addRow(self.tr("Năm tổng hợp:"), self.year)
        form.addRow(self.tr("Cơ quan lập báo cáo:"), self.unit)
        form.addRow(self.tr("Cơ quan cấp trên của cơ quan đó:"), self.parent_unit)
        form.addRow(self.tr("Tiêu đề:"), self.title)
        form.addRow(self.tr("Người lập biểu:"), self.prepared_by)
        form.addRow(self.tr("Thủ trưởng cơ quan:"), self.head)
        form.addRow(self.tr("Số báo cáo:"), self.number)
        layout.addLayout(form)

        self.units = QTableWidget(0, 4)
        self.units.setHorizontalHeaderLabels([self.tr("Đơn vị"), self.tr("Quy tắc áp dụng"), self.tr("Tệp"),
                                              self.tr("Năm trước")])
        self.refused = QTableWidget(0, 2)
        self.refused.setHorizontalHeaderLabels([self.tr("Tệp không dùng"), self.tr("Lý do")])
        for table in (self.units, self.refused):
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.verticalHeader().setVisible(False)
            table.horizontalHeader().setStretchLastSection(True)
            layout.addWidget(table, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        actions = QHBoxLayout()
        self.check_button = QPushButton(self.tr("&Kiểm tra các tệp"))
        self.check_button.clicked.connect(self.check)
        self.write_button = QPushButton(self.tr("&Ghi báo cáo…"))
        self.write_button.clicked.connect(self.write)
        close = QPushButton(self.tr("Đóng"))
        close.clicked.connect(self.reject)
        actions.addStretch()
        for button in (self.check_button, self.write_button, close):
            actions.addWidget(button)
        layout.addLayout(actions)
        self._update_buttons()
        self.resize(900, 680)

    # -- the files -------------------------------------------------------------------------

    def chosen(self) -> list[Path]:
        return [Path(self.paths.item(row).text()) for row in range(self.paths.count())]

    def add(self, path: Path) -> None:
        if str(path) not in {str(p) for p in self.chosen()}:
            self.paths.addItem(str(path))
        self.folder = path if path.is_dir() else path.parent
        self.result = None
        self._update_buttons()

    def add_folder(self) -> None:
        chosen = self.dialogs.choose_folder(self.tr("Thư mục chứa tệp của các đơn vị"), self.folder)
        if chosen:
            self.add(Path(chosen))

    def add_file(self) -> None:
        chosen = self.dialogs.open_file(self.tr("Tệp đợt lấy phiếu của một đơn vị"), self.folder,
                                        self.tr("Tệp đợt lấy phiếu (*.tinnhiem)"))
        if chosen:
            self.add(Path(chosen))

    def remove_selected(self) -> None:
        for item in self.paths.selectedItems():
            self.paths.takeItem(self.paths.row(item))
        self.result = None
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self.background.busy
        self.check_button.setEnabled(bool(self.chosen()) and not busy)
        self.write_button.setEnabled(self.result is not None and not busy)

    # -- checking --------------------------------------------------------------------------

    def check(self) -> None:
        """Read and verify every file in a worker thread; the tables fill in when it is done."""
        self.status.setText(self.tr("Đang đọc và kiểm tra các tệp…"))
        paths, year = self.chosen(), self.year.value() or None
        self.background.start(lambda _progress: consolidate(paths, year), self._checked, self._failed)
        self._update_buttons()

    def _checked(self, result: Consolidation) -> None:
        self.result = result
        self.units.setRowCount(0)
        for unit in result.units:
            sealed = unit.round
            row = self.units.rowCount()
            self.units.insertRow(row)
            earlier = self.tr("có tệp năm {year}").format(year=result.year - 1) if unit.held_last_year else "—"
            for column, text in enumerate((sealed.setup.header.unit, rule_label(unit.results.rule),
                                           sealed.path.name, earlier)):
                self.units.setItem(row, column, QTableWidgetItem(text))
        self.refused.setRowCount(0)
        for refused in result.refused:
            row = self.refused.rowCount()
            self.refused.insertRow(row)
            self.refused.setItem(row, 0, QTableWidgetItem(refused.path.name))
            self.refused.setItem(row, 1, QTableWidgetItem(sentence(refused.code, refused.params)))
        for table in (self.units, self.refused):
            table.resizeColumnsToContents()
        self.status.setText(self.tr("Năm {year}: {units} đơn vị, {people} người được lấy phiếu; {history} tệp năm "
                                    "{previous}; {refused} tệp không dùng.").format(
            year=result.year, units=len(result.units), people=result.people, history=len(result.history.rounds),
            previous=result.year - 1, refused=len(result.refused)))
        self._update_buttons()
        self.checked.emit()

    def _failed(self, message: str) -> None:
        self.status.setText("")
        self.result = None
        self._update_buttons()
        self.dialogs.error(message)

    # -- writing ---------------------------------------------------------------------------

    def write(self) -> None:
        """Ask where, then write the report as .xlsx and, beside it, as PDF."""
        if self.result is None:
            return
        target = self.dialogs.save_file(self.tr("Ghi báo cáo tổng hợp"),
                                        self.folder / f"bao-cao-tong-hop-{self.result.year}.xlsx",
                                        self.tr("Bảng tính Excel (*.xlsx)"))
        if not target:
            return
        target = Path(target)
        if target.name in ("", ".", "..") or target.is_dir():  # "/" typed: no file name to give a suffix
            self.dialogs.error(sentence("target_is_folder", {"file": str(target),
                                                             "example": str(target / "bao-cao-tong-hop.xlsx")}))
            return
        target = target.with_suffix(".xlsx")
        report = report_of(self.result, unit=self.unit.text(), parent=self.parent_unit.text(),
                           title=self.title.text(), prepared_by=self.prepared_by.text(), head=self.head.text(),
                           number=self.number.text().strip())
        try:
            self.written = write_report(report, target, target.with_suffix(".pdf"))
        except TinNhiemError as error:
            self.dialogs.error(describe_error(error))
            return
        self.dialogs.info(self.tr("Đã ghi báo cáo tổng hợp:") + "\n" + "\n".join(str(p) for p in self.written))

    def done(self, result: int) -> None:  # wait for a running check before the window goes
        self.background.wait()
        super().done(result)
