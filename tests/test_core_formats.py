"""The round definition (JSON) and the ballots CSV: parsing, precise errors, round trips."""

import copy
import csv
import io
import json
import unicodedata

import pytest
from hypothesis import given, settings

from tinnhiem_desktop.core.ballots_csv import ballots_csv_rows, parse_ballots_csv
from tinnhiem_desktop.core.issues import TinNhiemError
from tinnhiem_desktop.core.model import Ballot, BallotStatus, Counts, HeaderStyle, Mark
from tinnhiem_desktop.core.spec import parse_round_spec, setup_from_dict, setup_to_dict

from conftest import keyed_ballots

C, T, L, N, X = Mark.CAO, Mark.TIN_NHIEM, Mark.THAP, Mark.NO_MARK, Mark.MULTI

DEFINITION = {
    "title": "Lấy phiếu tín nhiệm năm 2024",
    "year": 2024,
    "rule": "qd-96-2023",
    "percent_base": "present",
    "decimals": 1,
    "header": {"style": "party", "parent": "Đảng bộ tỉnh", "unit": "Đảng ủy Sở Giao thông"},
    "meeting": {"date": "2024-11-20", "place": "Hội trường tầng 3", "chair": "Trần Văn Bình"},
    "team": [{"name": "Lê Thị Hoa", "role": "Tổ trưởng"}, {"name": "Phạm Minh Đức"}],
    "forms": [
        {
            "id": "1",
            "title": "Lãnh đạo Sở",
            "summoned": 40,
            "present": 38,
            "issued": 38,
            "collected": 37,
            "candidates": [
                {"name": "Nguyễn Văn Ánh", "position": "Giám đốc", "birth_year": 1970,
                 "person_key": "nva-1970"},
                {"name": "Đỗ Thị Lụa", "position": "Phó Giám đốc"},
                {"name": "Hoàng Quốc Việt"},
            ],
        },
        {
            "id": 2,
            "title": "Lãnh đạo các phòng",
            "summoned": 120,
            "present": 110,
            "issued": 110,
            "collected": 110,
            "candidates": [{"name": "Vũ Thị Mai", "position": "Trưởng phòng"}, {"name": "Bùi Văn Nam"}],
        },
    ],
}


def spec_error(data):
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    with pytest.raises(TinNhiemError) as caught:
        parse_round_spec(text, "dot.json")
    return caught.value


def edited(**changes):
    data = copy.deepcopy(DEFINITION)
    data.update(changes)
    return data


# --- round definition ------------------------------------------------------------------------


def test_definition_is_read():
    setup = parse_round_spec(json.dumps(DEFINITION, ensure_ascii=False), "dot.json")
    assert setup.title == "Lấy phiếu tín nhiệm năm 2024"
    assert setup.header.style is HeaderStyle.PARTY
    assert (setup.percent_base, setup.decimals) == ("present", 1)
    assert [f.code for f in setup.forms] == ["1", "2"]
    first = setup.form("1")
    assert first.counts == Counts(40, 38, 38, 37)
    assert [(c.order, c.name) for c in first.candidates] == [
        (1, "Nguyễn Văn Ánh"), (2, "Đỗ Thị Lụa"), (3, "Hoàng Quốc Việt")
    ]
    assert (first.candidates[0].birth_year, first.candidates[0].person_key) == (1970, "nva-1970")
    assert (first.candidates[2].position, first.candidates[2].person_key) == ("", None)
    assert [(m.name, m.role) for m in setup.team] == [("Lê Thị Hoa", "Tổ trưởng"), ("Phạm Minh Đức", "")]


def test_definition_round_trips_through_its_dict():
    setup = parse_round_spec(json.dumps(DEFINITION, ensure_ascii=False), "dot.json")
    data = setup_to_dict(setup)
    assert setup_from_dict(data, "copy") == setup
    assert parse_round_spec(json.dumps(data, ensure_ascii=False), "copy.json") == setup


