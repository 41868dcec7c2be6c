"""Reports upward (step 5): to the personnel office and, separately, for the people managed by the
provincial Party standing committee; read back with openpyxl and pypdf."""

from __future__ import annotations

from datetime import date, timedelta

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tinnhiem_desktop.core import procedure as steps
from tinnhiem_desktop.core.issues import TinNhiemError
from tinnhiem_desktop.core.model import Ballot, BallotStatus, Header, HeaderStyle, Mark
from tinnhiem_desktop.core.percent import vi_percent
from tinnhiem_desktop.core.procedure import TeamVote
from tinnhiem_desktop.core.results import round_results
from tinnhiem_desktop.core.spec import setup_from_dict
from tinnhiem_desktop.core.audit import grouped
from tinnhiem_desktop.export.seal import Seal
from tinnhiem_desktop.export.report_upward import (
    Report, reported, standing_committee, write_report_pdf, write_report_xlsx,
)
from tinnhiem_desktop.services.export import ReportRequest, export_reports
from tinnhiem_desktop.services.procedure import ProcedureService
from tinnhiem_desktop.services.rounds import RoundService

from conftest import spec_dict

LATER = (date.today() + timedelta(days=1)).isoformat()  # a report is dated on or after the seal it prints

C, T, L = Mark.CAO, Mark.TIN_NHIEM, Mark.THAP
HONG = "Lê Thị Hồng"
FINGERPRINT = "a46bf905a71903bc57d09ef5a88f127ddc358f3268226153d7917b609ef1ef55"
SEAL = Seal("2026-11-27T10:42:00+07:00", HONG, FINGERPRINT, None)


def provincial_spec() -> dict:
    """The two-form round with the director (form 1) and the chief inspector (form 2) managed by
    the provincial standing committee."""
    spec = spec_dict()
    spec["forms"][0]["candidates"][0]["provincial"] = True
    spec["forms"][1]["candidates"][1]["provincial"] = True
    return spec


def ballots():
    first = [Ballot("1", n, BallotStatus.VALID, {1: L if n <= 20 else C, 2: T, 3: C}) for n in range(1, 30)]
    first.append(Ballot("1", 30, BallotStatus.INVALID, {}, "Phiếu không có dấu"))
    second = [Ballot("2", n, BallotStatus.VALID, {1: C, 2: (C, T, L)[n % 3]}) for n in range(1, 11)]
    return {"1": first, "2": second}


@pytest.fixture(scope="module")
def results():
    return round_results(setup_from_dict(provincial_spec(), "test"), ballots())


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def sheet_texts(path: Path) -> list[str]:
    sheet = load_workbook(path).active
    return [cell.value for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]


def sheet_rows(path: Path) -> list[list]:
    sheet = load_workbook(path).active
    return [[cell.value for cell in row] for row in sheet.iter_rows() if isinstance(row[0].value, int)]


def test_only_the_provincial_committees_people_numbered_from_one(results):
    shown = reported(results, provincial=True)
    assert [[(p.candidate.order, p.candidate.name) for p in f.candidates] for f in shown.forms] == [
        [(1, "Nguyễn Văn An")], [(1, "Đặng Văn Tùng")]]
    assert shown.forms[0].tally == results.forms[0].tally  # each form keeps its own figures
    assert reported(results, provincial=False) == results


def test_a_round_with_nobody_marked_has_no_provincial_report(tmp_path):
    plain = round_results(setup_from_dict(spec_dict(), "test"), ballots())
    with pytest.raises(TinNhiemError) as error:
        write_report_pdf(plain, tmp_path / "x.pdf", Report(True, "2026-11-30"))
    assert error.value.code == "no_provincial_candidates"
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("parent, unit, committee", [
    ("ỦY BAN NHÂN DÂN TỈNH AN PHÚ", "SỞ GIAO THÔNG VẬN TẢI", "Tỉnh ủy"),
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", "SỞ XÂY DỰNG", "Thành ủy"),
    ("", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "Tỉnh ủy"),
])
def test_the_standing_committee_is_the_provinces_or_the_citys(parent, unit, committee):
    assert standing_committee(Header(HeaderStyle.STATE, parent, unit)) == committee


