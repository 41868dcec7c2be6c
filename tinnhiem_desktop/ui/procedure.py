"""The annual procedure around the count in the window: the checklist (self-assessments received
against their deadline, the steps done, what is missing), the guided steps at the meeting, the
hand-over of the minutes and ballots, and the reports upward."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QDate, QDateTime, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.issues import Severity, TinNhiemError
from ..core.model import Counts
from ..core.procedure import ATTENDANCE, COLLECTED, ISSUED, SELF_ASSESSMENT_DAYS, TEAM_VOTE, AssessmentStatus, TeamVote
from ..core.results import round_rule
from ..core.rules import quorum_met, quorum_text
from ..export.procedure_text import ASSESSMENT_NAMES, STAGE_NAMES, deadline_line, step_name
from ..export.report_upward import default_recipient
from ..services.export import REPORT_NAMES, ReportRequest, export_reports
from ..services.procedure import ProcedureService
from ..services.rounds import RoundService
from .background import Background
from .dialogs import Dialogs
from .export_dialog import chosen_folder
from .i18n import day_count, describe_error, describe_issue, moment, wording

DONE_COLOUR, MISSING_COLOUR, LATE_COLOUR = QColor("#c8e6c9"), QColor("#ffcdd2"), QColor("#fff3c4")
STATUS_COLOURS = {
    AssessmentStatus.ON_TIME: DONE_COLOUR,
    AssessmentStatus.LATE: LATE_COLOUR,
    AssessmentStatus.OVERDUE: MISSING_COLOUR,
}
SPIN_MAX = 100_000


def deadline_text(meeting_date: str) -> str:
    """The self-assessment deadline for a meeting date (ISO), in the window's language: what the
    wizard's meeting page shows under the date."""
    return deadline_line(meeting_date, wording, day_count(SELF_ASSESSMENT_DAYS))


def _spin(value: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, SPIN_MAX)
    spin.setValue(value)
    return spin


def team_name(service: RoundService) -> str:
    """The counting team as the round's rule calls it, in the window's language."""
    return wording(round_rule(service.setup).team_name)


