"""Blind double entry, stations on other machines, and an old round file migrated after a backup."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from tinnhiem_desktop.core.double_entry import Resolution, compare_form, keyer_stats
from tinnhiem_desktop.core.issues import TinNhiemError
from tinnhiem_desktop.core.model import Ballot, BallotStatus, EntryMode, EntryPass, Mark
from tinnhiem_desktop.core.spec import setup_from_dict, setup_to_dict
from tinnhiem_desktop.storage.roundfile import SCHEMA_VERSION
from tinnhiem_desktop.services.rounds import RoundService

from conftest import downgraded, spec_dict

AN, BINH, HONG = "Nguyễn Thị An", "Trần Văn Bình", "Lê Thị Hồng"
C, T, L, N = Mark.CAO, Mark.TIN_NHIEM, Mark.THAP, Mark.NO_MARK

# One small form: 3 candidates, 4 ballots collected.
FORM = {
    "id": "1", "title": "Lãnh đạo Sở", "summoned": 5, "present": 5, "issued": 4, "collected": 4,
    "candidates": [{"name": "Nguyễn Văn An"}, {"name": "Hoàng Thị Thu Hà"}, {"name": "Vũ Đức Thắng"}],
}
PAPER = {  # what the four paper ballots say
    1: {1: C, 2: T, 3: L},
    2: {1: C, 2: C, 3: T},
    3: {1: L, 2: T, 3: N},
    4: {1: T, 2: T, 3: T},
}


def double_setup(**extra):
    return setup_from_dict(spec_dict(forms=[dict(FORM)], entry_mode="double", **extra), "test")


@pytest.fixture
def round_file(tmp_path):
    path = tmp_path / "dot.tinnhiem"
    RoundService.create(path, double_setup(), HONG).close()
    return path


def key(service: RoundService, entry_pass: str, ballots: dict[int, dict[int, Mark]]) -> None:
    service.set_entry_pass(entry_pass)
    for number, marks in ballots.items():
        service.add_ballot("1", number, marks)


def key_both_passes(path: Path) -> None:
    """An keys pass A faithfully; Bình, blind, misreads ballot 2's second cell and skips ballot 4."""
    with RoundService.open(path, AN) as service:
        key(service, "A", PAPER)
    with RoundService.open(path, BINH) as service:
        service.set_entry_pass("B")
        assert service.ballots() == [], "pass B must not see pass A"
        assert service.next_ballot_number("1") == 1
        key(service, "B", {1: PAPER[1], 2: {**PAPER[2], 2: L}, 3: PAPER[3]})


def test_two_keyers_blind_differences_resolved_then_sealed_and_verified(round_file):
    key_both_passes(round_file)
    with RoundService.open(round_file, HONG) as service:
        differences = service.differences()
        assert [(d.number, d.kind, d.candidates) for d in differences] == [(2, "marks", (2,)), (4, "only_a", ())]
        # Until resolved, the differing ballots count for nobody and the results say so.
        results = service.results()
        assert results.forms[0].tally.keyed == 2
        assert "double_entry_unresolved" in [i.code for i in results.issues]
        assert "double_entry_unresolved" in [i.code for i in service.seal_problems()]
        with pytest.raises(TinNhiemError) as refused:
            service.seal(HONG)
        assert refused.value.code == "seal_needs_reason"

        # With the paper in hand: ballot 2 is keyed again, ballot 4 exists (take A).
        counted = service.resolve("1", 2, Resolution.KEYED_AGAIN, PAPER[2])
        assert counted == Ballot("1", 2, BallotStatus.VALID, PAPER[2], "", EntryPass.R)
        service.resolve("1", 4, Resolution.TAKE_A)
        assert all(d.resolved for d in service.differences())
        assert service.seal_problems() == []
        tally = service.results().forms[0].tally
        assert tally.keyed == 4
        assert [c.cao for c in tally.candidates] == [2, 1, 0]
        assert [c.thap for c in tally.candidates] == [1, 0, 1]

        stats = {s.keyer: s for s in service.keyer_stats()}
        assert (stats[AN].ballots, stats[AN].marks, stats[AN].disagreements) == (4, 12, 2)
        assert (stats[BINH].ballots, stats[BINH].marks, stats[BINH].disagreements) == (3, 9, 1)

        info = service.seal(HONG)
        sealed_fingerprint = info.fingerprint
        resolutions = [e for e in service.events() if e.action == "difference_resolved"]
        assert [(e.keyer, e.data["choice"]) for e in resolutions] == [(HONG, "R"), (HONG, "A")]
    with RoundService.open(round_file, HONG, read_only=True) as archived:
        report = archived.verify()
        assert report.intact and report.fingerprint == sealed_fingerprint


