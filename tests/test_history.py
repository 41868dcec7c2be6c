"""Candidate history: next year's round started from this year's file, candidates linked to their
earlier results (by key, by a confirmed suggestion, or typed in by hand), the two-year rules."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tinnhiem_desktop.core.audit import replay
from tinnhiem_desktop.core.history import PriorResult, carried_key, candidate_ref
from tinnhiem_desktop.core.issues import Issue, TinNhiemError
from tinnhiem_desktop.core.model import Candidate
from tinnhiem_desktop.export.wording import MESSAGES, sentence
from tinnhiem_desktop.services.history import (
    RefusedFile, carry_history, link_history, next_round_setup, open_sealed, read_history,
)
from tinnhiem_desktop.services.rounds import RoundService

from unit_rounds import key_ballots, make_round, person, tamper_mark

HONG = "Lê Thị Hồng"
UNIT = "SỞ GIAO THÔNG VẬN TẢI"
LAST_YEAR = [
    person("Nguyễn Văn An", "Giám đốc Sở", 15, 1970, "an-1970"),  # 75% thấp
    person("Hoàng Thị Thu Hà", "Phó Giám đốc Sở", 14, 1975, "ha-1975"),  # 70% thấp
    person("Vũ Đức Thắng", "Phó Giám đốc Sở", 2, 1980),  # no person key
]


@pytest.fixture
def last_year_file(tmp_path: Path) -> Path:
    folder = tmp_path / "2025"
    folder.mkdir()
    return make_round(folder / "gtvt-2025.tinnhiem", UNIT, 2025, "huong-dan-2013", LAST_YEAR)


def test_next_years_round_starts_from_this_years_file_and_links_every_candidate(tmp_path, last_year_file):
    setup = next_round_setup(last_year_file)
    assert (setup.year, setup.title) == (2026, "Hội nghị lấy phiếu tín nhiệm năm 2026")
    assert setup.meeting.date == "" and setup.meeting.place == "Hội trường"
    form = setup.forms[0]
    assert form.counts.as_dict() == {"summoned": 0, "present": 0, "issued": 0, "collected": 0}
    keys = [c.person_key for c in form.candidates]
    assert keys[:2] == ["an-1970", "ha-1975"]
    assert keys[2].startswith("VDT-1980-"), "a candidate without a key gets one, the same every time"
    assert next_round_setup(last_year_file).forms[0].candidates[2].person_key == keys[2]

    with RoundService.create(tmp_path / "gtvt-2026.tinnhiem", setup, HONG) as service:
        report = carry_history(service, last_year_file)
        assert [p.person_key for p in report.linked] == keys
        assert report.refused == () and report.suggestions == ()
        an = report.linked[0]
        assert (an.year, an.name, an.thap, an.base, an.cao, an.by_hand) == (2025, "Nguyễn Văn An", 15, 20, 5, False)
        assert an.source == "gtvt-2025.tinnhiem" and an.source_fingerprint == RoundService.open(
            last_year_file, HONG, read_only=True).info.fingerprint
        # linking again changes nothing and logs nothing
        events = len(service.events())
        assert carry_history(service, last_year_file).linked == ()
        assert len(service.events()) == events


def _counted_2026(service: RoundService, thap: list[int]) -> None:
    service.change_counts("1", service.setup.forms[0].counts.__class__(20, 20, 20, 20))
    key_ballots(service, [{"thap": t} for t in thap], 20)


def test_two_year_flags_rise_from_last_years_share_and_show_it(tmp_path, last_year_file):
    with RoundService.create(tmp_path / "gtvt-2026.tinnhiem", next_round_setup(last_year_file), HONG) as service:
        carry_history(service, last_year_file)
        _counted_2026(service, [14, 13, 16])  # 70%, 65%, 80%
        an, ha, thang = service.results().forms[0].candidates
        assert "thap_70_percent_two_years" in an.flags  # 75% then 70%
        assert "thap_70_percent_two_years" not in ha.flags  # 70% then 65%
        assert thang.flags == ("thap_over_half", "thap_80_percent")  # 10% last year
        assert str(an.prior_percent) == "75.00" and an.prior.year == 2025 and not an.prior.by_hand
        # without last year (an empty mapping), no two-year flag
        assert "thap_70_percent_two_years" not in service.results(previous={}).forms[0].candidates[0].flags
        service.seal(HONG)
        assert service.verify().intact and service.prior_problems() == []


def test_a_renamed_person_is_linked_by_key(tmp_path, last_year_file):
    setup = next_round_setup(last_year_file)
    form = setup.forms[0]
    renamed = form.candidates[1].__class__(2, "Hoàng Thu Hà", "Giám đốc Sở", 1975, "ha-1975")
    setup = setup.__class__(**{**setup.__dict__, "forms": (form.__class__(
        form.code, form.title, form.counts, (form.candidates[0], renamed, form.candidates[2])),)})
    with RoundService.create(tmp_path / "gtvt-2026.tinnhiem", setup, HONG) as service:
        carry_history(service, last_year_file)
        _counted_2026(service, [0, 15, 0])
        ha = service.results().forms[0].candidates[1]
        assert ha.candidate.name == "Hoàng Thu Hà" and ha.prior.thap == 14
        assert "thap_70_percent_two_years" in ha.flags


def _typed_round(tmp_path: Path, people: list[dict], name: str = "gtvt-2026.tinnhiem") -> RoundService:
    """This year's round typed in by hand (no person keys unless given)."""
    from unit_rounds import unit_spec
    from tinnhiem_desktop.core.spec import setup_from_dict

    setup = setup_from_dict(unit_spec(UNIT, 2026, "huong-dan-2013", people), "test")
    return RoundService.create(tmp_path / name, setup, HONG)


