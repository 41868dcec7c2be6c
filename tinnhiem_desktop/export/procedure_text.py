"""The procedure's checklist in Vietnamese: step names, the self-assessment deadline, a text form."""

from __future__ import annotations

from datetime import date

from ..core.issues import Severity
from ..core.percent import vi_count
from ..core.procedure import (
    SELF_ASSESSMENT_DAYS, AssessmentStatus, Checklist, Handover, Stage, TeamVote, self_assessment_deadline,
)
from ..core.rules import DEFAULT_TEAM_NAME
from .dates import vi_datetime
from .team_words import TeamWords
from .wording import Translate, describe_issue, vietnamese

STAGE_NAMES = {
    Stage.PREPARE: "Chuẩn bị (bước 1)",
    Stage.MEETING: "Tại hội nghị (bước 2–4)",
    Stage.CLOSE: "Chốt, công bố và bàn giao kết quả",
    Stage.REPORT: "Báo cáo cấp trên (bước 5)",
}

STEP_NAMES = {
    "self_assessments": "Nhận đủ bản tự nhận xét, đánh giá của người được lấy phiếu",
    "team_proposed": "Đề xuất {team} (có {head})",
    "blank_ballots": "In phiếu trắng",
    "attendance": "Điểm danh: số người có mặt",
    "team_vote": "Hội nghị biểu quyết thông qua {team}",
    "issued": "Phát phiếu",
    "collected": "Thu phiếu",
    "counting_opened": "Mở nhập phiếu (kiểm phiếu)",
    "sealed": "Chốt kết quả",
    "results_announced": "Công bố kết quả trước hội nghị",
    "handover": "Bàn giao biên bản và phiếu đã kiểm cho Thủ trưởng cơ quan",
    "report_office": "Báo cáo kết quả gửi cơ quan tham mưu về tổ chức cán bộ",
    "report_provincial": "Báo cáo riêng cán bộ thuộc diện Ban Thường vụ Tỉnh ủy quản lý",
}

ASSESSMENT_NAMES = {
    AssessmentStatus.ON_TIME: "đã nhận, đúng hạn",
    AssessmentStatus.LATE: "đã nhận, sau hạn",
    AssessmentStatus.WAITING: "chưa nhận (còn hạn)",
    AssessmentStatus.OVERDUE: "chưa nhận — quá hạn",
}

WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
DEADLINE = ("Hạn nộp bản tự nhận xét, đánh giá: {day} (chậm nhất {days} ngày trước ngày hội nghị, "
            "tính theo ngày lịch).")
DEADLINE_UNKNOWN = ("Hạn nộp bản tự nhận xét, đánh giá: chưa xác định (chưa có ngày họp; chậm nhất {days} "
                    "ngày trước ngày hội nghị, tính theo ngày lịch).")


def day_words(day: date, translate: Translate = vietnamese) -> str:
    """'thứ Ba, 24/11/2026'."""
    return f"{translate(WEEKDAYS[day.weekday()])}, {day:%d/%m/%Y}"


def deadline_line(
    meeting_date: str, translate: Translate = vietnamese, days: str = f"{SELF_ASSESSMENT_DAYS:02d}"
) -> str:
    """The self-assessment deadline and its rule, as the wizard and the checklist show it; the
    window passes its `translate` and the number of days as its language writes it."""
    deadline = self_assessment_deadline(meeting_date)
    if deadline is None:
        return translate(DEADLINE_UNKNOWN).format(days=days)
    return translate(DEADLINE).format(day=day_words(deadline, translate), days=days)


def step_name(key: str, team: str = DEFAULT_TEAM_NAME, translate: Translate = vietnamese) -> str:
    """A step's name, the team named as the round's rule names it ("Ban kiểm phiếu")."""
    return translate(STEP_NAMES[key]).format(team=translate(team), head=translate(TeamWords(team).head))


def checklist_text(checklist: Checklist, meeting_date: str, titles: dict[str, str],
                   team: str = DEFAULT_TEAM_NAME) -> str:
    """The whole checklist as plain text (tinnhiem-cli checklist)."""
    lines = [deadline_line(meeting_date), "", "Bản tự nhận xét, đánh giá của người được lấy phiếu:"]
    for number, person in enumerate(checklist.assessments, start=1):
        state = ASSESSMENT_NAMES[person.status]
        if person.received is not None:
            state += f" (ngày {person.received:%d/%m/%Y})"
        lines.append(f"  {number}. {person.name}" + (f" — {person.position}" if person.position else "")
                     + f": {state}")
    if not checklist.assessments:
        lines.append("  (chưa có người được lấy phiếu)")
    stage = None
    for step in checklist.steps:
        if step.stage is not stage:
            stage = step.stage
            lines += ["", STAGE_NAMES[stage] + ":"]
        when = f" — {vi_datetime(step.at)}" + (f", {step.by}" if step.by else "") if step.at else ""
        lines.append(f"  [{'x' if step.done else ' '}] {step_name(step.key, team)}{when}")
    lines += ["", "Còn thiếu, cần lưu ý:" if checklist.issues else "Đã đủ các bước."]
    for issue in checklist.issues:
        mark = "-" if issue.severity is Severity.INFO else "!"
        lines.append(f"  {mark} {describe_issue(issue, titles.get(issue.form))}")
    return "\n".join(lines) + "\n"


def team_vote_sentence(vote: TeamVote, team: str = DEFAULT_TEAM_NAME) -> str:
    """The meeting's vote on the counting team, as the minutes print it."""
    figures = f"{vi_count(vote.in_favour)} ý kiến đồng ý, {vi_count(vote.against)} ý kiến không đồng ý"
    if vote.approved:
        return f"Hội nghị đã biểu quyết thông qua {team} với {figures}."
    return f"Kết quả hội nghị biểu quyết {team}: {figures} (chưa được thông qua)."


def handover_sentence(handover: Handover) -> str:
    receiver = handover.received_by + (f" ({handover.position})" if handover.position else "")
    return (f"Biên bản kiểm phiếu và {vi_count(handover.ballots)} phiếu đã kiểm đã được đồng chí {handover.handed_by} "
            f"bàn giao cho đồng chí {receiver} lúc {vi_datetime(handover.at)}.")
