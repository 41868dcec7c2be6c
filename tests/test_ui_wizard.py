"""The round wizard, driven offscreen as a user would: fields, key presses, clipboard and files."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QLabel, QTableWidgetItem, QWizard

from conftest import spec_dict
from tinnhiem_desktop.core.checks import quorum_issues
from tinnhiem_desktop.core.model import (
    BallotForm,
    Candidate,
    Counts,
    Header,
    HeaderStyle,
    Meeting,
    RoundSetup,
    TeamMember,
)
from tinnhiem_desktop.core.rules import PRESETS
from tinnhiem_desktop.core.spec import setup_from_dict
from tinnhiem_desktop.export.wording import FLAG_NAMES
from tinnhiem_desktop.services.candidates import read_table
from tinnhiem_desktop.ui.i18n import install_translation, sentence
from tinnhiem_desktop.ui.wizard import CandidateImportDialog, PageId, RoundWizard
from tinnhiem_desktop.ui.wizard.forms_page import FormEditor


class FakeDialogs:
    """Answers modal questions from queues, and records every question asked."""

    def __init__(self) -> None:
        self.answers: dict[str, list] = {"confirm": [], "open_file": [], "save_file": [], "ask_text": [], "choose": []}
        self.asked: list[tuple] = []

    def _answer(self, kind: str, *args):
        self.asked.append((kind, *args))
        return self.answers[kind].pop(0)

    def error(self, text: str) -> None:
        self.asked.append(("error", text))

    def warning(self, text: str) -> None:
        self.asked.append(("warning", text))

    def info(self, text: str) -> None:
        self.asked.append(("info", text))

    def confirm(self, text: str) -> bool:
        return self._answer("confirm", text)

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        return self._answer("ask_text", title, label, text)

    def choose(self, title: str, label: str, items: list[str], current: int = 0) -> str | None:
        return self._answer("choose", title, label, items, current)

    def open_file(self, title: str, folder: Path, name_filter: str) -> Path | None:
        return self._answer("open_file", title, folder, name_filter)

    def save_file(self, title: str, path: Path, name_filter: str) -> Path | None:
        return self._answer("save_file", title, path, name_filter)


def type_text(widget, text: str) -> None:
    """Type any text, Vietnamese included (qtbot.keyClicks aborts on non-ASCII)."""
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, text))


def set_cells(table, row: int, values: dict[int, str]) -> None:
    while table.rowCount() <= row:
        table.insertRow(table.rowCount())
    for column, text in values.items():
        item = table.item(row, column)
        if item is None:
            table.setItem(row, column, QTableWidgetItem(text))
        else:
            item.setText(text)


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def wizard(qtbot, dialogs, tmp_path, settings_dir) -> RoundWizard:
    wizard = RoundWizard(dialogs, tmp_path)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def fill_info(wizard: RoundWizard) -> None:
    page = wizard.info_page
    page.year_spin.setValue(2026)
    page.style_combo.setCurrentIndex(page.style_combo.findData("state"))
    page.parent_edit.setText("ỦY BAN NHÂN DÂN TỈNH AN PHÚ")
    page.unit_edit.setText("SỞ GIAO THÔNG VẬN TẢI")
    page.date_edit.setDate(QDate(2026, 11, 27))
    page.place_edit.setText("Hội trường tầng 3")
    page.chair_edit.setText("Trần Văn Bình")
    page.preparer_edit.setText("Nguyễn Thị Mai")


def fill_team(wizard: RoundWizard) -> None:
    table = wizard.team_page.table
    table.item(0, 0).setText("Lê Thị Hồng")
    wizard.team_page.add_member()
    table.item(1, 0).setText("Phạm Quốc Huy")


def fill_forms(wizard: RoundWizard) -> None:
    editor = wizard.forms_page.current_editor()
    editor.title_edit.setText("Lãnh đạo Sở")
    set_cells(editor.table, 0, {1: "Nguyễn Văn An", 2: "Giám đốc Sở", 3: "1970", 4: "an"})
    set_cells(editor.table, 1, {1: "Hoàng Thị Thu Hà", 2: "Phó Giám đốc Sở"})


def go_to(wizard: RoundWizard, page: PageId) -> None:
    fillers = {PageId.INFO: fill_info, PageId.TEAM: fill_team, PageId.FORMS: fill_forms}
    while wizard.currentId() != page:
        fillers.get(PageId(wizard.currentId()), lambda w: None)(wizard)
        current = wizard.currentId()
        wizard.next()
        assert wizard.currentId() != current, wizard.currentPage().problem_label.text()


# -- page a: round information --------------------------------------------------------------


def test_next_is_refused_without_a_unit_and_the_page_says_why(wizard):
    wizard.next()
    page = wizard.info_page
    assert wizard.currentId() == PageId.INFO
    assert page.problem_label.isVisible()
    assert "Chưa nhập tên đơn vị" in page.problem_label.text()
    assert page.unit_edit.hasFocus()


def test_typing_the_unit_and_enter_goes_to_the_next_page(qtbot, wizard):
    page = wizard.info_page
    page.preparer_edit.setText("Nguyễn Thị Mai")
    wizard.next()
    page.unit_edit.setFocus()
    type_text(page.unit_edit, "SỞ GIAO THÔNG VẬN TẢI")
    assert page.problem_label.isHidden()
    qtbot.keyClick(page.unit_edit, Qt.Key.Key_Return)
    assert wizard.currentId() == PageId.RULES
    assert page.header().unit == "SỞ GIAO THÔNG VẬN TẢI"


def test_the_default_title_follows_the_year_until_edited(wizard):
    page = wizard.info_page
    page.year_spin.setValue(2027)
    assert page.title() == "Hội nghị lấy phiếu tín nhiệm năm 2027"
    page.title_edit.selectAll()
    type_text(page.title_edit, "Hội nghị cán bộ")
    page.year_spin.setValue(2028)
    assert page.title() == "Hội nghị cán bộ"


def test_title_is_required(wizard):
    fill_info(wizard)
    wizard.info_page.title_edit.clear()
    wizard.next()
    assert wizard.currentId() == PageId.INFO
    assert wizard.info_page.problem_label.text() == "Chưa nhập tên hội nghị."


def test_meeting_date_is_stored_iso_and_text_nfc(wizard):
    fill_info(wizard)
    wizard.info_page.place_edit.setText(unicodedata.normalize("NFD", "  Hội trường  tầng 3 "))
    meeting = wizard.info_page.meeting()
    assert meeting == Meeting("2026-11-27", "Hội trường tầng 3", "Trần Văn Bình")
    assert wizard.info_page.date_edit.displayFormat() == "dd/MM/yyyy"


# -- page b: counting rules ----------------------------------------------------------------


def test_the_preset_is_described_in_words(wizard):
    page = wizard.rules_page
    page.preset_combo.setCurrentIndex(page.preset_combo.findData("qd-96-2023"))
    text = page.description_label.text()
    assert PRESETS["qd-96-2023"].source in text
    assert "tổng số phiếu thu về" in text
    assert FLAG_NAMES["thap_over_half"] in text and FLAG_NAMES["thap_two_thirds_or_more"] in text
    assert "Hội nghị hợp lệ khi có mặt từ 2/3 số người được triệu tập" in text
    page.preset_combo.setCurrentIndex(page.preset_combo.findData("nq-35-2012"))
    text = page.description_label.text()
    assert "tổng số người được triệu tập" in text and "2/3 số người" not in text
    assert FLAG_NAMES["thap_over_half_two_years"] in text


def test_an_override_shows_in_words_and_sets_the_setup(wizard):
    page = wizard.rules_page
    page.preset_combo.setCurrentIndex(page.preset_combo.findData("qd-262-2014"))
    assert page.override_label.isHidden()
    assert (page.percent_base(), page.decimals()) == (None, None)
    page.base_combo.setCurrentIndex(page.base_combo.findData("present"))
    page.decimals_spin.setValue(1)
    assert not page.override_label.isHidden()
    text = page.override_label.text()
    assert text.startswith("Đã điều chỉnh so với quy tắc gốc")
    assert "tổng số người có mặt" in text and "1 chữ số thập phân" in text
    assert (page.rule_id(), page.percent_base(), page.decimals()) == ("qd-262-2014", "present", 1)


def test_choosing_the_presets_own_base_is_no_override(wizard):
    page = wizard.rules_page
    page.preset_combo.setCurrentIndex(page.preset_combo.findData("nq-85-2014"))
    page.base_combo.setCurrentIndex(page.base_combo.findData("summoned"))
    assert page.percent_base() is None
    assert page.override_label.isHidden()


# -- page c: counting team -----------------------------------------------------------------


def test_the_team_needs_a_named_member(wizard):
    go_to(wizard, PageId.TEAM)
    wizard.next()
    assert wizard.currentId() == PageId.TEAM
    assert "ít nhất một thành viên" in wizard.team_page.problem_label.text()
    wizard.team_page.table.item(0, 0).setText("Lê Thị Hồng")
    assert wizard.team_page.problem_label.isHidden()
    wizard.next()
    assert wizard.currentId() == PageId.FORMS


def test_roles_default_to_leader_then_member(wizard):
    page = wizard.team_page
    page.add_member()
    page.add_member()
    roles = [page.table.item(row, 1).text() for row in range(page.table.rowCount())]
    assert roles == ["Trưởng ban", "Thành viên", "Thành viên"]  # the head of QĐ 96's Ban kiểm phiếu
    page.table.setCurrentCell(1, 0)
    page.remove_members()
    assert page.table.rowCount() == 2


def test_a_member_who_is_also_a_candidate_is_warned_about(wizard):
    go_to(wizard, PageId.FORMS)
    fill_forms(wizard)
    editor = wizard.forms_page.current_editor()
    set_cells(editor.table, 2, {1: unicodedata.normalize("NFD", "phạm quốc huy"), 2: "Chánh Văn phòng"})
    worded = sentence("team_member_rated", {"name": "Phạm Quốc Huy", "team": "Ban kiểm phiếu"})  # core's words
    forms_warning = wizard.forms_page.warning_label
    assert forms_warning.isVisible() and forms_warning.text() == worded
    wizard.back()
    team_warning = wizard.team_page.warning_label
    assert team_warning.isVisible() and team_warning.text() == worded
    wizard.next()
    wizard.next()
    assert wizard.currentId() == PageId.COUNTS, "the warning does not block"


# -- page d: forms and candidates ----------------------------------------------------------


def test_a_form_without_candidates_is_refused(wizard):
    go_to(wizard, PageId.FORMS)
    wizard.forms_page.current_editor().title_edit.setText("Lãnh đạo Sở")
    wizard.next()
    assert wizard.currentId() == PageId.FORMS
    assert "Loại phiếu '1' chưa có người được lấy phiếu nào" in wizard.forms_page.problem_label.text()


def test_a_form_needs_a_title_and_a_unique_code(wizard, dialogs):
    go_to(wizard, PageId.FORMS)
    fill_forms(wizard)
    page = wizard.forms_page
    page.add_form()
    second = page.current_editor()
    assert second.code() == "2"
    wizard.next()
    assert page.problem_label.text() == "Loại phiếu '2' chưa có tên (VD: Lãnh đạo Sở)."
    assert second.title_edit.hasFocus()
    second.title_edit.setText("Lãnh đạo các phòng")
    second.code_edit.setText("1")
    wizard.next()
    assert "Mã loại phiếu '1' bị trùng" in page.problem_label.text()
    second.code_edit.setText("2")
    page.form_list.setCurrentRow(0)
    wizard.next()
    assert "Loại phiếu '2' chưa có người" in page.problem_label.text()
    assert page.current_editor() is second, "the form with the problem is shown"
    page.remove_form()
    assert [e.code() for e in page.editors()] == ["1"]
    assert not page.remove_form_button.isEnabled()


def test_removing_a_form_with_candidates_asks_first(wizard, dialogs):
    page = wizard.forms_page
    page.add_form()
    set_cells(page.current_editor().table, 0, {1: "Bùi Thị Lan"})
    dialogs.answers["confirm"] = [False, True]
    page.remove_form()
    assert len(page.editors()) == 2
    page.remove_form()
    assert len(page.editors()) == 1
    assert dialogs.asked[0] == ("confirm", "Xóa loại phiếu '2' cùng danh sách 1 người?")


def test_bad_birth_year_and_nameless_row_are_refused_with_their_row(wizard):
    go_to(wizard, PageId.FORMS)
    fill_forms(wizard)
    editor = wizard.forms_page.current_editor()
    set_cells(editor.table, 1, {3: "75"})
    wizard.next()
    assert "Loại phiếu '1', dòng 2: năm sinh '75' không hợp lệ" in wizard.forms_page.problem_label.text()
    assert (editor.table.currentRow(), editor.table.currentColumn()) == (1, 3)
    set_cells(editor.table, 1, {3: "1975", 1: ""})
    wizard.next()
    assert "dòng 2: chưa có họ và tên" in wizard.forms_page.problem_label.text()


def test_duplicate_person_keys_are_refused(wizard):
    go_to(wizard, PageId.FORMS)
    fill_forms(wizard)
    editor = wizard.forms_page.current_editor()
    set_cells(editor.table, 1, {4: "an"})
    wizard.next()
    assert wizard.forms_page.problem_label.text() == (
        "Loại phiếu '1', dòng 2: Mã người 'an' bị trùng trong cùng loại phiếu.")
    assert (editor.table.currentRow(), editor.table.currentColumn()) == (1, FormEditor.PERSON_KEY)


def test_paste_from_excel_with_vietnamese_names(wizard):
    go_to(wizard, PageId.FORMS)
    editor = wizard.forms_page.current_editor()
    QGuiApplication.clipboard().setText(
        "STT\tHọ và tên\tChức vụ\tNăm sinh\r\n"
        "1\tNguyễn Văn An\tGiám đốc Sở\t1970\r\n"
        "2\t" + unicodedata.normalize("NFD", "Hoàng Thị Thu Hà") + "\tPhó Giám đốc Sở\t1975\r\n"
        "3\t\t\t\r\n"
        "4\tNguyễn Văn An\tChuyên viên\t1970\r\n"
    )
    editor.paste_button.click()
    candidates = editor.candidates()
    assert [(c.order, c.name, c.position, c.birth_year) for c in candidates] == [
        (1, "Nguyễn Văn An", "Giám đốc Sở", 1970),
        (2, "Hoàng Thị Thu Hà", "Phó Giám đốc Sở", 1975),
        (3, "Nguyễn Văn An", "Chuyên viên", 1970),
    ]
    assert editor.table.item(2, 0).text() == "3"
    status = wizard.forms_page.status_label
    assert status.isVisible() and status.text().startswith("Đã thêm 3 người từ Excel vào loại phiếu '1'.")
    assert wizard.forms_page.warning_label.text() == (
        "Loại phiếu '1', dòng 3: Nguyễn Văn An có tên hai lần trong danh sách (trùng họ tên và năm sinh).")


def test_paste_appends_after_the_list_and_reports_bad_years(qtbot, wizard):
    go_to(wizard, PageId.FORMS)
    editor = wizard.forms_page.current_editor()
    set_cells(editor.table, 0, {1: "Bùi Thị Lan"})
    QGuiApplication.clipboard().setText("Đặng Văn Tùng\tChánh Thanh tra\n")
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [c.name for c in editor.candidates()] == ["Bùi Thị Lan", "Đặng Văn Tùng"]
    QGuiApplication.clipboard().setText("Họ tên\tNăm sinh\nVũ Đức Thắng\t19x0\n")
    editor.paste()
    problem = wizard.forms_page.problem_label
    assert problem.isVisible()
    assert problem.text().startswith("Dữ liệu dán, dòng 2")
    assert len(editor.candidates()) == 2
    QGuiApplication.clipboard().setText("")
    editor.paste()
    assert problem.text().startswith("Khay nhớ tạm không có dữ liệu")


def test_candidate_rows_move_and_are_removed(wizard):
    editor = wizard.forms_page.current_editor()
    for row, name in enumerate(["An", "Bình", "Chi"]):
        set_cells(editor.table, row, {1: name})
    editor._renumber()
    editor.table.setCurrentCell(0, 1)
    editor.down_button.click()
    assert [c.name for c in editor.candidates()] == ["Bình", "An", "Chi"]
    assert editor.table.currentRow() == 1
    editor.up_button.click()
    editor.up_button.click()
    assert [c.name for c in editor.candidates()] == ["An", "Bình", "Chi"]
    editor.table.setCurrentCell(1, 1)
    editor.remove_button.click()
    assert [c.name for c in editor.candidates()] == ["An", "Chi"]
    assert [editor.table.item(r, 0).text() for r in range(editor.table.rowCount())] == ["1", "2"]
    editor.table.setCurrentCell(0, 1)
    editor.add_button.click()
    assert editor.table.rowCount() == 3 and editor.table.currentRow() == 1


def test_keying_a_name_in_the_table_and_enter_stays_on_the_page(qtbot, wizard):
    go_to(wizard, PageId.FORMS)
    editor = wizard.forms_page.current_editor()
    editor.title_edit.setText("Lãnh đạo Sở")
    editor.table.setFocus()
    editor.table.setCurrentCell(0, 1)
    type_text(editor.table, "Nguyễn Văn An")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.table.item(0, 1).text() == "Nguyễn Văn An")
    qtbot.keyClick(editor.table, Qt.Key.Key_Return)
    assert wizard.currentId() == PageId.FORMS
    assert editor.table.rowCount() == 2 and editor.table.currentRow() == 1


def test_import_from_an_excel_file(qtbot, wizard, dialogs, tmp_path):
    path = tmp_path / "nhan-su.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Cán bộ"
    sheet.append(["DANH SÁCH CÁN BỘ LÃNH ĐẠO"])
    sheet.append([])
    sheet.append(["TT", "Họ và tên", "Chức vụ", "Năm sinh", "Mã CB"])
    for n in range(1, 13):
        sheet.append([n, f"Người Thứ {n}", "Trưởng phòng", 1960 + n, f"CB{n:02}"])
    sheet.append([13, "Người Thứ 2", "Phó phòng", 1962, "CB99"])
    book.create_sheet("Khác").append(["Họ tên"])
    book.save(path)
    dialogs.answers["open_file"] = [path]

    editor = wizard.forms_page.current_editor()
    editor.import_button.click()
    dialog = editor.findChild(CandidateImportDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.sheet_combo.currentText() == "Cán bộ"
    assert dialog.start_spin.value() == 3
    assert dialog.header_check.isChecked()
    assert dialog.field_combos["name"].currentText() == "B: Họ và tên"
    assert dialog.field_combos["person_key"].currentData() == 4
    assert dialog.preview.rowCount() == 10
    assert dialog.preview.item(1, 1).text() == "Người Thứ 2"
    assert dialog.preview.item(1, 5).text() == "Trùng với số 13"
    assert "Sẽ nhập 13 người." in dialog.summary_label.text()
    assert "1 cặp trùng" in dialog.summary_label.text()

    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.sheet_combo.setCurrentText("Khác")
    assert dialog.error_label.text() == "Không có dòng nào có họ và tên."
    assert not ok.isEnabled()
    dialog.sheet_combo.setCurrentText("Cán bộ")
    assert ok.isEnabled() and dialog.preview.rowCount() == 10

    dialog.field_combos["person_key"].setCurrentIndex(0)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    candidates = editor.candidates()
    assert len(candidates) == 13
    assert candidates[0] == Candidate(1, "Người Thứ 1", "Trưởng phòng", 1961, None)
    assert "Đã thêm 13 người từ tệp 'nhan-su.xlsx'" in wizard.forms_page.status_label.text()


def test_import_dialog_mapping_without_header_and_bad_year(qtbot, dialogs, tmp_path):
    path = tmp_path / "ds.csv"
    path.write_text("Nguyễn Văn An;Giám đốc;1970\nBùi Thị Lan;Chánh Văn phòng;80\n", encoding="utf-8")
    dialog = CandidateImportDialog(path, read_table(path))
    qtbot.addWidget(dialog)
    assert not dialog.header_check.isChecked()
    assert dialog.sheet_combo.isHidden()
    assert dialog.field_combos["name"].currentText() == "A: Nguyễn Văn An"
    assert dialog.field_combos["position"].currentText() == "B: Giám đốc"
    assert dialog.field_combos["birth_year"].currentData() == 2
    assert "dòng 2" in dialog.error_label.text()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.field_combos["birth_year"].setCurrentIndex(0)
    dialog.header_check.setChecked(True)
    assert dialog.field_combos["name"].currentText() == "A: Nguyễn Văn An"
    assert dialog.result_import().candidates == (Candidate(1, "Bùi Thị Lan", "Chánh Văn phòng"),)


def test_an_unreadable_file_is_reported_on_the_page(wizard, dialogs, tmp_path):
    path = tmp_path / "ghi-chu.txt"
    path.write_text("không phải bảng tính", encoding="utf-8")
    dialogs.answers["open_file"] = [path, None]
    editor = wizard.forms_page.current_editor()
    editor.import_button.click()
    assert not wizard.forms_page.problem_label.isHidden()
    assert "ghi-chu.txt" in wizard.forms_page.problem_label.text()
    assert editor.findChild(CandidateImportDialog) is None
    editor.import_button.click()
    assert dialogs.answers["open_file"] == []


# -- page e: counts ------------------------------------------------------------------------


def test_counts_out_of_order_are_refused_with_the_reason(wizard):
    go_to(wizard, PageId.COUNTS)
    page = wizard.counts_page
    editor, spins = page.rows[0]
    for spin, value in zip(spins, (30, 31, 30, 30)):
        spin.setValue(value)
    wizard.next()
    assert wizard.currentId() == PageId.COUNTS
    text = page.problem_label.text()
    assert text == "Loại phiếu '1 — Lãnh đạo Sở': Số người có mặt (31) lớn hơn số người được triệu tập (30)."
    assert spins[1].hasFocus()
    spins[0].setValue(32)
    assert page.problem_label.isHidden()
    spins[3].setValue(31)
    wizard.next()
    assert "Số phiếu thu về (31) lớn hơn số phiếu phát ra (30)." in page.problem_label.text()
    spins[3].setValue(29)
    wizard.next()
    assert wizard.currentId() == PageId.SAVE
    assert editor.counts == Counts(32, 31, 30, 29)


def test_quorum_warning_under_96_qd_tw(wizard):
    wizard.rules_page.preset_combo.setCurrentIndex(wizard.rules_page.preset_combo.findData("qd-96-2023"))
    go_to(wizard, PageId.COUNTS)
    _, spins = wizard.counts_page.rows[0]
    for spin, value in zip(spins, (30, 19, 19, 19)):
        spin.setValue(value)
    warning = wizard.counts_page.warning_label
    assert warning.isVisible() and "chưa đạt 2/3" in warning.text()
    wizard.next()
    assert wizard.currentId() == PageId.SAVE, "the quorum is a warning, not a refusal"


# -- page f: the file ----------------------------------------------------------------------


def test_the_file_page_proposes_a_name_and_refuses_an_existing_file(wizard, dialogs, tmp_path):
    go_to(wizard, PageId.SAVE)
    page = wizard.save_page
    assert page.path_edit.text() == str(tmp_path / "lay-phieu-tin-nhiem-2026.tinnhiem")
    (tmp_path / "lay-phieu-tin-nhiem-2026.tinnhiem").write_bytes(b"")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.isVisible()
    assert "đã có" in page.problem_label.text()
    dialogs.answers["save_file"] = [tmp_path / "dot-tin-nhiem"]
    page.choose_button.click()
    assert dialogs.asked[-1][0] == "save_file"
    assert page.problem_label.isHidden()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.result_path() == tmp_path / "dot-tin-nhiem.tinnhiem"
    assert page.path_edit.text() == str(tmp_path / "dot-tin-nhiem.tinnhiem")


def test_a_missing_folder_is_refused(wizard, dialogs, tmp_path):
    go_to(wizard, PageId.SAVE)
    wizard.save_page.path_edit.setText(str(tmp_path / "khong-co" / "dot.tinnhiem"))
    dialogs.answers["confirm"] = [False, False]
    wizard.next()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert "chưa có" in wizard.save_page.problem_label.text()


# -- the whole wizard ----------------------------------------------------------------------


def test_finish_gives_the_expected_setup(wizard, tmp_path):
    go_to(wizard, PageId.RULES)
    rules = wizard.rules_page
    rules.preset_combo.setCurrentIndex(rules.preset_combo.findData("qd-96-2023"))
    rules.base_combo.setCurrentIndex(rules.base_combo.findData("valid_for_person"))
    go_to(wizard, PageId.FORMS)
    fill_forms(wizard)
    forms = wizard.forms_page
    forms.add_form()
    second = forms.current_editor()
    second.title_edit.setText("Lãnh đạo các phòng")
    set_cells(second.table, 0, {1: "Bùi Thị Lan", 2: "Chánh Văn phòng"})
    forms.form_list.setCurrentRow(0)
    go_to(wizard, PageId.COUNTS)
    for (_, spins), values in zip(wizard.counts_page.rows, ((32, 31, 30, 30), (10, 10, 10, 10))):
        for spin, value in zip(spins, values):
            spin.setValue(value)
    go_to(wizard, PageId.SAVE)
    wizard.button(QWizard.WizardButton.FinishButton).click()

    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.result_path() == tmp_path / "lay-phieu-tin-nhiem-2026.tinnhiem"
    assert wizard.result_setup() == RoundSetup(
        title="Hội nghị lấy phiếu tín nhiệm năm 2026",
        year=2026,
        rule_id="qd-96-2023",
        header=Header(HeaderStyle.STATE, "ỦY BAN NHÂN DÂN TỈNH AN PHÚ", "SỞ GIAO THÔNG VẬN TẢI"),
        meeting=Meeting("2026-11-27", "Hội trường tầng 3", "Trần Văn Bình"),
        team=(TeamMember("Lê Thị Hồng", "Trưởng ban"), TeamMember("Phạm Quốc Huy", "Thành viên")),
        forms=(
            BallotForm(
                "1",
                "Lãnh đạo Sở",
                Counts(32, 31, 30, 30),
                (
                    Candidate(1, "Nguyễn Văn An", "Giám đốc Sở", 1970, "an"),
                    Candidate(2, "Hoàng Thị Thu Hà", "Phó Giám đốc Sở"),
                ),
            ),
            BallotForm("2", "Lãnh đạo các phòng", Counts(10, 10, 10, 10), (Candidate(1, "Bùi Thị Lan", "Chánh Văn phòng"),)),
        ),
        percent_base="valid_for_person",
        decimals=None,
    )


def test_editing_an_existing_setup_starts_from_it_and_skips_the_file(qtbot, dialogs, tmp_path):
    setup = setup_from_dict(
        spec_dict(rule="nq-96-2023", percent_base="present", decimals=1, header={
            "style": "party", "parent": "ĐẢNG BỘ TỈNH AN PHÚ", "unit": "ĐẢNG ỦY SỞ GIAO THÔNG VẬN TẢI"
        }),
        "test",
    )
    wizard = RoundWizard(dialogs, tmp_path, initial=setup)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.windowTitle() == "Sửa thông tin đợt lấy phiếu"
    assert wizard.info_page.unit_edit.text() == "ĐẢNG ỦY SỞ GIAO THÔNG VẬN TẢI"
    assert wizard.info_page.style_combo.currentData() == "party"
    assert wizard.info_page.date_edit.date() == QDate(2026, 11, 27)
    assert wizard.rules_page.preset_combo.currentData() == "nq-96-2023"
    assert not wizard.rules_page.override_label.isHidden()
    assert [e.label() for e in wizard.forms_page.editors()] == ["1 — Lãnh đạo Sở", "2 — Lãnh đạo các phòng"]
    assert wizard.result_setup() == setup

    for _ in range(4):
        wizard.next()
    assert wizard.currentId() == PageId.COUNTS
    assert [s.value() for s in wizard.counts_page.rows[0][1]] == [32, 31, 30, 30]
    assert wizard.page(PageId.SAVE) is None
    assert wizard.button(QWizard.WizardButton.FinishButton).isVisible()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.result_path() is None
    assert wizard.result_setup() == setup


def test_every_visible_text_is_composed_unicode(wizard):
    texts = [w.text() for w in wizard.findChildren(QLabel) + wizard.findChildren(QAbstractButton)]
    texts += [wizard.page(i).title() + wizard.page(i).subTitle() for i in wizard.pageIds()]
    assert all(unicodedata.is_normalized("NFC", t) for t in texts)


# -- the setup's checks, from core, with the cursor put where the path says ---------------------


def test_a_nameless_candidate_in_the_second_form_puts_the_cursor_on_its_cell(qtbot, wizard):
    go_to(wizard, PageId.FORMS)
    fill_forms(wizard)
    page = wizard.forms_page
    qtbot.mouseClick(page.add_form_button, Qt.MouseButton.LeftButton)
    second = page.current_editor()
    type_text(second.title_edit, "Lãnh đạo các phòng")
    set_cells(second.table, 0, {1: "Bùi Thị Lan", 2: "Chánh Văn phòng"})
    set_cells(second.table, 1, {1: "", 2: "Chánh Thanh tra", 3: "1972"})
    page.form_list.setCurrentRow(0)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentId() == PageId.FORMS
    assert page.problem_label.text() == "Loại phiếu '2', dòng 2: chưa có họ và tên."
    assert page.current_editor() is second and second.isVisible()
    assert QApplication.focusWidget() is second.table
    assert (second.table.currentIndex().row(), second.table.currentIndex().column()) == (1, FormEditor.NAME)
    type_text(second.table, "Đặng Văn Tùng")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: second.table.item(1, FormEditor.NAME).text() == "Đặng Văn Tùng")
    assert page.problem_label.isHidden(), "the refusal goes once fixed"
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentId() == PageId.COUNTS


def test_a_team_without_a_head_is_warned_about_and_named_rows_map_to_the_table(qtbot, wizard):
    go_to(wizard, PageId.TEAM)
    page = wizard.team_page
    set_cells(page.table, 0, {1: "Thành viên"})
    set_cells(page.table, 1, {0: "Lê Thị Hồng", 1: "Thành viên"})
    assert page.warning_label.isVisible()
    assert sentence("team_without_head", {"team": "Ban kiểm phiếu"}) in page.warning_label.text()
    page.table.item(1, 1).setText("Tổ trưởng")
    assert page.warning_label.isHidden()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentId() == PageId.FORMS, "a row without a name is no member, as before"


def test_the_quorum_warning_is_cores(wizard):
    wizard.rules_page.preset_combo.setCurrentIndex(wizard.rules_page.preset_combo.findData("qd-96-2023"))
    go_to(wizard, PageId.COUNTS)
    page = wizard.counts_page
    spins = page.rows[0][1]
    for spin, value in zip(spins, (30, 19, 19, 19)):
        spin.setValue(value)
    (issue,) = quorum_issues("1", Counts(30, 19, 19, 19), PRESETS["qd-96-2023"])
    assert page.warning_label.text() == f"Loại phiếu '1 — Lãnh đạo Sở': {sentence(issue.code, issue.params)}"
    spins[1].setValue(20)
    assert page.warning_label.isHidden()


# -- the keyboard alone --------------------------------------------------------------------


def focused():
    return QApplication.focusWidget()


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def alt(qtbot, letter: str) -> None:
    """Alt and a letter: a button's mnemonic clicks it after a short animation."""
    qtbot.keyClick(focused(), getattr(Qt.Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier)


def next_page(qtbot, wizard: RoundWizard) -> None:
    current = wizard.currentId()
    alt(qtbot, "t")
    qtbot.waitUntil(lambda: wizard.currentId() != current)


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def shown_mnemonics(wizard: RoundWizard) -> list[str]:
    """The Alt letters of the buttons and labels the wizard shows now."""
    texts = [w.text() for w in wizard.findChildren(QAbstractButton) + wizard.findChildren(QLabel)
             if w.isVisible() and (not isinstance(w, QLabel) or w.buddy() is not None)]
    return [letter for letter in map(mnemonic, texts) if letter]


@pytest.fixture
def active_wizard(qtbot, wizard) -> RoundWizard:
    """The wizard as the active window: mnemonics reach only that one."""
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    return wizard


def test_tab_leaves_the_team_table_after_its_last_cell_and_shift_tab_before_its_first(qtbot, active_wizard):
    go_to(active_wizard, PageId.TEAM)
    page = active_wizard.team_page
    assert focused() is page.table and page.table.currentRow() == 0 and page.table.currentColumn() == 0
    type_text(page.table, "Lê Thị Hồng")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: page.table.currentColumn() == 1)
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: focused() is page.add_button)
    assert page.members() == (TeamMember("Lê Thị Hồng", "Trưởng ban"),)
    press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is page.table
    press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is page.table and page.table.currentColumn() == 0
    press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert not page.table.isAncestorOf(focused()) and focused() is not page.table


