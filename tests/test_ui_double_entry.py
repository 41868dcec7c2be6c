"""Double entry in the window: two keyers key blind, the comparison view settles the differences,
and a station's copy comes back over a USB stick."""

from __future__ import annotations

from pathlib import Path

import pytest

from tinnhiem_desktop.core.double_entry import Resolution
from tinnhiem_desktop.core.model import EntryPass, Mark
from tinnhiem_desktop.core.spec import setup_from_dict
from tinnhiem_desktop.services.rounds import RoundService
from tinnhiem_desktop.ui.compare import CompareDialog
from tinnhiem_desktop.ui.main_window import parse_range, slug

from conftest import FakeDialogs, spec_dict
from test_ui_window import open_window, press

HONG, HUY = "Lê Thị Hồng", "Phạm Quốc Huy"


@pytest.fixture
def double_file(tmp_path) -> Path:
    path = tmp_path / "dot-2026.tinnhiem"
    RoundService.create(path, setup_from_dict(spec_dict(entry_mode="double"), "test"), "chuẩn bị").close()
    return path


def test_two_keyers_key_blind_and_resolve_in_the_comparison_view(qtbot, settings_dir, double_file):
    dialogs = FakeDialogs(choices=[HONG, "Lượt A"])
    window = open_window(qtbot, double_file, dialogs)
    assert "lượt A" in window.keyer_label.text()
    press(qtbot, window.current_tab().view, "123" "222")

    dialogs.choices = [HUY, "Lượt B"]
    assert window.choose_keyer()
    tab = window.current_tab()
    assert tab.model.rowCount() == 1, "pass B starts from an empty grid: nothing of pass A shows"
    assert "lượt B" in window.keyer_label.text()
    press(qtbot, tab.view, "133" "222")

    pane = window.panes_by_form["1"]
    assert pane.issues.text() == "" and pane.blind_note.isVisible(), "pass B sees neither results nor differences"
    assert window.session.form_results("1").tally.keyed == 1

    def settle(dialog: CompareDialog) -> None:
        assert dialog.table.rowCount() == 1
        assert "Vũ Đức Thắng" not in dialog.table.item(0, 3).text()  # only the differing cell
        assert dialog.table.item(0, 3).text().endswith("2 TN") and dialog.table.item(0, 4).text().endswith("3 Thấp")
        stats = {dialog.stats.item(r, 0).text(): dialog.stats.item(r, 3).text() for r in range(dialog.stats.rowCount())}
        assert stats == {HONG: "1", HUY: "1"}
        assert dialog.resolve_current(Resolution.TAKE_A)
        assert "tất cả đã được xử lý" in dialog.summary.text()

    dialogs.on_run = settle
    window.compare_passes()
    assert dialogs.asked[-1].startswith("Bảng đối chiếu hiện nội dung"), "pass B is warned before seeing A"
    assert window.session.form_results("1").tally.keyed == 2
    assert [c.tin_nhiem for c in window.session.form_results("1").tally.candidates] == [1, 2, 1]


def test_keying_a_ballot_again_from_one_typed_line(qtbot, settings_dir, double_file):
    with RoundService.open(double_file, HONG) as service:
        service.add_ballot("1", 1, {1: Mark.CAO, 2: Mark.CAO, 3: Mark.CAO})
        service.set_entry_pass("B")
        service.add_ballot("1", 1, {1: Mark.THAP, 2: Mark.CAO, 3: Mark.CAO})
    dialogs = FakeDialogs(choices=[HONG, "Lượt A"], texts=["12", "31x"])

    def rekey(dialog: CompareDialog) -> None:
        assert not dialog.resolve_current(Resolution.KEYED_AGAIN)  # two characters for three people
        assert "Cần đúng 3 ký tự" in dialogs.errors[-1]
        assert dialog.resolve_current(Resolution.KEYED_AGAIN)
        assert dialog.table.item(0, 5).text() == "Đã nhập lại"

    dialogs.on_run = rekey
    window = open_window(qtbot, double_file, dialogs)
    window.compare_passes()
    tally = window.session.form_results("1").tally
    assert (tally.candidates[0].thap, tally.candidates[1].cao, tally.candidates[2].multi) == (1, 1, 1)


def test_a_station_copy_is_made_and_merged_back(qtbot, settings_dir, double_file, tmp_path):
    station = tmp_path / "usb" / "may-2.tinnhiem"
    station.parent.mkdir()
    dialogs = FakeDialogs(choices=[HONG, "Lượt A", "Lượt B"], texts=["Máy 2", "1-50", str(station)])
    window = open_window(qtbot, double_file, dialogs)
    window.make_station()
    assert station.exists() and "Máy 2" in dialogs.infos[-1]
    with RoundService.open(station, HUY) as copy:
        assert copy.entry_pass is EntryPass.B and copy.station.last == 50
        copy.add_ballot("1", 1, {1: Mark.CAO, 2: Mark.CAO, 3: Mark.CAO})
    dialogs.texts = [str(station)]
    window.import_station()
    assert "thêm 1 phiếu mới" in dialogs.infos[-1]
    assert len(window.session.service.ballots("1", EntryPass.B)) == 1


def test_small_parsers():
    assert parse_range("") == (None, None) and parse_range("1–150") == (1, 150)
    assert slug("Máy 2 — chị Lan") == "may-2-chi-lan"
