"""Result notices (thông báo kết quả lấy phiếu tín nhiệm): one page to each person rated.

Every candidate of every form gets a notice of their own in one PDF, in list order. There is no
gender in a round, so the notice addresses everyone as "Đồng chí", the neutral form of official
Vietnamese. It is signed by the head of the counting team for the team ("TM. TỔ KIỂM PHIẾU").
"""

from __future__ import annotations

from pathlib import Path
from ..core.model import LEVELS, TeamMember
from ..core.percent import vi_count, vi_percent
from ..core.results import CandidateResult, FormResult, RoundResults
from ..core.rules import Base
from ..core.team import team_head
from .dates import vi_date
from .fonts import FontSet
from ..core.audit import grouped
from .minutes import DOTS, LEVEL_HEADINGS, base_words
from .seal import Seal, seal_lead
from .pdf import BODY_PT, FINGERPRINT_HOW_SHORT, OfficialPdf, composed, save
from .results_text import overrides_sentence, rule_label
from .team_words import TeamWords, team_words
from .wording import flags_words

ADDRESS = "Đồng chí"
DRAFT_MARK = "BẢN NHÁP — chưa chốt kết quả"
WIDTHS = (75, 40, 50)  # level, count, percent: the 165 mm text width
CLOSING_HEIGHT = 40
SEAL_HEIGHT = 24
BODY_SIZES = (14, 13.5, 13, 12, 11)  # a notice too long for one page at 14 pt is set a little smaller; below 13 only as the last resort (a very long name and position)


class NoticePdf(OfficialPdf):
    """Each notice is a document of its own: its pages are numbered from its first page."""

    first_page = 1

    def header(self) -> None:
        number = self.page_no() - self.first_page + 1
        if number >= 2:
            self.set_y(8)
            with self.style(size=BODY_PT):
                self.cell(0, 6, str(number), align="C")
            self.set_y(self.t_margin)


def write_notices(results: RoundResults, target: Path, seal: Seal = Seal(), fonts: FontSet | None = None) -> Path:
    pdf = NoticePdf(fonts)
    pdf.set_title("Thông báo kết quả lấy phiếu tín nhiệm")
    trial = NoticePdf(pdf.font_set)  # each notice is set here first, to find a size that fits one page
    leader = team_head(results.setup.team)
    for form in results.forms:
        for person in form.candidates:
            notice = (results, form, person, seal, leader)
            size = next((size for size in BODY_SIZES if _fits(trial, notice, size)), BODY_SIZES[-1])
            pdf.first_page = pdf.page_no() + 1  # before add_page, which draws the page header
            pdf.add_page()
            _notice(pdf, *notice, size)
    return save(pdf, target)


def _fits(trial: NoticePdf, notice: tuple, size: float) -> bool:
    trial.first_page = trial.page_no() + 1
    trial.add_page()
    _notice(trial, *notice, size)
    return trial.page_no() == trial.first_page


