"""The procedure's dialogs, driven with pytest-qt: the checklist, the meeting steps, the hand-over
and the reports upward."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, QItemSelectionModel, Qt

from tinnhiem_desktop.core import procedure as steps
from tinnhiem_desktop.core.model import Mark
from tinnhiem_desktop.core.procedure import TeamVote
from tinnhiem_desktop.core.spec import setup_from_dict
from tinnhiem_desktop.services.procedure import ProcedureService
from tinnhiem_desktop.services.rounds import RoundService
from tinnhiem_desktop.ui.procedure import ChecklistDialog, HandoverDialog, MeetingStepsDialog, ReportsDialog

from conftest import FakeDialogs, spec_dict

LATER = date.today() + timedelta(days=1)  # a report is dated on or after the seal it prints

HONG = "Lê Thị Hồng"


@pytest.fixture
def service(tmp_path):
    spec = spec_dict()
    spec["forms"][0]["candidates"][0]["provincial"] = True
    with RoundService.create(tmp_path / "dot.tinnhiem", setup_from_dict(spec, "test"), HONG) as opened:
        yield opened


def seal(service: RoundService) -> None:
    for form in service.setup.forms:
        for number in range(1, form.counts.collected + 1):
            service.add_ballot(form.code, number, {c.order: Mark.CAO for c in form.candidates})
    service.seal(HONG)


def select_rows(dialog: ChecklistDialog, *rows: int) -> None:
    model = dialog.people.selectionModel()
    model.clearSelection()
    for row in rows:
        model.select(dialog.people.model().index(row, 0),
                     QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def texts(widget) -> list[str]:
    return [widget.item(row).text() for row in range(widget.count())]


def test_the_checklist_records_self_assessments_received(qtbot, service):
    dialogs = FakeDialogs()
    dialog = ChecklistDialog(service, dialogs, today=date(2026, 11, 25))
    qtbot.addWidget(dialog)
    assert "thứ Ba, 24/11/2026" in dialog.deadline.text()
    assert [dialog.people.item(row, 1).text() for row in range(dialog.people.rowCount())] == [
        "Nguyễn Văn An", "Hoàng Thị Thu Hà", "Vũ Đức Thắng", "Bùi Thị Lan", "Đặng Văn Tùng"]
    assert "Chưa nhận bản tự nhận xét, đánh giá của đồng chí Nguyễn Văn An (hạn nộp 24/11/2026 đã qua)." in " ".join(
        texts(dialog.missing))

    dialog.mark_received.click()  # nothing selected
    assert dialogs.infos and not ProcedureService(service).records()
    dialog.received_on.setDate(QDate(2026, 11, 20))
    select_rows(dialog, 0, 2)
    dialog.mark_received.click()
    dialog.received_on.setDate(QDate(2026, 11, 25))
    select_rows(dialog, 1)
    dialog.mark_received.click()
    assert [dialog.people.item(row, 3).text() for row in range(3)] == ["20/11/2026", "25/11/2026", "20/11/2026"]
    assert [dialog.people.item(row, 4).text() for row in range(3)] == [
        "đã nhận, đúng hạn", "đã nhận, sau hạn", "đã nhận, đúng hạn"]
    select_rows(dialog, 2)
    dialog.mark_missing.click()
    assert dialog.people.item(2, 3).text() == ""
    records = ProcedureService(service).records()
    assert records["self_assessment/key:an"].data["received"] == "2026-11-20"
    assert "self_assessment/name:vũ đức thắng" not in records

    dialog.printed_button.click()
    printed = next(dialog.steps.topLevelItem(0).child(i) for i in range(3)
                   if dialog.steps.topLevelItem(0).child(i).text(0).endswith("In phiếu trắng"))
    assert printed.text(0).startswith("✓") and HONG in printed.text(1)
    assert not dialog.announced_button.isEnabled()
    assert dialogs.errors == []


def test_after_the_seal_the_checklist_records_the_results_presented(qtbot, service):
    seal(service)
    dialogs = FakeDialogs()
    dialog = ChecklistDialog(service, dialogs, today=date(2026, 11, 27))
    qtbot.addWidget(dialog)
    assert not dialog.mark_received.isEnabled() and not dialog.printed_button.isEnabled()
    dialog.announced_button.click()
    assert steps.RESULTS_ANNOUNCED in ProcedureService(service).records()
    assert service.verify().intact and dialogs.errors == []


def test_the_meeting_steps_in_order(qtbot, service):
    changed = []

    def change_counts(form, counts):  # the window routes counts through its session
        changed.append(form)
        return service.change_counts(form, counts)

    dialogs = FakeDialogs()
    dialog = MeetingStepsDialog(service, dialogs, change_counts)
    qtbot.addWidget(dialog)
    assert dialog.step_label.text() == "Bước 1/5: Điểm danh"
    dialog.present["1"].setValue(20)  # 20 of 32: below 2/3 under 96-QĐ/TW
    assert dialog.quorum["1"].text().startswith("⚠ chưa đạt 2/3")
    assert dialog.quorum["2"].text().startswith("✓")
    dialog.next_button.click()
    assert dialogs.infos == ["Loại phiếu '1' (Lãnh đạo Sở) — Số người có mặt (20/32) chưa đạt 2/3 số người được "
                             "triệu tập."]
    assert dialog.step_label.text() == "Bước 2/5: Biểu quyết Ban kiểm phiếu"
    assert dialog.issued["1"].value() == 20  # one ballot to each person present, by default
    dialog.in_favour.setValue(5)
    dialog.against.setValue(5)
    assert dialog.vote_result.text().startswith("⚠")
    dialog.in_favour.setValue(28)
    dialog.against.setValue(1)
    dialog.next_button.click()
    dialog.issued["1"].setValue(19)
    dialog.next_button.click()
    assert dialog.collected["1"].value() == 19
    dialog.next_button.click()
    assert dialog.next_button.text() == "Mở nhập phiếu"
    assert "Loại phiếu 1: có mặt 20, phát ra 19, thu về 19." in dialog.summary.text()
    dialog.back_button.click()
    assert dialog.step_label.text() == "Bước 4/5: Thu phiếu"
    dialog.next_button.click()
    dialog.next_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert changed == ["1", "1", "1"]  # present, issued, collected of form 1; form 2 was already right
    procedure = ProcedureService(service)
    assert procedure.team_vote() == TeamVote(28, 1)
    assert service.setup.form("1").counts.as_dict() == {"summoned": 32, "present": 20, "issued": 19, "collected": 19}
    done = {s.key: s.done for s in procedure.checklist(date(2026, 11, 27)).steps}
    assert all(done[key] for key in ("attendance", "team_vote", "issued", "collected", "counting_opened"))
    assert dialogs.errors == []

    again = MeetingStepsDialog(service, dialogs)  # opened again: at the last step, the vote as recorded
    qtbot.addWidget(again)
    assert again.step_label.text() == "Bước 5/5: Mở nhập phiếu" and again.in_favour.value() == 28


def test_the_meeting_steps_on_a_sealed_round_say_why_not(qtbot, service):
    seal(service)
    dialogs = FakeDialogs()
    dialog = MeetingStepsDialog(service, dialogs)
    qtbot.addWidget(dialog)
    dialog.show_page(1)
    dialog.next_button.click()
    assert len(dialogs.errors) == 1 and "đã chốt kết quả" in dialogs.errors[0]
    assert dialog.step_label.text().startswith("Bước 2/5")


def test_the_hand_over_after_the_seal(qtbot, service):
    before = HandoverDialog(service, FakeDialogs())
    qtbot.addWidget(before)
    assert not before.record_button.isEnabled() and "sau khi đã chốt" in before.state.text()
    seal(service)
    dialogs = FakeDialogs()
    dialog = HandoverDialog(service, dialogs)
    qtbot.addWidget(dialog)
    assert dialog.handed_by.text() == HONG  # the Tổ trưởng
    dialog.record_button.click()
    assert dialogs.errors == ["Cần ghi họ và tên người giao và người nhận."]
    dialog.received_by.setText("Nguyễn Văn Bảo")
    dialog.position.setText("Giám đốc Sở")
    dialog.at.setDateTime(QDateTime.fromString("2026-11-27T11:30", Qt.DateFormat.ISODate))
    dialog.record_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    handover = ProcedureService(service).handover()
    assert (handover.received_by, handover.position, handover.at) == ("Nguyễn Văn Bảo", "Giám đốc Sở",
                                                                      "2026-11-27T11:30")
    assert service.verify().intact


def test_the_reports_upward_dialog(qtbot, service, tmp_path):
    seal(service)
    ProcedureService(service).record_handover(HONG, "Nguyễn Văn Bảo", "Giám đốc Sở")
    dialogs = FakeDialogs()
    dialog = ReportsDialog(service, dialogs, tmp_path / "bao-cao", today=LATER)
    qtbot.addWidget(dialog)
    assert dialog.provincial_to.text() == "Ban Tổ chức Tỉnh ủy"
    dialog.office_to.setText("Phòng Tổ chức cán bộ")
    dialog.boxes["office_xlsx"].setChecked(False)
    with qtbot.waitSignal(dialog.finished_writing, timeout=60_000) as written:
        dialog.export_button.click()
    names = [Path(p).name for p in written.args[0]]
    assert names == ["dot-bao-cao-ket-qua.pdf", "dot-bao-cao-tinh-uy.xlsx", "dot-bao-cao-tinh-uy.pdf"]
    records = ProcedureService(service).records()
    assert records[steps.REPORT_OFFICE].data["recipient"] == "Phòng Tổ chức cán bộ"
    assert records[steps.REPORT_PROVINCIAL].data["date"] == LATER.isoformat()
    assert dialogs.errors == []
    dialog.close()


def test_without_provincial_people_the_separate_report_cannot_be_chosen(qtbot, tmp_path):
    with RoundService.create(tmp_path / "dot.tinnhiem", setup_from_dict(spec_dict(), "test"), HONG) as service:
        dialog = ReportsDialog(service, FakeDialogs(), tmp_path)
        qtbot.addWidget(dialog)
        assert not dialog.boxes["provincial_pdf"].isEnabled()
        assert dialog.request().targets(True) == []


def test_the_meeting_steps_are_recorded_with_the_keyboard_alone(qtbot, service):
    """Each step's first figure has the cursor; a number typed, then Enter records the step and
    shows the next (never the dialog's Đóng, which would close it unrecorded)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    dialogs = FakeDialogs()
    dialog = MeetingStepsDialog(service, dialogs, service.change_counts)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)

    def typed(text: str) -> None:
        focus = QApplication.focusWidget()
        qtbot.keyClick(focus, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(focus, text)

    def enter() -> None:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    assert QApplication.focusWidget() is dialog.summoned["1"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    typed("30")  # present, form 1
    enter()
    assert dialog.step_label.text() == "Bước 2/5: Biểu quyết Ban kiểm phiếu"
    assert QApplication.focusWidget() is dialog.in_favour
    typed("28")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    typed("2")
    enter()
    assert dialog.step_label.text() == "Bước 3/5: Phát phiếu" and QApplication.focusWidget() is dialog.issued["1"]
    enter()
    assert dialog.step_label.text() == "Bước 4/5: Thu phiếu" and QApplication.focusWidget() is dialog.collected["1"]
    enter()
    assert dialog.step_label.text() == "Bước 5/5: Mở nhập phiếu"
    enter()
    assert dialog.result() == dialog.DialogCode.Accepted and dialogs.errors == []
    assert ProcedureService(service).team_vote() == TeamVote(28, 2)
    assert service.setup.form("1").counts.as_dict() == {"summoned": 32, "present": 30, "issued": 30, "collected": 30}
