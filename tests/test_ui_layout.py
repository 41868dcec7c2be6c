"""Sizes for a 1366x768 laptop and for the projector, with a form of 15 people."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt

from tinnhiem_desktop.core.model import Mark
from tinnhiem_desktop.core.spec import setup_from_dict
from tinnhiem_desktop.services.rounds import RoundService
from tinnhiem_desktop.ui.main_window import MainWindow
from tinnhiem_desktop.ui.results import ResultsModel

from conftest import FakeDialogs, spec_dict

MARKS = (Mark.CAO, Mark.TIN_NHIEM, Mark.THAP)
NAMES = ["Nguyễn Văn An", "Hoàng Thị Thu Hà", "Vũ Đức Thắng", "Ngô Minh Khôi", "Bùi Thị Lan", "Đặng Văn Tùng",
         "Trịnh Thị Mai", "Lý Quang Dũng", "Phan Thị Yến", "Tạ Văn Lực", "Cao Thị Hương", "Mai Xuân Trường",
         "Đỗ Hữu Nghĩa", "Lương Thị Ngọc Ánh", "Huỳnh Quốc Bảo"]

POSITIONS = ["Giám đốc Sở", "Phó Giám đốc Sở", "Phó Giám đốc Sở", "Phó Giám đốc Sở", "Chánh Văn phòng",
             "Chánh Thanh tra", "Trưởng phòng Kế hoạch - Tài chính", "Trưởng phòng Quản lý vận tải",
             "Phó Chánh Văn phòng", "Phó Chánh Thanh tra", "Giám đốc Trung tâm Đăng kiểm", "Trưởng Ban Quản lý dự án",
             "Phó Trưởng phòng Quản lý vận tải", "Phó Giám đốc Trung tâm", "Phó Trưởng Ban Quản lý dự án"]


@pytest.fixture
def fifteen(tmp_path) -> Path:
    people = [{"name": name, "position": position} for name, position in zip(NAMES, POSITIONS)]
    form = {"id": "1", "title": "Lãnh đạo", "summoned": 40, "present": 40, "issued": 40, "collected": 40,
            "candidates": people}
    path = tmp_path / "muoi-lam.tinnhiem"
    with RoundService.create(path, setup_from_dict(spec_dict(forms=[form]), "test"), "chuẩn bị") as service:
        for number in range(1, 6):
            service.add_ballot("1", number, {order: MARKS[(order + number) % 3] for order in range(1, 16)})
    return path


def laptop_window(qtbot, path: Path) -> MainWindow:
    window = MainWindow(FakeDialogs(choices=["Phạm Quốc Huy"]))
    qtbot.addWidget(window)
    window.setGeometry(0, 0, 1366, 768)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_round(path)
    qtbot.wait(50)
    return window


def test_at_1366_by_768_a_15_person_ballot_and_its_results_show_without_scrolling(qtbot, settings_dir, fifteen):
    window = laptop_window(qtbot, fifteen)
    tab = window.current_tab()
    view = tab.view
    qtbot.waitUntil(lambda: view.horizontalHeader().length() <= view.viewport().width())
    assert not view.horizontalScrollBar().isVisible()  # every person's cell and the status in sight
    assert view.columnWidth(0) >= view.fontMetrics().horizontalAdvance("Còn 15 ô")
    panel = tab.panel.table
    metrics = panel.fontMetrics()
    for row, position in enumerate(POSITIONS):  # each position whole in its cell, at most two lines, no "…"
        cell = panel.visualRect(panel.model().index(row, 2))
        room = cell.width() - 6  # the cell's text margins
        wrapped = metrics.boundingRect(QRect(0, 0, room, 10_000), Qt.TextFlag.TextWordWrap, position)
        assert panel.item(row, 2).text() == position
        assert wrapped.width() <= room and wrapped.height() <= cell.height(), (position, wrapped, cell)
        assert wrapped.height() <= 2 * metrics.lineSpacing(), position
    row = POSITIONS.index("Trưởng phòng Kế hoạch - Tài chính")
    panel.scrollToItem(panel.item(row, 2))
    qtbot.wait(20)
    cell = panel.visualRect(panel.model().index(row, 2))
    image = panel.viewport().grab(cell).toImage()
    inked = [y for y in range(image.height())
             if any(image.pixelColor(x, y).lightness() < 128 for x in range(image.width()))]
    assert inked and inked[-1] - inked[0] > 1.4 * metrics.height()  # painted on two lines, not one cut short
    results = window.panes_by_form["1"].table
    qtbot.waitUntil(lambda: not results.verticalScrollBar().isVisible())
    assert results.rowViewportPosition(14) + results.rowHeight(14) <= results.viewport().height()


def test_the_projector_fits_every_column_of_15_people_and_ctrl_plus_minus_scale_it(qtbot, settings_dir, fifteen):
    window = laptop_window(qtbot, fifteen)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    projector = window.projector
    qtbot.addWidget(projector)
    qtbot.wait(50)  # full screen: the screen's size
    table = projector.pane.table

    def fitted() -> bool:
        return (table.horizontalHeader().length() <= table.viewport().width()
                and table.verticalHeader().length() <= table.viewport().height())

    qtbot.waitUntil(fitted)
    assert not table.horizontalScrollBar().isVisible() and not table.verticalScrollBar().isVisible()
    flags = table.columnViewportPosition(ResultsModel.FLAGS)
    assert 0 < flags + table.columnWidth(ResultsModel.FLAGS) <= table.viewport().width()  # "Ngưỡng" in full
    size = table.font().pointSizeF()
    assert size > window.font().pointSizeF()
    assert projector.pane.reconciliation.font().pointSizeF() >= 0.8 * size
    assert projector.pane.base.font().pointSizeF() >= 0.7 * size  # the rule's line, readable from the back too
    names = [table.model().index(row, 1).data() for row in range(15)]
    assert all(table.fontMetrics().horizontalAdvance(name) <= table.columnWidth(1) for name in names)
    qtbot.keyClick(projector, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert table.font().pointSizeF() < size
    qtbot.wait(20)
    assert fitted() and not table.verticalScrollBar().isVisible()  # smaller type: still every row in sight
    assert table.rowViewportPosition(14) + table.rowHeight(14) <= table.viewport().height()
    qtbot.keyClick(projector, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert table.font().pointSizeF() == pytest.approx(size)
    qtbot.keyClick(projector, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert table.font().pointSizeF() > size
    qtbot.wait(20)
    assert not fitted()  # the type fitted was the largest the screen holds (to within a tenth)
    qtbot.keyClick(projector, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    heading = projector.heading
    assert heading[0].geometry().bottom() < heading[1].geometry().top()  # one label a line: no collision
    qtbot.keyClick(projector, Qt.Key.Key_Escape)
    assert window.projector is None


def ink_rows(label) -> list[int]:
    """The pixel rows of a label that carry ink (dark pixels)."""
    image = label.grab().toImage()
    return [y for y in range(image.height())
            if any(image.pixelColor(x, y).alpha() > 0 and image.pixelColor(x, y).lightness() < 128
                   for x in range(image.width()))]


def test_the_projector_heading_in_its_largest_type_shows_the_stacked_marks_whole(qtbot, settings_dir, tmp_path):
    """With few people the type is large; "KẾT QUẢ LẤY PHIẾU" carries a mark over a mark, which
    reaches above the font's ascent: the label leaves room for it instead of cutting it off."""
    people = [{"name": name, "position": "Giám đốc"} for name in NAMES[:3]]
    form = {"id": "1", "title": "Lãnh đạo", "summoned": 9, "present": 9, "issued": 9, "collected": 9,
            "candidates": people}
    path = tmp_path / "ba.tinnhiem"
    RoundService.create(path, setup_from_dict(spec_dict(forms=[form]), "test"), "chuẩn bị").close()
    window = laptop_window(qtbot, path)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    projector = window.projector
    qtbot.addWidget(projector)
    qtbot.wait(50)
    for label in projector.heading:
        rows = ink_rows(label)
        assert rows and rows[0] > 0 and rows[-1] < label.height() - 1, label.text()  # no ink cut at an edge
    title = projector.heading[1]
    assert min(ink_rows(title)) >= title.contentsRect().top() - 1
    qtbot.keyClick(projector, Qt.Key.Key_Escape)
