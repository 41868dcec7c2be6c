"""The annual procedure around the count: the self-assessment deadline, the checklist, the steps
recorded in the round file (logged before the seal, beside it after), and the blank ballots."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from tinnhiem_desktop.core import checks, procedure as steps, team
from tinnhiem_desktop.core.issues import Severity, TinNhiemError
from tinnhiem_desktop.core.model import Mark
from tinnhiem_desktop.core.procedure import (
    AssessmentStatus, ProcedureRecord, TeamVote, assessment_status, checklist, self_assessment_deadline,
)
from tinnhiem_desktop.core.spec import setup_from_dict
from tinnhiem_desktop.export.procedure_text import checklist_text, deadline_line
from tinnhiem_desktop.export.wording import MESSAGES, sentence
from tinnhiem_desktop.services.export import ExportRequest, export_documents
from tinnhiem_desktop.services.procedure import ProcedureService
from tinnhiem_desktop.services.rounds import RoundService

from conftest import spec_dict

HONG = "Lê Thị Hồng"
C, T, L = Mark.CAO, Mark.TIN_NHIEM, Mark.THAP


def setup_of(**extra):
    return setup_from_dict(spec_dict(**extra), "test")


def record(key: str, data: dict) -> ProcedureRecord:
    return ProcedureRecord(key, data, "2026-11-20T09:00:00+07:00", HONG)


def codes(result) -> list[str]:
    return [issue.code for issue in result.issues]


# -- core: the deadline and the checklist ---------------------------------------------------------

@pytest.mark.parametrize("meeting, deadline", [
    ("2026-11-27", date(2026, 11, 24)),  # a Friday meeting: Tuesday
    ("2026-12-02", date(2026, 11, 29)),  # across the month, on a Sunday: calendar days
    ("2027-01-01", date(2026, 12, 29)),  # across the year
    ("", None),
    ("27/11/2026", None),
])
def test_the_deadline_is_three_calendar_days_before_the_meeting(meeting, deadline):
    assert self_assessment_deadline(meeting) == deadline


def test_the_deadline_is_written_with_its_rule():
    assert deadline_line("2026-11-27") == ("Hạn nộp bản tự nhận xét, đánh giá: thứ Ba, 24/11/2026 (chậm nhất 03 ngày "
                                           "trước ngày hội nghị, tính theo ngày lịch).")
    assert "chưa xác định (chưa có ngày họp" in deadline_line("")


@pytest.mark.parametrize("received, today, status", [
    (date(2026, 11, 24), date(2026, 11, 30), AssessmentStatus.ON_TIME),  # on the deadline day itself
    (date(2026, 11, 2), date(2026, 11, 30), AssessmentStatus.ON_TIME),
    (date(2026, 11, 25), date(2026, 11, 30), AssessmentStatus.LATE),
    (None, date(2026, 11, 24), AssessmentStatus.WAITING),  # still due today
    (None, date(2026, 11, 25), AssessmentStatus.OVERDUE),
])
def test_self_assessments_on_time_late_waiting_overdue(received, today, status):
    assert assessment_status(received, date(2026, 11, 24), today) is status


def test_a_new_round_lists_everything_still_to_do_in_the_order_of_the_procedure():
    result = checklist(setup_of(), {}, sealed=False, today=date(2026, 11, 20))
    assert [s.key for s in result.steps] == [
        "self_assessments", "team_proposed", "blank_ballots", "attendance", "team_vote", "issued", "collected",
        "counting_opened", "sealed", "results_announced", "handover", "report_office"]
    assert [s.done for s in result.steps] == [False, True] + [False] * 10
    assert codes(result) == ["self_assessment_waiting"] * 5 + [
        "blank_ballots_not_printed", "attendance_not_recorded", "team_vote_not_recorded", "issued_not_recorded",
        "collected_not_recorded", "counting_not_opened", "results_not_sealed", "results_not_announced",
        "handover_not_recorded", "report_office_not_made"]
    assert not result.complete
    assert result.deadline == date(2026, 11, 24)


def test_received_late_and_missing_self_assessments_are_said_in_vietnamese():
    setup = setup_of()
    records = {
        steps.SELF_ASSESSMENT + "key:an": record("", {"name": "Nguyễn Văn An", "received": "2026-11-20"}),
        steps.SELF_ASSESSMENT + "name:hoàng thị thu hà": record("", {"name": "Hoàng Thị Thu Hà",
                                                                     "received": "2026-11-25"}),
    }
    result = checklist(setup, records, sealed=False, today=date(2026, 11, 26))
    assert [p.status for p in result.assessments] == [
        AssessmentStatus.ON_TIME, AssessmentStatus.LATE] + [AssessmentStatus.OVERDUE] * 3
    words = {issue.code: sentence(issue.code, issue.params) for issue in result.issues}
    assert words["self_assessment_late"] == ("Bản tự nhận xét, đánh giá của đồng chí Hoàng Thị Thu Hà nhận ngày "
                                             "25/11/2026, sau hạn nộp 24/11/2026.")
    assert words["self_assessment_overdue"] == ("Chưa nhận bản tự nhận xét, đánh giá của đồng chí Đặng Văn Tùng "
                                                "(hạn nộp 24/11/2026 đã qua).")
    late = next(i for i in result.issues if i.code == "self_assessment_late")
    assert late.severity is Severity.INFO


def test_one_person_on_two_forms_writes_one_self_assessment():
    forms = [
        {"id": "1", "title": "Lãnh đạo Sở", "summoned": 5, "present": 5, "issued": 5, "collected": 5,
         "candidates": [{"name": "Nguyễn Văn An", "position": "Giám đốc Sở"}]},
        {"id": "2", "title": "Đảng ủy", "summoned": 5, "present": 5, "issued": 5, "collected": 5,
         "candidates": [{"name": "Nguyễn  văn An", "position": "Bí thư Đảng ủy"}]},
    ]
    result = checklist(setup_of(forms=forms), {}, sealed=False, today=date(2026, 11, 1))
    assert [(p.form, p.name) for p in result.assessments] == [("1", "Nguyễn Văn An")]


def test_the_team_must_be_proposed_with_a_head_and_nobody_rated_on_it():
    assert "team_not_proposed" in codes(checklist(setup_of(team=[]), {}, sealed=False, today=date(2026, 11, 1)))
    headless = setup_of(team=[{"name": "Phạm Quốc Huy", "role": "Thành viên"}])
    result = checklist(headless, {}, sealed=False, today=date(2026, 11, 1))
    assert "team_without_head" in codes(result) and not result.steps[1].done
    rated = setup_of(team=[{"name": "Lê Thị Hồng", "role": "Tổ trưởng"}, {"name": "Vũ Đức Thắng", "role": ""}])
    result = checklist(rated, {}, sealed=False, today=date(2026, 11, 1))
    issue = next(i for i in result.issues if i.code == "team_member_rated")
    assert issue.params == {"name": "Vũ Đức Thắng", "path": "team[1].name", "team": "Ban kiểm phiếu"} and result.steps[1].done
    assert checklist(setup_of(team=[{"name": "Lê Thị Hồng", "role": " tổ  TRƯỞNG "}]), {}, sealed=False,
                     today=date(2026, 11, 1)).steps[1].done


def test_the_meeting_steps_quorum_and_team_vote():
    setup = setup_of(forms=[{"id": "1", "title": "Lãnh đạo Sở", "summoned": 30, "present": 19, "issued": 19,
                             "collected": 19, "candidates": [{"name": "Nguyễn Văn An", "provincial": True}]}])
    before = checklist(setup, {}, sealed=False, today=date(2026, 11, 27))
    assert "quorum_not_met" not in codes(before)  # only once the attendance is taken
    assert [s.key for s in before.steps][-2:] == ["report_office", "report_provincial"]
    records = {steps.ATTENDANCE: record(steps.ATTENDANCE, {"present": {"1": 19}}),
               steps.TEAM_VOTE: record(steps.TEAM_VOTE, {"in_favour": 10, "against": 10})}
    result = checklist(setup, records, sealed=False, today=date(2026, 11, 27))
    quorum = next(i for i in result.issues if i.code == "quorum_not_met")
    assert quorum.form == "1" and quorum.params == {"present": 19, "summoned": 30, "required": "2/3"}
    assert "team_not_approved" in codes(result)
    assert "team_vote_exceeds_present" in codes(result)  # 20 votes, 19 present
    assert [s.done for s in result.steps if s.stage is steps.Stage.MEETING] == [True, True, False, False, False]
    assert not TeamVote(10, 10).approved and TeamVote(11, 10).approved


def test_counting_is_open_once_a_ballot_is_keyed():
    result = checklist(setup_of(), {}, sealed=False, today=date(2026, 11, 27), keyed=True)
    assert next(s for s in result.steps if s.key == "counting_opened").done
    assert "counting_not_opened" not in codes(result)


def test_a_complete_procedure():
    setup = setup_of()
    records = {key: record(key, {}) for key in (
        steps.BLANK_BALLOTS, steps.ATTENDANCE, steps.ISSUED, steps.COLLECTED, steps.COUNTING_OPENED,
        steps.RESULTS_ANNOUNCED, steps.HANDOVER, steps.REPORT_OFFICE)}
    records[steps.TEAM_VOTE] = record(steps.TEAM_VOTE, {"in_favour": 30, "against": 0})
    for form in setup.forms:
        for c in form.candidates:
            key = steps.SELF_ASSESSMENT + steps.person_identity(c.name, c.person_key)
            records[key] = record(key, {"received": "2026-11-23"})
    result = checklist(setup, records, sealed=True, today=date(2026, 12, 1))
    assert result.complete, result.issues
    assert "Đã đủ các bước." in checklist_text(result, setup.meeting.date, {})


def test_every_checklist_code_has_a_sentence():
    produced = set(steps.MISSING_CODES.values()) | {
        "meeting_date_missing", "self_assessment_overdue", "self_assessment_waiting", "self_assessment_late",
        "team_not_proposed", "team_without_head", "team_member_rated", "team_not_approved",
        "team_vote_exceeds_present", "quorum_not_met"}
    assert produced <= MESSAGES.keys()
    source = "".join(Path(module.__file__).read_text(encoding="utf-8") for module in (steps, team, checks))
    for code in produced - set(steps.MISSING_CODES.values()):
        assert f'"{code}"' in source


# -- services: records in the round file ----------------------------------------------------------

@pytest.fixture
def round_file(tmp_path) -> Path:
    path = tmp_path / "dot-2026.tinnhiem"
    spec = spec_dict()
    spec["forms"][0]["candidates"][0]["provincial"] = True
    RoundService.create(path, setup_from_dict(spec, "test"), HONG).close()
    return path


def key_all(service: RoundService) -> None:
    for form in service.setup.forms:
        for number in range(1, form.counts.collected + 1):
            service.add_ballot(form.code, number, {c.order: (C, T, L)[(number + c.order) % 3] for c in form.candidates})


def test_steps_are_logged_with_old_and_new_and_survive_reopening(round_file):
    with RoundService.open(round_file, HONG) as service:
        procedure = ProcedureService(service)
        procedure.record_self_assessment("1", 1, "2026-11-20")
        procedure.record_self_assessment("1", 1, date(2026, 11, 21))  # corrected
        procedure.record_self_assessment("2", 2, "2026-11-22")
        procedure.record_self_assessment("2", 2, None)  # recorded by mistake: not received after all
        assert procedure.quorum_issues() == []
        issues = procedure.record_attendance({"1": 20, "2": 9})
        assert [(i.code, i.form) for i in issues] == [("quorum_not_met", "1")]
        assert procedure.record_team_vote(29, 0) == TeamVote(29, 0)
        procedure.record_issued({"1": 20, "2": 9})
        procedure.record_collected({"1": 19, "2": 9})
        procedure.open_counting()
        events = [e for e in service.events() if e.action in ("procedure_recorded", "counts_set")]
    assert [e.data.get("key", e.action) for e in events] == [
        "self_assessment/key:an", "self_assessment/key:an", "self_assessment/name:đặng văn tùng",
        "self_assessment/name:đặng văn tùng", "counts_set", "counts_set", steps.ATTENDANCE, steps.TEAM_VOTE,
        "counts_set", "counts_set", steps.ISSUED, "counts_set", "counts_set", steps.COLLECTED, steps.COUNTING_OPENED]
    assert events[1].data["old"] == {"name": "Nguyễn Văn An", "received": "2026-11-20"}
    assert events[1].data["new"] == {"name": "Nguyễn Văn An", "received": "2026-11-21"}
    assert events[3].data["new"] is None and events[0].keyer == HONG

    with RoundService.open(round_file, "Phạm Quốc Huy", read_only=True) as service:
        procedure = ProcedureService(service)
        assert [f.counts.as_dict() for f in service.setup.forms] == [
            {"summoned": 32, "present": 20, "issued": 20, "collected": 19},
            {"summoned": 10, "present": 9, "issued": 9, "collected": 9}]
        records = procedure.records()
        assert records["self_assessment/key:an"].data["received"] == "2026-11-21"
        assert "self_assessment/name:đặng văn tùng" not in records
        assert records[steps.TEAM_VOTE].by == HONG
        assert procedure.team_vote() == TeamVote(29, 0)
        result = procedure.checklist(date(2026, 11, 27))
        assert [s.done for s in result.steps if s.stage is steps.Stage.MEETING] == [True] * 5
        assert service.verify().intact
        with pytest.raises(TinNhiemError) as refused:
            procedure.record_team_vote(1, 0)
        assert refused.value.code == "round_read_only"


def test_bad_input_is_refused_with_a_code(round_file):
    with RoundService.open(round_file, HONG) as service:
        procedure = ProcedureService(service)
        for call, code in (
            (lambda: procedure.record_self_assessment("1", 9, "2026-11-20"), "candidate_out_of_range"),
            (lambda: procedure.record_self_assessment("7", 1, "2026-11-20"), "unknown_form"),
            (lambda: procedure.record_self_assessment("1", 1, "20/11/2026"), "procedure_bad_date"),
            (lambda: procedure.record_team_vote(-1, 0), "vote_bad_number"),
            (lambda: procedure.record_attendance({"1": -3}), "bad_count"),
            (lambda: procedure.record_handover(HONG, "Nguyễn Văn Bảo"), "procedure_needs_seal"),
            (lambda: procedure.record_results_announced(), "procedure_needs_seal"),
        ):
            with pytest.raises(TinNhiemError) as error:
                call()
            assert error.value.code == code
            assert error.value.code in MESSAGES
        assert procedure.records() == {}


def test_after_the_seal_only_the_hand_over_and_what_follows_it_are_recorded(round_file):
    with RoundService.open(round_file, HONG) as service:
        key_all(service)
        service.seal(HONG)
        sealed = service.verify()
        procedure = ProcedureService(service)
        for call in (lambda: procedure.record_self_assessment("1", 1, "2026-11-20"),
                     lambda: procedure.record_team_vote(20, 0),
                     lambda: procedure.record_attendance({"1": 30}),
                     procedure.open_counting):
            with pytest.raises(TinNhiemError) as refused:
                call()
            assert refused.value.code == "round_sealed"
        procedure.record_results_announced("2026-11-27T11:05")
        first = procedure.record_handover(HONG, "Nguyễn Văn Bảo", "Giám đốc", "2026-11-27T11:30")
        assert first.ballots == 40
        procedure.record_handover(HONG, "Nguyễn Văn Bảo", "Giám đốc Sở", "2026-11-27T11:30")
    with RoundService.open(round_file, HONG, read_only=True) as service:
        procedure = ProcedureService(service)
        after = service.verify()
        assert after.intact and after.fingerprint == sealed.fingerprint == service.info.fingerprint
        assert after.events == sealed.events  # nothing appended to the sealed log
        assert procedure.handover().position == "Giám đốc Sở"
        stored = procedure.records()[steps.HANDOVER].data
        assert stored["fingerprint"] == service.info.fingerprint
        assert [e["position"] for e in stored["earlier"]] == ["Giám đốc"]
        assert service.verify().intact
        done = {s.key: s.done for s in procedure.checklist(date(2026, 11, 27)).steps}
        assert done["sealed"] and done["results_announced"] and done["handover"]


def test_records_changed_behind_the_programs_back_are_found(round_file):
    with RoundService.open(round_file, HONG) as service:
        ProcedureService(service).record_team_vote(25, 2)
        key_all(service)
        service.seal(HONG)
        ProcedureService(service).record_handover(HONG, "Nguyễn Văn Bảo")
    with sqlite3.connect(round_file) as db:
        db.execute("UPDATE procedure_record SET data = ? WHERE key = ?",
                   (json.dumps({"in_favour": 27, "against": 0}), steps.TEAM_VOTE))
        data = json.loads(db.execute("SELECT data FROM procedure_record WHERE key = ?", (steps.HANDOVER,)).fetchone()[0])
        data["fingerprint"] = "0" * 64
        db.execute("UPDATE procedure_record SET data = ? WHERE key = ?", (json.dumps(data), steps.HANDOVER))
    db.close()
    with RoundService.open(round_file, HONG, read_only=True) as service:
        found = [i for i in service.verify().problems if i.code.startswith("procedure")]
    assert [(i.code, i.params["key"]) for i in found] == [
        ("procedure_differs_from_log", steps.TEAM_VOTE), ("procedure_record_other_seal", steps.HANDOVER)]
    assert sentence(found[0].code, found[0].params) == (
        f"Ghi nhận '{steps.TEAM_VOTE}' của quy trình trong tệp khác với nhật ký.")


def test_a_correction_keeps_the_steps_before_the_seal(round_file, tmp_path):
    with RoundService.open(round_file, HONG) as service:
        ProcedureService(service).record_self_assessment("1", 1, "2026-11-20")
        ProcedureService(service).record_team_vote(25, 2)
        key_all(service)
        service.seal(HONG)
        ProcedureService(service).record_handover(HONG, "Nguyễn Văn Bảo")
    with RoundService.correction(round_file, tmp_path / "dinh-chinh.tinnhiem", "Nhập sai phiếu 3", HONG) as corrected:
        procedure = ProcedureService(corrected)
        assert sorted(procedure.records()) == ["meeting/team_vote", "self_assessment/key:an"]
        assert corrected.verify().intact


def test_printing_the_blank_ballots_is_recorded_when_the_round_can_take_it(round_file, tmp_path):
    with RoundService.open(round_file, HONG, read_only=True) as service:
        export_documents(service, ExportRequest(blank_ballots=tmp_path / "a.pdf", copies=2))
        assert ProcedureService(service).records() == {}
    with RoundService.open(round_file, HONG) as service:
        export_documents(service, ExportRequest(blank_ballots=tmp_path / "b.pdf"))
        printed = ProcedureService(service).records()[steps.BLANK_BALLOTS]
    assert printed.data == {"copies": {"1": 30, "2": 10}} and printed.by == HONG


def test_the_minutes_print_the_meetings_vote_on_the_team(round_file, tmp_path):
    with RoundService.open(round_file, HONG) as service:
        target = export_documents(service, ExportRequest(minutes=tmp_path / "before.pdf"))[0]
        assert "biểu quyết" not in PdfReader(target).pages[0].extract_text()
        ProcedureService(service).record_team_vote(29, 1)
        target = export_documents(service, ExportRequest(minutes=tmp_path / "after.pdf"))[0]
    text = " ".join(PdfReader(target).pages[0].extract_text().split())
    assert "Hội nghị đã biểu quyết thông qua Ban kiểm phiếu với 29 ý kiến đồng ý, 1 ý kiến không đồng ý." in text