def test_a_folder_is_read_unusable_files_are_refused_with_the_reason(tmp_path, last_year_file):
    folder = last_year_file.parent
    make_round(folder / "nhap.tinnhiem", "SỞ TÀI CHÍNH", 2025, "qd-96-2023", LAST_YEAR, seal=False)
    make_round(folder / "sua.tinnhiem", "SỞ XÂY DỰNG", 2025, "qd-96-2023", LAST_YEAR)
    tamper_mark(folder / "sua.tinnhiem")
    (folder / "hong.tinnhiem").write_bytes(b"not a round file at all" * 10)
    make_round(folder / "cu.tinnhiem", "SỞ Y TẾ", 2024, "qd-96-2023", LAST_YEAR)
    history = read_history([folder], 2025)
    assert [r.path.name for r in history.rounds] == ["gtvt-2025.tinnhiem"]
    reasons = {r.path.name: r for r in history.refused}
    assert reasons["nhap.tinnhiem"].code == "history_not_sealed"
    assert reasons["sua.tinnhiem"].code == "history_altered"
    altered, unreadable = reasons["sua.tinnhiem"], reasons["hong.tinnhiem"]
    assert isinstance(altered.params["detail"], Issue)  # a code to word, not a sentence made in services
    assert "Phiếu số 1" in sentence(altered.code, altered.params)
    assert unreadable.code == "history_unreadable" and isinstance(unreadable.params["detail"], TinNhiemError)
    assert sentence(unreadable.code, unreadable.params).startswith("Không đọc được: Tệp")
    assert reasons["cu.tinnhiem"].code == "history_other_year"
    assert all(r.code in MESSAGES for r in history.refused)


def test_a_copy_and_a_corrected_round_are_refused(tmp_path, last_year_file):
    folder = last_year_file.parent
    (folder / "ban-sao.tinnhiem").write_bytes(last_year_file.read_bytes())
    RoundService.correction(last_year_file, folder / "dinh-chinh.tinnhiem", "Nhập nhầm phiếu 3", HONG).close()
    with RoundService.open(folder / "dinh-chinh.tinnhiem", HONG) as corrected:
        corrected.seal(HONG)
    history = read_history([folder], 2025)
    assert [r.path.name for r in history.rounds] == ["dinh-chinh.tinnhiem"]
    assert {r.path.name: r.code for r in history.refused} == {
        "ban-sao.tinnhiem": "history_corrected", "gtvt-2025.tinnhiem": "history_corrected"}


def test_two_rounds_of_one_unit_and_year_are_both_refused(tmp_path, last_year_file):
    make_round(last_year_file.parent / "khac.tinnhiem", UNIT, 2025, "huong-dan-2013", LAST_YEAR)
    history = read_history([last_year_file.parent], 2025)
    assert history.rounds == ()
    assert {r.code for r in history.refused} == {"history_same_unit"}


def test_same_name_and_birth_year_is_suggested_and_linked_when_confirmed(tmp_path, last_year_file):
    people = [person("Nguyễn Văn An", "Giám đốc Sở", 15, 1970),  # typed without a key
              person("Vu Duc Thang", "Phó Giám đốc Sở", 0, 1980),  # typed without diacritics
              person("Vũ Đức Thắng", "Phó Giám đốc Sở", 0, 1981)]  # another birth year: not suggested
    with _typed_round(tmp_path, people) as service:
        report = link_history(service, read_history([last_year_file], 2025))
        assert report.linked == ()
        assert [(s.order, s.earlier.name) for s in report.suggestions] == [(1, "Nguyễn Văn An"), (2, "Vũ Đức Thắng")]
        first = report.suggestions[0]
        service.link_priors([(first.form, first.order, first.earlier)])
        _counted_2026(service, [15, 0, 0])
        an = service.results().forms[0].candidates[0]
        assert an.prior.thap == 15 and "thap_70_percent_two_years" in an.flags
        # the confirmed link is kept under the candidate's name and birth year; not suggested again
        assert candidate_ref(an.candidate) in service.last_year()
        again = link_history(service, read_history([last_year_file], 2025))
        assert [s.order for s in again.suggestions] == [2]