def test_tab_leaves_the_candidate_table_after_its_last_cell(qtbot, active_wizard):
    go_to(active_wizard, PageId.FORMS)
    editor = active_wizard.forms_page.current_editor()
    type_text(focused(), "Lãnh đạo Sở")
    assert editor.title() == "Lãnh đạo Sở", "the cursor starts in the form's title, not in the list of forms"
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is editor.table
    press(qtbot, Qt.Key.Key_Right)
    type_text(editor.table, "Nguyễn Văn An")
    for column in (FormEditor.POSITION, FormEditor.BIRTH_YEAR, FormEditor.PERSON_KEY, FormEditor.PROVINCIAL):
        press(qtbot, Qt.Key.Key_Tab)
        qtbot.waitUntil(lambda: editor.table.currentColumn() == column)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is editor.add_button
    assert [c.name for c in editor.candidates()] == ["Nguyễn Văn An"]
    press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is editor.table
    press(qtbot, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert (editor.table.currentRow(), editor.table.currentColumn()) == (0, 0)
    press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert not editor.table.isAncestorOf(focused()) and focused() is not editor.table  # out, before its first cell


def test_every_page_puts_the_cursor_in_its_first_field_and_the_counts_keep_the_first_number(qtbot, active_wizard):
    wizard = active_wizard
    assert focused() is wizard.info_page.title_edit
    fill_info(wizard)
    next_page(qtbot, wizard)
    assert focused() is wizard.rules_page.preset_combo
    next_page(qtbot, wizard)
    assert focused() is wizard.team_page.table
    type_text(focused(), "Lê Thị Hồng")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(wizard.team_page.members()))
    next_page(qtbot, wizard)
    editor = wizard.forms_page.current_editor()
    assert focused() is editor.title_edit
    fill_forms(wizard)
    next_page(qtbot, wizard)
    for text in ("40", "38", "38", "38"):
        qtbot.keyClicks(focused(), text)
        press(qtbot, Qt.Key.Key_Tab)
    assert [spin.value() for spin in wizard.counts_page.rows[0][1]] == [40, 38, 38, 38]
    next_page(qtbot, wizard)
    assert focused() is wizard.save_page.path_edit


