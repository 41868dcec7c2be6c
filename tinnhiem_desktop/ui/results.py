"""Live results from core's tally: a table per form with a stacked bar, the threshold flags in
words and the reconciliation line; and the full-screen projector view for the meeting."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, QRect, QRectF, QSettings, Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ..core.checks import Reconciliation, reconciliation_state
from ..core.model import Mark
from ..core.results import CandidateResult, FormResult, Rule
from ..core.rules import Base
from ..export.wording import BASE_NAMES
from .i18n import count_text, flags_words, percent_text, rule_label, sentence, wording
from .pictures import PictureDelegate, PictureTable
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


def runs(numbers: list[int], key=lambda number: None) -> list[tuple[int, int]]:
    """Sorted numbers as runs of consecutive ones with the same `key`: [3, 5, 9, 10] → [(3, 3),
    (5, 5), (9, 10)]."""
    found: list[tuple[int, int]] = []
    for number in numbers:
        if found and found[-1][1] == number - 1 and key(found[-1][1]) == key(number):
            found[-1] = (found[-1][0], number)
        else:
            found.append((number, number))
    return found

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

    MANY_ROWS = 8  # past this many rows changed (a ballot started), one signal a run of changed columns

    def set_result(self, result: FormResult, rule: Rule) -> None:
        """Repaint the cells whose figures changed; every cell when the rule changed. A ballot
        started changes everyone's uncounted figure and bar, not their names, counts or flags."""
        old, old_rule = self._result, self._rule
        self._result, self._rule = result, rule
        if rule != old_rule:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
            return
        changed = {row: self._changed_columns(a, b) for row, (a, b) in enumerate(zip(old.candidates, result.candidates))
                   if a is not b and (a.tally, a.base, a.flags, a.prior) != (b.tally, b.base, b.flags, b.prior)}
        changed = {row: columns for row, columns in changed.items() if columns}
        if len(changed) > self.MANY_ROWS:  # a span a run of columns changed on the same rows
            spans: dict[int, list[int]] = {}
            for row, columns in changed.items():
                for column in columns:
                    spans.setdefault(column, []).append(row)
            for low, high in runs(sorted(spans), lambda column: (min(spans[column]), max(spans[column]))):
                rows = spans[low]
                self.dataChanged.emit(self.index(min(rows), low), self.index(max(rows), high))
            return
        for row, columns in changed.items():  # one span a row: a signal a cell costs more than the cells it spares
            self.dataChanged.emit(self.index(row, min(columns)), self.index(row, max(columns)))

    def _changed_columns(self, a: CandidateResult, b: CandidateResult) -> list[int]:
        """The columns of one person's row that show different figures for `a` and `b`."""
        columns = []
        ta, tb = a.tally, b.tally
        same_percents = a.percents == b.percents  # a ballot started: everyone's counts and shares stay
        for column, level, before, after in ((2, Mark.CAO, ta.cao, tb.cao), (4, Mark.TIN_NHIEM, ta.tin_nhiem, tb.tin_nhiem),
                                             (6, Mark.THAP, ta.thap, tb.thap)):
            if before != after:
                columns.append(column)
            if not same_percents and a.percents[level] != b.percents[level]:
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
            return self.bar_parts(index.row())
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return f"{result.candidate.name} — {result.candidate.position}"
        if role == Qt.ItemDataRole.BackgroundRole and column == self.FLAGS and result.flags:
            return FLAGGED
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in (1, self.FLAGS):
            return RIGHT
        return None

    def bar_parts(self, row: int) -> tuple[int, int, int, int]:
        """The bar's parts of a person: cao, tín nhiệm, thấp, not counted."""
        tally = self._result.candidates[row].tally
        return tally.cao, tally.tin_nhiem, tally.thap, tally.not_counted

    def look(self, index: QModelIndex) -> tuple:
        """All a cell's painting depends on besides its state and size: its text, its alignment
        and whether it is flagged (the pictures of `PictureDelegate` are keyed by it)."""
        return self.look_at(index.row(), index.column())

    def look_at(self, row: int, column: int) -> tuple:
        result = self._result.candidates[row]
        return self._text(result, column), column in (1, self.FLAGS), column == self.FLAGS and bool(result.flags)

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


