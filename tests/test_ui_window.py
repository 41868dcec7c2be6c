"""The counting window driven by real key events: keying, undo/redo, reopening, live results."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tinnhiem_desktop.cli import main as cli_main
from tinnhiem_desktop.core.model import Ballot, BallotStatus, Counts, Mark
from tinnhiem_desktop.core.spec import setup_from_dict
from tinnhiem_desktop.services.rounds import RoundService
from tinnhiem_desktop.ui.main_window import MainWindow
from tinnhiem_desktop.ui.results import ResultsModel
from tinnhiem_desktop.ui.tally import BallotTableModel

from conftest import ROOT, FakeDialogs, spec_dict

C, T, L, N, X = Mark.CAO, Mark.TIN_NHIEM, Mark.THAP, Mark.NO_MARK, Mark.MULTI
KEY = {"1": Qt.Key.Key_1, "2": Qt.Key.Key_2, "3": Qt.Key.Key_3, "0": Qt.Key.Key_0, " ": Qt.Key.Key_Space,
       "x": Qt.Key.Key_X}


@pytest.fixture
def round_file(tmp_path) -> Path:
    path = tmp_path / "dot-2026.tinnhiem"
    RoundService.create(path, setup_from_dict(spec_dict(), "test"), "chuẩn bị").close()
    return path


def open_window(qtbot, path: Path, dialogs: FakeDialogs | None = None) -> MainWindow:
    window = MainWindow(dialogs or FakeDialogs(choices=["Phạm Quốc Huy"]))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()  # shortcuts (Ctrl+I, Ctrl+PgDown...) reach only the active window
    qtbot.waitUntil(window.isActiveWindow)
    assert window.open_round(path)
    return window


def press(qtbot, view, keys: str) -> None:
    for key in keys:
        qtbot.keyClick(view, KEY[key])


def test_keying_two_forms_with_undo_redo_and_reopening(qtbot, settings_dir, round_file):
    dialogs = FakeDialogs(choices=["Phạm Quốc Huy", "Phiếu không có dấu", "Không phải phiếu"])
    window = open_window(qtbot, round_file, dialogs)
    assert "Phạm Quốc Huy" in window.keyer_label.text()
    assert "đang kiểm phiếu" in window.windowTitle()

    first = window.current_tab()
    view = first.view
    expected: dict[int, Ballot] = {}
    for number in range(1, 21):  # 20 ordinary ballots: the last key of a ballot starts the next
        keys = ["123", "213", "0x3", " 22", "x11"][number % 5]
        press(qtbot, view, keys)
        expected[number] = Ballot("1", number, BallotStatus.VALID,
                                  {o: {"1": C, "2": T, "3": L, "0": N, " ": N, "x": X}[k] for o, k in enumerate(keys, 1)})
    qtbot.keyClick(view, Qt.Key.Key_1)  # ballot 21: cao, then Shift+2 fills the rest with tín nhiệm
    qtbot.keyClick(view, Qt.Key.Key_At, Qt.KeyboardModifier.ShiftModifier)
    expected[21] = Ballot("1", 21, BallotStatus.VALID, {1: C, 2: T, 3: T})
    qtbot.keyClick(view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)  # ballot 22 invalid
    expected[22] = Ballot("1", 22, BallotStatus.INVALID, {}, "Phiếu không có dấu của cơ quan, tổ chức")
    press(qtbot, view, "33")
    qtbot.keyClick(view, Qt.Key.Key_Backspace)  # the second 3 was a slip: cleared, cursor back on it
    press(qtbot, view, "23")
    expected[23] = Ballot("1", 23, BallotStatus.VALID, {1: L, 2: T, 3: L})
    press(qtbot, view, "111")
    press(qtbot, view, "222")
    assert first.model.ballots == [expected[n] for n in range(1, 24)] + [
        Ballot("1", 24, BallotStatus.VALID, {1: C, 2: C, 3: C}), Ballot("1", 25, BallotStatus.VALID, {1: T, 2: T, 3: T})]

    for _ in range(4):  # every keystroke is one undo step: ballot 25's three, then 24's last mark
        window.undo.undo()
    assert first.model.ballots[-1] == Ballot("1", 24, BallotStatus.VALID, {1: C, 2: C})
    window.undo.redo()  # 24's last mark comes back
    expected[24] = Ballot("1", 24, BallotStatus.VALID, {1: C, 2: C, 3: C})
    assert first.model.ballots == [expected[n] for n in range(1, 25)]

    qtbot.keyClick(view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    second = window.current_tab()
    assert second is not first and second.form.code == "2"
    for number, keys in enumerate(["12", "33", "x0", "21", "11"], start=1):
        press(qtbot, second.view, keys)
    qtbot.keyClick(second.view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)  # ballot 6 invalid
    assert len(second.model.ballots) == 6 and second.model.ballots[-1].status is BallotStatus.INVALID
    assert dialogs.errors == []

    window.close()
    with RoundService.open(round_file, "x", read_only=True) as service:
        stored = service.ballots()
        assert [b for b in stored if b.form == "1"] == [expected[n] for n in range(1, 25)]
        assert len([b for b in stored if b.form == "2"]) == 6
        assert service.verify().intact
        assert {e.keyer for e in service._repo.events()[1:]} == {"Phạm Quốc Huy"}
    reopened = open_window(qtbot, round_file)
    assert reopened.tabs_by_form["1"].model.ballots == [expected[n] for n in range(1, 25)]


def test_results_pane_shows_what_the_command_line_shows(qtbot, settings_dir, round_file, capsys):
    with RoundService.open(round_file, "x") as service:
        for number in range(1, 31):
            service.add_ballot("1", marks={1: [C, T, L][number % 3], 2: L if number <= 20 else C, 3: N})
    window = open_window(qtbot, round_file)
    assert cli_main(["results", str(round_file), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    pane = window.panes_by_form["1"]
    for row, candidate in enumerate(document["forms"][0]["candidates"]):
        shown = [pane.model.index(row, column).data() for column in range(10)]
        votes, percent = candidate["votes"], candidate["percent"]
        assert shown[1] == candidate["name"]
        assert shown[2::2][:3] == [str(votes["cao"]), str(votes["tin_nhiem"]), str(votes["thap"])]
        assert shown[3::2][:3] == [percent[k].replace(".", ",") + "%" for k in ("cao", "tin_nhiem", "thap")]
        assert shown[8] == "—", "no earlier year linked"
        assert shown[9] == str(votes["not_counted"])
    assert "Tín nhiệm thấp từ 2/3 trở lên" in pane.model.index(1, ResultsModel.FLAGS).data()  # 20 of 30
    assert "Đã nhập 30" in pane.reconciliation.text()


def test_results_update_on_each_keystroke(qtbot, settings_dir, round_file):
    window = open_window(qtbot, round_file)
    tab, pane = window.current_tab(), window.panes_by_form["1"]
    qtbot.keyClick(tab.view, Qt.Key.Key_3)
    assert pane.model.index(0, 6).data() == "1" and pane.model.index(0, 7).data() == "3,33%"  # 1 of 30
    window.undo.undo()
    assert pane.model.index(0, 6).data() == "0"


def test_invalid_ballot_refuses_marks_until_restored(qtbot, settings_dir, round_file):
    dialogs = FakeDialogs(choices=["Phạm Quốc Huy", "Lý do khác"], texts=["Ghi thêm tên"])
    window = open_window(qtbot, round_file, dialogs)
    view = window.current_tab().view
    qtbot.keyClick(view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    tab = window.current_tab()
    assert tab.model.ballots == [Ballot("1", 1, BallotStatus.INVALID, {}, "Ghi thêm tên")]
    tab.go_to(0, 1)
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert tab.model.ballots[0].marks == {}
    window._on_tab("restore")
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert tab.model.ballots == [Ballot("1", 1, BallotStatus.VALID, {1: C})]


def test_deleting_a_ballot_asks_and_keeps_other_numbers(qtbot, settings_dir, round_file):
    dialogs = FakeDialogs(choices=["Phạm Quốc Huy"])
    window = open_window(qtbot, round_file, dialogs)
    tab = window.current_tab()
    press(qtbot, tab.view, "111222333")
    tab.go_to(1, 1)
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert any("Xóa phiếu số 2" in question for question in dialogs.asked)
    assert [b.number for b in tab.model.ballots] == [1, 3]
    window.undo.undo()
    assert [b.number for b in tab.model.ballots] == [1, 2, 3]
    assert tab.model.ballots[1].marks == {1: T, 2: T, 3: T}


def test_counts_change_through_the_dialog_keeps_the_undo_history(qtbot, settings_dir, round_file):
    def fill(dialog):
        dialog.spins["collected"].setValue(29)

    window = open_window(qtbot, round_file, FakeDialogs(choices=["Phạm Quốc Huy"], on_run=fill))
    tab = window.current_tab()
    press(qtbot, tab.view, "12")
    window.edit_counts()
    assert window.session.setup.form("1").counts == Counts(32, 31, 30, 29)
    assert "Thu về 29" in window.panes_by_form["1"].reconciliation.text()
    assert window.current_tab() is tab  # the grid was not rebuilt
    window.undo.undo()
    assert window.session.setup.form("1").counts == Counts(32, 31, 30, 30)
    window.undo.undo()  # and the keystroke before it is still undoable
    assert tab.model.ballots == [Ballot("1", 1, BallotStatus.VALID, {1: C})]
    window.undo.redo()
    window.undo.redo()
    assert window.session.setup.form("1").counts == Counts(32, 31, 30, 29)


def test_a_full_disk_refuses_the_keystroke_with_a_message(qtbot, settings_dir, round_file):
    dialogs = FakeDialogs(choices=["Phạm Quốc Huy"])
    window = open_window(qtbot, round_file, dialogs)
    tab = window.current_tab()
    press(qtbot, tab.view, "123")
    raw = window.session.service._repo._database.connection
    raw.execute("PRAGMA max_page_count=1")
    for _ in range(40):  # until the file would have to grow
        qtbot.keyClick(tab.view, Qt.Key.Key_2)
        if dialogs.errors:
            break
    assert dialogs.errors and "Không ghi được" in dialogs.errors[0]
    kept = tab.model.ballots
    window.close()
    with RoundService.open(round_file, "x", read_only=True) as service:
        assert service.ballots("1") == kept
        assert service.verify().intact


def test_second_window_on_the_same_file_opens_read_only(qtbot, settings_dir, round_file):
    first = open_window(qtbot, round_file)
    dialogs = FakeDialogs(confirm=True)
    second = MainWindow(dialogs)
    qtbot.addWidget(second)
    assert second.open_round(round_file)
    assert "đang được mở để ghi" in dialogs.asked[0]
    assert second.session.read_only and "chỉ xem" in second.windowTitle()
    assert second.current_tab().model.rowCount() == 0  # no "next ballot" row to key into
    first.close()


def test_models_pass_qt_model_tester_while_ballots_come_and_go(qtbot, settings_dir, round_file, qtmodeltester):
    window = open_window(qtbot, round_file)
    tab = window.current_tab()
    assert isinstance(tab.model, BallotTableModel) and isinstance(window.panes_by_form["1"].model, ResultsModel)
    qtmodeltester.check(tab.model)  # it keeps watching every signal the model emits from here on
    qtmodeltester.check(window.panes_by_form["1"].model)
    press(qtbot, tab.view, "1230x3")
    window.undo.undo()
    window.undo.undo()
    tab.go_to(0, 1)
    window._on_tab("delete_ballot")
    window.undo.undo()


def test_settings_remember_font_size_and_recent_files(qtbot, settings_dir, round_file):
    window = open_window(qtbot, round_file)
    size = window._font_size
    window.zoom(+2)
    window.close()
    again = MainWindow(FakeDialogs())
    qtbot.addWidget(again)
    assert again._font_size == size + 2
    assert again.recent_menu.actions()[0].text().startswith("&1 dot-2026.tinnhiem")


def test_window_after_sigkill_of_a_keyer_holds_every_acknowledged_ballot(qtbot, settings_dir, round_file):
    from test_durability import KEYER_SCRIPT

    child = subprocess.Popen([sys.executable, "-c", KEYER_SCRIPT, str(round_file)],
                             stdout=subprocess.PIPE, text=True, cwd=ROOT)
    acknowledged = []
    for line in child.stdout:
        acknowledged.append(line.split())
        if len(acknowledged) == 90:
            os.kill(child.pid, signal.SIGKILL)
            break
    child.wait()
    window = open_window(qtbot, round_file)
    shown = {b.number: b for b in window.tabs_by_form["1"].model.ballots}
    for kind, number, *rest in acknowledged:
        assert int(number) in shown
        if kind == "mark":
            assert shown[int(number)].marks[int(rest[0])] == Mark(rest[1])


def test_a_newcomer_makes_a_two_form_round_in_the_wizard_and_keys_it(qtbot, settings_dir, tmp_path):
    from test_ui_wizard import fill_forms, fill_info, fill_team, set_cells

    target = tmp_path / "hoi-nghi-2026.tinnhiem"

    def drive_wizard(wizard):
        wizard.show()
        fill_info(wizard)
        wizard.next()
        wizard.next()  # the rule page: the preset's defaults
        fill_team(wizard)
        wizard.next()
        fill_forms(wizard)
        wizard.forms_page.add_form()
        second = wizard.forms_page.current_editor()
        second.title_edit.setText("Lãnh đạo các phòng")
        set_cells(second.table, 0, {1: "Bùi Thị Lan", 2: "Chánh Văn phòng"})
        wizard.next()
        for _, spins in wizard.counts_page.rows:
            for spin, value in zip(spins, (12, 11, 10, 10)):
                spin.setValue(value)
        wizard.next()
        wizard.save_page.path_edit.setText(str(target))
        wizard.next()  # Finish
        assert wizard.result_path() == target, wizard.currentPage().problem_label.text()

    dialogs = FakeDialogs(choices=["Lê Thị Hồng"], on_run=drive_wizard)
    window = MainWindow(dialogs)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.errors == [] and target.exists()
    assert [tab.form.title for tab in window.tabs_by_form.values()] == ["Lãnh đạo Sở", "Lãnh đạo các phòng"]
    assert "Lê Thị Hồng" in window.keyer_label.text()
    press(qtbot, window.current_tab().view, "1322")
    qtbot.keyClick(window.current_tab().view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, window.current_tab().view, "3")
    window.close()
    with RoundService.open(target, "x", read_only=True) as service:
        assert service.setup.form("1").counts == Counts(12, 11, 10, 10)
        assert [(b.form, dict(b.marks)) for b in service.ballots()] == [
            ("1", {1: C, 2: L}), ("1", {1: T, 2: T}), ("2", {1: L})]


def test_results_follow_a_setup_edit_before_counting(qtbot, settings_dir, round_file):
    window = open_window(qtbot, round_file)
    window.session.replace_setup(setup_from_dict(spec_dict(rule="nq-35-2012", decimals=1), "test"))
    pane = window.panes_by_form["1"]
    assert "Nghị quyết 35/2012/QH13" in pane.base.text()
    assert "tổng số người được triệu tập: 32 phiếu" in pane.base.text()
    assert pane.model.index(0, 3).data() == "0,0%"


def test_the_panel_names_the_right_ballot_after_an_undo(qtbot, settings_dir, round_file):
    window = open_window(qtbot, round_file)
    tab = window.current_tab()
    press(qtbot, tab.view, "1")
    window.undo.undo()
    assert tab.model.rowCount() == 1
    assert "Phiếu số 1" in tab.panel.title.text()


def test_restoring_an_invalidated_ballot_brings_its_marks_back(qtbot, settings_dir, round_file):
    dialogs = FakeDialogs(choices=["Phạm Quốc Huy", "Phiếu gạch tên"])
    window = open_window(qtbot, round_file, dialogs)
    tab = window.current_tab()
    press(qtbot, tab.view, "13")
    tab.go_to(0, 1)
    qtbot.keyClick(tab.view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert tab.model.ballots[0].status is BallotStatus.INVALID
    tab.go_to(0, 1)
    window._on_tab("restore")
    assert tab.model.ballots == [Ballot("1", 1, BallotStatus.VALID, {1: C, 2: L})]


def test_a_file_that_cannot_be_opened_leaves_the_current_round_open(qtbot, settings_dir, round_file, tmp_path):
    dialogs = FakeDialogs(choices=["Phạm Quốc Huy"])
    window = open_window(qtbot, round_file, dialogs)
    other = tmp_path / "baocao.tinnhiem"
    other.write_text("không phải tệp đợt", encoding="utf-8")
    assert not window.open_round(other)
    assert "không phải là tệp đợt lấy phiếu" in dialogs.errors[0]
    assert window.session is not None and window.session.service.path == round_file
    press(qtbot, window.current_tab().view, "1")
    assert len(window.current_tab().model.ballots) == 1


def test_a_read_only_window_follows_the_keyers_file(qtbot, settings_dir, round_file):
    keyers = open_window(qtbot, round_file)
    watcher = MainWindow(FakeDialogs(confirm=True))
    qtbot.addWidget(watcher)
    assert watcher.open_round(round_file)
    press(qtbot, keyers.current_tab().view, "123")
    watcher._reload_if_changed()
    assert watcher.current_tab().model.ballots == [Ballot("1", 1, BallotStatus.VALID, {1: C, 2: T, 3: L})]
    assert watcher.panes_by_form["1"].model.index(0, 2).data() == "1"


def test_ctrl_p_exports_the_minutes_with_a_warning_while_not_sealed(qtbot, settings_dir, round_file, tmp_path):
    out = tmp_path / "tai-lieu"
    seen = {}

    def export(dialog):
        seen["warning"] = dialog.warning.text()
        for name, box in dialog.boxes.items():
            box.setChecked(name == "minutes")
        dialog.folder.setText(str(out))
        dialog.export_button.click()
        qtbot.waitUntil(lambda: bool(dialog.written), timeout=20000)
        seen["written"] = dialog.written
        seen["status"] = dialog.status.text()
        dialog.accept()

    window = open_window(qtbot, round_file, FakeDialogs(choices=["Phạm Quốc Huy"], on_run=export))
    press(qtbot, window.current_tab().view, "123")
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert "chưa chốt" in seen["warning"] and "Số phiếu đã nhập (1) chưa bằng số phiếu thu về (30)" in seen["warning"]
    assert seen["written"] == [out / "dot-2026-bien-ban-kiem-phieu.pdf"]
    assert seen["written"][0].read_bytes().startswith(b"%PDF")
    assert "Đã xuất" in seen["status"]


def test_sealing_from_the_window_asks_for_a_reason_and_leaves_the_round_read_only(qtbot, settings_dir, round_file):
    dialogs = FakeDialogs(choices=["Phạm Quốc Huy", "Chốt khi chưa ghi", "Phạm Quốc Huy"], texts=["Hội nghị đồng ý chốt"])
    window = open_window(qtbot, round_file, dialogs)
    press(qtbot, window.current_tab().view, "123")
    window.seal_action.trigger()
    assert "Số phiếu đã nhập (1) chưa bằng số phiếu thu về (30)" in dialogs.asked[-2]
    assert dialogs.asked[-1] == "Ai chốt kết quả?"
    assert window.session.service.info.sealed and window.session.service.info.sealed_by == "Phạm Quốc Huy"
    assert "đã chốt kết quả" in window.windowTitle()
    assert window.current_tab().model.rowCount() == 1  # no "next ballot" row any more
    assert not window.seal_action.isEnabled() and window.correction_action.isEnabled()
    assert "Dấu vân tay" in dialogs.infos[-1]
    errors = len(dialogs.errors)
    qtbot.keyClick(window.current_tab().view, Qt.Key.Key_1)
    assert window.current_tab().model.ballots[0].marks == {1: C, 2: T, 3: L}
    assert len(dialogs.errors) == errors  # a status line, not a dialog per keystroke
    assert "đã chốt kết quả" in window.statusBar().currentMessage()


def test_backups_while_keying_and_restoring_one_as_a_new_file(qtbot, settings_dir, round_file, tmp_path):
    restored = tmp_path / "khoi-phuc.tinnhiem"
    dialogs = FakeDialogs(choices=["Phạm Quốc Huy", "dot-2026", "Phạm Quốc Huy"], texts=[restored])
    window = open_window(qtbot, round_file, dialogs)
    press(qtbot, window.current_tab().view, "123")
    window._backup_if_due()
    assert "sao lưu" in window.statusBar().currentMessage()
    press(qtbot, window.current_tab().view, "222")
    window.restore_backup()
    assert window.session.service.path == restored
    assert window.current_tab().model.ballots == [Ballot("1", 1, BallotStatus.VALID, {1: C, 2: T, 3: L})]


def test_closing_a_round_backs_up_what_was_keyed_since_the_last_backup(qtbot, settings_dir, round_file):
    from tinnhiem_desktop.services.backups import all_copies

    window = open_window(qtbot, round_file, FakeDialogs(choices=["Phạm Quốc Huy"]))
    press(qtbot, window.current_tab().view, "123")
    window._backup_if_due()
    press(qtbot, window.current_tab().view, "222")  # keyed within the backup interval
    window.close_round()
    newest = all_copies(window._backup_root())[0].path
    with RoundService.open(newest, "x", read_only=True) as copy:
        assert [b.marks for b in copy.ballots("1")] == [{1: C, 2: T, 3: L}, {1: T, 2: T, 3: T}]
    count = len(all_copies(window._backup_root()))
    window.open_round(round_file)
    window.close_round()  # nothing changed: no new copy
    assert len(all_copies(window._backup_root())) == count


def test_closing_the_export_dialog_while_it_writes_neither_hangs_nor_loses_a_file(qtbot, settings_dir, round_file,
                                                                                 tmp_path):
    out = tmp_path / "tai-lieu"

    def export_and_close_at_once(dialog):
        for box in dialog.boxes.values():
            box.setChecked(True)
        dialog.copies.setValue(2)
        dialog.folder.setText(str(out))
        dialog.export_button.click()
        dialog.accept()  # waits for the writing to finish

    window = open_window(qtbot, round_file, FakeDialogs(choices=["Phạm Quốc Huy"], on_run=export_and_close_at_once))
    press(qtbot, window.current_tab().view, "123")
    window.export_documents()
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"dot-2026-{suffix}" for suffix in ("bien-ban-kiem-phieu.pdf", "bien-ban-kiem-phieu.docx",
                                            "bao-cao-tong-hop.xlsx", "phieu-trang.pdf", "nhat-ky-nhap-phieu.pdf",
                                            "du-lieu-phieu.csv", "thong-bao-ket-qua.pdf"))
