"""The ballots CSV export reads back through the importer to exactly the same ballots."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings

from tinnhiem_desktop.core.ballots_csv import parse_ballots_csv
from tinnhiem_desktop.core.model import Ballot, BallotStatus, Mark
from tinnhiem_desktop.core.spec import setup_from_dict
from tinnhiem_desktop.export.ballots_export import write_ballots_csv
from tinnhiem_desktop.services.export import ExportRequest, export_documents
from tinnhiem_desktop.services.rounds import RoundService

from conftest import keyed_ballots, spec_dict

SETUP = setup_from_dict(spec_dict(), "test")  # form 1: 3 people, form 2: 2
BOM = b"\xef\xbb\xbf"
C, T, L, N, X = Mark.CAO, Mark.TIN_NHIEM, Mark.THAP, Mark.NO_MARK, Mark.MULTI


def read_back(target: Path) -> list[Ballot]:
    return parse_ballots_csv(target.read_bytes().decode("utf-8"), target.name, SETUP)



@settings(max_examples=200, deadline=None)
@given(keyed_ballots(SETUP))
def test_export_reads_back_to_the_same_ballots(ballots):
    order = {form.code: index for index, form in enumerate(SETUP.forms)}
    with tempfile.TemporaryDirectory() as folder:
        target = write_ballots_csv(SETUP, ballots, Path(folder) / "phieu.csv")
        assert target.read_bytes().startswith(BOM)
        assert read_back(target) == sorted(ballots, key=lambda b: (order[b.form], b.number))


def test_utf8_with_bom_comma_and_crlf(tmp_path):
    ballots = [
        Ballot("2", 3, BallotStatus.INVALID, {}, "Gạch tên, ghi thêm \"Nguyễn Văn Ánh\""),
        Ballot("1", 1, BallotStatus.VALID, {1: Mark.CAO, 2: Mark.THAP, 3: Mark.MULTI}),
        Ballot("2", 1, BallotStatus.VALID, {1: Mark.TIN_NHIEM, 2: Mark.NO_MARK}),
    ]
    target = write_ballots_csv(SETUP, ballots, tmp_path / "phieu.csv")
    assert target.read_bytes() == BOM + (
        "form,ballot,status,1,2,3\r\n"
        "1,1,valid,1,3,x\r\n"
        "2,1,valid,2,0\r\n"
        "2,3,\"invalid:Gạch tên, ghi thêm \"\"Nguyễn Văn Ánh\"\"\",,\r\n"
    ).encode("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["phieu.csv"]


def test_replaces_an_earlier_export(tmp_path):
    target = tmp_path / "phieu.csv"
    target.write_text("cũ", encoding="utf-8")
    ballot = Ballot("1", 7, BallotStatus.INVALID, {}, "Không có dấu")
    assert read_back(write_ballots_csv(SETUP, [ballot], target)) == [ballot]


def test_a_round_exported_and_imported_into_a_fresh_round_is_the_same_round(tmp_path):
    """Complete, incomplete (cells not keyed yet), invalid and multi-mark ballots all come back
    as they were keyed, and so do the results."""
    target = tmp_path / "phieu.csv"
    with RoundService.create(tmp_path / "a.tinnhiem", SETUP, "Lê Thị Hoa") as keyed:
        keyed.add_ballot("1", 1, {1: C, 2: T, 3: L})
        keyed.add_ballot("1", 2, {1: C})
        keyed.add_ballot("1", 3, {1: X, 2: N, 3: T})
        keyed.add_ballot("1", 4, invalid_reason="Không đóng dấu")
        keyed.add_ballot("1", 5)
        keyed.add_ballot("1", 6, {1: L, 2: L, 3: C})
        keyed.invalidate_ballot("1", 6, "Gạch tên")
        keyed.add_ballot("2", 1, {2: N})
        keyed.add_ballot("2", 2, {1: X, 2: X})
        export_documents(keyed, ExportRequest(csv=target))
        ballots, results = keyed.counted_ballots(), keyed.results()
    assert target.read_bytes().decode("utf-8-sig").splitlines()[1:] == [
        "1,1,valid,1,2,3", "1,2,valid,1,?,?", "1,3,valid,x,0,2", "1,4,invalid:Không đóng dấu,,,",
        "1,5,valid,?,?,?", "1,6,invalid:Gạch tên,,,", "2,1,valid,?,0", "2,2,valid,x,x",
    ]
    with RoundService.create(tmp_path / "b.tinnhiem", SETUP, "Lê Thị Hoa") as fresh:
        assert fresh.import_ballots_file(target).added == len(ballots)
        assert fresh.counted_ballots() == ballots
        assert [dict(b.marks) for b in fresh.counted_ballots()] == [dict(b.marks) for b in ballots]
        assert fresh.results() == results
