"""Reading a personnel list (Excel, CSV, clipboard) into candidates."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import openpyxl
import pytest

from tinnhiem_desktop.core.issues import TinNhiemError
from tinnhiem_desktop.core.model import Candidate
from tinnhiem_desktop.services.candidates import (
    candidates_from_rows,
    duplicate_pairs,
    guess_mapping,
    parse_birth_year,
    parse_clipboard,
    read_table,
    table_start,
)

HEADER = ["STT", "Họ và tên", "Chức vụ", "Năm sinh", "Mã cán bộ"]
PEOPLE = [
    [1, "Nguyễn Văn An", "Giám đốc Sở", 1970, "CB001"],
    [2, "Hoàng Thị Thu Hà", "Phó Giám đốc Sở", 1975.0, "CB002"],
    [3, "Vũ Đức Thắng", "Phó Giám đốc Sở", None, None],
]


def make_xlsx(path: Path, rows: list[list], *, title: str = "Danh sách", extra_sheet: str | None = None) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    if extra_sheet:
        book.create_sheet(extra_sheet).append(["Họ tên", "Chức danh"])
    book.save(path)
    return path


# -- reading files -------------------------------------------------------------------------


def test_xlsx_cells_become_stripped_nfc_text_with_whole_numbers(tmp_path):
    decomposed = unicodedata.normalize("NFD", "  Nguyễn Văn An ")
    path = make_xlsx(tmp_path / "ds.xlsx", [HEADER, [1, decomposed, "Giám đốc\nSở", 1970.0, "CB001"]])
    table = read_table(path)
    assert table.sheets == ("Danh sách",)
    assert table.sheet == "Danh sách"
    assert table.rows == (tuple(HEADER), ("1", "Nguyễn Văn An", "Giám đốc Sở", "1970", "CB001"))
    assert unicodedata.is_normalized("NFC", table.rows[1][1])


def test_xlsx_keeps_line_numbers_and_pads_rows(tmp_path):
    path = make_xlsx(tmp_path / "ds.xlsx", [["DANH SÁCH CÁN BỘ"], [], HEADER, *PEOPLE])
    rows = read_table(path).rows
    assert rows[0] == ("DANH SÁCH CÁN BỘ", "", "", "", "")
    assert rows[1] == ("",) * 5
    assert rows[2] == tuple(HEADER)
    assert rows[5] == ("3", "Vũ Đức Thắng", "Phó Giám đốc Sở", "", "")
    assert table_start(rows) == 2


def test_xlsx_dates_are_written_day_first(tmp_path):
    path = make_xlsx(tmp_path / "ds.xlsx", [["Họ và tên", "Ngày sinh"], ["Bùi Thị Lan", dt.datetime(1980, 3, 5)]])
    assert read_table(path).rows[1] == ("Bùi Thị Lan", "05/03/1980")


def test_xlsx_sheet_by_name_and_unknown_sheet(tmp_path):
    path = make_xlsx(tmp_path / "ds.xlsx", [HEADER], extra_sheet="Phòng")
    table = read_table(path, "Phòng")
    assert table.sheets == ("Danh sách", "Phòng")
    assert (table.sheet, table.rows) == ("Phòng", (("Họ tên", "Chức danh"),))
    with pytest.raises(TinNhiemError) as caught:
        read_table(path, "Không có")
    assert caught.value.code == "unknown_sheet"
    assert caught.value.params["known"] == ["Danh sách", "Phòng"]


def test_csv_utf8_with_bom_and_comma(tmp_path):
    path = tmp_path / "ds.csv"
    path.write_bytes("\ufeffHọ và tên,Chức vụ,Năm sinh\r\nNguyễn Văn An,\"Giám đốc, Sở\",1970\r\n".encode())
    table = read_table(path)
    assert table.sheets == () and table.sheet is None
    assert table.rows == (("Họ và tên", "Chức vụ", "Năm sinh"), ("Nguyễn Văn An", "Giám đốc, Sở", "1970"))


def test_csv_with_semicolons_even_when_cells_hold_commas(tmp_path):
    path = tmp_path / "ds.csv"
    path.write_text(
        "Họ tên;Chức vụ;Năm sinh\nLê Thị Hồng;Trưởng phòng, phụ trách;1979\nPhạm Quốc Huy;Chuyên viên;1990\n",
        encoding="utf-8",
    )
    assert read_table(path).rows[1] == ("Lê Thị Hồng", "Trưởng phòng, phụ trách", "1979")


def test_csv_with_tabs(tmp_path):
    path = tmp_path / "ds.csv"
    path.write_text("Họ và tên\tChức vụ\nĐặng Văn Tùng\tChánh Thanh tra\n", encoding="utf-8")
    assert read_table(path).rows == (("Họ và tên", "Chức vụ"), ("Đặng Văn Tùng", "Chánh Thanh tra"))


def test_csv_not_utf8_names_the_line(tmp_path):
    path = tmp_path / "ds.csv"
    path.write_bytes("Họ và tên\nAn\n".encode() + "Bùi Thị Lan".encode("cp1258", errors="replace") + b"\n")
    with pytest.raises(TinNhiemError) as caught:
        read_table(path)
    assert caught.value.code == "file_not_utf8"
    assert caught.value.location.line == 3


def test_text_file_is_not_a_spreadsheet(tmp_path):
    path = tmp_path / "ghi-chu.txt"
    path.write_text("Danh sách lãnh đạo: xem phụ lục.", encoding="utf-8")
    with pytest.raises(TinNhiemError) as caught:
        read_table(path)
    assert caught.value.code == "not_a_spreadsheet"
    assert caught.value.params["file"] == str(path)


def test_renamed_file_is_not_a_spreadsheet(tmp_path):
    path = tmp_path / "ds.xlsx"
    path.write_text("Họ và tên,Chức vụ\n", encoding="utf-8")
    with pytest.raises(TinNhiemError) as caught:
        read_table(path)
    assert caught.value.code == "not_a_spreadsheet"


def test_missing_file(tmp_path):
    with pytest.raises(TinNhiemError) as caught:
        read_table(tmp_path / "khong-co.xlsx")
    assert caught.value.code == "file_not_found"


def test_a_folder_is_said_to_be_a_folder(tmp_path):
    folder = tmp_path / "ds.csv"
    folder.mkdir()
    with pytest.raises(TinNhiemError) as caught:
        read_table(folder)
    assert caught.value.code == "path_is_folder"


# -- the clipboard -------------------------------------------------------------------------


def test_clipboard_rows_from_excel():
    text = "Họ và tên\tChức vụ\r\nNguyễn Văn An\tGiám đốc Sở\r\nBùi Thị Lan\t\r\n"
    assert parse_clipboard(text) == (
        ("Họ và tên", "Chức vụ"),
        ("Nguyễn Văn An", "Giám đốc Sở"),
        ("Bùi Thị Lan", ""),
    )


def test_clipboard_with_newline_ends_quoted_cells_and_nfd():
    text = 'Nguyễn Văn An\t"Phó Giám đốc\nphụ trách"\n' + unicodedata.normalize("NFD", "Vũ Đức Thắng") + "\n\n"
    assert parse_clipboard(text) == (("Nguyễn Văn An", "Phó Giám đốc phụ trách"), ("Vũ Đức Thắng", ""))


def test_empty_clipboard():
    assert parse_clipboard("") == ()
    assert parse_clipboard("\r\n") == ()


# -- guessing the columns ------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        ["STT", "Họ và tên", "Chức vụ", "Năm sinh", "Mã cán bộ"],
        ["TT", "HỌ VÀ TÊN", "CHỨC VỤ", "NĂM SINH", "MÃ"],
        ["Stt", "Ho va ten", "Chuc vu", "Nam sinh", "Ma nguoi"],
        [unicodedata.normalize("NFD", h) for h in ["STT", "Họ tên:", "Chức danh", "Ngày tháng năm sinh", "Mã số"]],
    ],
)
def test_vietnamese_headers_with_or_without_diacritics(header):
    guess = guess_mapping(header)
    assert guess.first_row_is_header
    assert guess.mapping == {"name": 1, "position": 2, "birth_year": 3, "person_key": 4}


def test_short_name_header_and_missing_columns():
    guess = guess_mapping(["Tên", "Ghi chú"])
    assert guess.first_row_is_header
    assert guess.mapping == {"name": 0, "position": None, "birth_year": None, "person_key": None}


def test_header_without_a_name_title_takes_the_first_other_column():
    guess = guess_mapping(["STT", "Cán bộ", "Chức vụ"])
    assert guess.first_row_is_header
    assert guess.mapping["name"] == 1


def test_a_data_row_is_not_a_header_and_its_values_are_guessed():
    guess = guess_mapping(["1", "Nguyễn Văn An", "Giám đốc Sở", "1970"])
    assert not guess.first_row_is_header
    assert guess.mapping == {"name": 1, "position": 2, "birth_year": 3, "person_key": None}


def test_a_single_column_of_names():
    guess = guess_mapping(["Nguyễn Văn An"])
    assert guess.mapping["name"] == 0 and not guess.first_row_is_header


def test_table_start_without_header_is_the_first_filled_row():
    assert table_start((("", ""), ("Nguyễn Văn An", "Giám đốc Sở"))) == 1
    assert table_start(()) == 0


# -- candidates ----------------------------------------------------------------------------


def test_candidates_numbered_in_order_skipping_blank_names():
    rows = (
        tuple(HEADER),
        ("1", "Nguyễn Văn An", "Giám đốc Sở", "1970", "CB001"),
        ("", "", "", "", ""),
        ("2", "", "Phó Giám đốc Sở", "", ""),
        ("3", "Vũ Đức Thắng", "Phó Giám đốc Sở", "", ""),
    )
    result = candidates_from_rows(rows, guess_mapping(rows[0]).mapping, True)
    assert result.candidates == (
        Candidate(1, "Nguyễn Văn An", "Giám đốc Sở", 1970, "CB001"),
        Candidate(2, "Vũ Đức Thắng", "Phó Giám đốc Sở", None, None),
    )
    assert result.skipped_blank == 1
    assert result.duplicates == ()


def test_without_header_the_first_row_is_a_candidate():
    rows = (("Nguyễn Văn An", "Giám đốc Sở"), ("Bùi Thị Lan", "Chánh Văn phòng"))
    result = candidates_from_rows(rows, {"name": 0, "position": 1}, False)
    assert [c.name for c in result.candidates] == ["Nguyễn Văn An", "Bùi Thị Lan"]


def test_duplicates_are_pairs_of_orders_with_same_name_and_year():
    rows = (
        ("Nguyễn Văn An", "1970"),
        ("Bùi Thị Lan", "1980"),
        ("NGUYỄN VĂN AN", "1970"),
        ("Nguyễn Văn An", "1985"),
        ("Nguyễn Văn An", "1970"),
    )
    result = candidates_from_rows(rows, {"name": 0, "birth_year": 1}, False)
    assert result.duplicates == ((1, 3), (1, 5), (3, 5))


def test_duplicates_without_birth_years():
    people = [Candidate(1, "Bùi Thị Lan", ""), Candidate(2, "Bùi Thị Lan", "")]
    assert duplicate_pairs(people) == ((1, 2),)


@pytest.mark.parametrize("value", ["197", "19700", "1899", "2101", "năm 1970", "1970.5"])
def test_bad_birth_year_names_its_line(value):
    rows = (("Họ và tên", "Năm sinh"), ("Nguyễn Văn An", "1970"), ("Bùi Thị Lan", value))
    with pytest.raises(TinNhiemError) as caught:
        candidates_from_rows(rows, {"name": 0, "birth_year": 1}, True, source="ds.xlsx", first_line=3)
    error = caught.value
    assert error.code == "bad_birth_year"
    assert (error.location.source, error.location.line) == ("ds.xlsx", 5)
    assert error.params == {"value": value}


@pytest.mark.parametrize("text, year", [("", None), ("1970", 1970), ("05/03/1970", 1970), ("3-1970", 1970)])
def test_birth_year_alone_or_ending_a_date(text, year):
    assert parse_birth_year(text) == year


def test_the_name_column_is_required():
    with pytest.raises(ValueError):
        candidates_from_rows((("An",),), {"name": None}, False)


def test_whole_xlsx_to_candidates(tmp_path):
    path = make_xlsx(tmp_path / "ds.xlsx", [["DANH SÁCH CÁN BỘ"], [], HEADER, *PEOPLE])
    rows = read_table(path).rows
    start = table_start(rows)
    guess = guess_mapping(rows[start])
    result = candidates_from_rows(rows[start:], guess.mapping, guess.first_row_is_header, first_line=start + 1)
    assert [(c.order, c.name, c.birth_year, c.person_key) for c in result.candidates] == [
        (1, "Nguyễn Văn An", 1970, "CB001"),
        (2, "Hoàng Thị Thu Hà", 1975, "CB002"),
        (3, "Vũ Đức Thắng", None, None),
    ]
