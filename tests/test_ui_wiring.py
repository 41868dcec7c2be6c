"""The window reaches every part of the annual procedure: the procedure menu, last year's results in
the results pane, the provincial tick and the self-assessment deadline in the wizard."""

from __future__ import annotations

from pathlib import Path

import pytest

from tinnhiem_desktop.core.spec import setup_from_dict
from tinnhiem_desktop.services.rounds import RoundService
from tinnhiem_desktop.ui.main_window import MainWindow
from tinnhiem_desktop.ui.results import ResultsModel
from tinnhiem_desktop.ui.wizard import RoundWizard

from conftest import FakeDialogs, spec_dict
from test_ui_window import open_window


@pytest.fixture
def round_file(tmp_path) -> Path:
    data = spec_dict()
    data["forms"][0]["candidates"][1]["provincial"] = True
    path = tmp_path / "dot-2026.tinnhiem"
    RoundService.create(path, setup_from_dict(data, "test"), "chuẩn bị").close()
    return path


def test_the_procedure_menu_opens_each_step(qtbot, settings_dir, round_file):
    dialogs = FakeDialogs(choices=["Phạm Quốc Huy"])
    window = open_window(qtbot, round_file, dialogs)
    titles = [a.text() for a in window.menuBar().actions()]
    assert "&Quy trình" in titles
    window.show_checklist()
    window.meeting_steps()
    window.reports_upward()
    window.show_history()
    assert [type(d).__name__ for d in dialogs.shown] == [
        "ChecklistDialog", "MeetingStepsDialog", "ReportsDialog", "HistoryDialog"]
    assert not window.handover_action.isEnabled(), "the hand-over comes after the seal"


def test_last_years_figure_typed_by_hand_shows_beside_this_years(qtbot, settings_dir, round_file):
    window = open_window(qtbot, round_file)
    window.session.service.set_prior_result("1", 1, 2025, thap=15, base=30, source="Biên bản năm 2025")
    pane = window.panes_by_form["1"]
    assert pane.model.index(0, ResultsModel.PRIOR).data() == "50,00% (nhập tay)"
    assert pane.model.index(1, ResultsModel.PRIOR).data() == "—"


def test_the_wizard_keeps_the_provincial_tick_and_shows_the_deadline(qtbot, settings_dir, round_file, tmp_path):
    data = spec_dict()
    data["forms"][0]["candidates"][1]["provincial"] = True
    setup = setup_from_dict(data, "t")
    wizard = RoundWizard(FakeDialogs(), tmp_path, initial=setup)
    qtbot.addWidget(wizard)
    assert "24/11/2026" in wizard.info_page.deadline_label.text()  # 3 days before 27/11/2026
    forms = wizard.forms_page.forms()
    assert [c.provincial for c in forms[0].candidates] == [False, True, False]
    assert wizard.result_setup().forms == setup.forms


def test_the_window_checks_a_sealed_file_against_the_fingerprint_typed_from_the_paper(qtbot, settings_dir, tmp_path):
    from tinnhiem_desktop.core.audit import grouped
    from tinnhiem_desktop.core.model import Mark

    path = tmp_path / "nam-2026.tinnhiem"
    setup = setup_from_dict(spec_dict(), "t")
    with RoundService.create(path, setup, "Lê Thị Hồng") as service:
        service.add_ballot("1", marks={1: Mark.CAO, 2: Mark.CAO, 3: Mark.THAP})
        genuine = service.seal("Lê Thị Hồng", "thử").fingerprint
    paper = grouped(genuine).upper()
    dialogs = FakeDialogs(texts=[paper, paper[:-1] + ("0" if paper[-1] != "0" else "1"), paper[:9]])
    window = open_window(qtbot, path, dialogs)
    window.verify_file()
    assert dialogs.errors == [] and "Khớp với dấu vân tay trên biên bản." in dialogs.infos[-1]
    window.verify_file()
    assert "KHÁC dấu vân tay của tệp" in dialogs.errors[-1]
    window.verify_file()  # a slip typing it: said so, the file not called altered
    assert "đủ 64 ký tự" in dialogs.errors[-1] and "KHÔNG NGUYÊN VẸN" not in dialogs.errors[-1]


def test_a_round_made_with_the_wizard_names_its_organiser_in_the_log(qtbot, settings_dir, tmp_path):
    from PySide6.QtWidgets import QWizard

    from test_ui_wizard import PageId, fill_forms, fill_info, go_to

    def fill(wizard: RoundWizard) -> None:
        wizard.restart()
        fill_info(wizard)
        wizard.team_page.table.item(0, 0).setText("Lê Thị Hồng")
        go_to(wizard, PageId.FORMS)
        fill_forms(wizard)
        go_to(wizard, PageId.SAVE)
        wizard.save_page.path_edit.setText(str(tmp_path / "dot.tinnhiem"))
        wizard.button(QWizard.WizardButton.FinishButton).click()

    window = MainWindow(FakeDialogs(choices=["Lê Thị Hồng"], on_run=fill))
    qtbot.addWidget(window)
    window.new_round()
    assert window.session is not None and window.session.service.path == tmp_path / "dot.tinnhiem"
    assert {event.keyer for event in window.session.service.events()} == {"Nguyễn Thị Mai (chuẩn bị đợt)"}


def test_a_round_made_and_the_keyer_question_cancelled_keys_in_the_preparers_name(qtbot, settings_dir, tmp_path):
    from PySide6.QtWidgets import QWizard

    from test_ui_wizard import PageId, fill_forms, fill_info, go_to

    def fill(wizard: RoundWizard) -> None:
        wizard.restart()
        fill_info(wizard)
        go_to(wizard, PageId.FORMS)
        fill_forms(wizard)
        go_to(wizard, PageId.SAVE)
        wizard.save_page.path_edit.setText(str(tmp_path / "dot.tinnhiem"))
        wizard.button(QWizard.WizardButton.FinishButton).click()

    window = MainWindow(FakeDialogs(choices=[None], on_run=fill))  # "Ai đang nhập phiếu?" cancelled
    qtbot.addWidget(window)
    window.new_round()
    window.session.add_ballot("1", 1)
    keyers = [event.keyer for event in window.session.service.events()]
    assert keyers == ["Nguyễn Thị Mai (chuẩn bị đợt)", "Nguyễn Thị Mai"]
    assert "tên người lập đợt" in window.statusBar().currentMessage()


@pytest.mark.parametrize("language", ["vi", "en"])
def test_each_menus_alt_letters_are_distinct(qtbot, qapp, settings_dir, language):
    import re

    from tinnhiem_desktop.ui.i18n import install_translation

    def letters(actions) -> list[str]:
        found = (re.search(r"&([^&])", a.text().replace("&&", "")) for a in actions if not a.isSeparator())
        return [match.group(1).lower() for match in found if match]

    try:
        assert install_translation(qapp, language) == language
        window = MainWindow(FakeDialogs())
        qtbot.addWidget(window)
        menus = [("", window.menuBar().actions())] + [(a.text(), a.menu().actions()) for a in window.menuBar().actions()]
        for title, actions in menus:
            used = letters(actions)
            assert len(used) == len(set(used)), (title, sorted(used))
            assert all(letter.isascii() and letter.isalnum() for letter in used), (title, used)
    finally:
        install_translation(qapp, "vi")