@pytest.mark.parametrize(
    ("statement", "code"),
    [
        ("UPDATE mark SET value = 'cao' WHERE candidate_seq = 2 AND ballot_id ="
         " (SELECT id FROM ballot WHERE pass = 'B' AND number = 2)", "mark_differs_from_log"),
        ("UPDATE resolution SET choice = 'B' WHERE number = 4", "resolution_differs_from_log"),
        ("DELETE FROM ballot WHERE pass = 'R'", "ballot_missing"),
    ],
)
def test_verify_finds_a_touched_pass_or_resolution(round_file, statement, code):
    key_both_passes(round_file)
    with RoundService.open(round_file, HONG) as service:
        service.resolve("1", 2, Resolution.KEYED_AGAIN, PAPER[2])
        service.resolve("1", 4, Resolution.TAKE_A)
        service.seal(HONG)
    with sqlite3.connect(round_file) as connection:
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute(statement)
    with RoundService.open(round_file, HONG, read_only=True) as archived:
        codes = {p.code for p in archived.verify().problems}
    assert code in codes and "fingerprint_mismatch" in codes


def test_take_b_of_a_ballot_only_a_keyed_means_it_does_not_exist(round_file):
    key_both_passes(round_file)
    with RoundService.open(round_file, HONG) as service:
        assert service.resolve("1", 4, "B") is None
        assert 4 not in [b.number for b in service.counted_ballots()]
        with pytest.raises(TinNhiemError) as agreed:
            service.resolve("1", 1, "A")
        assert agreed.value.code == "no_difference"


def test_a_single_entry_round_keys_pass_a_only(tmp_path):
    with RoundService.create(tmp_path / "r.tinnhiem", setup_from_dict(spec_dict(), "t"), HONG) as service:
        assert service.setup.entry_mode is EntryMode.SINGLE
        with pytest.raises(TinNhiemError) as refused:
            service.set_entry_pass("B")
        assert refused.value.code == "entry_pass_not_allowed"
        service.add_ballot("1", 1, {1: C})
        assert service.differences() == [] and service.counted_ballots() == service.ballots()


def test_the_entry_mode_round_trips_and_single_setups_serialise_as_before():
    assert "entry_mode" not in setup_to_dict(setup_from_dict(spec_dict(), "t"))
    double = double_setup()
    assert setup_from_dict(setup_to_dict(double), "t") == double
    with pytest.raises(TinNhiemError) as bad:
        setup_from_dict(spec_dict(entry_mode="triple"), "t")
    assert bad.value.code == "unknown_entry_mode" and bad.value.location.path == "entry_mode"


marks_strategy = st.dictionaries(st.integers(1, 3), st.sampled_from(list(Mark)), max_size=3)


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.integers(1, 6), marks_strategy, max_size=6),
       st.dictionaries(st.integers(1, 6), marks_strategy, max_size=6))
def test_comparison_lists_exactly_the_numbers_where_passes_differ(a_marks, b_marks):
    a = {n: Ballot("1", n, marks=m) for n, m in a_marks.items()}
    b = {n: Ballot("1", n, marks=m, entry_pass=EntryPass.B) for n, m in b_marks.items()}
    listed = {d.number: d for d in compare_form("1", {EntryPass.A: a, EntryPass.B: b}, {})}
    for number in a.keys() | b.keys():
        agree = number in a and number in b and a_marks[number] == b_marks[number]
        assert (number in listed) is not agree
        if number in listed and number in a and number in b:
            cells = listed[number].candidates
            assert set(cells) == {o for o in range(1, 4) if a_marks[number].get(o) != b_marks[number].get(o)}


