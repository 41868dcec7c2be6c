"""Live results from core's tally: a table per form with a stacked bar, the threshold flags in
words and the reconciliation line; and the full-screen projector view for the meeting."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, QRectF, Qt, Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.checks import Reconciliation, reconciliation_state
from ..core.model import Mark
from ..core.results import CandidateResult, FormResult, Rule
from ..core.rules import Base
from ..export.wording import BASE_NAMES
from .i18n import count_text, flags_words, percent_text, rule_label, sentence, wording
from .session import RoundSession

LEVELS = (Mark.CAO, Mark.TIN_NHIEM, Mark.THAP)
BAR_COLOURS = (QColor("#43a047"), QColor("#1e88e5"), QColor("#e53935"), QColor("#9e9e9e"))
AMBER, RED, GREEN = QColor("#ffe082"), QColor("#ef9a9a"), QColor("#c8e6c9")
STATE_COLOURS = {Reconciliation.ERROR: RED, Reconciliation.WARNING: AMBER, Reconciliation.INCOMPLETE: AMBER,
                 Reconciliation.OK: GREEN}


FLAGGED, RIGHT = QBrush(RED), int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
RESULT_ROLES = frozenset(int(role) for role in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.TextAlignmentRole))


class ResultsModel(QAbstractTableModel):
    """One form's results; on a change only the rows whose figures differ are repainted, from
    the first to the last of their cells that changed."""

    HEADINGS = (
        QT_TRANSLATE_NOOP("ResultsModel", "STT"),
        QT_TRANSLATE_NOOP("ResultsModel", "Họ và tên"),
        QT_TRANSLATE_NOOP("ResultsModel", "Cao"),
        "%",
        QT_TRANSLATE_NOOP("ResultsModel", "Tín nhiệm"),
        "%",
        QT_TRANSLATE_NOOP("ResultsModel", "Thấp"),
        "%",
        QT_TRANSLATE_NOOP("ResultsModel", "Thấp năm trước"),
        QT_TRANSLATE_NOOP("ResultsModel", "Không tính"),
        QT_TRANSLATE_NOOP("ResultsModel", "Biểu đồ"),
        QT_TRANSLATE_NOOP("ResultsModel", "Ngưỡng"),
    )
    PRIOR, NOT_COUNTED, BAR, FLAGS = 8, 9, 10, 11

    def __init__(self, result: FormResult, rule: Rule, parent=None) -> None:
        super().__init__(parent)
        self._result = result
        self._rule = rule

    @property
    def _decimals(self) -> int:
        return self._rule.decimals

    def flags_shown(self) -> tuple:
        """What the threshold column's words depend on: the rule and each row's flags."""
        return self._rule, tuple(c.flags for c in self._result.candidates)

    MANY_ROWS = 8  # past this many rows changed (a ballot started: everyone's base), one signal for them all

    def set_result(self, result: FormResult, rule: Rule) -> None:
        """Repaint the cells whose figures changed; every cell when the rule changed."""
        old, old_rule = self._result, self._rule
        self._result, self._rule = result, rule
        if rule != old_rule:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
            return
        rows = [row for row, (a, b) in enumerate(zip(old.candidates, result.candidates))
                if a is not b and (a.tally, a.base, a.flags, a.prior) != (b.tally, b.base, b.flags, b.prior)]
        if len(rows) > self.MANY_ROWS:  # the view repaints the part of the span it shows
            self.dataChanged.emit(self.index(rows[0], 0), self.index(rows[-1], self.columnCount() - 1))
            return
        for row in rows:
            columns = self._changed_columns(old.candidates[row], result.candidates[row])
            if columns:  # one span a row: a signal a cell costs more than the cells it spares
                self.dataChanged.emit(self.index(row, min(columns)), self.index(row, max(columns)))

    def _changed_columns(self, a: CandidateResult, b: CandidateResult) -> list[int]:
        """The columns of one person's row that show different figures for `a` and `b`."""
        columns = []
        for column, level in zip((2, 4, 6), LEVELS):
            if a.tally.count(level) != b.tally.count(level):
                columns.append(column)
            if a.percents[level] != b.percents[level]:
                columns.append(column + 1)
        if (a.prior, a.prior_percent) != (b.prior, b.prior_percent):
            columns.append(self.PRIOR)
        if a.tally.not_counted != b.tally.not_counted:
            columns.append(self.NOT_COUNTED)
        if a.tally != b.tally:
            columns.append(self.BAR)
        if a.flags != b.flags:
            columns.append(self.FLAGS)
        return columns

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._result.candidates)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADINGS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ResultsModel", self.HEADINGS[section])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole and section == self.BAR:
            return self.tr("Xanh lá: tín nhiệm cao · Xanh dương: tín nhiệm · Đỏ: tín nhiệm thấp · Xám: không tính")
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in RESULT_ROLES or not index.isValid():  # painting asks for seven roles a cell
            return None
        result = self._result.candidates[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(result, column)
        if role == Qt.ItemDataRole.UserRole and column == self.BAR:
            tally = result.tally
            return (tally.cao, tally.tin_nhiem, tally.thap, tally.not_counted)
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return f"{result.candidate.name} — {result.candidate.position}"
        if role == Qt.ItemDataRole.BackgroundRole and column == self.FLAGS and result.flags:
            return FLAGGED
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in (1, self.FLAGS):
            return RIGHT
        return None

    def _text(self, result: CandidateResult, column: int) -> str | None:
        """The text of one cell (only that one: a repaint asks for each cell of a row)."""
        if column == 0:
            return str(result.candidate.order)
        if column == 1:
            return result.candidate.name
        if 2 <= column <= 7:
            level = LEVELS[(column - 2) // 2]
            if column % 2 == 0:
                return str(result.tally.count(level))
            return percent_text(result.percents[level], self._decimals)
        if column == self.PRIOR:
            return self._prior_text(result)
        if column == self.NOT_COUNTED:
            return str(result.tally.not_counted)
        if column == self.FLAGS:
            return flags_words(self._rule, result.flags)
        return None

    def _prior_text(self, result) -> str:
        """Last year's low-confidence share, marked when it was typed in by hand."""
        if result.prior is None or result.prior_percent is None:
            return "—"
        text = percent_text(result.prior_percent, self._decimals)
        return text + self.tr(" (nhập tay)") if result.prior.by_hand else text


class BarDelegate(QStyledItemDelegate):
    """A horizontal stacked bar: cao / tín nhiệm / thấp / not counted."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        parts = index.data(Qt.ItemDataRole.UserRole)
        total = sum(parts) if parts else 0
        if not total:
            return
        rect = QRectF(option.rect).adjusted(3, 4, -3, -4)
        painter.save()
        x = rect.left()
        for value, colour in zip(parts, BAR_COLOURS):
            width = rect.width() * value / total
            painter.fillRect(QRectF(x, rect.top(), width, rect.height()), colour)
            x += width
        painter.restore()


def reconciliation(result: FormResult) -> tuple[str, QColor]:
    """The keyed / collected / issued line and its colour: green, amber (not yet), red (wrong)."""
    counts, tally = result.form.counts, result.tally
    text = QCoreApplication.translate(
        "results",
        "Đã nhập {keyed} (hợp lệ {valid}, không hợp lệ {invalid}) · Thu vào {collected} · Phát ra {issued} · "
        "Có mặt {present} · Triệu tập {summoned}",
    ).format(keyed=tally.keyed, valid=tally.valid, invalid=tally.invalid, **counts.as_dict())
    return text, STATE_COLOURS[reconciliation_state(result.issues)]


def base_line(result: FormResult) -> str:
    base = wording(BASE_NAMES[result.base_kind])
    if result.base_kind is Base.VALID_FOR_PERSON:
        return QCoreApplication.translate("results", "Tỷ lệ % tính trên {base}.").format(base=base)
    return QCoreApplication.translate("results", "Tỷ lệ % tính trên {base}: {count} phiếu.").format(
        base=base, count=count_text(result.base_value))


class ResultsPane(QWidget):
    """Results of one form, refreshed from the session after every change to that form. While
    pass B is keyed the pane shows none of them: the results, the counts keyed and the ballots
    that differ all tell the pass-B keyer what pass A read."""

    def __init__(self, session: RoundSession, form: str, large: bool = False) -> None:
        super().__init__()
        self.session = session
        self.form = form
        result = session.form_results(form)
        self.title = QLabel()
        self.title.setObjectName("resultsTitle")
        self.reconciliation = QLabel()
        self.reconciliation.setObjectName("reconciliation")
        self.reconciliation.setMargin(4)
        self.reconciliation.setWordWrap(True)
        self.base = QLabel()
        self.base.setWordWrap(True)
        self.issues = QLabel()
        self.issues.setWordWrap(True)
        self._note_lines = 0
        self.model = ResultsModel(result, session.results.rule, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(ResultsModel.BAR, BarDelegate(self.table))
        self.table.verticalHeader().hide()
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus if not large else Qt.FocusPolicy.StrongFocus)
        header = self.table.horizontalHeader()
        # Widths are fitted once (and on a change of type size or rule), not on every keystroke:
        # resize-to-contents re-reads every row of every column at each change, several times a
        # keystroke's budget on a 60-person list.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ResultsModel.BAR, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.blind_note = QLabel(self.tr("Đang nhập lượt B: kết quả và chênh lệch với lượt A được ẩn để lượt B "
                                         "độc lập. Xem sau khi cả hai lượt đã nhập xong."))
        self.blind_note.setWordWrap(True)
        for widget in (self.title, self.reconciliation, self.base, self.table, self.issues, self.blind_note):
            layout.addWidget(widget, 1 if widget is self.table else 0)
        self.blind = session.blind
        self.blind_note.setVisible(self.blind)
        for widget in (self.reconciliation, self.base, self.table, self.issues):
            widget.setHidden(self.blind)
        if self.blind:
            self._show_title(result)
        else:
            session.resultsChanged.connect(self._changed)
            self._show(result)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Every column as wide as its contents, and wide enough for the largest figures to come."""
        self.table.resizeColumnsToContents()
        metrics = self.table.fontMetrics()
        samples = {column: "0000" for column in (2, 4, 6, 9)}
        widest = percent_text(Decimal(100))
        samples.update({column: widest for column in (3, 5, 7)})
        samples[ResultsModel.PRIOR] = widest + QCoreApplication.translate("ResultsModel", " (nhập tay)")
        for column, sample in samples.items():
            wanted = metrics.horizontalAdvance(sample) + 16
            if self.table.columnWidth(column) < wanted:
                self.table.setColumnWidth(column, wanted)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_columns()

    def _changed(self, form: str) -> None:
        if form == self.form:
            self._show(self.session.form_results(form))

    def _show_title(self, result: FormResult) -> None:
        self.title.setText(self.tr("<b>Loại phiếu {code}: {title}</b>").format(code=result.form.code,
                                                                              title=result.form.title))

    def _show(self, result: FormResult) -> None:
        before = self.model.flags_shown()
        self.model.set_result(result, self.session.results.rule)
        if self.model.flags_shown() != before:  # rare: a threshold crossed, or the rule changed
            self.table.resizeColumnToContents(ResultsModel.FLAGS)
        self._show_title(result)
        text, colour = reconciliation(result)
        self.reconciliation.setText(text)
        style = f"background: {colour.name()}; border-radius: 3px;"
        if self.reconciliation.styleSheet() != style:  # restyling costs a keystroke's budget: only on a change
            self.reconciliation.setStyleSheet(style)
        self.base.setText(self.tr("{base} Quy tắc: {rule}.").format(base=base_line(result),
                                                                     rule=rule_label(self.session.results.rule)))
        notes = [sentence(i.code, i.params) for i in result.issues if i.code != "keyed_below_collected"]
        self.issues.setText("\n".join(notes))
        # The notes keep the most lines they have had, so that one which comes and goes with each
        # ballot (the ballot being keyed is incomplete) does not resize and repaint the table.
        self._note_lines = max(self._note_lines, len(notes))
        self.issues.setMinimumHeight(self._note_lines * self.issues.fontMetrics().lineSpacing())
        self.issues.setVisible(self._note_lines > 0)


class ProjectorView(QWidget):
    """Full-screen results for the meeting, one form at a time: ←/→ change form, Esc returns."""

    closed = Signal()

    def __init__(self, session: RoundSession, first_form: str) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Kết quả kiểm phiếu — trình chiếu"))
        self.session = session
        codes = [f.code for f in session.setup.forms]
        self._codes = codes
        self._index = codes.index(first_form)
        self.heading = QLabel()
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading.setWordWrap(True)
        self.panes = []
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        for code in codes:
            pane = ResultsPane(session, code, large=True)
            pane.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.panes.append(pane)
            layout.addWidget(pane)
        self.hint = QLabel(self.tr("← → đổi loại phiếu · Esc trở lại"))
        self.hint.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.hint)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("white"))
        self.setPalette(palette)  # a palette, not a style sheet: a style sheet stops fonts propagating
        self.setAutoFillBackground(True)
        self._show_form()

    def setFont(self, font: QFont) -> None:
        """Large type for the hall; the rule's wording stays smaller, the figures fill the screen."""
        super().setFont(font)
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * 0.6)
        for pane in self.panes:
            for label in (pane.base, pane.issues, pane.reconciliation):
                label.setFont(small)
            pane.table.horizontalHeader().setFont(small)
        self.hint.setFont(small)
        self._show_form()

    def _show_form(self) -> None:
        setup = self.session.setup
        self.heading.setText(
            self.tr("<b>{unit}</b><br><b>KẾT QUẢ LẤY PHIẾU TÍN NHIỆM</b><br>{title}").format(
                unit=setup.header.unit, title=setup.title)
        )
        for i, pane in enumerate(self.panes):
            pane.setVisible(i == self._index)
            pane.table.resizeColumnsToContents()
            pane.table.resizeRowsToContents()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.close()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space):
            self._index = (self._index + 1) % len(self._codes)
            self._show_form()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self._index = (self._index - 1) % len(self._codes)
            self._show_form()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        self.closed.emit()
        super().closeEvent(event)
