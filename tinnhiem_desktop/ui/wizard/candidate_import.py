"""The dialog that reads a candidate list from a spreadsheet or CSV file for the forms page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.issues import TinNhiemError
from ...services.candidates import (
    FIELDS,
    CandidateImport,
    Table,
    candidates_from_rows,
    guess_mapping,
    read_table,
    table_start,
)
from ..i18n import describe_error
from .common import ERROR_COLOUR, NOTICE_COLOUR, message_label, show_message, table_cell

PREVIEW_ROWS = 10


def _column_name(index: int) -> str:
    """Spreadsheet column letters: 0 -> A, 26 -> AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


class CandidateImportDialog(QDialog):
    """Which sheet, from which row, and which column is which, with the first candidates it gives."""

    def __init__(self, path: Path, table: Table, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nhập danh sách từ tệp {file}").format(file=path.name))
        self.resize(860, 560)
        self._path = path
        self._table = table
        self._result: CandidateImport | None = None
        self.sheet_combo = QComboBox()
        self.sheet_combo.addItems(list(table.sheets))
        if table.sheet is not None:
            self.sheet_combo.setCurrentText(table.sheet)
        self.start_spin = QSpinBox()
        self.header_check = QCheckBox(self.tr("Dòng đầu là tiêu đề"))
        self.field_combos = {field: QComboBox() for field in FIELDS}
        self.preview = QTableWidget(0, 6)
        self.preview.setHorizontalHeaderLabels(
            [self.tr("STT"), self.tr("Họ và tên"), self.tr("Chức vụ"), self.tr("Năm sinh"), self.tr("Mã"),
             self.tr("Ghi chú")]
        )
        self.preview.verticalHeader().hide()
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.preview.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.summary_label = message_label(NOTICE_COLOUR)
        self.error_label = message_label(ERROR_COLOUR)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Nhập"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Trang tính:"), self.sheet_combo)
        form.setRowVisible(self.sheet_combo, bool(table.sheets))
        form.addRow(self.tr("Bắt đầu từ dòng:"), self.start_spin)
        form.addRow("", self.header_check)
        columns = QGridLayout()
        titles = {
            "name": self.tr("Họ và tên:"),
            "position": self.tr("Chức vụ:"),
            "birth_year": self.tr("Năm sinh:"),
            "person_key": self.tr("Mã:"),
        }
        for index, field in enumerate(FIELDS):
            columns.addWidget(QLabel(titles[field]), index // 2, (index % 2) * 2)
            columns.addWidget(self.field_combos[field], index // 2, (index % 2) * 2 + 1)
            columns.setColumnStretch((index % 2) * 2 + 1, 1)
        group = QGroupBox(self.tr("Cột nào chứa thông tin nào"))
        group.setLayout(columns)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(group)
        layout.addWidget(QLabel(self.tr("Xem trước {count} người đầu tiên:").format(count=PREVIEW_ROWS)))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.sheet_combo.currentTextChanged.connect(self._load_sheet)
        self.start_spin.valueChanged.connect(self._guess)
        self.header_check.toggled.connect(self._relabel)
        for combo in self.field_combos.values():
            combo.currentIndexChanged.connect(self._refresh)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._reset_start()

    def result_import(self) -> CandidateImport | None:
        return self._result

    def _rows(self) -> tuple[tuple[str, ...], ...]:
        return self._table.rows[self.start_spin.value() - 1 :]

    def _load_sheet(self, sheet: str) -> None:
        try:
            self._table = read_table(self._path, sheet)
        except TinNhiemError as error:
            self._table = Table(self._table.sheets, sheet, ())
            self._reset_start()
            show_message(self.error_label, describe_error(error))
            return
        self._reset_start()

    def _reset_start(self) -> None:
        blocked = self.start_spin.blockSignals(True)
        self.start_spin.setRange(1, max(1, len(self._table.rows)))
        self.start_spin.setValue(table_start(self._table.rows) + 1)
        self.start_spin.blockSignals(blocked)
        self._guess()

    def _guess(self) -> None:
        rows = self._rows()
        guess = guess_mapping(rows[0] if rows else ())
        blocked = self.header_check.blockSignals(True)
        self.header_check.setChecked(guess.first_row_is_header)
        self.header_check.blockSignals(blocked)
        self._fill_combos(guess.mapping)

    def _relabel(self) -> None:
        self._fill_combos({field: combo.currentData() for field, combo in self.field_combos.items()})

    def _column_label(self, column: int) -> str:
        rows = self._rows()
        if self.header_check.isChecked():
            sample = rows[0][column]
        else:
            sample = next((row[column] for row in rows if row[column]), "")
        if len(sample) > 40:
            sample = sample[:39] + "…"
        return f"{_column_name(column)}: {sample}" if sample else _column_name(column)

    def _fill_combos(self, mapping: dict[str, int | None]) -> None:
        width = len(self._table.rows[0]) if self._table.rows else 0
        for field, combo in self.field_combos.items():
            blocked = combo.blockSignals(True)
            combo.clear()
            if field != "name":
                combo.addItem(self.tr("(không có)"), None)
            for column in range(width):
                combo.addItem(self._column_label(column), column)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(field))))
            combo.blockSignals(blocked)
        self._refresh()

    def _refresh(self) -> None:
        self._result = None
        self.preview.setRowCount(0)
        show_message(self.summary_label, "")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        if not self._rows():
            show_message(self.error_label, self.tr("Trang tính này không có dữ liệu."))
            return
        mapping = {field: combo.currentData() for field, combo in self.field_combos.items()}
        try:
            result = candidates_from_rows(
                self._rows(),
                mapping,
                self.header_check.isChecked(),
                source=str(self._path),
                first_line=self.start_spin.value(),
            )
        except TinNhiemError as error:
            show_message(self.error_label, describe_error(error))
            return
        show_message(self.error_label, "" if result.candidates else self.tr("Không có dòng nào có họ và tên."))
        self._result = result
        ok.setEnabled(bool(result.candidates))
        same: dict[int, list[int]] = {}
        for first, second in result.duplicates:
            same.setdefault(first, []).append(second)
            same.setdefault(second, []).append(first)
        for candidate in result.candidates[:PREVIEW_ROWS]:
            row = self.preview.rowCount()
            self.preview.insertRow(row)
            note = (
                self.tr("Trùng với số {orders}").format(
                    orders=", ".join(map(str, same[candidate.order]))
                )
                if candidate.order in same
                else ""
            )
            values = (
                str(candidate.order),
                candidate.name,
                candidate.position,
                str(candidate.birth_year or ""),
                candidate.person_key or "",
                note,
            )
            for column, text in enumerate(values):
                self.preview.setItem(row, column, table_cell(text, editable=False))
        parts = [self.tr("Sẽ nhập {count} người.").format(count=len(result.candidates))]
        if result.skipped_blank:
            parts.append(self.tr("Bỏ qua {count} dòng không có họ và tên.").format(count=result.skipped_blank))
        if result.duplicates:
            parts.append(
                self.tr("Có {count} cặp trùng họ tên và năm sinh (xem cột Ghi chú).").format(
                    count=len(result.duplicates)
                )
            )
        show_message(self.summary_label, " ".join(parts))