def test_the_form_buttons_have_distinct_mnemonics_and_alt_l_adds_a_form(qtbot, active_wizard):
    go_to(active_wizard, PageId.FORMS)
    page = active_wizard.forms_page
    editor = page.current_editor()
    buttons = (page.add_form_button, page.remove_form_button, editor.add_button, editor.remove_button,
               editor.up_button, editor.down_button, editor.paste_button, editor.import_button)
    assert all(mnemonic(button.text()) for button in buttons)
    letters = shown_mnemonics(active_wizard)
    assert len(letters) == len(set(letters)), letters
    assert all(letter.isascii() for letter in letters), "Alt with a letter the keyboard has"
    fill_forms(active_wizard)
    alt(qtbot, mnemonic(page.add_form_button.text()))
    qtbot.waitUntil(lambda: len(page.editors()) == 2)
    assert focused() is page.current_editor().title_edit
    type_text(focused(), "Lãnh đạo các phòng")
    assert page.forms()[1].title == "Lãnh đạo các phòng"


@pytest.mark.parametrize("language", ["vi", "en"])
def test_each_page_has_distinct_mnemonics(qtbot, qapp, dialogs, tmp_path, settings_dir, language):
    try:
        assert install_translation(qapp, language) == language
        wizard = RoundWizard(dialogs, tmp_path)
        qtbot.addWidget(wizard)
        wizard.show()
        for page_id in PageId:
            go_to(wizard, page_id)
            letters = shown_mnemonics(wizard)
            assert len(letters) == len(set(letters)), (page_id, letters)
            assert all(letter.isascii() for letter in letters), (page_id, letters)
    finally:
        install_translation(qapp, "vi")


