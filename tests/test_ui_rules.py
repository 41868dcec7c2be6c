"""The rule in the window: Kết quả › Quy tắc của đợt… changes a threshold and the live results
follow; a rule saved as one's own comes back in the next wizard; a broken saved file is a note."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tinnhiem_desktop.core.model import Mark
from tinnhiem_desktop.core.rules import PRESETS
from tinnhiem_desktop.core.spec import setup_from_dict
from tinnhiem_desktop.export.wording import FLAG_NAMES
from tinnhiem_desktop.services.presets import load_presets
from tinnhiem_desktop.services.rounds import RoundService
from tinnhiem_desktop.ui.main_window import MainWindow
from tinnhiem_desktop.ui.results import ResultsModel
from tinnhiem_desktop.ui.rules import RuleDialog, SaveRuleDialog
from tinnhiem_desktop.ui.wizard import PageId, RoundWizard

from conftest import FakeDialogs, spec_dict

C, T, L = Mark.CAO, Mark.TIN_NHIEM, Mark.THAP


@pytest.fixture
def keyed_file(tmp_path) -> Path:
    """30 ballots of form 1: candidate 1 has 20 thấp of 30 (2/3), candidate 2 has 23 (76,67%)."""
    path = tmp_path / "dot-2026.tinnhiem"
    with RoundService.create(path, setup_from_dict(spec_dict(), "test"), "chuẩn bị") as service:
        for number in range(1, 31):
            service.add_ballot("1", marks={1: L if number <= 20 else C, 2: L if number <= 23 else T, 3: C})
    return path


def open_window(qtbot, path: Path, dialogs: FakeDialogs) -> MainWindow:
    window = MainWindow(dialogs)
    qtbot.addWidget(window)
    window.show()
    assert window.open_round(path)
    return window


def flags_shown(window: MainWindow, row: int) -> str:
    return window.panes_by_form["1"].model.index(row, ResultsModel.FLAGS).data()


def test_moving_a_threshold_in_the_rule_dialog_changes_the_flags_in_the_results_pane(qtbot, settings_dir, keyed_file):
    def three_quarters(dialog):
        assert isinstance(dialog, RuleDialog)
        assert dialog.editor.preset_combo.currentData() == "qd-96-2023"
        dialog.editor.set_share(2, "3/4")
        assert "ngưỡng tín nhiệm thấp từ 3/4 trở lên" in dialog.editor.override_label.text()

    dialogs = FakeDialogs(choices=["Phạm Quốc Huy"], on_run=three_quarters)
    window = open_window(qtbot, keyed_file, dialogs)
    assert flags_shown(window, 0) == flags_shown(window, 1) == FLAG_NAMES["thap_two_thirds_or_more"]
    assert window.rule_action.isEnabled()
    window.rule_action.trigger()
    assert flags_shown(window, 0) == "Tín nhiệm thấp trên 1/2 và dưới 3/4"
    assert flags_shown(window, 1) == "Tín nhiệm thấp từ 3/4 trở lên"
    assert "(điều chỉnh so với quy tắc gốc)" in window.panes_by_form["1"].base.text()
    event = window.session.service.events()[-1]
    assert (event.action, event.keyer) == ("rule_changed", "Phạm Quốc Huy")
    assert window.session.service.verify().intact

    dialogs.texts.append("Hội nghị đồng ý")
    dialogs.choices.append("Chốt khi chưa ghi")  # the meeting's steps were not recorded
    window.seal_action.trigger()
    assert window.session.service.info.sealed and not window.rule_action.isEnabled()


def test_the_rule_dialog_refuses_a_threshold_it_cannot_read(qtbot, keyed_file):
    with RoundService.open(keyed_file, "x", read_only=True) as service:
        dialog = RuleDialog(service.setup, FakeDialogs())
    qtbot.addWidget(dialog)
    dialog.editor.set_share(1, "hai phần ba")
    dialog.accept()
    assert dialog.result() == 0 and "Ngưỡng 1: Ngưỡng 'hai phần ba' không hợp lệ" in dialog.problem_label.text()
    dialog.editor.set_share(1, "4/5")
    dialog.accept()
    assert "không chứa tỷ lệ nào" in dialog.problem_label.text()
    dialog.editor.reset()
    dialog.accept()
    assert dialog.result() == 1


def new_wizard(qtbot, dialogs, tmp_path) -> RoundWizard:
    wizard = RoundWizard(dialogs, tmp_path)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.info_page.unit_edit.setText("SỞ GIAO THÔNG VẬN TẢI")
    wizard.info_page.preparer_edit.setText("Nguyễn Thị Mai")
    wizard.next()
    assert wizard.currentId() == PageId.RULES
    return wizard


def test_a_rule_saved_as_ones_own_is_offered_again_in_a_new_wizard(qtbot, tmp_path, config_dir, settings_dir):
    def name_it(dialog):
        assert isinstance(dialog, SaveRuleDialog)
        dialog.name_edit.setText("Quy chế Sở 2026")
        dialog.source_edit.setText("Quyết định số 12/QĐ-SGTVT ngày 01/10/2026")

    dialogs = FakeDialogs(on_run=name_it)
    wizard = new_wizard(qtbot, dialogs, tmp_path)
    editor = wizard.rules_page.editor
    editor.preset_combo.setCurrentIndex(editor.preset_combo.findData("qd-96-2023"))
    editor.set_share(1, "3/5")
    editor.set_share(2, "75%")
    editor.quorum_check.setChecked(False)
    editor.save_button.click()
    saved = load_presets().presets
    assert [p.name for p in saved] == ["Quy chế Sở 2026"] and (config_dir / "quy-tac" / f"{saved[0].id}.json").exists()
    assert editor.preset_combo.currentData() == saved[0].id and editor.override_label.isHidden()
    assert "Quyết định số 12/QĐ-SGTVT" in editor.description_label.text()
    assert "Tín nhiệm thấp trên 3/5 và dưới 75%" in editor.description_label.text()
    assert wizard.result_setup().rule_custom.preset == saved[0]

    again = new_wizard(qtbot, FakeDialogs(), tmp_path)
    combo = again.rules_page.preset_combo
    names = [combo.itemText(i) for i in range(combo.count())]
    assert names[:len(PRESETS)] == [p.name for p in PRESETS.values()]
    assert names[-1] == "Quy chế Sở 2026 (quy tắc riêng)"
    combo.setCurrentIndex(combo.count() - 1)
    setup = again.result_setup()
    assert (setup.rule_id, setup.rule_custom.preset) == (saved[0].id, saved[0])
    from tinnhiem_desktop.core.results import round_rule

    assert round_rule(setup).in_force.quorum is None


def test_a_broken_saved_rule_is_skipped_with_a_note(qtbot, tmp_path, config_dir, settings_dir):
    folder = config_dir / "quy-tac"
    folder.mkdir(parents=True)
    (folder / "hong.json").write_text('{"id": "rieng-hong", "name": "Hỏng"', encoding="utf-8")
    (folder / "rieng-tot.json").write_text(json.dumps({
        "format": 1, "id": "rieng-tot", "name": "Tốt", "source": "Quy chế", "base": "present", "decimals": 1,
        "bands": [{"flag": "thap_over_half", "over": "1/2"}], "quorum": None}, ensure_ascii=False), encoding="utf-8")
    wizard = new_wizard(qtbot, FakeDialogs(), tmp_path)
    page = wizard.rules_page
    assert not page.editor.saved_note.isHidden()
    assert "hong.json" in page.editor.saved_note.text() and "JSON sai cú pháp" in page.editor.saved_note.text()
    assert page.preset_combo.findData("rieng-tot") > 0 and page.preset_combo.findData("rieng-hong") < 0


def test_the_counts_page_checks_the_quorum_the_round_sets(qtbot, tmp_path, settings_dir):
    wizard = new_wizard(qtbot, FakeDialogs(), tmp_path)
    editor = wizard.rules_page.editor
    editor.preset_combo.setCurrentIndex(editor.preset_combo.findData("qd-262-2014"))
    editor.quorum_check.setChecked(True)
    editor.quorum_edit.setText("3/4")
    wizard.team_page.table.item(0, 0).setText("Lê Thị Hồng")
    wizard.next()
    wizard.next()
    editor_form = wizard.forms_page.current_editor()
    editor_form.title_edit.setText("Lãnh đạo Sở")
    from test_ui_wizard import set_cells

    set_cells(editor_form.table, 0, {1: "Nguyễn Văn An", 2: "Giám đốc Sở"})
    wizard.next()
    assert wizard.currentId() == PageId.COUNTS
    _, spins = wizard.counts_page.rows[0]
    for spin, value in zip(spins, (40, 29, 29, 29)):
        spin.setValue(value)
    assert "chưa đạt 3/4" in wizard.counts_page.warning_label.text()
    spins[1].setValue(30)
    assert wizard.counts_page.warning_label.isHidden()


def test_the_team_is_named_as_the_rule_chosen_names_it_and_a_round_may_call_it_otherwise(qtbot, tmp_path,
                                                                                         settings_dir):
    wizard = new_wizard(qtbot, FakeDialogs(), tmp_path)
    editor, team = wizard.rules_page.editor, wizard.team_page
    editor.preset_combo.setCurrentIndex(editor.preset_combo.findData("qd-96-2023"))
    assert editor.team_edit.text() == "Ban kiểm phiếu" and team.title() == "Ban kiểm phiếu"
    assert team.table.item(0, 1).text() == "Trưởng ban"  # the new round's head, as a Ban calls it
    editor.preset_combo.setCurrentIndex(editor.preset_combo.findData("huong-dan-2013"))
    assert editor.team_edit.text() == "Tổ kiểm phiếu" and team.table.item(0, 1).text() == "Tổ trưởng"
    assert wizard.result_setup().rule_custom is None
    editor.team_edit.setText("Ban kiểm phiếu")
    assert "tên gọi bộ phận kiểm phiếu: Ban kiểm phiếu (quy tắc gốc: Tổ kiểm phiếu)" in editor.override_label.text()
    assert wizard.result_setup().rule_custom.team_name == "Ban kiểm phiếu"
    editor.reset_button.click()
    assert editor.team_edit.text() == "Tổ kiểm phiếu" and wizard.result_setup().rule_custom is None
