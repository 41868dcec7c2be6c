"""The consolidated report as an Excel workbook.

"Báo cáo" is the report to print and sign: the header, the overview of units, one section per unit
with its people and totals, the files refused, the signatures. "Dữ liệu" has one row per person
with the unit beside it, for the level above to filter, sort and add up. Counts are numbers and
percentages are Excel percentages holding exactly the value core rounded.
"""

from __future__ import annotations

from copy import copy
from pathlib import Path
from typing import Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange, MultiCellRange
from openpyxl.worksheet.worksheet import Worksheet

from ..core.model import LEVELS
from .cells import merge, put_text
from .xlsx_rows import StreamedRows, save
from .consolidated import ConsolidatedReport, Totals, UnitSection, flags_text, introduction, unit_lines, unit_notes
from .history_text import BY_HAND
from .results_text import rule_label
from .summary_xlsx import (BOX, FONT, TABLE_PT, _fraction, _line, _lines, document_header,
                           percent_format, print_setup)

REPORT_SHEET, DATA_SHEET = "Báo cáo", "Dữ liệu"
# the report sheet's columns: the per-person table; the other tables span several of them
WIDTHS = (5, 22, 22, 8, 9, 7, 8.5, 7, 8.5, 7, 8.5, 13, 30)
LAST = len(WIDTHS)
LEVEL_NAMES = ("Tín nhiệm cao", "Tín nhiệm", "Tín nhiệm thấp")
OVERVIEW_SPANS = ((1, 1), (2, 3), (4, 7), (8, 9), (10, 11), (12, 12), (13, 13))
REFUSED_SPANS = ((1, 1), (2, 4), (5, 13))
HEADING_FILL = PatternFill("solid", fgColor="EBEBEB")
BODY_FONT, BOLD_FONT = Font(name=FONT, size=TABLE_PT), Font(name=FONT, size=TABLE_PT, bold=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
ROW_PT = TABLE_PT * 1.3 + 5  # one line of a table row, with room above and below it
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)


class MergedRanges(MultiCellRange):
    """A sheet's merged ranges without openpyxl's scan, on each merge, of every range merged so far
    for one that holds it already (quadratic: a report of 300 units merges thousands of ranges).
    The report merges each range once."""

    def add(self, coord: CellRange) -> None:
        self.ranges.add(coord)


class Looks:
    """The few looks of the workbook's table cells, each given to one cell the ordinary way and
    then copied to the others: openpyxl hashes a font, border, alignment or fill again on every
    assignment, which for the 350,000 cells of 300 units costs more than writing the file."""

    def __init__(self) -> None:
        self._made: dict[tuple[str, str | None], StyleArray] = {}
        self._ids: dict[tuple[str, str | None], int] = {}

    def give(self, cell: Cell, look: str, number_format: str | None = None) -> None:
        """`look`: "heading" (bold, shaded), "text" (left), "centred", or "data" (no alignment)."""
        made = self._made.get((look, number_format))
        if made is not None:
            cell._style = copy(made)
            return
        cell.font = BOLD_FONT if look == "heading" else BODY_FONT
        cell.border = BOX
        if look != "data":
            cell.alignment = LEFT if look == "text" else CENTRE
        if look == "heading":
            cell.fill = HEADING_FILL
        if number_format:
            cell.number_format = number_format
        self._made[(look, number_format)] = copy(cell._style)

    def style_id(self, rows: StreamedRows, look: str, number_format: str | None = None) -> int:
        """The workbook's number of the look, for rows written as XML."""
        key = (look, number_format)
        if key not in self._ids:
            if key not in self._made:
                self.give(Cell(rows.sheet), look, number_format)
            self._ids[key] = rows.style_id(copy(self._made[key]))
        return self._ids[key]


def write_consolidated_xlsx(report: ConsolidatedReport, target: Path) -> Path:
    workbook = Workbook()
    workbook.properties.title = report.title
    workbook.properties.creator = "Tín Nhiệm Desktop"
    sheet = workbook.active
    sheet.title = REPORT_SHEET
    sheet.merged_cells = MergedRanges()
    looks = Looks()
    _report_sheet(sheet, report, looks)
    data = _data_sheet(workbook.create_sheet(DATA_SHEET), report, looks)
    return save(workbook, target, [data])


