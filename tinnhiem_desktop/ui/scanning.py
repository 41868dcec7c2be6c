"""Phiếu › Đọc phiếu quét…: a scanner's stack read in a worker thread (with progress, stoppable),
stored in the pass keyed now, then a summary; and the review screen, where each cell the reader
was not sure of is shown beside the person's name and one key (as in the grid) confirms it.

Everything goes through the session (ui/session.py → services/scanning.py); nothing here touches
pixels except to turn the reader's gray images into pixmaps."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QImage, QKeyEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..core.issues import TinNhiemError
from ..core.model import Mark
from .background import Background
from .dialogs import Dialogs
from .i18n import describe_error
from .session import RoundSession
from .tally import DIGIT_MARKS, mark_text

LEVEL_NAMES = (  # the three boxes, as the grid's keys 1, 2, 3
    QT_TRANSLATE_NOOP("scanning", "Cao"), QT_TRANSLATE_NOOP("scanning", "Tín nhiệm"),
    QT_TRANSLATE_NOOP("scanning", "Thấp"),
)


def level_name(index: int) -> str:
    return QCoreApplication.translate("scanning", LEVEL_NAMES[index])
CELL_WIDTH = 600  # px: the cell's three boxes on screen (about 3 times the reader's 6 px/mm)
THUMB_WIDTH = 120
KEEPING = "keeping"  # the worker's progress step while it copies the pages beside the round file


def gray_pixmap(image) -> QPixmap:
    """A gray uint8 image (the reader's numpy array) as a pixmap."""
    data = image.copy()  # contiguous, and owned while the QImage is made
    height, width = data.shape[:2]
    return QPixmap.fromImage(QImage(data.data, width, height, data.strides[0], QImage.Format.Format_Grayscale8).copy())


def _button(text: str) -> QPushButton:
    """A button the keyboard never lands on: Space and digits are the review's own keys."""
    button = QPushButton(text)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setAutoDefault(False)
    return button


class ScanDialog(QDialog):
    """Reads one stack (a PDF or a folder of images) and stores it; then says what was read."""

    stored = Signal(object)  # the ScanReport
    review_wanted = Signal()

    def __init__(self, session: RoundSession, source: Path, keep_images: bool, dialogs: Dialogs,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.source, self.keep_images, self.dialogs = session, Path(source), keep_images, dialogs
        self.report = None
        self.reading = None
        self.cancelled = False
        self._stop = threading.Event()
        self._started = False
        self.background = Background(self)
        self.setWindowTitle(self.tr("Đọc phiếu quét"))
        layout = QVBoxLayout(self)
        self.title = QLabel(self.tr("Đang đọc <b>{file}</b> vào lượt {entry_pass}…").format(
            file=self.source.name, entry_pass=session.entry_pass.value))
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.progress = QProgressBar()
        self.progress.setFormat(self.tr("%v/%m trang"))
        layout.addWidget(self.progress)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary)
        self.aside_label = QLabel()
        self.aside_label.setWordWrap(True)
        self.aside_label.setStyleSheet("color: #a40000; font-weight: bold;")
        self.aside_label.setVisible(False)
        layout.addWidget(self.aside_label)
        self.aside = QListWidget()
        self.aside.setIconSize(QSize(THUMB_WIDTH, int(THUMB_WIDTH * 1.41)))  # an A4 page
        self.aside.setVisible(False)
        layout.addWidget(self.aside, 1)
        buttons = QHBoxLayout()
        self.stop_button = QPushButton(self.tr("&Dừng đọc"))
        self.stop_button.clicked.connect(self.stop)
        self.review_button = QPushButton(self.tr("&Xác nhận các ô cần xem…"))
        self.review_button.clicked.connect(self._review)
        self.review_button.setVisible(False)
        self.close_button = QPushButton(self.tr("Đóng"))
        self.close_button.clicked.connect(self.accept)
        self.close_button.setEnabled(False)
        buttons.addStretch()
        for button in (self.stop_button, self.review_button, self.close_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.resize(640, 260)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._started:
            self._started = True
            QTimer.singleShot(0, self.start)

    def start(self) -> None:
        try:
            self.progress.setRange(0, max(1, self.session.scan_pages(self.source)))
        except TinNhiemError as error:
            self._failed(describe_error(error))
            return
        self.progress.setValue(0)
        self.stop_button.setFocus()
        session, source, stop, keep = self.session, self.source, self._stop, self.keep_images

        def work(progressed):
            from ..services.scanning import ScanCancelled

            try:
                reading = session.read_scans(source, lambda pages: progressed(str(pages)), stop.is_set)
                if keep and not stop.is_set():
                    progressed(KEEPING)
                    return reading, session.keep_scan_images(reading)
                return reading, {}
            except ScanCancelled:
                return None
            except TinNhiemError:
                raise
            except Exception as error:  # never a traceback, never a job that does not report
                raise TinNhiemError("unexpected_error", detail=f"{type(error).__name__}: {error}") from error

        self.background.start(work, self._read, self._failed, self._progressed)

    def stop(self) -> None:
        if self.background.busy:
            self._stop.set()
            self.stop_button.setEnabled(False)
            self.title.setText(self.tr("Đang dừng…"))
        else:
            self.reject()

    def _progressed(self, pages: str) -> None:
        if pages == KEEPING:
            self.title.setText(self.tr("Đang giữ ảnh các trang cạnh tệp đợt…"))
            return
        self.progress.setMaximum(max(self.progress.maximum(), int(pages)))
        self.progress.setValue(int(pages))

    def _read(self, outcome) -> None:
        self.stop_button.setVisible(False)
        self.close_button.setEnabled(True)
        self.close_button.setFocus()
        if outcome is None or self._stop.is_set():  # stopped, or closed while the last page was read
            self.cancelled = True
            self.title.setText(self.tr("Đã dừng đọc: chưa lưu phiếu nào của tệp này."))
            return
        self.reading, kept = outcome
        try:
            self.report = self.session.store_scans(self.source, self.reading, kept)
        except TinNhiemError as error:
            self.title.setText(self.tr("Không lưu được phiếu quét."))
            self.dialogs.error(describe_error(error))
            return
        self._show_summary()
        self.stored.emit(self.report)

    def _failed(self, message: str) -> None:
        self.stop_button.setVisible(False)
        self.close_button.setEnabled(True)
        self.title.setText(self.tr("Không đọc được {file}.").format(file=self.source.name))
        self.dialogs.error(message)

    def _show_summary(self) -> None:
        report = self.report
        self.progress.setValue(self.progress.maximum())
        self.title.setText(self.tr("Đã đọc xong <b>{file}</b>.").format(file=self.source.name))
        lines = [self.tr("Đọc {pages} trang: lưu <b>{ballots}</b> phiếu vào lượt {entry_pass}").format(
            pages=report.pages, ballots=len(report.stored), entry_pass=self.session.entry_pass.value)]
        if report.stored:
            numbers = sorted(number for _form, number in report.stored)
            lines[0] += self.tr(" (phiếu số {first}–{last}, theo thứ tự quét)").format(first=numbers[0], last=numbers[-1])
        lines[0] += "."
        lines.append(self.tr("{accepted} ô máy đọc rõ; <b>{review}</b> ô chờ xác nhận theo phiếu giấy "
                             "(chưa được tính).").format(accepted=report.accepted_cells, review=len(report.review)))
        if report.kept:
            lines.append(self.tr("Ảnh các trang được giữ lại để kiểm tra trong thư mục {folder}.").format(
                folder=f"<i>{self.session.service.path.stem}-anh-quet</i>"))
        for held in report.held_back:
            lines.append("<span style='color:#a40000'>" + self.tr(
                "Giữ lại, chưa lưu: {words} (trang {pages} của tệp quét) — quét lại đủ trang hoặc nhập tay.").format(
                words=held["words"], pages=", ".join(map(str, held["pages"]))) + "</span>")
        self.summary.setText("<br>".join(lines))
        if report.set_aside:
            self.aside_label.setText(self.tr("⚠ {count} trang để riêng, không được đọc: nhập tay các phiếu này "
                                             "(hoặc quét lại).").format(count=len(report.set_aside)))
            self.aside_label.setVisible(True)
            self.aside.setVisible(True)
            images = self._page_images()
            for page in report.set_aside:
                item = QListWidgetItem(self.tr("Trang {page} ({file}): {words}").format(**page))
                image = images.get(page["sha256"])
                if image is not None:
                    item.setIcon(gray_pixmap(image).scaledToWidth(THUMB_WIDTH, Qt.TransformationMode.SmoothTransformation))
                self.aside.addItem(item)
            self.resize(self.width(), 560)
        self.review_button.setVisible(bool(report.review))
        if report.review:
            self.review_button.setFocus()

    def _page_images(self) -> dict:
        reading = self.reading
        pages = [p.page for b in reading.ballots for p in b.pages] + [p.page for p in reading.set_aside]
        pages += [p.page for held in reading.held_back for p in held.pages]
        return {page.sha256: page.image for page in pages}

    def _review(self) -> None:
        self.review_wanted.emit()
        self.accept()

    def done(self, result: int) -> None:  # a reading still running stops before the dialog goes
        self._stop.set()
        self.background.wait()
        super().done(result)


class CellImage(QWidget):
    """The three boxes of one person's cell, enlarged, with the levels' names above them."""

    HEADING = 26

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixmap: QPixmap | None = None
        self._box: tuple[float, float] | None = None  # where the boxes start and end in the image, px
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def show_image(self, pixmap: QPixmap | None, margin: float) -> None:
        self._pixmap = pixmap
        self._margin = margin
        height = (pixmap.height() if pixmap is not None else 90) + self.HEADING
        self.setFixedHeight(height)
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        if self._pixmap is None:
            painter.setPen(QColor("#a40000"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr(
                "Không có ảnh của ô này (ảnh quét không được giữ lại): xem trên phiếu giấy."))
            return
        left = max(0, (self.width() - self._pixmap.width()) // 2)
        painter.drawPixmap(left, self.HEADING, self._pixmap)
        inner = self._pixmap.width() - 2 * self._margin
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#1a1a1a"))
        for k in range(3):
            rect = QRectF(left + self._margin + k * inner / 3, 0, inner / 3, self.HEADING)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"{k + 1} · {level_name(k)}")


class ScanReviewDialog(QDialog):
    """Cell by cell, ballot by ballot: the image of what the reader was not sure of, the person,
    the number to write on the paper; 1/2/3/0/X confirms and shows the next."""

    confirmed = Signal(object, object)  # ReviewCell, Mark

    def __init__(self, session: RoundSession, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.dialogs = session, dialogs
        self.index = 0
        self.done_count = 0
        self.cells = session.scan_review()
        self.setWindowTitle(self.tr("Xác nhận ô của phiếu quét — lượt {entry_pass}").format(
            entry_pass=session.entry_pass.value))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QVBoxLayout(self)
        self.position = QLabel()
        layout.addWidget(self.position)
        self.number = QLabel()
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.8)
        big.setBold(True)
        self.number.setFont(big)
        layout.addWidget(self.number)
        self.where = QLabel()
        self.where.setStyleSheet("color: #555555;")
        layout.addWidget(self.where)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        layout.addWidget(line)
        body = QHBoxLayout()
        left = QVBoxLayout()
        self.person = QLabel()
        person_font = QFont(self.font())
        person_font.setPointSizeF(person_font.pointSizeF() * 1.4)
        self.person.setFont(person_font)
        self.person.setWordWrap(True)
        left.addWidget(self.person)
        self.image = CellImage()
        left.addWidget(self.image)
        self.reading = QLabel()
        self.reading.setWordWrap(True)
        left.addWidget(self.reading)
        self.others = QLabel()
        self.others.setWordWrap(True)
        self.others.setStyleSheet("color: #555555;")
        left.addWidget(self.others)
        left.addStretch()
        body.addLayout(left, 3)
        self.page_view = QLabel()
        self.page_view.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.page_view.setMinimumWidth(260)
        body.addWidget(self.page_view, 2)
        layout.addLayout(body, 1)
        self.keys = QLabel(self.tr(
            "<b>1</b> Cao · <b>2</b> Tín nhiệm · <b>3</b> Thấp · <b>0</b> hoặc <b>Dấu cách</b> Không đánh dấu · "
            "<b>X</b> Nhiều ô (không tính) — xác nhận và sang ô tiếp theo.<br>"
            "<b>←</b>/<b>→</b> ô trước/sau (chưa xác nhận) · <b>Esc</b> đóng (các ô còn lại chờ lần sau)."))
        self.keys.setWordWrap(True)
        self.keys.setStyleSheet("background: #f2f2f2; padding: 6px;")
        layout.addWidget(self.keys)
        buttons = QHBoxLayout()
        buttons.addStretch()
        close = _button(self.tr("Đóng"))
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.resize(1000, 620)
        self._show()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.setFocus()  # the keys are the dialog's own: no button may take them

    # -- showing ---------------------------------------------------------------------------

    @property
    def current(self):
        return self.cells[self.index] if self.index < len(self.cells) else None

    def _show(self) -> None:
        cell = self.current
        if cell is None:
            self.position.setText(self.tr("Đã xác nhận {count} ô.").format(count=self.done_count))
            self.number.setText(self.tr("Không còn ô nào chờ xác nhận"))
            self.where.setText(self.tr("Mọi phiếu quét của lượt {entry_pass} đã được tính.").format(
                entry_pass=self.session.entry_pass.value))
            self.person.setText("")
            self.reading.setText(self.tr("Nhấn Esc để đóng."))
            self.others.setText("")
            self.image.setVisible(False)
            self.page_view.clear()
            return
        self.image.setVisible(True)
        ballot_cells = [c for c in self.cells if (c.form, c.number) == (cell.form, cell.number)]
        self.position.setText(self.tr("Ô {index}/{total} chờ xác nhận · ô {place}/{count} của phiếu này").format(
            index=self.index + 1, total=len(self.cells), place=ballot_cells.index(cell) + 1, count=len(ballot_cells)))
        self.number.setText(self.tr("Phiếu số {number}").format(number=cell.number))
        form = self.session.setup.form(cell.form)
        self.where.setText(self.tr("Loại phiếu {form}: {title} · lượt {entry_pass} · trang {page} của tệp {file} "
                                   "— ghi số này lên phiếu giấy").format(
            form=cell.form, title=form.title, entry_pass=cell.entry_pass.value, page=cell.page, file=cell.file))
        candidate = form.candidate(cell.order)
        self.person.setText(self.tr("Người thứ <b>{order}</b>: <b>{name}</b> — {position}").format(
            order=cell.order, name=candidate.name, position=candidate.position))
        self.reading.setText(self._reading_words(cell))
        page = self.session.scan_page(cell)
        if page is None:
            self.image.show_image(None, 0)
            self.page_view.clear()
            self.others.setText("")
            return
        from ..scan.reader import PX_PER_MM

        pixmap = gray_pixmap(page.cell_image(cell.order))
        zoom = CELL_WIDTH / pixmap.width()
        pixmap = pixmap.scaledToWidth(CELL_WIDTH, Qt.TransformationMode.SmoothTransformation)
        self.image.show_image(pixmap, PX_PER_MM * zoom)
        self._show_page(page, cell)
        empty = [c.order for c in page.cells if c.accepted and c.proposal is Mark.NO_MARK]
        self.others.setText(self.tr("Trên trang này máy đọc là không đánh dấu: người thứ {orders} (khung xanh "
                                    "bên phải) — nếu phiếu giấy khác, sửa trên lưới nhập.").format(
            orders=", ".join(map(str, empty))) if empty else "")

    def _reading_words(self, cell) -> str:
        fills = " · ".join(f"{level_name(k)} {share * 100:.1f}%".replace(".", ",")
                           for k, share in enumerate(cell.fills))
        if cell.reading == "several":
            what = self.tr("Máy đọc: <b>nhiều ô được đánh dấu</b>")
        elif cell.proposal:
            what = self.tr("Máy đọc: <b>không chắc chắn</b> — đoán {guess}").format(guess=mark_text(Mark(cell.proposal)))
        else:
            what = self.tr("Máy đọc: <b>không chắc chắn</b> — không đoán được")
        return what + "<br>" + self.tr("Độ đậm của mực trong từng ô: {fills}").format(fills=fills)

    def _show_page(self, page, cell) -> None:
        """The whole copy, small, with the person's row framed (and the rows read as empty)."""
        pixmap = gray_pixmap(page.upright)
        scale = min(1.0, 300 / pixmap.width(), 440 / pixmap.height())
        pixmap = pixmap.scaled(int(pixmap.width() * scale), int(pixmap.height() * scale),
                               Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        painter = QPainter(pixmap)
        for other in page.cells:
            if other.order == cell.order or (other.accepted and other.proposal is Mark.NO_MARK):
                x, y, w, h = (v * scale for v in other.box)
                painter.setPen(QPen(QColor("#d00000" if other.order == cell.order else "#0060c0"), 2))
                painter.drawRect(QRectF(2, y - 1, pixmap.width() - 4, h + 2) if other.order == cell.order
                                 else QRectF(x - 1, y - 1, w + 2, h + 2))
        painter.end()
        self.page_view.setPixmap(pixmap)

    # -- keys ------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers()
        plain = not modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                                 | Qt.KeyboardModifier.ShiftModifier)
        if plain and key in DIGIT_MARKS and self.current is not None:
            self.confirm(DIGIT_MARKS[key])
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown) and self.cells:
            self.index = min(self.index + 1, len(self.cells) - 1)
            self._show()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp) and self.cells:
            self.index = max(self.index - 1, 0)
            self._show()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current is None:
            self.accept()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            pass  # never a default button: Enter is the keyers' next-ballot key, not "close"
        else:
            super().keyPressEvent(event)

    def confirm(self, mark: Mark) -> None:
        cell = self.current
        try:
            self.session.confirm_scan_cell(cell, mark)
        except TinNhiemError as error:
            self.dialogs.error(describe_error(error))
            return
        self.done_count += 1
        self.confirmed.emit(cell, mark)
        self.cells = self.session.scan_review()
        self.index = min(self.index, len(self.cells))
        self._show()
