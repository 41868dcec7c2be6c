"""Bad input, fuzzed: every importer ends in a coded error or a correct import, never a traceback,
never a half-written round."""

from __future__ import annotations

import copy
import io
import json
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tinnhiem_desktop.cli import main
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


# -- the command line, fed hostile input: exit 2 with one Vietnamese line, never the catch-all --

UNEXPECTED = "Lỗi không mong đợi"


def run_cli(*args: object) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, err.getvalue()


def refused_in_one_vietnamese_line(code: int, err: str) -> None:
    """Exit 2, the refusal one line (after any warnings the command gave first), in Vietnamese."""
    assert code == 2, err
    assert err.endswith("\n") and UNEXPECTED not in err and "Traceback" not in err, err
    assert not err.splitlines()[-1].isascii(), err  # a sentence, not a raw exception text
    assert all(line.startswith("Cảnh báo: ") for line in err.splitlines()[:-1]), err


def spec_with(place: tuple, value: object) -> str:
    data = copy.deepcopy(DEFINITION)
    target = data
    for step in place[:-1]:
        target = target[step]
    target[place[-1]] = value
    return json.dumps(data, ensure_ascii=False).replace("Infinity", "1e400")


HOSTILE_SPECS = {
    "a number 1e400": spec_with(("year",), float("inf")),
    "a count of 10^30 (OverflowError in SQLite)": spec_with(("forms", 0, "collected"), 10 ** 30),
    "a year of 10^20": spec_with(("year",), 10 ** 20),
    "a list for the header": spec_with(("header",), ["SỞ"]),
    "a list for a form": spec_with(("forms", 0), [1, 2]),
    "an object for the candidates": spec_with(("forms", 0, "candidates"), {"name": "A"}),
    "a list for the entry mode": spec_with(("entry_mode",), ["double"]),
    "an object for the rule": spec_with(("rule",), {"id": "qd-96-2023"}),
    "a name of 10,000 characters": spec_with(("forms", 0, "candidates", 0, "name"), "A" * 10_000),
    "a list at the top": "[]",
}


@pytest.mark.parametrize("text", HOSTILE_SPECS.values(), ids=HOSTILE_SPECS.keys())
def test_hostile_round_definitions_on_the_command_line(tmp_path, text):
    spec = tmp_path / "dot.json"
    spec.write_text(text, encoding="utf-8")
    refused_in_one_vietnamese_line(*run_cli("new", tmp_path / "dot.tinnhiem", "--spec", spec))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dot.json"]


@FUZZ
@given(place=st.sampled_from(PLACES), value=st.integers(10 ** 7, 10 ** 40) | st.floats(1e300, allow_infinity=True)
       | st.text(min_size=301, max_size=400) | st.lists(st.integers(), max_size=2))
def test_near_valid_definitions_end_in_a_message_or_a_round(tmp_path_factory, place, value):
    folder = tmp_path_factory.mktemp("fuzz")
    spec = folder / "dot.json"
    spec.write_text(spec_with(place, value), encoding="utf-8")
    code, err = run_cli("new", folder / "dot.tinnhiem", "--spec", spec)
    if code != 0:
        refused_in_one_vietnamese_line(code, err)


@pytest.fixture
def round_file(tmp_path) -> Path:
    path = tmp_path / "dot.tinnhiem"
    RoundService.create(path, SETUP, "fuzz").close()
    (tmp_path / "file.txt").write_text("không phải thư mục", encoding="utf-8")
    return path


HOSTILE_COMMANDS = {
    "a ballot number of 10^20": ["import-ballots", "{round}", "{csv:1,100000000000000000000,valid,1,1,1}"],
    "a ballot number past the bound": ["import-ballots", "{round}", "{csv:1,100001,valid,1,1,1}"],
    "a reason of 1,000 characters": ["import-ballots", "{round}", "{csv:1,1,invalid:" + "x" * 1000 + "}"],
    "ballots CSV that is a folder": ["import-ballots", "{round}", "{folder}"],
    "ballots CSV inside a file": ["import-ballots", "{round}", "{folder}/file.txt/phieu.csv"],
    "a round file that is a folder": ["results", "{folder}"],
    "a round file inside a file (NotADirectoryError)": ["results", "{folder}/file.txt/dot.tinnhiem"],
    "verify of a round file inside a file": ["verify", "{folder}/file.txt/dot.tinnhiem"],
    "a new round inside a file": ["new", "{folder}/file.txt/dot.tinnhiem", "--spec", "{folder}/file.txt"],
    "a definition that is a folder": ["new", "{folder}/moi.tinnhiem", "--spec", "{folder}"],
    "a document written into a folder": ["export", "{round}", "--summary", "{folder}"],
    "a document inside a file": ["export", "{round}", "--csv", "{folder}/file.txt/phieu.csv"],
    "a station copy of 10^30": ["station", "{round}", "{folder}/may.tinnhiem", "--name", "Máy 2",
                                "--first", str(10 ** 30)],
    "a station copy inside a file": ["station", "{round}", "{folder}/file.txt/may.tinnhiem", "--name", "Máy 2"],
    "a station file that is a folder": ["import-station", "{round}", "{folder}"],
    "blank ballots by the billion": ["export", "{round}", "--blank-ballots", "{folder}/p.pdf", "--copies",
                                     str(10 ** 9)],
    "a sealer's name of 1,000 characters": ["seal", "{round}", "--by", "x" * 1000],
    "a consolidation of a file inside a file": ["consolidate", "{folder}/file.txt/x", "--xlsx", "{folder}/c.xlsx"],
}


@pytest.mark.parametrize("args", HOSTILE_COMMANDS.values(), ids=HOSTILE_COMMANDS.keys())
def test_hostile_command_lines_end_in_one_vietnamese_line(round_file, args):
    folder = round_file.parent
    before = round_file.read_bytes()

    def filled(arg: str) -> str:
        if arg.startswith("{csv:"):
            path = folder / "phieu.csv"
            path.write_text("form,ballot,status,1,2,3\n" + arg[5:-1] + "\n", encoding="utf-8")
            return str(path)
        return arg.format(round=round_file, folder=folder)

    refused_in_one_vietnamese_line(*run_cli(*map(filled, args)))
    assert round_file.read_bytes() == before
    assert not {p.name for p in folder.iterdir()} - {"dot.tinnhiem", "file.txt", "phieu.csv"}
