"""Odd inputs wherever the window takes a file or a folder: a folder that does not exist, "/", a
folder where a file is wanted, a file that is not a round, nothing at all. Each ends in a Vietnamese
sentence saying what is wrong with what was given, never "Lỗi không mong đợi", and changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tinnhiem_desktop.core.spec import setup_from_dict
from tinnhiem_desktop.services.rounds import RoundService
from tinnhiem_desktop.ui.main_window import MainWindow

from conftest import FakeDialogs, spec_dict

UNEXPECTED = "không mong đợi"
CTRL = Qt.KeyboardModifier.ControlModifier
IS_FOLDER = "là một thư mục, không phải một tệp"
NOT_A_ROUND = "không phải là tệp đợt lấy phiếu"
TO_READ = {  # what was chosen: what the message must say
    "missing folder": "Không tìm thấy tệp",
    "root": IS_FOLDER,
    "a folder": IS_FOLDER,
    "a text file": NOT_A_ROUND,
    "a csv named .tinnhiem": NOT_A_ROUND,
    "an empty file": NOT_A_ROUND,
}
TO_WRITE = {
    "missing folder": "chưa có nên không ghi được",
    "root": "là một thư mục đã có, chưa có tên tệp",
    "a folder": "là một thư mục đã có, chưa có tên tệp",
    "a text file": "đã có; chương trình không ghi đè",
}


@pytest.fixture
def odd(tmp_path) -> dict[str, Path]:
    folder = tmp_path / "chon"
    folder.mkdir()
    text = folder / "ghi-chu.txt"
    text.write_text("Danh sách tổ kiểm phiếu\n", encoding="utf-8")
    renamed = folder / "khong-phai.tinnhiem"
    renamed.write_text("form,ballot,status,1\n1,1,valid,1\n", encoding="utf-8")
    empty = folder / "rong.tinnhiem"
    empty.write_bytes(b"")
    return {"missing folder": tmp_path / "khong-co" / "dot.tinnhiem", "root": Path("/"), "a folder": folder,
            "a text file": text, "a csv named .tinnhiem": renamed, "an empty file": empty}


@pytest.fixture
def round_file(tmp_path) -> Path:
    path = tmp_path / "dot-2026.tinnhiem"
    RoundService.create(path, setup_from_dict(spec_dict(), "test"), "chuẩn bị").close()
    return path


def active_window(qtbot, dialogs, path: Path | None = None) -> MainWindow:
    window = MainWindow(dialogs)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    if path is not None:
        assert window.open_round(path)
    return window


def told(dialogs) -> str:
    return "\n".join(dialogs.errors + dialogs.infos)


@pytest.mark.parametrize("name", TO_READ)
def test_opening_what_is_not_a_round_says_what_it_is(qtbot, settings_dir, odd, name):
    dialogs = FakeDialogs(texts=[odd[name]])
    window = active_window(qtbot, dialogs)
    qtbot.keyClick(window, Qt.Key.Key_O, CTRL)
    assert window.session is None
    assert len(dialogs.errors) == 1 and TO_READ[name] in dialogs.errors[0] and UNEXPECTED not in told(dialogs)
    assert str(odd[name]) in dialogs.errors[0]


@pytest.mark.parametrize("name", TO_READ)
def test_next_year_from_what_is_not_a_round(qtbot, settings_dir, odd, name):
    dialogs = FakeDialogs(texts=[odd[name]])
    window = active_window(qtbot, dialogs)
    next(a for a in window.findChildren(type(window.export_action)) if "năm t&rước" in a.text()).trigger()
    assert window.session is None and dialogs.shown == []  # no wizard on nothing
    assert len(dialogs.errors) == 1 and TO_READ[name] in dialogs.errors[0] and UNEXPECTED not in told(dialogs)


@pytest.mark.parametrize("name", TO_READ)
def test_receiving_from_a_station_what_is_not_a_round(qtbot, settings_dir, odd, round_file, name):
    dialogs = FakeDialogs(choices=["Phạm Quốc Huy"], texts=[odd[name]])
    window = active_window(qtbot, dialogs, round_file)
    window.import_station_action.trigger()
    assert len(dialogs.errors) == 1 and TO_READ[name] in dialogs.errors[0] and UNEXPECTED not in told(dialogs)
    assert window.session.service.ballots("1") == []


@pytest.mark.parametrize("name", TO_WRITE)
def test_a_station_copy_where_no_new_file_can_be(qtbot, settings_dir, odd, round_file, name):
    before = odd["a text file"].read_bytes()
    dialogs = FakeDialogs(choices=["Phạm Quốc Huy"], texts=["Máy 2", "", odd[name]])
    window = active_window(qtbot, dialogs, round_file)
    window.station_action.trigger()
    assert len(dialogs.errors) == 1 and TO_WRITE[name] in dialogs.errors[0] and UNEXPECTED not in told(dialogs)
    assert odd["a text file"].read_bytes() == before and not odd["missing folder"].parent.exists()


@pytest.mark.parametrize("name", TO_WRITE)
def test_a_correction_where_no_new_file_can_be(qtbot, settings_dir, odd, round_file, name):
    with RoundService.open(round_file, "Lê Thị Hồng") as service:
        service.seal("Lê Thị Hồng", "Chốt thử")
    dialogs = FakeDialogs(choices=["Phạm Quốc Huy"], texts=["Sai tên", odd[name]])
    window = active_window(qtbot, dialogs, round_file)
    window.correction_action.trigger()
    assert len(dialogs.errors) == 1 and TO_WRITE[name] in dialogs.errors[0] and UNEXPECTED not in told(dialogs)
    assert window.session.service.path == round_file


@pytest.mark.parametrize("typed, said", [("", "Chưa chọn thư mục"), ("   ", "Chưa chọn thư mục"),
                                         ("a text file", "là một tệp, không phải thư mục"),
                                         ("an empty file", "là một tệp, không phải thư mục")])
@pytest.mark.parametrize("action", ["export_action", "reports_action"])
def test_documents_into_what_is_not_a_folder(qtbot, settings_dir, odd, round_file, tmp_path, monkeypatch,
                                             action, typed, said):
    """The folder typed by keyboard, then Enter (the dialog's default button: export)."""
    monkeypatch.chdir(tmp_path)  # an empty folder once meant "here": nothing may land in it
    shown = []

    def type_folder(dialog):
        dialog.show()
        field = dialog.folder
        field.setFocus()
        QTest.keyClick(field, Qt.Key.Key_A, CTRL)
        QTest.keyClick(field, Qt.Key.Key_Delete)
        QTest.keyClicks(field, str(odd[typed]) if typed in odd else typed)
        QTest.keyClick(field, Qt.Key.Key_Return)
        qtbot.wait(200)
        shown.append(dialog.status.text())
        dialog.accept()

    dialogs = FakeDialogs(choices=["Phạm Quốc Huy"], on_run=type_folder)
    window = active_window(qtbot, dialogs, round_file)
    getattr(window, action).trigger()
    assert said in shown[0] and UNEXPECTED not in shown[0] + told(dialogs)
    assert list(tmp_path.glob("dot-2026-*")) == []  # no document written anywhere


@pytest.mark.parametrize("name, said", [("missing folder", "Không tìm thấy tệp"), ("root", IS_FOLDER),
                                        ("a folder", IS_FOLDER), ("a text file", "không phải bảng tính Excel"),
                                        ("an empty file", "không phải bảng tính Excel")])
def test_a_candidate_list_from_what_is_not_a_list(qtbot, settings_dir, odd, tmp_path, name, said):
    from tinnhiem_desktop.ui.wizard import RoundWizard

    dialogs = FakeDialogs(texts=[odd[name]])
    wizard = RoundWizard(dialogs, tmp_path)
    qtbot.addWidget(wizard)
    messages = []
    editor = wizard.forms_page.current_editor()
    editor.failed.connect(messages.append)
    editor.import_button.click()
    assert len(messages) == 1 and said in messages[0] and UNEXPECTED not in messages[0]
    assert editor.candidates() == ()


def test_last_years_results_from_a_file_that_is_not_a_round_name_it(qtbot, settings_dir, odd, round_file):
    from tinnhiem_desktop.ui.history_dialog import HistoryDialog

    dialogs = FakeDialogs(choices=["Phạm Quốc Huy"], texts=[odd["a text file"]])
    window = active_window(qtbot, dialogs, round_file)
    dialog = HistoryDialog(window.session.service, dialogs, round_file.parent, parent=window)
    qtbot.addWidget(dialog)
    dialog.choose_file()
    assert "Không dùng tệp ghi-chu.txt" in dialog.status.text() and NOT_A_ROUND in dialog.status.text()
    assert window.session.service.prior_results() == []


def test_the_consolidated_report_written_to_a_folder_is_refused_in_words(qtbot, tmp_path):
    from tinnhiem_desktop.ui.consolidate_window import ConsolidateWindow

    from unit_rounds import two_years_three_units

    folder = tmp_path / "tep"
    two_years_three_units(folder)
    dialogs = FakeDialogs(texts=[str(folder), "/", str(folder)])
    window = ConsolidateWindow(dialogs, tmp_path)
    qtbot.addWidget(window)
    window.show()  # closed at the end as a shown dialog is: it waits for its reading thread to end
    window.add_folder()
    with qtbot.waitSignal(window.checked, timeout=20_000):
        window.check_button.click()
    for _ in range(2):
        window.write_button.click()
    assert len(dialogs.errors) == 2 and all("là một thư mục đã có, chưa có tên tệp" in e for e in dialogs.errors)
    assert window.written is None or window.written == []


def test_an_unexpected_error_claims_kept_data_only_with_a_round_open(qtbot, settings_dir, round_file, monkeypatch):
    from tinnhiem_desktop.ui import app

    shown = []
    monkeypatch.setattr(app.Dialogs, "error", lambda self, text: shown.append(text))
    window = active_window(qtbot, FakeDialogs(choices=["Phạm Quốc Huy"]))
    app._report_unexpected(ValueError, ValueError("x"), None)
    assert window.open_round(round_file)
    app._report_unexpected(ValueError, ValueError("x"), None)
    kept = "vẫn được lưu trong tệp"
    assert UNEXPECTED in shown[0] and kept not in shown[0]  # no round: no file to have kept anything
    assert kept in shown[1]