class ChecklistDialog(QDialog):
    """Quy trình lấy phiếu: who has handed in the self-assessment (and when) against the
    deadline, every step of the procedure done or not, and what is still missing."""

    def __init__(self, service: RoundService, dialogs: Dialogs, parent=None, today: date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Quy trình lấy phiếu tín nhiệm"))
        self.service, self.dialogs, self.today = service, dialogs, today
        self.procedure = ProcedureService(service)
        layout = QVBoxLayout(self)
        self.deadline = QLabel()
        self.deadline.setWordWrap(True)
        layout.addWidget(self.deadline)

        layout.addWidget(QLabel(self.tr("Bản tự nhận xét, đánh giá của người được lấy phiếu:")))
        self.people = QTableWidget(0, 5)
        self.people.setHorizontalHeaderLabels(
            [self.tr("Loại phiếu"), self.tr("Họ và tên"), self.tr("Chức vụ"), self.tr("Ngày nhận"),
             self.tr("Tình trạng")])
        self.people.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.people.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.people.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.people.horizontalHeader().setStretchLastSection(True)
        self.people.verticalHeader().setVisible(False)
        layout.addWidget(self.people, 2)
        received = QHBoxLayout()
        received.addWidget(QLabel(self.tr("Ngày nhận:")))
        self.received_on = QDateEdit(QDate.currentDate() if today is None else QDate(today))
        self.received_on.setDisplayFormat("dd/MM/yyyy")
        self.received_on.setCalendarPopup(True)
        received.addWidget(self.received_on)
        self.mark_received = QPushButton(self.tr("Ghi đã nhận"))
        self.mark_received.clicked.connect(lambda: self._record_received(True))
        self.mark_missing = QPushButton(self.tr("Ghi chưa nhận"))
        self.mark_missing.clicked.connect(lambda: self._record_received(False))
        received.addWidget(self.mark_received)
        received.addWidget(self.mark_missing)
        received.addStretch()
        layout.addLayout(received)

        lists = QHBoxLayout()
        self.steps = QTreeWidget()
        self.steps.setHeaderLabels([self.tr("Bước"), self.tr("Lúc, người ghi")])
        self.steps.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.steps.header().setStretchLastSection(True)
        lists.addWidget(self.steps, 4)
        missing = QVBoxLayout()
        missing.addWidget(QLabel(self.tr("Còn thiếu, cần lưu ý:")))
        self.missing = QListWidget()
        self.missing.setWordWrap(True)
        missing.addWidget(self.missing)
        lists.addLayout(missing, 2)
        layout.addLayout(lists, 3)

        buttons = QHBoxLayout()
        self.printed_button = QPushButton(self.tr("Ghi nhận đã in phiếu trắng"))
        self.printed_button.clicked.connect(self._record_printed)
        self.announced_button = QPushButton(self.tr("Ghi nhận đã công bố kết quả"))
        self.announced_button.clicked.connect(self._record_announced)
        close = QPushButton(self.tr("Đóng"))
        close.clicked.connect(self.accept)
        buttons.addWidget(self.printed_button)
        buttons.addWidget(self.announced_button)
        buttons.addStretch()
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.refresh()
        self.resize(1000, 660)

    def refresh(self) -> None:
        checklist = self.procedure.checklist(self.today)
        self.checklist = checklist
        self.deadline.setText(deadline_text(self.service.setup.meeting.date))
        self.people.setRowCount(len(checklist.assessments))
        titles = {f.code: f.title for f in self.service.setup.forms}
        for row, person in enumerate(checklist.assessments):
            received = f"{person.received:%d/%m/%Y}" if person.received else ""
            cells = (f"{person.form} — {titles[person.form]}", person.name, person.position, received,
                     wording(ASSESSMENT_NAMES[person.status]))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 4 and person.status in STATUS_COLOURS:
                    item.setBackground(STATUS_COLOURS[person.status])
                self.people.setItem(row, column, item)
        self.steps.clear()
        stage_item = None
        for step in checklist.steps:
            if stage_item is None or stage_item.data(0, Qt.ItemDataRole.UserRole) != step.stage:
                stage_item = QTreeWidgetItem([wording(STAGE_NAMES[step.stage])])
                stage_item.setData(0, Qt.ItemDataRole.UserRole, step.stage)
                font = stage_item.font(0)
                font.setBold(True)
                stage_item.setFont(0, font)
                self.steps.addTopLevelItem(stage_item)
            when = moment(step.at) + (f" — {step.by}" if step.by else "") if step.at else ""
            item = QTreeWidgetItem([("✓ " if step.done else "✗ ") + step_name(step.key, round_rule(self.service.setup).team_name, wording), when])
            item.setData(0, Qt.ItemDataRole.UserRole, step.key)
            item.setBackground(0, DONE_COLOUR if step.done else MISSING_COLOUR)
            stage_item.addChild(item)
        self.steps.expandAll()
        self.missing.clear()
        forms = {f.code: f.title for f in self.service.setup.forms}
        for issue in checklist.issues:
            self.missing.addItem(("• " if issue.severity is Severity.INFO else "⚠ ")
                                 + describe_issue(issue, forms.get(issue.form)))
        if not checklist.issues:
            self.missing.addItem(self.tr("Đã đủ các bước."))
        info = self.service.info
        writable = not self.service.opened_read_only
        before_seal = writable and not info.sealed
        for widget in (self.mark_received, self.mark_missing, self.received_on, self.printed_button):
            widget.setEnabled(before_seal)
        self.announced_button.setEnabled(writable and info.sealed)

    def selected_people(self) -> list:
        rows = sorted({index.row() for index in self.people.selectionModel().selectedRows()})
        return [self.checklist.assessments[row] for row in rows]

    def _record_received(self, received: bool) -> None:
        people = self.selected_people()
        if not people:
            self.dialogs.info(self.tr("Hãy chọn người (một hoặc nhiều dòng) trong danh sách trước."))
            return
        day = self.received_on.date().toPython() if received else None
        self._act(lambda: [self.procedure.record_self_assessment(p.form, p.order, day) for p in people])

    def _record_printed(self) -> None:
        copies = {f.code: max(1, f.counts.issued) for f in self.service.setup.forms}
        self._act(lambda: self.procedure.record_blank_ballots(copies))

    def _record_announced(self) -> None:
        self._act(self.procedure.record_results_announced)

    def _act(self, action: Callable[[], object]) -> None:
        try:
            action()
        except TinNhiemError as error:
            self.dialogs.error(describe_error(error))
        self.refresh()


class MeetingStepsDialog(QDialog):
    """Tại hội nghị, in order: attendance (with the quorum the rule asks for), the meeting's vote
    on the counting team, ballots issued, ballots collected; then counting opens. Each step is
    recorded when the next one is shown."""

    PAGES = 5

    def __init__(self, service: RoundService, dialogs: Dialogs,
                 change_counts: Callable[[str, Counts], Counts] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Các bước tại hội nghị"))
        self.service, self.dialogs = service, dialogs
        self.procedure = ProcedureService(service, change_counts)
        forms = service.setup.forms
        records = self.procedure.records()
        layout = QVBoxLayout(self)
        self.step_label = QLabel()
        font = self.step_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.step_label.setFont(font)
        layout.addWidget(self.step_label)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)

        attendance, grid = self._page(self.tr("Số người có mặt theo từng loại phiếu (điểm danh tại hội nghị):"))
        self.summoned, self.present, self.quorum = {}, {}, {}
        for column, heading in enumerate((self.tr("Loại phiếu"), self.tr("Triệu tập"), self.tr("Có mặt"))):
            grid.addWidget(QLabel(f"<b>{heading}</b>"), 0, column)
        for row, form in enumerate(forms, start=1):
            grid.addWidget(QLabel(f"{form.code} — {form.title}"), row, 0)
            self.summoned[form.code] = _spin(form.counts.summoned)
            self.present[form.code] = _spin(form.counts.present)
            self.quorum[form.code] = QLabel()
            grid.addWidget(self.summoned[form.code], row, 1)
            grid.addWidget(self.present[form.code], row, 2)
            grid.addWidget(self.quorum[form.code], row, 3)
            for spin in (self.summoned[form.code], self.present[form.code]):
                spin.valueChanged.connect(self._update_quorum)
        self.pages.addWidget(attendance)

        vote, grid = self._page(self.tr("Hội nghị biểu quyết thông qua {team} gồm các đồng chí:").format(team=team_name(service)))
        team = "\n".join(f"{n}. {m.name}" + (f" — {m.role}" if m.role else "")
                         for n, m in enumerate(service.setup.team, start=1))
        grid.addWidget(QLabel(team or self.tr("(chưa có {team}: hãy sửa thông tin đợt)").format(team=team_name(service))), 0, 0, 1, 2)
        earlier = self.procedure.team_vote()
        self.in_favour = _spin(earlier.in_favour if earlier else 0)
        self.against = _spin(earlier.against if earlier else 0)
        grid.addWidget(QLabel(self.tr("Số ý kiến đồng ý:")), 1, 0)
        grid.addWidget(self.in_favour, 1, 1)
        grid.addWidget(QLabel(self.tr("Số ý kiến không đồng ý:")), 2, 0)
        grid.addWidget(self.against, 2, 1)
        self.vote_result = QLabel()
        grid.addWidget(self.vote_result, 3, 0, 1, 2)
        for spin in (self.in_favour, self.against):
            spin.valueChanged.connect(self._update_vote)
        self.pages.addWidget(vote)

        self.issued = self._count_page(self.tr("Số phiếu phát ra theo từng loại phiếu:"),
                                       {f.code: f.counts.issued for f in forms})
        self.collected = self._count_page(self.tr("Số phiếu thu về theo từng loại phiếu:"),
                                          {f.code: f.counts.collected for f in forms})
        self._defaults = {ISSUED: ISSUED not in records, COLLECTED: COLLECTED not in records}

        opening, grid = self._page(self.tr("Các bước tại hội nghị đã xong. {team} bắt đầu kiểm phiếu: "
                                           "nhập từng phiếu vào chương trình.").format(team=team_name(service)))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        grid.addWidget(self.summary, 0, 0)
        self.pages.addWidget(opening)

        buttons = QHBoxLayout()
        self.back_button = QPushButton(self.tr("‹ Quay lại"))
        self.back_button.clicked.connect(lambda: self.show_page(self.pages.currentIndex() - 1))
        self.next_button = QPushButton()
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next)
        cancel = QPushButton(self.tr("Đóng"))
        cancel.clicked.connect(self.reject)
        buttons.addWidget(cancel)
        buttons.addStretch()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout.addLayout(buttons)
        self._update_quorum()
        self._update_vote()
        self.show_page(self._first_not_done(records))
        self.resize(620, 420)

    def _page(self, heading: str) -> tuple[QWidget, QGridLayout]:
        page = QWidget()
        outer = QVBoxLayout(page)
        label = QLabel(heading)
        label.setWordWrap(True)
        outer.addWidget(label)
        grid = QGridLayout()
        outer.addLayout(grid)
        outer.addStretch()
        return page, grid

    def _count_page(self, heading: str, values: dict[str, int]) -> dict[str, QSpinBox]:
        page, grid = self._page(heading)
        spins = {}
        for row, form in enumerate(self.service.setup.forms):
            grid.addWidget(QLabel(f"{form.code} — {form.title}"), row, 0)
            spins[form.code] = _spin(values[form.code])
            grid.addWidget(spins[form.code], row, 1)
        self.pages.addWidget(page)
        return spins

    def _first_not_done(self, records) -> int:
        for index, key in enumerate((ATTENDANCE, TEAM_VOTE, ISSUED, COLLECTED)):
            if key not in records:
                return index
        return self.PAGES - 1

    def step_titles(self) -> list[str]:
        return [self.tr("Điểm danh"), self.tr("Biểu quyết {team}").format(team=team_name(self.service)), self.tr("Phát phiếu"),
                self.tr("Thu phiếu"), self.tr("Mở nhập phiếu")]

    def show_page(self, index: int) -> None:
        index = max(0, min(index, self.PAGES - 1))
        self.pages.setCurrentIndex(index)
        self.step_label.setText(self.tr("Bước {number}/{total}: {title}").format(
            number=index + 1, total=self.PAGES, title=self.step_titles()[index]))
        self.back_button.setEnabled(index > 0)
        last = index == self.PAGES - 1
        self.next_button.setText(self.tr("Mở nhập phiếu") if last else self.tr("Ghi và tiếp ›"))
        if last:
            self.summary.setText(self._summary())

    def next(self) -> None:
        """Record the step shown, then show the next (on the last: open counting and close)."""
        index = self.pages.currentIndex()
        try:
            if index == 0:
                issues = self.procedure.record_attendance({c: s.value() for c, s in self.present.items()},
                                                          {c: s.value() for c, s in self.summoned.items()})
                if self._defaults[ISSUED]:  # one ballot to each person present, unless recorded otherwise
                    for code, spin in self.issued.items():
                        spin.setValue(self.present[code].value())
                if issues:
                    titles = {f.code: f.title for f in self.service.setup.forms}
                    self.dialogs.info("\n".join(describe_issue(i, titles.get(i.form)) for i in issues))
            elif index == 1:
                self.procedure.record_team_vote(self.in_favour.value(), self.against.value())
            elif index == 2:
                self.procedure.record_issued({c: s.value() for c, s in self.issued.items()})
                if self._defaults[COLLECTED]:
                    for code, spin in self.collected.items():
                        spin.setValue(self.issued[code].value())
            elif index == 3:
                self.procedure.record_collected({c: s.value() for c, s in self.collected.items()})
            else:
                self.procedure.open_counting()
                self.accept()
                return
        except TinNhiemError as error:
            self.dialogs.error(describe_error(error))
            return
        self.show_page(index + 1)

    def _update_quorum(self) -> None:
        preset = round_rule(self.service.setup).in_force  # the round's own quorum when it set one
        for code, label in self.quorum.items():
            present, summoned = self.present[code].value(), self.summoned[code].value()
            if present > summoned:
                label.setText(self.tr("⚠ có mặt nhiều hơn triệu tập"))
            elif preset.quorum is None:
                label.setText("")
            elif quorum_met(preset, present, summoned):
                label.setText(self.tr("✓ đạt {quorum} số được triệu tập").format(quorum=quorum_text(preset.quorum)))
            else:
                label.setText(self.tr("⚠ chưa đạt {quorum} số được triệu tập").format(quorum=quorum_text(preset.quorum)))

    def _update_vote(self) -> None:
        in_favour, against = self.in_favour.value(), self.against.value()
        if in_favour + against == 0:
            self.vote_result.setText("")
        elif TeamVote(in_favour, against).approved:
            self.vote_result.setText(self.tr("✓ {team} được thông qua.").format(team=team_name(self.service)))
        else:
            self.vote_result.setText(self.tr("⚠ Chưa được thông qua: số đồng ý phải nhiều hơn số không đồng ý."))

    def _summary(self) -> str:
        vote = self.procedure.team_vote()
        lines = [self.tr("Loại phiếu {code}: có mặt {present}, phát ra {issued}, thu về {collected}.").format(
            code=f.code, present=f.counts.present, issued=f.counts.issued, collected=f.counts.collected)
            for f in self.service.setup.forms]
        if vote is not None:
            lines.append(self.tr("Biểu quyết {team}: {in_favour} đồng ý, {against} không đồng ý.").format(
                team=team_name(self.service), in_favour=vote.in_favour, against=vote.against))
        return "\n".join(lines)


