"""Đối chiếu hai lượt nhập: every difference between passes A and B, settled with the paper."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.double_entry import Difference, Resolution
from ..core.issues import TinNhiemError
from ..core.model import Ballot, BallotStatus
from ..core.rekey import parse_rekey
from .dialogs import Dialogs
from .i18n import describe_error
from .session import RoundSession
from .tally import mark_text

KIND_TEXT = {
    "marks": QT_TRANSLATE_NOOP("compare", "Khác ô đánh dấu"),
    "status": QT_TRANSLATE_NOOP("compare", "Khác về hợp lệ"),
    "only_a": QT_TRANSLATE_NOOP("compare", "Chỉ lượt A có phiếu này"),
    "only_b": QT_TRANSLATE_NOOP("compare", "Chỉ lượt B có phiếu này"),
}
RESOLUTION_TEXT = {
    Resolution.TAKE_A: QT_TRANSLATE_NOOP("compare", "Lấy theo lượt A"),
    Resolution.TAKE_B: QT_TRANSLATE_NOOP("compare", "Lấy theo lượt B"),
    Resolution.KEYED_AGAIN: QT_TRANSLATE_NOOP("compare", "Đã nhập lại"),
}
OPEN_COLOUR, DONE_COLOUR = QColor("#ffcdd2"), QColor("#c8e6c9")


def side_text(ballot: Ballot | None, difference: Difference, names: dict[int, str]) -> str:
    """What one pass says, as far as the difference goes."""
    if ballot is None:
        return QCoreApplication.translate("compare", "(không có phiếu)")
    if ballot.status is BallotStatus.INVALID:
        return QCoreApplication.translate("compare", "Không hợp lệ ({reason})").format(reason=ballot.invalid_reason)
    orders = difference.candidates or sorted(ballot.marks)
    empty = QCoreApplication.translate("compare", "(trống)")
    return "; ".join(
        f"{order}. {names[order]}: {mark_text(ballot.marks[order]) if order in ballot.marks else empty}"
        for order in orders
    )


class CompareDialog(QDialog):
    """The differences, who keyed what, and the three ways to settle each: A, B, or key again."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("CompareDialog", "Loại phiếu"),
        QT_TRANSLATE_NOOP("CompareDialog", "Số phiếu"),
        QT_TRANSLATE_NOOP("CompareDialog", "Chênh lệch"),
        QT_TRANSLATE_NOOP("CompareDialog", "Lượt A"),
        QT_TRANSLATE_NOOP("CompareDialog", "Lượt B"),
        QT_TRANSLATE_NOOP("CompareDialog", "Xử lý"),
    )

    def __init__(self, session: RoundSession, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Đối chiếu hai lượt nhập"))
        self.session, self.dialogs = session, dialogs
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.stats = QTableWidget(0, 4)
        self.stats.setHorizontalHeaderLabels(
            [self.tr("Người nhập"), self.tr("Phiếu đã nhập"), self.tr("Ô đã nhập"), self.tr("Chênh lệch")])
        self.stats.verticalHeader().hide()
        self.stats.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.stats.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.stats.setMaximumHeight(140)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("CompareDialog", text) for text in self.COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

        self.take_a = QPushButton(self.tr("Lấy theo lượt &A"))
        self.take_b = QPushButton(self.tr("Lấy theo lượt &B"))
        self.key_again = QPushButton(self.tr("&Nhập lại theo phiếu giấy…"))
        close = QPushButton(self.tr("Đóng"))
        self.take_a.clicked.connect(lambda: self.resolve_current(Resolution.TAKE_A))
        self.take_b.clicked.connect(lambda: self.resolve_current(Resolution.TAKE_B))
        self.key_again.clicked.connect(lambda: self.resolve_current(Resolution.KEYED_AGAIN))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (self.take_a, self.take_b, self.key_again):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("<b>Theo người nhập</b>")))
        layout.addWidget(self.stats)
        layout.addWidget(QLabel(self.tr("<b>Các phiếu hai lượt nhập khác nhau</b> — cầm phiếu giấy để xử lý từng phiếu:")))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.resize(1100, 600)
        self.refresh()

    def refresh(self) -> None:
        self.differences = self.session.differences()
        open_count = sum(1 for d in self.differences if not d.resolved)
        if not self.differences:
            self.summary.setText(self.tr("Hai lượt nhập khớp nhau hoàn toàn (hoặc chưa nhập lượt nào)."))
        elif open_count:
            self.summary.setText(
                self.tr("{count} phiếu có chênh lệch giữa hai lượt; <b>còn {open} phiếu chưa xử lý</b> — các phiếu "
                        "này chưa được tính vào kết quả và chưa thể chốt kết quả.").format(
                    count=len(self.differences), open=open_count)
            )
        else:
            self.summary.setText(
                self.tr("{count} phiếu có chênh lệch giữa hai lượt; tất cả đã được xử lý.").format(
                    count=len(self.differences))
            )
        stats = self.session.service.keyer_stats()
        self.stats.setRowCount(len(stats))
        for row, stat in enumerate(stats):
            for column, value in enumerate((stat.keyer, stat.ballots, stat.marks, stat.disagreements)):
                item = QTableWidgetItem(str(value))
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.stats.setItem(row, column, item)

        selected = self.current()
        self.table.setRowCount(len(self.differences))
        for row, difference in enumerate(self.differences):
            form = self.session.setup.form(difference.form)
            names = {c.order: c.name for c in form.candidates}
            texts = (
                difference.form,
                str(difference.number),
                QCoreApplication.translate("compare", KIND_TEXT[difference.kind]),
                side_text(difference.a, difference, names),
                side_text(difference.b, difference, names),
                QCoreApplication.translate("compare", RESOLUTION_TEXT[difference.resolution])
                if difference.resolved else self.tr("Chưa xử lý"),
            )
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setBackground(DONE_COLOUR if difference.resolved else OPEN_COLOUR)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        if self.differences:
            keys = [(d.form, d.number) for d in self.differences]
            self.table.selectRow(keys.index(selected) if selected in keys else self._first_open())
        self._update_buttons()

    def _first_open(self) -> int:
        return next((i for i, d in enumerate(self.differences) if not d.resolved), 0)

    def current(self) -> tuple[str, int] | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(getattr(self, "differences", [])):
            return None
        difference = self.differences[rows[0].row()]
        return difference.form, difference.number

    def _update_buttons(self) -> None:
        writable = not self.session.read_only
        for button in (self.take_a, self.take_b, self.key_again):
            button.setEnabled(writable and self.current() is not None)

    def resolve_current(self, choice: Resolution) -> bool:
        """Settle the selected difference; for "key again", the ballot is typed in one line."""
        chosen = self.current()
        if chosen is None:
            return False
        form_code, number = chosen
        marks, reason = None, ""
        if choice is Resolution.KEYED_AGAIN:
            size = len(self.session.setup.form(form_code).candidates)
            text = self.dialogs.ask_text(
                self.tr("Nhập lại theo phiếu giấy"),
                self.tr("Phiếu số {number}, loại phiếu {form}: gõ {size} ký tự theo thứ tự người trên phiếu\n"
                        "(1 tín nhiệm cao, 2 tín nhiệm, 3 tín nhiệm thấp, 0 không đánh dấu, x đánh dấu nhiều ô),\n"
                        "hoặc 'khl: lý do' nếu phiếu không hợp lệ:").format(number=number, form=form_code, size=size),
            )
            if not text:
                return False
            try:
                marks, reason = parse_rekey(text, size)
            except TinNhiemError as error:
                self.dialogs.error(describe_error(error))
                return False
        try:
            self.session.resolve(form_code, number, choice, marks, reason)
        except TinNhiemError as error:
            self.dialogs.error(describe_error(error))
            return False
        self.refresh()
        return True
