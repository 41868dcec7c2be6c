"""The summary report (báo cáo kết quả tổng hợp) as an Excel workbook.

A combined sheet first, then one sheet per form. Counts are number cells and percentages are
Excel percentages holding exactly the value core rounded, so the level above can add them up.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from ..core.issues import Issue
from ..core.model import LEVELS, BallotForm, Header, HeaderStyle, RoundSetup
from ..core.percent import vi_count
from ..core.results import CandidateResult, FormResult, RoundResults, Rule
from .cells import merge, put_text
from .dates import vi_datetime
from .paper import MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, base_words, place_and_date
from .results_text import rule_label, rule_sentence
from .wording import flag_words, sentence

FONT = "Times New Roman"
TABLE_PT = 11
COMBINED_SHEET = "Tổng hợp"
TITLE = "BÁO CÁO KẾT QUẢ LẤY PHIẾU TÍN NHIỆM"
LEVEL_NAMES = ("Tín nhiệm cao", "Tín nhiệm", "Tín nhiệm thấp")
NOT_COUNTED_NOTE = ("Ghi chú: \"Không tính\" là số phiếu hợp lệ không đánh dấu, đánh dấu nhiều ô hoặc chưa "
                    "nhập đối với người đó.")
SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_MAX = 31
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
MM = 1 / 25.4


class Column(NamedTuple):
    group: str  # the level name merged over its two columns; "" for a column of its own
    heading: str
    width: float
    kind: str  # "text" (wrapped), "number" or "percent"


class PriorCell(NamedTuple):
    """Last year's low-confidence share in its cell: a percentage, marked when typed in by hand."""

    fraction: float | None
    by_hand: bool


BY_HAND = "nhập tay"


def _columns(combined: bool, last_year: int | None = None, by_hand: bool = False) -> list[Column]:
    """The table's columns; with `last_year`, last year's low-confidence share after this year's."""
    columns = [Column("", "STT", 5, "number")]
    if combined:
        columns.append(Column("", "Loại phiếu", 13, "text"))
    columns += [Column("", "Họ và tên", 21, "text"), Column("", "Chức vụ", 20, "text")]
    columns += [Column("", heading, 8, "number")
                for heading in ("Phiếu phát ra", "Phiếu thu về", "Phiếu hợp lệ", "Phiếu không hợp lệ")]
    for level in LEVEL_NAMES:
        columns += [Column(level, "Số phiếu", 7, "number"), Column(level, "Tỷ lệ", 8.5, "percent")]
    if last_year is not None:
        columns.append(Column("", f"Tín nhiệm thấp năm {last_year}", 16 if by_hand else 9, "percent"))
    return columns + [Column("", "Không tính", 7, "number"), Column("", "Ghi chú", 18, "text")]


def percent_format(decimals: int) -> str:
    return "0%" if decimals == 0 else f"0.{'0' * decimals}%"


def sheet_title(form: BallotForm, taken: set[str]) -> str:
    """'1 - Lãnh đạo Sở': at most 31 characters, none Excel refuses, unique (ignoring case)."""
    name = " ".join(SHEET_FORBIDDEN.sub(" ", f"{form.code} - {form.title}").split())[:SHEET_MAX].strip(" '")
    title, number = name, 2
    while title.casefold() in taken:
        suffix = f" ({number})"
        title = name[:SHEET_MAX - len(suffix)].rstrip() + suffix
        number += 1
    taken.add(title.casefold())
    return title