class HandoverDialog(QDialog):
    """Bàn giao: the counting team hands the minutes and the counted ballots to the head of the
    body, after the seal; recorded beside the sealed round (who, to whom, when)."""

    def __init__(self, service: RoundService, dialogs: Dialogs, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bàn giao biên bản và phiếu"))
        self.service, self.dialogs = service, dialogs
        self.procedure = ProcedureService(service)
        earlier = self.procedure.handover()
        layout = QVBoxLayout(self)
        ballots = sum(f.counts.collected for f in service.setup.forms)
        note = QLabel(self.tr("{team} bàn giao biên bản kiểm phiếu và {ballots} phiếu đã kiểm cho Thủ trưởng "
                              "cơ quan.").format(team=team_name(service), ballots=ballots))
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.handed_by = QLineEdit(earlier.handed_by if earlier else self.procedure.head_teller())
        self.received_by = QLineEdit(earlier.received_by if earlier else "")
        self.position = QLineEdit(earlier.position if earlier else "")
        self.position.setPlaceholderText(self.tr("ví dụ: Giám đốc Sở"))
        self.at = QDateTimeEdit(QDateTime.fromString(earlier.at, Qt.DateFormat.ISODate) if earlier
                                else QDateTime.currentDateTime())
        self.at.setDisplayFormat("HH:mm dd/MM/yyyy")
        self.at.setCalendarPopup(True)
        form.addRow(self.tr("Người giao ({team}):").format(team=team_name(service)), self.handed_by)
        form.addRow(self.tr("Người nhận:"), self.received_by)
        form.addRow(self.tr("Chức vụ người nhận:"), self.position)
        form.addRow(self.tr("Thời điểm bàn giao:"), self.at)
        layout.addLayout(form)
        self.state = QLabel()
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        buttons = QHBoxLayout()
        self.record_button = QPushButton(self.tr("Ghi nhận bàn giao"))
        self.record_button.setDefault(True)
        self.record_button.clicked.connect(self.record)
        cancel = QPushButton(self.tr("Hủy"))
        cancel.clicked.connect(self.reject)
        buttons.addStretch()
        buttons.addWidget(self.record_button)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)
        self.resize(480, self.sizeHint().height())
        if not service.info.sealed:
            self.state.setText(self.tr("Chỉ bàn giao sau khi đã chốt kết quả."))
            self.record_button.setEnabled(False)
        elif service.opened_read_only:
            self.state.setText(self.tr("Tệp đang mở chỉ để xem: không ghi nhận được."))
            self.record_button.setEnabled(False)

    def record(self) -> None:
        at = self.at.dateTime().toString("yyyy-MM-ddTHH:mm")
        try:
            self.procedure.record_handover(self.handed_by.text(), self.received_by.text(), self.position.text(), at)
        except TinNhiemError as error:
            self.dialogs.error(describe_error(error))
            return
        self.accept()