def test_the_entry_mode_is_chosen_with_the_keyboard(qtbot, active_wizard):
    go_to(active_wizard, PageId.RULES)
    alt(qtbot, "c")
    assert focused() is active_wizard.rules_page.entry_combo
    press(qtbot, Qt.Key.Key_Down)
    assert active_wizard.result_setup().entry_mode.value == "double"


def test_every_field_of_the_rules_page_has_an_alt_letter(qtbot, active_wizard):
    go_to(active_wizard, PageId.RULES)
    page = active_wizard.rules_page
    editor = page.editor
    for letter, widget in (("r", page.base_combo), ("s", page.decimals_spin), ("n", editor.band_rows[0].kind),
                           ("c", page.entry_combo), ("u", page.preset_combo)):
        alt(qtbot, letter)
        assert focused() is widget, letter
    was = editor.quorum_check.isChecked()
    alt(qtbot, "m")
    qtbot.waitUntil(lambda: editor.quorum_check.isChecked() != was)
    assert "Đã điều chỉnh" in editor.override_label.text()
    alt(qtbot, "g")
    qtbot.waitUntil(lambda: not editor.override_label.isVisible())
    assert editor.quorum_check.isChecked() == was and page.rule_custom() is None


def test_a_folder_typed_as_the_file_is_refused_in_words(qtbot, dialogs, tmp_path, settings_dir):
    wizard = RoundWizard(dialogs, tmp_path / "Documents")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    go_to(wizard, PageId.SAVE)
    page = wizard.save_page
    dialogs.answers["confirm"] = [False]
    alt(qtbot, "h")
    qtbot.waitUntil(lambda: page.problem_label.isVisible())
    assert dialogs.asked[-1][0] == "confirm" and "Documents" in dialogs.asked[-1][1]
    assert "chưa có" in page.problem_label.text()
    alt(qtbot, "l")
    assert focused() is page.path_edit and page.path_edit.selectedText() == page.path_edit.text()
    qtbot.keyClicks(focused(), "/")
    assert page.path_edit.text() == "/"
    assert "thư mục" in page.problem_label.text() and "tên tệp" in page.problem_label.text()
    alt(qtbot, "h")
    qtbot.wait(200)
    assert wizard.isVisible() and page.problem_label.isVisible()
    assert not [asked for asked in dialogs.asked if asked[0] == "error"]