def write_summary(results: RoundResults, target: Path, *, sealed_at: str | None, fingerprint: str | None) -> Path:
    workbook = Workbook()
    workbook.properties.title = "Báo cáo kết quả lấy phiếu tín nhiệm"
    workbook.properties.creator = "Tín Nhiệm Desktop"
    setup, rule = results.setup, results.rule
    seal = f"Đã chốt lúc {vi_datetime(sealed_at)}; dấu vân tay {fingerprint}" if sealed_at else "Chưa chốt kết quả"

    combined = workbook.active
    combined.title = COMBINED_SHEET
    people = [(form, person) for form in results.forms for person in form.candidates]
    priors = [person.prior for _, person in people if person.prior is not None]
    last_year = setup.year - 1 if priors else None
    by_hand = any(prior.by_hand for prior in priors)
    rows: list = []  # each form's name once, on a row of its own, then its people
    for form in results.forms:
        rows.append(f"Loại phiếu {form.form.code}: {form.form.title}")
        for person in form.candidates:
            rows.append([sum(1 for r in rows if not isinstance(r, str)) + 1,
                         *_person_values(rule, form, person, last_year)])
    _sheet(combined, setup, _columns(False, last_year, by_hand), rows, rule.decimals,
           subtitle=setup.title, lines=(rule_sentence(rule), seal), issues=results.issues)

    taken = {COMBINED_SHEET.casefold()}
    for form in results.forms:
        counts = form.form.counts
        sheet = workbook.create_sheet(sheet_title(form.form, taken))
        rows = [[person.candidate.order, *_person_values(rule, form, person, last_year)] for person in form.candidates]
        lines = (
            f"Số người được triệu tập: {vi_count(counts.summoned)}; số người có mặt: {vi_count(counts.present)}.",
            f"Quy tắc: {rule_label(rule)}. {base_words(form, rule.decimals)}",
            seal,
        )
        _sheet(sheet, setup, _columns(False, last_year, by_hand), rows, rule.decimals, lines=lines, issues=form.issues,
               subtitle=f"{setup.title} — Loại phiếu {form.form.code}: {form.form.title}")

    target = Path(target)
    partial = target.with_name(target.name + ".partial")
    workbook.save(partial)
    partial.replace(target)
    return target


def _person_values(rule: Rule, form: FormResult, person: CandidateResult, last_year: int | None = None) -> list[object]:
    counts, tally = form.form.counts, form.tally
    values: list[object] = [person.candidate.name, person.candidate.position,
                            counts.issued, counts.collected, tally.valid, tally.invalid]
    for level in LEVELS:
        values += [person.tally.count(level), _fraction(person.percents[level])]
    notes = [flag_words(rule, flag) for flag in person.flags]
    if last_year is not None:
        prior = person.prior
        values.append(PriorCell(_fraction(person.prior_percent), prior is not None and prior.by_hand))
        if prior is not None and prior.by_hand:
            notes.append(f"Số liệu năm {last_year} {BY_HAND}: {prior.source}")
    return values + [person.tally.not_counted, "; ".join(notes)]


def _fraction(value: Decimal | None) -> float | None:
    """The percentage as the fraction Excel shows with a % format: 85.11 -> 0.8511."""
    return None if value is None else float(value.scaleb(-2))


def _sheet(sheet: Worksheet, setup: RoundSetup, columns: Sequence[Column], rows: list[list[object]],
           decimals: int, *, subtitle: str, lines: Sequence[str], issues: Sequence[Issue], title: str = TITLE,
           iso_date: str | None = None) -> None:
    """A sheet with the document header dated `iso_date` (by default the meeting's), the title,
    the lines, the table and the notes."""
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    last = len(columns)
    name_column = 1 + [c.heading for c in columns].index("Họ và tên")
    row = document_header(sheet, setup.header, iso_date or setup.meeting.date, left_last=name_column + 1,
                          right_first=1 + [c.group for c in columns].index(LEVEL_NAMES[0]), last=last)
    _line(sheet, row + 1, 1, last, title, bold=True, size=14)
    _line(sheet, row + 2, 1, last, subtitle, bold=True, size=13)
    row += 3
    for text in lines:
        _line(sheet, row, 1, last, text, align="justify")
        row += 1
    top = row + 1
    _table(sheet, top, columns, rows, percent_format(decimals))
    row = top + 2 + len(rows) + 1
    for text in (NOT_COUNTED_NOTE, *(f"- Loại phiếu {i.form}: {sentence(i.code, i.params)}" for i in issues)):
        _line(sheet, row, 1, last, text, italic=True, size=TABLE_PT, align="left")
        row += 1

    sheet.freeze_panes = sheet.cell(top + 2, name_column + 1).coordinate
    sheet.print_title_rows = f"{top}:{top + 1}"
    print_setup(sheet)
    fit_short_overflow(sheet)


