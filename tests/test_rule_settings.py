"""Rule settings: thresholds moved for a round (decided by exact fractions, worded from them), the
rule changed before the seal (logged, replayed, verified), rules of one's own saved and reused, and
rounds without any of it serialised and fingerprinted exactly as before."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from fractions import Fraction
from pathlib import Path

import pytest
from pypdf import PdfReader

from tinnhiem_desktop.core.audit import GENESIS, fingerprint
from tinnhiem_desktop.core.issues import TinNhiemError
from tinnhiem_desktop.core.model import Ballot, BallotStatus, Mark
from tinnhiem_desktop.core.results import round_results, round_rule
from tinnhiem_desktop.core.rules import (
    PRESETS, Band, PriorShare, at_least, band_flags, band_is_empty, chained, over, parse_share, rule_custom,
    with_lower_bounds, written_share,
)
from tinnhiem_desktop.core.spec import (
    rule_custom_to_dict, rule_to_dict, saved_preset_to_dict, setup_from_dict, setup_to_dict,
)
from tinnhiem_desktop.export.minutes import write_minutes
from tinnhiem_desktop.export.notices import write_notices
from tinnhiem_desktop.export.results_json import results_document
from tinnhiem_desktop.export.results_text import override_words, results_text, rule_sentence
from tinnhiem_desktop.export.wording import FLAG_NAMES, flag_words
from tinnhiem_desktop.services.presets import load_presets, make_preset, preset_id, save_preset
from tinnhiem_desktop.services.rounds import RoundService
from tinnhiem_desktop.storage.roundfile import SCHEMA_VERSION

from conftest import downgraded, spec_dict

C, T, L = Mark.CAO, Mark.TIN_NHIEM, Mark.THAP
KEYER = "Phạm Quốc Huy"
QD96 = PRESETS["qd-96-2023"]
THREE_QUARTERS = [{"flag": "thap_over_half", "over": "1/2", "below": "3/4"},
                  {"flag": "thap_two_thirds_or_more", "at_least": "3/4"}]


def setup_with(**extra):
    return setup_from_dict(spec_dict(**extra), "test")


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


# -- core: shares, bands, chains, words --------------------------------------------------------


def test_a_share_is_typed_as_a_fraction_or_a_percentage_and_written_back_as_typed():
    assert parse_share("2/3") == (Fraction(2, 3), False)
    assert parse_share(" 75 %") == (Fraction(3, 4), True)
    assert parse_share("66,5%") == parse_share("66.5%") == (Fraction(133, 200), True)
    assert written_share(Fraction(133, 200), True) == "66,5%" and written_share(Fraction(3, 4), True, ".") == "75%"
    assert written_share(Fraction(3, 5), False) == "3/5"
    for bad in ("", "0", "0/3", "4/3", "101%", "1/0", "2/3x", "hai phần ba", "66,66666%"):
        with pytest.raises(ValueError):
            parse_share(bad)


def test_moving_a_chained_bound_moves_both_bands():
    assert chained(QD96.bands) == {0: 1} and chained(PRESETS["nq-35-2012"].bands) == {0: 1}
    assert chained(PRESETS["huong-dan-2013"].bands) == {}
    bands = with_lower_bounds(QD96.bands, [over(Fraction(1, 2)), at_least(Fraction(3, 4))])
    assert bands[0] == Band("thap_over_half", over(Fraction(1, 2)), at_least(Fraction(3, 4)))
    assert bands[1] == Band("thap_two_thirds_or_more", at_least(Fraction(3, 4)))
    nq35 = with_lower_bounds(PRESETS["nq-35-2012"].bands, [over(Fraction(1, 2)), over(Fraction(3, 5)),
                                                            over(Fraction(1, 2))])
    assert nq35[0].upper == over(Fraction(3, 5)) and nq35[2].upper is None


def test_moved_bands_are_decided_by_exact_fractions_never_rounded_percentages():
    preset = replace(QD96, bands=with_lower_bounds(QD96.bands, [over(Fraction(1, 2)), at_least(Fraction(3, 4))]))
    assert band_flags(preset, 20, 30) == ("thap_over_half",)  # 2/3 is now below the top band
    assert band_flags(preset, 22, 30) == ("thap_over_half",)  # 73,33%
    assert band_flags(preset, 23, 30) == ("thap_two_thirds_or_more",)  # 76,67%
    assert band_flags(preset, 30, 40) == ("thap_two_thirds_or_more",)  # exactly 3/4, "từ … trở lên"
    strict = replace(preset, bands=with_lower_bounds(QD96.bands, [over(Fraction(1, 2)), over(Fraction(3, 4))]))
    assert band_flags(strict, 30, 40) == ("thap_over_half",)  # exactly 3/4 is not "trên 3/4"
    shown = at_least(*parse_share("66,67%"))
    displayed = replace(QD96, bands=with_lower_bounds(QD96.bands, [over(Fraction(1, 2)), shown]))
    assert band_flags(displayed, 20, 30) == ("thap_over_half",)  # 2/3 shows as 66,67% but is below it
    huong_dan = PRESETS["huong-dan-2013"]
    lowered = replace(huong_dan, bands=with_lower_bounds(huong_dan.bands, [
        over(Fraction(3, 5)), at_least(Fraction(3, 4), True), at_least(Fraction(13, 20), True)]))
    assert band_flags(lowered, 18, 30) == ()  # exactly 3/5
    assert band_flags(lowered, 20, 30, PriorShare(13, 20)) == ("thap_over_half", "thap_70_percent_two_years")


def test_a_band_that_can_hold_no_share_is_empty():
    assert not band_is_empty(Band("x", over(Fraction(1, 2)), at_least(Fraction(2, 3))))
    assert band_is_empty(Band("x", over(Fraction(4, 5)), at_least(Fraction(3, 4))))
    assert band_is_empty(Band("x", over(Fraction(2, 3)), at_least(Fraction(2, 3))))
    assert not band_is_empty(Band("x", at_least(Fraction(2, 3)), over(Fraction(2, 3))))  # exactly 2/3
    assert band_is_empty(Band("x", over(Fraction(1))))


def test_words_are_the_presets_until_a_bound_moves_then_made_from_the_fractions():
    rule = round_rule(setup_with())
    assert [flag_words(rule, band.flag) for band in QD96.bands] == [FLAG_NAMES["thap_over_half"],
                                                                    FLAG_NAMES["thap_two_thirds_or_more"]]
    moved = round_rule(setup_with(rule_custom={"bands": THREE_QUARTERS}))
    assert flag_words(moved, "thap_over_half") == "Tín nhiệm thấp trên 1/2 và dưới 3/4"
    assert flag_words(moved, "thap_two_thirds_or_more") == "Tín nhiệm thấp từ 3/4 trở lên"
    guideline = round_rule(setup_with(rule="huong-dan-2013", rule_custom={"bands": [
        {"flag": "thap_over_half", "over": "3/5"}, {"flag": "thap_80_percent", "at_least": "75%"},
        {"flag": "thap_70_percent_two_years", "at_least": "70%", "two_years": True}]}))
    assert flag_words(guideline, "thap_over_half") == "Tín nhiệm thấp trên 3/5"
    assert flag_words(guideline, "thap_80_percent") == "Tín nhiệm thấp từ 75% trở lên"
    assert flag_words(guideline, "thap_70_percent_two_years") == FLAG_NAMES["thap_70_percent_two_years"]
    nq35 = round_rule(setup_with(rule="nq-35-2012", rule_custom={"bands": [
        {"flag": "thap_over_half", "over": "1/2", "up_to": "3/5"}, {"flag": "thap_over_two_thirds", "over": "3/5"},
        {"flag": "thap_over_half_two_years", "over": "55%", "two_years": True}]}))
    assert flag_words(nq35, "thap_over_half") == "Tín nhiệm thấp trên 1/2 và không quá 3/5"
    assert flag_words(nq35, "thap_over_half_two_years") == "Tín nhiệm thấp trên 55% hai năm liên tiếp"


def test_overrides_name_the_moved_thresholds_and_the_quorum_beside_the_preset():
    assert round_rule(setup_with()).overrides == {}
    rule = round_rule(setup_with(rule_custom={"bands": THREE_QUARTERS, "quorum": "3/4"}))
    assert rule.overrides == {"bands": ["thap_over_half", "thap_two_thirds_or_more"], "quorum": "3/4"}
    assert override_words(rule) == [
        "ngưỡng tín nhiệm thấp trên 1/2 và dưới 3/4 (quy tắc gốc: tín nhiệm thấp trên 1/2)",
        "ngưỡng tín nhiệm thấp từ 3/4 trở lên (quy tắc gốc: tín nhiệm thấp từ 2/3 trở lên)",
        "số người có mặt tối thiểu: 3/4 số người được triệu tập (quy tắc gốc: 2/3 số người được triệu tập)",
    ]
    no_quorum = round_rule(setup_with(rule_custom={"quorum": None}))
    assert no_quorum.overrides == {"quorum": None} and no_quorum.in_force.quorum is None
    assert "Điều chỉnh so với quy tắc gốc: số người có mặt tối thiểu: không quy định" in rule_sentence(no_quorum)


def test_a_bound_typed_differently_but_equal_in_value_is_no_override():
    guideline = PRESETS["huong-dan-2013"]
    bands = with_lower_bounds(guideline.bands, [over(Fraction(1, 2)), at_least(Fraction(4, 5)),
                                                at_least(Fraction(7, 10))])
    assert rule_custom(guideline, bands, None, built_in=True) is None
    setup = setup_with(rule="huong-dan-2013", rule_custom={"bands": [
        {"flag": "thap_over_half", "over": "50%"}, {"flag": "thap_80_percent", "at_least": "4/5"},
        {"flag": "thap_70_percent_two_years", "at_least": "7/10", "two_years": True}]})
    assert setup.rule_custom is None and "rule_custom" not in setup_to_dict(setup)


# -- the round definition and fingerprints ----------------------------------------------------


def test_rounds_without_settings_of_their_own_serialise_and_fingerprint_as_before():
    """Fingerprints computed by the release before rule settings existed (same setups, same ballot)."""
    ballots = [Ballot("1", 1, marks={1: C, 2: L, 3: T})]
    for spec, sealed_before in (
        (spec_dict(), "b0ceef450777a58af1f6cc472539122504917aedb2b2f6df8e07a31c88d21001"),
        (spec_dict(rule="huong-dan-2013", percent_base="present", decimals=1),
         "2bb781c5883169ca2004b9e3a5ddf667cd01f6f5f3e99a8d95346daeef924edf"),
    ):
        setup = setup_from_dict(spec, "test")
        assert "rule_custom" not in setup_to_dict(setup)
        assert fingerprint(setup, ballots, GENESIS) == sealed_before


def test_a_rule_of_its_own_round_trips_through_the_definition_and_changes_the_fingerprint():
    own = make_preset("Quy chế Sở 2026", "Quyết định số 12/QĐ-SGTVT", PRESETS["qd-96-2023"].base, 1,
                      with_lower_bounds(QD96.bands, [over(Fraction(3, 5)), at_least(Fraction(3, 4), True)]), None)
    for extra in ({"rule_custom": {"bands": THREE_QUARTERS, "quorum": None}},
                  {"rule": own.id, "rule_custom": {"preset": saved_preset_to_dict(own)}}):
        setup = setup_with(**extra)
        data = setup_to_dict(setup)
        assert setup_from_dict(json.loads(json.dumps(data)), "again") == setup
        assert fingerprint(setup, [], GENESIS) != fingerprint(setup_with(), [], GENESIS)
    saved = setup_with(rule=own.id, rule_custom={"preset": saved_preset_to_dict(own)})
    rule = round_rule(saved)
    assert rule.preset == own and rule.overrides == {} and rule.decimals == 1
    assert flag_words(rule, "thap_two_thirds_or_more") == "Tín nhiệm thấp từ 75% trở lên"
    assert setup_to_dict(saved)["rule_custom"]["preset"]["source"] == "Quyết định số 12/QĐ-SGTVT"


@pytest.mark.parametrize("extra, code, path", [
    ({"rule_custom": {"bands": [{"flag": "thap_over_half", "over": "1/2"}]}}, "rule_bands_not_preset",
     "rule_custom.bands"),
    ({"rule_custom": {"bands": [{"flag": "thap_over_half", "over": "4/5", "below": "3/4"},
                                {"flag": "thap_two_thirds_or_more", "at_least": "3/4"}]}},
     "rule_band_empty", "rule_custom.bands[0]"),
    ({"rule_custom": {"bands": [{"flag": "thap_over_half", "over": "1,5"},
                                {"flag": "thap_two_thirds_or_more", "at_least": "2/3"}]}},
     "rule_bad_share", "rule_custom.bands[0].over"),
    ({"rule_custom": {"bands": [{"flag": "thap_over_half", "over": "1/2", "at_least": "1/2"},
                                {"flag": "thap_two_thirds_or_more", "at_least": "2/3"}]}},
     "rule_band_bounds", "rule_custom.bands[0]"),
    ({"rule_custom": {"bands": [{"flag": "thap_ba_phan_tu", "over": "3/4"}]}}, "rule_unknown_flag",
     "rule_custom.bands[0].flag"),
    ({"rule_custom": {"quorum": "5/4"}}, "rule_bad_share", "rule_custom.quorum"),
    ({"rule": "rieng-so", "rule_custom": {"bands": THREE_QUARTERS}}, "unknown_rule", "rule"),
    ({"rule": "rieng-so"}, "unknown_rule", "rule"),
    ({"rule_custom": {"preset": {"name": "X", "source": "Y", "base": "collected", "bands": THREE_QUARTERS}}},
     "rule_id_built_in", "rule"),
])
def test_a_wrong_rule_in_a_definition_is_refused_where_it_is_wrong(extra, code, path):
    with pytest.raises(TinNhiemError) as caught:
        setup_with(**extra)
    assert (caught.value.code, caught.value.location.path) == (code, path)


# -- changing the rule of a round ------------------------------------------------------------


@pytest.fixture
def keyed(round_path):
    """Form 1 with 30 ballots keyed: candidate 1 has 20 thấp (2/3), candidate 2 has 23 (76,67%)."""
    with RoundService.create(round_path, setup_with(), KEYER) as service:
        for number in range(1, 31):
            service.add_ballot("1", marks={1: L if number <= 20 else C, 2: L if number <= 23 else T, 3: C})
        yield service


def test_the_rule_changes_after_ballots_are_keyed_logged_with_old_and_new_and_the_flags_follow(keyed):
    before = keyed.results().forms[0]
    assert [c.flags for c in before.candidates[:2]] == [("thap_two_thirds_or_more",), ("thap_two_thirds_or_more",)]
    custom = rule_custom(QD96, with_lower_bounds(QD96.bands, [over(Fraction(1, 2)), at_least(Fraction(3, 4))]),
                         QD96.quorum, built_in=True)
    rule = keyed.change_rule("qd-96-2023", "present", None, custom)
    assert rule.overrides == {"percent_base": "present", "bands": ["thap_over_half", "thap_two_thirds_or_more"]}
    event = keyed.events()[-1]
    assert event.action == "rule_changed" and event.keyer == KEYER
    assert event.data["old"] == {"rule": "qd-96-2023", "percent_base": None, "decimals": None}
    assert event.data["new"] == {"rule": "qd-96-2023", "percent_base": "present", "decimals": None,
                                 "rule_custom": rule_custom_to_dict(custom)}
    after = keyed.results().forms[0]  # on 31 present: 20 and 23 of 31 are both below 3/4
    assert [c.flags for c in after.candidates[:2]] == [("thap_over_half",), ("thap_over_half",)]
    assert after.base_value == 31 and str(after.candidates[1].percents[L]) == "74.19"
    keyed.change_rule("qd-96-2023", None, None, custom)  # on 30 collected, 23 is 76,67%
    assert [c.flags for c in keyed.results().forms[0].candidates[:2]] == [("thap_over_half",),
                                                                          ("thap_two_thirds_or_more",)]
    assert keyed.verify().intact

    count = len(keyed.events())
    keyed.change_rule("qd-96-2023", "collected", 2, custom)  # the preset's own base and decimals: no change
    assert len(keyed.events()) == count
    keyed.change_rule("qd-96-2023")
    assert keyed.setup == setup_with() and keyed.events()[-1].data["new"] == rule_to_dict(setup_with())
    assert keyed.verify().intact


def test_the_rule_is_kept_on_reopening_and_sealed_with_the_round(keyed, round_path):
    keyed.change_rule("nq-85-2014", None, 1, rule_custom(PRESETS["nq-85-2014"], PRESETS["nq-85-2014"].bands,
                                                          Fraction(3, 4), built_in=True))
    expected = keyed.setup
    info = keyed.seal("Lê Thị Hồng", "đủ")
    with pytest.raises(TinNhiemError) as caught:
        keyed.change_rule("qd-96-2023")
    assert caught.value.code == "round_sealed"
    keyed.close()
    with RoundService.open(round_path, KEYER, read_only=True) as again:
        assert again.setup == expected and again.rule.in_force.quorum == Fraction(3, 4)
        report = again.verify()
        assert report.intact and report.fingerprint == info.fingerprint
        assert not again.rule_editable


@pytest.mark.parametrize("statement", [
    "UPDATE round SET rule_custom = replace(rule_custom, '3/4', '4/5')",
    "UPDATE round SET percent_base = 'summoned'",
    "UPDATE round SET rule_custom = NULL",
    "UPDATE round SET rule_id = 'nq-96-2023'",
])
def test_verify_finds_a_rule_edited_behind_the_programs_back(keyed, round_path, statement, capsys):
    from tinnhiem_desktop.cli import main

    keyed.change_rule("qd-96-2023", None, None, rule_custom(QD96, with_lower_bounds(
        QD96.bands, [over(Fraction(1, 2)), at_least(Fraction(3, 4))]), QD96.quorum, built_in=True))
    keyed.close()
    with sqlite3.connect(round_path) as db:
        db.execute(statement)
    with RoundService.open(round_path, KEYER, read_only=True) as service:
        assert [issue.code for issue in service.verify().problems] == ["rule_differs_from_log"]
    assert main(["verify", str(round_path)]) == 1
    assert "Quy tắc kiểm phiếu trong tệp" in capsys.readouterr().out


def test_a_station_keeps_the_masters_rule_and_its_ballots_still_come_back_after_a_change(keyed, tmp_path):
    copy = keyed.make_station_copy(tmp_path / "may-2.tinnhiem", "Máy 2", "A", 31, 40)
    with RoundService.open(copy, "Lan") as station:
        with pytest.raises(TinNhiemError) as caught:
            station.change_rule("nq-96-2023")
        assert caught.value.code == "station_setup_locked" and not station.rule_editable
        station.add_ballot("1", 31, {1: C, 2: C, 3: C})
    keyed.change_rule("nq-96-2023")
    assert keyed.import_station(copy).added == 1


def test_a_round_on_a_rule_of_its_own_opens_where_the_rule_was_never_saved(round_path, config_dir):
    own = make_preset("Quy chế Sở", "Quyết định số 12/QĐ-SGTVT", QD96.base, 2,
                      with_lower_bounds(QD96.bands, [over(Fraction(3, 5)), at_least(Fraction(3, 4))]), None)
    save_preset(own)
    setup = setup_with(rule=own.id, rule_custom={"preset": saved_preset_to_dict(own)})
    with RoundService.create(round_path, setup, KEYER) as service:
        service.add_ballot("1", marks={1: L, 2: C, 3: C})
    for path in config_dir.rglob("*.json"):
        path.unlink()
    assert load_presets().presets == ()
    with RoundService.open(round_path, KEYER, read_only=True) as service:
        assert service.rule.preset == own and service.verify().intact
        assert service.results().forms[0].candidates[0].flags == ()  # 1 of 30 is not above 3/5


# -- the papers ---------------------------------------------------------------------------------


@pytest.fixture
def moved_results():
    setup = setup_with(rule_custom={"bands": THREE_QUARTERS, "quorum": "2/3"})
    ballots = [Ballot("1", n, BallotStatus.VALID, {1: L if n <= 20 else C, 2: L if n <= 23 else T, 3: C})
               for n in range(1, 31)]
    return round_results(setup, {"1": ballots})


def test_the_minutes_print_the_moved_threshold_beside_the_presets_name(moved_results, tmp_path):
    text = pdf_text(write_minutes(moved_results, tmp_path / "bien-ban.pdf"))
    assert "Quy tắc áp dụng: Quy định 96-QĐ/TW (2023) (điều chỉnh so với quy tắc gốc); căn cứ: Bộ Chính trị" in text
    assert ("Điều chỉnh so với quy tắc gốc: ngưỡng tín nhiệm thấp trên 1/2 và dưới 3/4 (quy tắc gốc: tín nhiệm "
            "thấp trên 1/2); ngưỡng tín nhiệm thấp từ 3/4 trở lên (quy tắc gốc: tín nhiệm thấp từ 2/3 trở lên).") in text
    assert "Nguyễn Văn An (Giám đốc Sở): 66,67% phiếu tín nhiệm thấp — Tín nhiệm thấp trên 1/2 và dưới 3/4." in text
    assert "Hoàng Thị Thu Hà (Phó Giám đốc Sở): 76,67% phiếu tín nhiệm thấp — Tín nhiệm thấp từ 3/4 trở lên." in text
    assert "từ 2/3 trở lên —" not in text


def test_notices_text_and_json_follow_the_moved_threshold(moved_results, tmp_path):
    text = pdf_text(write_notices(moved_results, tmp_path / "thong-bao.pdf"))
    assert "Điều chỉnh so với quy tắc gốc: ngưỡng tín nhiệm thấp trên 1/2 và dưới 3/4" in text
    assert "thuộc trường hợp: Tín nhiệm thấp từ 3/4 trở lên." in text
    table = results_text(moved_results, sealed_at=None, fingerprint=None)
    assert "Tín nhiệm thấp trên 1/2 và dưới 3/4" in table and "Tín nhiệm thấp từ 2/3 trở lên" not in table
    document = results_document(moved_results, sealed=False, fingerprint=None)
    assert [c["flags"] for c in document["forms"][0]["candidates"][:2]] == [["thap_over_half"],
                                                                            ["thap_two_thirds_or_more"]]
    assert document["round"]["rule_custom"]["bands"] == THREE_QUARTERS
    plain = round_results(setup_with(), {"1": []})
    assert "rule_custom" not in results_document(plain, sealed=False, fingerprint=None)["round"]


def test_a_consolidation_counts_a_moved_threshold_under_its_own_words(moved_results):
    from tinnhiem_desktop.export.consolidated import Totals, UnitSection, flags_text

    plain = round_results(replace(moved_results.setup, rule_custom=None),
                          {"1": [Ballot("1", n, marks={1: L if n <= 20 else C, 2: C, 3: C}) for n in range(1, 31)]})
    units = [UnitSection(results, f"{i}.tinnhiem", "f" * 64, "2026-11-27T10:00:00+07:00", "A")
             for i, results in enumerate((moved_results, plain))]
    assert Totals.of(units).flag_words() == ("Tín nhiệm thấp trên 1/2 và dưới 3/4: 1 người; "
                                             "Tín nhiệm thấp từ 2/3 trở lên: 1 người; "
                                             "Tín nhiệm thấp từ 3/4 trở lên: 1 người")
    assert flags_text(moved_results.rule, moved_results.forms[0].candidates[1]) == "Tín nhiệm thấp từ 3/4 trở lên"


# -- rules of one's own ---------------------------------------------------------------------------


def test_saved_rules_are_read_back_and_a_broken_file_is_skipped_with_a_reason(config_dir):
    own = make_preset("  Quy chế Sở GTVT 2026 ", "Quyết định 12", QD96.base, 2, QD96.bands, None)
    assert own.id == preset_id("Quy chế Sở GTVT 2026") == "rieng-quy-che-so-gtvt-2026"
    path = save_preset(own)
    assert path.parent == config_dir / "quy-tac"
    assert json.loads(path.read_text("utf-8"))["name"] == "Quy chế Sở GTVT 2026"
    (path.parent / "hong.json").write_text('{"id": "rieng-hong", "name": ', encoding="utf-8")
    (path.parent / "sai.json").write_text(json.dumps({"id": "qd-96-2023", "name": "x"}), encoding="utf-8")
    (path.parent / "trung.json").write_text(path.read_text("utf-8"), encoding="utf-8")
    loaded = load_presets()
    assert loaded.presets == (own,)
    assert sorted(error.code for error in loaded.skipped) == ["json_syntax", "rule_id_built_in", "saved_rule_duplicate"]
    with pytest.raises(TinNhiemError) as caught:
        make_preset("Quy chế", "", QD96.base, 2, QD96.bands, None)
    assert caught.value.code == "saved_rule_needs_source"


# -- the round file of the release before -----------------------------------------------------


def schema_2_round(path: Path) -> str:
    """A sealed round as the release before rule settings wrote it: made and sealed now (its
    fingerprint does not depend on the release), then its schema taken back to revision 0002."""

    with RoundService.create(path, setup_with(), KEYER) as service:
        service.add_ballot("1", marks={1: L, 2: C, 3: T})
        sealed = service.seal("Lê Thị Hồng", "thử").fingerprint
    downgraded(path, "0002")
    return sealed


def test_a_schema_2_file_migrates_and_still_verifies_against_its_seal(tmp_path):
    path = tmp_path / "nam-2025.tinnhiem"
    sealed = schema_2_round(path)
    with sqlite3.connect(path) as db:
        assert "rule_custom" not in [row[1] for row in db.execute("PRAGMA table_info(round)")]
    old_bytes = path.read_bytes()
    with RoundService.open(path, KEYER, read_only=True) as archived:
        assert archived.verify().intact and archived.verify().fingerprint == sealed
    assert path.read_bytes() == old_bytes
    with RoundService.open(path, KEYER) as service:
        assert service.setup == setup_with() and service.verify().intact
        assert service.info.fingerprint == sealed
    assert (tmp_path / "nam-2025.v2-backup.tinnhiem").exists()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
        assert db.execute("SELECT rule_custom FROM round").fetchone() == (None,)