def _report_sheet(sheet: Worksheet, report: ConsolidatedReport, looks: Looks) -> None:
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    row = document_header(sheet, report.header, report.date, left_last=3, right_first=6, last=LAST) + 1
    _line(sheet, row, 1, LAST, report.title, bold=True, size=14)
    _line(sheet, row + 1, 1, LAST, introduction(report), align="justify")
    row += 3

    _line(sheet, row, 1, LAST, "I. TỔNG HỢP CHUNG", bold=True, align="left")
    row += 1
    row = _spanned(sheet, looks, row, OVERVIEW_SPANS, [
        "STT", "Đơn vị", "Quy tắc áp dụng", "Số người được lấy phiếu", "Số người đến ngưỡng",
        f"Có số liệu năm {report.year - 1}", "Ngưỡng đã đến"], heading=True)
    for number, section in enumerate(report.units, start=1):
        totals = Totals.of([section])
        row = _spanned(sheet, looks, row, OVERVIEW_SPANS, [
            number, section.unit, rule_label(section.results.rule), totals.people, totals.flagged,
            f"{totals.with_last_year}/{totals.people}", totals.flag_words() if totals.flagged else "—"],
            texts=(1, 2, 6))
    totals = Totals.of(report.units)
    _line(sheet, row, 1, LAST, f"Cộng: {len(report.units)} đơn vị, {totals.people} người được lấy phiếu; "
                               f"{totals.flagged} người đến ngưỡng tín nhiệm thấp ({totals.flag_words()}); "
                               f"{totals.last_year_words(report.year - 1)}.", bold=True, align="justify")
    row += 2

    _line(sheet, row, 1, LAST, "II. KẾT QUẢ TỪNG ĐƠN VỊ", bold=True, align="left")
    row = _person_heading(sheet, looks, row + 1, report.year)
    for number, section in enumerate(report.units, start=1):
        row = _unit(sheet, looks, row, number, section, report.year) + 1

    _line(sheet, row, 1, LAST, "III. CÁC TỆP KHÔNG SỬ DỤNG", bold=True, align="left")
    row += 1
    if report.refused:
        row = _spanned(sheet, looks, row, REFUSED_SPANS, ["STT", "Tệp", "Lý do"], heading=True)
        for number, line in enumerate(report.refused, start=1):
            row = _spanned(sheet, looks, row, REFUSED_SPANS, [number, line.file, line.reason], texts=(1, 2))
    else:
        _line(sheet, row, 1, LAST, "Không có: mọi tệp được chọn đều đã chốt kết quả và nguyên vẹn.", align="left")
        row += 1
    _signatures(sheet, row + 1, report.signers)
    print_setup(sheet)


def _person_heading(sheet: Worksheet, looks: Looks, top: int, year: int) -> int:
    """The two heading rows of the per-person table, once for all units: they are the sheet's
    print titles, repeated at the top of every printed page from there on. Returns the next row."""
    groups = ["", "", "", "", "", *[name for name in LEVEL_NAMES for _ in (0, 1)], "", ""]
    headings = ["STT", "Họ và tên", "Chức vụ", "Loại phiếu", "Cơ sở tính tỷ lệ", *["Số phiếu", "Tỷ lệ"] * 3,
                f"Tín nhiệm thấp năm {year - 1}", "Ngưỡng đã đến"]
    for index, (group, heading) in enumerate(zip(groups, headings), start=1):
        if not group:
            put_text(sheet.cell(top, index), heading)
            merge(sheet, top, index, top + 1, index)
        else:
            put_text(sheet.cell(top + 1, index), heading)
            if group != groups[index - 2]:
                put_text(sheet.cell(top, index), group)
                merge(sheet, top, index, top, index + 1)
    for cells in sheet.iter_rows(min_row=top, max_row=top + 1, max_col=LAST):
        for cell in cells:
            looks.give(cell, "heading")
    sheet.row_dimensions[top].height = TABLE_PT * 1.3 + 8
    sheet.row_dimensions[top + 1].height = 2 * TABLE_PT * 1.3 + 6
    sheet.print_title_rows = f"{top}:{top + 1}"
    return top + 2


def _unit(sheet: Worksheet, looks: Looks, row: int, number: int, section: UnitSection, year: int) -> int:
    """A unit's part of the table: its heading and lines, its people, its totals and notes."""
    _line(sheet, row, 1, LAST, f"{number}. {section.unit}", bold=True, align="left")
    row += 1
    for text in unit_lines(section, year):
        _line(sheet, row, 1, LAST, f"- {text}", align="justify", size=TABLE_PT)
        row += 1
    decimals = section.results.rule.decimals
    percent = percent_format(decimals)
    for order, (form, person) in enumerate(section.people, start=1):
        values = [order, person.candidate.name, person.candidate.position, form, person.base]
        formats = ["0", None, None, "@", "#,##0"]
        for level in LEVELS:
            values += [person.tally.count(level), _fraction(person.percents[level])]
            formats += ["#,##0", percent]
        hand = person.prior is not None and person.prior.by_hand
        values += [_fraction(person.prior_percent), flags_text(section.results.rule, person)]
        formats += [f'{percent} "({BY_HAND})"' if hand else percent, None]
        _table_row(sheet, looks, row, values, formats)
        row += 1
    totals = Totals.of([section])
    _line(sheet, row, 1, LAST, f"Cộng: {totals.people} người được lấy phiếu; {totals.flagged} người đến ngưỡng "
                               f"({totals.flag_words()}); {totals.last_year_words(year - 1)}.",
          bold=True, align="justify", size=TABLE_PT)
    row += 1
    for note in unit_notes(section, year):
        _line(sheet, row, 1, LAST, note, italic=True, align="justify", size=TABLE_PT)
        row += 1
    return row


