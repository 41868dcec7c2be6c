"""Reports upward (step 5 of the annual procedure), as PDF and as an Excel workbook.

Two reports: the results of everyone rated, sent to the office that advises on personnel (cơ quan
tham mưu về tổ chức cán bộ), and a separate one for the people managed by the provincial Party
standing committee (cán bộ thuộc diện Ban Thường vụ Tỉnh ủy quản lý). Each carries the unit's
header, the report's own date, "Kính gửi", the figures as the minutes print them, whether the
results are sealed (and the fingerprint), a "Nơi nhận" block and the head of the body's signature.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from openpyxl import Workbook

from ..core.issues import TinNhiemError
from ..core.model import Header, HeaderStyle, RoundSetup
from ..core.percent import vi_count
from ..core.procedure import TeamVote
from ..core.results import RoundResults
from ..core.rules import DEFAULT_TEAM_NAME
from .dates import vi_date, vi_datetime
from .fonts import FontSet
from .history_text import last_year
from ..core.audit import grouped
from .minutes import _form_section
from .seal import Seal, seal_lead
from .paper import issuer_symbol
from .pdf import OfficialPdf, composed, save
from .procedure_text import team_vote_sentence
from .results_text import rule_sentence
from .summary_xlsx import _columns, _line, _person_values, _sheet

DOTS = "................................................"
CLOSING_HEIGHT = 50  # mm: "Nơi nhận" beside the signature block
CITY = re.compile(r"(?:^|\s)THÀNH PHỐ\s")


@dataclass(frozen=True)
class Report:
    provincial: bool  # only the people managed by the provincial Party standing committee
    date: str  # the report's date (ISO), printed in the place-and-date line
    recipient: str = ""  # "Kính gửi": dots when empty
    signer_title: str = ""  # the head of the body's position, e.g. "Giám đốc"
    signer_name: str = ""
    handover: str = ""  # a sentence saying to whom the minutes and ballots were handed over
    team_vote: TeamVote | None = None
    number: str = ""  # "Số: 12/BC-..." on the report; dots when empty


def standing_committee(header: Header) -> str:
    """'Tỉnh ủy', or 'Thành ủy' for a body of a centrally governed city (the parent body first)."""
    for text in (header.parent, header.unit):
        upper = text.upper()
        if CITY.search(f" {upper}"):
            return "Thành ủy"
        if "TỈNH" in upper.split():
            return "Tỉnh ủy"
    return "Tỉnh ủy"


PARTY_BODIES = (("ĐẢNG ỦY", "ĐẢNG ỦY"), ("ĐẢNG UỶ", "ĐẢNG ỦY"), ("CHI BỘ", "CHI BỘ"), ("BAN THƯỜNG VỤ", "BAN THƯỜNG VỤ"),
                ("ĐẢNG ĐOÀN", "ĐẢNG ĐOÀN"), ("BAN CÁN SỰ ĐẢNG", "BAN CÁN SỰ ĐẢNG"))


def signing_words(header: Header, signer_title: str) -> list[str]:
    """The lines above the signature: a Party body signs on behalf of its committee (HD 36:
    'T/M ĐẢNG ỦY' / 'BÍ THƯ'); a state body with the head's position."""
    if header.style is HeaderStyle.PARTY:
        unit = composed(header.unit).upper()
        body = next((name for start, name in PARTY_BODIES if unit.startswith(start)), "BAN THƯỜNG VỤ")
        return [f"T/M {body}", (signer_title or "Bí thư").upper()]
    return [(signer_title or "Thủ trưởng cơ quan, đơn vị").upper()]


def default_recipient(provincial: bool, header: Header) -> str:
    return f"Ban Tổ chức {standing_committee(header)}" if provincial else ""


def report_subject(provincial: bool, setup: RoundSetup) -> str:
    subject = f"Kết quả lấy phiếu tín nhiệm năm {setup.year}"
    if provincial:
        subject += f" đối với cán bộ thuộc diện Ban Thường vụ {standing_committee(setup.header)} quản lý"
    return subject


