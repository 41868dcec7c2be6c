"""Hostile input, each attack refused or neutralised: formula text in workbooks, CSV injection,
huge declared sheets, foreign schema objects in a round file, absurd sizes, a vanished folder."""

from __future__ import annotations

import csv
import io
import os
import shutil
import sqlite3
import time
import zipfile
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from tinnhiem_desktop.cli import main
from tinnhiem_desktop.core.ballots_csv import parse_ballots_csv
from tinnhiem_desktop.core.issues import TinNhiemError
from tinnhiem_desktop.core.model import Ballot, BallotStatus, Mark
from tinnhiem_desktop.core.spec import setup_from_dict
from tinnhiem_desktop.export.ballots_export import write_ballots_csv
from tinnhiem_desktop.export.wording import describe_error
from tinnhiem_desktop.services.candidates import read_table
from tinnhiem_desktop.services.rounds import RoundService

from conftest import spec_dict, write_csv, write_spec
from unit_rounds import make_round, person

SETUP = setup_from_dict(spec_dict(), "test")
NAME, POSITION = "=1+1", ' =HYPERLINK("http://x","y")'


def run(*args: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


# -- formula text ------------------------------------------------------------------------------


def test_text_that_looks_like_a_formula_stays_text_in_every_workbook(tmp_path):
    units = tmp_path / "don-vi"
    units.mkdir()
    round_file = make_round(units / "a.tinnhiem", "SỞ Y TẾ", 2026, "qd-96-2023",
                            [person(NAME, POSITION, 3), person("Lê Văn Bình", "=cmd|' /C calc'!A0", 0)])
    summary, report = tmp_path / "tong-hop.xlsx", tmp_path / "bao-cao.xlsx"
    assert run("export", round_file, "--summary", summary, "--report-xlsx", report)[0] == 0
    consolidated = tmp_path / "cap-tren.xlsx"
    assert run("consolidate", units, "--xlsx", consolidated)[0] == 0
    for workbook in (summary, report, consolidated):
        cells = [cell for sheet in openpyxl.load_workbook(workbook).worksheets
                 for row in sheet.iter_rows() for cell in row if cell.value is not None]
        assert not [c.coordinate for c in cells if c.data_type == "f"], workbook.name
        for text in (NAME, POSITION.strip(), "=cmd|' /C calc'!A0"):
            kinds = [c.data_type for c in cells if c.value == text]
            assert kinds and set(kinds) == {"s"}, (workbook.name, text)


# -- CSV injection ------------------------------------------------------------------------------

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def test_csv_cells_a_spreadsheet_would_run_are_quoted_and_read_back(tmp_path):
    forms = [{"id": code, "title": "Lãnh đạo", "summoned": 5, "present": 5, "issued": 5, "collected": 5,
              "candidates": [{"name": "Nguyễn Văn An", "position": "Giám đốc"}]}
             for code in ("=1+1", "+2", "-3", "@SUM(A1)", "'=4", "5")]
    setup = setup_from_dict(spec_dict(forms=forms), "test")
    ballots = [Ballot(form.code, 1, BallotStatus.VALID, {1: Mark.CAO}) for form in setup.forms]
    ballots.append(Ballot("5", 2, BallotStatus.INVALID, {}, "=HYPERLINK(\"http://x\",\"y\")"))
    target = write_ballots_csv(setup, ballots, tmp_path / "phieu.csv")
    text = target.read_text(encoding="utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]
    assert not [cell for cell in cells if cell.startswith(FORMULA_STARTS)]
    assert {"'=1+1", "'+2", "'-3", "'@SUM(A1)", "''=4"} <= set(cells)
    assert parse_ballots_csv(text, "phieu.csv", setup) == ballots


def test_a_hand_made_csv_may_name_a_form_without_the_quote():
    forms = [{"id": "=1+1", "title": "Lãnh đạo", "summoned": 5, "present": 5, "issued": 5, "collected": 5,
              "candidates": [{"name": "Nguyễn Văn An", "position": "Giám đốc"}]}]
    setup = setup_from_dict(spec_dict(forms=forms), "test")
    assert parse_ballots_csv("form,ballot,status,1\n=1+1,1,valid,1\n", "phieu.csv", setup) == [
        Ballot("=1+1", 1, BallotStatus.VALID, {1: Mark.CAO})]


# -- a huge declared sheet ----------------------------------------------------------------------

HUGE_SHEET = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<dimension ref="A1:XFD1048576"/><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>Họ và tên</t></is></c></row>
<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>
</sheetData></worksheet>"""


def tiny_xlsx(path: Path, sheet_xml: str) -> Path:
    """A workbook of one sheet written by hand, so that it can declare whatever it likes."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
        "_rels/.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{relations}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            f'<workbook xmlns="{main}" xmlns:r="{relations}"><sheets>'
            '<sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{relations}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
        "xl/worksheets/sheet1.xml": sheet_xml,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


def test_a_sheet_declaring_a_million_rows_is_refused_at_once(tmp_path):
    path = tiny_xlsx(tmp_path / "ds.xlsx", HUGE_SHEET)
    assert path.stat().st_size < 2000
    started = time.monotonic()
    with pytest.raises(TinNhiemError) as caught:
        read_table(path)
    assert time.monotonic() - started < 2
    assert caught.value.code == "spreadsheet_too_large"
    assert str(path) in describe_error(caught.value)


@pytest.mark.parametrize("cell", ["A5001", "AY2"])
def test_a_list_beyond_the_rows_or_columns_a_list_can_have_is_refused(tmp_path, cell):
    book = openpyxl.Workbook()
    book.active["A1"] = "Họ và tên"
    book.active[cell] = "Nguyễn Văn An"
    book.save(tmp_path / "ds.xlsx")
    with pytest.raises(TinNhiemError) as caught:
        read_table(tmp_path / "ds.xlsx")
    assert caught.value.code == "spreadsheet_too_large"


def test_a_list_at_the_bounds_reads(tmp_path):
    book = openpyxl.Workbook()
    book.active["A1"] = "Họ và tên"
    book.active["AX5000"] = "Nguyễn Văn An"
    book.save(tmp_path / "ds.xlsx")
    assert len(read_table(tmp_path / "ds.xlsx").rows) == 5000


# -- schema objects that are not ours -----------------------------------------------------------

RECURSIVE_VIEW = "CREATE VIEW v AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM r) SELECT n FROM r"
TRIGGER = "CREATE TRIGGER t AFTER INSERT ON mark BEGIN UPDATE mark SET value='thap' WHERE rowid=new.rowid; END"
FOREIGN = {
    "view": (RECURSIVE_VIEW, "view v"),
    "trigger": (TRIGGER, "trigger t"),
    "table": ("CREATE TABLE notes (text TEXT)", "table notes"),
    "index": ("CREATE INDEX by_value ON mark (value)", "index by_value"),
    "virtual": ("CREATE VIRTUAL TABLE search USING rtree(id, a, b)", "table search"),
}


@pytest.fixture
def round_with(tmp_path, request):
    path = tmp_path / "dot.tinnhiem"
    RoundService.create(path, SETUP, "Lê Thị Hồng").close()
    connection = sqlite3.connect(path)
    connection.execute(FOREIGN[request.param][0])
    connection.commit()
    connection.close()
    return path, FOREIGN[request.param][1]


@pytest.mark.parametrize("round_with", sorted(FOREIGN), indirect=True)
@pytest.mark.parametrize("read_only", [False, True])
def test_a_round_file_holding_objects_that_are_not_ours_is_refused_untouched(round_with, read_only):
    path, named = round_with
    before = path.read_bytes()
    started = time.monotonic()
    with pytest.raises(TinNhiemError) as caught:
        RoundService.open(path, "Lê Thị Hồng", read_only=read_only)
    assert time.monotonic() - started < 1
    assert caught.value.code == "round_file_foreign_objects"
    assert named in describe_error(caught.value) and str(path) in describe_error(caught.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["dot.tinnhiem"]


@pytest.mark.parametrize("round_with", ["view", "trigger"], indirect=True)
def test_verify_reports_the_foreign_objects_as_an_alteration(round_with):
    path, named = round_with
    before = path.read_bytes()
    started = time.monotonic()
    code, out, _ = run("verify", path)
    assert time.monotonic() - started < 1
    assert code == 1 and "TỆP KHÔNG NGUYÊN VẸN" in out and named in out
    assert path.read_bytes() == before


@pytest.mark.parametrize("round_with", ["view"], indirect=True)
def test_reading_the_schema_of_a_recursive_view_is_safe(round_with):
    """The check reads sqlite_master: SQLite parses the view there but runs it only when queried."""
    path, _ = round_with
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    started = time.monotonic()
    kinds = [row[0] for row in connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")]
    connection.close()
    assert "view" in kinds and time.monotonic() - started < 1


def test_a_trigger_never_gets_to_change_a_mark(tmp_path):
    path = tmp_path / "dot.tinnhiem"
    RoundService.create(path, SETUP, "Lê Thị Hồng").close()
    connection = sqlite3.connect(path)
    connection.execute(TRIGGER)
    connection.commit()
    connection.close()
    with pytest.raises(TinNhiemError):
        with RoundService.open(path, "Lê Thị Hồng") as service:
            service.add_ballot("1", 1, {1: Mark.CAO, 2: Mark.CAO, 3: Mark.CAO})
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT count(*) FROM mark").fetchone() == (0,)
    connection.close()


def test_our_own_files_pass_the_check(tmp_path):
    path = tmp_path / "dot.tinnhiem"
    with RoundService.create(path, SETUP, "Lê Thị Hồng") as service:
        service.add_ballot("1", 1, {1: Mark.CAO, 2: Mark.CAO, 3: Mark.CAO})
    with RoundService.open(path, "Lê Thị Hồng", read_only=True) as service:
        assert len(service.ballots()) == 1


# -- sizes --------------------------------------------------------------------------------------


@pytest.mark.parametrize("place, value, code, path", [
    (("forms", 0, "candidates", 0, "name"), "A" * 301, "spec_text_too_long", "forms[0].candidates[0].name"),
    (("forms", 0, "candidates", 1, "position"), "B" * 301, "spec_text_too_long", "forms[0].candidates[1].position"),
    (("forms", 1, "title"), "C" * 301, "spec_text_too_long", "forms[1].title"),
    (("title",), "D" * 301, "spec_text_too_long", "title"),
    (("forms", 0, "collected"), 10_000_001, "spec_integer_too_large", "forms[0].collected"),
    (("forms", 0, "summoned"), 10 ** 30, "spec_integer_too_large", "forms[0].summoned"),
    (("year",), 10 ** 20, "spec_integer_too_large", "year"),
])
def test_a_round_definition_past_the_sizes_is_refused_naming_where(tmp_path, place, value, code, path):
    data = spec_dict()
    target = data
    for step in place[:-1]:
        target = target[step]
    target[place[-1]] = value
    spec = write_spec(tmp_path / "dot.json", data)
    code_, _, err = run("new", tmp_path / "dot.tinnhiem", "--spec", spec)
    assert code_ == 2 and err.count("\n") == 1 and path in err and str(spec) in err
    assert "Lỗi không mong đợi" not in err
    assert not (tmp_path / "dot.tinnhiem").exists()
    with pytest.raises(TinNhiemError) as caught:
        setup_from_dict(data, "dot.json")
    assert caught.value.code == code


def test_a_setup_made_in_the_window_past_the_sizes_is_refused_before_it_is_stored(tmp_path):
    long_name = replace(SETUP.forms[0].candidates[0], name="A" * 301)
    form = replace(SETUP.forms[0], candidates=(long_name, *SETUP.forms[0].candidates[1:]))
    setup = replace(SETUP, forms=(form, *SETUP.forms[1:]))
    with pytest.raises(TinNhiemError) as caught:
        RoundService.create(tmp_path / "dot.tinnhiem", setup, "Lê Thị Hồng")
    assert caught.value.code == "spec_text_too_long"
    assert not (tmp_path / "dot.tinnhiem").exists()
    with RoundService.create(tmp_path / "dot.tinnhiem", SETUP, "Lê Thị Hồng") as service:
        with pytest.raises(TinNhiemError):
            service.replace_setup(setup)
    with RoundService.open(tmp_path / "dot.tinnhiem", "Lê Thị Hồng") as service:
        assert service.setup == SETUP


@pytest.mark.parametrize("row, code, where", [
    (["1", "100001", "valid", "1", "1", "1"], "ballot_number_too_large", "dòng 2, cột 2"),
    (["1", str(10 ** 20), "valid", "1", "1", "1"], "ballot_number_too_large", "dòng 2, cột 2"),
    (["1", "1", "invalid:" + "x" * 301], "text_too_long", "dòng 2, cột 3"),
])
def test_a_ballots_row_past_the_sizes_is_refused_naming_the_line(tmp_path, row, code, where):
    path = write_csv(tmp_path / "phieu.csv", [row], width=3)
    with pytest.raises(TinNhiemError) as caught:
        parse_ballots_csv(path.read_text(encoding="utf-8"), str(path), SETUP)
    assert caught.value.code == code
    assert where in describe_error(caught.value) and str(path) in describe_error(caught.value)


def test_more_ballots_than_can_be_right_are_refused_at_the_first_line_too_many(tmp_path):
    summoned = SETUP.forms[1].counts.summoned  # 10: at most 30 of its ballots in a file
    rows = [["2", str(number), "valid", "1", "1"] for number in range(1, 3 * summoned + 2)]
    path = write_csv(tmp_path / "phieu.csv", rows, width=2)
    with pytest.raises(TinNhiemError) as caught:
        parse_ballots_csv(path.read_text(encoding="utf-8"), str(path), SETUP)
    assert caught.value.code == "csv_too_many_ballots"
    assert f"dòng {3 * summoned + 2}" in describe_error(caught.value)
    assert len(parse_ballots_csv(path.read_text(encoding="utf-8").rsplit("\n", 2)[0], "phieu.csv", SETUP)) == 30


def test_a_ballot_number_past_the_bound_is_refused_when_keyed(tmp_path):
    with RoundService.create(tmp_path / "dot.tinnhiem", SETUP, "Lê Thị Hồng") as service:
        with pytest.raises(TinNhiemError) as caught:
            service.add_ballot("1", 10 ** 20, {1: Mark.CAO})
        assert caught.value.code == "ballot_number_too_large"
        assert service.ballots() == []


@pytest.mark.parametrize("args", [
    ["station", "{round}", "{folder}/may.tinnhiem", "--name", "Máy 2", "--first", str(10 ** 30)],
    ["station", "{round}", "{folder}/may.tinnhiem", "--name", "Máy 2", "--first", "1", "--last", "100001"],
    ["seal", "{round}", "--by", "x" * 301],
    ["export", "{round}", "--blank-ballots", "{folder}/p.pdf", "--copies", str(10 ** 9)],
])
def test_command_line_values_past_the_sizes_are_refused(tmp_path, args):
    round_file = tmp_path / "dot.tinnhiem"
    RoundService.create(round_file, SETUP, "Lê Thị Hồng").close()
    before = round_file.read_bytes()
    code, _, err = run(*(a.format(round=round_file, folder=tmp_path) for a in args))
    assert code == 2 and err.count("\n") == 1 and "Lỗi không mong đợi" not in err
    assert round_file.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dot.tinnhiem"]


# -- the round's folder deleted or made read-only -----------------------------------------------

MARKS = {1: Mark.CAO, 2: Mark.TIN_NHIEM, 3: Mark.THAP}


@pytest.mark.parametrize("how", ["folder deleted", "file moved", "file replaced"])
def test_a_round_file_gone_mid_session_is_reported_at_the_next_ballot(tmp_path, how):
    folder = tmp_path / "dot"
    folder.mkdir()
    path = folder / "dot.tinnhiem"
    service = RoundService.create(path, SETUP, "Lê Thị Hồng")
    service.add_ballot("1", 1, MARKS)
    if how == "folder deleted":
        shutil.rmtree(folder)
    elif how == "file moved":
        path.rename(tmp_path / "khac.tinnhiem")
    else:
        shutil.copy(path, tmp_path / "ban-sao.tinnhiem")
        os.replace(tmp_path / "ban-sao.tinnhiem", path)
    for number in range(2, 42):
        with pytest.raises(TinNhiemError) as caught:
            service.add_ballot("1", number, MARKS)
        assert caught.value.code == "round_file_gone"
        assert str(path) in describe_error(caught.value)
    assert [b.number for b in service.ballots()] == [1]
    service.close()


def test_a_write_sqlite_refuses_is_a_coded_error(tmp_path):
    """What a folder or medium made read-only gives: SQLite refuses the write."""
    path = tmp_path / "dot.tinnhiem"
    with RoundService.create(path, SETUP, "Lê Thị Hồng") as service:
        service._repo._database.connection.execute("PRAGMA query_only=ON")
        with pytest.raises(TinNhiemError) as caught:
            service.add_ballot("1", 1, MARKS)
        assert caught.value.code == "write_failed"
        assert "Lỗi không mong đợi" not in describe_error(caught.value)


def test_a_schema_name_that_is_not_utf8_is_a_coded_refusal(tmp_path):
    path = tmp_path / "dot.tinnhiem"
    RoundService.create(path, SETUP, "Lê Thị Hồng").close()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA writable_schema=ON")
    connection.execute("UPDATE sqlite_master SET tbl_name = CAST(X'6D61726B80' AS TEXT) WHERE name = 'mark'")
    connection.commit()
    connection.close()
    for read_only in (False, True):
        with pytest.raises(TinNhiemError) as caught:
            RoundService.open(path, "Lê Thị Hồng", read_only=read_only)
        assert describe_error(caught.value)