def _notice(pdf: NoticePdf, results: RoundResults, form: FormResult, person: CandidateResult, seal: Seal,
            leader: TeamMember | None, size: float = BODY_SIZES[0]) -> None:
    small = size - 1
    setup, rule, candidate = results.setup, results.rule, person.candidate
    team = team_words(rule)
    pdf.official_header(setup.header, setup.meeting.date, symbol=("TB", team.symbol))
    pdf.title_block("THÔNG BÁO", f"Kết quả lấy phiếu tín nhiệm năm {setup.year}")
    if seal.sealed_at is None:
        with pdf.style("B", size):
            pdf.cell(0, 8, DRAFT_MARK, border=1, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    if seal.corrects:
        pdf.paragraph(f"Thông báo này thay thế kết quả đã chốt trong tệp {seal.corrects['file']} (dấu vân tay "
                      f"{grouped(seal.corrects['fingerprint'])}). Lý do đính chính: {seal.corrects['reason']}.",
                      emphasis="I", size=small - 1, after=3)
    pdf.paragraph(f"Kính gửi: {ADDRESS} {candidate.name}, {candidate.position}", size=size, align="C", after=3)

    counts, tally = form.form.counts, form.tally
    when = vi_date(setup.meeting.date) or f"ngày {DOTS}"
    pdf.paragraph(
        f"Hội nghị lấy phiếu tín nhiệm tổ chức {when}, tại {setup.meeting.place or DOTS}, do đồng chí "
        f"{setup.meeting.chair or DOTS} chủ trì, đã lấy phiếu tín nhiệm đối với {ADDRESS.lower()} "
        f"(loại phiếu {form.form.code}: {form.form.title}). Số người được triệu tập: {vi_count(counts.summoned)}; "
        f"có mặt: {vi_count(counts.present)}; số phiếu phát ra: {vi_count(counts.issued)}; thu về: "
        f"{vi_count(counts.collected)}; hợp lệ: {vi_count(tally.valid)}; không hợp lệ: {vi_count(tally.invalid)}.",
        size=size,
    )
    pdf.paragraph(f"Căn cứ biên bản kiểm phiếu, {team.name} thông báo kết quả lấy phiếu tín nhiệm đối với "
                  f"{ADDRESS.lower()} như sau:", size=size, after=3)

    decimals = rule.decimals
    with pdf.table_of(WIDTHS, size=small, aligns=("LEFT", "CENTER", "CENTER")) as table:
        row = table.row()
        for heading in ("Mức độ tín nhiệm", "Số phiếu", "Tỷ lệ"):
            row.cell(heading, align="CENTER")
        for level, heading in zip(LEVELS, LEVEL_HEADINGS):
            row = table.row()
            row.cell(heading)
            row.cell(vi_count(person.tally.count(level)))
            row.cell(vi_percent(person.percents[level], decimals))
    pdf.ln(2)
    notes = []
    if person.tally.not_counted:
        notes.append(f"Số phiếu hợp lệ không tính cho {ADDRESS.lower()} (không đánh dấu hoặc đánh dấu nhiều ô): "
                     f"{vi_count(person.tally.not_counted)}.")
    notes.append(base_words(form, decimals))
    if form.base_kind is Base.VALID_FOR_PERSON:
        notes.append(f"Số phiếu hợp lệ đối với {ADDRESS.lower()}: {vi_count(person.base)}.")
    notes.append(f"Quy tắc áp dụng: {rule_label(rule)}; căn cứ: {rule.preset.source}.")
    if rule.overrides:
        notes.append(overrides_sentence(rule))
    pdf.paragraph(" ".join(notes), size=small)

    if person.flags:
        share = vi_percent(person.percents[LEVELS[2]], decimals)
        bands = flags_words(rule, person.flags)
        pdf.paragraph(f"Theo {rule_label(rule)}, số phiếu tín nhiệm thấp của {ADDRESS.lower()} ({share}) thuộc "
                      f"trường hợp: {bands}. Kết quả này được báo cáo cấp có thẩm quyền để xem xét, xử lý theo "
                      f"quy định.", emphasis="B", size=size)

    if pdf.will_page_break(SEAL_HEIGHT + CLOSING_HEIGHT):  # too long even when set small: never sign alone
        pdf.add_page()
    if seal.sealed_at and seal.fingerprint:
        pdf.seal_block(seal_lead(seal), seal.fingerprint, size=min(small, 11), qr_side=0, how=FINGERPRINT_HOW_SHORT)
    else:
        pdf.paragraph("Kết quả chưa chốt: chưa có dấu vân tay của tệp đợt lấy phiếu.", emphasis="B", size=small)
    _closing(pdf, leader, size, seal.fingerprint if seal.sealed_at else None, team)


def _closing(pdf: NoticePdf, leader: TeamMember | None, size: float, fingerprint: str | None,
             team: TeamWords = TeamWords()) -> None:
    """'Nơi nhận' on the left, the fingerprint's QR code under it; on the right the head of the
    counting team signs for the team."""
    pdf.ln(3)
    if pdf.will_page_break(CLOSING_HEIGHT):
        pdf.add_page()
    top, half = pdf.get_y(), pdf.epw / 2
    pdf.set_xy(pdf.l_margin, top)
    with pdf.style("BI", 12):
        pdf.cell(half, 6, "Nơi nhận:", new_x="LMARGIN", new_y="NEXT")
    with pdf.style("", 11):
        for line in ("- Như trên;", f"- Lưu: {team.name}."):
            pdf.cell(half, 5, line, new_x="LMARGIN", new_y="NEXT")
    if fingerprint:
        pdf.qr_code(fingerprint, pdf.l_margin + 2, top + 18, CLOSING_HEIGHT - 20)
    right = pdf.l_margin + half
    pdf.set_xy(right, top)
    with pdf.style("B", size):
        pdf.multi_cell(half, 6, f"TM. {team.upper}\n{team.head.upper()}", align="C", new_x="LEFT", new_y="NEXT")
    with pdf.style("I", 12):
        pdf.multi_cell(half, 5.5, "(Ký, ghi rõ họ tên)", align="C", new_x="LEFT", new_y="NEXT")
    pdf.set_xy(right, top + CLOSING_HEIGHT - 8)
    with pdf.style("B", size):
        pdf.multi_cell(half, 6, composed(leader.name) if leader else DOTS, align="C", new_x="LMARGIN", new_y="NEXT")