# -- stations -------------------------------------------------------------------------------


def test_two_stations_key_blind_and_the_master_merges_listing_conflicts(round_file, tmp_path):
    with RoundService.open(round_file, HONG) as master:
        station_a = master.make_station_copy(tmp_path / "may-a.tinnhiem", "Máy 1", "A")
        station_b = master.make_station_copy(tmp_path / "may-b.tinnhiem", "Máy 2", "B", 1, 3)
    with RoundService.open(station_a, AN) as service:
        assert service.entry_pass is EntryPass.A and service.station.name == "Máy 1"
        key(service, "A", PAPER)
    with RoundService.open(station_b, BINH) as service:
        assert service.entry_pass is EntryPass.B and not service.setup_editable
        with pytest.raises(TinNhiemError) as outside:
            service.add_ballot("1", 4, PAPER[4])
        assert outside.value.code == "ballot_outside_station"
        key(service, "B", {1: PAPER[1], 2: PAPER[2], 3: {**PAPER[3], 1: T}})

    with RoundService.open(round_file, HONG) as master:
        master.set_entry_pass("B")
        master.add_ballot("1", 2, {**PAPER[2], 3: C})  # keyed here too, differently
        first = master.import_station(station_a)
        assert (first.station, first.added, first.already, first.conflicts) == ("Máy 1", 4, 0, ())
        second = master.import_station(station_b)
        assert (second.added, second.already) == (2, 0)
        assert [(c.code, c.number) for c in second.conflicts] == [("station_ballot_differs", 2)]
        assert master.ballots("1", "B")[1].marks[3] is C, "a conflict never overwrites the master"
        again = master.import_station(station_a)
        assert (again.added, again.already) == (0, 4)
        stats = {s.keyer: s for s in master.keyer_stats()}
        assert stats[AN].ballots == 4 and stats[BINH].ballots == 2
        imported = [e for e in master.events() if e.action == "ballot_added" and e.data.get("station") == "Máy 2"]
        assert {e.data.get("keyed_by") for e in imported} == {BINH}
        assert master.verify().intact


def test_a_file_that_is_not_this_rounds_station_changes_nothing(round_file, tmp_path):
    other = tmp_path / "khac.tinnhiem"
    RoundService.create(other, double_setup(), HONG).close()
    with RoundService.open(other, HONG) as service:
        foreign_station = service.make_station_copy(tmp_path / "khac-may.tinnhiem", "Máy 9", "A")
    with RoundService.open(round_file, HONG) as master:
        tampered = master.make_station_copy(tmp_path / "sua.tinnhiem", "Máy 3", "A")
    with RoundService.open(tampered, AN) as service:
        service.add_ballot("1", 1, PAPER[1])
    with sqlite3.connect(tampered) as connection:
        connection.execute("UPDATE mark SET value = 'thap' WHERE candidate_seq = 1")

    with RoundService.open(round_file, HONG) as master:
        before = len(master.events())
        for path, code in ((foreign_station, "station_other_round"), (other, "not_a_station_file"),
                           (tampered, "station_file_altered"), (tmp_path / "none.tinnhiem", "file_not_found")):
            with pytest.raises(TinNhiemError) as refused:
                master.import_station(path)
            assert refused.value.code == code
        assert len(master.events()) == before and master.all_ballots() == []


# -- an older schema ------------------------------------------------------------------------


