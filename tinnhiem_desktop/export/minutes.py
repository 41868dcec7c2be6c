"""The counting minutes (biên bản kiểm phiếu) the counting team signs, as a PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from ..core.model import LEVELS
from ..core.percent import vi_count, vi_percent
from ..core.procedure import TeamVote
from ..core.results import FormResult, RoundResults
from ..core.team import head_first
from .fonts import FontSet
from .history_text import by_hand_notes, last_year, prior_share
from .dates import vi_date
from ..core.audit import grouped
from .seal import Seal, seal_lead
from .paper import DOTS, LEVEL_HEADINGS, base_words, count_lines  # noqa: F401  (imported from here by others)
from .pdf import MARGIN_TOP, OfficialPdf, Signature, composed, save
from .procedure_text import team_vote_sentence
from .results_text import HowRead, entry_sentence, overrides_sentence, rule_label
from .team_words import closing_line, rule_line, team_words
from .wording import flags_words, sentence

# 165 mm: the text width of A4 with 30/15 margins; the name column takes an ordinary four-word name
# ("Nguyễn Văn Quốc Thành") on one line, the figures columns what "30,00%" needs
WIDTHS = (9, 41, 31, 8, 15, 8, 15, 8, 15, 15)
WIDTHS_WITH_LAST_YEAR = (9, 34, 25, 7, 14, 7, 14, 7, 14, 19, 15)  # and last year's share, set at 10 pt
CLOSING_HEIGHT = 15.5  # mm: the two lines that close the minutes, and the space after them
TABLE_START_ROWS = 3  # people a table starts with on its first page, at the least


def write_minutes(results: RoundResults, target: Path, seal: Seal = Seal(), fonts: FontSet | None = None,
                  team_vote: TeamVote | None = None, number: str = "", how_read: HowRead | None = None) -> Path:
    setup, rule = results.setup, results.rule
    team = team_words(rule)
    pdf = OfficialPdf(fonts)
    pdf.set_title("Biên bản kiểm phiếu")
    pdf.add_page()
    pdf.official_header(setup.header, setup.meeting.date, symbol=("BB", team.symbol), number=number)
    pdf.title_block("BIÊN BẢN KIỂM PHIẾU", setup.title)
    if seal.sealed_at is None:
        pdf.paragraph("(Kết quả chưa chốt: bản in để kiểm tra, chưa phải biên bản chính thức)",
                      emphasis="I", align="C", after=3)
    if seal.corrects:
        pdf.paragraph(f"Biên bản này thay thế kết quả đã chốt trong tệp {seal.corrects['file']} (dấu vân tay "
                      f"{grouped(seal.corrects['fingerprint'])}). Lý do đính chính: {seal.corrects['reason']}.",
                      emphasis="I", after=3)

    when = vi_date(setup.meeting.date) or f"ngày {DOTS}"
    pdf.paragraph(
        f"Hôm nay, {when}, tại {setup.meeting.place or DOTS}, hội nghị lấy phiếu tín nhiệm được tổ chức "
        f"do đồng chí {setup.meeting.chair or DOTS} chủ trì."
    )

    pdf.heading(f"I. {team.upper}")
    pdf.paragraph(f"{team.name} do hội nghị bầu gồm các đồng chí:", after=0.5)
    for number, member in enumerate(setup.team, start=1):
        pdf.paragraph(f"{number}. {member.name}" + (f" — {member.role}" if member.role else ""), indent=6, after=0.5)
    if team_vote is not None:
        pdf.paragraph(team_vote_sentence(team_vote, team.name), after=0.5)
    pdf.ln(2)

    pdf.heading("II. KẾT QUẢ KIỂM PHIẾU")
    pdf.paragraph(rule_line(rule))
    if rule.overrides:
        pdf.paragraph(overrides_sentence(rule), emphasis="I")
    pdf.paragraph(entry_sentence(setup, seal.differences, how_read))
    for number, form in enumerate(results.forms, start=1):
        _form_section(pdf, number, form, results)

    pdf.heading("III. ĐỐI CHIẾU SỐ LIỆU")
    problems = [(form, issue) for form in results.forms for issue in form.issues]
    if not problems:
        pdf.paragraph("Số liệu khớp: với từng loại phiếu, số người có mặt không vượt số được triệu tập, "
                      "số phiếu phát ra không vượt số có mặt, số phiếu thu về không vượt số phát ra, "
                      "và số phiếu đã kiểm bằng số phiếu thu về.")
    for form, issue in problems:
        pdf.paragraph(f"- Loại phiếu {form.form.code}: {sentence(issue.code, issue.params)}", indent=4, after=0.5)
    if seal.reason:
        pdf.paragraph(f"Lý do chốt kết quả khi số liệu chưa khớp: {seal.reason}", emphasis="I")
    pdf.ln(2)

    if pdf.will_page_break(110):  # the section, its fingerprint and the first signatures together
        pdf.add_page()
    pdf.heading("IV. XÁC NHẬN")
    if seal.sealed_at and seal.fingerprint:
        pdf.seal_block(seal_lead(seal), seal.fingerprint)
    else:
        pdf.paragraph("Kết quả chưa chốt: chưa có dấu vân tay của tệp đợt lấy phiếu.", emphasis="B")
    per_row = 3 if len(setup.team) > 4 else 2
    signers = [Signature(m.role or "Thành viên", m.name) for m in head_first(setup.team)]
    together = CLOSING_HEIGHT + pdf.signatures_height(len(signers), per_row)
    if together <= pdf.eph and pdf.will_page_break(together):  # the closing line and every signature on one page
        pdf.add_page()
    pdf.paragraph(closing_line(team.name))
    pdf.signatures(team.upper, signers, per_row)
    return save(pdf, target)


def _heights(pdf: OfficialPdf, widths: tuple[float, ...], size: float, people: Sequence, year: int | None,
             decimals: int) -> tuple[float, list[float]]:
    """The table's heading rows' height and each person's row height (mm), as the table draws them."""
    line, pad = size * 0.45, 0.8
    with pdf.style("B", size):
        first_row = max(pdf._lines(LEVEL_HEADINGS[-1], widths[7] + widths[8]), 2)  # and "Không / tính"
        heading = (first_row + 1) * line + 4 * pad
    with pdf.style("", size):
        rows = [max(pdf._lines(composed(person.candidate.name), widths[1]),
                    pdf._lines(composed(person.candidate.position), widths[2]),
                    sum(pdf._lines(part, widths[9]) for part in prior_share(person, decimals, mark="\n").split("\n"))
                    if year is not None else 1) * line + 2 * pad
                for person in people]
    return heading, rows