def test_minimal_definition_round_trips():
    minimal = {
        "title": "Đợt 1",
        "year": 2024,
        "rule": "nq-85-2014",
        "header": {"unit": "HĐND xã"},
        "forms": [{"id": "A", "title": "Phiếu", "summoned": 1, "present": 1, "issued": 1,
                   "collected": 1, "candidates": [{"name": "Một"}]}],
    }
    setup = parse_round_spec(json.dumps(minimal), "min.json")
    assert (setup.percent_base, setup.decimals, setup.team) == (None, None, ())
    assert setup_from_dict(setup_to_dict(setup), "copy") == setup


def test_json_syntax_error_gives_line_and_column():
    error = spec_error('{\n  "title": "A",\n  "year" 2024\n}')
    assert error.code == "json_syntax"
    assert (error.location.source, error.location.line, error.location.column) == ("dot.json", 3, 10)


def test_missing_title():
    data = edited()
    del data["title"]
    error = spec_error(data)
    assert (error.code, error.location.path, error.location.source) == ("spec_missing_key", "title", "dot.json")


def test_unknown_rule():
    error = spec_error(edited(rule="qd-999"))
    assert (error.code, error.location.path) == ("unknown_rule", "rule")
    assert "qd-96-2023" in error.params["known"]


def test_candidate_without_name():
    data = edited()
    del data["forms"][0]["candidates"][1]["name"]
    error = spec_error(data)
    assert (error.code, error.location.path) == ("spec_missing_key", "forms[0].candidates[1].name")


@pytest.mark.parametrize(
    "change, code, path",
    [
        ({"year": "2024"}, "spec_expected_integer", "year"),
        ({"decimals": 7}, "decimals_out_of_range", "decimals"),
        ({"percent_base": "voters"}, "unknown_percent_base", "percent_base"),
        ({"forms": []}, "spec_empty_list", "forms"),
        ({"title": "   "}, "spec_empty_text", "title"),
    ],
)
def test_other_definition_errors_are_located(change, code, path):
    error = spec_error(edited(**change))
    assert (error.code, error.location.path) == (code, path)


def test_negative_count_is_located():
    data = edited()
    data["forms"][1]["present"] = -1
    error = spec_error(data)
    assert (error.code, error.location.path) == ("spec_integer_too_small", "forms[1].present")


def test_duplicate_form_id_is_located():
    data = edited()
    data["forms"][1]["id"] = "1"
    error = spec_error(data)
    assert (error.code, error.location.path) == ("duplicate_form_id", "forms[1].id")


def test_percent_base_of_wrong_type_is_a_located_error():
    error = spec_error(edited(percent_base=["present"]))
    assert (error.code, error.location.path) == ("unknown_percent_base", "percent_base")


def test_decomposed_vietnamese_is_stored_composed():
    name = "Nguyễn Văn Ánh"
    decomposed = unicodedata.normalize("NFD", name)
    assert decomposed != name
    data = edited(title=unicodedata.normalize("NFD", "Lấy phiếu tín nhiệm"))
    data["forms"][0]["candidates"][0]["name"] = f"  {decomposed} "
    setup = parse_round_spec(json.dumps(data), "dot.json")
    assert setup.forms[0].candidates[0].name == name
    assert setup.title == "Lấy phiếu tín nhiệm"


# --- ballots CSV -----------------------------------------------------------------------------

SETUP = parse_round_spec(json.dumps(DEFINITION, ensure_ascii=False), "dot.json")  # form 1: 3, form 2: 2


def parse(text, existing=None):
    return parse_ballots_csv(text, "phieu.csv", SETUP, existing)


def csv_error(text, existing=None):
    with pytest.raises(TinNhiemError) as caught:
        parse(text, existing)
    error = caught.value
    return error.code, error.location.line, error.location.column


HEADER = "form,ballot,status,1,2,3\n"


def test_rows_of_two_forms_in_one_file():
    ballots = parse(HEADER + "1,1,valid,1,2,3\n2,1,valid,3,x\n1,2,invalid\n")
    assert ballots == [
        Ballot("1", 1, BallotStatus.VALID, {1: C, 2: T, 3: L}),
        Ballot("2", 1, BallotStatus.VALID, {1: L, 2: X}),
        Ballot("1", 2, BallotStatus.INVALID, {}),
    ]


