"""Sealing from the window: the team chooses who seals (the head by default), and the meeting's
steps not recorded are listed first, with the offer to record them."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from tinnhiem_desktop.core.model import Counts, Mark
from tinnhiem_desktop.core.procedure import ATTENDANCE, COLLECTED, ISSUED, TEAM_VOTE
from tinnhiem_desktop.services.procedure import ProcedureService
from tinnhiem_desktop.services.rounds import RoundService
from tinnhiem_desktop.ui.procedure import MeetingStepsDialog

from conftest import FakeDialogs
from test_ui_blind import Dialogs
from test_ui_window import open_window, press, round_file  # noqa: F401 (a fixture)

HONG, HUY = "Lê Thị Hồng", "Phạm Quốc Huy"
SEAL_ANYWAY = "Chốt khi chưa ghi"


def keyed_in_full(round_file) -> None:
    """Form 1's 30 ballots and form 2's 10, so that the counts agree and no reason is asked."""
    with RoundService.open(round_file, HUY) as service:
        for number in range(1, 31):
            service.add_ballot("1", number, {1: Mark.CAO, 2: Mark.CAO, 3: Mark.THAP})
        for number in range(1, 11):
            service.add_ballot("2", number, {1: Mark.CAO, 2: Mark.CAO})


def test_the_head_of_the_team_seals_by_default_and_another_member_can(qtbot, settings_dir, round_file):
    keyed_in_full(round_file)
    dialogs = FakeDialogs(choices=[HUY, SEAL_ANYWAY])
    window = open_window(qtbot, round_file, dialogs)
    window.seal_action.trigger()
    assert dialogs.asked[-2] == "Ai chốt kết quả?" and HONG in dialogs.asked[-1]
    assert window.session.service.info.sealed_by == HONG


def test_a_member_chosen_seals(qtbot, settings_dir, round_file):
    keyed_in_full(round_file)
    dialogs = FakeDialogs(choices=[HONG, SEAL_ANYWAY, HUY])
    window = open_window(qtbot, round_file, dialogs)
    window.seal_action.trigger()
    assert window.session.service.info.sealed_by == HUY


def test_cancelling_who_seals_does_not_seal(qtbot, settings_dir, round_file):
    keyed_in_full(round_file)
    dialogs = Dialogs(choices=[HUY, SEAL_ANYWAY, None])
    window = open_window(qtbot, round_file, dialogs)
    window.seal_action.trigger()
    assert not window.session.service.info.sealed


def test_steps_not_recorded_are_listed_before_the_seal(qtbot, settings_dir, round_file):
    keyed_in_full(round_file)
    dialogs = Dialogs(choices=[HUY, None])
    window = open_window(qtbot, round_file, dialogs)
    window.seal_action.trigger()
    listed = dialogs.asked[-1]
    for missing in ("Chưa điểm danh", "biểu quyết thông qua Ban kiểm phiếu", "phiếu phát ra", "phiếu thu về"):
        assert missing in listed
    assert not window.session.service.info.sealed, "cancelled at the list"


def test_the_steps_are_recorded_from_the_list_and_then_sealed(qtbot, settings_dir, round_file):
    keyed_in_full(round_file)

    def record_steps(dialog: QDialog) -> None:
        assert isinstance(dialog, MeetingStepsDialog)
        dialog.next()  # attendance as the counts have it: 31 of 32, 10 of 10
        dialog.in_favour.setValue(25)
        dialog.next()
        dialog.issued["1"].setValue(30)  # one present took no ballot
        dialog.next()
        dialog.next()  # collected: as issued
        dialog.next()  # counting opens

    dialogs = FakeDialogs(choices=[HUY, "Ghi các bước"], on_run=record_steps)
    window = open_window(qtbot, round_file, dialogs)
    window.seal_action.trigger()
    info = window.session.service.info
    assert info.sealed and info.sealed_by == HONG
    records = ProcedureService(window.session.service).records()
    assert {ATTENDANCE, TEAM_VOTE, ISSUED, COLLECTED} <= set(records)
    assert window.session.setup.form("1").counts == Counts(32, 31, 30, 30)


def test_with_every_step_recorded_nothing_is_listed(qtbot, settings_dir, round_file):
    keyed_in_full(round_file)
    with RoundService.open(round_file, HONG) as service:
        procedure = ProcedureService(service)
        procedure.record_attendance({"1": 31, "2": 10})
        procedure.record_team_vote(25, 0)
        procedure.record_issued({"1": 30, "2": 10})
        procedure.record_collected({"1": 30, "2": 10})
    dialogs = FakeDialogs(choices=[HUY])
    window = open_window(qtbot, round_file, dialogs)
    window.seal_action.trigger()
    assert not any("Chưa điểm danh" in question for question in dialogs.asked)
    assert window.session.service.info.sealed_by == HONG
