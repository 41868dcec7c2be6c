"""The tally grid: one row per paper ballot, one column per candidate, keyed from the keyboard.

Keys: 1 2 3 set the mark and move on; 0 or Space = no mark; X = more than one mark; after the
last candidate the next ballot starts; Backspace clears and steps back; Shift+1/2/3 fills the
cells not yet keyed from here to the end; Ctrl+I invalidates the whole ballot.
"""

from __future__ import annotations

import bisect
from typing import Callable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, QSize, Qt, Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPixmap, QStaticText, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSizePolicy,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionHeader,
    QStyleOptionViewItem,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.issues import TinNhiemError
from ..core.model import Ballot, BallotForm, BallotStatus, Mark
from ..core.results import round_rule
from .commands import AddBallot, RemoveBallot, SetMarks, SetStatus
from .dialogs import Dialogs
from .i18n import describe_error, wording
from .pictures import PictureHeader, PictureTable
from .session import RoundSession

MARK_TEXT = {
    Mark.CAO: QT_TRANSLATE_NOOP("tally", "1 Cao"),
    Mark.TIN_NHIEM: QT_TRANSLATE_NOOP("tally", "2 TN"),
    Mark.THAP: QT_TRANSLATE_NOOP("tally", "3 Thấp"),
    Mark.NO_MARK: QT_TRANSLATE_NOOP("tally", "0 Trống"),
    Mark.MULTI: QT_TRANSLATE_NOOP("tally", "X Nhiều"),
}
MARK_WORDS = {
    Mark.CAO: QT_TRANSLATE_NOOP("tally", "Tín nhiệm cao"),
    Mark.TIN_NHIEM: QT_TRANSLATE_NOOP("tally", "Tín nhiệm"),
    Mark.THAP: QT_TRANSLATE_NOOP("tally", "Tín nhiệm thấp"),
    Mark.NO_MARK: QT_TRANSLATE_NOOP("tally", "Không đánh dấu"),
    Mark.MULTI: QT_TRANSLATE_NOOP("tally", "Đánh dấu nhiều ô"),
}
MARK_COLOUR = {
    Mark.CAO: QColor("#c8e6c9"),
    Mark.TIN_NHIEM: QColor("#bbdefb"),
    Mark.THAP: QColor("#ffcdd2"),
    Mark.NO_MARK: QColor("#e0e0e0"),
    Mark.MULTI: QColor("#e1bee7"),
}
INVALID_COLOUR = QColor("#bdbdbd")
INCOMPLETE_COLOUR = QColor("#fff3c4")
MARK_BRUSH = {mark: QBrush(colour) for mark, colour in MARK_COLOUR.items()}
INVALID_BRUSH, INCOMPLETE_BRUSH = QBrush(INVALID_COLOUR), QBrush(INCOMPLETE_COLOUR)
CURRENT_BRUSH = QBrush(QColor("#fff59d"))
DISPLAY, BACKGROUND, ALIGNMENT, TOOLTIP = (
    int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.BackgroundRole),
    int(Qt.ItemDataRole.TextAlignmentRole), int(Qt.ItemDataRole.ToolTipRole),
)
GRID_ROLES = frozenset((DISPLAY, BACKGROUND, ALIGNMENT, TOOLTIP))
CENTRED = int(Qt.AlignmentFlag.AlignCenter)
INVALID_REASONS = [  # offered translated, stored in Vietnamese: the minutes print the reason
    QT_TRANSLATE_NOOP("tally", "Không phải phiếu do {team} phát ra"),  # the team as the rule names it
    QT_TRANSLATE_NOOP("tally", "Phiếu không có dấu của cơ quan, tổ chức"),
    QT_TRANSLATE_NOOP("tally", "Phiếu gạch tên, ghi thêm tên hoặc viết thêm nội dung"),
    QT_TRANSLATE_NOOP("tally", "Lý do khác..."),
]

DIGIT_MARKS = {
    Qt.Key.Key_1: Mark.CAO,
    Qt.Key.Key_2: Mark.TIN_NHIEM,
    Qt.Key.Key_3: Mark.THAP,
    Qt.Key.Key_0: Mark.NO_MARK,
    Qt.Key.Key_Space: Mark.NO_MARK,
    Qt.Key.Key_X: Mark.MULTI,
}
SHIFTED_DIGITS = {  # Shift+1/2/3 as a US-layout keyboard reports them, and as a keypad does
    Qt.Key.Key_Exclam: Mark.CAO,
    Qt.Key.Key_At: Mark.TIN_NHIEM,
    Qt.Key.Key_NumberSign: Mark.THAP,
    Qt.Key.Key_1: Mark.CAO,
    Qt.Key.Key_2: Mark.TIN_NHIEM,
    Qt.Key.Key_3: Mark.THAP,
}


def short_name(name: str) -> str:
    """The given name, the last word of a Vietnamese full name."""
    return name.split()[-1] if name.split() else name


def mark_text(mark: Mark | None) -> str:
    """A grid cell's text: '1 Cao', '2 TN'...; '' for a cell not keyed."""
    return QCoreApplication.translate("tally", MARK_TEXT[mark]) if mark is not None else ""


def mark_words(mark: Mark) -> str:
    return QCoreApplication.translate("tally", MARK_WORDS[mark])


