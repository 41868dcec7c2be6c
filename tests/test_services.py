"""Services: one call per user action, logged, checked; imports all or nothing; tampering found."""

from __future__ import annotations

import sqlite3

import pytest

from tinnhiem_desktop.core.issues import TinNhiemError
from tinnhiem_desktop.core.model import Ballot, BallotStatus, Counts, Mark
from tinnhiem_desktop.core.spec import setup_from_dict
from tinnhiem_desktop.services.rounds import RoundService

from conftest import spec_dict, write_csv

KEYER = "Phạm Quốc Huy"


@pytest.fixture
def service(round_path):
    with RoundService.create(round_path, setup_from_dict(spec_dict(), "test"), KEYER) as opened:
        yield opened


def test_every_action_is_an_event_with_keyer_old_and_new(service):
    service.add_ballot("1")
    service.set_marks("1", 1, {1: Mark.CAO})
    service.set_marks("1", 1, {1: Mark.THAP})
    service.set_marks("1", 1, {1: None})
    service.invalidate_ballot("1", 1, "không đóng dấu")
    service.restore_ballot("1", 1, {1: Mark.TIN_NHIEM})
    service.change_counts("1", Counts(32, 31, 31, 30))
    service.remove_ballot("1", 1)
    events = service._repo.events()
    assert [e.action for e in events] == [
        "round_created", "ballot_added", "mark_set", "mark_set", "mark_set",
        "ballot_status_set", "ballot_status_set", "counts_set", "ballot_removed",
    ]
    assert {e.keyer for e in events} == {KEYER}
    assert (events[3].data["old"], events[3].data["new"]) == ("cao", "thap")
    assert events[7].data["old"]["issued"] == 30 and events[7].data["new"]["issued"] == 31
    assert service.verify().intact


def test_setting_the_same_mark_twice_writes_nothing(service):
    service.add_ballot("1")
    service.set_marks("1", 1, {2: Mark.CAO})
    count = len(service._repo.events())
    service.set_marks("1", 1, {2: Mark.CAO})
    assert len(service._repo.events()) == count


@pytest.mark.parametrize(
    ("action", "code"),
    [
        (lambda s: s.set_marks("9", 1, {1: Mark.CAO}), "unknown_form"),
        (lambda s: s.set_marks("1", 99, {1: Mark.CAO}), "ballot_not_found"),
        (lambda s: s.set_marks("1", 1, {4: Mark.CAO}), "candidate_out_of_range"),
        (lambda s: s.add_ballot("1", 1), "duplicate_ballot"),
        (lambda s: s.invalidate_ballot("1", 1, "  "), "invalid_reason_required"),
        (lambda s: s.change_counts("1", Counts(30, -1, 30, 30)), "bad_count"),
    ],
)
def test_refused_actions_say_why_and_change_nothing(service, action, code):
    service.add_ballot("1")
    before = (service.ballots(), len(service._repo.events()))
    with pytest.raises(TinNhiemError) as caught:
        action(service)
    assert caught.value.code == code
    assert (service.ballots(), len(service._repo.events())) == before


def test_an_invalid_ballot_takes_no_marks_until_restored(service):
    service.add_ballot("1")
    service.set_marks("1", 1, {1: Mark.CAO})
    assert service.invalidate_ballot("1", 1, "gạch tên").marks == {}
    with pytest.raises(TinNhiemError) as caught:
        service.set_marks("1", 1, {2: Mark.CAO})
    assert caught.value.code == "ballot_is_invalid"
    assert service.restore_ballot("1", 1, {1: Mark.CAO}) == Ballot("1", 1, BallotStatus.VALID, {1: Mark.CAO})


def test_new_ballots_are_numbered_after_the_last_one(service):
    assert [service.add_ballot("1").number for _ in range(3)] == [1, 2, 3]
    service.remove_ballot("1", 2)
    assert service.add_ballot("1").number == 4  # a removed number is never silently reused
    assert service.add_ballot("2").number == 1


def test_import_is_all_or_nothing(service, tmp_path):
    rows = [["1", str(n), "valid", "1", "2", "3"] for n in range(1, 6)] + [["1", "6", "valid", "1", "7"]]
    path = write_csv(tmp_path / "phieu.csv", rows, width=3)
    with pytest.raises(TinNhiemError) as caught:
        service.import_ballots_file(path)
    location = caught.value.location
    assert (caught.value.code, location.source, location.line, location.column) == ("bad_mark", str(path), 7, 5)
    assert service.ballots() == []
    assert [e.action for e in service._repo.events()] == ["round_created"]


def test_import_refuses_a_ballot_number_already_keyed(service, tmp_path):
    service.add_ballot("1", 3)
    path = write_csv(tmp_path / "phieu.csv", [["1", "3", "valid", "1"]], width=3)
    with pytest.raises(TinNhiemError) as caught:
        service.import_ballots_file(path)
    assert (caught.value.code, caught.value.location.line) == ("duplicate_ballot", 2)


def test_more_ballots_than_collected_is_a_warning_not_an_error(service, tmp_path):
    rows = [["2", str(n), "valid", "1", "1"] for n in range(1, 12)]  # form 2 collected 10
    report = service.import_ballots_file(write_csv(tmp_path / "phieu.csv", rows, width=2))
    assert report.added == 11
    assert [(i.code, i.severity.value, i.form) for i in report.issues] == [
        ("keyed_exceeds_collected", "warning", "2")
    ]


def test_a_file_that_is_not_utf8_is_named_with_its_line(service, tmp_path):
    path = tmp_path / "phieu.csv"
    path.write_bytes(b"form,ballot,status,1\n1,1,valid,1\n1,2,invalid:g\xe1ch t\xean\n")  # Latin-1, not UTF-8
    with pytest.raises(TinNhiemError) as caught:
        service.import_ballots_file(path)
    assert (caught.value.code, caught.value.location.line) == ("file_not_utf8", 3)


