"""The consolidated report as a PDF: A4 landscape (the per-person table is wide), the official header
of the body that consolidates, one section per unit, the files refused, the signatures.

A report of hundreds of units has thousands of table rows and paragraphs, so this document breaks
its text into lines itself (each word measured once) and draws every line with one text call and
every table as ruled boxes: fpdf2's own line breaking re-measures a line for each character it adds,
and its table and cell machinery costs far more per cell than drawing the cell does."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from ..core.model import LEVELS
from ..core.percent import vi_count, vi_percent
from .consolidated import ConsolidatedReport, Totals, UnitSection, flags_text, introduction, unit_lines, unit_notes
from .fonts import FontSet
from .history_text import prior_share
from .minutes import LEVEL_HEADINGS
from .paper import issuer_symbol
from .pdf import BODY_PT, FIRST_LINE_INDENT, OfficialPdf, Signature, composed, save
from .results_text import rule_label

# 252 mm: the text width of landscape A4 with 30/15 margins
PERSON_WIDTHS = (10, 36, 36, 13, 14, 10, 16, 10, 16, 10, 16, 20, 45)
PERSON_ALIGNS = ("C", "L", "L", *["C"] * 9, "L")
OVERVIEW_WIDTHS = (10, 62, 62, 18, 22, 22, 56)
OVERVIEW_ALIGNS = ("C", "L", "L", "C", "C", "C", "L")
REFUSED_WIDTHS = (10, 80, 162)
REFUSED_ALIGNS = ("C", "L", "L")
TABLE_PT = 9.5
SIGNATURES_HEIGHT = 56
LINES_PT = 11.5
TABLE_START = 40  # a table's two heading rows and its first two people
SHADE = (235, 235, 235)


class ConsolidatedPdf(OfficialPdf):
    """The report's pages: paragraphs and tables laid out by the report itself (see the module)."""

    def __init__(self, fonts: FontSet | None = None, landscape: bool = False) -> None:
        super().__init__(fonts, landscape)
        self._widths: dict[tuple[str, float, str], float] = {}
        self._wrapped: dict[tuple[str, float, str, float], tuple[str, ...]] = {}

    # -- measuring -------------------------------------------------------------------------

    def width_of(self, text: str) -> float:
        """The text's width in the current font, measured once per font and size."""
        key = (self.font_style, self.font_size_pt, text)
        width = self._widths.get(key)
        if width is None:
            width = self._widths[key] = self.get_string_width(text)
        return width

    def wrap(self, text: str, width: float) -> tuple[str, ...]:
        """The lines of `text` in a cell `width` wide (its padding `c_margin` each side) in the
        current font: broken at spaces, and at each newline; a word wider than the cell is broken
        where it must be, as fpdf2 would."""
        key = (self.font_style, self.font_size_pt, text, width)
        lines = self._wrapped.get(key)
        if lines is not None:
            return lines
        room = width - 2 * self.c_margin
        if "\n" not in text and self.width_of(text) <= room:
            lines = (text,)
        else:
            space, found = self.width_of(" "), []
            for part in text.split("\n"):
                line: list[str] = []
                used = 0.0
                for word in part.split():
                    size = self.width_of(word)
                    if line and used + space + size > room:
                        found.append(" ".join(line))
                        line, used = [], 0.0
                    if not line and size > room:  # one word wider than the cell
                        pieces = self.multi_cell(width, 1, word, dry_run=True, output="LINES")
                        found.extend(pieces[:-1])
                        word, size = pieces[-1], self.width_of(pieces[-1])
                    line.append(word)
                    used += size + (space if len(line) > 1 else 0)
                found.append(" ".join(line))
            lines = tuple(found) or ("",)
        self._wrapped[key] = lines
        return lines

    # -- drawing ---------------------------------------------------------------------------

    def put_line(self, text: str, x: float, top: float, width: float, height: float, align: str,
                 justify: bool = False) -> None:
        """One line of text in the box (x, top, width, height), as fpdf2's cell() places it: padded
        by `c_margin`, the baseline 0.3 of the font size under the box's middle; `justify` spreads
        the words over the box."""
        if not text:
            return
        baseline = top + 0.5 * height + 0.3 * self.font_size
        room = width - 2 * self.c_margin
        words = text.split(" ") if justify else ()
        if len(words) > 1:
            spare = room - sum(self.width_of(word) for word in words)
            gap = spare / (len(words) - 1)
            at = x + self.c_margin
            for word in words:
                self.text(at, baseline, word)
                at += self.width_of(word) + gap
            return
        if align == "L":
            at = x + self.c_margin
        elif align == "R":
            at = x + width - self.c_margin - self.width_of(text)
        else:
            at = x + (width - self.width_of(text)) / 2
        self.text(at, baseline, text)

    def paragraph(self, value: str, *, emphasis: str = "", size: float | None = None, indent: float = 0,
                  align: str = "J", after: float = 1.5) -> None:
        """A paragraph the whole text width (less `indent`), laid out as multi_cell would: lines
        `size` (the body's unless told) × 0.5 mm apart, a new page when the next line does not fit.
        A justified body paragraph (not a list line) has its first line indented, as in the minutes."""
        size = size or self.body_pt
        text = composed(value)
        with self.style(emphasis, size):
            x, width, line = self.l_margin + indent, self.epw - indent, size * 0.5
            first = FIRST_LINE_INDENT if align == "J" and indent == 0 and "\n" not in text \
                and not text.startswith(("-", "(")) else 0
            lines = self.wrap(text, width - first)
            words = text.split()
            taken = len(lines[0].split()) if lines else 0
            if first and len(lines) > 1 and lines[0] == " ".join(words[:taken]):
                lines = (lines[0], *self.wrap(" ".join(words[taken:]), width))  # the others the whole width
            for index, text in enumerate(lines):
                if self.get_y() + line > self.page_break_trigger:
                    self.add_page()
                last = index == len(lines) - 1
                justify = align == "J" and not last
                at, room = (x + first, width - first) if index == 0 else (x, width)
                self.put_line(text, at, self.get_y(), room, line, "L" if align == "J" else align, justify=justify)
                self.set_y(self.get_y() + line)
        self.set_x(self.l_margin)
        self.ln(after)

    def box_row(self, x: float, top: float, cells: Sequence[tuple[str, ...]], widths: Sequence[float],
                aligns: Sequence[str], line: float, *, pad: float = 0.0, fill: bool = False,
                height: float | None = None) -> float:
        """A table row of ruled boxes from (x, top), each cell's lines centred in it; returns its
        height (the tallest cell's, or `height`)."""
        height = height or max(map(len, cells)) * line + 2 * pad
        if fill:
            self.set_fill_color(*SHADE)
        for texts, width, align in zip(cells, widths, aligns):
            self.rect(x, top, width, height, style="DF" if fill else "D")
            y = top + (height - len(texts) * line) / 2
            for text in texts:
                self.put_line(text, x, y, width, line, align)
                y += line
            x += width
        return height

    def ruled_table(self, widths: Sequence[float], heading: Sequence[str], rows: Sequence[Sequence[str]],
                    aligns: Sequence[str], size: float = TABLE_PT) -> None:
        """A bordered table, its heading row (bold, shaded) repeated on every page it reaches."""
        line, pad = size * 0.45, 0.8
        with self.style("B", size):
            head = [self.wrap(composed(text), width) for text, width in zip(heading, widths)]

        def heading_row() -> None:
            with self.style("B", size):
                self.set_y(self.get_y() + self.box_row(self.l_margin, self.get_y(), head, widths, ["C"] * len(widths),
                                                       line, pad=pad, fill=True))

        with self.style("", size):
            heading_row()
            for row in rows:
                cells = [self.wrap(composed(text), width) for text, width in zip(row, widths)]
                if self.get_y() + max(map(len, cells)) * line + 2 * pad > self.page_break_trigger:
                    self.add_page()
                    heading_row()
                self.set_y(self.get_y() + self.box_row(self.l_margin, self.get_y(), cells, widths, aligns, line,
                                                       pad=pad))
        self.set_x(self.l_margin)

    def person_table(self, year: int, rows: list[list[str]]) -> None:
        """The unit's people under the two-row heading, repeated on each page the table reaches;
        each row ruled below, the columns ruled once for each page's part of the table."""
        line = TABLE_PT * 0.55
        edges = [self.l_margin]
        for width in PERSON_WIDTHS:
            edges.append(edges[-1] + width)

        def columns(top: float) -> None:
            for x in edges:
                self.line(x, top, x, self.get_y())

        with self.style("", TABLE_PT):
            self._person_heading(year)
            top = self.get_y()
            for row in rows:
                cells = [self.wrap(composed(text), width) for text, width in zip(row, PERSON_WIDTHS)]
                height = max(map(len, cells)) * line
                if self.get_y() + height > self.page_break_trigger:
                    columns(top)
                    self.add_page()
                    self._person_heading(year)
                    top = self.get_y()
                y = self.get_y()
                for texts, x, width, align in zip(cells, edges, PERSON_WIDTHS, PERSON_ALIGNS):
                    at = y + (height - len(texts) * line) / 2
                    for text in texts:
                        self.put_line(text, x, at, width, line, align)
                        at += line
                self.line(edges[0], y + height, edges[-1], y + height)
                self.set_y(y + height)
            columns(top)
        self.set_x(self.l_margin)

    def _person_heading(self, year: int) -> None:
        """STT, name, position, form, base and last year's share over two rows; each level's
        name over its count (SL) and percentage."""
        line = TABLE_PT * 0.5
        single = ["STT", "Họ và tên", "Chức vụ", "Loại phiếu", "Cơ sở tính tỷ lệ"]
        after = [f"Thấp năm {year - 1} (%)", "Ngưỡng đã đến"]
        widths = PERSON_WIDTHS
        with self.style("B", TABLE_PT):
            spans = [(text, width, None) for text, width in zip(single, widths[:5])]
            spans += [(heading, widths[5 + 2 * i] + widths[6 + 2 * i], i) for i, heading in enumerate(LEVEL_HEADINGS)]
            spans += [(text, width, None) for text, width in zip(after, widths[-2:])]
            wrapped = [self.wrap(text, width) for text, width, _ in spans]
            height = max(max(len(lines) for lines, (_, _, level) in zip(wrapped, spans) if level is None), 3) * line
            top, x = self.get_y(), self.l_margin
            for lines, (_, width, level) in zip(wrapped, spans):
                if level is None:
                    self.box_row(x, top, [lines], [width], ["C"], line, fill=True, height=height)
                else:
                    self.box_row(x, top, [lines], [width], ["C"], line, fill=True, height=height - line)
                    own = widths[5 + 2 * level], widths[6 + 2 * level]
                    self.box_row(x, top + height - line, [("SL",), ("%",)], own, ["C", "C"], line, fill=True)
                x += width
            self.set_xy(self.l_margin, top + height)


