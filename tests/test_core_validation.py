"""Setup validation: every problem at once, each with the path of its field; the parser refuses the first."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tinnhiem_desktop.core.issues import Severity, TinNhiemError
from tinnhiem_desktop.core.model import Candidate, Counts, TeamMember
from tinnhiem_desktop.core.spec import setup_from_dict, setup_to_dict
from tinnhiem_desktop.core.validation import definition_issues, setup_issues
from tinnhiem_desktop.export.wording import MESSAGES

from conftest import spec_dict

GOOD = setup_from_dict(spec_dict(), "test")


def found(setup, check=setup_issues):
    return [(issue.code, issue.params["path"], issue.severity) for issue in check(setup)]


def test_a_good_setup_has_nothing_to_say():
    assert setup_issues(GOOD) == []


def test_every_problem_is_found_at_once_with_its_path():
    first, second = GOOD.forms
    bad = replace(
        GOOD, title="", year=2200, team=(TeamMember("", "Tổ trưởng"),),
        forms=(replace(first, title="", candidates=(replace(first.candidates[0], name="", birth_year=1850),
                                                    replace(first.candidates[1], person_key="K"),
                                                    replace(first.candidates[2], person_key="K"))),
               replace(second, code="1", counts=Counts(10, -1, 0, 0), candidates=())),
    )
    E = Severity.ERROR
    assert found(bad, definition_issues) == [
        ("spec_empty_text", "title", E), ("spec_integer_too_large", "year", E), ("spec_empty_text", "team[0].name", E),
        ("spec_empty_text", "forms[0].candidates[0].name", E),
        ("spec_integer_too_small", "forms[0].candidates[0].birth_year", E),
        ("duplicate_person_key", "forms[0].candidates[2].person_key", E), ("spec_empty_text", "forms[0].title", E),
        ("duplicate_form_id", "forms[1].id", E), ("spec_integer_too_small", "forms[1].present", E),
        ("spec_empty_list", "forms[1].candidates", E),
    ]
    assert found(bad)[:10] == found(bad, definition_issues)
    assert all(code in MESSAGES for code, _, _ in found(bad))


def test_what_to_look_at_before_counting_the_counts_the_team_names_twice_the_quorum():
    first, second = GOOD.forms
    twice = Candidate(4, first.candidates[0].name.upper(), "", first.candidates[0].birth_year)
    setup = replace(
        GOOD, team=(TeamMember("Trần Văn Phó", "Phó tổ trưởng"), TeamMember(second.candidates[1].name, "Thành viên")),
        forms=(replace(first, counts=Counts(30, 19, 19, 20), candidates=(*first.candidates, twice)), second),
    )
    W = Severity.WARNING
    assert found(setup) == [
        ("collected_exceeds_issued", "forms[0].collected", Severity.ERROR),
        ("team_without_head", "team", W), ("team_member_rated", "team[1].name", W),
        ("candidate_listed_twice", "forms[0].candidates[3].name", W), ("quorum_not_met", "forms[0].present", W),
    ]
    assert all(code in MESSAGES for code, _, _ in found(setup)) and definition_issues(setup) == []
    assert setup_from_dict(setup_to_dict(setup), "test") == setup  # none of these stops a definition file


@pytest.mark.parametrize("change, code, path", [
    ({"title": ""}, "spec_empty_text", "title"),
    ({"year": 1900}, "spec_integer_too_small", "year"),
    ({"header": {"unit": " "}}, "spec_empty_text", "header.unit"),
    ({"team": [{"name": ""}]}, "spec_empty_text", "team[0].name"),
])
def test_the_parser_refuses_the_first_with_the_same_code_and_path(change, code, path):
    with pytest.raises(TinNhiemError) as caught:
        setup_from_dict(spec_dict(**change), "dot.json")
    assert (caught.value.code, caught.value.location.path) == (code, path)
    assert "path" not in caught.value.params
