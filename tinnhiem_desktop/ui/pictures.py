"""Painting from pictures: an item view's cells, or a header's sections, drawn once by Qt's own
painting and copied from then on.

Qt draws an item through the style each time (about 60-150 µs a cell with its text laid out
again, and half a dozen calls into Python for the item's roles); a table shows a few distinct
looks many times, and starting or ending a ballot repaints many of them at once. A picture is
keyed by all its painting depends on (what the model says of the item, its state, its size, the
font), and the pictures are forgotten when the font, palette, style or screen change."""

from __future__ import annotations

from typing import Callable, Hashable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRect, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QHeaderView, QStyledItemDelegate, QStyleOptionHeader, QStyleOptionViewItem, QWidget

FORGET = (QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange,
          QEvent.Type.DevicePixelRatioChange, QEvent.Type.LanguageChange)


class Pictures:
    """Pictures by key, at most `limit` of them (past it they are all forgotten)."""

    def __init__(self, limit: int = 2000) -> None:
        self.limit = limit
        self._pictures: dict[Hashable, QPixmap] = {}

    def forget(self) -> None:
        self._pictures.clear()

    def get(self, key: Hashable, widget: QWidget | None, rect: QRect, background,
            draw: Callable[[QPainter], None]) -> QPixmap:
        """The picture for `key`: made by `draw` on a painter translated to `rect`, over `background`."""
        picture = self._pictures.get(key)
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
                self._pictures.clear()
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
        picture = self.pictures.get(key, option.widget, rect, option.palette.base().color(),
                                    lambda on: QStyledItemDelegate.paint(self, on, option, index))
        painter.drawPixmap(rect.topLeft(), picture)


class PictureHeader(QHeaderView):
    """A header whose sections are painted from pictures that Qt's own section painting drew
    once: the key is the style option Qt makes for the section (text, state, position...) and the
    painter's font (the current section's is bold)."""

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