def status_text(ballot: Ballot | None, size: int) -> str:
    if ballot is None:
        return QCoreApplication.translate("tally", "Phiếu mới")
    if ballot.status is BallotStatus.INVALID:
        return QCoreApplication.translate("tally", "Không hợp lệ: {reason}").format(reason=ballot.invalid_reason)
    if len(ballot.marks) == size:
        return QCoreApplication.translate("tally", "Hợp lệ")
    return QCoreApplication.translate("tally", "Còn {count} ô").format(count=size - len(ballot.marks))


class BallotTableModel(QAbstractTableModel):
    """Rows: the form's ballots by number, then a row for the next ballot (while counting).

    A change repaints the cells it changed only: a view paints every cell it is told of, and a
    whole row or the number column laid out again costs several keystrokes' budget."""

    STATUS = 0

    def __init__(self, session: RoundSession, form: str, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.form: BallotForm = session.setup.form(form)
        self._ballots = session.ballots(form)
        self._numbers = [b.number for b in self._ballots]
        self._next = session.next_ballot_number(form)
        self._next_rows = 0 if session.read_only else 1  # fixed for the model's life: sealing rebuilds the views
        self._size = len(self.form.candidates)
        self._mark_texts = {mark: mark_text(mark) for mark in Mark}
        self.short_marks = False
        session.ballotAdded.connect(self._added)
        session.ballotUpdated.connect(self._updated)
        session.ballotRemoved.connect(self._removed)

    # -- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        if parent.isValid():
            return 0
        return len(self._ballots) + self._next_rows

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 1 + self._size

    def look(self, row: int, column: int) -> tuple[str, QBrush | None]:
        """A cell's text and colour, all its painting depends on besides its column (the marks are
        centred, the status is not). The colours are this module's brushes."""
        ballot = self._ballots[row] if row < len(self._ballots) else None
        invalid = ballot is not None and ballot.status is BallotStatus.INVALID
        if column == self.STATUS:
            if ballot is None:
                return status_text(None, self._size), None
            if invalid:
                return status_text(ballot, self._size), INVALID_BRUSH
            return status_text(ballot, self._size), INCOMPLETE_BRUSH if len(ballot.marks) < self._size else None
        if invalid:
            return "—", INVALID_BRUSH
        mark = ballot.marks.get(column) if ballot is not None else None
        return ("", None) if mark is None else (self._mark_texts[mark], MARK_BRUSH[mark])

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in GRID_ROLES or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == DISPLAY:
            return self.look(row, column)[0]
        if role == BACKGROUND:
            return self.look(row, column)[1]
        if column == self.STATUS:
            return None
        if role == ALIGNMENT:
            return CENTRED
        ballot = self.ballot_at(row)
        mark = ballot.marks.get(column) if ballot is not None else None
        candidate = self.form.candidate(column)
        state = mark_words(mark) if mark is not None else self.tr("chưa nhập")
        return self.tr("Phiếu số {number} — {order}. {name}, {position}: {state}").format(
            number=self.number_at(row), order=candidate.order, name=candidate.name,
            position=candidate.position, state=state,
        )

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(self.number_at(section)) + ("" if self.ballot_at(section) else " +")
            return None
        if section == self.STATUS:
            return self.tr("Trạng thái") if role == Qt.ItemDataRole.DisplayRole else None
        candidate = self.form.candidate(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{candidate.order}\n{short_name(candidate.name)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{candidate.order}. {candidate.name} — {candidate.position}"
        return None

    def set_short_marks(self, short: bool) -> None:
        """Cells written '1', '2', '3', '0', 'X' (short) or '1 Cao', '2 TN'... (the colour, the
        tooltip and the paper panel say the same): short where the columns are too narrow."""
        if short == self.short_marks:
            return
        self.short_marks = short
        self._mark_texts = {mark: mark_text(mark).split()[0] if short else mark_text(mark) for mark in Mark}
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 1), self.index(self.rowCount() - 1, self._size), [DISPLAY])

    # -- lookups ---------------------------------------------------------------------------

    def ballot_at(self, row: int) -> Ballot | None:
        return self._ballots[row] if 0 <= row < len(self._ballots) else None

    def number_at(self, row: int) -> int:
        ballot = self.ballot_at(row)
        return ballot.number if ballot else self.next_number()

    def next_number(self) -> int:
        """The number the round gives the next ballot (a station keys its own range)."""
        return self._next

    def row_of(self, number: int) -> int:
        row = bisect.bisect_left(self._numbers, number)
        return row if row < len(self._numbers) and self._numbers[row] == number else -1

    def row_for(self, number: int) -> int:
        """The row of ballot `number`; the next ballot's row for the next number; else the row a
        ballot of that number would take."""
        if number == self._next and self._next_rows:
            return self.rowCount() - 1
        return bisect.bisect_left(self._numbers, number)

    @property
    def ballots(self) -> list[Ballot]:
        return list(self._ballots)

    # -- session signals -------------------------------------------------------------------

    def _added(self, ballot: Ballot) -> None:
        if ballot.form != self.form.code:
            return
        row = bisect.bisect_left(self._numbers, ballot.number)
        self._next = self.session.next_ballot_number(self.form.code)
        if row == len(self._ballots) and self._next_rows:
            # The "next ballot" row becomes this ballot; a new "next ballot" row follows it.
            self.beginInsertRows(QModelIndex(), row + 1, row + 1)
            self._ballots.append(ballot)
            self._numbers.append(ballot.number)
            self.endInsertRows()
            self._repaint_changes(row, None, ballot)
            self.headerDataChanged.emit(Qt.Orientation.Vertical, row, row)
            return
        self.beginInsertRows(QModelIndex(), row, row)
        self._ballots.insert(row, ballot)
        self._numbers.insert(row, ballot.number)
        self.endInsertRows()
        last = self.rowCount() - 1
        self.headerDataChanged.emit(Qt.Orientation.Vertical, last, last)

    def _updated(self, ballot: Ballot) -> None:
        if ballot.form != self.form.code:
            return
        row = self.row_of(ballot.number)
        old, self._ballots[row] = self._ballots[row], ballot
        self._repaint_changes(row, old, ballot)

    def _repaint_changes(self, row: int, old: Ballot | None, new: Ballot) -> None:
        """Tell the view of the cells of `row` that differ from `old` (None: the empty next row)."""
        if (old.status if old else BallotStatus.VALID) is not new.status:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self._size))
            return
        before = old.marks if old else {}
        changed = [order for order in before.keys() | new.marks.keys() if before.get(order) != new.marks.get(order)]
        self.dataChanged.emit(self.index(row, self.STATUS), self.index(row, self.STATUS))
        if changed:
            self.dataChanged.emit(self.index(row, min(changed)), self.index(row, max(changed)))

    def _removed(self, form: str, number: int) -> None:
        if form != self.form.code:
            return
        row = self.row_of(number)
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._ballots[row]
        del self._numbers[row]
        self._next = self.session.next_ballot_number(form)
        self.endRemoveRows()
        last = self.rowCount() - 1
        self.headerDataChanged.emit(Qt.Orientation.Vertical, last, last)


