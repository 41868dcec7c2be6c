"""Consolidation: three units' round files of two years, made by the program, one tampered, one unit
without last year, one person renamed; the service, `tinnhiem-cli consolidate`, the workbook and the PDF."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tinnhiem_desktop.cli import main
from tinnhiem_desktop.core.issues import TinNhiemError
from tinnhiem_desktop.export.wording import MESSAGES, describe_error
from tinnhiem_desktop.services.consolidate import consolidate, report_of

from unit_rounds import BY_HAND_SOURCE, GTVT, TAI_CHINH, Y_TE, make_round, person, two_years_three_units


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("tong-hop") / "tep"
    two_years_three_units(folder)
    return folder


@pytest.fixture(scope="module")
def written(files, tmp_path_factory):
    out = tmp_path_factory.mktemp("bao-cao")
    code = main(["consolidate", str(files), "--xlsx", str(out / "tong-hop.xlsx"), "--pdf", str(out / "tong-hop.pdf"),
                 "--unit", "Sở Nội vụ", "--parent", "Ủy ban nhân dân tỉnh An Phú", "--by", "Ngô Thị Thảo",
                 "--date", "2026-12-10", "--number", "12"])
    assert code == 0
    return out


def people_of(unit):
    return {p.candidate.name: p for form in unit.results.forms for p in form.candidates}


def test_units_last_years_figures_and_two_year_flags(files):
    result = consolidate([files])
    assert result.year == 2026
    assert [u.round.setup.header.unit for u in result.units] == [GTVT, TAI_CHINH, Y_TE]
    assert [u.results.rule.preset.id for u in result.units] == ["huong-dan-2013", "nq-35-2012", "qd-96-2023"]
    gtvt, tai_chinh, y_te = (people_of(unit) for unit in result.units)

    an = gtvt["Nguyễn Văn An"]
    assert (an.prior.thap, an.prior.base, an.prior.by_hand) == (15, 20, False)
    assert "thap_70_percent_two_years" in an.flags  # 75% in 2025, 70% in 2026
    ha = gtvt["Hoàng Thu Hà"]  # 'Hoàng Thị Thu Hà' in 2025: linked by her person key
    assert ha.prior.thap == 14 and "thap_70_percent_two_years" in ha.flags
    assert gtvt["Phan Văn Khải"].prior is None and gtvt["Phan Văn Khải"].flags == ()

    binh = tai_chinh["Trần Văn Bình"]  # the unit's 2025 file was tampered: its figure was typed by hand
    assert binh.prior.by_hand and binh.prior.source == BY_HAND_SOURCE
    assert binh.flags == ("thap_over_half", "thap_over_half_two_years")
    assert tai_chinh["Nguyễn Thị Lan"].prior is None

    assert y_te["Lý Thị Mai"].flags == ("thap_two_thirds_or_more",) and y_te["Lý Thị Mai"].prior is None
    assert [u.held_last_year for u in result.units] == [True, False, False]
    (suggestion,) = result.units[2].suggestions  # same name and birth year as in another unit's 2025 file
    assert suggestion.candidate.name == "Vũ Đức Thắng" and suggestion.earlier.source == "gtvt-2025.tinnhiem"
    assert y_te["Vũ Đức Thắng"].prior is None, "a suggestion is not a link"

    refused = {f.path.name: f.code for f in result.refused}
    assert refused == {"tc-2025.tinnhiem": "history_altered", "xd-2026-nhap.tinnhiem": "history_not_sealed",
                       "gtvt-2026-ban-sao.tinnhiem": "history_duplicate"}
    assert all(code in MESSAGES for code in refused.values())
    assert result.flag_counts()["thap_70_percent_two_years"] == 2 and result.people == 7


def test_the_report_names_the_level_above_and_every_units_rule(files):
    result = consolidate([files])
    report = report_of(result)
    assert report.header.unit == "ỦY BAN NHÂN DÂN TỈNH AN PHÚ"  # by default: the body the units report to
    assert report.title == "BÁO CÁO TỔNG HỢP KẾT QUẢ LẤY PHIẾU TÍN NHIỆM NĂM 2026"
    tai_chinh = report.units[1]
    assert tai_chinh.last_year_file is None and tai_chinh.last_year_refused == ("tc-2025.tinnhiem",)
    assert report.units[0].last_year_file == "gtvt-2025.tinnhiem"
    assert report_of(result, unit="Sở Nội vụ").header.unit == "Sở Nội vụ"


def test_cli_prints_units_and_refused_files(files, written, capsys):
    out = written
    main(["consolidate", str(files), "--xlsx", str(out / "lan-2.xlsx")])
    printed = capsys.readouterr().out
    assert "Tổng hợp năm 2026: 3 đơn vị; số liệu năm 2025 từ 1 tệp." in printed
    assert "SỞ TÀI CHÍNH — Nghị quyết 35/2012/QH13 (tc-2026.tinnhiem; chưa đối chiếu báo cáo giấy)" in printed
    assert "- tc-2025.tinnhiem: Không nguyên vẹn" in printed
    assert "- xd-2026-nhap.tinnhiem: Chưa chốt kết quả" in printed
    assert f"Đã ghi {out / 'lan-2.xlsx'}" in printed


def test_workbook_cells(written):
    book = load_workbook(written / "tong-hop.xlsx")
    sheet = book["Báo cáo"]
    cells = {(c.row, c.column): c for row in sheet.iter_rows() for c in row if c.value is not None}
    texts = [c.value for c in cells.values() if isinstance(c.value, str)]
    assert "SỞ NỘI VỤ" in texts and "ỦY BAN NHÂN DÂN TỈNH AN PHÚ" in texts
    assert "BÁO CÁO TỔNG HỢP KẾT QUẢ LẤY PHIẾU TÍN NHIỆM NĂM 2026" in texts
    assert [t for t in texts if t[:3] in ("1. ", "2. ", "3. ")] == [f"1. {GTVT}", f"2. {TAI_CHINH}", f"3. {Y_TE}"]
    assert any(t.startswith("- Quy tắc: Nghị quyết 35/2012/QH13.") for t in texts)
    row_of = {c.value: r for (r, col), c in cells.items() if col == 2 and isinstance(c.value, str)}
    an, binh = row_of["Nguyễn Văn An"], row_of["Trần Văn Bình"]
    assert [sheet.cell(an, col).value for col in (5, 10, 11, 12)] == [20, 14, 0.7, 0.75]
    assert "Tín nhiệm thấp từ 70% trở lên hai năm liên tiếp" in sheet.cell(an, 13).value
    assert sheet.cell(binh, 12).value == 0.6 and sheet.cell(binh, 12).number_format == '0.00% "(nhập tay)"'
    assert sheet.cell(row_of["Phan Văn Khải"], 12).value is None
    assert any(t.startswith("Cộng: 3 người được lấy phiếu; 2 người đến ngưỡng") for t in texts)
    assert any(t.startswith(f"Số liệu năm 2025 của Trần Văn Bình nhập tay theo: {BY_HAND_SOURCE}") for t in texts)
    refused_row = row_of["tc-2025.tinnhiem"]
    assert sheet.cell(refused_row, 5).value.startswith("Không nguyên vẹn")
    assert "NGƯỜI LẬP BIỂU" in texts and "Ngô Thị Thảo" in texts

    data = book["Dữ liệu"]
    rows = [[c.value for c in row] for row in data.iter_rows(min_row=2) if row[0].value]
    assert len(rows) == 7
    headings = [c.value for c in data[1]]
    by_name = {row[headings.index("Họ và tên")]: row for row in rows}
    assert by_name["Hoàng Thu Hà"][headings.index("Mã người")] == "ha-1975"
    assert by_name["Trần Văn Bình"][headings.index("Năm 2025: nguồn")] == f"nhập tay: {BY_HAND_SOURCE}"
    assert by_name["Lý Thị Mai"][headings.index("Đơn vị")] == Y_TE


def test_pdf_text(written):
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(written / "tong-hop.pdf").pages)
    assert "BÁO CÁO TỔNG HỢP KẾT QUẢ LẤY PHIẾU TÍN NHIỆM NĂM 2026" in text
    assert "An Phú, ngày 10 tháng 12 năm 2026" in text and "Số: 12/BC-......" in text
    for unit in (GTVT, TAI_CHINH, Y_TE):
        assert unit in text
    assert "Quy định 96-QĐ/TW (2023)" in text and "Nghị quyết 35/2012/QH13" in text
    assert "60,00% (nhập tay)" in text
    assert "Tín nhiệm thấp trên 1/2 hai năm liên tiếp" in text
    assert "Tệp năm 2025 của đơn vị (tc-2025.tinnhiem) không sử dụng được" in text
    assert "Không có tệp năm 2025 của đơn vị này trong các tệp tổng hợp." in text
    assert "Chưa liên kết: Vũ Đức Thắng (loại phiếu 1) có thể là Vũ Đức Thắng năm 2025" in text
    assert "III. CÁC TỆP KHÔNG SỬ DỤNG" in text and "Là bản sao của tệp 'gtvt-2026.tinnhiem'" in text
    assert "NGƯỜI LẬP BIỂU" in text and "Ngô Thị Thảo" in text


def test_another_year_and_files_of_other_years(files):
    result = consolidate([files], year=2025)
    assert [u.round.path.name for u in result.units] == ["gtvt-2025.tinnhiem"]
    assert {f.path.name: f.code for f in result.refused}["yt-2026.tinnhiem"] == "consolidate_other_year"


def test_bad_arguments_and_nothing_usable_exit_2(files, tmp_path, capsys):
    assert main(["consolidate", str(files)]) == 2
    assert "cần --xlsx hoặc --pdf" in capsys.readouterr().err
    assert main(["consolidate", str(tmp_path / "khong-co"), "--xlsx", str(tmp_path / "x.xlsx")]) == 2
    assert "Không tìm thấy tệp" in capsys.readouterr().err
    empty = tmp_path / "rong"
    empty.mkdir()
    assert main(["consolidate", str(empty), "--xlsx", str(tmp_path / "x.xlsx")]) == 2
    assert "Không tìm thấy tệp đợt lấy phiếu (.tinnhiem) nào" in capsys.readouterr().err
    assert main(["consolidate", str(files), "--xlsx", str(tmp_path / "x.xlsx"), "--date", "10/12/2026"]) == 2
    draft = tmp_path / "nhap"
    draft.mkdir()
    shutil.copy(files / "xd-2026-nhap.tinnhiem", draft)
    assert main(["consolidate", str(draft), "--pdf", str(tmp_path / "x.pdf")]) == 2
    assert "Không có tệp đợt lấy phiếu nào đã chốt kết quả và nguyên vẹn" in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists() and not (tmp_path / "x.pdf").exists()
    with pytest.raises(TinNhiemError) as error:
        consolidate([files], year=2030)
    assert error.value.code == "consolidate_no_year"


def test_two_rounds_of_a_unit_in_a_year_are_both_refused(tmp_path):
    make_round(tmp_path / "a.tinnhiem", Y_TE, 2026, "qd-96-2023", [person("Lý Thị Mai", "Giám đốc Sở", 3)])
    make_round(tmp_path / "b.tinnhiem", Y_TE, 2026, "qd-96-2023", [person("Lý Thị Mai", "Giám đốc Sở", 4)])
    make_round(tmp_path / "c.tinnhiem", TAI_CHINH, 2026, "qd-96-2023", [person("Trần Văn Bình", "Giám đốc Sở", 1)])
    result = consolidate([tmp_path])
    assert [u.round.path.name for u in result.units] == ["c.tinnhiem"]
    assert {f.path.name: f.code for f in result.refused} == {"a.tinnhiem": "history_same_unit",
                                                             "b.tinnhiem": "history_same_unit"}


def test_the_service_gives_codes_and_the_report_words_them(files, tmp_path):
    report = report_of(consolidate([files]))
    line = next(line for line in report.refused if line.file == "xd-2026-nhap.tinnhiem")
    assert (line.code, dict(line.params)) == ("history_not_sealed", {})
    assert line.reason == "Chưa chốt kết quả"

    shutil.copy(files / "xd-2026-nhap.tinnhiem", tmp_path)
    with pytest.raises(TinNhiemError) as error:
        consolidate([tmp_path])
    assert error.value.code == "consolidate_nothing"
    assert [(name, code) for name, code, _ in error.value.params["reasons"].files] == [
        ("xd-2026-nhap.tinnhiem", "history_not_sealed")]
    assert describe_error(error.value) == ("Không có tệp đợt lấy phiếu nào đã chốt kết quả và nguyên vẹn để tổng hợp. "
                                           "xd-2026-nhap.tinnhiem: Chưa chốt kết quả.")


def test_consolidation_checks_each_unit_against_the_fingerprint_on_its_paper_report(tmp_path, capsys):
    """Matching the paper, not matching (refused), or not compared: each unit says which."""
    from tinnhiem_desktop import cli
    from tinnhiem_desktop.core.audit import grouped
    from tinnhiem_desktop.services.rounds import RoundService

    from unit_rounds import make_round, person

    people = [person("Nguyễn Văn An", "Giám đốc Sở", 3, 1970, "an")]
    paths = {unit: make_round(tmp_path / f"{name}.tinnhiem", unit, 2026, "qd-96-2023", people)
             for name, unit in (("a", "SỞ A"), ("b", "SỞ B"), ("c", "SỞ C"))}
    with RoundService.open(paths["SỞ A"], "x", read_only=True) as a, RoundService.open(paths["SỞ B"], "x", read_only=True) as b:
        genuine_a, genuine_b = a.info.fingerprint, b.info.fingerprint
    wrong_b = genuine_b[:-1] + ("0" if genuine_b[-1] != "0" else "1")
    listing = tmp_path / "dau-van-tay.csv"
    listing.write_text(f"tệp,dấu vân tay\na.tinnhiem,{grouped(genuine_a).upper()}\nb.tinnhiem,{wrong_b}\n", encoding="utf-8")
    assert cli.main(["consolidate", str(tmp_path), "--fingerprints", str(listing), "--xlsx", str(tmp_path / "th.xlsx")]) == 0
    out = capsys.readouterr().out
    assert "SỞ A — Quy định 96-QĐ/TW (2023) (a.tinnhiem; khớp báo cáo giấy)" in out
    assert "SỞ C — Quy định 96-QĐ/TW (2023) (c.tinnhiem; chưa đối chiếu báo cáo giấy)" in out
    assert "b.tinnhiem: Không khớp với báo cáo giấy của đơn vị" in out and "SỞ B —" not in out
    listing.write_text("a.tinnhiem,abc\n", encoding="utf-8")
    assert cli.main(["consolidate", str(tmp_path), "--fingerprints", str(listing), "--xlsx", str(tmp_path / "x.xlsx")]) == 2
    assert "dòng 1" in capsys.readouterr().err


def test_report_sheet_prints_as_a_paper(written):
    """The report sheet: its person table's heading once, repeated at the top of every printed page;
    rows with room between their text and the rules; paragraphs justified; one page wide."""
    sheet = load_workbook(written / "tong-hop.xlsx")["Báo cáo"]
    headings = [row for row in range(1, sheet.max_row + 1) if sheet.cell(row, 1).value == "STT"
                and sheet.cell(row, 2).value == "Họ và tên"]
    assert len(headings) == 1  # not one per unit
    top = headings[0]
    assert sheet.print_title_rows == f"${top}:${top + 1}"
    assert sheet.cell(top + 1, 6).value == "Số phiếu" and sheet.cell(top, 6).value == "Tín nhiệm cao"
    people = [row for row in range(top + 2, sheet.max_row + 1) if isinstance(sheet.cell(row, 1).value, int)
              and sheet.cell(row, 1).border.left.style == "thin"]
    assert people and all(sheet.row_dimensions[row].height >= 19 for row in people)
    introduction = next(c for row in sheet.iter_rows() for c in row if str(c.value).startswith("Tổng hợp từ"))
    assert introduction.alignment.horizontal == "justify"
    unit_line = next(c for row in sheet.iter_rows() for c in row if str(c.value).startswith("- Quy tắc:"))
    assert unit_line.alignment.horizontal == "justify"
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