def _table_row(sheet: Worksheet, looks: Looks, row: int, values: Sequence[object],
               formats: Sequence[str | None]) -> None:
    lines = max((_lines(str(v), WIDTHS[i]) for i, (v, f) in enumerate(zip(values, formats)) if f is None and v),
                default=1)
    sheet.row_dimensions[row].height = lines * TABLE_PT * 1.3 + 5  # room between the text and the rules
    for index, (value, number_format) in enumerate(zip(values, formats), start=1):
        # "@": text, centred like the numbers
        looks.give(put_text(sheet.cell(row, index), value), "text" if number_format is None else "centred",
                   number_format)


def _spanned(sheet: Worksheet, looks: Looks, row: int, spans: Sequence[tuple[int, int]], values: Sequence[object],
             heading: bool = False, texts: Sequence[int] = ()) -> int:
    """One table row whose cells each span columns first..last, those at `texts` (indexes) set
    left as text, the others centred; returns the next row."""
    lines = 1
    for position, ((first, last), value) in enumerate(zip(spans, values)):
        if first != last:
            merge(sheet, row, first, row, last)
        put_text(sheet.cell(row, first), value)
        for column in range(first, last + 1):
            look = "heading" if heading else "text" if position in texts else "centred"
            looks.give(sheet.cell(row, column), look)
        width = sum(WIDTHS[first - 1:last])
        lines = max(lines, _lines(str(value), width))
    sheet.row_dimensions[row].height = lines * TABLE_PT * 1.3 + (8 if heading else 5)
    return row + 1


def _signatures(sheet: Worksheet, row: int, signers: Sequence[tuple[str, str]]) -> None:
    blocks = ((1, 4), (9, LAST))
    for (first, last), (title, name) in zip(blocks, signers):
        _line(sheet, row, first, last, title.upper(), bold=True)
        _line(sheet, row + 1, first, last, "(Ký, ghi rõ họ tên)", italic=True)
        _line(sheet, row + 5, first, last, name or "", bold=True)


def _data_sheet(sheet: Worksheet, report: ConsolidatedReport, looks: Looks) -> StreamedRows:
    """One row per person, every unit: for filtering, sorting and adding up."""
    year = report.year - 1
    columns = [("Đơn vị", 24, None), ("Cơ quan cấp trên", 22, None), ("Quy tắc áp dụng", 24, None),
               ("Tệp", 20, None), ("Loại phiếu", 8, None), ("STT", 5, "0"), ("Họ và tên", 22, None),
               ("Chức vụ", 22, None), ("Năm sinh", 7, "0"), ("Mã người", 14, None), ("Cơ sở tính tỷ lệ", 9, "#,##0")]
    for name in LEVEL_NAMES:
        columns += [(f"{name}: số phiếu", 9, "#,##0"), (f"{name}: tỷ lệ", 9, "%")]
    columns += [(f"Tín nhiệm thấp năm {year}: tỷ lệ", 10, "%"), (f"Năm {year}: nguồn", 20, None),
                ("Ngưỡng đã đến", 30, None)]
    for index, (heading, width, _) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
        looks.give(put_text(sheet.cell(1, index), heading), "heading")
    sheet.row_dimensions[1].height = 3 * TABLE_PT * 1.3
    rows = StreamedRows(sheet, 2)
    for section in report.units:
        setup, percent = section.results.setup, percent_format(section.results.rule.decimals)
        styles = [looks.style_id(rows, "data", percent if number_format == "%" else number_format)
                  for _, _, number_format in columns]
        for form, person in section.people:
            candidate, prior = person.candidate, person.prior
            source = "" if prior is None else (f"{BY_HAND}: {prior.source}" if prior.by_hand else prior.source)
            values = [section.unit, setup.header.parent, rule_label(section.results.rule), section.file, form,
                      candidate.order, candidate.name, candidate.position, candidate.birth_year,
                      candidate.person_key or "", person.base]
            for level in LEVELS:
                values += [person.tally.count(level), _fraction(person.percents[level])]
            values += [_fraction(person.prior_percent), source, flags_text(section.results.rule, person)]
            rows.append(list(zip(values, styles)), height=ROW_PT)
    sheet.freeze_panes = "H2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(rows.next_row - 1, 1)}"
    print_setup(sheet)
    sheet.print_title_rows = "1:1"
    return rows