def print_setup(sheet: Worksheet) -> None:
    """A4 landscape, one page wide, the document margins, page numbers from page 2."""
    page = sheet.page_setup
    page.paperSize = sheet.PAPERSIZE_A4
    page.orientation = sheet.ORIENTATION_LANDSCAPE
    page.fitToWidth, page.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins = PageMargins(left=MARGIN_LEFT * MM, right=MARGIN_RIGHT * MM, top=MARGIN_TOP * MM,
                                     bottom=MARGIN_BOTTOM * MM, header=8 * MM, footer=8 * MM)
    sheet.print_options.horizontalCentered = True
    sheet.HeaderFooter.differentFirst = True  # page numbers from page 2, as on paper documents
    sheet.oddHeader.center.text = "&P"
    sheet.oddHeader.center.font = f"{FONT},Regular"
    sheet.oddHeader.center.size = 12


PRINTED_WIDTH_PT = (297 - MARGIN_LEFT - MARGIN_RIGHT) / 25.4 * 72  # A4 landscape between the margins
PRINTED_HEIGHT_PT = (210 - MARGIN_TOP - MARGIN_BOTTOM) / 25.4 * 72
DEFAULT_ROW_PT = 15


def _page_rows(sheet: Worksheet) -> tuple[float, list[float]]:
    """The height of a printed page in the sheet's points (fitted to the page's width, as
    `print_setup` prints) and each row's height, row 1 first."""
    columns = max((c.max for c in sheet.column_dimensions.values() if c.max), default=1)
    width_pt = sum(((sheet.column_dimensions[get_column_letter(i)].width or 8.43) * 7 + 5) * 0.75
                   for i in range(1, max(columns, sheet.max_column) + 1))
    scale = min(1.0, PRINTED_WIDTH_PT / width_pt)
    heights = [sheet.row_dimensions[r].height or DEFAULT_ROW_PT for r in range(1, sheet.max_row + 1)]
    return PRINTED_HEIGHT_PT / scale, heights


def fit_short_overflow(sheet: Worksheet) -> None:
    """A sheet that runs less than a fifth of a page past its first page is printed on one page,
    a little smaller, rather than leaving a row or two alone on page 2."""
    page, heights = _page_rows(sheet)
    if page < sum(heights) <= page * 1.2:
        sheet.page_setup.fitToHeight = 1


def document_header(sheet: Worksheet, header: Header, iso_date: str, *, left_last: int, right_first: int,
                    last: int) -> int:
    """Issuing body on the left, motto on the right, then place and date; returns the next row."""
    party = header.style is HeaderStyle.PARTY
    left = [(header.parent.upper(), False, False)] if header.parent else []
    left.append((header.unit.upper(), True, not party))
    if party:
        left.append(("*", False, False))
        right = [("ĐẢNG CỘNG SẢN VIỆT NAM", 14, True)]
    else:
        right = [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, False), ("Độc lập - Tự do - Hạnh phúc", 13, True)]
    for row, (text, bold, underline) in enumerate(left, start=1):
        _line(sheet, row, 1, left_last, text, bold=bold, underline=underline)
    for row, (text, size, underline) in enumerate(right, start=1):
        _line(sheet, row, right_first, last, text, bold=True, size=size, underline=underline)
    row = max(len(left), len(right)) + 1
    _line(sheet, row, right_first, last, place_and_date(header, iso_date), italic=True, size=13)
    return row + 1


