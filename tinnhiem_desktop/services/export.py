"""Writing a round's documents: one call, each document complete on disk or not at all."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..core.issues import Issue, Severity, TinNhiemError, os_reason
from ..export.seal import Seal
from .procedure import ProcedureService, iso_date, note_blank_ballots_printed
from .rounds import RoundService
from .scanning import how_read, images_folder

DOCUMENT_NAMES = {
    "minutes": "Biên bản kiểm phiếu",
    "minutes_docx": "Biên bản kiểm phiếu (bản Word để chỉnh sửa)",
    "notices": "Thông báo kết quả cho từng người",
    "summary": "Báo cáo kết quả tổng hợp",
    "blank_ballots": "Phiếu lấy phiếu tín nhiệm (phiếu trắng)",
    "entry_log": "Nhật ký nhập phiếu",
    "csv": "Dữ liệu phiếu (CSV)",
}


@dataclass(frozen=True)
class ExportRequest:
    minutes: Path | None = None
    summary: Path | None = None
    blank_ballots: Path | None = None
    entry_log: Path | None = None
    csv: Path | None = None
    copies: int | None = None  # blank ballots per form; by default each form's issued count
    notices: Path | None = None  # after `copies` so that positional callers keep working
    minutes_docx: Path | None = None  # the editable copy of the minutes
    number: str = ""  # the minutes' number ("Số: 12/BB-TKP"); dots when empty

    def targets(self) -> dict[str, Path]:
        return {name: Path(getattr(self, name)) for name in DOCUMENT_NAMES if getattr(self, name) is not None}


def export_warnings(service: RoundService) -> list[Issue]:
    """Why the documents are not final yet: not sealed, or counts that do not reconcile."""
    warnings = [] if service.info.sealed else [Issue("round_not_sealed", Severity.WARNING)]
    return warnings + service.seal_problems()


def export_documents(
    service: RoundService, request: ExportRequest, progress: Callable[[str], None] | None = None
) -> list[Path]:
    """Write every document the request names; returns the files written, in order."""
    targets = request.targets()
    if not targets:
        raise TinNhiemError("nothing_to_export")
    results, info = service.results(), service.info
    seal = Seal(info.sealed_at, info.sealed_by, info.fingerprint, info.seal_reason, service.corrects(),
                differences=len(service.differences()))
    written = []
    for name, target in targets.items():
        if progress:
            progress(DOCUMENT_NAMES[name])
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if name == "minutes":
                from ..export.minutes import write_minutes

                written.append(write_minutes(results, target, seal, team_vote=ProcedureService(service).team_vote(),
                                             number=request.number, how_read=how_read(service)))
            elif name == "minutes_docx":
                from ..export.minutes_docx import write_minutes_docx

                written.append(write_minutes_docx(results, target, seal,
                                                  team_vote=ProcedureService(service).team_vote(),
                                                  number=request.number, how_read=how_read(service)))
            elif name == "notices":
                from ..export.notices import write_notices

                written.append(write_notices(results, target, seal))
            elif name == "summary":
                from ..export.summary_xlsx import write_summary

                written.append(write_summary(results, target, sealed_at=info.sealed_at, fingerprint=info.fingerprint))
            elif name == "blank_ballots":
                from ..export.blank_ballots import write_blank_ballots

                written.append(write_blank_ballots(service.setup, target, request.copies, round_id=info.uid))
                note_blank_ballots_printed(service, request.copies)
            elif name == "entry_log":
                from ..export.entry_log import write_entry_log

                written.append(write_entry_log(service.setup, service.events(), target,
                                               fingerprint=info.fingerprint, sealed_at=info.sealed_at,
                                               differences=service.differences(),
                                               images_folder=images_folder(service).name))
            else:
                from ..export.ballots_export import write_ballots_csv

                written.append(write_ballots_csv(service.setup, service.counted_ballots(), target))
        except OSError as error:
            raise TinNhiemError("file_not_writable", file=str(target), detail=os_reason(error)) from None
    return written


REPORT_NAMES = {
    False: "Báo cáo kết quả gửi cơ quan tham mưu về tổ chức cán bộ",
    True: "Báo cáo riêng cán bộ thuộc diện Ban Thường vụ Tỉnh ủy quản lý",
}


@dataclass(frozen=True)
class ReportRequest:
    """The reports upward to write: to the personnel office (everyone rated) and to the provincial
    committee (its people only), each as .xlsx and/or PDF."""

    office_xlsx: Path | None = None
    office_pdf: Path | None = None
    provincial_xlsx: Path | None = None
    provincial_pdf: Path | None = None
    date: str | None = None  # the reports' date (ISO); today by default
    office_to: str = ""  # "Kính gửi"
    provincial_to: str | None = None  # by default the committee's Ban Tổ chức
    number: str = ""  # the reports' number ("Số: 12/BC-..."); dots when empty

    def targets(self, provincial: bool) -> list[tuple[str, Path]]:
        """(format, file) of one report: "xlsx" and/or "pdf"."""
        paths = (self.provincial_xlsx, self.provincial_pdf) if provincial else (self.office_xlsx, self.office_pdf)
        return [(kind, Path(path)) for kind, path in zip(("xlsx", "pdf"), paths) if path is not None]


def check_reports(service: RoundService, request: ReportRequest) -> str:
    """Refuse, before anything is written, a report that could not be made: none asked for, a
    provincial report with nobody marked provincial, a date before the seal the report prints.
    Returns the reports' date (ISO)."""
    from datetime import date

    from ..export.report_upward import reported

    if not request.targets(False) and not request.targets(True):
        raise TinNhiemError("nothing_to_export")
    if request.targets(True):
        reported(service.results(), True)  # raises no_provincial_candidates
    report_date = iso_date(request.date or date.today())
    sealed_at = service.info.sealed_at
    if sealed_at and report_date < sealed_at[:10]:
        raise TinNhiemError("report_before_seal", date=_day(report_date), sealed=_day(sealed_at[:10]))
    return report_date


def _day(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


def export_reports(
    service: RoundService, request: ReportRequest, progress: Callable[[str], None] | None = None
) -> list[Path]:
    """Write the reports upward; a sealed round's reports are recorded as made (when the file is
    open for writing). Returns the files written, in order."""
    from datetime import date

    from ..export.procedure_text import handover_sentence
    from ..export.report_upward import Report, default_recipient, write_report_pdf, write_report_xlsx

    report_date = check_reports(service, request)
    results, info = service.results(), service.info
    seal = Seal(info.sealed_at, info.sealed_by, info.fingerprint, info.seal_reason, service.corrects())
    procedure = ProcedureService(service)
    handover = procedure.handover()
    written = []
    for provincial in (False, True):
        targets = request.targets(provincial)
        if not targets:
            continue
        if progress:
            progress(REPORT_NAMES[provincial])
        recipient = request.office_to if not provincial else request.provincial_to
        if recipient is None:
            recipient = default_recipient(True, service.setup.header)
        report = Report(provincial, report_date, recipient, number=request.number,
                        signer_title=handover.position if handover else "",
                        signer_name=handover.received_by if handover else "",
                        handover=handover_sentence(handover) if handover else "",
                        team_vote=procedure.team_vote())
        made = []
        for kind, target in targets:
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                writer = write_report_xlsx if kind == "xlsx" else write_report_pdf
                made.append(writer(results, target, report, seal))
            except OSError as error:
                raise TinNhiemError("file_not_writable", file=str(target),
                                    detail=os_reason(error)) from None
        written += made
        if info.sealed and not service.opened_read_only:
            procedure.record_report(provincial, report_date, recipient, made)
    return written
