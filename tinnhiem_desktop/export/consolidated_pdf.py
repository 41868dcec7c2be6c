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
from .results_text import rule_label

# 252 mm: the text width of landscape A4 with 30/15 margins
PERSON_WIDTHS = (10, 36, 36, 13, 14, 10, 16, 10, 16, 10, 16, 20, 45)
OVERVIEW_WIDTHS = (10, 62, 62, 18, 22, 22, 56)
REFUSED_WIDTHS = (10, 80, 162)
TABLE_PT = 9.5
SIGNATURES_HEIGHT = 56
LINES_PT = 11.5
TABLE_START = 40  # a table's two heading rows and its first two people


class ConsolidatedPdf(OfficialPdf):
    """The report's pages, with the per-person table drawn row by row (far faster than fpdf2's
    tables for hundreds of people) under a two-level heading repeated on every page."""

    def __init__(self, fonts: FontSet | None = None, landscape: bool = False) -> None:
        super().__init__(fonts, landscape)
        self._measured: dict[tuple[str, float, str, float], int] = {}

    def person_table(self, year: int, rows: list[list[str]]) -> None:
        line = TABLE_PT * 0.55
        aligns = ("C", "L", "L", *["C"] * 9, "L")
        with self.style("", TABLE_PT):
            self._person_heading(year)
            for row in rows:
                texts = [composed(text) for text in row]
                counts = [self.lines_of(text, width) for text, width in zip(texts, PERSON_WIDTHS)]
                if self.get_y() + max(counts) * line > self.page_break_trigger:
                    self.add_page()
                    self._person_heading(year)
                self._person_row(texts, counts, aligns, line)

    def lines_of(self, text: str, width: float) -> int:
        """How many lines the text takes in a cell this wide in the current font: line-broken only
        when it may not fit on one, and once for each text, font and width (counts and
        percentages repeat)."""
        key = (self.font_style, self.font_size_pt, text, width)
        lines = self._measured.get(key)
        if lines is None:
            wide = "\n" in text or self.get_string_width(text) > width - 2 * self.c_margin
            lines = self._measured[key] = self._lines(text, width) if wide else 1
        return lines

    def _person_row(self, texts: list[str], counts: list[int], aligns: tuple[str, ...], line: float) -> None:
        """A row as tall as its longest cell; a cell of one line is drawn as one cell of the row's
        height (its text centred as a line-broken one would be), the others line by line."""
        top, x, height = self.get_y(), self.l_margin, max(counts) * line
        for text, lines, width, align in zip(texts, counts, PERSON_WIDTHS, aligns):
            self.set_xy(x, top)
            if lines == 1:
                self.cell(width, height, text, border=1, align=align)
            else:
                self.rect(x, top, width, height, style="D")
                self.set_xy(x, top + (height - lines * line) / 2)
                self.multi_cell(width, line, text, align=align, new_x="RIGHT", new_y="TOP")
            x += width
        self.set_xy(self.l_margin, top + height)

    def _person_heading(self, year: int) -> None:
        """STT, name, position, form, base and last year's share over two rows; each level's
        name over its count (SL) and percentage."""
        line = TABLE_PT * 0.5
        single = ["STT", "Họ và tên", "Chức vụ", "Loại phiếu", "Cơ sở tính tỷ lệ"]
        after = [f"Thấp năm {year - 1} (%)", "Ngưỡng đã đến"]
        widths = PERSON_WIDTHS
        with self.style("B", TABLE_PT):
            tall = max(self.lines_of(text, width) for text, width in zip([*single, *after],
                                                                         [*widths[:5], *widths[-2:]]))
            height = max(tall, 3) * line
            top, x = self.get_y(), self.l_margin
            self.set_fill_color(235, 235, 235)
            spans = [(text, width, None) for text, width in zip(single, widths[:5])]
            spans += [(heading, widths[5 + 2 * i] + widths[6 + 2 * i], i) for i, heading in enumerate(LEVEL_HEADINGS)]
            spans += [(text, width, None) for text, width in zip(after, widths[-2:])]
            for text, width, level in spans:
                box = height if level is None else height - line
                self.rect(x, top, width, box, style="DF")
                own = self.lines_of(text, width)
                self.set_xy(x, top + (box - own * line) / 2)
                self.multi_cell(width, line, text, align="C", new_x="RIGHT", new_y="TOP")
                if level is not None:
                    for offset, label in ((0, "SL"), (widths[5 + 2 * level], "%")):
                        self.set_xy(x + offset, top + height - line)
                        self.cell(widths[5 + 2 * level + (offset > 0)], line, label, border=1, align="C", fill=True)
                x += width
            self.set_xy(self.l_margin, top + height)


def write_consolidated_pdf(report: ConsolidatedReport, target: Path, fonts: FontSet | None = None) -> Path:
    pdf = ConsolidatedPdf(fonts, landscape=True)
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

    pdf.heading("II. KẾT QUẢ TỪNG ĐƠN VỊ", keep=TABLE_START + 60)  # with its first unit's heading, lines and rows
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
            table.row([str(number), section.unit, rule_label(section.results.rule), vi_count(totals.people),
                       vi_count(totals.flagged), f"{totals.with_last_year}/{totals.people}",
                       totals.flag_words() if totals.flagged else "—"])
    pdf.ln(2)


def _unit(pdf: ConsolidatedPdf, number: int, section: UnitSection, year: int) -> None:
    lines = [f"- {line}" for line in unit_lines(section, year)]
    with pdf.style(size=LINES_PT):
        wrapped = sum(pdf.lines_of(composed(line), pdf.epw - 4) for line in lines)
    if pdf.will_page_break(10 + wrapped * (LINES_PT * 0.5 + 0.2) + TABLE_START):
        pdf.add_page()  # the heading, its lines and the first rows of its table together
    pdf.heading(f"{number}. {section.unit}")
    for line in lines:
        pdf.paragraph(line, indent=4, size=LINES_PT, align="L", after=0.2)
    pdf.ln(1.5)
    decimals = section.results.rule.decimals
    rows = []
    for order, (form, person) in enumerate(section.people, start=1):
        cells = [str(order), person.candidate.name, person.candidate.position, form, vi_count(person.base)]
        for level in LEVELS:
            cells += [vi_count(person.tally.count(level)), vi_percent(person.percents[level], decimals)]
        rows.append([*cells, prior_share(person, decimals, mark="\n"), flags_text(section.results.rule, person)])
    pdf.person_table(year, rows)
    totals = Totals.of([section])
    pdf.paragraph(f"Cộng: {totals.people} người được lấy phiếu; {totals.flagged} người đến ngưỡng "
                  f"({totals.flag_words()}); {totals.last_year_words(year - 1)}.", emphasis="B", size=12, after=0.5)
    for note in unit_notes(section, year):
        pdf.paragraph(note, emphasis="I", size=11, after=0.3)
    pdf.ln(3)