def schema_1_round(path: Path) -> None:
    """A round file exactly as the first release wrote it: schema 1, one ballot with two marks."""
    from alembic import command
    from alembic.config import Config
    from tinnhiem_desktop.storage.roundfile import APPLICATION_ID, MIGRATIONS, make_engine

    engine = make_engine(path, "create")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    engine.dispose()
    setup = setup_from_dict(spec_dict(), "old")
    from tinnhiem_desktop.core.audit import ballot_state, chain_event

    created = chain_event(None, "2025-11-20T08:00:00+07:00", HONG, "round_created", {"setup": setup_to_dict(setup)})
    added = chain_event(created, "2025-11-20T08:05:00+07:00", AN, "ballot_added",
                        {"form": "1", "ballot": 1, "new": ballot_state(Ballot("1", 1, marks={1: C, 2: L}))})
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO round (id, uid, title, year, rule_id, header_style, header_parent, header_unit,"
                   " meeting_date, meeting_place, meeting_chair, created_at) VALUES"
                   " (1, 'old', ?, 2026, 'qd-96-2023', 'state', ?, ?, '2026-11-27', ?, ?, ?)",
                   (setup.title, setup.header.parent, setup.header.unit, setup.meeting.place,
                    setup.meeting.chair, created.at))
        for seq, member in enumerate(setup.team, 1):
            db.execute("INSERT INTO team_member (seq, name, role) VALUES (?, ?, ?)", (seq, member.name, member.role))
        for seq, form in enumerate(setup.forms, 1):
            cursor = db.execute(
                "INSERT INTO ballot_form (code, seq, title, summoned, present, issued, collected) VALUES (?,?,?,?,?,?,?)",
                (form.code, seq, form.title, *form.counts.as_dict().values()))
            for c in form.candidates:
                db.execute("INSERT INTO candidate (form_id, seq, name, position, birth_year, person_key)"
                           " VALUES (?,?,?,?,?,?)", (cursor.lastrowid, c.order, c.name, c.position,
                                                     c.birth_year, c.person_key))
        db.execute("INSERT INTO ballot (id, form_id, number, status, invalid_reason) VALUES (7, 1, 1, 'valid', '')")
        db.execute("INSERT INTO mark VALUES (7, 1, 'cao'), (7, 2, 'thap')")
        for event in (created, added):
            db.execute("INSERT INTO event VALUES (?,?,?,?,?,?)", (event.seq, event.at, event.keyer, event.action,
                       json.dumps(event.data, ensure_ascii=False, sort_keys=True), event.hash))
        db.execute(f"PRAGMA application_id={APPLICATION_ID}")
        db.execute("PRAGMA user_version=1")


def test_a_schema_1_file_is_migrated_after_a_backup_copy_beside_it(tmp_path):
    path = tmp_path / "nam-2025.tinnhiem"
    schema_1_round(path)
    old_bytes = path.read_bytes()

    with RoundService.open(path, HONG, read_only=True) as archived:  # read through a migrated copy
        assert archived.verify().intact and len(archived.ballots()) == 1
    assert path.read_bytes() == old_bytes and not (tmp_path / "nam-2025.v1-backup.tinnhiem").exists()

    with RoundService.open(path, HONG) as service:
        assert service.ballots() == [Ballot("1", 1, marks={1: C, 2: L})]
        assert service.verify().intact
        service.set_marks("1", 1, {3: T})  # and it keys on
    backup = tmp_path / "nam-2025.v1-backup.tinnhiem"
    assert backup.exists()
    with sqlite3.connect(backup) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (1,)
        assert db.execute("SELECT count(*) FROM mark").fetchone() == (2,)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
        assert db.execute("SELECT pass, number FROM ballot").fetchall() == [("A", 1)]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_keyer_stats_count_cells_from_the_log():
    from tinnhiem_desktop.core.audit import ballot_state, chain_event

    first = chain_event(None, "t", AN, "ballot_added",
                        {"form": "1", "ballot": 1, "new": ballot_state(Ballot("1", 1, marks={1: C, 2: T}))})
    second = chain_event(first, "t", BINH, "mark_set",
                         {"form": "1", "ballot": 1, "candidate": 2, "old": "tin_nhiem", "new": "thap"})
    stats = {s.keyer: (s.ballots, s.marks) for s in keyer_stats([first, second])}
    assert stats == {AN: (1, 2), BINH: (0, 1)}