@pytest.mark.parametrize("bom", ["", "\ufeff"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_with_and_without_bom(bom, newline):
    text = bom + newline.join(["form,ballot,status,1,2,3", "1,7,valid,2,2,1", ""])
    assert parse(text) == [Ballot("1", 7, BallotStatus.VALID, {1: T, 2: T, 3: C})]


def test_short_row_is_padded_with_no_mark():
    assert parse(HEADER + "1,1,valid,3\n1,2,valid\n") == [
        Ballot("1", 1, BallotStatus.VALID, {1: L, 2: N, 3: N}),
        Ballot("1", 2, BallotStatus.VALID, {1: N, 2: N, 3: N}),
    ]


def test_mark_cells():
    (ballot,) = parse(HEADER + "1,1,valid,x,X,0\n")
    assert dict(ballot.marks) == {1: X, 2: X, 3: N}
    (ballot,) = parse(HEADER + "1,1,valid, 2 ,,1\n")
    assert dict(ballot.marks) == {1: T, 2: N, 3: C}


def test_header_case_and_status_case_are_tolerated():
    assert parse("Form,Ballot,Status,1,2,3\n1,1,VALID,1,1,1\n")[0].status is BallotStatus.VALID


def test_blank_lines_are_skipped_but_counted():
    text = HEADER + "1,1,valid,1,1,1\n\n,,\n9,2,valid\n"
    assert csv_error(text) == ("unknown_form", 5, 1)


@pytest.mark.parametrize(
    "row, expected",
    [
        ("9,1,valid,1,2,3", ("unknown_form", 3, 1)),
        ("1,abc,valid,1,2,3", ("bad_ballot_number", 3, 2)),
        ("1,0,valid,1,2,3", ("bad_ballot_number", 3, 2)),
        ("1,-4,valid,1,2,3", ("bad_ballot_number", 3, 2)),
        ("1,\uff15,valid,1,2,3", ("bad_ballot_number", 3, 2)),
        ("1,5,ok,1,2,3", ("bad_status", 3, 3)),
        ("1,5,valid,1,7,3", ("bad_mark", 3, 5)),
        ("1,5,valid,1,2,4", ("bad_mark", 3, 6)),
        ("2,5,valid,1,2,3", ("candidate_out_of_range", 3, 6)),
        ("1,1,valid,1,2,3", ("duplicate_ballot", 3, 2)),
        ("1,5,invalid,0,,3", ("marks_on_invalid_ballot", 3, 6)),
        ("1,5,invalid,,?,", ("unkeyed_on_invalid_ballot", 3, 5)),
        ("1,5,invalid:gạch tên,?", ("unkeyed_on_invalid_ballot", 3, 4)),
        ("2,5,valid,1,2,?", ("candidate_out_of_range", 3, 6)),
        ("1,5,valid,1,??,3", ("bad_mark", 3, 5)),
        ("1,5,valid,1,-,3", ("bad_mark", 3, 5)),
        ("1,5", ("csv_row_too_short", 3, 3)),
    ],
)
def test_row_errors_name_line_and_column(row, expected):
    assert csv_error(HEADER + "1,1,valid,1,1,1\n" + row + "\n") == expected


def test_bad_mark_names_the_cell():
    with pytest.raises(TinNhiemError) as caught:
        parse(HEADER + "1,1,valid,1,7,3\n")
    assert caught.value.params == {"value": "7"}
    assert caught.value.location.source == "phieu.csv"


def test_empty_extra_column_of_a_shorter_form_is_accepted():
    assert parse(HEADER + "2,1,valid,1,2,0\n2,2,valid,1,2,\n") == [
        Ballot("2", 1, BallotStatus.VALID, {1: C, 2: T}),
        Ballot("2", 2, BallotStatus.VALID, {1: C, 2: T}),
    ]


def test_same_number_on_another_form_is_not_a_duplicate():
    assert len(parse(HEADER + "1,1,valid,1,1,1\n2,1,valid,1,1\n")) == 2


def test_number_already_in_the_round_is_a_duplicate():
    existing = {"1": {5, 6}, "2": {1}}
    assert csv_error(HEADER + "1,4,valid\n1,6,valid\n", existing) == ("duplicate_ballot", 3, 2)
    assert [b.number for b in parse(HEADER + "1,4,valid\n2,6,valid\n", existing)] == [4, 6]


def test_empty_invalid_ballot_is_accepted():
    assert parse(HEADER + "1,3,invalid,0,,\n") == [Ballot("1", 3, BallotStatus.INVALID, {})]


@pytest.mark.parametrize(
    "header, expected",
    [
        ("ballot,form,status,1,2,3", ("csv_bad_header", 1, 1)),
        ("form,ballot,1,2,3", ("csv_bad_header", 1, 1)),
        ("form,ballot,status,1,3", ("csv_bad_header_column", 1, 5)),
        ("form,ballot,status,1,2,cao", ("csv_bad_header_column", 1, 6)),
    ],
)
def test_header_must_be_form_ballot_status_numbers(header, expected):
    assert csv_error(header + "\n1,1,valid\n") == expected


def test_empty_file():
    assert csv_error("")[0] == "csv_empty"


def to_text(rows):
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


@settings(max_examples=200, deadline=None)
@given(keyed_ballots(SETUP))
def test_csv_round_trip(ballots):
    read = parse(to_text(ballots_csv_rows(SETUP, ballots)))
    key = lambda b: (b.form, b.number)  # noqa: E731
    assert sorted(read, key=key) == sorted(ballots, key=key)


def test_a_cell_not_keyed_yet_is_written_as_a_question_mark_and_read_back_as_not_keyed():
    rows = ballots_csv_rows(SETUP, [Ballot("1", 1, BallotStatus.VALID, {2: L}),
                                    Ballot("1", 2, BallotStatus.INVALID, {}, "không có dấu")])
    assert rows == [["form", "ballot", "status", "1", "2", "3"], ["1", "1", "valid", "?", "3", "?"],
                    ["1", "2", "invalid:không có dấu", "", "", ""]]
    assert parse(to_text(rows))[0] == Ballot("1", 1, BallotStatus.VALID, {2: L})


def test_question_mark_empty_and_zero_cells():
    (ballot,) = parse(HEADER + "1,1,valid, ? ,,0\n")
    assert dict(ballot.marks) == {2: N, 3: N}
    (ballot,) = parse(HEADER + "1,1,valid,?\n")  # a short row is still padded with no mark
    assert dict(ballot.marks) == {2: N, 3: N}
    (ballot,) = parse(HEADER + "2,1,valid,?,?,\n")
    assert dict(ballot.marks) == {}


def test_a_file_of_the_old_exporter_reads_as_before():
    """Before `?`, a cell not keyed yet was written empty: it reads as no mark, as it always did."""
    (ballot,) = parse("form,ballot,status,1,2,3\r\n1,11,valid,1,3,\r\n")
    assert dict(ballot.marks) == {1: C, 2: L, 3: N}


def test_invalid_reason_survives_the_csv():
    ballot = Ballot("1", 1, BallotStatus.INVALID, {}, "không có dấu")
    assert parse(to_text(ballots_csv_rows(SETUP, [ballot]))) == [ballot]


def test_invalid_status_with_a_reason_in_the_status_cell():
    (ballot,) = parse(to_text([["form", "ballot", "status", "1"], ["1", "4", "invalid: gạch tên", ""]]))
    assert (ballot.status, ballot.invalid_reason, dict(ballot.marks)) == (BallotStatus.INVALID, "gạch tên", {})


def test_a_reason_on_a_valid_ballot_is_refused():
    with pytest.raises(TinNhiemError) as caught:
        parse(to_text([["form", "ballot", "status", "1"], ["1", "4", "valid:ok", "1"]]))
    assert (caught.value.code, caught.value.location.line, caught.value.location.column) == ("bad_status", 2, 3)


def test_a_reason_with_unusual_line_separators_reads_back():
    ballot = Ballot("1", 1, BallotStatus.INVALID, {}, "gạch tên\u2028ghi thêm\x0cchữ")
    assert parse(to_text(ballots_csv_rows(SETUP, [ballot]))) == [ballot]
