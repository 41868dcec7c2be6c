"""The consolidated report as a PDF: A4 landscape (the per-person table is wide), the official header
of the body that consolidates, one section per unit, the files refused, the signatures."""

from __future__ import annotations

from pathlib import Path

from ..core.model import LEVELS
from ..core.percent import vi_count, vi_percent
from .consolidated import ConsolidatedReport, Totals, UnitSection, flags_text, introduction, unit_lines, unit_notes
from .fonts import FontSet
from .history_text import prior_share
from .minutes import LEVEL_HEADINGS
from .pdf import OfficialPdf, Signature, composed, save

# 252 mm: the text width of landscape A4 with 30/15 margins
PERSON_WIDTHS = (10, 40, 40, 13, 14, 10, 16, 10, 16, 10, 16, 20, 37)
OVERVIEW_WIDTHS = (10, 62, 62, 18, 22, 22, 56)
REFUSED_WIDTHS = (10, 80, 162)
TABLE_PT = 9.5
SIGNATURES_HEIGHT = 56
LINES_PT = 11.5
TABLE_START = 40  # a table's two heading rows and its first two people


def write_consolidated_pdf(report: ConsolidatedReport, target: Path, fonts: FontSet | None = None) -> Path:
    pdf = OfficialPdf(fonts, landscape=True)
    pdf.set_title(report.title)
    pdf.add_page()
    pdf.official_header(report.header, report.date, left_width=100)
    pdf.title_block(report.title)
    pdf.paragraph(introduction(report))

    pdf.heading("I. TỔNG HỢP CHUNG")
    _overview(pdf, report)
    totals = Totals.of(report.units)
    pdf.paragraph(f"Cộng: {len(report.units)} đơn vị, {totals.people} người được lấy phiếu; "
                  f"{totals.flagged} người đến ngưỡng tín nhiệm thấp ({totals.flag_words()}); "
                  f"{totals.last_year_words(report.year - 1)}.", after=3)

    pdf.heading("II. KẾT QUẢ TỪNG ĐƠN VỊ")
    for number, section in enumerate(report.units, start=1):
        _unit(pdf, number, section, report.year)

    if pdf.will_page_break(14 + 7 * len(report.refused) + SIGNATURES_HEIGHT):
        pdf.add_page()  # the last section and the signatures together, never a page of signatures alone
    pdf.heading("III. CÁC TỆP KHÔNG SỬ DỤNG")
    if report.refused:
        with pdf.table_of(REFUSED_WIDTHS, size=TABLE_PT, aligns=("CENTER", "LEFT", "LEFT")) as table:
            table.row(["STT", "Tệp", "Lý do"])
            for number, line in enumerate(report.refused, start=1):
                table.row([str(number), line.file, line.reason])
        pdf.ln(2)
    else:
        pdf.paragraph("Không có: mọi tệp được chọn đều đã chốt kết quả và nguyên vẹn.")

    pdf.signatures("", [Signature(title, name) for title, name in report.signers], per_row=len(report.signers))
    return save(pdf, target)


def _overview(pdf: OfficialPdf, report: ConsolidatedReport) -> None:
    aligns = ("CENTER", "LEFT", "LEFT", "CENTER", "CENTER", "CENTER", "LEFT")
    with pdf.table_of(OVERVIEW_WIDTHS, size=TABLE_PT, aligns=aligns) as table:
        table.row(["STT", "Đơn vị", "Quy tắc áp dụng", "Số người được lấy phiếu", "Số người đến ngưỡng",
                   f"Có số liệu năm {report.year - 1}", "Ngưỡng đã đến"])
        for number, section in enumerate(report.units, start=1):
            totals = Totals.of([section])
            table.row([str(number), section.unit, section.results.rule.preset.name, vi_count(totals.people),
                       vi_count(totals.flagged), f"{totals.with_last_year}/{totals.people}",
                       totals.flag_words() if totals.flagged else "—"])
    pdf.ln(2)


def _unit(pdf: OfficialPdf, number: int, section: UnitSection, year: int) -> None:
    lines = [f"- {line}" for line in unit_lines(section, year)]
    with pdf.style(size=LINES_PT):
        wrapped = sum(len(pdf.multi_cell(pdf.epw - 4, 1, composed(line), dry_run=True, output="LINES"))
                      for line in lines)
    if pdf.will_page_break(10 + wrapped * (LINES_PT * 0.5 + 0.2) + TABLE_START):
        pdf.add_page()  # the heading, its lines and the first rows of its table together
    pdf.heading(f"{number}. {section.unit}")
    for line in lines:
        pdf.paragraph(line, indent=4, size=LINES_PT, align="L", after=0.2)
    pdf.ln(1.5)
    decimals = section.results.rule.decimals
    aligns = ("CENTER", "LEFT", "LEFT", *["CENTER"] * 9, "LEFT")
    with pdf.table_of(PERSON_WIDTHS, heading_rows=2, size=TABLE_PT, aligns=aligns) as table:
        row = table.row()
        for heading in ("STT", "Họ và tên", "Chức vụ", "Loại phiếu", "Cơ sở tính tỷ lệ"):
            row.cell(heading, rowspan=2, align="CENTER")
        for heading in LEVEL_HEADINGS:
            row.cell(heading, colspan=2, align="CENTER")
        row.cell(f"Thấp năm {year - 1} (%)", rowspan=2, align="CENTER")
        row.cell("Ngưỡng đã đến", rowspan=2, align="CENTER")
        row = table.row()
        for _ in LEVEL_HEADINGS:
            row.cell("SL", align="CENTER")
            row.cell("%", align="CENTER")
        for order, (form, person) in enumerate(section.people, start=1):
            cells = [str(order), person.candidate.name, person.candidate.position, form, vi_count(person.base)]
            for level in LEVELS:
                cells += [vi_count(person.tally.count(level)), vi_percent(person.percents[level], decimals)]
            table.row([*cells, prior_share(person, decimals, mark="\n"), flags_text(person)])
    totals = Totals.of([section])
    pdf.paragraph(f"Cộng: {totals.people} người được lấy phiếu; {totals.flagged} người đến ngưỡng "
                  f"({totals.flag_words()}); {totals.last_year_words(year - 1)}.", emphasis="B", size=12, after=0.5)
    for note in unit_notes(section, year):
        pdf.paragraph(note, emphasis="I", size=11, after=0.3)
    pdf.ln(3)
