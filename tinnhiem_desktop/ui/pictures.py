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