def reported(results: RoundResults, provincial: bool) -> RoundResults:
    """The results the report gives: everyone, or only the provincial committee's people (each
    form keeping its own figures), numbered from 1 within each form."""
    forms = []
    for form in results.forms:
        people = [p for p in form.candidates if p.candidate.provincial or not provincial]
        if people:
            renumbered = tuple(replace(p, candidate=replace(p.candidate, order=number))
                               for number, p in enumerate(people, start=1))
            forms.append(replace(form, candidates=renumbered))
    if not forms:
        raise TinNhiemError("no_provincial_candidates")
    return replace(results, forms=tuple(forms))


def _meeting_sentence(setup: RoundSetup) -> str:
    meeting = setup.meeting
    when = vi_date(meeting.date) or "ngày ......"
    return (f"Hội nghị lấy phiếu tín nhiệm năm {setup.year} được tổ chức {when}"
            + (f" tại {meeting.place}" if meeting.place else "")
            + (f", do đồng chí {meeting.chair} chủ trì" if meeting.chair else "") + ".")


def _seal_sentence(seal: Seal, team: str = DEFAULT_TEAM_NAME) -> str:
    if seal.sealed_at and seal.fingerprint:
        return (f"Kết quả đã được {team} chốt lúc {vi_datetime(seal.sealed_at)}; dấu vân tay (SHA-256) của "
                f"tệp đợt lấy phiếu: {grouped(seal.fingerprint)}.")
    return "BẢN NHÁP — kết quả chưa chốt, chưa phải báo cáo chính thức."


def write_report_pdf(results: RoundResults, target: Path, report: Report, seal: Seal = Seal(),
                     fonts: FontSet | None = None) -> Path:
    shown = reported(results, report.provincial)
    setup = shown.setup
    pdf = OfficialPdf(fonts)
    pdf.set_title("Báo cáo kết quả lấy phiếu tín nhiệm")
    pdf.add_page()
    pdf.official_header(setup.header, report.date, symbol=("BC", issuer_symbol(setup.header)), number=report.number)
    pdf.title_block("BÁO CÁO", report_subject(report.provincial, setup))
    pdf.paragraph(f"Kính gửi: {report.recipient or DOTS}", align="C", after=4)

    pdf.heading("I. TỔ CHỨC HỘI NGHỊ")
    pdf.paragraph(_meeting_sentence(setup) + f" Căn cứ: {shown.rule.preset.source}.")
    team = ", ".join(m.name + (f" ({m.role})" if m.role else "") for m in setup.team)
    if team:
        pdf.paragraph(f"{shown.rule.team_name} gồm các đồng chí: {team}.")
    if report.team_vote is not None:
        pdf.paragraph(team_vote_sentence(report.team_vote, shown.rule.team_name))
    pdf.ln(2)

    pdf.heading("II. KẾT QUẢ LẤY PHIẾU TÍN NHIỆM")
    pdf.paragraph(rule_sentence(shown.rule))
    for number, form in enumerate(shown.forms, start=1):
        _form_section(pdf, number, form, shown)

    pdf.heading("III. XÁC NHẬN KẾT QUẢ", keep=60)  # with the seal's sentence and its QR code
    if seal.sealed_at and seal.fingerprint:
        pdf.seal_block(seal_lead(seal) + " (in trên biên bản kiểm phiếu)", seal.fingerprint)
    else:
        pdf.paragraph(_seal_sentence(seal, shown.rule.team_name), emphasis="B")
    if seal.reason:
        pdf.paragraph(f"Lý do chốt kết quả khi số liệu chưa khớp: {seal.reason}", emphasis="I")
    if report.handover:
        pdf.paragraph(report.handover)
    if pdf.will_page_break(CLOSING_HEIGHT + 20):  # the closing sentence and the signature together,
        pdf.add_page()                            # never "Nơi nhận" and the signature alone on a page
    pdf.paragraph(f"{'Trên đây là' if seal.sealed_at else 'Dự thảo'} báo cáo kết quả lấy phiếu tín nhiệm năm "
                  f"{setup.year}" + (" (kèm theo biên bản kiểm phiếu)." if seal.sealed_at else "."))
    _closing(pdf, report, setup)
    return save(pdf, target)