class AppendedRows:
    """Whether the only change to a model since a view last laid itself out was rows appended at
    the end (a ballot started: the row for the next one). Qt lays the whole view out again then,
    repainting every cell and section shown, where only the appended rows are new."""

    def __init__(self, model: QAbstractTableModel) -> None:
        self._model = model
        self._first: int | None = -1  # None: nothing since the last layout; -1: a change of another kind
        model.rowsInserted.connect(self._inserted)
        for signal in (model.rowsRemoved, model.rowsMoved, model.columnsInserted, model.columnsRemoved,
                       model.columnsMoved, model.layoutChanged, model.modelReset):
            signal.connect(self._other)

    def _inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if parent.isValid() or last != self._model.rowCount() - 1:
            self._first = -1
        elif self._first is None:
            self._first = first

    def _other(self, *_args) -> None:
        self._first = -1

    def take(self) -> int | None:
        """The first row appended when rows were appended only, else None (lay out as Qt does)."""
        first, self._first = self._first, None
        return first if first is not None and first >= 0 else None


class GridHeader(PictureHeader):
    """A grid header sized from a sample: the widest number of a next ballot across, a
    candidate's two-line heading down (Qt's own size hint re-reads the text of up to 200
    sections each time a row is added), its sections painted from pictures (leaving a ballot
    repaints some twenty of them, at about 140 µs each through the style)."""

    SAMPLE = "00000 +\n0"

    def __init__(self, orientation: Qt.Orientation) -> None:
        super().__init__(orientation)
        self.setSectionsClickable(True)  # as the table's own headers: a click selects, the current one is bold
        self.setHighlightSections(True)

    appended: "AppendedRows | None" = None  # set once the table has its model

    def doItemsLayout(self) -> None:
        """Rows appended change nothing across and only the new sections down: Qt's own layout
        would repaint every section."""
        first = self.appended.take() if self.appended is not None else None
        if first is None:
            super().doItemsLayout()
        elif self.orientation() == Qt.Orientation.Vertical:
            self.updateGeometries()
            top = max(self.sectionViewportPosition(first), 0)
            if top < self.viewport().height():
                self.viewport().update(0, top, self.viewport().width(), self.viewport().height() - top)

    def sizeHint(self) -> QSize:
        option = QStyleOptionHeader()
        option.initFrom(self)
        option.text = self.SAMPLE
        return self.style().sizeFromContents(QStyle.ContentsType.CT_HeaderSection, option, QSize(), self)


class CellPainter(QStyledItemDelegate):
    """Paints each grid cell from a picture of it that Qt's own item painting drew once.

    A cell looks the way its `BallotTableModel.look()` (text and colour), its column, its state
    (current, selected, focused, active window) and its size say, and a grid shows a handful of
    distinct cells: drawing them
    through the style each time costs about 60 µs a cell, and starting or ending a ballot
    repaints the whole grid (about 170 cells: over half a keystroke's budget). The pictures are
    forgotten when the font, palette, style or screen change."""

    LIMIT = 2000  # distinct pictures kept (status texts vary with each invalid ballot's reason)

    def __init__(self, model: BallotTableModel, parent: QWidget) -> None:
        super().__init__(parent)
        self._model = model
        self._pictures: dict[tuple, QPixmap] = {}

    def forget(self) -> None:
        self._pictures.clear()

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        rect, column = option.rect, index.column()
        text, brush = self._model.look(index.row(), column)
        key = (column == BallotTableModel.STATUS, text, id(brush), option.state.value, rect.width(), rect.height())
        picture = self._pictures.get(key)
        if picture is None:
            picture = self._keep(key, self._draw(option, index))
        painter.drawPixmap(rect.topLeft(), picture)

    def picture(self, key: tuple) -> QPixmap | None:
        """The picture kept for `key` (as `paint` makes it: status column, text, colour, state,
        width, height), None when not drawn yet."""
        return self._pictures.get(key)

    def draw(self, key: tuple, option: QStyleOptionViewItem, index: QModelIndex) -> QPixmap:
        """Draw and keep the picture for `key` of the cell `index` painted with `option`."""
        return self._keep(key, self._draw(option, index))

    def _keep(self, key: tuple, picture: QPixmap) -> QPixmap:
        if len(self._pictures) >= self.LIMIT:
            self._pictures.clear()
        self._pictures[key] = picture
        return picture

    def _draw(self, option: QStyleOptionViewItem, index: QModelIndex) -> QPixmap:
        """The cell as the styled delegate paints it on the view's background."""
        rect = option.rect
        ratio = option.widget.devicePixelRatioF() if option.widget is not None else 1.0
        picture = QPixmap(max(1, round(rect.width() * ratio)), max(1, round(rect.height() * ratio)))
        picture.setDevicePixelRatio(ratio)
        picture.fill(option.palette.base().color())
        painter = QPainter(picture)
        painter.translate(-rect.topLeft())  # not a copy of `option` with another rect: PySide crashes on it
        super().paint(painter, option, index)
        painter.end()
        return picture


