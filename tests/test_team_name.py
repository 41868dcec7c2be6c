"""The counting team's name is a setting of the rule: "Tổ kiểm phiếu" for the annual guideline,
"Ban kiểm phiếu" where QĐ 262/96 and the National Assembly's resolutions say so; a round may call
it otherwise (printed as a change from the rule); files written before it was a setting take the
preset's; every document and the window's words name the team as the rule does."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from pypdf import PdfReader

from tinnhiem_desktop.core.issues import TinNhiemError
from tinnhiem_desktop.core.model import Mark
from tinnhiem_desktop.core.results import round_results, round_rule
from tinnhiem_desktop.core.rules import PRESETS, rule_custom
from tinnhiem_desktop.core.spec import (
    rule_custom_from_dict, rule_custom_to_dict, saved_preset_from_dict, saved_preset_to_dict, setup_from_dict,
)
from tinnhiem_desktop.export.blank_ballots import write_blank_ballots
from tinnhiem_desktop.export.minutes import write_minutes
from tinnhiem_desktop.export.minutes_docx import write_minutes_docx
from tinnhiem_desktop.export.notices import write_notices
from tinnhiem_desktop.export.seal import Seal
from tinnhiem_desktop.export.wording import sentence
from tinnhiem_desktop.services.presets import make_preset
from tinnhiem_desktop.services.rounds import RoundService

from conftest import spec_dict

KEYER = "Phạm Quốc Huy"


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_each_preset_names_the_team_as_its_text_does():
    names = {preset_id: preset.team_name for preset_id, preset in PRESETS.items()}
    assert names == {"huong-dan-2013": "Tổ kiểm phiếu", "qd-262-2014": "Ban kiểm phiếu",
                     "qd-96-2023": "Ban kiểm phiếu", "nq-35-2012": "Ban kiểm phiếu",
                     "nq-85-2014": "Ban kiểm phiếu", "nq-96-2023": "Ban kiểm phiếu"}


def test_a_round_may_call_the_team_otherwise_and_says_so_and_a_file_without_the_setting_takes_the_presets():
    qd96 = PRESETS["qd-96-2023"]
    assert rule_custom(qd96, qd96.bands, qd96.quorum, built_in=True, team_name=" Ban  kiểm phiếu ") is None
    custom = rule_custom(qd96, qd96.bands, qd96.quorum, built_in=True, team_name="Tổ kiểm phiếu")
    assert rule_custom_to_dict(custom) == {"bands": rule_custom_to_dict(custom)["bands"], "quorum": "2/3",
                                           "team_name": "Tổ kiểm phiếu"}
    setup = setup_from_dict(spec_dict(rule_custom=rule_custom_to_dict(custom)), "test")
    rule = round_rule(setup)
    assert rule.team_name == "Tổ kiểm phiếu" and rule.overrides == {"team_name": "Tổ kiểm phiếu"}
    older = {key: value for key, value in rule_custom_to_dict(custom).items() if key != "team_name"}
    assert rule_custom_from_dict(older, "qd-96-2023", "old") is None  # as the file had it: the preset's rule
    assert round_rule(setup_from_dict(spec_dict(rule="huong-dan-2013"), "test")).team_name == "Tổ kiểm phiếu"
    with pytest.raises(TinNhiemError) as caught:
        setup_from_dict(spec_dict(rule_custom={"bands": None, "quorum": "2/3", "team_name": 7}), "test")
    assert caught.value.code == "spec_expected_text"


def test_a_rule_of_ones_own_keeps_its_team_name_and_an_older_saved_file_has_the_default():
    preset = make_preset("Quy chế của Sở", "Quyết định số 12/QĐ-SXD", PRESETS["qd-96-2023"].base, 2,
                         PRESETS["qd-96-2023"].bands, None, "Ban kiểm phiếu")
    data = saved_preset_to_dict(preset)
    assert data["team_name"] == "Ban kiểm phiếu"
    assert saved_preset_from_dict(data, "saved").team_name == "Ban kiểm phiếu"
    del data["team_name"]
    assert saved_preset_from_dict(data, "saved").team_name == "Tổ kiểm phiếu"


@pytest.fixture
def sealed_round(tmp_path) -> Path:
    path = tmp_path / "dot.tinnhiem"
    team = [{"name": "Lê Thị Hồng", "role": "Trưởng ban"}, {"name": "Phạm Quốc Huy", "role": "Thành viên"}]
    with RoundService.create(path, setup_from_dict(spec_dict(team=team), "test"), KEYER) as service:
        for number in range(1, 31):
            service.add_ballot("1", number, {1: Mark.CAO, 2: Mark.THAP, 3: Mark.TIN_NHIEM})
        service.seal("Lê Thị Hồng", "đủ")
    return path


def test_the_papers_of_a_qd_96_round_name_the_ban_kiem_phieu(sealed_round, tmp_path):
    with RoundService.open(sealed_round, KEYER, read_only=True) as service:
        results, info = service.results(), service.info
    stamp = Seal(info.sealed_at, info.sealed_by, info.fingerprint, info.seal_reason)
    minutes = pdf_text(write_minutes(results, tmp_path / "bb.pdf", stamp))
    for words in ("Số: ....../BB-BKP", "I. BAN KIỂM PHIẾU", "Ban kiểm phiếu do hội nghị bầu gồm các đồng chí",
                  "tên gọi bộ phận kiểm phiếu: Ban kiểm phiếu.", "đã đọc lại cho Ban kiểm phiếu cùng nghe"):
        assert words in minutes, words
    assert "Tổ kiểm phiếu" not in minutes and "TỔ KIỂM PHIẾU" not in minutes
    notices = pdf_text(write_notices(results, tmp_path / "tb.pdf", stamp))
    assert "TM. BAN KIỂM PHIẾU TRƯỞNG BAN" in notices and "Lưu: Ban kiểm phiếu." in notices
    assert "Số: ....../TB-BKP" in notices and "Tổ kiểm phiếu" not in notices
    ballots = pdf_text(write_blank_ballots(results.setup, tmp_path / "phieu.pdf", copies=1))
    assert "phiếu không do Ban kiểm phiếu phát ra" in ballots
    from docx import Document

    document = Document(str(write_minutes_docx(results, tmp_path / "bb.docx", stamp)))
    words = " ".join(p.text for p in document.paragraphs)
    assert "I. BAN KIỂM PHIẾU" in words and "tên gọi bộ phận kiểm phiếu: Ban kiểm phiếu." in words
    assert "Tổ kiểm phiếu" not in words


def test_a_round_that_calls_its_team_a_to_prints_it_and_the_change(tmp_path):
    qd96 = PRESETS["qd-96-2023"]
    custom = rule_custom(qd96, qd96.bands, qd96.quorum, built_in=True, team_name="Tổ kiểm phiếu")
    path = tmp_path / "dot.tinnhiem"
    with RoundService.create(path, setup_from_dict(spec_dict(), "test"), KEYER) as service:
        service.change_rule("qd-96-2023", None, None, custom)
        service.add_ballot("1", 1, {1: Mark.CAO, 2: Mark.CAO, 3: Mark.CAO})
    with RoundService.open(path, KEYER, read_only=True) as again:  # kept in the file, the log verifies
        assert again.rule.team_name == "Tổ kiểm phiếu" and again.verify().intact
        minutes = pdf_text(write_minutes(again.results(), tmp_path / "bb.pdf"))
    assert "I. TỔ KIỂM PHIẾU" in minutes and "Số: ....../BB-TKP" in minutes
    assert "tên gọi bộ phận kiểm phiếu: Tổ kiểm phiếu (quy tắc gốc: Ban kiểm phiếu)" in minutes


def test_an_old_round_file_without_the_setting_opens_and_names_the_team_as_its_rule(tmp_path):
    """A round file written before the team's name was a setting holds rule_custom without it."""
    qd96 = PRESETS["qd-96-2023"]
    moved = rule_custom(qd96, qd96.bands, None, built_in=True)  # no quorum: a rule_custom of the old shape
    path = tmp_path / "cu.tinnhiem"
    with RoundService.create(path, setup_from_dict(spec_dict(), "test"), KEYER) as service:
        service.change_rule("qd-96-2023", None, None, moved)
    with sqlite3.connect(path) as db:
        stored = json.loads(db.execute("SELECT rule_custom FROM round").fetchone()[0])
    assert "team_name" not in stored
    with RoundService.open(path, KEYER, read_only=True) as again:
        assert again.rule.team_name == "Ban kiểm phiếu" and again.verify().intact


def test_the_checklists_words_name_the_team_as_the_rule_does():
    setup = setup_from_dict(spec_dict(team=[{"name": "Phạm Quốc Huy", "role": "Thành viên"}]), "test")
    from tinnhiem_desktop.core.team import team_issues

    issue = next(i for i in team_issues(setup) if i.code == "team_without_head")
    assert sentence(issue.code, issue.params) == ("Ban kiểm phiếu chưa có Trưởng ban: hãy ghi vai trò "
                                                  "\"Trưởng ban\" cho một thành viên.")
    guideline = setup_from_dict(spec_dict(rule="huong-dan-2013", team=[]), "test")
    issue = next(i for i in team_issues(guideline) if i.code == "team_not_proposed")
    assert "Chưa có danh sách Tổ kiểm phiếu đề xuất" in sentence(issue.code, issue.params)
    assert round_results(guideline, {}).rule.team_name == "Tổ kiểm phiếu"
