"""The round file: settings, round-trip, refusal of unusable files, one writer at a time."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.config import Config
from sqlmodel import SQLModel

from tinnhiem_desktop.core.issues import TinNhiemError
from tinnhiem_desktop.core.model import Ballot, BallotStatus, Counts, Mark
from tinnhiem_desktop.core.spec import setup_from_dict
from tinnhiem_desktop.services.rounds import RoundService
from tinnhiem_desktop.export.wording import describe_error
from tinnhiem_desktop.storage import tables  # noqa: F401
from tinnhiem_desktop.storage.roundfile import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

from conftest import ROOT, spec_dict, write_csv

KEYER = "Lê Thị Hồng"


def new_round(path: Path, **spec) -> RoundService:
    return RoundService.create(path, setup_from_dict(spec_dict(**spec), "test"), KEYER)


def sidecars(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p != path)


def test_new_round_file_has_our_id_version_wal_and_foreign_keys(round_path):
    new_round(round_path).close()
    connection = sqlite3.connect(round_path)
    pragma = lambda name: connection.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
    assert pragma("application_id") == APPLICATION_ID
    assert pragma("user_version") == SCHEMA_VERSION
    assert pragma("journal_mode") == "wal"
    connection.close()
    with RoundService.open(round_path, KEYER) as service:
        raw = service._repo._database.connection
        assert raw.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert raw.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_closing_leaves_only_the_round_file(round_path):
    with new_round(round_path) as service:
        service.add_ballot("1")
    with RoundService.open(round_path, KEYER, read_only=True) as service:
        service.results()
    assert sidecars(round_path) == []


def test_setup_and_ballots_round_trip(round_path):
    setup = setup_from_dict(spec_dict(), "test")
    with RoundService.create(round_path, setup, KEYER) as service:
        service.add_ballot("1")
        service.set_marks("1", 1, {1: Mark.CAO})
        service.set_marks("1", 1, {2: Mark.MULTI})
        service.add_ballot("1")
        service.invalidate_ballot("1", 2, "không đóng dấu")
        service.add_ballot("2", 7)
        service.set_marks("2", 7, {2: Mark.NO_MARK})
        service.change_counts("2", Counts(11, 10, 10, 9))
    with RoundService.open(round_path, KEYER, read_only=True) as service:
        assert service.setup.forms[0] == setup.forms[0]
        assert service.setup.form("2").counts == Counts(11, 10, 10, 9)
        assert service.setup.team == setup.team and service.setup.header == setup.header
        assert service.ballots() == [
            Ballot("1", 1, BallotStatus.VALID, {1: Mark.CAO, 2: Mark.MULTI}),
            Ballot("1", 2, BallotStatus.INVALID, {}, "không đóng dấu"),
            Ballot("2", 7, BallotStatus.VALID, {2: Mark.NO_MARK}),
        ]


def test_migrations_build_exactly_the_tables_the_program_uses(round_path):
    new_round(round_path).close()
    connection = sqlite3.connect(round_path)
    from sqlalchemy import create_engine

    engine = create_engine("sqlite://", creator=lambda: connection)
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), SQLModel.metadata) == []
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    revisions = list(ScriptDirectory.from_config(config).walk_revisions())
    assert len(revisions) == SCHEMA_VERSION


def test_the_schema_check_knows_every_table_and_index_of_the_schema():
    """Opening a file judges its objects against names written out in schema_check (so that no
    SQLAlchemy is imported to open it): they must be those of the tables the migrations build."""
    from tinnhiem_desktop.storage.schema_check import OUR_INDEXES, OUR_TABLES

    declared = SQLModel.metadata.sorted_tables
    assert OUR_TABLES == {table.name for table in declared}
    assert OUR_INDEXES == {index.name for table in declared for index in table.indexes}


def test_an_existing_file_is_never_overwritten(round_path):
    round_path.write_bytes(b"someone's work")
    with pytest.raises(TinNhiemError) as caught:
        new_round(round_path)
    assert caught.value.code == "file_exists"
    assert round_path.read_bytes() == b"someone's work"


def _foreign_sqlite(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE t(x)")
    connection.commit()
    connection.close()


def _too_new(path: Path) -> None:
    new_round(path).close()
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    connection.commit()
    connection.close()


def _truncated(path: Path) -> None:
    with new_round(path) as service:
        for _ in range(40):
            service.add_ballot("1")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda p: p.write_bytes(b""), "not_a_round_file"),
        (lambda p: p.write_bytes(b"\x00" * 8192), "not_a_round_file"),
        (lambda p: p.write_text("form,ballot,status\n", encoding="utf-8"), "not_a_round_file"),
        (_foreign_sqlite, "not_a_round_file"),
        (_truncated, "round_file_truncated"),
        (_too_new, "round_file_too_new"),
    ],
    ids=["empty", "zeroed", "text", "foreign-sqlite", "truncated", "too-new"],
)
@pytest.mark.parametrize("read_only", [False, True], ids=["write", "read"])
def test_unusable_files_are_refused_and_left_byte_identical(tmp_path, make, code, read_only):
    path = tmp_path / "x.tinnhiem"
    make(path)
    before = path.read_bytes()
    around = sidecars(path)
    with pytest.raises(TinNhiemError) as caught:
        RoundService.open(path, KEYER, read_only=read_only)
    assert caught.value.code == code
    assert caught.value.params["file"] == str(path)
    assert path.read_bytes() == before
    assert sidecars(path) == around


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(TinNhiemError) as caught:
        RoundService.open(tmp_path / "khong-co.tinnhiem", KEYER)
    assert caught.value.code == "file_not_found"


def test_a_second_writer_in_the_same_process_is_refused(round_path):
    with new_round(round_path):
        with pytest.raises(TinNhiemError) as caught:
            RoundService.open(round_path, "Phạm Quốc Huy")
        assert caught.value.code == "round_file_in_use"
        assert "pid" in caught.value.params["holder"]


def test_a_second_writer_process_is_refused_but_may_read(round_path):
    with new_round(round_path) as service:
        service.add_ballot("1")
        service.set_marks("1", 1, {1: Mark.THAP})
        code = (
            "import sys; from tinnhiem_desktop.services.rounds import RoundService as S\n"
            "from tinnhiem_desktop.core.issues import TinNhiemError\n"
            f"p = {str(round_path)!r}\n"
            "with S.open(p, 'b', read_only=True) as s: print(len(s.ballots()), s.ballots()[0].marks[1].value)\n"
            "try:\n    S.open(p, 'b')\nexcept TinNhiemError as e:\n    print(e.code)\n"
        )
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
        assert result.stdout.split() == ["1", "thap", "round_file_in_use"], result.stderr
        service.set_marks("1", 1, {2: Mark.CAO})  # the first writer is unaffected
    with RoundService.open(round_path, KEYER) as service:  # and once it closed, the file is free
        assert service.ballots()[0].marks == {1: Mark.THAP, 2: Mark.CAO}


def test_read_only_service_refuses_changes(round_path):
    new_round(round_path).close()
    with RoundService.open(round_path, KEYER, read_only=True) as service:
        with pytest.raises(TinNhiemError) as caught:
            service.add_ballot("1")
        assert caught.value.code == "round_read_only"


def test_a_full_disk_refuses_the_action_and_keeps_earlier_work(round_path, tmp_path):
    rows = [["1", str(n), "valid", "3", "3", "3"] for n in range(2, 90)]  # within 3 × the 32 summoned
    ballots_csv = write_csv(tmp_path / "phieu.csv", rows, width=3)
    with new_round(round_path) as service:
        service.add_ballot("1")
        service.set_marks("1", 1, {1: Mark.CAO})
        raw = service._repo._database.connection
        raw.execute("PRAGMA max_page_count=1")  # the file may not grow: the disk is full
        with pytest.raises(TinNhiemError) as caught:
            service.import_ballots_file(ballots_csv)
        assert caught.value.code == "write_failed"
        said = describe_error(caught.value)
        assert "ổ đĩa đã đầy" in said and str(round_path) in said and "disk is full" not in said
        with pytest.raises(TinNhiemError):
            for number in range(2, 400):
                service.add_ballot("1", number)
        kept = service.ballots()
    with RoundService.open(round_path, KEYER) as service:
        assert service.ballots() == kept
        assert service.ballots()[0] == Ballot("1", 1, BallotStatus.VALID, {1: Mark.CAO})
        assert service.verify().intact


ballot_plans = st.lists(
    st.tuples(
        st.sampled_from(["1", "2"]),
        st.booleans(),
        st.lists(st.sampled_from([None, *Mark]), min_size=3, max_size=3),
    ),
    max_size=12,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plans=ballot_plans)
def test_what_is_keyed_is_what_is_read_back(tmp_path_factory, plans):
    path = tmp_path_factory.mktemp("rt") / "dot.tinnhiem"
    expected = []
    with new_round(path) as service:
        for form, valid, marks in plans:
            number = service.add_ballot(form).number
            size = len(service.setup.form(form).candidates)
            keyed = {order: mark for order, mark in enumerate(marks[:size], 1) if mark is not None}
            for order, mark in keyed.items():
                service.set_marks(form, number, {order: mark})
            if valid:
                expected.append(Ballot(form, number, BallotStatus.VALID, keyed))
            else:
                service.invalidate_ballot(form, number, "gạch tên")
                expected.append(Ballot(form, number, BallotStatus.INVALID, {}, "gạch tên"))
        results_before = service.results()
    with RoundService.open(path, KEYER, read_only=True) as service:
        assert service.ballots() == sorted(expected, key=lambda b: (b.form, b.number))
        assert service.results() == results_before
        assert service.verify().intact


@pytest.mark.parametrize("read_only", [False, True], ids=["write", "read"])
def test_a_round_file_broken_inside_is_refused_and_left_byte_identical(round_path, read_only):
    new_round(round_path).close()
    connection = sqlite3.connect(round_path)
    connection.execute("PRAGMA journal_mode=DELETE")  # as an older tool or a copy might leave it
    connection.execute("DROP TABLE team_member")
    connection.commit()
    connection.close()
    before = round_path.read_bytes()
    with pytest.raises(TinNhiemError) as caught:
        RoundService.open(round_path, KEYER, read_only=read_only)
    assert caught.value.code == "round_file_corrupt"
    assert round_path.read_bytes() == before
    assert sidecars(round_path) == []
