"""Hostile input, each attack refused or neutralised: formula text in workbooks, CSV injection,
huge declared sheets, foreign schema objects in a round file, absurd sizes, a vanished folder."""

from __future__ import annotations

import csv
import io
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import openpyxl
import pytest

from tinnhiem_desktop.cli import main
from tinnhiem_desktop.core.ballots_csv import parse_ballots_csv
from tinnhiem_desktop.core.model import Ballot, BallotStatus, Mark
from tinnhiem_desktop.core.spec import setup_from_dict
from tinnhiem_desktop.export.ballots_export import write_ballots_csv

from conftest import spec_dict
from unit_rounds import make_round, person

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
