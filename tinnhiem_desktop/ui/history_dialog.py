"""Kết quả năm trước: each candidate's result of the year before, linked from that year's sealed round
files (by person key, or a suggested match confirmed), chosen by hand, or typed in from the paper
minutes when that round was not counted with this program."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.history import PriorResult, Suggestion, candidate_ref
from ..core.issues import TinNhiemError
from ..core.model import Candidate
from ..core.percent import percent
from ..core.results import round_rule
from ..services.history import History, link_history, read_history
from ..services.rounds import RoundService
from .dialogs import Dialogs
from .i18n import describe_error, percent_text, sentence

UNKNOWN = -1  # a spin box at this value: the count is not known


class PriorDialog(QDialog):
    """Figures of an earlier year typed in from its paper minutes, with where they come from."""

    def __init__(self, candidate: Candidate, year: int, prior: PriorResult | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nhập tay kết quả năm trước"))
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("{name}: kết quả năm {year}, theo biên bản kiểm phiếu của năm đó. Số liệu này được "
                              "ghi là nhập tay ở mọi nơi nó xuất hiện.").format(name=candidate.name, year=year))
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.year = self._spin(1945, year, year)
        self.thap = self._spin(0, 1_000_000, prior.thap if prior else 0)
        self.base = self._spin(0, 1_000_000, prior.base if prior else 0)
        self.cao = self._spin(UNKNOWN, 1_000_000, _known(prior.cao if prior else None))
        self.tin_nhiem = self._spin(UNKNOWN, 1_000_000, _known(prior.tin_nhiem if prior else None))
        for box in (self.cao, self.tin_nhiem):
            box.setSpecialValueText(self.tr("(không rõ)"))
        self.source = QLineEdit(prior.source if prior and prior.by_hand else "")
        self.source.setPlaceholderText(self.tr("VD: Biên bản kiểm phiếu ngày 25/11/2025"))
        form.addRow(self.tr("Năm:"), self.year)
        form.addRow(self.tr("Số phiếu tín nhiệm thấp:"), self.thap)
        form.addRow(self.tr("Số phiếu làm cơ sở tính tỷ lệ:"), self.base)
        form.addRow(self.tr("Số phiếu tín nhiệm cao:"), self.cao)
        form.addRow(self.tr("Số phiếu tín nhiệm:"), self.tin_nhiem)
        form.addRow(self.tr("Nguồn số liệu:"), self.source)
        layout.addLayout(form)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Ghi"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @staticmethod
    def _spin(minimum: int, maximum: int, value: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(minimum, maximum)
        box.setValue(value)
        return box

    def figures(self) -> dict:
        return {
            "year": self.year.value(), "thap": self.thap.value(), "base": self.base.value(),
            "cao": None if self.cao.value() == UNKNOWN else self.cao.value(),
            "tin_nhiem": None if self.tin_nhiem.value() == UNKNOWN else self.tin_nhiem.value(),
            "source": self.source.text(),
        }


def _known(value: int | None) -> int:
    return UNKNOWN if value is None else value


class HistoryDialog(QDialog):
    """Every candidate with last year's result beside them, and the ways to link it. Each change
    goes through the round service, whose observers (the window) hear of it."""

    COLUMNS = 7

    def __init__(self, service: RoundService, dialogs: Dialogs, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.dialogs, self.folder = service, dialogs, Path(folder)
        self.year = service.setup.year - 1
        self.history: History | None = None
        self.suggestions: dict[tuple[str, int], list[Suggestion]] = {}
        self.setWindowTitle(self.tr("Kết quả năm trước"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Kết quả năm {year} của từng người, để áp dụng quy định hai năm liên tiếp: đọc từ tệp đợt lấy phiếu "
            "năm {year} đã chốt (chọn thư mục chứa các tệp), liên kết theo mã người hoặc theo gợi ý cùng họ tên và "
            "năm sinh; hoặc nhập tay khi năm đó không kiểm phiếu bằng chương trình này.").format(year=self.year))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        reading = QHBoxLayout()
        self.folder_button = QPushButton(self.tr("Đọc thư mục tệp năm {year}…").format(year=self.year))
        self.folder_button.clicked.connect(self.choose_folder)
        self.file_button = QPushButton(self.tr("Đọc một tệp…"))
        self.file_button.clicked.connect(self.choose_file)
        reading.addWidget(self.folder_button)
        reading.addWidget(self.file_button)
        reading.addStretch()
        layout.addLayout(reading)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels([
            self.tr("Loại phiếu"), self.tr("Họ và tên"), self.tr("Năm sinh"), self.tr("Mã người"),
            self.tr("Tín nhiệm thấp năm {year}").format(year=self.year), self.tr("Nguồn"), self.tr("Gợi ý"),
        ])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)
        actions = QHBoxLayout()
        self.accept_button = QPushButton(self.tr("Nhận &gợi ý"))
        self.accept_button.clicked.connect(self.accept_suggestion)
        self.choose_button = QPushButton(self.tr("&Liên kết với người năm trước…"))
        self.choose_button.clicked.connect(self.choose_earlier)
        self.by_hand_button = QPushButton(self.tr("&Nhập tay…"))
        self.by_hand_button.clicked.connect(self.enter_by_hand)
        self.remove_button = QPushButton(self.tr("&Bỏ kết quả năm trước"))
        self.remove_button.clicked.connect(self.remove)
        for button in (self.accept_button, self.choose_button, self.by_hand_button, self.remove_button):
            actions.addWidget(button)
        actions.addStretch()
        layout.addLayout(actions)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        close = QDialogButtonBox()
        close.addButton(self.tr("Đóng"), QDialogButtonBox.ButtonRole.RejectRole)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        if service.read_only:
            self.status.setText(self.tr("Tệp đã chốt kết quả hoặc đang mở chỉ để đọc: chỉ xem, không sửa được."))
        self.resize(900, 520)
        self.refresh()

    # -- what the table shows ----------------------------------------------------------------

    def rows(self) -> list[tuple[str, Candidate]]:
        return [(form.code, candidate) for form in self.service.setup.forms for candidate in form.candidates]

    def stored(self) -> dict[str, PriorResult]:
        return {p.person_key: p for p in self.service.prior_results() if p.year == self.year}

    def refresh(self) -> None:
        stored = self.stored()
        decimals = round_rule(self.service.setup).decimals
        self.table.setRowCount(0)
        for form, candidate in self.rows():
            prior = stored.get(candidate_ref(candidate))
            if prior is None:
                share, source = "—", ""
            else:
                share = percent_text(percent(prior.thap, prior.base, decimals), decimals)
                source = (self.tr("nhập tay: {source}").format(source=prior.source) if prior.by_hand
                          else prior.source)
            offered = self.suggestions.get((form, candidate.order), []) if prior is None else []
            hint = "; ".join(f"{s.earlier.name} ({s.earlier.source})" for s in offered)
            row = self.table.rowCount()
            self.table.insertRow(row)
            values = (form, candidate.name, str(candidate.birth_year or ""), candidate.person_key or "", share,
                      source, hint)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column in (0, 2, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def current(self) -> tuple[str, Candidate] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows()[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        current = self.current()
        writable = not self.service.read_only
        for button in (self.folder_button, self.file_button):
            button.setEnabled(writable)
        has_prior = current is not None and candidate_ref(current[1]) in self.stored()
        self.accept_button.setEnabled(writable and current is not None
                                      and bool(self.suggestions.get((current[0], current[1].order))))
        self.choose_button.setEnabled(writable and current is not None and self.history is not None)
        self.by_hand_button.setEnabled(writable and current is not None)
        self.remove_button.setEnabled(writable and has_prior)

    def select(self, form: str, order: int) -> None:
        for row, (code, candidate) in enumerate(self.rows()):
            if (code, candidate.order) == (form, order):
                self.table.selectRow(row)

    # -- actions ---------------------------------------------------------------------------

    def choose_folder(self) -> None:
        chosen = self.dialogs.choose_folder(self.tr("Thư mục chứa tệp đợt lấy phiếu năm {year}").format(
            year=self.year), self.folder)
        if chosen:
            self.read([Path(chosen)])

    def choose_file(self) -> None:
        chosen = self.dialogs.open_file(self.tr("Tệp đợt lấy phiếu năm {year}").format(year=self.year), self.folder,
                                        self.tr("Tệp đợt lấy phiếu (*.tinnhiem)"))
        if chosen:
            self.read([Path(chosen)])

    def read(self, paths: list[Path]) -> None:
        """Read the earlier year's files, link every candidate found by person key, show the rest."""
        try:
            self.history = read_history(paths, self.year)
            report = link_history(self.service, self.history)
        except TinNhiemError as error:
            self.dialogs.error(describe_error(error))
            return
        self.folder = paths[0] if paths[0].is_dir() else paths[0].parent
        self.suggestions = {}
        for suggestion in report.suggestions:
            self.suggestions.setdefault((suggestion.form, suggestion.order), []).append(suggestion)
        lines = [self.tr("Đã đọc {rounds} tệp năm {year}; liên kết theo mã người: {linked} người; gợi ý: {offered} "
                         "người.").format(rounds=len(self.history.rounds), year=self.year, linked=len(report.linked),
                                          offered=len(self.suggestions))]
        lines += [self.tr("Số liệu nhập tay của {name} được thay bằng số liệu trong tệp đã chốt.").format(name=p.name)
                  for p in report.replaced_by_hand]
        lines += [self.tr("Không dùng tệp {file}: {reason}").format(file=f.path.name, reason=sentence(f.code, f.params))
                  for f in report.refused]
        self.status.setText("\n".join(lines))
        self.refresh()

    def accept_suggestion(self) -> None:
        current = self.current()
        if current is None:
            return
        offered = self.suggestions.get((current[0], current[1].order), [])
        if len(offered) == 1:
            self._link(current, offered[0].earlier)
        elif offered:
            self._choose_among(current, [s.earlier for s in offered])

    def choose_earlier(self) -> None:
        current = self.current()
        if current is not None and self.history is not None:
            self._choose_among(current, [p.record for p in self.history.people])

    def _choose_among(self, current: tuple[str, Candidate], records: list[PriorResult]) -> None:
        labels = [f"{r.name} — {r.position} ({r.source})" for r in records]
        chosen = self.dialogs.choose(self.tr("Liên kết với người năm trước"),
                                     self.tr("{name} năm {year} là:").format(name=current[1].name, year=self.year),
                                     labels)
        if chosen in labels:
            self._link(current, records[labels.index(chosen)])

    def _link(self, current: tuple[str, Candidate], record: PriorResult) -> None:
        form, candidate = current
        if self._did(lambda: self.service.link_priors([(form, candidate.order, record)])):
            self.suggestions.pop((form, candidate.order), None)
            self._after(form, candidate.order)

    def enter_by_hand(self) -> None:
        current = self.current()
        if current is None:
            return
        form, candidate = current
        dialog = PriorDialog(candidate, self.year, self.stored().get(candidate_ref(candidate)), self)
        if self.dialogs.run(dialog) and self._did(
                lambda: self.service.set_prior_result(form, candidate.order, **dialog.figures())):
            self._after(form, candidate.order)

    def remove(self) -> None:
        current = self.current()
        if current is None:
            return
        form, candidate = current
        question = self.tr("Bỏ kết quả năm {year} của {name}? Quy định hai năm liên tiếp sẽ không áp dụng cho người "
                           "này.").format(year=self.year, name=candidate.name)
        if self.dialogs.confirm(question) and self._did(
                lambda: self.service.remove_prior_result(candidate_ref(candidate), self.year)):
            self._after(form, candidate.order)

    def _did(self, change) -> bool:
        try:
            change()
        except TinNhiemError as error:
            self.dialogs.error(describe_error(error))
            return False
        return True

    def _after(self, form: str, order: int) -> None:
        self.refresh()
        self.select(form, order)