def test_figures_typed_by_hand_count_for_the_two_year_rules_and_are_marked(tmp_path):
    with _typed_round(tmp_path, [person("Đỗ Minh Tuấn", "Giám đốc", 0, 1968), person("Lý Thị Mai", "Phó", 0)]) as service:
        for wrong, code in (
            (dict(year=2026, thap=1, base=10), "prior_year_not_earlier"),
            (dict(year=2025, thap=11, base=10), "prior_exceeds_base"),
            (dict(year=2025, thap=1, base=0), "prior_base_zero"),
            (dict(year=2025, thap=-1, base=10), "prior_bad_count"),
            (dict(year=2025, thap=5, base=10, source="  "), "prior_needs_source"),
        ):
            with pytest.raises(TinNhiemError) as refused:
                service.set_prior_result("1", 1, **{"source": "Biên bản 2025", **wrong})
            assert refused.value.code == code and code in MESSAGES
        stored = service.set_prior_result("1", 1, 2025, thap=15, base=20, cao=3, tin_nhiem=2,
                                          source="Biên bản kiểm phiếu ngày 26/11/2025")
        assert stored.by_hand and stored.person_key == "~đỗ minh tuấn|1968"
        _counted_2026(service, [14, 0])
        tuan = service.results().forms[0].candidates[0]
        assert tuan.prior.by_hand and tuan.prior.source == "Biên bản kiểm phiếu ngày 26/11/2025"
        assert "thap_70_percent_two_years" in tuan.flags
        logged = [e for e in service.events() if e.action == "prior_result_set"]
        assert logged[-1].data["prior"]["by_hand"] is True and logged[-1].data["old"] is None
        # corrected, then removed: each logged with what it replaced
        service.set_prior_result("1", 1, 2025, thap=12, base=20, source="Biên bản kiểm phiếu ngày 26/11/2025")
        service.remove_prior_result(stored.person_key, 2025)
        assert "thap_70_percent_two_years" not in service.results().forms[0].candidates[0].flags
        service.set_prior_result("1", 1, 2025, thap=15, base=20, source="Biên bản kiểm phiếu ngày 26/11/2025")
        service.seal(HONG)
        assert service.verify().intact and service.prior_problems() == []
        with pytest.raises(TinNhiemError) as refused:
            service.set_prior_result("1", 2, 2025, thap=1, base=10, source="x")
        assert refused.value.code == "round_sealed"
    replayed = replay(RoundService.open(tmp_path / "gtvt-2026.tinnhiem", HONG, read_only=True).events())
    assert replayed.issues == () and replayed.priors[("~đỗ minh tuấn|1968", 2025)]["thap"] == 15


def test_a_changed_earlier_figure_is_found_and_the_file_refused(tmp_path):
    path = tmp_path / "gtvt-2026.tinnhiem"
    with _typed_round(tmp_path, [person("Đỗ Minh Tuấn", "Giám đốc", 0, 1968)]) as service:
        service.set_prior_result("1", 1, 2025, thap=15, base=20, source="Biên bản 2025")
        _counted_2026(service, [14])
        service.seal(HONG)
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE prior_result SET thap = 5")
    connection.close()
    with RoundService.open(path, HONG, read_only=True) as service:
        assert [p.code for p in service.prior_problems()] == ["prior_result_differs_from_log"]
    refused = open_sealed(path)
    assert isinstance(refused, RefusedFile) and refused.code == "history_altered"
    assert "Kết quả năm 2025 của Đỗ Minh Tuấn" in sentence(refused.code, refused.params)


def test_carried_keys_are_readable_and_stable():
    candidate = Candidate(1, "Đặng Văn Ánh", "Trưởng phòng", 1979)
    key = carried_key("uid-1", candidate)
    assert key.startswith("DVA-1979-") and len(key) == len("DVA-1979-") + 6
    assert key == carried_key("uid-1", Candidate(4, "Đặng  Văn Ánh", "Phó phòng", 1979))  # order, position, spaces
    assert key != carried_key("uid-2", candidate)
    assert carried_key("uid-1", Candidate(1, "X", "", None, "own-key")) == "own-key"
    assert PriorResult.from_data(PriorResult("k", 2025, "A", 1, 2).as_data()) == PriorResult("k", 2025, "A", 1, 2)


def test_a_damaged_file_is_refused_or_reads_exactly_as_sealed(tmp_path, last_year_file):
    """Bytes changed anywhere in a sealed file: either SQLite and the checks see nothing changed
    (unused space), and the round reads as sealed, or the file is refused; never an exception."""
    import random

    original = open_sealed(last_year_file)
    data = last_year_file.read_bytes()
    rng = random.Random(2026)
    outcomes = set()
    for attempt in range(40):
        damaged = bytearray(data)
        offset = rng.randrange(100, len(data) - 64)
        for k in range(rng.choice((1, 8, 64))):
            damaged[offset + k] = rng.randrange(256)
        path = tmp_path / f"hong-{attempt}.tinnhiem"
        path.write_bytes(bytes(damaged))
        opened = open_sealed(path)
        if isinstance(opened, RefusedFile):
            assert opened.code in ("history_unreadable", "history_altered") and opened.code in MESSAGES
        else:
            assert opened.info.fingerprint == original.info.fingerprint
            assert opened.results == original.results
        outcomes.add(type(opened).__name__)
    assert outcomes == {"RefusedFile", "SealedRound"}
