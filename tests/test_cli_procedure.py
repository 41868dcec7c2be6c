"""tinnhiem-cli for the procedure: the checklist, blank ballots and reports recorded by `export`,
the reports upward, a verify that also checks the procedure's records, a correction keeping them."""

from __future__ import annotations

import json
from datetime import date, timedelta
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tinnhiem_desktop.cli import main
from tinnhiem_desktop.core import procedure as steps
from tinnhiem_desktop.services.procedure import ProcedureService
from tinnhiem_desktop.services.rounds import RoundService

from tinnhiem_desktop.export.dates import vi_date

from conftest import spec_dict, write_csv, write_spec

LATER = date.today() + timedelta(days=1)  # a report is dated on or after the seal it prints


def cli(capsys, *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def round_file(tmp_path, capsys) -> Path:
    spec = spec_dict()
    spec["forms"][0]["candidates"][2]["provincial"] = True
    path = tmp_path / "dot.tinnhiem"
    assert cli(capsys, "new", path, "--spec", write_spec(tmp_path / "spec.json", spec))[0] == 0
    return path


def sealed(path: Path, tmp_path: Path, capsys) -> Path:
    rows = [["1", str(n), "valid", "1", "2", "3" if n <= 16 else "1"] for n in range(1, 31)]
    rows += [["2", str(n), "valid", "2", "1"] for n in range(1, 11)]
    assert cli(capsys, "import-ballots", path, write_csv(tmp_path / "b.csv", rows, width=3))[0] == 0
    assert cli(capsys, "seal", path, "--by", "Lê Thị Hồng")[0] == 0
    return path


def test_the_checklist_says_what_is_missing(round_file, capsys):
    code, out, err = cli(capsys, "checklist", round_file, "--today", "2026-11-25")
    assert code == 0 and err == ""
    assert "Hạn nộp bản tự nhận xét, đánh giá: thứ Ba, 24/11/2026" in out
    assert "Chưa nhận bản tự nhận xét, đánh giá của đồng chí Vũ Đức Thắng (hạn nộp 24/11/2026 đã qua)." in out
    assert "[ ] In phiếu trắng" in out and "[x] Đề xuất Ban kiểm phiếu (có Trưởng ban)" in out
    assert "Báo cáo riêng cán bộ thuộc diện Ban Thường vụ Tỉnh ủy quản lý" in out
    code, _, err = cli(capsys, "checklist", round_file, "--today", "25/11/2026")
    assert code == 2 and "Ngày '25/11/2026' không hợp lệ" in err


def test_printing_blank_ballots_from_the_command_line_is_recorded(round_file, tmp_path, capsys):
    code, out, _ = cli(capsys, "export", round_file, "--blank-ballots", tmp_path / "trang.pdf", "--copies", 1)
    assert code == 0 and "trang.pdf" in out
    _, out, _ = cli(capsys, "checklist", round_file)
    assert "[x] In phiếu trắng" in out
    code, out, _ = cli(capsys, "verify", round_file)
    assert code == 0 and "Tệp nguyên vẹn" in out


def test_the_file_held_by_a_writer_is_still_exported_but_not_recorded(round_file, tmp_path, capsys):
    with RoundService.open(round_file, "Lê Thị Hồng"):
        code, out, err = cli(capsys, "export", round_file, "--blank-ballots", tmp_path / "trang.pdf", "--copies", 1)
    assert code == 0 and (tmp_path / "trang.pdf").exists()
    assert "không được ghi nhận vào quy trình" in err
    with RoundService.open(round_file, "x", read_only=True) as service:
        assert ProcedureService(service).records() == {}


def test_the_reports_upward_from_the_command_line(round_file, tmp_path, capsys):
    sealed(round_file, tmp_path, capsys)
    code, out, err = cli(capsys, "export", round_file, "--report-xlsx", tmp_path / "bc.xlsx",
                         "--report-pdf", tmp_path / "bc.pdf", "--provincial-xlsx", tmp_path / "tu.xlsx",
                         "--provincial-pdf", tmp_path / "tu.pdf", "--report-date", LATER.isoformat(),
                         "--report-to", "Phòng Tổ chức cán bộ")
    assert code == 0, err
    assert [line.removeprefix("Đã ghi ") for line in out.splitlines()] == [
        str(tmp_path / name) for name in ("bc.xlsx", "bc.pdf", "tu.xlsx", "tu.pdf")]
    office = " ".join(PdfReader(tmp_path / "bc.pdf").pages[0].extract_text().split())
    assert "Kính gửi: Phòng Tổ chức cán bộ" in office and vi_date(LATER.isoformat()) in office
    names = [row[2].value for row in load_workbook(tmp_path / "tu.xlsx").active.iter_rows()
             if isinstance(row[0].value, int)]
    assert names == ["Vũ Đức Thắng"]
    provincial = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(tmp_path / "tu.pdf").pages)
    assert "Kính gửi: Ban Tổ chức Tỉnh ủy" in provincial and "Nguyễn Văn An" not in provincial
    _, out, _ = cli(capsys, "checklist", round_file)
    assert "[x] Báo cáo kết quả gửi cơ quan tham mưu" in out and "[x] Báo cáo riêng cán bộ" in out
    code, out, _ = cli(capsys, "verify", round_file)
    assert code == 0 and "Tệp nguyên vẹn" in out


def test_reports_need_a_provincial_person_and_a_good_date(tmp_path, capsys):
    path = tmp_path / "dot.tinnhiem"
    cli(capsys, "new", path, "--spec", write_spec(tmp_path / "spec.json", spec_dict()))
    code, _, err = cli(capsys, "export", path, "--provincial-pdf", tmp_path / "tu.pdf")
    assert code == 2 and "không có người nào được đánh dấu thuộc diện Ban Thường vụ Tỉnh ủy" in err
    code, _, err = cli(capsys, "export", path, "--report-pdf", tmp_path / "bc.pdf", "--report-date", "30-11-2026")
    assert code == 2 and "Ngày '30-11-2026' không hợp lệ" in err
    assert not (tmp_path / "tu.pdf").exists() and not (tmp_path / "bc.pdf").exists()


def test_verify_finds_a_procedure_record_changed_behind_the_programs_back(round_file, tmp_path, capsys):
    cli(capsys, "export", round_file, "--blank-ballots", tmp_path / "trang.pdf", "--copies", 1)
    with sqlite3.connect(round_file) as db:
        db.execute("UPDATE procedure_record SET data = ? WHERE key = ?",
                   (json.dumps({"copies": {"1": 60, "2": 20}}), steps.BLANK_BALLOTS))
    db.close()
    code, out, _ = cli(capsys, "verify", round_file)
    assert code == 1
    assert "Ghi nhận 'blank_ballots' của quy trình trong tệp khác với nhật ký." in out


def test_a_correction_keeps_the_procedure_before_the_seal(round_file, tmp_path, capsys):
    with RoundService.open(round_file, "Lê Thị Hồng") as service:
        ProcedureService(service).record_team_vote(30, 0)
    sealed(round_file, tmp_path, capsys)
    code, _, err = cli(capsys, "correct", round_file, tmp_path / "dinh-chinh.tinnhiem", "--reason", "Nhập sai")
    assert code == 0, err
    _, out, _ = cli(capsys, "checklist", tmp_path / "dinh-chinh.tinnhiem")
    assert "[x] Hội nghị biểu quyết thông qua Ban kiểm phiếu" in out