# -- the whole story from the command line --------------------------------------------------


def test_done_when_two_keyers_blind_resolve_seal_minutes_and_verify_from_the_command_line(tmp_path, capsys):
    from pypdf import PdfReader

    from tinnhiem_desktop.cli import main
    from tinnhiem_desktop.core.audit import grouped
    from conftest import write_csv, write_spec

    def cli(*args):
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out + err

    spec = write_spec(tmp_path / "dot.json", spec_dict(forms=[dict(FORM)], entry_mode="double"))
    path = tmp_path / "dot.tinnhiem"
    assert cli("new", path, "--spec", spec)[0] == 0
    rows = [["1", str(n), "valid", *("123"[[C, T, L].index(m)] if m in (C, T, L) else "0" for m in PAPER[n].values())]
            for n in PAPER]
    write_csv(tmp_path / "a.csv", rows, width=3)
    rows[1][4] = "3"  # pass B misreads ballot 2, second person
    write_csv(tmp_path / "b.csv", rows, width=3)
    assert cli("import-ballots", path, tmp_path / "a.csv", "--pass", "A")[0] == 0
    assert cli("import-ballots", path, tmp_path / "b.csv", "--pass", "B")[0] == 0

    code, out = cli("compare", path)
    assert code == 1 and "1 chưa xử lý" in out and "phiếu số 2" in out
    code, out = cli("seal", path, "--by", HONG)
    assert code == 1 and "chênh lệch" in out
    code, out = cli("resolve", path, "--form", "1", "--ballot", "2", "--marks", "11", "--by", HONG)
    assert code == 2 and "Cần đúng 3 ký tự (mỗi người một ký tự), đã gõ 2." in out  # not a ballot left half keyed
    assert cli("resolve", path, "--form", "1", "--ballot", "2", "--marks", "1 1 2", "--by", HONG)[0] == 0
    assert cli("compare", path)[0] == 0
    code, out = cli("seal", path, "--by", HONG)
    assert code == 0
    fingerprint = out.split("(SHA-256): ")[1].strip()

    minutes, log = tmp_path / "bien-ban.pdf", tmp_path / "nhat-ky.pdf"
    assert cli("export", path, "--minutes", minutes, "--entry-log", log)[0] == 0
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(minutes).pages)
    assert "hai lượt độc lập" in text and "1 phiếu có chênh lệch" in text
    assert grouped(fingerprint) in text
    log_text = " ".join(page.extract_text() for page in PdfReader(log).pages)
    assert "Số chênh lệch hai lượt" in " ".join(log_text.split()) and "Xử lý chênh lệch" in log_text

    assert cli("verify", path)[0] == 0
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE mark SET value = 'thap' WHERE candidate_seq = 1 AND ballot_id ="
                           " (SELECT id FROM ballot WHERE pass = 'A' AND number = 1)")
    code, out = cli("verify", path)
    assert code == 1 and "Phiếu số 1" in out and "tín nhiệm thấp" in out


def test_a_resolution_stops_counting_once_the_passes_agree_again_or_the_ballot_is_gone(round_file):
    key_both_passes(round_file)
    with RoundService.open(round_file, HONG) as service:
        service.resolve("1", 2, Resolution.KEYED_AGAIN, {1: L, 2: L, 3: L})  # a wrong re-keying
        assert service.counted_ballots()[1].marks[1] is L
        service.set_entry_pass("B")
        service.set_marks("1", 2, {2: PAPER[2][2]})  # pass B corrected: it now agrees with pass A
        assert [d.number for d in service.differences("1")] == [4]
        assert service.counted_ballots()[1] == Ballot("1", 2, marks=PAPER[2]), "the passes' agreement counts"
        service.resolve("1", 4, Resolution.TAKE_A)
        service.set_entry_pass("A")
        service.remove_ballot("1", 4)  # the ballot did not exist after all: gone from both passes
        assert 4 not in [b.number for b in service.counted_ballots()]
    with RoundService.open(round_file, HONG, read_only=True) as again:  # the same from the file
        assert [b.number for b in again.counted_ballots()] == [1, 2, 3]
        assert again.results().forms[0].tally.keyed == 3


