"""Bad input, fuzzed: every importer ends in a coded error or a correct import, never a traceback,
never a half-written round."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tinnhiem_desktop.core.ballots_csv import parse_ballots_csv
from tinnhiem_desktop.core.issues import TinNhiemError
from tinnhiem_desktop.core.model import BallotStatus, Mark, RoundSetup
from tinnhiem_desktop.core.spec import parse_round_spec, setup_from_dict
from tinnhiem_desktop.export.wording import describe_error
from tinnhiem_desktop.services.candidates import candidates_from_rows, read_table
from tinnhiem_desktop.services.rounds import RoundService

from conftest import spec_dict

SETUP = setup_from_dict(spec_dict(), "test")
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**9) | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


def paths_of(value, prefix=()):
    """Every place inside a JSON value, to be replaced or deleted."""
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths_of(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths_of(item, prefix + (index,))


DEFINITION = spec_dict()
PLACES = [p for p in paths_of(DEFINITION) if p]


def coded(error: TinNhiemError) -> None:
    """An error the user can be told about: it has a code and a Vietnamese sentence."""
    assert error.code
    assert describe_error(error)


@FUZZ
@given(text=st.text(max_size=300))
def test_any_text_as_a_round_definition(text):
    try:
        assert isinstance(parse_round_spec(text, "dot.json"), RoundSetup)
    except TinNhiemError as error:
        coded(error)


@FUZZ
@given(place=st.sampled_from(PLACES), value=json_values, delete=st.booleans())
def test_near_valid_round_definitions(place, value, delete):
    data = copy.deepcopy(DEFINITION)
    target = data
    for step in place[:-1]:
        target = target[step]
    if delete and isinstance(target, dict):
        del target[place[-1]]
    else:
        target[place[-1]] = value
    try:
        setup = parse_round_spec(json.dumps(data, ensure_ascii=False), "dot.json")
    except TinNhiemError as error:
        coded(error)
        return
    assert setup.forms and all(form.candidates for form in setup.forms)


cells = st.sampled_from(["", "0", "1", "2", "3", "x", "X", "?", " ? ", "??", "7", "-1", "1.0", "  2 ", "a",
                         "invalid", "valid", "invalid:lý do", "１", "²", '"', "1,2"])
rows = st.lists(st.lists(cells, min_size=0, max_size=7), max_size=12)


@FUZZ
@given(body=rows, header=st.sampled_from(["form,ballot,status,1,2,3", "form,ballot,status,1,2", "form,ballot",
                                          "form,ballot,status,1,3", "\ufeffform,ballot,status,1,2,3", ""]))
def test_near_valid_ballot_rows(body, header):
    text = header + "\n" + "\n".join(",".join(row) for row in body)
    try:
        ballots = parse_ballots_csv(text, "phieu.csv", SETUP)
    except TinNhiemError as error:
        coded(error)
        return
    for ballot in ballots:
        size = len(SETUP.form(ballot.form).candidates)
        assert set(ballot.marks) <= set(range(1, size + 1))
        assert ballot.status is BallotStatus.VALID or not ballot.marks


@FUZZ
@given(data=st.binary(max_size=400))
def test_any_bytes_as_a_ballots_file_change_nothing(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("fuzz")
    with RoundService.create(folder / "dot.tinnhiem", SETUP, "fuzz") as service:
        (folder / "phieu.csv").write_bytes(data)
        try:
            report = service.import_ballots_file(folder / "phieu.csv")
        except TinNhiemError as error:
            coded(error)
            assert service.ballots() == [] and [e.action for e in service.events()] == ["round_created"]
            return
        assert len(service.ballots()) == report.added
        assert service.verify().intact


@FUZZ
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".csv", ".xlsx", ".tsv", ".txt"]))
def test_any_bytes_as_a_personnel_list(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"danh-sach{suffix}"
    path.write_bytes(data)
    try:
        table = read_table(path)
    except TinNhiemError as error:
        coded(error)
        return
    try:
        candidates_from_rows(table.rows, {"name": 0, "position": None, "birth_year": None, "person_key": None}, False)
    except TinNhiemError as error:
        coded(error)


@FUZZ
@given(rows=st.lists(st.lists(st.text(max_size=10), max_size=4), max_size=8),
       name=st.integers(0, 3), year=st.none() | st.integers(0, 3), header=st.booleans())
def test_any_rows_and_mapping_as_a_candidate_list(rows, name, year, header):
    mapping = {"name": name, "position": None, "birth_year": year, "person_key": None}
    width = max((len(r) for r in rows), default=0)
    padded = tuple(tuple(r) + ("",) * (width - len(r)) for r in rows)
    try:
        result = candidates_from_rows(padded, mapping, header)
    except (TinNhiemError, IndexError) as error:
        if isinstance(error, IndexError):
            pytest.fail("a column outside the rows must be refused with a message, not an IndexError")
        coded(error)
        return
    assert [c.order for c in result.candidates] == list(range(1, len(result.candidates) + 1))


def test_a_workbook_with_a_merged_title_and_formulas_reads(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = "DANH SÁCH NGƯỜI ĐƯỢC LẤY PHIẾU"
    sheet.merge_cells("A1:C1")
    sheet.append(["Họ và tên", "Chức vụ", "Năm sinh"])
    sheet.append(["Nguyễn Văn An", "Giám đốc", "=1960+10"])
    path = tmp_path / "ds.xlsx"
    book.save(path)
    table = read_table(path)
    assert any("Nguyễn Văn An" in row for row in table.rows)


@FUZZ
@given(data=st.binary(min_size=0, max_size=600))
def test_any_bytes_as_a_round_file_are_refused_untouched(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "dot.tinnhiem"
    path.write_bytes(data)
    with pytest.raises(TinNhiemError) as caught:
        RoundService.open(path, "fuzz")
    coded(caught.value)
    assert path.read_bytes() == data
    assert sorted(p.name for p in Path(path).parent.iterdir()) == ["dot.tinnhiem"]


@pytest.fixture(scope="module")
def master_and_station(tmp_path_factory):
    """A master round and a station's copy with three ballots keyed on it."""
    folder = tmp_path_factory.mktemp("station")
    master = folder / "chinh.tinnhiem"
    with RoundService.create(master, SETUP, "fuzz") as service:
        station = service.make_station_copy(folder / "may-2.tinnhiem", "Máy 2", "A")
    with RoundService.open(station, "Máy 2") as service:
        for number in (1, 2, 3):
            service.add_ballot("1", number, {1: Mark.CAO, 2: Mark.THAP, 3: Mark.NO_MARK})
    return master, station.read_bytes()


