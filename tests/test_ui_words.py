"""Words the team reads: the grid says what the help says, the command line's comparison speaks
Vietnamese, and the English window writes its numbers and counts the English way."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from tinnhiem_desktop.cli import main as cli_main
from tinnhiem_desktop.core.model import Mark
from tinnhiem_desktop.core.spec import setup_from_dict
from tinnhiem_desktop.services.rounds import RoundService
from tinnhiem_desktop.ui import i18n
from tinnhiem_desktop.ui.i18n import install_translation
from tinnhiem_desktop.ui.main_window import HELP_HTML
from tinnhiem_desktop.ui.procedure import deadline_text
from tinnhiem_desktop.ui.tally import mark_text

from conftest import ROOT, FakeDialogs, spec_dict
from test_ui_window import open_window, press, round_file  # noqa: F401 (a fixture)

C, T, L = Mark.CAO, Mark.TIN_NHIEM, Mark.THAP


def test_the_grid_writes_each_mark_as_the_help_and_the_readme_do(qtbot, settings_dir, round_file):
    window = open_window(qtbot, round_file)
    window.resize(1366, 740)  # the laptop's screen: room for the words (a narrow window writes "0")
    tab = window.current_tab()
    qtbot.waitUntil(lambda: not tab.model.short_marks)
    press(qtbot, tab.view, "0")
    shown = tab.model.index(0, 1).data()
    assert shown == "0 Trống"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for mark in Mark:
        assert f"<b>{mark_text(mark)}</b>" in HELP_HTML and f"`{mark_text(mark)}`" in readme


def test_the_command_line_comparison_names_kinds_and_resolutions_in_vietnamese(tmp_path, capsys):
    path = tmp_path / "dot.tinnhiem"
    RoundService.create(path, setup_from_dict(spec_dict(entry_mode="double"), "test"), "chuẩn bị").close()
    with RoundService.open(path, "Lê Thị Hồng") as service:
        service.add_ballot("1", 1, {1: C, 2: C, 3: C})
        service.add_ballot("1", 2, {1: C, 2: C, 3: C})
        service.add_ballot("1", 3, {1: C, 2: C, 3: C})
        service.set_entry_pass("B")
        service.add_ballot("1", 1, {1: C, 2: T, 3: C})
        service.add_ballot("1", 2, invalid_reason="Phiếu không có dấu")
        service.resolve("1", 1, "A")
        service.resolve("1", 2, "R", {1: C, 2: C, 3: L})
    assert cli_main(["compare", str(path)]) == 1
    out = capsys.readouterr().out
    for code in ("marks", "status", "only_a", "(A)", "(R)"):
        assert code not in out
    assert "phiếu số 1: khác ô đánh dấu — Hoàng Thị Thu Hà; đã xử lý: lấy theo lượt A" in out
    assert "phiếu số 2: khác về hợp lệ" in out and "; đã xử lý: nhập lại theo phiếu giấy" in out
    assert "phiếu số 3: chỉ lượt A có phiếu này; CHƯA XỬ LÝ" in out


@pytest.fixture
def english(qapp):
    assert install_translation(qapp, "en") == "en"
    yield
    install_translation(qapp, "vi")


def test_english_counts_read_the_same_for_one_ballot_and_for_many(english):
    for numbers in ([11], [4, 5, 11]):
        for code in ("ballots_incomplete", "double_entry_unresolved"):
            text = i18n.sentence(code, {"count": len(numbers), "ballots": numbers})
            assert "1 ballots" not in text and "ballots 11" not in text and "ballots 4" not in text, text
    for source in ("{count} phiếu có chênh lệch giữa hai lượt; tất cả đã được xử lý.", "Còn {count} ô"):
        text = QCoreApplication.translate("CompareDialog" if "chênh" in source else "tally", source)
        assert "1 ballots" not in text.format(count=1) and "1 cells" not in text.format(count=1)


def test_english_percentages_and_counts_use_a_decimal_point(qtbot, settings_dir, round_file, english):
    with RoundService.open(round_file, "x") as service:
        for number in range(1, 4):
            service.add_ballot("1", number, {1: C, 2: C if number < 3 else L, 3: C})
    window = open_window(qtbot, round_file, FakeDialogs(choices=["Phạm Quốc Huy"]))
    pane = window.panes_by_form["1"]
    assert pane.model.index(1, 3).data() == "6.67%"  # 2 of the 30 collected
    assert "," not in pane.model.index(1, 7).data()


def test_english_deadline_days_are_not_zero_padded(english):
    text = deadline_text("2026-11-27")
    assert "3 calendar days" in text and "03 " not in text


def test_vietnamese_keeps_its_own_writing(qtbot, settings_dir, round_file):
    with RoundService.open(round_file, "x") as service:
        service.add_ballot("1", 1, {1: C, 2: C, 3: C})
    window = open_window(qtbot, round_file)
    assert window.panes_by_form["1"].model.index(0, 3).data() == "3,33%"
    assert "03 ngày" in deadline_text("2026-11-27")