def test_a_schema_3_file_migrates_to_reading_sources_keeping_every_mark_and_its_seal(tmp_path):
    """Revision 0004 lifts the list of passes out of the schema (a source is data, core/sources.py)."""


    path = tmp_path / "nam-2025.tinnhiem"
    with RoundService.create(path, double_setup(), HONG) as service:
        for entry_pass in ("A", "B"):
            service.set_entry_pass(entry_pass)
            for number, marks in PAPER.items():
                service.add_ballot("1", number, marks)
        sealed = service.seal(HONG).fingerprint
    downgraded(path, "0003")
    with sqlite3.connect(path) as db:
        assert "pass IN" in db.execute("SELECT sql FROM sqlite_master WHERE name = 'ballot'").fetchone()[0]
        marks = db.execute("SELECT count(*) FROM mark").fetchone()[0]
    assert marks == 2 * 4 * 3
    with RoundService.open(path, HONG) as service:
        report = service.verify()
        assert report.intact and report.fingerprint == sealed
        assert len(service.ballots(entry_pass=EntryPass.B)) == 4
    assert (tmp_path / "nam-2025.v3-backup.tinnhiem").exists()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,) == (4,)
        assert "pass IN" not in db.execute("SELECT sql FROM sqlite_master WHERE name = 'ballot'").fetchone()[0]
        assert db.execute("SELECT count(*) FROM mark").fetchone()[0] == marks


def test_the_master_trusts_its_record_of_a_station_copy_not_the_copys_own_claims(round_file, tmp_path):
    from tinnhiem_desktop.core.events import event_hash

    with RoundService.open(round_file, HONG) as master:
        station = master.make_station_copy(tmp_path / "may-2.tinnhiem", "Máy 2", "B", 1, 2)
        made = [e for e in master.events() if e.action == "station_copy_made"]
        assert [(e.data["name"], e.data["pass"], e.data["first"], e.data["last"]) for e in made] == [("Máy 2", "B", 1, 2)]
    db = sqlite3.connect(station)
    with db:  # the copy claims a wider range, its log re-chained to match
        db.execute("UPDATE round SET station_last = NULL")
        prev = "0" * 64
        for seq, at, keyer, action, data in db.execute("SELECT seq, at, keyer, action, data FROM event ORDER BY seq").fetchall():
            content = json.loads(data)
            if action == "station_made":
                content["last"] = None
                db.execute("UPDATE event SET data = ? WHERE seq = ?", (json.dumps(content, ensure_ascii=False), seq))
            prev = event_hash(prev, seq, at, keyer, action, content)
            db.execute("UPDATE event SET hash = ? WHERE seq = ?", (prev, seq))
    db.close()
    with RoundService.open(station, BINH) as service:
        key(service, "B", PAPER)  # four ballots, two of them outside what the master allowed
    with RoundService.open(round_file, HONG) as master:
        merged = master.import_station(station)
        assert merged.added == 2
        assert [(c.code, c.number) for c in merged.conflicts] == [("station_ballot_outside_range", 3),
                                                                  ("station_ballot_outside_range", 4)]
        assert sorted(b.number for b in master.ballots("1", "B")) == [1, 2]

    forged = tmp_path / "gia.tinnhiem"
    with RoundService.open(round_file, HONG) as master:
        master.copy_to(forged)
    with RoundService.open(forged, AN) as copy:  # a copy the master never made, claiming to be a station
        from tinnhiem_desktop.core.events import Draft

        copy._commit([Draft("station_made", {"name": "Máy 9", "pass": "A", "first": None, "last": None,
                                             "token": "0" * 32})])
        copy.add_ballot("1", 7, PAPER[1])
    with RoundService.open(round_file, HONG) as master:
        with pytest.raises(TinNhiemError) as refused:
            master.import_station(forged)
        assert refused.value.code == "station_not_made_here"