def test_the_office_report_as_a_pdf(results, tmp_path):
    report = Report(False, "2026-11-30", "Phòng Tổ chức cán bộ", "Giám đốc", "Nguyễn Văn Bảo",
                    "Biên bản kiểm phiếu và 40 phiếu đã kiểm đã được bàn giao.", TeamVote(29, 1))
    text = pdf_text(write_report_pdf(results, tmp_path / "bao-cao.pdf", report, SEAL))
    for expected in ("SỞ GIAO THÔNG VẬN TẢI", "An Phú, ngày 30 tháng 11 năm 2026", "BÁO CÁO",
                     "Kết quả lấy phiếu tín nhiệm năm 2026", "Kính gửi: Phòng Tổ chức cán bộ",
                     "Hội nghị đã biểu quyết thông qua Ban kiểm phiếu với 29 ý kiến đồng ý, 1 ý kiến không đồng ý.",
                     grouped(FINGERPRINT), "Biên bản kiểm phiếu và 40 phiếu đã kiểm đã được bàn giao.",
                     "Nơi nhận:", "GIÁM ĐỐC", "Nguyễn Văn Bảo"):
        assert expected in text, expected
    for form in results.forms:
        for person in form.candidates:
            assert person.candidate.name in text
            assert vi_percent(person.percents[L], 2) in text
    assert "BẢN NHÁP" not in text


def test_the_provincial_report_as_a_pdf_leaves_the_others_out(results, tmp_path):
    text = pdf_text(write_report_pdf(results, tmp_path / "tinh-uy.pdf", Report(True, "2026-11-30",
                                                                               "Ban Tổ chức Tỉnh ủy")))
    assert "Kết quả lấy phiếu tín nhiệm năm 2026 đối với cán bộ thuộc diện Ban Thường vụ Tỉnh ủy quản lý" in text
    assert "Kính gửi: Ban Tổ chức Tỉnh ủy" in text
    assert "Nguyễn Văn An" in text and "Đặng Văn Tùng" in text
    for other in ("Hoàng Thị Thu Hà", "Vũ Đức Thắng", "Bùi Thị Lan"):
        assert other not in text
    assert "BẢN NHÁP — kết quả chưa chốt" in text  # no seal given
    assert "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ" in text


def test_the_reports_as_workbooks(results, tmp_path):
    office = write_report_xlsx(results, tmp_path / "bao-cao.xlsx",
                               Report(False, "2026-11-30", "Phòng Tổ chức cán bộ", "Giám đốc", "Nguyễn Văn Bảo"), SEAL)
    texts = sheet_texts(office)
    for expected in ("SỞ GIAO THÔNG VẬN TẢI", "An Phú, ngày 30 tháng 11 năm 2026",
                     "BÁO CÁO KẾT QUẢ LẤY PHIẾU TÍN NHIỆM NĂM 2026", "Kính gửi: Phòng Tổ chức cán bộ",
                     "Nơi nhận:", "GIÁM ĐỐC", "Nguyễn Văn Bảo"):
        assert expected in texts, expected
    rows = sheet_rows(office)
    assert [row[:3] for row in rows] == [
        [1, "1 - Lãnh đạo Sở", "Nguyễn Văn An"], [2, "1 - Lãnh đạo Sở", "Hoàng Thị Thu Hà"],
        [3, "1 - Lãnh đạo Sở", "Vũ Đức Thắng"], [4, "2 - Lãnh đạo các phòng", "Bùi Thị Lan"],
        [5, "2 - Lãnh đạo các phòng", "Đặng Văn Tùng"]]
    an = results.forms[0].candidates[0]
    assert rows[0][4:15] == [30, 30, 29, 1, 9, 0.3, 0, 0, 20, float(an.percents[L].scaleb(-2)), 0]

    provincial = write_report_xlsx(results, tmp_path / "tinh-uy.xlsx", Report(True, "2026-11-30"))
    assert [row[2] for row in sheet_rows(provincial)] == ["Nguyễn Văn An", "Đặng Văn Tùng"]
    texts = sheet_texts(provincial)
    assert ("BÁO CÁO KẾT QUẢ LẤY PHIẾU TÍN NHIỆM NĂM 2026 ĐỐI VỚI CÁN BỘ THUỘC DIỆN BAN THƯỜNG VỤ TỈNH ỦY QUẢN LÝ"
            in texts)
    assert "BẢN NHÁP — kết quả chưa chốt, chưa phải báo cáo chính thức." in texts


@pytest.fixture
def sealed_round(tmp_path) -> Path:
    path = tmp_path / "dot-2026.tinnhiem"
    with RoundService.create(path, setup_from_dict(provincial_spec(), "test"), HONG) as service:
        ProcedureService(service).record_team_vote(30, 0)
        for code, keyed in ballots().items():
            for ballot in keyed:
                service.add_ballot(code, ballot.number, ballot.marks, ballot.invalid_reason)
        service.seal(HONG)
        ProcedureService(service).record_handover(HONG, "Nguyễn Văn Bảo", "Giám đốc Sở", "2026-11-27T11:30")
    return path