def _keep_table_start(pdf: OfficialPdf, heading: float, rows: Sequence[float]) -> None:
    """A new page unless the table's headings and its first people fit on this one: a table never
    starts with one row at the foot of a page."""
    if pdf.will_page_break(heading + sum(rows[:TABLE_START_ROWS])):
        pdf.add_page()


def _widow_split(pdf: OfficialPdf, heading: float, rows: Sequence[float]) -> int | None:
    """Where to end the table's page early so that its last person does not stand alone at the
    top of a page (the headings repeated over one row): the number of rows to draw before a new
    page, or None when the table ends well as it is."""
    y, on_page, top = pdf.get_y() + heading, 0, MARGIN_TOP + heading
    starts = []  # the index of the first row of each page
    for index, height in enumerate(rows):
        if y + height > pdf.page_break_trigger:
            y, on_page = top, 0
            starts.append(index)
        y += height
        on_page += 1
    before = starts[-1] - (starts[-2] if len(starts) > 1 else 0) if starts else 0  # rows on the page before
    return len(rows) - 2 if on_page == 1 and before >= TABLE_START_ROWS else None


def _people_table(pdf: OfficialPdf, widths: tuple[float, ...], size: float, year: int | None, decimals: int,
                  people: Sequence) -> None:
    with pdf.table_of(widths, heading_rows=2, size=size) as table:
        row = table.row()
        row.cell("STT", rowspan=2)
        row.cell("Họ và tên", rowspan=2)
        row.cell("Chức vụ", rowspan=2)
        for heading in LEVEL_HEADINGS:
            row.cell(heading, colspan=2)
        if year is not None:
            row.cell(f"Tín nhiệm thấp năm {year} (%)", rowspan=2)
        row.cell("Không\ntính", rowspan=2)
        row = table.row()
        for _ in LEVEL_HEADINGS:
            row.cell("SL")
            row.cell("%")
        for person in people:
            row = table.row()
            row.cell(str(person.candidate.order))
            row.cell(person.candidate.name, align="LEFT")
            row.cell(person.candidate.position, align="LEFT")
            for level in LEVELS:
                row.cell(vi_count(person.tally.count(level)))
                row.cell(vi_percent(person.percents[level], decimals))
            if year is not None:
                row.cell(prior_share(person, decimals, mark="\n"))
            row.cell(vi_count(person.tally.not_counted))