def _line(sheet: Worksheet, row: int, first: int, last: int, text: str, *, bold: bool = False,
          italic: bool = False, underline: bool = False, size: float = 12, align: str = "center") -> None:
    """Text merged over columns first..last, the row made tall enough for it to wrap."""
    merge(sheet, row, first, row, last)
    cell = put_text(sheet.cell(row, first), text)
    cell.font = Font(name=FONT, size=size, bold=bold, italic=italic, underline="single" if underline else None)
    cell.alignment = Alignment(horizontal=align, vertical="center", wrap_text=True)
    # Excel does not fit a merged cell's height: estimate it (capitals are wider; 1 unit ~ a digit at 11 pt)
    room = sum(sheet.column_dimensions[get_column_letter(c)].width for c in range(first, last + 1))
    needed = sum(1.5 if ch.isupper() else 1.0 for ch in text) * size / 11 * (1.15 if bold else 1.05)
    height = math.ceil(needed / room) * size * 1.5
    sheet.row_dimensions[row].height = max(sheet.row_dimensions[row].height or 0, height)


def _lines(text: str, width: float) -> int:
    """How many lines a wrapped cell needs: about one character per width unit, by words."""
    lines, used = 1, 0
    for word in text.split():
        if used and used + 1 + len(word) > width - 1:
            lines, used = lines + 1, len(word)
        else:
            used += len(word) + (1 if used else 0)
    return lines


def _table(sheet: Worksheet, top: int, columns: Sequence[Column], rows: list[list[object]], percent: str) -> None:
    heading_font = Font(name=FONT, size=TABLE_PT, bold=True)
    centred = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for index, column in enumerate(columns, start=1):
        if not column.group:
            put_text(sheet.cell(top, index), column.heading)
            merge(sheet, top, index, top + 1, index)
        else:
            put_text(sheet.cell(top + 1, index), column.heading)
            if column.group != columns[index - 2].group:
                put_text(sheet.cell(top, index), column.group)
                merge(sheet, top, index, top, index + 1)
    for row in sheet.iter_rows(min_row=top, max_row=top + 1, max_col=len(columns)):
        for cell in row:
            cell.font, cell.border, cell.alignment = heading_font, BOX, centred
    sheet.row_dimensions[top + 1].height = 2 * TABLE_PT * 1.4  # "Phiếu không hợp lệ" on two lines

    body_font = Font(name=FONT, size=TABLE_PT)
    wrapped = Alignment(horizontal="left", vertical="center", wrap_text=True)
    number = Alignment(horizontal="center", vertical="center")
    for offset, values in enumerate(rows, start=top + 2):
        if isinstance(values, str):  # a form's name over its people, across the table
            merge(sheet, offset, 1, offset, len(columns))
            put_text(sheet.cell(offset, 1), values)
            for index in range(1, len(columns) + 1):
                cell = sheet.cell(offset, index)
                cell.font, cell.border, cell.alignment = heading_font, BOX, wrapped
            width = sum(column.width for column in columns)
            sheet.row_dimensions[offset].height = _lines(values, width) * TABLE_PT * 1.3 + 5
            continue
        # Excel and LibreOffice do not grow a row for wrapped text written by a program: estimate,
        # with room between the text and the rules
        lines = max((_lines(str(value), column.width) for column, value in zip(columns, values)
                     if column.kind == "text" and value), default=1)
        sheet.row_dimensions[offset].height = max(lines, 1) * TABLE_PT * 1.3 + 5
        for index, (column, value) in enumerate(zip(columns, values), start=1):
            marked = isinstance(value, PriorCell) and value.by_hand
            cell = put_text(sheet.cell(offset, index), value.fraction if isinstance(value, PriorCell) else value)
            cell.font, cell.border = body_font, BOX
            if column.kind == "text":
                cell.alignment = wrapped
            else:
                cell.alignment = number
                cell.number_format = percent if column.kind == "percent" else "#,##0"
                if marked:
                    cell.number_format = f'{percent} "({BY_HAND})"'