def test_exporting_a_sealed_rounds_reports_records_them(sealed_round, tmp_path):
    request = ReportRequest(tmp_path / "a.xlsx", tmp_path / "a.pdf", None, tmp_path / "b.pdf", date=LATER,
                            office_to="Phòng Tổ chức cán bộ")
    with RoundService.open(sealed_round, HONG) as service:
        fingerprint = service.info.fingerprint
        written = export_reports(service, request)
        assert written == [tmp_path / "a.xlsx", tmp_path / "a.pdf", tmp_path / "b.pdf"]
        records = ProcedureService(service).records()
        assert service.verify().intact
    assert records[steps.REPORT_OFFICE].data["files"] == ["a.xlsx", "a.pdf"]
    assert records[steps.REPORT_PROVINCIAL].data["recipient"] == "Ban Tổ chức Tỉnh ủy"
    assert records[steps.REPORT_PROVINCIAL].data["fingerprint"] == fingerprint
    text = pdf_text(tmp_path / "b.pdf")
    assert "GIÁM ĐỐC SỞ" in text and "Nguyễn Văn Bảo" in text  # the receiver of the hand-over signs
    assert "đã được đồng chí Lê Thị Hồng bàn giao cho đồng chí Nguyễn Văn Bảo (Giám đốc Sở) lúc 11 giờ 30" in text
    assert "Hội nghị đã biểu quyết thông qua Ban kiểm phiếu với 30 ý kiến đồng ý" in text


def test_a_draft_report_is_written_but_not_recorded(tmp_path):
    path = tmp_path / "dot.tinnhiem"
    with RoundService.create(path, setup_from_dict(provincial_spec(), "test"), HONG) as service:
        export_reports(service, ReportRequest(office_pdf=tmp_path / "nhap.pdf", date=LATER))
        assert ProcedureService(service).records() == {}
    assert "BẢN NHÁP" in pdf_text(tmp_path / "nhap.pdf")


def test_a_report_request_is_checked(sealed_round, tmp_path):
    with RoundService.open(sealed_round, HONG, read_only=True) as service:
        for request, code in ((ReportRequest(), "nothing_to_export"),
                              (ReportRequest(office_pdf=tmp_path / "x.pdf", date="30/11/2026"), "procedure_bad_date")):
            with pytest.raises(TinNhiemError) as error:
                export_reports(service, request)
            assert error.value.code == code
        export_reports(service, ReportRequest(office_pdf=tmp_path / "x.pdf", date=LATER))  # read-only: not recorded
        assert steps.REPORT_OFFICE not in ProcedureService(service).records()


def test_the_command_line_writes_nothing_when_a_report_cannot_be_made(tmp_path, capsys):
    from tinnhiem_desktop import cli
    from unit_rounds import make_round, person

    source = make_round(tmp_path / "so.tinnhiem", "SỞ TÀI CHÍNH", 2026, "qd-96-2023",
                        [person("Nguyễn Văn An", "Giám đốc Sở", 3)], collected=10)  # nobody provincial
    minutes, office, provincial = tmp_path / "bb.pdf", tmp_path / "bc.pdf", tmp_path / "tinh.pdf"
    code = cli.main(["export", str(source), "--minutes", str(minutes), "--report-pdf", str(office),
                     "--provincial-pdf", str(provincial), "--report-date", LATER])
    assert code == 2 and "không có người nào được đánh dấu" in capsys.readouterr().err
    assert not minutes.exists() and not office.exists() and not provincial.exists()

    earlier = (date.today() - timedelta(days=3)).isoformat()  # before today's seal
    code = cli.main(["export", str(source), "--minutes", str(minutes), "--report-pdf", str(office),
                     "--report-date", earlier, "--number", "07"])
    assert code == 2 and "trước ngày chốt kết quả" in capsys.readouterr().err
    assert not minutes.exists() and not office.exists()

    assert cli.main(["export", str(source), "--minutes", str(minutes), "--report-pdf", str(office),
                     "--report-date", LATER, "--number", "07"]) == 0
    assert "Số: 07/BB-BKP" in " ".join(PdfReader(minutes).pages[0].extract_text().split())
    assert "Số: 07/BC-......" in " ".join(PdfReader(office).pages[0].extract_text().split())