def import_changes_nothing_or_all(master: Path, candidate: Path) -> None:
    with RoundService.open(master, "fuzz") as service:
        before = (service.all_ballots(), len(service.events()))
        try:
            report = service.import_station(candidate)
        except TinNhiemError as error:
            coded(error)
            assert (service.all_ballots(), len(service.events())) == before
            return
        assert len(service.all_ballots()) == len(before[0]) + report.added
        assert service.verify().intact
        for ballot in service.all_ballots()[len(before[0]):]:
            service.remove_ballot(ballot.form, ballot.number)  # back to an empty master for the next example


@FUZZ
@given(data=st.binary(max_size=400))
def test_any_bytes_as_a_station_file_change_nothing(tmp_path_factory, master_and_station, data):
    master, _ = master_and_station
    candidate = tmp_path_factory.mktemp("fuzz") / "may.tinnhiem"
    candidate.write_bytes(data)
    import_changes_nothing_or_all(master, candidate)


@settings(max_examples=int(__import__("os").environ.get("STATION_FUZZ", 60)), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(where=st.floats(0, 1, exclude_max=True), value=st.integers(0, 255))
def test_a_damaged_station_file_is_refused_or_imported_whole(tmp_path_factory, master_and_station, where, value):
    master, good = master_and_station
    damaged = bytearray(good)
    damaged[int(where * len(damaged))] = value
    candidate = tmp_path_factory.mktemp("fuzz") / "may.tinnhiem"
    candidate.write_bytes(bytes(damaged))
    import_changes_nothing_or_all(master, candidate)