def _closing(pdf: OfficialPdf, report: Report, setup: RoundSetup) -> None:
    """'Nơi nhận' on the left, the head of the body's signature on the right."""
    if pdf.will_page_break(CLOSING_HEIGHT):
        pdf.add_page()
    pdf.ln(4)
    top, left_width = pdf.get_y(), pdf.epw * 0.45
    right_x, right_width = pdf.l_margin + left_width, pdf.epw - left_width
    with pdf.style("BI", 12):
        pdf.set_xy(pdf.l_margin, top)
        pdf.cell(left_width, 5.5, "Nơi nhận:", new_x="LMARGIN", new_y="NEXT")
    with pdf.style("", 11):
        for line in ("- Như trên;", "- Lưu: VT."):
            pdf.cell(left_width, 5, composed(line), new_x="LMARGIN", new_y="NEXT")
    pdf.set_xy(right_x, top)
    with pdf.style("B", 14 if pdf.party else 13):
        for line in signing_words(setup.header, report.signer_title):
            pdf.multi_cell(right_width, 6, composed(line), align="C", new_x="LEFT", new_y="NEXT")
    with pdf.style("I", 12):
        pdf.multi_cell(right_width, 5.5, "(Ký tên, đóng dấu)", align="C", new_x="LEFT", new_y="NEXT")
    pdf.set_xy(right_x, top + 36)
    with pdf.style("B", 13):
        pdf.multi_cell(right_width, 6, composed(report.signer_name or DOTS[:24]), align="C",
                       new_x="LMARGIN", new_y="NEXT")


def write_report_xlsx(results: RoundResults, target: Path, report: Report, seal: Seal = Seal()) -> Path:
    shown = reported(results, report.provincial)
    setup, rule = shown.setup, shown.rule
    workbook = Workbook()
    workbook.properties.title = "Báo cáo kết quả lấy phiếu tín nhiệm"
    workbook.properties.creator = "Tín Nhiệm Desktop"
    sheet = workbook.active
    sheet.title = "Báo cáo"
    people = [(form, person) for form in shown.forms for person in form.candidates]
    year = last_year(shown)
    rows = [[number, f"{form.form.code} - {form.form.title}", *_person_values(rule, form, person, year)]
            for number, (form, person) in enumerate(people, start=1)]
    counts = "; ".join(
        f"loại phiếu {f.form.code}: triệu tập {vi_count(f.form.counts.summoned)}, có mặt {vi_count(f.form.counts.present)}"
        for f in shown.forms
    )
    lines = [_meeting_sentence(setup), f"Số người: {counts}.", rule_sentence(rule),
             _seal_sentence(seal, rule.team_name)]
    if report.team_vote is not None:
        lines.insert(1, team_vote_sentence(report.team_vote, rule.team_name))
    if report.handover:
        lines.append(report.handover)
    columns = _columns(True, year, any(p.prior is not None and p.prior.by_hand for _, p in people))
    _sheet(sheet, setup, columns, rows, rule.decimals, subtitle=f"Kính gửi: {report.recipient or DOTS}",
           lines=lines, issues=shown.issues, title=f"BÁO CÁO {report_subject(report.provincial, setup).upper()}",
           iso_date=report.date)
    row = sheet.max_row + 2
    first = 1 + [c.group for c in columns].index("Tín nhiệm")
    _line(sheet, row, 1, 4, "Nơi nhận:", bold=True, italic=True, align="left")
    _line(sheet, row + 1, 1, 4, "- Như trên;", size=11, align="left")
    _line(sheet, row + 2, 1, 4, "- Lưu: VT.", size=11, align="left")
    _line(sheet, row, first, len(columns), (report.signer_title or "Thủ trưởng cơ quan, đơn vị").upper(), bold=True)
    _line(sheet, row + 1, first, len(columns), "(Ký tên, đóng dấu)", italic=True)
    _line(sheet, row + 5, first, len(columns), report.signer_name or DOTS[:24], bold=True)
    target = Path(target)
    partial = target.with_name(target.name + ".partial")
    workbook.save(partial)
    partial.replace(target)
    return target
