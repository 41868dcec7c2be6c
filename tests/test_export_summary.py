"""The summary report workbook, read back with openpyxl: figures as core computed them, layout, print setup."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.cell.cell import MergedCell
from openpyxl.utils import get_column_letter

from tinnhiem_desktop.core.model import LEVELS, Ballot, BallotStatus, Mark
from tinnhiem_desktop.core.results import round_results
from tinnhiem_desktop.core.spec import setup_from_dict
from tinnhiem_desktop.export.pdf import place_and_date
from tinnhiem_desktop.export.summary_xlsx import TABLE_PT, write_summary
from tinnhiem_desktop.export.wording import FLAG_NAMES

from conftest import spec_dict

C, T, L, N, X = Mark.CAO, Mark.TIN_NHIEM, Mark.THAP, Mark.NO_MARK, Mark.MULTI
FINGERPRINT = "a46bf905a71903bc57d09ef5a88f127ddc358f3268226153d7917b609ef1ef55"
SEALED_AT = "2026-11-27T10:42:00+07:00"
FORMATS = {0: "0%", 1: "0.0%", 2: "0.00%", 3: "0.000%"}
HEADINGS = ["STT", "Họ và tên", "Chức vụ", "Phiếu phát ra", "Phiếu thu về", "Phiếu hợp lệ", "Phiếu không hợp lệ",
            "Tín nhiệm cao", None, "Tín nhiệm", None, "Tín nhiệm thấp", None, "Không tính", "Ghi chú"]
SUBHEADINGS = [None] * 7 + ["Số phiếu", "Tỷ lệ"] * 3 + [None, None]


def ballots():
    """Form 1: 30 collected, 29 valid; candidate 1 has 20 thấp (2/3). Form 2: 7 ballots of 10, odd shares."""
    first = [
        Ballot("1", n, BallotStatus.VALID, {1: L if n <= 20 else C, 2: L if n <= 19 else T, 3: (C, T, X, N)[n % 4]})
        for n in range(1, 30)
    ] + [Ballot("1", 30, BallotStatus.INVALID, {}, "Phiếu không có dấu")]
    second = [Ballot("2", n, BallotStatus.VALID, {1: (C, C, T)[n % 3], 2: (L, T, C, N, X, C, T)[n - 1]})
              for n in range(1, 7)] + [Ballot("2", 7, BallotStatus.INVALID, {}, "Gạch tên")]
    return {"1": first, "2": second}


def results_for(**extra):
    return round_results(setup_from_dict(spec_dict(**extra), "test"), ballots())


def written(tmp_path: Path, results, *, sealed: bool = True):
    target = write_summary(results, tmp_path / "bao-cao.xlsx", sealed_at=SEALED_AT if sealed else None,
                           fingerprint=FINGERPRINT if sealed else None)
    return load_workbook(target)


def texts(sheet) -> list[str]:
    return [cell.value for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]


def table_top(sheet) -> int:
    return next(row for row in range(1, sheet.max_row + 1) if sheet.cell(row, 1).value == "STT")


def data_rows(sheet) -> list[list]:
    top = table_top(sheet)
    return [[cell.value for cell in row] for row in sheet.iter_rows(min_row=top + 2, max_row=sheet.max_row)
            if isinstance(row[0].value, int)]


def person_figures(form, person):
    counts, tally = form.form.counts, form.tally
    return [counts.issued, counts.collected, tally.valid, tally.invalid,
            *(value for level in LEVELS for value in (person.tally.count(level), person.percents[level])),
            person.tally.not_counted]


def pairs(results):
    return [(form, person) for form in results.forms for person in form.candidates]


@pytest.fixture
def results():
    return results_for()


@pytest.fixture
def book(tmp_path, results):
    return written(tmp_path, results)


def test_combined_sheet_first_then_one_sheet_per_form(book):
    assert book.sheetnames == ["Tổng hợp", "1 - Lãnh đạo Sở", "2 - Lãnh đạo các phòng"]


def test_table_headings_in_two_rows_with_level_names_over_their_columns(book):
    sheet = book["1 - Lãnh đạo Sở"]
    top = table_top(sheet)
    assert [c.value for c in sheet[top]] == HEADINGS
    assert [c.value for c in sheet[top + 1]] == SUBHEADINGS
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {f"H{top}:I{top}", f"J{top}:K{top}", f"L{top}:M{top}", f"A{top}:A{top + 1}", f"O{top}:O{top + 1}"} <= merged
    combined = book["Tổng hợp"]
    assert [c.value for c in combined[table_top(combined)]][:3] == ["STT", "Họ và tên", "Chức vụ"]


def check_figures(row, form, person):
    expected = person_figures(form, person)
    figures = row[3:14]
    for value, wanted in zip(figures, expected):
        if isinstance(wanted, Decimal):
            assert isinstance(value, (int, float)) and not isinstance(value, bool)
            assert abs(value - float(wanted / 100)) <= 1e-12
        else:
            assert type(value) is int and value == wanted


def test_every_count_and_percentage_is_core_figure_as_a_number(book, results):
    for index, form in enumerate(results.forms, start=1):
        rows = data_rows(book.worksheets[index])
        assert [r[:3] for r in rows] == [[p.candidate.order, p.candidate.name, p.candidate.position]
                                         for p in form.candidates]
        for row, person in zip(rows, form.candidates):
            check_figures(row, form, person)
            assert (row[14] or "") == "; ".join(FLAG_NAMES[flag] for flag in person.flags)
    combined = data_rows(book["Tổng hợp"])
    assert len(combined) == len(pairs(results))
    for number, (row, (form, person)) in enumerate(zip(combined, pairs(results)), start=1):
        assert row[:3] == [number, person.candidate.name, person.candidate.position]
        check_figures(row, form, person)


def test_combined_sheet_names_each_form_once_above_its_people(book, results):
    sheet = book["Tổng hợp"]
    top = table_top(sheet)
    column_a = [sheet.cell(row, 1).value for row in range(top + 2, top + 2 + len(pairs(results)) + len(results.forms))]
    headings = [value for value in column_a if isinstance(value, str)]
    assert headings == [f"Loại phiếu {f.form.code}: {f.form.title}" for f in results.forms]
    assert column_a.index(headings[1]) == 1 + len(results.forms[0].candidates)  # after the first form's people
    people_cells = [c.value for row in sheet.iter_rows(min_row=top + 2) for c in row if isinstance(row[0].value, int)]
    assert not any(isinstance(v, str) and results.forms[0].form.title in v for v in people_cells)
    first = top + 2
    assert f"A{first}:{get_column_letter(sheet.max_column)}{first}" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet.cell(first, 1).font.b


def test_figures_of_the_example_as_a_reader_would_check_them(book):
    first = data_rows(book["1 - Lãnh đạo Sở"])[0]
    assert first[3:14] == [30, 30, 29, 1, 9, 0.3, 0, 0, 20, 0.6667, 0]
    assert first[14] == "Tín nhiệm thấp từ 2/3 trở lên"


@pytest.mark.parametrize("decimals", [0, 1, 2, 3])
def test_percentages_keep_the_rounds_decimals(tmp_path, decimals):
    results = results_for(decimals=decimals)
    book = written(tmp_path, results)
    for sheet in book.worksheets:
        top = table_top(sheet)
        offset = 0
        for row in sheet.iter_rows(min_row=top + 2, max_row=sheet.max_row):
            if not isinstance(row[0].value, int):
                continue
            for column in (9, 11, 13):
                cell = row[column + offset - 1]
                assert cell.data_type == "n" and cell.number_format == FORMATS[decimals]
            for column in (4, 5, 6, 7, 8, 10, 12, 14):
                assert row[column + offset - 1].data_type == "n"
    for index, form in enumerate(results.forms, start=1):
        for row, person in zip(data_rows(book.worksheets[index]), form.candidates):
            check_figures(row, form, person)


def test_document_header_title_place_and_date_and_seal(book, results):
    setup = results.setup
    for sheet in book.worksheets:
        found = texts(sheet)
        for text in ("ỦY BAN NHÂN DÂN TỈNH AN PHÚ", "SỞ GIAO THÔNG VẬN TẢI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "Độc lập - Tự do - Hạnh phúc", "BÁO CÁO KẾT QUẢ LẤY PHIẾU TÍN NHIỆM",
                     "An Phú, ngày 27 tháng 11 năm 2026",
                     f"Đã chốt lúc 10 giờ 42, ngày 27 tháng 11 năm 2026; dấu vân tay {FINGERPRINT}"):
            assert text in found, (sheet.title, text)
        assert "ĐẢNG CỘNG SẢN VIỆT NAM" not in found
        date_cell = next(c for row in sheet.iter_rows() for c in row if c.value == place_and_date(
            setup.header, setup.meeting.date))
        assert date_cell.font.i
        title_cell = next(c for row in sheet.iter_rows() for c in row if c.value == "BÁO CÁO KẾT QUẢ LẤY PHIẾU TÍN NHIỆM")
        assert title_cell.font.b
    assert "Hội nghị lấy phiếu tín nhiệm năm 2026" in texts(book["Tổng hợp"])
    form_sheet = texts(book["1 - Lãnh đạo Sở"])
    assert "Hội nghị lấy phiếu tín nhiệm năm 2026 — Loại phiếu 1: Lãnh đạo Sở" in form_sheet
    assert ("Quy tắc: Quy định 96-QĐ/TW (2023). Tỷ lệ % tính trên tổng số phiếu thu về: 30 phiếu; "
            "làm tròn đến 2 chữ số thập phân (từ 5 trở lên làm tròn lên).") in form_sheet
    assert ("Quy tắc: Quy định 96-QĐ/TW (2023). Tỷ lệ % tính trên tổng số phiếu thu về; "
            "làm tròn đến 2 chữ số thập phân (từ 5 trở lên làm tròn lên).") in texts(book["Tổng hợp"])
    assert "- Loại phiếu 2: Số phiếu đã nhập (7) chưa bằng số phiếu thu về (10)." in texts(book["Tổng hợp"])


def test_unsealed_round_says_so(tmp_path, results):
    book = written(tmp_path, results, sealed=False)
    for sheet in book.worksheets:
        assert "Chưa chốt kết quả" in texts(sheet)
        assert not any("dấu vân tay" in text for text in texts(sheet))


def test_party_header(tmp_path):
    header = {"style": "party", "parent": "ĐẢNG BỘ TỈNH AN PHÚ", "unit": "Đảng ủy Sở Giao thông vận tải"}
    book = written(tmp_path, results_for(header=header))
    for sheet in book.worksheets:
        found = texts(sheet)
        assert {"ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ TỈNH AN PHÚ", "ĐẢNG ỦY SỞ GIAO THÔNG VẬN TẢI", "*"} <= set(found)
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in found
        assert "Độc lập - Tự do - Hạnh phúc" not in found


def test_times_new_roman_bold_bordered_headings_and_wrapped_text(book):
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    assert cell.font.name == "Times New Roman", (sheet.title, cell.coordinate)
        top = table_top(sheet)
        forms = sum(1 for r in range(top + 2, sheet.max_row + 1) if isinstance(sheet.cell(r, 1).value, str)
                    and sheet.cell(r, 1).value.startswith("Loại phiếu ") and sheet.cell(r, 1).border.left.style)
        for row in sheet.iter_rows(min_row=top, max_row=top + 1 + len(data_rows(sheet)) + forms,
                                   max_col=sheet.max_column):
            heading = isinstance(row[0].value, str) and row[0].value.startswith("Loại phiếu ")
            for cell in row:
                if not isinstance(cell, MergedCell):
                    assert cell.font.name == "Times New Roman"
                    assert {cell.border.left.style, cell.border.right.style, cell.border.top.style,
                            cell.border.bottom.style} == {"thin"}, cell.coordinate
                    assert cell.font.b == (cell.row < top + 2 or heading)
        headings = [c.value for c in sheet[top]]
        first = sheet[top + 2 + (1 if sheet.title == "Tổng hợp" else 0)]
        for heading in ("Họ và tên", "Chức vụ", "Ghi chú"):
            assert first[headings.index(heading)].alignment.wrap_text
        heights = [sheet.row_dimensions[r].height for r in range(top + 2, top + 2 + len(data_rows(sheet)))]
        assert all(h and h >= TABLE_PT * 1.3 + 5 for h in heights)  # room for the text, clear of the rules


def test_a_row_with_long_wrapped_text_is_made_taller(tmp_path):
    data = spec_dict()
    data["forms"][0]["candidates"][0]["position"] = "Phó Trưởng phòng Quản lý chất lượng công trình giao thông"
    setup = setup_from_dict(data, "test")
    results = round_results(setup, {})
    book = load_workbook(write_summary(results, tmp_path / "s.xlsx", sealed_at=None, fingerprint=None))
    sheet = book.worksheets[1]
    top = table_top(sheet)
    long_row, short_row = sheet.row_dimensions[top + 2].height, sheet.row_dimensions[top + 3].height
    assert long_row >= 2 * short_row


def test_page_setup_print_titles_and_frozen_panes(book):
    for sheet in book.worksheets:
        top = table_top(sheet)
        assert sheet.page_setup.orientation == "landscape"
        assert int(sheet.page_setup.paperSize) == 9  # A4
        assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == f"${top}:${top + 1}"
        name_column = "B"
        assert sheet.cell(top, ord(name_column) - 64).value == "Họ và tên"
        assert sheet.freeze_panes == f"{chr(ord(name_column) + 1)}{top + 2}"


def test_base_zero_leaves_percentage_cells_empty(tmp_path):
    data = spec_dict()
    data["forms"][1].update(issued=0, collected=0)
    results = round_results(setup_from_dict(data, "test"), {"1": ballots()["1"]})
    book = written(tmp_path, results)
    rows = data_rows(book["2 - Lãnh đạo các phòng"])
    assert [row[3:14] for row in rows] == [[0, 0, 0, 0, 0, None, 0, None, 0, None, 0]] * 2
    assert all(row[8] is row[10] is row[12] is None for row in data_rows(book["Tổng hợp"])[3:])
    assert data_rows(book["1 - Lãnh đạo Sở"])[0][8] == 0.3


def test_sheet_names_are_valid_unique_and_short(tmp_path):
    long_code = "Khối các cơ quan hành chính nhà nước số "
    data = spec_dict(forms=[
        {"id": f"{long_code}{n}", "title": "Lãnh đạo [Sở]: cấp trưởng/phó *?\\", "summoned": 5, "present": 5,
         "issued": 5, "collected": 5, "candidates": [{"name": "Nguyễn Văn An", "position": "Giám đốc"}]}
        for n in (1, 2, 3)
    ])
    book = written(tmp_path, round_results(setup_from_dict(data, "test"), {}))
    names = book.sheetnames
    assert names[0] == "Tổng hợp" and len(names) == 4
    assert len({name.casefold() for name in names}) == 4
    for name in names:
        assert len(name) <= 31 and not set(name) & set("[]:*?/\\")
    assert names[2].endswith("(2)") and names[3].endswith("(3)")


def test_written_through_a_partial_file_that_replaces_the_old_report(tmp_path, results):
    target = tmp_path / "bao-cao.xlsx"
    target.write_bytes(b"old")
    assert write_summary(results, target, sealed_at=None, fingerprint=None) == target
    assert load_workbook(target).sheetnames[0] == "Tổng hợp"
    assert [p.name for p in tmp_path.iterdir()] == ["bao-cao.xlsx"]