class ResultsTable(PictureTable):
    """The results table: a region of more than a few cells (a ballot started: everyone's
    uncounted figure and bar) painted in one loop from the cells' pictures; the bars are drawn."""

    def picture_key(self, row: int, column: int, state: int, width: int, height: int) -> tuple | None:
        if column == ResultsModel.BAR:
            return None
        return self.model().look_at(row, column), state, width, height  # as PictureDelegate keys them

    def picture(self, key: tuple) -> QPixmap | None:
        return self.itemDelegate().picture(key)

    def draw_picture(self, key: tuple, option: QStyleOptionViewItem, index: QModelIndex) -> QPixmap:
        return self.itemDelegate().draw(key, option, index)

    def paint_directly(self, painter: QPainter, row: int, column: int, rect: QRect, state: int) -> bool:
        if column != ResultsModel.BAR or state & QStyle.StateFlag.State_Selected.value:
            return False  # a selected bar: the style's row panel first, as Qt paints it
        paint_bar(painter, rect, self.model().bar_parts(row))
        return True


def paint_bar(painter: QPainter, rect: QRect, parts: tuple[int, ...] | None) -> None:
    """A horizontal stacked bar in `rect`: cao / tín nhiệm / thấp / not counted."""
    total = sum(parts) if parts else 0
    if not total:
        return
    box = QRectF(rect).adjusted(3, 4, -3, -4)
    painter.save()
    x = box.left()
    for value, colour in zip(parts, BAR_COLOURS):
        width = box.width() * value / total
        painter.fillRect(QRectF(x, box.top(), width, box.height()), colour)
        x += width
    painter.restore()


