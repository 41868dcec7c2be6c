"""The consolidation window: files and folders in, the check in a worker thread, units and refused
files shown, the report written as .xlsx and PDF."""

from __future__ import annotations

from openpyxl import load_workbook
from pypdf import PdfReader

from tinnhiem_desktop.ui.consolidate_window import ConsolidateWindow

from conftest import FakeDialogs
from unit_rounds import GTVT, TAI_CHINH, Y_TE, two_years_three_units


def test_check_then_write(qtbot, tmp_path):
    folder = tmp_path / "tep"
    two_years_three_units(folder)
    target = tmp_path / "bao-cao" / "tong-hop.xlsx"
    target.parent.mkdir()
    dialogs = FakeDialogs(texts=[str(folder), str(target)])
    window = ConsolidateWindow(dialogs, tmp_path)
    qtbot.addWidget(window)
    assert not window.check_button.isEnabled() and not window.write_button.isEnabled()

    window.add_folder()
    window.unit.setText("SỞ NỘI VỤ")
    window.prepared_by.setText("Ngô Thị Thảo")
    window.number.setText("12")
    with qtbot.waitSignal(window.checked, timeout=20_000):
        window.check_button.click()
    units = [window.units.item(row, 0).text() for row in range(window.units.rowCount())]
    assert units == [GTVT, TAI_CHINH, Y_TE]
    assert window.units.item(0, 3).text() == "có tệp năm 2025" and window.units.item(2, 3).text() == "—"
    refused = {window.refused.item(row, 0).text(): window.refused.item(row, 1).text()
               for row in range(window.refused.rowCount())}
    assert refused["xd-2026-nhap.tinnhiem"] == "Chưa chốt kết quả"
    assert refused["tc-2025.tinnhiem"].startswith("Không nguyên vẹn")
    assert "Năm 2026: 3 đơn vị, 7 người được lấy phiếu; 1 tệp năm 2025; 3 tệp không dùng." == window.status.text()

    assert window.write_button.isEnabled()
    window.write_button.click()
    assert window.written == [target, target.with_suffix(".pdf")]
    assert dialogs.infos[-1].startswith("Đã ghi báo cáo tổng hợp:")
    texts = [c.value for row in load_workbook(target)["Báo cáo"].iter_rows() for c in row if isinstance(c.value, str)]
    assert "SỞ NỘI VỤ" in texts and "Ngô Thị Thảo" in texts
    pdf = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(target.with_suffix(".pdf")).pages)
    assert "Số: 12/BC-......" in pdf


def test_nothing_usable_is_said_in_a_message(qtbot, tmp_path):
    empty = tmp_path / "rong"
    empty.mkdir()
    dialogs = FakeDialogs(texts=[str(empty)])
    window = ConsolidateWindow(dialogs, tmp_path)
    qtbot.addWidget(window)
    window.add_folder()
    window.check_button.click()
    qtbot.waitUntil(lambda: bool(dialogs.errors), timeout=10_000)
    assert dialogs.errors[0].startswith("Không tìm thấy tệp đợt lấy phiếu (.tinnhiem) nào")
    assert not window.write_button.isEnabled()