def test_a_missing_folder_is_made_when_the_user_agrees(qtbot, wizard, dialogs, tmp_path):
    go_to(wizard, PageId.SAVE)
    wizard.save_page.path_edit.setText(str(tmp_path / "moi" / "dot.tinnhiem"))
    dialogs.answers["confirm"] = [True]
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert (tmp_path / "moi").is_dir() and wizard.result_path() == tmp_path / "moi" / "dot.tinnhiem"


@pytest.mark.parametrize("text", ["", "   ", "/", ".", "~", "a\0b"])
def test_a_path_that_names_no_file_is_refused_without_an_exception(wizard, tmp_path, text):
    go_to(wizard, PageId.SAVE)
    wizard.save_page.path_edit.setText(text)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.isVisible() and wizard.save_page.problem_label.text()


def test_a_new_round_starts_on_qd_96_then_on_the_rule_last_used_here(qtbot, active_wizard, dialogs, tmp_path):
    assert active_wizard.result_setup().rule_id == "qd-96-2023"
    go_to(active_wizard, PageId.RULES)
    assert focused() is active_wizard.rules_page.preset_combo
    press(qtbot, Qt.Key.Key_Down)
    chosen = active_wizard.rules_page.rule_id()
    assert chosen != "qd-96-2023"
    go_to(active_wizard, PageId.SAVE)
    active_wizard.button(QWizard.WizardButton.FinishButton).click()
    assert active_wizard.result() == QWizard.DialogCode.Accepted
    again = RoundWizard(dialogs, tmp_path)
    qtbot.addWidget(again)
    assert again.result_setup().rule_id == chosen
    assert again.rules_page.editor.rule().in_force == PRESETS[chosen], "the rule's own settings, not the first one's"


