"""Painting from pictures: an item view's cells, or a header's sections, drawn once by Qt's own
painting and copied from then on.

Qt draws an item through the style each time (about 60-150 µs a cell with its text laid out
again, and half a dozen calls into Python for the item's roles); a table shows a few distinct
looks many times, and starting or ending a ballot repaints many of them at once. A picture is
keyed by all its painting depends on (what the model says of the item, its state, its size, the
font), and the pictures are forgotten when the font, palette, style or screen change."""

from __future__ import annotations

from typing import Callable, Hashable

from PySide6.QtCore import QEvent, QLineF, QModelIndex, QObject, QRect, Qt
from PySide6.QtGui import QColor, QCursor, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QHeaderView, QStyle, QStyledItemDelegate, QStyleOptionHeader, QStyleOptionViewItem, QTableView, QWidget,
)

FORGET = (QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange,
          QEvent.Type.DevicePixelRatioChange, QEvent.Type.LanguageChange)


class Pictures:
    """Pictures by key, at most `limit` of them: past it the quarter used longest ago is forgotten
    (forgetting all at once would have the next repaint draw every cell again)."""

    def __init__(self, limit: int = 2000) -> None:
        self.limit = limit
        self._pictures: dict[Hashable, QPixmap] = {}

    def forget(self) -> None:
        self._pictures.clear()

    def peek(self, key: Hashable) -> QPixmap | None:
        picture = self._pictures.pop(key, None)
        if picture is not None:
            self._pictures[key] = picture  # the most recently used last
        return picture

    def get(self, key: Hashable, widget: QWidget | None, rect: QRect, background,
            draw: Callable[[QPainter], None]) -> QPixmap:
        """The picture for `key`: made by `draw` on a painter translated to `rect`, over `background`."""
        picture = self.peek(key)
        if picture is None:
            ratio = widget.devicePixelRatioF() if widget is not None else 1.0
            picture = QPixmap(max(1, round(rect.width() * ratio)), max(1, round(rect.height() * ratio)))
            picture.setDevicePixelRatio(ratio)
            picture.fill(background)
            painter = QPainter(picture)
            painter.translate(-rect.topLeft())  # not a copy of the option with another rect: PySide crashes on it
            draw(painter)
            painter.end()
            if len(self._pictures) >= self.limit:
                for old in list(self._pictures)[: max(self.limit // 4, 1)]:
                    del self._pictures[old]
            self._pictures[key] = picture
        return picture


class PictureDelegate(QStyledItemDelegate):
    """Paints each cell of a view from a picture of it that the styled delegate drew once.

    `look(index)` says all a cell's painting depends on besides its state and size (its text,
    colour, alignment...). The delegate watches its view for changes of font, palette, style,
    language and screen."""

    drawn_each_time = False  # True: painted as the styled delegate paints, for comparing

    def __init__(self, look: Callable[[QModelIndex], Hashable], view: QWidget) -> None:
        super().__init__(view)
        self._look = look
        self.pictures = Pictures()
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in FORGET:
            self.pictures.forget()
        return False

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        if self.drawn_each_time:
            super().paint(painter, option, index)
            return
        rect = option.rect
        key = (self._look(index), option.state.value, rect.width(), rect.height())
        painter.drawPixmap(rect.topLeft(), self.draw(key, option, index))

    def picture(self, key: Hashable) -> QPixmap | None:
        """The picture kept for `key` (what `look` says, the state, the width and height)."""
        return self.pictures.peek(key)

    def draw(self, key: Hashable, option: QStyleOptionViewItem, index: QModelIndex) -> QPixmap:
        """The picture for `key`, drawn with `option` when not kept yet."""
        return self.pictures.get(key, option.widget, option.rect, option.palette.base().color(),
                                 lambda on: QStyledItemDelegate.paint(self, on, option, index))


class PictureHeader(QHeaderView):
    """A header whose sections are painted from pictures that Qt's own section painting drew
    once: the key is the style option Qt makes for the section (text, state, position...; the
    current section's state makes its text bold) and the painter's font."""

    drawn_each_time = False  # True: painted as QHeaderView paints, for comparing

    def __init__(self, orientation: Qt.Orientation) -> None:
        super().__init__(orientation)
        self.pictures = Pictures(500)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in FORGET:
            self.pictures.forget()
        super().changeEvent(event)

    def paintEvent(self, event) -> None:
        """The sections of the area to paint, copied from their pictures in one loop. Qt's own
        painting asks the model and the selection about each section, a dozen calls into Python
        (about 70 µs a section, and leaving a ballot scrolls back across some twenty); here the key
        is what `initStyleOptionForIndex` makes of them: the text, the selection around the
        section and where it sits. Qt paints whenever that is not all that matters: the mouse over
        the header (hover, press), a sort indicator, moved or hidden sections, right to left, an
        area past the last section, a selection of more than one range."""
        model, selection = self.model(), self.selectionModel()
        count, area = self.count(), event.rect()
        horizontal = self.orientation() == Qt.Orientation.Horizontal
        ranges = selection.selection() if selection is not None else []
        if (self.drawn_each_time or model is None or count == 0 or self.underMouse() or len(ranges) > 1
                or self.isSortIndicatorShown() or self.sectionsMoved() or self.hiddenSectionCount()
                or self.isRightToLeft()):
            super().paintEvent(event)
            return
        low, high = (area.left(), area.right()) if horizontal else (area.top(), area.bottom())
        first, last = self.visualIndexAt(low), self.visualIndexAt(high)
        first, last = max(first, 0), last if last != -1 else count - 1
        if self.sectionViewportPosition(last) + self.sectionSize(last) - 1 < high:
            super().paintEvent(event)  # Qt draws the empty area past the last section
            return
        chosen = ranges[0] if ranges else None
        across = (model.rowCount() if horizontal else model.columnCount()) - 1  # the other way's last index

        def touched(section: int) -> bool:  # a selected cell in this row or column: Qt says State_On
            if chosen is None:
                return False
            return (chosen.left() <= section <= chosen.right()) if horizontal else (chosen.top() <= section <= chosen.bottom())

        def whole(section: int) -> bool:  # the whole row or column selected: State_Sunken, selectedPosition
            if not touched(section):
                return False
            return (chosen.top() == 0 and chosen.bottom() == across) if horizontal else \
                (chosen.left() == 0 and chosen.right() == across)

        option = QStyleOptionHeader()
        self.initStyleOption(option)
        viewport = self.viewport()
        font, base = viewport.font(), option.state.value
        width, height = viewport.width(), viewport.height()
        orientation, background = self.orientation(), viewport.palette().color(viewport.backgroundRole())
        painter = QPainter(viewport)
        for logical in range(first, last + 1):
            position, size = self.sectionViewportPosition(logical), self.sectionSize(logical)
            rect = QRect(position, 0, size, height) if horizontal else QRect(0, position, width, size)
            key = ("loop", logical, model.headerData(logical, orientation), touched(logical), whole(logical),
                   whole(logical - 1), whole(logical + 1), logical == count - 1, base, font.key(), rect.width(),
                   rect.height())
            picture = self.pictures.get(key, self, rect, background, lambda on, rect=rect, logical=logical: (
                on.setFont(font), QHeaderView.paintSection(self, on, rect, logical)))
            painter.drawPixmap(rect.topLeft(), picture)
        painter.end()

    def paintSection(self, painter: QPainter, rect: QRect, logical: int) -> None:
        if self.drawn_each_time or not rect.isValid():
            super().paintSection(painter, rect, logical)
            return
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        self.initStyleOptionForIndex(option, logical)
        font = painter.font()
        key = (option.text, option.state.value, option.position.value, option.selectedPosition.value,
               int(option.textAlignment.value), option.sortIndicator.value, option.icon.cacheKey(),
               font.key(), rect.width(), rect.height())
        picture = self.pictures.get(key, self, rect, self.viewport().palette().color(self.viewport().backgroundRole()),
                                    lambda on: (on.setFont(font), QHeaderView.paintSection(self, on, rect, logical)))
        painter.drawPixmap(rect.topLeft(), picture)


class PictureTable(QTableView):
    """A table view that paints a region of more than a few cells in one loop, copying each cell
    from its picture, then the grid lines, as QTableView paints them.

    Qt's own painting goes through the model and the delegate for each cell, a handful of calls
    into Python (25-60 µs a cell); leaving a ballot scrolls the grid back to its first person and
    repaints some 250 cells, starting one repaints everyone's uncounted figure and bar. Qt paints a
    region of a few cells (a keystroke's own: the loop's set-up costs more), and the table when it
    holds anything the loop does not reproduce (hidden or moved sections, right to left); both
    paint the same pictures. A subclass says how a cell's picture is keyed, kept and drawn; a key
    of None paints the cell through its delegate."""

    drawn_by_qt = False  # True: Qt's own table painting cell by cell, for comparing
    FEW_CELLS = 12

    def picture_key(self, row: int, column: int, state: int, width: int, height: int) -> Hashable | None:
        raise NotImplementedError

    def picture(self, key: Hashable) -> QPixmap | None:
        raise NotImplementedError

    def draw_picture(self, key: Hashable, option: QStyleOptionViewItem, index: QModelIndex) -> QPixmap:
        raise NotImplementedError

    def paint_directly(self, painter: QPainter, row: int, column: int, rect: QRect, state: int) -> bool:
        """Paint a cell without a picture (its key was None) the way its delegate would, when that
        is quick to do here; False: it goes through the style's row panel and the delegate."""
        return False

    def paintEvent(self, event) -> None:
        model, down, across = self.model(), self.verticalHeader(), self.horizontalHeader()
        cell = max(across.defaultSectionSize() * down.defaultSectionSize(), 1)
        few = sum(rect.width() * rect.height() for rect in event.region()) <= self.FEW_CELLS * cell
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        headers_hidden = down.isHidden() or across.isHidden()
        if (self.drawn_by_qt or few or model is None or model.rowCount() == 0 or model.columnCount() == 0
                or self.isRightToLeft() or down.hiddenSectionCount() or across.hiddenSectionCount()
                or down.sectionsMoved() or across.sectionsMoved() or self.isSortingEnabled()
                or (headers_hidden and self.style().styleHint(
                    QStyle.StyleHint.SH_Table_AlwaysDrawLeftTopGridLines, option, self))):
            super().paintEvent(event)
            return
        base = option.state
        enabled = bool(base & QStyle.StateFlag.State_Enabled)
        viewport = self.viewport()
        current = self.currentIndex()
        current = (current.row(), current.column()) if current.isValid() else None
        focused = (self.hasFocus() or viewport.hasFocus()) and current is not None
        selection = self.selectionModel()
        selected = {(i.row(), i.column()) for i in selection.selectedIndexes()} if selection is not None else set()
        hover = None
        if viewport.testAttribute(Qt.WidgetAttribute.WA_Hover) and viewport.underMouse():
            under = self.indexAt(viewport.mapFromGlobal(QCursor.pos()))
            hover = (under.row(), under.column()) if under.isValid() else None
        grid = self.showGrid()
        size = 1 if grid else 0
        x_end = across.length() - across.offset() - 1
        y_end = down.length() - down.offset() - 1
        key_of, picture_of = self.picture_key, self.picture
        painter = QPainter(viewport)
        drawn: set[tuple[int, int]] = set()
        for area in event.region():
            area.setBottom(min(area.bottom(), y_end))
            area.setRight(min(area.right(), x_end))
            if not area.isValid():
                continue
            left, right = across.visualIndexAt(area.left()), across.visualIndexAt(area.right())
            left, right = max(left, 0), right if right != -1 else across.count() - 1
            top, bottom = down.visualIndexAt(area.top()), down.visualIndexAt(area.bottom())
            bottom = bottom if bottom != -1 else down.count() - 1
            if top == -1 or top > bottom:
                continue
            columns = [(column, self.columnViewportPosition(column), self.columnWidth(column) - size)
                       for column in range(left, right + 1)]
            for row in range(top, bottom + 1):
                y, height = self.rowViewportPosition(row), self.rowHeight(row) - size
                for column, x, width in columns:
                    if (row, column) in drawn:
                        continue
                    drawn.add((row, column))
                    state = base
                    if (row, column) in selected:
                        state |= QStyle.StateFlag.State_Selected
                    if (row, column) == hover:
                        state |= QStyle.StateFlag.State_MouseOver
                    if focused and (row, column) == current:
                        state |= QStyle.StateFlag.State_HasFocus
                    key = key_of(row, column, state.value, width, height)
                    if key is None and self.paint_directly(painter, row, column, QRect(x, y, width, height),
                                                           state.value):
                        continue
                    picture = picture_of(key) if key is not None else None
                    if picture is None:
                        cell = QStyleOptionViewItem(option)
                        cell.rect = QRect(x, y, width, height)
                        cell.state = state
                        if enabled:
                            cell.palette.setCurrentColorGroup(QPalette.ColorGroup.Normal)
                        index = model.index(row, column)
                        if key is None:  # as QTableView draws a cell: the row's panel, then the delegate
                            self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewRow, cell, painter, self)
                            self.itemDelegateForIndex(index).paint(painter, cell, index)
                            continue
                        picture = self.draw_picture(key, cell, index)
                    painter.drawPixmap(x, y, picture)
            if grid:
                self._paint_grid_lines(painter, option, area, top, bottom, columns)
        painter.end()

    def _paint_grid_lines(self, painter: QPainter, option: QStyleOptionViewItem, area: QRect, top: int,
                          bottom: int, columns: list[tuple[int, int, int]]) -> None:
        """The lines below each row and right of each column of `area`, as QTableView draws them."""
        hint = self.style().styleHint(QStyle.StyleHint.SH_Table_GridLineColor, option, self)
        painter.save()
        painter.setPen(QPen(QColor.fromRgba(hint & 0xFFFFFFFF), 1, self.gridStyle()))
        for row in range(top, bottom + 1):
            y = self.rowViewportPosition(row) + self.rowHeight(row) - 1
            painter.drawLine(QLineF(area.left(), y, area.right(), y).translated(0.5, 0.5))
        for _column, x, width in columns:
            painter.drawLine(QLineF(x + width, area.top(), x + width, area.bottom()).translated(0.5, 0.5))
        painter.restore()