class ReportsDialog(QDialog):
    """Báo cáo cấp trên: the results to the personnel office and, separately, for the people the
    provincial standing committee manages; .xlsx and PDF, dated, with "Kính gửi"."""

    finished_writing = Signal(list)
    SUFFIXES = {"office_xlsx": "bao-cao-ket-qua.xlsx", "office_pdf": "bao-cao-ket-qua.pdf",
                "provincial_xlsx": "bao-cao-tinh-uy.xlsx", "provincial_pdf": "bao-cao-tinh-uy.pdf"}

    def __init__(self, service: RoundService, dialogs: Dialogs, folder: Path, parent=None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Báo cáo cấp trên"))
        self.service, self.dialogs = service, dialogs
        self.written: list[Path] = []
        self.background = Background(self)
        has_provincial = any(c.provincial for f in service.setup.forms for c in f.candidates)
        layout = QVBoxLayout(self)
        if not service.info.sealed:
            warning = QLabel(self.tr("⚠ Kết quả chưa chốt: báo cáo sẽ ghi \"BẢN NHÁP\" và không được ghi nhận là đã gửi."))
            warning.setWordWrap(True)
            warning.setStyleSheet("color: #8a4b00;")
            layout.addWidget(warning)
        form = QFormLayout()
        self.date = QDateEdit(QDate.currentDate() if today is None else QDate(today))
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.date.setCalendarPopup(True)
        form.addRow(self.tr("Ngày báo cáo:"), self.date)
        self.office_to = QLineEdit()
        self.office_to.setPlaceholderText(self.tr("ví dụ: Phòng Tổ chức cán bộ (để trống: in dòng chấm)"))
        form.addRow(self.tr("Kính gửi (cơ quan tổ chức cán bộ):"), self.office_to)
        self.provincial_to = QLineEdit(default_recipient(True, service.setup.header))
        form.addRow(self.tr("Kính gửi (báo cáo riêng):"), self.provincial_to)
        layout.addLayout(form)
        self.boxes: dict[str, QCheckBox] = {}
        for provincial in (False, True):
            row = QHBoxLayout()
            row.addWidget(QLabel(wording(REPORT_NAMES[provincial]) + ":"), 1)
            for kind in ("xlsx", "pdf"):
                name = f"{'provincial' if provincial else 'office'}_{kind}"
                box = QCheckBox(kind.upper() if kind == "pdf" else "Excel (.xlsx)")
                box.setChecked(not provincial or has_provincial)
                box.setEnabled(not provincial or has_provincial)
                self.boxes[name] = box
                row.addWidget(box)
            layout.addLayout(row)
        if not has_provincial:
            note = QLabel(self.tr("Chưa có người nào được đánh dấu thuộc diện Ban Thường vụ Tỉnh ủy quản lý "
                                  "(đánh dấu trong thông tin đợt, danh sách người được lấy phiếu)."))
            note.setWordWrap(True)
            layout.addWidget(note)
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(self.tr("Thư mục:")))
        self.folder = QLineEdit(str(folder))
        folder_row.addWidget(self.folder, 1)
        choose = QPushButton(self.tr("Chọn…"))
        choose.clicked.connect(self._choose_folder)
        folder_row.addWidget(choose)
        layout.addLayout(folder_row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        self.export_button = QPushButton(self.tr("Xuất báo cáo"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        close = QPushButton(self.tr("Đóng"))
        close.clicked.connect(self.accept)
        buttons.addStretch()
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.resize(640, self.sizeHint().height())

    def request(self) -> ReportRequest:
        folder, stem = Path(self.folder.text().strip()), self.service.path.stem
        files = {name: folder / f"{stem}-{self.SUFFIXES[name]}" for name, box in self.boxes.items()
                 if box.isChecked() and box.isEnabled()}
        return ReportRequest(**files, date=self.date.date().toString("yyyy-MM-dd"),
                             office_to=self.office_to.text().strip(), provincial_to=self.provincial_to.text().strip())

    def start(self) -> None:
        if chosen_folder(self.folder, self.status) is None:
            return
        request = self.request()
        if not request.targets(False) and not request.targets(True):
            self.status.setText(self.tr("Chưa chọn báo cáo nào để xuất."))
            return
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Đang xuất…"))
        self.background.start(lambda _progress: export_reports(self.service, request), self._done, self._failed)

    def _done(self, written: list) -> None:
        self.written = written
        self.status.setText(self.tr("Đã xuất:") + "\n" + "\n".join(str(path) for path in written))
        self.export_button.setEnabled(True)
        self.finished_writing.emit(written)

    def _failed(self, message: str) -> None:
        self.status.setText("")
        self.export_button.setEnabled(True)
        self.dialogs.error(message)

    def _choose_folder(self) -> None:
        chosen = self.dialogs.choose_folder(self.tr("Chọn thư mục lưu báo cáo"), Path(self.folder.text()))
        if chosen:
            self.folder.setText(str(chosen))

    def done(self, result: int) -> None:  # wait for a running export before the dialog goes
        self.background.wait()
        super().done(result)