class TallyView(PictureTable):
    """A table that hands the keying keys to its controller and keeps the rest (arrows...); it
    paints larger regions in one loop from the cell pictures (`PictureTable`)."""

    FORGET = (QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange,
              QEvent.Type.DevicePixelRatioChange, QEvent.Type.LanguageChange)

    def __init__(self, controller: "TallyTab") -> None:
        super().__init__()
        self.controller = controller
        self.setHorizontalHeader(GridHeader(Qt.Orientation.Horizontal))
        self.setVerticalHeader(GridHeader(Qt.Orientation.Vertical))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(False)
        self.setTabKeyNavigation(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

    def setModel(self, model) -> None:
        super().setModel(model)
        self.cells = CellPainter(model, self)
        self.setItemDelegate(self.cells)
        self.appended = AppendedRows(model)
        self.horizontalHeader().appended = AppendedRows(model)
        self.verticalHeader().appended = AppendedRows(model)

    def doItemsLayout(self) -> None:
        """After rows appended only, the scroll bars are fitted, the cells shown are moved where the
        view scrolled (a view at the bottom stays there: the new row shows) and the new rows are
        painted; Qt's own layout repaints every cell shown (a third of a keystroke's budget)."""
        first = self.appended.take()
        if first is None:
            super().doItemsLayout()
            return
        down, across, bar = self.verticalHeader(), self.horizontalHeader().offset(), self.verticalScrollBar()
        before, at_bottom = down.offset(), 0 < bar.maximum() == bar.value()
        self.updateGeometries()  # Qt moves the headers' offsets, not the cells already painted
        if at_bottom and bar.value() != bar.maximum():
            bar.blockSignals(True)  # the cells are moved below, once, from where they were painted
            bar.setValue(bar.maximum())
            bar.blockSignals(False)
            down.setOffsetToLastSection()
        if self.horizontalHeader().offset() != across:
            self.viewport().update()
            return
        if down.offset() != before:
            self.viewport().scroll(0, before - down.offset())
        top = max(self.rowViewportPosition(first), 0)
        if top < self.viewport().height():
            self.viewport().update(0, top, self.viewport().width(), self.viewport().height() - top)

    def changeEvent(self, event) -> None:
        if event.type() in self.FORGET:
            self.cells.forget()
        super().changeEvent(event)

    def picture_key(self, row: int, column: int, state: int, width: int, height: int) -> tuple:
        text, brush = self.model().look(row, column)
        return (column == BallotTableModel.STATUS, text, id(brush), state, width, height)  # as CellPainter's

    def picture(self, key: tuple) -> QPixmap | None:
        return self.cells.picture(key)

    def draw_picture(self, key: tuple, option: QStyleOptionViewItem, index: QModelIndex) -> QPixmap:
        return self.cells.draw(key, option, index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.controller.handle_key(event):
            super().keyPressEvent(event)


class StatusLine(QWidget):
    """One line of rich text, repainted in place. A QLabel asks the whole window to lay itself
    out again at each new text, which costs milliseconds on every keystroke."""

    def __init__(self) -> None:
        super().__init__()
        self._text = QStaticText()
        self._text.setTextFormat(Qt.TextFormat.RichText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        return self._text.text()

    def set_text(self, text: str) -> None:
        if text != self._text.text():
            self._text.setText(text)
            self.update()

    def sizeHint(self) -> QSize:
        return QSize(0, self.fontMetrics().height() + 2)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def resizeEvent(self, event) -> None:
        self._text.setTextWidth(self.width())  # else rich text is wrapped to a width of Qt's choosing

    def paintEvent(self, event) -> None:
        QPainter(self).drawStaticText(0, 1, self._text)


class WrappedText(QStyledItemDelegate):
    """Text wrapped between words in its cell: only the column that needs it pays for laying the
    text out in lines (the boxes and notes repainted at each keystroke are drawn on one line)."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText


class BallotPanel(QWidget):
    """The current ballot laid out like the paper: candidates top to bottom, three boxes each."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("BallotPanel", "STT"),
        QT_TRANSLATE_NOOP("BallotPanel", "Họ và tên"),
        QT_TRANSLATE_NOOP("BallotPanel", "Chức vụ"),
        QT_TRANSLATE_NOOP("BallotPanel", "Tín nhiệm\ncao"),
        QT_TRANSLATE_NOOP("BallotPanel", "Tín nhiệm"),
        QT_TRANSLATE_NOOP("BallotPanel", "Tín nhiệm\nthấp"),
        QT_TRANSLATE_NOOP("BallotPanel", "Ghi chú"),
    )
    BOX = {Mark.CAO: 3, Mark.TIN_NHIEM: 4, Mark.THAP: 5}

    def __init__(self, form: BallotForm) -> None:
        super().__init__()
        self.form = form
        self.title = StatusLine()
        self.table = QTableWidget(len(form.candidates), len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("BallotPanel", text) for text in self.COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for row, candidate in enumerate(form.candidates):
            for column, text in enumerate((str(candidate.order), candidate.name, candidate.position, "", "", "", "")):
                item = QTableWidgetItem(text)
                if column >= 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        self.table.setWordWrap(False)
        self._wrapping = WrappedText(self.table)  # a long position takes two lines (or more), never cut short
        self.table.setItemDelegateForColumn(2, self._wrapping)
        for row, candidate in enumerate(form.candidates):
            self.table.item(row, 2).setToolTip(candidate.position)
            self.table.item(row, 1).setToolTip(candidate.name)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(self._position_resized)
        self.apply_sizes()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        self._shown: dict[int, tuple[Mark | None, bool, bool]] = {}  # row: mark, current, invalid
        self._notes = {None: self.tr("chưa nhập"), Mark.NO_MARK: self.tr("không đánh dấu"), Mark.MULTI: self.tr("nhiều ô"),
                       "invalid": self.tr("không hợp lệ")}  # translated once: a new ballot shows 60 of them

    NOTES = (QT_TRANSLATE_NOOP("BallotPanel", "không hợp lệ"), QT_TRANSLATE_NOOP("BallotPanel", "chưa nhập"),
             QT_TRANSLATE_NOOP("BallotPanel", "không đánh dấu"), QT_TRANSLATE_NOOP("BallotPanel", "nhiều ô"))

    def apply_sizes(self) -> None:
        """Columns measured from the type (once, and on a change of size: re-measuring the
        contents on every keystroke is slow); the position takes what is left."""
        metrics = self.table.fontMetrics()
        bold = QFont(self.table.font())
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        pad = 2 * metrics.horizontalAdvance("0")
        header_metrics = QFontMetrics(self.table.horizontalHeader().font())

        def heading(column: int) -> int:
            text = QCoreApplication.translate("BallotPanel", self.COLUMNS[column])
            return max(header_metrics.horizontalAdvance(line) for line in text.split("\n")) + pad

        names = [c.name for c in self.form.candidates] or [""]
        widths = {
            0: max(metrics.horizontalAdvance(str(len(self.form.candidates))), 0) + pad,
            1: max(bold_metrics.horizontalAdvance(name) for name in names) + pad,
            6: max(metrics.horizontalAdvance(QCoreApplication.translate("BallotPanel", note)) for note in self.NOTES) + pad,
        }
        widths.update({column: max(heading(column), metrics.horizontalAdvance("X") + pad) for column in (3, 4, 5)})
        for column, width in widths.items():
            self.table.setColumnWidth(column, max(width, heading(column)))
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 6)
        self.table.horizontalHeader().setFixedHeight(2 * header_metrics.height() + 8)
        positions = [c.position for c in self.form.candidates] or [""]
        self._position_width = max(metrics.horizontalAdvance(p) for p in positions) + pad
        self._two_lines_width = max(map(self._two_lines, positions)) + pad
        self._fixed_width = sum(self.table.columnWidth(c) for c in (0, 1, 3, 4, 5, 6)) + 2 * self.table.frameWidth() \
            + self.table.verticalScrollBar().sizeHint().width()
        self._fit_rows()

    def _two_lines(self, position: str) -> int:
        """The narrowest width that holds `position` in two lines, broken between words."""
        metrics = self.table.fontMetrics()
        words = position.split()
        return min((max(metrics.horizontalAdvance(" ".join(words[:k])), metrics.horizontalAdvance(" ".join(words[k:])))
                    for k in range(1, len(words))), default=metrics.horizontalAdvance(position))

    def _position_resized(self, column: int, _old: int, _new: int) -> None:
        if column == 2:
            self._fit_rows()

    def _fit_rows(self) -> None:
        """Each row as tall as its position needs at the column's width, wrapped between words
        (the position is not made bold in the current person's row: its height stays)."""
        metrics = self.table.fontMetrics()
        line = metrics.height() + 6
        width = max(self.table.columnWidth(2) - 8, 1)  # less the cell's text margins
        flags = int(Qt.TextFlag.TextWordWrap)
        for row, candidate in enumerate(self.form.candidates):
            text = metrics.boundingRect(0, 0, width, 10_000, flags, candidate.position).height()
            height = max(line, text + 6)
            if self.table.rowHeight(row) != height:
                self.table.setRowHeight(row, height)

    def preferred_width(self) -> int:
        """Wide enough for every column, the longest position included."""
        return self._fixed_width + self._position_width

    def least_width(self) -> int:
        """Narrowest before a position takes more than two lines."""
        return self._fixed_width + min(self._position_width, self._two_lines_width)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "_fixed_width"):
            self.apply_sizes()

    def show_ballot(self, ballot: Ballot | None, number: int, current_order: int) -> None:
        """Show a ballot, touching only the boxes, notes and highlights that change: each item
        changed is a repaint, and a new ballot clears all 60 rows at once."""
        size = len(self.form.candidates)
        self.title.set_text(self.tr("<b>Phiếu số {number}</b> — {status}").format(
            number=number, status=status_text(ballot, size)))
        invalid = ballot is not None and ballot.status is BallotStatus.INVALID
        for row, candidate in enumerate(self.form.candidates):
            mark = None if ballot is None or invalid else ballot.marks.get(candidate.order)
            current = candidate.order == current_order
            shown = self._shown.get(row)
            if shown == (mark, current, invalid):
                continue
            self._shown[row] = (mark, current, invalid)
            if shown is None or shown[0] is not mark or shown[2] != invalid:
                self._show_mark(row, mark, invalid, shown[0] if shown else None)
            if shown is None or shown[1] != current:
                font = self.table.item(row, 1).font()
                font.setBold(current)
                for column in range(3):  # the position keeps its weight: its wrapped height stays
                    if column < 2:
                        self.table.item(row, column).setFont(font)
                    self.table.item(row, column).setBackground(CURRENT_BRUSH if current else QBrush())
        if 1 <= current_order <= size:
            self.table.scrollToItem(self.table.item(current_order - 1, 0))

    def _show_mark(self, row: int, mark: Mark | None, invalid: bool, before: Mark | None) -> None:
        """One row's boxes and note, where they differ from those of the mark shown `before`
        (empty boxes, as at the start, for None)."""
        for box_mark, column in self.BOX.items():
            ticked = mark is box_mark or mark is Mark.MULTI
            if ticked != (before is box_mark or before is Mark.MULTI) or (mark is box_mark) != (before is box_mark):
                item = self.table.item(row, column)
                item.setText("X" if ticked else "")
                item.setBackground(MARK_BRUSH[box_mark] if mark is box_mark else QBrush())
        note = self._notes["invalid"] if invalid else self._notes.get(mark, "")
        item = self.table.item(row, 6)
        if item.text() != note:
            item.setText(note)


class TallyTab(QWidget):
    """One ballot form: the candidate line, the grid and the paper panel, and the keying rules."""

    message = Signal(str)

    def __init__(
        self,
        session: RoundSession,
        form: str,
        undo: QUndoStack,
        dialogs: Dialogs,
        undo_failed: Callable[[TinNhiemError], None],
    ) -> None:
        super().__init__()
        self.session = session
        self.undo = undo
        self.dialogs = dialogs
        self._undo_failed = undo_failed
        self._holding = self._stale = False  # while a key is acted on, the current ballot is shown after it
        self.model = BallotTableModel(session, form, self)
        self.form = self.model.form
        self.candidate_line = StatusLine()
        self.view = TallyView(self)
        self.view.setModel(self.model)
        self.panel = BallotPanel(self.form)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.candidate_line)
        layout.addWidget(splitter, 1)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        session.ballotUpdated.connect(self._ballot_changed)
        session.ballotAdded.connect(self._ballot_changed)
        session.ballotRemoved.connect(self._ballot_removed)
        self.apply_sizes()
        resume = self._unfinished_cell()
        self.resumes_ballot = resume is not None
        self.go_to(*(resume or (max(self.model.rowCount() - 1, 0), 1)))

    # -- navigation ------------------------------------------------------------------------

    def apply_sizes(self) -> None:
        """Row and column sizes from the type, then the grid and the paper panel shared out."""
        metrics = self.view.fontMetrics()
        pad = metrics.horizontalAdvance("0")
        self.view.verticalHeader().setDefaultSectionSize(metrics.height() + 6)
        size = len(self.form.candidates)
        statuses = [status_text(None, size), QCoreApplication.translate("tally", "Hợp lệ"),
                    QCoreApplication.translate("tally", "Còn {count} ô").format(count=size),
                    QCoreApplication.translate("tally", "Không hợp lệ: {reason}").format(reason="").strip(" :")]
        self.view.setColumnWidth(BallotTableModel.STATUS, max(map(metrics.horizontalAdvance, statuses)) + 2 * pad)
        bold = QFont(self.view.font())
        bold.setBold(True)  # the current person's heading
        header = QFontMetrics(bold)
        names = [short_name(c.name) for c in self.form.candidates] or [""]
        self._full_column = max([metrics.horizontalAdvance(mark_text(mark)) for mark in Mark]
                                + [header.horizontalAdvance(name) for name in names]) + pad + 4
        self._least_column = max(header.horizontalAdvance(str(size)), metrics.horizontalAdvance("X")) + 2 * pad
        self._short_text = max(metrics.horizontalAdvance(mark_text(mark)) for mark in Mark) + pad
        self.view.horizontalHeader().setMinimumHeight(2 * header.height() + 8)
        self.panel.apply_sizes()
        self.share_width()

    def share_width(self) -> None:
        """All of a ballot's columns in the grid where the window allows, the paper panel the
        rest: the panel first gives up the length of the positions, then the grid its cells' words
        ('1' for '1 Cao') and the size of the given names' type."""
        margins = self.layout().contentsMargins() if self.layout() else None
        width = self.width() - (margins.left() + margins.right() if margins else 0)
        size = len(self.form.candidates)
        if width < 200 or size == 0:
            return
        view = self.view
        fixed = (view.verticalHeader().sizeHint().width() + view.columnWidth(BallotTableModel.STATUS)
                 + 2 * view.frameWidth() + view.verticalScrollBar().sizeHint().width() + 2)
        room = width - self.splitter.handleWidth()
        full = fixed + size * self._full_column
        if full + self.panel.least_width() <= room:
            column = self._full_column
        else:
            column = max(self._least_column, (room - self.panel.least_width() - fixed) // size)
        grid = fixed + size * column
        header = view.horizontalHeader()
        header.setDefaultSectionSize(column)
        short = column < self._short_text
        self.model.set_short_marks(short)
        font = QFont(view.font())
        if short:  # narrow columns: the given names in smaller type, cut at the column's edge
            font.setPointSizeF(font.pointSizeF() * 0.85)
        if header.font() != font:
            header.setFont(font)
        self.splitter.setSizes([min(grid, room), max(room - grid, 0)])

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.share_width()

    def current(self) -> tuple[int, int]:
        index = self.view.currentIndex()
        if not index.isValid():
            return max(self.model.rowCount() - 1, 0), 1
        return index.row(), max(index.column(), 1)

    def go_to(self, row: int, order: int) -> None:
        row = min(max(row, 0), self.model.rowCount() - 1)
        order = min(max(order, 1), len(self.form.candidates))
        index = self.model.index(row, order)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def go_to_ballot(self, number: int, order: int) -> None:
        self.go_to(self.model.row_for(number), order)

    def _unfinished_cell(self) -> tuple[int, int] | None:
        """The first empty cell of the last ballot keyed, when it is valid and unfinished (the
        window was closed, or crashed, in the middle of it)."""
        row = self.model.row_of(self.model.next_number() - 1)
        ballot = self.model.ballot_at(row)
        if ballot is None or ballot.status is BallotStatus.INVALID:
            return None
        empty = next((c.order for c in self.form.candidates if c.order not in ballot.marks), None)
        return None if empty is None else (row, empty)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_current()

    def _ballot_changed(self, ballot: Ballot) -> None:
        if ballot.form == self.form.code:
            self._show_current()

    def _ballot_removed(self, form: str, _number: int) -> None:
        if form == self.form.code:
            self._show_current()

    def _show_current(self) -> None:
        if self._holding:
            self._stale = True
            return
        row, order = self.current()
        candidate = self.form.candidate(order)
        total = len(self.form.candidates)
        self.candidate_line.set_text(
            self.tr("Phiếu số <b>{number}</b> · Người thứ <b>{order}/{total}</b>: <b>{name}</b> — {position}").format(
                number=self.model.number_at(row), order=order, total=total, name=candidate.name,
                position=candidate.position,
            )
        )
        self.panel.show_ballot(self.model.ballot_at(row), self.model.number_at(row), order)

    # -- keys ------------------------------------------------------------------------------

    def handle_key(self, event: QKeyEvent) -> bool:
        """Act on a key; the candidate line and the paper panel are shown once, after all the
        key changed (a keystroke changes the ballot, then moves the cursor: each would show them)."""
        self._holding, self._stale = True, False
        try:
            return self._act_on_key(event)
        finally:
            self._holding = False
            if self._stale:
                self._show_current()

    def _act_on_key(self, event: QKeyEvent) -> bool:
        key, modifiers = event.key(), event.modifiers()
        shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        if ctrl and key == Qt.Key.Key_Home:
            self.go_to(0, 1)
        elif ctrl and key == Qt.Key.Key_End:
            self.go_to(self.model.rowCount() - 1, 1)
        elif ctrl or modifiers & Qt.KeyboardModifier.AltModifier:
            return False
        elif self.session.read_only and (key in DIGIT_MARKS or key in SHIFTED_DIGITS
                                         or key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete)):
            sealed = self.session.service.info.sealed
            self.message.emit(self.tr("Đợt lấy phiếu đã chốt kết quả: không thể nhập thêm.") if sealed
                              else self.tr("Tệp đang mở ở chế độ chỉ xem: không thể nhập."))
        elif key == Qt.Key.Key_Home:
            self.go_to(self.current()[0], 1)
        elif key == Qt.Key.Key_End:
            self.go_to(self.current()[0], len(self.form.candidates))
        elif shift and key in SHIFTED_DIGITS:
            self.fill_rest(SHIFTED_DIGITS[key])
        elif key in DIGIT_MARKS and not shift:
            self.key_mark(DIGIT_MARKS[key])
        elif key == Qt.Key.Key_Backspace:
            self.clear_back()
        elif key == Qt.Key.Key_Delete:
            self.clear_here()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            row, _ = self.current()
            self.go_to(row + 1, 1)
        else:
            return False
        return True

    # -- actions ---------------------------------------------------------------------------

    def key_mark(self, mark: Mark) -> None:
        row, order = self.current()
        number = self.model.number_at(row)
        if self._set(row, {order: mark}, self.tr("Nhập {mark}").format(mark=mark_words(mark).lower())):
            self._advance(number, order)

    def fill_rest(self, mark: Mark) -> None:
        row, order = self.current()
        ballot = self.model.ballot_at(row)
        keyed = ballot.marks if ballot else {}
        orders = [o for o in range(order, len(self.form.candidates) + 1) if o not in keyed]
        text = self.tr("Điền {mark} cho các ô còn lại").format(mark=mark_words(mark).lower())
        number = self.model.number_at(row)
        if orders and self._set(row, {o: mark for o in orders}, text):
            self.go_to(self._row_after(number), 1)

    def clear_here(self) -> None:
        row, order = self.current()
        ballot = self.model.ballot_at(row)
        if ballot and order in ballot.marks:
            self._set(row, {order: None}, self.tr("Xóa ô"))

    def clear_back(self) -> None:
        row, order = self.current()
        ballot = self.model.ballot_at(row)
        if not (ballot and order in ballot.marks):
            if order > 1:
                order -= 1
            elif row > 0:
                row, order = row - 1, len(self.form.candidates)
            self.go_to(row, order)
            ballot = self.model.ballot_at(row)
        if ballot and order in ballot.marks:
            self._set(row, {order: None}, self.tr("Xóa ô"))

    def invalidate(self) -> None:
        row, _ = self.current()
        ballot = self.model.ballot_at(row)
        number = self.model.number_at(row)
        if ballot is not None and ballot.status is BallotStatus.INVALID:
            self.message.emit(self.tr("Phiếu số {number} đã là phiếu không hợp lệ.").format(number=number))
            return
        title = self.tr("Phiếu không hợp lệ")
        question = self.tr("Lý do phiếu số {number} không hợp lệ:").format(number=number)
        team = round_rule(self.session.setup).team_name
        offered = [QCoreApplication.translate("tally", reason).format(team=wording(team))
                   for reason in INVALID_REASONS]
        chosen = self.dialogs.choose(title, question, offered)
        index = None if chosen is None else offered.index(chosen)
        reason = None if index is None else INVALID_REASONS[index].format(team=team)
        if index == len(INVALID_REASONS) - 1:
            reason = self.dialogs.ask_text(title, question)
        if not reason or not reason.strip():
            return
        text = self.tr("Phiếu số {number} không hợp lệ").format(number=number)
        if ballot is None:
            done = self._perform(lambda: self.session.add_ballot(self.form.code, number, invalid_reason=reason))
            if done:
                self.undo.push(AddBallot(self.session, text, self._undo_failed, done))
        else:
            done = self._perform(lambda: self.session.invalidate(self.form.code, number, reason))
            if done:
                self.undo.push(SetStatus(self.session, text, self._undo_failed, ballot, done))
        if done:
            self.go_to(self._row_after(number), 1)

    def restore(self) -> None:
        row, _ = self.current()
        ballot = self.model.ballot_at(row)
        if ballot is None or ballot.status is BallotStatus.VALID:
            return
        done = self._perform(lambda: self.session.restore(self.form.code, ballot.number, None))
        if done:
            text = self.tr("Khôi phục phiếu số {number}").format(number=ballot.number)
            self.undo.push(SetStatus(self.session, text, self._undo_failed, ballot, done))
            self.go_to(row, 1)

    def delete_ballot(self) -> None:
        row, order = self.current()
        ballot = self.model.ballot_at(row)
        if ballot is None:
            return
        if not self.dialogs.confirm(
            self.tr("Xóa phiếu số {number} khỏi loại phiếu '{form}'?\nSố của các phiếu khác không thay đổi.").format(
                number=ballot.number, form=self.form.title)
        ):
            return
        done = self._perform(lambda: self.session.remove(self.form.code, ballot.number))
        if done:
            text = self.tr("Xóa phiếu số {number}").format(number=ballot.number)
            self.undo.push(RemoveBallot(self.session, text, self._undo_failed, done))
            self.go_to(row, order)

    def _set(self, row: int, marks: dict[int, Mark | None], text: str) -> bool:
        ballot = self.model.ballot_at(row)
        number = self.model.number_at(row)
        if ballot is None:
            new = {o: m for o, m in marks.items() if m is not None}
            if not new:
                return False
            done = self._perform(lambda: self.session.add_ballot(self.form.code, number, new))
            if done:
                self.undo.push(AddBallot(self.session, self._step(number, text), self._undo_failed, done))
            return done is not None
        if ballot.status is BallotStatus.INVALID:
            self.message.emit(
                self.tr("Phiếu số {number} không hợp lệ: khôi phục phiếu trước khi nhập (menu Phiếu).").format(number=number)
            )
            return False
        old = {o: ballot.marks.get(o) for o in marks}
        if old == marks:
            return True  # keyed as it already was: nothing to write, nothing to undo
        done = self._perform(lambda: self.session.set_marks(self.form.code, number, marks))
        if done:
            self.undo.push(SetMarks(self.session, self._step(number, text), self._undo_failed,
                                    self.form.code, number, old, marks))
        return done is not None

    def _step(self, number: int, text: str) -> str:
        """The undo stack's name for one keying step on a ballot."""
        return self.tr("Phiếu số {number}: {action}").format(number=number, action=text.lower())

    def _advance(self, number: int, order: int) -> None:
        if order < len(self.form.candidates):
            self.go_to(self.model.row_of(number), order + 1)
        else:
            self.go_to(self._row_after(number), 1)

    def _row_after(self, number: int) -> int:
        """The row keying goes on to after a ballot: the next row, or after the newest ballot the
        row for the next one (a station's numbers may sort before ballots copied from the master)."""
        if self.model.next_number() == number + 1:
            return self.model.rowCount() - 1
        return self.model.row_of(number) + 1

    def _perform(self, action):
        try:
            return action()
        except TinNhiemError as error:
            self._failed(error)
            return None

    def _failed(self, error: TinNhiemError) -> None:
        self.dialogs.error(describe_error(error))
