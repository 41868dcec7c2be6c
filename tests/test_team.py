"""Who heads the counting team, decided once: the notices, the minutes and the checklist agree."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from tinnhiem_desktop.core.model import TeamMember
from tinnhiem_desktop.core.procedure import checklist
from tinnhiem_desktop.core.results import round_results
from tinnhiem_desktop.core.spec import setup_from_dict
from tinnhiem_desktop.core.team import team_head
from tinnhiem_desktop.export.minutes import write_minutes
from tinnhiem_desktop.export.notices import write_notices

from conftest import spec_dict

DEPUTY, HEAD, MEMBER = "Trần Văn Phó", "Lê Thị Hồng", "Phạm Quốc Huy"
TEAM = [{"name": DEPUTY, "role": "Phó tổ trưởng"}, {"name": HEAD, "role": "Tổ trưởng"},
        {"name": MEMBER, "role": "Thành viên"}]


def text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


@pytest.fixture(scope="module")
def deputy_first(tmp_path_factory):
    setup = setup_from_dict(spec_dict(team=TEAM), "test")
    return setup, round_results(setup, {}), tmp_path_factory.mktemp("team")


def test_the_notices_are_signed_by_the_head_not_the_deputy_listed_before(deputy_first):
    _, results, folder = deputy_first
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(write_notices(results, folder / "n.pdf")).pages]
    for page in pages:
        closing = page[page.index("TM. BAN KIỂM PHIẾU"):]
        assert HEAD in closing and DEPUTY not in closing


def test_the_head_signs_the_minutes_first(deputy_first):
    _, results, folder = deputy_first
    signatures = text(write_minutes(results, folder / "m.pdf")).split("ký tên dưới đây.")[1]
    assert signatures.index("TỔ TRƯỞNG") < signatures.index("PHÓ TỔ TRƯỞNG")
    assert signatures.index(HEAD) < signatures.index(DEPUTY) < signatures.index(MEMBER)


@pytest.mark.parametrize("head_role", ["Tổ trưởng", "Trưởng Ban kiểm phiếu"])
def test_the_checklist_sees_the_head(head_role):
    team = [TEAM[0], {"name": HEAD, "role": head_role}]
    setup = setup_from_dict(spec_dict(team=team), "test")
    found = checklist(setup, {}, sealed=False, today=date(2026, 11, 1))
    assert "team_without_head" not in {issue.code for issue in found.issues}
    assert next(step for step in found.steps if step.key == "team_proposed").done


@pytest.mark.parametrize("role, head", [
    ("Tổ trưởng", True), ("tổ  TRƯỞNG", True), ("Trưởng tổ", True), ("TRƯỞNG TỔ KIỂM PHIẾU", True),
    ("Trưởng ban", True), ("Trưởng Ban kiểm phiếu", True), ("To\u0302\u0309 tru\u031bo\u031b\u0309ng", True),
    ("Phó tổ trưởng", False), ("Phó Tổ trưởng", False), ("Tổ phó", False), ("Phó trưởng ban", False),
    ("Thành viên", False), ("", False),
])
def test_a_role_makes_the_head_or_not(role, head):
    found = team_head((TeamMember("A", "Thành viên"), TeamMember("B", role)))
    assert (found is not None and found.name == "B") is head


def test_the_first_head_listed_heads_and_none_is_guessed():
    assert team_head((TeamMember("A", "Tổ trưởng"), TeamMember("B", "Trưởng ban"))).name == "A"
    assert team_head((TeamMember("A", "Thư ký"), TeamMember("B", "Thành viên"))) is None