def write_consolidated_pdf(report: ConsolidatedReport, target: Path, fonts: FontSet | None = None) -> Path:
    pdf = ConsolidatedPdf(fonts, landscape=True)
    pdf.set_title(report.title)
    pdf.add_page()
    pdf.official_header(report.header, report.date, left_width=100, symbol=("BC", issuer_symbol(report.header)),
                        number=report.number)
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
        pdf.ruled_table(REFUSED_WIDTHS, ["STT", "Tệp", "Lý do"],
                  [[str(number), line.file, line.reason] for number, line in enumerate(report.refused, start=1)],
                  REFUSED_ALIGNS)
        pdf.ln(2)
    else:
        pdf.paragraph("Không có: mọi tệp được chọn đều đã chốt kết quả và nguyên vẹn.")

    pdf.signatures("", [Signature(title, name) for title, name in report.signers], per_row=len(report.signers))
    return save(pdf, target)


def _overview(pdf: ConsolidatedPdf, report: ConsolidatedReport) -> None:
    rows = []
    for number, section in enumerate(report.units, start=1):
        totals = Totals.of([section])
        rows.append([str(number), section.unit, rule_label(section.results.rule), vi_count(totals.people),
                     vi_count(totals.flagged), f"{totals.with_last_year}/{totals.people}",
                     totals.flag_words() if totals.flagged else "—"])
    pdf.ruled_table(OVERVIEW_WIDTHS, ["STT", "Đơn vị", "Quy tắc áp dụng", "Số người được lấy phiếu", "Số người đến ngưỡng",
                                f"Có số liệu năm {report.year - 1}", "Ngưỡng đã đến"], rows, OVERVIEW_ALIGNS)
    pdf.ln(2)


def _unit(pdf: ConsolidatedPdf, number: int, section: UnitSection, year: int) -> None:
    lines = [f"- {line}" for line in unit_lines(section, year)]
    with pdf.style(size=LINES_PT):
        wrapped = sum(len(pdf.wrap(composed(line), pdf.epw - 4)) for line in lines)
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