def _form_section(pdf: OfficialPdf, number: int, form: FormResult, results: RoundResults) -> None:
    decimals = results.rule.decimals
    pdf.heading(f"{number}. Loại phiếu {form.form.code}: {form.form.title}")
    for line in count_lines(form):
        pdf.paragraph(line, indent=4, after=0.5)
    pdf.paragraph(base_words(form, decimals), after=2)

    year = last_year(results)
    widths, size = (WIDTHS, 10.5) if year is None else (WIDTHS_WITH_LAST_YEAR, 10)
    heading, heights = _heights(pdf, widths, size, form.candidates, year, decimals)
    _keep_table_start(pdf, heading, heights)
    split = _widow_split(pdf, heading, heights)
    people = list(form.candidates)
    if split is None:
        _people_table(pdf, widths, size, year, decimals, people)
    else:  # two people on the last page, the headings over them as on any page the table runs to
        _people_table(pdf, widths, size, year, decimals, people[:split])
        pdf.add_page()
        _people_table(pdf, widths, size, year, decimals, people[split:])
    pdf.paragraph("Ghi chú: SL là số phiếu; \"Không tính\" là số phiếu hợp lệ không đánh dấu hoặc đánh dấu "
                  "nhiều ô đối với người đó.", emphasis="I", size=11, after=0 if year else 2)
    if year is not None:
        pdf.paragraph(f"Tỷ lệ tín nhiệm thấp năm {year} theo tệp đợt lấy phiếu năm {year} đã chốt, hoặc nhập tay "
                      "theo nguồn ghi dưới đây.", emphasis="I", size=11, after=0)
        for note in by_hand_notes(form.candidates, year):
            pdf.paragraph(note, emphasis="I", size=11, after=0)
        pdf.ln(2)

    flagged = [p for p in form.candidates if p.flags]
    if flagged:
        pdf.paragraph(f"Theo {rule_label(results.rule)}, các trường hợp đến ngưỡng tín nhiệm thấp:", after=0.5)
        for person in flagged:
            words = flags_words(results.rule, person.flags)
            share = vi_percent(person.percents[LEVELS[2]], decimals)
            earlier = f" (năm {year}: {prior_share(person, decimals)})" if year and person.prior else ""
            pdf.paragraph(f"- {person.candidate.name} ({person.candidate.position}): {share} phiếu tín nhiệm thấp"
                          f"{earlier} — {words}.", emphasis="B", indent=4, after=0.5)
    else:
        pdf.paragraph(f"Không có người nào có số phiếu tín nhiệm thấp đến ngưỡng theo {rule_label(results.rule)}.")
    pdf.ln(2)
