"""Last year's low-confidence share beside this year's in the minutes, the summary, the results JSON
and the results table; figures typed in by hand marked so wherever they appear."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tinnhiem_desktop.core.model import Counts
from tinnhiem_desktop.export.results_json import results_document
from tinnhiem_desktop.export.results_text import results_text
from tinnhiem_desktop.services.export import ExportRequest, export_documents
from tinnhiem_desktop.services.history import carry_history, next_round_setup
from tinnhiem_desktop.services.rounds import RoundService

from unit_rounds import key_ballots, make_round, person

HONG = "Lê Thị Hồng"
SOURCE = "Biên bản kiểm phiếu ngày 26/11/2025 của Sở"


@pytest.fixture
def two_years(tmp_path: Path) -> RoundService:
    """2025 counted with the program for three people; 2026 started from it, with a fourth person
    whose 2025 result was counted by hand and is typed in."""
    last = make_round(tmp_path / "gtvt-2025.tinnhiem", "SỞ GIAO THÔNG VẬN TẢI", 2025, "huong-dan-2013", [
        person("Nguyễn Văn An", "Giám đốc Sở", 15, 1970, "an-1970"),
        person("Hoàng Thị Thu Hà", "Phó Giám đốc Sở", 4, 1975),
        person("Vũ Đức Thắng", "Phó Giám đốc Sở", 2, 1980),
    ])
    setup = next_round_setup(last)
    form = setup.forms[0]
    newcomer = form.candidates[0].__class__(4, "Đỗ Minh Tuấn", "Chánh Văn phòng", 1968)
    setup = setup.__class__(**{**setup.__dict__, "forms": (form.__class__(
        form.code, form.title, form.counts, (*form.candidates, newcomer)),)})
    service = RoundService.create(tmp_path / "gtvt-2026.tinnhiem", setup, HONG)
    carry_history(service, last)
    service.set_prior_result("1", 4, 2025, thap=15, base=20, source=SOURCE)
    service.change_counts("1", Counts(20, 20, 20, 20))
    key_ballots(service, [{"thap": t} for t in (15, 3, 17, 16)], 20)
    service.seal(HONG)
    yield service
    service.close()


def test_results_json_and_table_carry_last_year(two_years):
    results = two_years.results()
    people = results_document(results, sealed=True, fingerprint=None)["forms"][0]["candidates"]
    assert people[0]["previous"] == {"year": 2025, "thap": 15, "base": 20, "percent": "75.00", "by_hand": False,
                                     "source": "gtvt-2025.tinnhiem"}
    assert people[3]["previous"]["by_hand"] is True and people[3]["previous"]["source"] == SOURCE
    assert people[0]["flags"] == ["thap_over_half", "thap_70_percent_two_years"]
    assert "thap_70_percent_two_years" in people[3]["flags"]
    without = RoundService.results(two_years, previous={})
    assert results_document(without, sealed=True, fingerprint=None)["forms"][0]["candidates"][0]["previous"] is None

    table = results_text(results, sealed_at=None, fingerprint=None)
    assert "Thấp năm 2025" in table
    assert "75,00% (nhập tay)" in table
    line = next(line for line in table.splitlines() if "Hoàng Thị Thu Hà" in line)
    assert "20,00%" in line


def test_minutes_and_summary_show_last_year_beside_this_year(two_years, tmp_path):
    minutes, summary = tmp_path / "bien-ban.pdf", tmp_path / "bao-cao.xlsx"
    export_documents(two_years, ExportRequest(minutes=minutes, summary=summary))

    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(minutes).pages)
    assert "Tín nhiệm thấp năm 2025 (%)" in text
    assert "75,00% (nhập tay)" in text
    assert f"Số liệu năm 2025 của Đỗ Minh Tuấn nhập tay theo: {SOURCE}." in text
    assert "Nguyễn Văn An (Giám đốc Sở): 75,00% phiếu tín nhiệm thấp (năm 2025: 75,00%)" in text
    assert "Tín nhiệm thấp từ 70% trở lên hai năm liên tiếp" in text

    sheet = load_workbook(summary)["Tổng hợp"]
    top = next(row for row in range(1, sheet.max_row + 1) if sheet.cell(row, 1).value == "STT")
    headings = [cell.value for cell in sheet[top]]
    column = headings.index("Tín nhiệm thấp năm 2025") + 1
    people = [row for row in range(top + 2, sheet.max_row + 1) if isinstance(sheet.cell(row, 1).value, int)]
    an, ha, thang, tuan = (sheet.cell(row, column) for row in people[:4])
    assert (an.value, ha.value, thang.value, tuan.value) == (0.75, 0.2, 0.1, 0.75)
    assert an.number_format == "0.00%" and tuan.number_format == '0.00% "(nhập tay)"'
    notes = sheet.cell(people[3], headings.index("Ghi chú") + 1).value
    assert "Tín nhiệm thấp từ 70% trở lên hai năm liên tiếp" in notes and f"nhập tay: {SOURCE}" in notes


def test_without_last_year_the_documents_keep_their_columns(tmp_path):
    path = make_round(tmp_path / "x.tinnhiem", "SỞ TÀI CHÍNH", 2026, "qd-96-2023", [person("A", "B", 3)])
    with RoundService.open(path, HONG, read_only=True) as service:
        export_documents(service, ExportRequest(summary=tmp_path / "s.xlsx"))
        assert "Thấp năm" not in results_text(service.results(), sealed_at=None, fingerprint=None)
    sheet = load_workbook(tmp_path / "s.xlsx")["Tổng hợp"]
    top = next(row for row in range(1, sheet.max_row + 1) if sheet.cell(row, 1).value == "STT")
    headings = [c.value for c in sheet[top] if c.value]
    assert headings[-2:] == ["Không tính", "Ghi chú"] and not any("năm" in h for h in headings)