def test_a_rule_last_used_that_is_no_longer_offered_gives_qd_96(qtbot, dialogs, tmp_path, settings_dir):
    from PySide6.QtCore import QSettings

    QSettings().setValue("lastRuleId", "rieng-da-xoa")
    wizard = RoundWizard(dialogs, tmp_path)
    qtbot.addWidget(wizard)
    assert wizard.result_setup().rule_id == "qd-96-2023"


def test_the_first_page_asks_who_prepares_the_round(qtbot, active_wizard):
    page = active_wizard.info_page
    fill_info(active_wizard)
    page.preparer_edit.clear()
    alt(qtbot, "t")
    qtbot.waitUntil(lambda: page.problem_label.isVisible())
    assert active_wizard.currentId() == PageId.INFO and "người lập" in page.problem_label.text()
    assert focused() is page.preparer_edit
    type_text(focused(), unicodedata.normalize("NFD", "Nguyễn Thị Mai"))
    next_page(qtbot, active_wizard)
    assert active_wizard.result_preparer() == "Nguyễn Thị Mai"


def test_editing_a_round_asks_no_preparer(qtbot, dialogs, tmp_path, settings_dir):
    wizard = RoundWizard(dialogs, tmp_path, initial=setup_from_dict(spec_dict(), "t"))
    qtbot.addWidget(wizard)
    assert wizard.info_page.preparer_edit is None and wizard.result_preparer() is None