# -- verify finds what was changed behind the program's back ---------------------------------


def _keyed(service) -> None:
    for number in (1, 2, 3):
        service.add_ballot("1")
        for order, mark in enumerate((Mark.CAO, Mark.TIN_NHIEM, Mark.THAP), start=1):
            service.set_marks("1", number, {order: mark})


def _sql(path, statement: str) -> None:
    connection = sqlite3.connect(path)
    connection.execute(statement)
    connection.commit()
    connection.close()


@pytest.mark.parametrize(
    ("statement", "codes"),
    [
        ("UPDATE mark SET value='cao' WHERE candidate_seq=3 AND ballot_id=2", {"mark_differs_from_log"}),
        ("UPDATE ballot_form SET collected=29 WHERE code='1'", {"count_differs_from_log"}),
        ("DELETE FROM event WHERE seq=5", {"log_events_missing", "mark_differs_from_log"}),
        ("UPDATE event SET keyer='ai đó' WHERE seq=4", {"log_event_altered"}),
        # an editor without foreign keys leaves the ballot's marks behind: SQLite's check sees them
        ("DELETE FROM ballot WHERE number=3", {"ballot_missing", "sqlite_integrity"}),
        ("UPDATE candidate SET name='Nguyễn Văn Ân' WHERE seq=1 AND form_id=1", {"setup_differs_from_log"}),
    ],
    ids=["mark", "count", "deleted-event", "edited-event", "deleted-ballot", "renamed-candidate"],
)
def test_verify_reports_exactly_what_was_tampered_with(round_path, statement, codes):
    with RoundService.create(round_path, setup_from_dict(spec_dict(), "test"), KEYER) as service:
        _keyed(service)
        assert service.verify().intact
    _sql(round_path, statement)
    with RoundService.open(round_path, KEYER, read_only=True) as service:
        report = service.verify()
    assert not report.intact
    assert {p.code for p in report.problems} == codes


def test_verify_names_the_ballot_candidate_and_both_values(round_path):
    with RoundService.create(round_path, setup_from_dict(spec_dict(), "test"), KEYER) as service:
        _keyed(service)
    _sql(round_path, "UPDATE mark SET value='cao' WHERE candidate_seq=3 AND ballot_id=2")
    with RoundService.open(round_path, KEYER, read_only=True) as service:
        (problem,) = service.verify().problems
    assert problem.form == "1"
    assert dict(problem.params) == {"ballot": 2, "candidate": 3, "stored": "cao", "logged": "thap"}


def test_results_kept_current_by_each_action_equal_a_recount_from_the_file(service, round_path):
    service.results()  # tallies are now kept by the service
    for _ in range(4):
        service.add_ballot("1")
    service.set_marks("1", 1, {1: Mark.THAP})
    service.set_marks("1", 2, {1: Mark.CAO})
    service.set_marks("1", 2, {1: Mark.MULTI})
    service.invalidate_ballot("1", 3, "gạch tên")
    service.restore_ballot("1", 3, {2: Mark.THAP})
    service.remove_ballot("1", 4)
    service.change_counts("1", Counts(32, 31, 31, 31))
    kept = service.results()
    with RoundService.open(round_path, KEYER, read_only=True) as reader:
        assert reader.results() == kept


def test_setup_can_be_replaced_before_counting_and_not_after(service, round_path):
    data = spec_dict(rule="nq-35-2012")
    data["forms"][0]["candidates"].append({"name": "Ngô Minh Khôi", "position": "Phó Giám đốc Sở"})
    service.replace_setup(setup_from_dict(data, "test"))
    assert len(service.setup.form("1").candidates) == 4 and service.setup.rule_id == "nq-35-2012"
    service.add_ballot("1", marks={4: Mark.CAO})
    with pytest.raises(TinNhiemError) as caught:
        service.replace_setup(setup_from_dict(spec_dict(), "test"))
    assert caught.value.code == "setup_locked_by_ballots"
    assert service.verify().intact
    with RoundService.open(round_path, KEYER, read_only=True) as reader:
        assert reader.setup == service.setup


def test_fill_and_first_keystroke_are_one_transaction_each(service):
    service.add_ballot("1", marks={1: Mark.CAO})
    service.set_marks("1", 1, {2: Mark.THAP, 3: Mark.THAP})
    actions = [e.action for e in service._repo.events()]
    assert actions == ["round_created", "ballot_added", "mark_set", "mark_set"]
    assert service.ballots() == [Ballot("1", 1, BallotStatus.VALID, {1: Mark.CAO, 2: Mark.THAP, 3: Mark.THAP})]


def test_verify_reports_an_event_whose_content_was_edited_into_nonsense(round_path):
    with RoundService.create(round_path, setup_from_dict(spec_dict(), "test"), KEYER) as service:
        _keyed(service)
    _sql(round_path, """UPDATE event SET data=replace(data, '"new": "thap"', '"new": "cao!"') WHERE seq=5""")
    with RoundService.open(round_path, KEYER, read_only=True) as service:
        codes = {p.code for p in service.verify().problems}
    assert "log_event_unreadable" in codes and "log_event_altered" in codes


def test_a_reader_beside_a_writer_sees_the_writers_counts_and_ballots(service, round_path):
    with RoundService.open(round_path, KEYER, read_only=True) as reader:
        reader.results()
        service.change_counts("1", Counts(32, 31, 30, 29))
        service.add_ballot("1", marks={1: Mark.THAP})
        assert reader.results().forms[0].form.counts.collected == 29
        assert reader.results().forms[0].tally.keyed == 1
        assert reader.verify().intact
