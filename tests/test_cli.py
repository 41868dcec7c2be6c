"""tinnhiem-cli end to end: new, import-ballots, results, verify; exit codes and messages."""

from __future__ import annotations

import io
import json
import sqlite3
from contextlib import redirect_stderr, redirect_stdout
import subprocess
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from tinnhiem_desktop.cli import main

from conftest import DEMO_BALLOTS, DEMO_SPEC, spec_dict, write_csv, write_spec

CLI = Path(sys.executable).with_name("tinnhiem-cli")


def run(*args: object) -> subprocess.CompletedProcess:
    """The installed console script, as a user runs it."""
    return subprocess.run([str(CLI), *map(str, args)], capture_output=True, text=True, encoding="utf-8")


def cli(capsys, *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def run_here(*args: object) -> subprocess.CompletedProcess:
    """The same command in this process: the arithmetic scenarios need no new interpreter."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([str(a) for a in args])
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


# -- the scenario of the issue: 30 ballots, exact 2/3, half-up -------------------------------

THIRTY = {
    "id": "1",
    "title": "Lãnh đạo Sở",
    "summoned": 36, "present": 33, "issued": 32, "collected": 30,
    "candidates": [
        {"name": "Nguyễn Văn An", "position": "Giám đốc Sở"},
        {"name": "Hoàng Thị Thu Hà", "position": "Phó Giám đốc Sở"},
        {"name": "Vũ Đức Thắng", "position": "Phó Giám đốc Sở"},
    ],
}


def thirty_ballots() -> list[list[str]]:
    """Candidate 1: 20 thấp, 10 cao. Candidate 2: 19 thấp, 11 tín nhiệm.
    Candidate 3: 15 thấp, ballot 16 no mark, ballot 17 two marks, 13 cao."""
    rows = []
    for n in range(1, 31):
        first = "3" if n <= 20 else "1"
        second = "3" if n <= 19 else "2"
        third = "3" if n <= 15 else {16: "0", 17: "x"}.get(n, "1")
        rows.append(["1", str(n), "valid", first, second, third])
    return rows


def counted_round(tmp_path: Path, **spec) -> Path:
    round_file = tmp_path / "dot.tinnhiem"
    assert run_here("new", round_file, "--spec", write_spec(tmp_path / "dot.json", spec_dict(forms=[THIRTY], **spec))).returncode == 0
    result = run_here("import-ballots", round_file, write_csv(tmp_path / "phieu.csv", thirty_ballots(), width=3))
    assert result.returncode == 0, result.stderr
    return round_file


def results_json(round_file: Path) -> dict:
    result = run_here("results", round_file, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_exact_two_thirds_and_half_up_on_collected(tmp_path):
    document = results_json(counted_round(tmp_path, rule="qd-96-2023"))
    (form,) = document["forms"]
    assert form["counts"] == {"summoned": 36, "present": 33, "issued": 32, "collected": 30,
                              "keyed": 30, "valid": 30, "invalid": 0}
    assert form["base"] == {"kind": "collected", "value": 30}
    first, second, third = form["candidates"]
    assert first["votes"] == {"cao": 10, "tin_nhiem": 0, "thap": 20, "not_counted": 0}
    assert first["percent"] == {"cao": "33.33", "tin_nhiem": "0.00", "thap": "66.67"}
    assert first["flags"] == ["thap_two_thirds_or_more"]
    assert second["percent"] == {"cao": "0.00", "tin_nhiem": "36.67", "thap": "63.33"}
    assert second["flags"] == ["thap_over_half"]
    assert third["votes"] == {"cao": 13, "tin_nhiem": 0, "thap": 15, "not_counted": 2}
    assert third["percent"]["thap"] == "50.00"
    assert third["flags"] == []  # exactly 1/2 is not "over half"
    assert {i["code"] for i in document["issues"]} == set()  # 33 of 36 present: quorum met


def test_summoned_base_of_the_assembly_resolution(tmp_path):
    first, second, third = results_json(counted_round(tmp_path, rule="nq-35-2012"))["forms"][0]["candidates"]
    assert first["percent"] == {"cao": "27.78", "tin_nhiem": "0.00", "thap": "55.56"}  # of 36 summoned
    assert first["flags"] == ["thap_over_half"]  # 20/36 is not over 2/3
    assert third["percent"]["thap"] == "41.67" and third["flags"] == []


def test_valid_for_person_base_and_three_decimals(tmp_path):
    round_file = counted_round(tmp_path, rule="qd-96-2023", percent_base="valid_for_person", decimals=3)
    document = results_json(round_file)
    third = document["forms"][0]["candidates"][2]
    assert document["forms"][0]["base"] == {"kind": "valid_for_person", "value": None}
    assert third["base"] == 28
    assert third["percent"] == {"cao": "46.429", "tin_nhiem": "0.000", "thap": "53.571"}
    assert third["flags"] == ["thap_over_half"]
    text = run_here("results", round_file).stdout
    assert "53,571%" in text and "điều chỉnh so với quy tắc gốc" in text


@pytest.mark.parametrize("rule", ["huong-dan-2013", "qd-262-2014", "qd-96-2023", "nq-35-2012", "nq-85-2014", "nq-96-2023"])
def test_every_preset_matches_hand_computation_on_its_base(tmp_path, rule):
    base = {"nq-35-2012": 36, "nq-85-2014": 36}.get(rule, 30)
    document = results_json(counted_round(tmp_path, rule=rule))
    assert document["round"]["rule"] == rule
    for candidate in document["forms"][0]["candidates"]:
        for level, count in candidate["votes"].items():
            if level == "not_counted":
                continue
            by_hand = (Decimal(count) * 100 / Decimal(base)).quantize(Decimal("0.01"), ROUND_HALF_UP)
            assert candidate["percent"][level] == str(by_hand)


def test_one_in_eight_hundred_is_rounded_half_up(tmp_path):
    form = {**THIRTY, "summoned": 800, "present": 800, "issued": 800, "collected": 800}
    round_file = tmp_path / "dot.tinnhiem"
    run_here("new", round_file, "--spec", write_spec(tmp_path / "dot.json", spec_dict(forms=[form])))
    rows = [["1", str(n), "valid", "3" if n == 1 else "1", "1", "1"] for n in range(1, 801)]
    run_here("import-ballots", round_file, write_csv(tmp_path / "phieu.csv", rows, width=3))
    first = results_json(round_file)["forms"][0]["candidates"][0]
    assert first["percent"]["thap"] == "0.13"  # 0.125 rounds up, not to even
    assert first["percent"]["cao"] == "99.88"  # 99.875


# -- the demo round, the readable table, verify ----------------------------------------------


def test_demo_round_through_every_command(tmp_path):
    round_file = tmp_path / "demo.tinnhiem"
    created = run("new", round_file, "--spec", DEMO_SPEC)
    assert created.returncode == 0 and "Đã tạo đợt lấy phiếu" in created.stdout
    imported = run("import-ballots", round_file, DEMO_BALLOTS)
    assert imported.returncode == 0 and "Đã thêm 101 phiếu" in imported.stdout
    table = run("results", round_file)
    assert table.returncode == 0
    assert "Nguyễn Văn An" in table.stdout and "Tín nhiệm thấp trên 1/2" in table.stdout
    assert "Tỷ lệ % tính trên tổng số phiếu thu về" in table.stdout
    assert "chưa chốt" in table.stdout
    verified = run("verify", round_file)
    assert verified.returncode == 0 and "Tệp nguyên vẹn" in verified.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.tinnhiem"]


def test_verify_exits_1_naming_a_mark_changed_with_an_sqlite_editor(tmp_path):
    round_file = counted_round(tmp_path)
    connection = sqlite3.connect(round_file)
    connection.execute("UPDATE mark SET value='cao' WHERE candidate_seq=1 AND ballot_id=(SELECT id FROM ballot WHERE number=5)")
    connection.commit()
    connection.close()
    result = run("verify", round_file)
    assert result.returncode == 1
    assert "Phiếu số 5, người thứ 1: trong tệp là 'tín nhiệm cao', theo nhật ký là 'tín nhiệm thấp'" in result.stdout


def test_verify_exits_2_on_a_file_that_is_not_a_round(tmp_path):
    other = tmp_path / "baocao.tinnhiem"
    other.write_bytes(b"PK\x03\x04 not a round")
    result = run("verify", other)
    assert result.returncode == 2
    assert result.stderr.strip() == f"Tệp '{other}' không phải là tệp đợt lấy phiếu (.tinnhiem) của Tín Nhiệm Desktop. Tệp không bị thay đổi."
    assert other.read_bytes() == b"PK\x03\x04 not a round"


# -- bad input: one line, exit 2, nothing written --------------------------------------------


def test_malformed_json_names_file_line_and_column(tmp_path, capsys):
    spec = tmp_path / "dot.json"
    spec.write_text('{\n  "title": "Đợt 2026",\n  "year": 2026,,\n}', encoding="utf-8")
    code, out, err = cli(capsys, "new", tmp_path / "dot.tinnhiem", "--spec", spec)
    assert code == 2 and out == ""
    assert err.startswith(f"Tệp '{spec}', dòng 3, cột 16: JSON sai cú pháp")
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "dot.tinnhiem").exists()


def test_a_definition_missing_a_candidate_name_names_where(tmp_path, capsys):
    data = spec_dict()
    del data["forms"][0]["candidates"][1]["name"]
    code, _, err = cli(capsys, "new", tmp_path / "dot.tinnhiem", "--spec", write_spec(tmp_path / "d.json", data))
    assert code == 2
    assert "mục forms[0].candidates[1].name: thiếu mục 'name'" in err
    assert list(tmp_path.iterdir()) == [tmp_path / "d.json"]


@pytest.mark.parametrize(
    ("row", "where", "words"),
    [
        (["9", "1", "valid", "1"], "dòng 3, cột 1", "không có loại phiếu '9'"),
        (["1", "2", "valid", "7"], "dòng 3, cột 4", "ô đánh dấu '7' không hợp lệ"),
        (["2", "2", "valid", "1", "1", "1"], "dòng 3, cột 6", "chỉ có 2 người; không có người thứ 3"),
        (["1", "1", "valid", "1"], "dòng 3, cột 2", "phiếu số 1 của loại phiếu '1' đã có"),
        (["1", "hai", "valid"], "dòng 3, cột 2", "số phiếu 'hai' không hợp lệ"),
        (["1", "2", "hợp lệ"], "dòng 3, cột 3", "trạng thái 'hợp lệ' không hợp lệ"),
        (["1", "2", "invalid", "", "?"], "dòng 3, cột 5", "phiếu số 2 không hợp lệ nên không có ô nào chờ nhập"),
    ],
    ids=["unknown-form", "mark-7", "column-out-of-range", "duplicate", "number", "status", "not-keyed-on-invalid"],
)
def test_a_bad_csv_row_names_file_line_column_and_changes_nothing(tmp_path, capsys, spec_file, row, where, words):
    round_file = tmp_path / "dot.tinnhiem"
    assert cli(capsys, "new", round_file, "--spec", spec_file)[0] == 0
    ballots = write_csv(tmp_path / "phieu.csv", [["1", "1", "valid", "1", "2", "3"], row], width=3)
    code, out, err = cli(capsys, "import-ballots", round_file, ballots)
    assert code == 2 and out == ""
    assert err.strip() == err.strip().splitlines()[0]
    assert err.startswith(f"Tệp '{ballots}', {where}: ") and words in err
    assert json.loads(run_here("results", round_file, "--json").stdout)["forms"][0]["counts"]["keyed"] == 0


@pytest.mark.parametrize(
    "args",
    [[], ["results"], ["xoa", "a.tinnhiem"], ["new", "a.tinnhiem"], ["results", "a.tinnhiem", "--pdf"]],
    ids=["nothing", "no-file", "unknown-command", "no-spec", "unknown-option"],
)
def test_bad_arguments_are_one_line_and_exit_2(args):
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("Tham số không đúng:")
    assert "Traceback" not in result.stderr


def test_a_missing_round_file_is_named(tmp_path):
    result = run("results", tmp_path / "khong-co.tinnhiem")
    assert result.returncode == 2
    assert result.stderr.strip() == f"Không tìm thấy tệp '{tmp_path / 'khong-co.tinnhiem'}'."


def test_more_ballots_than_collected_is_imported_with_a_warning(tmp_path, spec_file):
    round_file = tmp_path / "dot.tinnhiem"
    run_here("new", round_file, "--spec", spec_file)
    rows = [["2", str(n), "valid", "1", "2"] for n in range(1, 12)]
    result = run_here("import-ballots", round_file, write_csv(tmp_path / "phieu.csv", rows, width=2))
    assert result.returncode == 0
    assert "Cảnh báo" in result.stderr and "(11) nhiều hơn số phiếu thu về (10)" in result.stderr
