"""Result notices, read back from the PDF: one page per person, their figures, the band, the seal."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from tinnhiem_desktop.cli import main
from tinnhiem_desktop.core.model import Ballot, BallotStatus, Mark
from tinnhiem_desktop.core.percent import vi_percent
from tinnhiem_desktop.core.results import round_results
from tinnhiem_desktop.core.spec import setup_from_dict
from tinnhiem_desktop.core.audit import grouped
from tinnhiem_desktop.export.seal import Seal
from tinnhiem_desktop.export.notices import DRAFT_MARK, write_notices

from conftest import spec_dict, write_csv, write_spec

C, T, L = Mark.CAO, Mark.TIN_NHIEM, Mark.THAP
FINGERPRINT = "a46bf905a71903bc57d09ef5a88f127ddc358f3268226153d7917b609ef1ef55"
SEALED = Seal("2026-11-27T10:42:00+07:00", "Lê Thị Hồng", FINGERPRINT, None)
CONSEQUENCE = "thuộc trường hợp"


def pages(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


@pytest.fixture(scope="module")
def notices(tmp_path_factory):
    """Form 1, 30 ballots: candidate 1 has 20 thấp (exactly 2/3), candidate 2 has 10, candidate 3
    none; form 2, 10 ballots, nobody near a band."""
    setup = setup_from_dict(spec_dict(), "test")
    first = [
        Ballot("1", n, BallotStatus.VALID, {1: L if n <= 20 else C, 2: L if n <= 10 else T, 3: Mark.NO_MARK if n == 1 else C})
        for n in range(1, 30)
    ] + [Ballot("1", 30, BallotStatus.INVALID, {}, "Phiếu không có dấu")]
    second = [Ballot("2", n, BallotStatus.VALID, {1: C, 2: T if n <= 3 else C}) for n in range(1, 11)]
    results = round_results(setup, {"1": first, "2": second})
    folder = tmp_path_factory.mktemp("notices")
    sealed = write_notices(results, folder / "sealed.pdf", SEALED)
    draft = write_notices(results, folder / "draft.pdf")
    return results, pages(sealed), pages(draft)


def people(results):
    return [person for form in results.forms for person in form.candidates]


def test_one_page_per_candidate_across_forms_in_list_order(notices):
    results, sealed, draft = notices
    everyone = people(results)
    assert len(sealed) == len(draft) == len(everyone) == 5
    for page, person in zip(sealed, everyone):
        assert f"Kính gửi: Đồng chí {person.candidate.name}, {person.candidate.position}" in page
        others = [p.candidate.name for p in everyone if p is not person]
        assert not any(name in page for name in others)
        assert not page.startswith("2")  # a notice of one page carries no page number


def test_each_page_carries_the_persons_exact_percentages_and_the_forms_counts(notices):
    results, sealed, _ = notices
    for form in results.forms:
        for person in form.candidates:
            page = next(p for p in sealed if person.candidate.name in p)
            for level in (C, T, L):
                assert f"{person.tally.count(level)} {vi_percent(person.percents[level], 2)}" in page
            assert f"loại phiếu {form.form.code}: {form.form.title}" in page
    first = sealed[0]
    assert "Tín nhiệm cao 9 30,00%" in first and "Tín nhiệm thấp 20 66,67%" in first
    assert "Số người được triệu tập: 32; có mặt: 31; số phiếu phát ra: 30; thu về: 30; hợp lệ: 29; không hợp lệ: 1." in first
    assert "Tỷ lệ % tính trên tổng số phiếu thu về: 30 phiếu; làm tròn đến 2 chữ số thập phân" in first
    assert "Quy tắc áp dụng: Quy định 96-QĐ/TW (2023); căn cứ: Bộ Chính trị, Quy định số 96-QĐ/TW" in first
    assert "Số phiếu hợp lệ không tính cho đồng chí (không đánh dấu hoặc đánh dấu nhiều ô): 1." in sealed[2]
    assert "không tính" not in sealed[1]


def test_the_consequence_appears_only_for_the_person_who_crossed_a_band(notices):
    results, sealed, draft = notices
    flagged = [person.candidate.name for person in people(results) if person.flags]
    assert flagged == ["Nguyễn Văn An"]
    for text in (sealed, draft):
        assert ("Theo Quy định 96-QĐ/TW (2023), số phiếu tín nhiệm thấp của đồng chí (66,67%) thuộc trường hợp: "
                "Tín nhiệm thấp từ 2/3 trở lên.") in text[0]
        assert all(CONSEQUENCE not in page and "Tín nhiệm thấp từ 2/3" not in page for page in text[1:])


def test_sealed_notices_bear_the_fingerprint_and_drafts_say_so(notices):
    _, sealed, draft = notices
    for page in sealed:
        assert "Kết quả được chốt lúc 10 giờ 42, ngày 27 tháng 11 năm 2026; người chốt: Lê Thị Hồng" in page
        assert grouped(FINGERPRINT) in page
        assert "BẢN NHÁP" not in page and "chưa chốt" not in page
    for page in draft:
        assert DRAFT_MARK in page and "Kết quả chưa chốt: chưa có dấu vân tay" in page
        assert FINGERPRINT[:16] not in page


def test_header_title_and_the_head_of_the_counting_team_signs(notices):
    _, sealed, _ = notices
    for page in sealed:
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in page and "SỞ GIAO THÔNG VẬN TẢI" in page
        assert "An Phú, ngày 27 tháng 11 năm 2026" in page
        assert "THÔNG BÁO Kết quả lấy phiếu tín nhiệm năm 2026" in page
        assert "ngày 27 tháng 11 năm 2026, tại Hội trường tầng 3, do đồng chí Trần Văn Bình chủ trì" in page
        assert "TM. BAN KIỂM PHIẾU TRƯỞNG BAN (Ký, ghi rõ họ tên)" in page and page.endswith("Lê Thị Hồng")
        assert "Phạm Quốc Huy" not in page


NAME = "Tôn Nữ Hoàng Thị Phương Thảo Nguyên Khánh Linh Ngọc Bích Trâm Anh Huyền Trang"
POSITION = ("Phó Giám đốc Sở, phụ trách công tác tổ chức cán bộ, thanh tra, pháp chế và cải cách hành chính "
            "của Sở Giao thông vận tải tỉnh An Phú")


def long_round(form_title: str = "Lãnh đạo Sở"):
    """One person with a long name and position, a base and decimals overridden, no Tổ trưởng."""
    form = {"id": "1", "title": form_title, "summoned": 12, "present": 12, "issued": 12, "collected": 12,
            "candidates": [{"name": NAME, "position": POSITION}]}
    setup = setup_from_dict(spec_dict(forms=[form], percent_base="valid_for_person", decimals=1,
                                      team=[{"name": "Phạm Quốc Huy", "role": "Thành viên"}]), "test")
    ballots = [Ballot("1", n, BallotStatus.VALID, {1: L if n <= 9 else Mark.MULTI}) for n in range(1, 13)]
    return round_results(setup, {"1": ballots})


def test_a_long_name_and_position_wrap_and_the_notice_still_fits_one_page(tmp_path):
    text = pages(write_notices(long_round(), tmp_path / "long.pdf", SEALED))
    assert len(text) == 1
    assert f"Kính gửi: Đồng chí {NAME}, {POSITION}" in text[0]
    assert "Tín nhiệm thấp 9 100,0%" in text[0] and "Số phiếu hợp lệ đối với đồng chí: 9." in text[0]
    assert "Điều chỉnh so với quy tắc gốc: tỷ lệ tính trên số phiếu hợp lệ đối với từng người" in text[0]
    assert CONSEQUENCE in text[0] and grouped(FINGERPRINT) in text[0]
    assert "Phạm Quốc Huy" not in text[0] and text[0].endswith("TRƯỞNG BAN (Ký, ghi rõ họ tên) ................")


def test_a_notice_too_long_for_one_page_continues_with_the_seal_beside_the_signature(tmp_path):
    correcting = Seal(SEALED.sealed_at, SEALED.sealed_by, FINGERPRINT, None,
                      {"file": "dot-2026-ban-dau.tinnhiem", "fingerprint": FINGERPRINT, "reason": "Nhập nhầm phiếu số 7"})
    results = long_round("Lãnh đạo Sở và các phòng, ban, đơn vị trực thuộc Sở Giao thông vận tải tỉnh An Phú")
    text = pages(write_notices(results, tmp_path / "longer.pdf", correcting))
    assert len(text) == 2
    assert "Lý do đính chính: Nhập nhầm phiếu số 7." in text[0] and CONSEQUENCE in text[0]
    assert text[1].startswith("2 Kết quả được chốt lúc") and grouped(FINGERPRINT) in text[1]
    assert text[1].endswith("TRƯỞNG BAN (Ký, ghi rõ họ tên) ................")


def test_the_command_line_writes_the_notices(tmp_path, capsys):
    round_file, target = tmp_path / "dot.tinnhiem", tmp_path / "tai-lieu" / "thong-bao.pdf"
    form = {"id": "1", "title": "Lãnh đạo Sở", "summoned": 4, "present": 4, "issued": 4, "collected": 4,
            "candidates": [{"name": "Nguyễn Văn An", "position": "Giám đốc Sở"},
                           {"name": "Hoàng Thị Thu Hà", "position": "Phó Giám đốc Sở"}]}
    assert main(["new", str(round_file), "--spec", str(write_spec(tmp_path / "dot.json", spec_dict(forms=[form])))]) == 0
    rows = [["1", str(n), "valid", "3" if n <= 3 else "1", "1"] for n in range(1, 5)]
    assert main(["import-ballots", str(round_file), str(write_csv(tmp_path / "phieu.csv", rows, width=2))]) == 0
    capsys.readouterr()
    assert main(["export", str(round_file), "--notices", str(target)]) == 0
    out, err = capsys.readouterr()
    assert f"Đã ghi {target}" in out and "chưa chốt" in err
    text = pages(target)
    assert len(text) == 2 and all(DRAFT_MARK in page for page in text)
    assert "Tín nhiệm thấp 3 75,00%" in text[0] and CONSEQUENCE in text[0] and CONSEQUENCE not in text[1]
