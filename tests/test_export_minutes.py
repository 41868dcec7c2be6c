"""The counting minutes, read back from the PDF: names, figures, base, flags, seal, layout."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from tinnhiem_desktop.core.model import Ballot, BallotStatus, Mark
from tinnhiem_desktop.core.percent import vi_percent
from tinnhiem_desktop.core.results import round_results
from tinnhiem_desktop.core.spec import setup_from_dict
from tinnhiem_desktop.core.audit import grouped
from tinnhiem_desktop.export.minutes import write_minutes
from tinnhiem_desktop.export.seal import Seal
from tinnhiem_desktop.export.dates import vi_date
from tinnhiem_desktop.export.pdf import locality, place_and_date

from conftest import spec_dict

C, T, L = Mark.CAO, Mark.TIN_NHIEM, Mark.THAP
FINGERPRINT = "a46bf905a71903bc57d09ef5a88f127ddc358f3268226153d7917b609ef1ef55"


def pages(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


@pytest.fixture(scope="module")
def thirty(tmp_path_factory):
    """Form 1: 30 ballots; candidate 1 has 20 thấp (2/3), candidate 2 has 19."""
    setup = setup_from_dict(spec_dict(), "test")
    ballots = [
        Ballot("1", n, BallotStatus.VALID, {1: L if n <= 20 else C, 2: L if n <= 19 else T, 3: C})
        for n in range(1, 30)
    ] + [Ballot("1", 30, BallotStatus.INVALID, {}, "Phiếu không có dấu")]
    results = round_results(setup, {"1": ballots})
    folder = tmp_path_factory.mktemp("minutes")
    sealed = write_minutes(results, folder / "sealed.pdf",
                           Seal("2026-11-27T10:42:00+07:00", "Lê Thị Hồng", FINGERPRINT, None))
    draft = write_minutes(results, folder / "draft.pdf")
    return results, pages(sealed), pages(draft)


def test_people_and_their_figures_are_printed_as_core_computed_them(thirty):
    results, text, _ = thirty
    whole = " ".join(text)
    for form in results.forms:
        for person in form.candidates:
            assert person.candidate.name in whole
            for level in (C, T, L):
                assert vi_percent(person.percents[level], 2) in whole
    assert "66,67%" in whole and "63,33%" in whole


def test_counts_base_and_rounding_in_words(thirty):
    _, text, _ = thirty
    whole = " ".join(text)
    assert "Số người được triệu tập: 32; số người có mặt: 31." in whole
    assert "Số phiếu hợp lệ: 29; số phiếu không hợp lệ: 1" in whole
    assert ("Tỷ lệ % tính trên tổng số phiếu thu về: 30 phiếu; làm tròn đến 2 chữ số thập phân "
            "(từ 5 trở lên làm tròn lên).") in whole


def test_threshold_flags_in_words_with_the_rules_name(thirty):
    _, text, _ = thirty
    whole = " ".join(text)
    assert "Theo Quy định 96-QĐ/TW (2023), các trường hợp đến ngưỡng tín nhiệm thấp" in whole
    assert re.search(r"Nguyễn Văn An \(Giám đốc Sở\): 66,67% phiếu tín nhiệm thấp — Tín nhiệm thấp từ 2/3 trở lên", whole)
    assert re.search(r"Hoàng Thị Thu Hà \(Phó Giám đốc Sở\): 63,33% phiếu tín nhiệm thấp — Tín nhiệm thấp trên 1/2", whole)


def test_sealed_minutes_bear_the_fingerprint_and_signatures(thirty):
    _, text, draft = thirty
    whole = " ".join(text)
    assert grouped(FINGERPRINT) in whole
    assert "10 giờ 42, ngày 27 tháng 11 năm 2026; người chốt: Lê Thị Hồng" in whole
    assert "So đủ 64 ký tự với tệp: tinnhiem-cli verify" in whole
    assert "Lê Thị Hồng" in text[-1] and "Phạm Quốc Huy" in text[-1] and "(Ký, ghi rõ họ tên)" in text[-1]
    assert "chưa chốt" not in whole.lower()
    draft_text = " ".join(draft)
    assert "Kết quả chưa chốt" in draft_text and FINGERPRINT[:16] not in draft_text


def test_header_motto_and_place_date(thirty):
    _, text, _ = thirty
    first = text[0]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first and "Độc lập - Tự do - Hạnh phúc" in first
    assert "SỞ GIAO THÔNG VẬN TẢI" in first and "BIÊN BẢN KIỂM PHIẾU" in first
    assert "An Phú, ngày 27 tháng 11 năm 2026" in first


def test_a_long_list_breaks_across_pages_with_the_heading_repeated_and_numbers_from_page_2(tmp_path):
    candidates = [{"name": f"Nguyễn Văn Ánh {i}", "position": "Trưởng phòng"} for i in range(1, 61)]
    form = {"id": "1", "title": "Lãnh đạo các phòng", "summoned": 70, "present": 66, "issued": 65,
            "collected": 65, "candidates": candidates}
    setup = setup_from_dict(spec_dict(forms=[form], header={"style": "party", "parent": "ĐẢNG BỘ TỈNH AN PHÚ",
                                                             "unit": "ĐẢNG ỦY SỞ GIAO THÔNG VẬN TẢI"}), "test")
    results = round_results(setup, {"1": [Ballot("1", n, BallotStatus.VALID, {o: T for o in range(1, 61)})
                                          for n in range(1, 66)]})
    text = pages(write_minutes(results, tmp_path / "long.pdf"))
    assert len(text) >= 3
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text[0] and "CỘNG HÒA" not in text[0]
    table_pages = [t for t in text if "Nguyễn Văn Ánh" in t]
    assert len(table_pages) >= 2
    assert all("Họ và tên" in t and "Tín nhiệm thấp" in t for t in table_pages)
    for number, page in enumerate(text[1:], start=2):
        assert page.startswith(str(number))
    assert not text[0].startswith("1 ")


def test_vietnamese_dates_and_places():
    from tinnhiem_desktop.core.model import Header, HeaderStyle

    assert vi_date("2026-02-05") == "ngày 05 tháng 02 năm 2026"
    assert vi_date("2026-11-27") == "ngày 27 tháng 11 năm 2026"
    assert vi_date("") is None
    assert locality(Header(HeaderStyle.STATE, "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "SỞ Y TẾ")) == "Hồ Chí Minh"
    assert place_and_date(Header(HeaderStyle.STATE, "BỘ TÀI CHÍNH", "VỤ NGÂN SÁCH"), "") == (
        "........., ngày ..... tháng ..... năm .........")
