"""Hostile input, each attack refused or neutralised: formula text in workbooks, CSV injection,
huge declared sheets, foreign schema objects in a round file, absurd sizes, a vanished folder."""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import openpyxl
import pytest

from tinnhiem_desktop.cli import main

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