class BarDelegate(QStyledItemDelegate):
    """A horizontal stacked bar: cao / tín nhiệm / thấp / not counted."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        paint_bar(painter, option.rect, index.data(Qt.ItemDataRole.UserRole))


def reconciliation(result: FormResult) -> tuple[str, QColor]:
    """The keyed / collected / issued line and its colour: green, amber (not yet), red (wrong)."""
    counts, tally = result.form.counts, result.tally
    text = QCoreApplication.translate(
        "results",
        "Đã nhập {keyed} (hợp lệ {valid}, không hợp lệ {invalid}) · Thu về {collected} · Phát ra {issued} · "
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
        self.table = ResultsTable()
        self.table.setModel(self.model)
        # Starting a ballot changes everyone's uncounted figure and bar: each cell through the style
        # costs about 100 µs, from a picture a tenth of it.
        self.table.setItemDelegate(PictureDelegate(self.model.look, self.table))
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
        self.top = QHBoxLayout()  # the form's name and its counts share a line: the table keeps the height
        self.top.addWidget(self.title)
        self.top.addWidget(self.reconciliation, 1)
        layout.addLayout(self.top)
        for widget in (self.base, self.table, self.issues, self.blind_note):
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
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 4)

    def wanted_height(self, most_rows: int = 15) -> int:
        """The pane's height with every person shown, up to `most_rows` of them."""
        rows = min(self.model.rowCount(), most_rows)
        table = self.table
        height = (table.horizontalHeader().sizeHint().height() + rows * table.verticalHeader().defaultSectionSize()
                  + 2 * table.frameWidth())
        spacing, margins = self.layout().spacing(), self.layout().contentsMargins()
        width = self.width() - margins.left() - margins.right()  # wrapped lines at the pane's width, not a guess's
        beside = width - self.title.sizeHint().width() - self.top.spacing()
        lines = (max(self.title.sizeHint().height(), self.reconciliation.heightForWidth(beside))
                 + self.base.heightForWidth(width) + self.base.fontMetrics().lineSpacing())  # a line of notes
        return height + lines + 3 * spacing + margins.top() + margins.bottom()

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
    """Full-screen results for the meeting, one form at a time: ←/→ change form, Esc returns.

    The type is as large as the screen allows with every column of every person shown (no
    scrolling); Ctrl++ / Ctrl+- scale it from there and Ctrl+0 fits it again."""

    closed = Signal()
    ZOOM = "projectorZoom"

    def __init__(self, session: RoundSession, first_form: str) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Kết quả kiểm phiếu — trình chiếu"))
        self.session = session
        codes = [f.code for f in session.setup.forms]
        self._codes = codes
        self._index = codes.index(first_form)
        self._zoom = float(QSettings().value(self.ZOOM, 1.0))
        self._fitting = False
        self._flags_fitted = None
        setup = session.setup
        # One label a line: lines of one rich-text label sit too close for stacked diacritics.
        self.heading = [QLabel(setup.header.unit), QLabel(self.tr("KẾT QUẢ LẤY PHIẾU TÍN NHIỆM")), QLabel(setup.title)]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 8)
        for label in self.heading:
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            layout.addWidget(label)
        self.panes = []
        for code in codes:
            pane = ResultsPane(session, code, large=True)
            pane.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            pane.top.setDirection(QBoxLayout.Direction.TopToBottom)  # the counts in large type need the width
            pane.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            pane.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            pane.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            pane.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            pane.table.horizontalHeader().setSectionResizeMode(ResultsModel.BAR, QHeaderView.ResizeMode.Stretch)
            pane.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag.AlignVCenter)
            self.panes.append(pane)
            layout.addWidget(pane, 1)
        self.hint = QLabel(self.tr("← → đổi loại phiếu · Ctrl++ / Ctrl+- cỡ chữ, Ctrl+0 vừa màn hình · Esc trở lại"))
        self.hint.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.hint)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("white"))
        self.setPalette(palette)  # a palette, not a style sheet: a style sheet stops fonts propagating
        self.setAutoFillBackground(True)
        session.resultsChanged.connect(self._results_changed)
        self._show_form()

    def _results_changed(self, form: str) -> None:
        """A threshold crossed (or the rule changed) widens the flags column: fit again."""
        if form == self.pane.form and self.pane.model.flags_shown() != self._flags_fitted:
            self.fit()

    @property
    def pane(self) -> ResultsPane:
        return self.panes[self._index]

    def _show_form(self) -> None:
        for i, pane in enumerate(self.panes):
            pane.setVisible(i == self._index)
        self.fit()

    # -- sizes -----------------------------------------------------------------------------

    def fit(self) -> None:
        """The largest type at which the form's table, its lines and the heading fit the window,
        times the zoom chosen with Ctrl++ / Ctrl+-."""
        if self._fitting or self.width() < 100:
            return
        self._fitting = True
        try:
            low, high = 4.0, 120.0
            for _ in range(9):
                middle = (low + high) / 2
                if self._fits(middle):
                    low = middle
                else:
                    high = middle
            width, height = self._apply(low * self._zoom)
            self._spread_rows(height)
        finally:
            self._fitting = False

    def _spread_rows(self, height: int) -> None:
        """Rows taller, up to twice the type, where the width bound the type and height is left:
        what is left is measured in the table as laid out (the estimate of `height` is not exact,
        and rows spread by it spilled past the screen once the type was made smaller)."""
        pane = self.pane
        rows = pane.model.rowCount()
        margins = self.layout().contentsMargins()
        if pane.blind or rows == 0 or self.height() - margins.top() - margins.bottom() <= height:
            return
        self.layout().activate()
        pane.layout().activate()
        table = pane.table
        header = table.verticalHeader()
        row = header.defaultSectionSize()
        left = table.viewport().height() - rows * row
        taller = min(row + max(left, 0) // rows, 2 * table.fontMetrics().height())
        if taller > row:
            header.setDefaultSectionSize(taller)

    def _fits(self, size: float) -> bool:
        width, height = self._apply(size)
        margins = self.layout().contentsMargins()
        return (width <= self.width() - margins.left() - margins.right()
                and height <= self.height() - margins.top() - margins.bottom())

    def _apply(self, size: float) -> tuple[int, int]:
        """Set every font from the table's size `size` (points); returns the width and height the
        window then needs."""
        pane = self.pane
        base = QFont(self.font())
        base.setPointSizeF(size)

        def scaled(factor: float, bold: bool = False) -> QFont:
            font = QFont(base)
            font.setPointSizeF(size * factor)
            font.setBold(bold)
            return font

        fonts = {self.heading[0]: scaled(0.8, True), self.heading[1]: scaled(0.9, True), self.heading[2]: scaled(0.8),
                 pane.title: scaled(0.9, True), pane.reconciliation: scaled(0.85), pane.base: scaled(0.75),
                 pane.issues: scaled(0.75), pane.blind_note: scaled(0.8), self.hint: scaled(0.5)}
        for label, font in fonts.items():
            if label.font() != font:
                label.setFont(font)
            # A mark over a mark (Ế, Ấ, Ổ) rises above the font's ascent, a dot under a capital (Ậ)
            # reaches its descent, and a label cuts off what it paints outside itself: room for them.
            room = QFontMetrics(font).height() // 4
            if label.contentsMargins().top() != room:
                label.setContentsMargins(0, room, 0, room // 2)
        table = pane.table
        if table.font() != base:
            table.setFont(base)
        header = table.horizontalHeader()
        header_font = scaled(0.6, True)
        if header.font() != header_font:
            header.setFont(header_font)
        metrics, header_metrics = QFontMetrics(base), QFontMetrics(header_font)
        result = self.session.form_results(pane.form)
        rule = self.session.results.rule
        table.setColumnHidden(ResultsModel.PRIOR, all(c.prior is None for c in result.candidates))
        samples = {column: ["0000"] for column in (0, 2, 4, 6, 9)}
        samples[1] = [c.candidate.name for c in result.candidates]
        widest = percent_text(Decimal(100), rule.decimals)
        samples.update({column: [widest] for column in (3, 5, 7)})
        samples[ResultsModel.PRIOR] = [widest + QCoreApplication.translate("ResultsModel", " (nhập tay)")]
        samples[ResultsModel.FLAGS] = [flags_words(rule, c.flags) for c in result.candidates]
        self._flags_fitted = pane.model.flags_shown()
        pad = metrics.horizontalAdvance("0") // 2 + 2
        needed = 2 * table.frameWidth()
        for column in range(pane.model.columnCount()):
            if column == ResultsModel.BAR or table.isColumnHidden(column):
                continue
            heading = str(pane.model.headerData(column, Qt.Orientation.Horizontal))
            wanted = max([metrics.horizontalAdvance(text) for text in samples[column]]
                         + [header_metrics.horizontalAdvance(heading)]) + 2 * pad
            table.setColumnWidth(column, wanted)
            needed += wanted
        needed += 6 * metrics.horizontalAdvance("0")  # the bar, at the least
        row = metrics.height() + max(4, metrics.height() // 4)
        table.verticalHeader().setDefaultSectionSize(row)
        table.verticalHeader().setMinimumSectionSize(row)
        header.setFixedHeight(header_metrics.height() + 8)
        spacing = self.layout().spacing()
        height = 0 if pane.blind else header.height() + len(result.candidates) * row + 2 * table.frameWidth()
        labels = [*self.heading, pane.title, self.hint]
        labels += [pane.blind_note] if pane.blind else [pane.reconciliation, pane.base]
        if pane.issues.isVisibleTo(pane):
            labels.append(pane.issues)
        available = max(self.width() - 48, 100)
        for label in labels:
            height += label.heightForWidth(available) if label.wordWrap() else label.sizeHint().height()
            height += spacing
        margins = pane.layout().contentsMargins()
        height += margins.top() + margins.bottom() + 2 * spacing
        return needed, height

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit()

    def zoom(self, factor: float | None) -> None:
        """Scale the fitted type (None: fit the screen again)."""
        self._zoom = 1.0 if factor is None else min(max(self._zoom * factor, 0.3), 3.0)
        QSettings().setValue(self.ZOOM, self._zoom)
        self.fit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if ctrl and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(1.1)
        elif ctrl and key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom(1 / 1.1)
        elif ctrl and key == Qt.Key.Key_0:
            self.zoom(None)
        elif key == Qt.Key.Key_Escape:
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
