"""The audit log: hash chain, replay, comparison with the stored round, and the fingerprint."""

import json
import random
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tinnhiem_desktop.core.audit import (
    GENESIS,
    ballot_state,
    chain_event,
    compare_with_log,
    event_hash,
    fingerprint,
    replay,
)
from tinnhiem_desktop.core.model import (
    Ballot,
    BallotForm,
    BallotStatus,
    Candidate,
    Counts,
    Header,
    HeaderStyle,
    Mark,
    Meeting,
    RoundSetup,
    TeamMember,
)
from tinnhiem_desktop.core.spec import setup_to_dict

C, T, L, N, X = Mark.CAO, Mark.TIN_NHIEM, Mark.THAP, Mark.NO_MARK, Mark.MULTI

COUNTS = Counts(30, 29, 29, 29)
NEW_COUNTS = Counts(30, 29, 29, 28)


def make_setup(counts=COUNTS):
    return RoundSetup(
        title="Lấy phiếu tín nhiệm năm 2024",
        year=2024,
        rule_id="qd-96-2023",
        header=Header(HeaderStyle.STATE, "UBND tỉnh", "Sở Tài chính"),
        meeting=Meeting("2024-11-20", "Hội trường", "Nguyễn Văn A"),
        team=(TeamMember("Lê Thị B", "Tổ trưởng"),),
        forms=(
            BallotForm("1", "Lãnh đạo Sở", counts, (Candidate(1, "Trần C", "GĐ"), Candidate(2, "Phạm D", "PGĐ"))),
            BallotForm("2", "Lãnh đạo phòng", Counts(10, 10, 10, 10), (Candidate(1, "Vũ E", "TP"),)),
        ),
    )


def build_log(entries):
    events, prev = [], None
    for i, (action, data) in enumerate(entries, start=1):
        prev = chain_event(prev, f"2024-11-20T09:{i:02d}:00", "keyer-1", action, data)
        events.append(prev)
    return events


B1 = Ballot("1", 1, BallotStatus.VALID, {1: C, 2: T})
B2 = Ballot("1", 2, BallotStatus.VALID, {1: L, 2: X})
B3 = Ballot("2", 1, BallotStatus.VALID, {1: N})
B2_INVALID = Ballot("1", 2, BallotStatus.INVALID, {}, "không có dấu")


def session_entries():
    """Create the round, key three ballots, correct a mark, reject a ballot, fix a count, remove one."""
    return [
        ("round_created", {"setup": setup_to_dict(make_setup())}),
        ("ballot_added", {"form": "1", "ballot": 1, "new": ballot_state(B1)}),
        ("ballot_added", {"form": "1", "ballot": 2, "new": ballot_state(B2)}),
        ("ballot_added", {"form": "2", "ballot": 1, "new": ballot_state(B3)}),
        ("mark_set", {"form": "1", "ballot": 1, "candidate": 2, "old": "tin_nhiem", "new": "thap"}),
        ("ballot_status_set", {"form": "1", "ballot": 2, "old": ballot_state(B2), "new": ballot_state(B2_INVALID)}),
        ("counts_set", {"form": "1", "old": COUNTS.as_dict(), "new": NEW_COUNTS.as_dict()}),
        ("ballot_removed", {"form": "2", "ballot": 1, "old": ballot_state(B3)}),
    ]


# The state the session above leaves.
FINAL_SETUP = make_setup(NEW_COUNTS)
FINAL_B1 = Ballot("1", 1, BallotStatus.VALID, {1: C, 2: L})
FINAL_B2 = B2_INVALID
FINAL_BALLOTS = [FINAL_B1, FINAL_B2]


def codes(issues):
    return [issue.code for issue in issues]


# --- chain -----------------------------------------------------------------------------------


def test_chain_numbers_events_and_links_hashes():
    events = build_log(session_entries())
    assert [e.seq for e in events] == list(range(1, 9))
    prev_hash = GENESIS
    for event in events:
        assert len(event.hash) == 64 and int(event.hash, 16) >= 0
        assert event.hash == event_hash(prev_hash, event.seq, event.at, event.keyer, event.action, event.data)
        prev_hash = event.hash
    assert len({e.hash for e in events}) == len(events)


def test_same_event_after_a_different_history_hashes_differently():
    first, second = build_log(session_entries()[:2])
    other_first = chain_event(None, first.at, first.keyer, first.action, {"setup": setup_to_dict(FINAL_SETUP)})
    again = chain_event(other_first, second.at, second.keyer, second.action, second.data)
    assert again.seq == second.seq
    assert again.hash != second.hash


# --- replay ----------------------------------------------------------------------------------


def test_replay_rebuilds_the_round():
    replayed = replay(build_log(session_entries()))
    assert replayed.issues == ()
    assert replayed.setup == FINAL_SETUP
    assert dict(replayed.ballots) == {("1", "A", 1): FINAL_B1, ("1", "A", 2): FINAL_B2}


def test_stored_round_matching_its_log_has_no_issue():
    replayed = replay(build_log(session_entries()))
    assert compare_with_log(FINAL_SETUP, list(reversed(FINAL_BALLOTS)), replayed) == []


def test_data_edited_after_hashing_is_detected():
    events = build_log(session_entries())
    events[4] = replace(events[4], data={**events[4].data, "new": "cao"})
    replayed = replay(events)
    assert [(i.code, dict(i.params)) for i in replayed.issues] == [("log_event_altered", {"seq": 5})]


def test_action_or_keyer_edited_after_hashing_is_detected():
    events = build_log(session_entries())
    events[1] = replace(events[1], keyer="someone-else")
    assert codes(replay(events).issues) == ["log_event_altered"]


def test_deleted_event_is_detected():
    events = build_log(session_entries())
    del events[4]  # the mark correction
    replayed = replay(events)
    missing = [i for i in replayed.issues if i.code == "log_events_missing"]
    assert [dict(i.params) for i in missing] == [{"expected": 5, "found": 6}]
    assert replayed.ballots[("1", "A", 1)] == B1


def test_event_contradicting_the_state_is_inconsistent():
    entries = session_entries()
    entries[4] = ("mark_set", {"form": "1", "ballot": 1, "candidate": 2, "old": "cao", "new": "thap"})
    assert codes(replay(build_log(entries)).issues) == ["log_inconsistent"]


# --- compare_with_log ------------------------------------------------------------------------


@pytest.fixture
def replayed():
    return replay(build_log(session_entries()))


def test_mark_changed_behind_the_programs_back(replayed):
    tampered = Ballot("1", 1, BallotStatus.VALID, {1: C, 2: C})
    issues = compare_with_log(FINAL_SETUP, [tampered, FINAL_B2], replayed)
    assert [(i.code, i.form, dict(i.params)) for i in issues] == [
        ("mark_differs_from_log", "1", {"ballot": 1, "candidate": 2, "stored": "cao", "logged": "thap"})
    ]


def test_ballot_deleted_behind_the_programs_back(replayed):
    issues = compare_with_log(FINAL_SETUP, [FINAL_B1], replayed)
    assert [(i.code, i.form, dict(i.params)) for i in issues] == [("ballot_missing", "1", {"ballot": 2})]


def test_ballot_added_behind_the_programs_back(replayed):
    extra = Ballot("2", 9, BallotStatus.VALID, {1: L})
    issues = compare_with_log(FINAL_SETUP, [*FINAL_BALLOTS, extra], replayed)
    assert [(i.code, i.form, dict(i.params)) for i in issues] == [("ballot_not_in_log", "2", {"ballot": 9})]


def test_status_changed_behind_the_programs_back(replayed):
    revalidated = replace(FINAL_B2, status=BallotStatus.VALID, invalid_reason="")
    issues = compare_with_log(FINAL_SETUP, [FINAL_B1, revalidated], replayed)
    assert codes(issues) == ["ballot_status_differs_from_log"]


def test_count_changed_behind_the_programs_back(replayed):
    issues = compare_with_log(make_setup(Counts(30, 29, 29, 27)), FINAL_BALLOTS, replayed)
    assert [(i.code, i.form, dict(i.params)) for i in issues] == [
        ("count_differs_from_log", "1", {"count": "collected", "stored": 27, "logged": 28})
    ]


def test_setup_changed_behind_the_programs_back(replayed):
    assert codes(compare_with_log(replace(FINAL_SETUP, title="Khác"), FINAL_BALLOTS, replayed)) == [
        "setup_differs_from_log"
    ]


def test_log_without_creation():
    replayed = replay(build_log(session_entries())[1:])
    assert codes(compare_with_log(FINAL_SETUP, FINAL_BALLOTS, replayed)) == ["log_missing_creation"]


# --- fingerprint -----------------------------------------------------------------------------

HEAD = "ab" * 32


def test_fingerprint_ignores_the_order_ballots_are_given_in():
    ballots = [FINAL_B1, FINAL_B2, Ballot("2", 4, marks={1: C}), Ballot("2", 3, marks={})]
    expected = fingerprint(FINAL_SETUP, ballots, HEAD)
    for seed in range(5):
        shuffled = list(ballots)
        random.Random(seed).shuffle(shuffled)
        assert fingerprint(FINAL_SETUP, shuffled, HEAD) == expected


@st.composite
def ballots_and_one_change(draw):
    numbers = draw(st.lists(st.integers(1, 200), min_size=1, max_size=12, unique=True))
    mark = st.sampled_from(list(Mark))
    ballots = [Ballot("1", n, BallotStatus.VALID, {1: draw(mark), 2: draw(mark)}) for n in numbers]
    index = draw(st.integers(0, len(ballots) - 1))
    order = draw(st.sampled_from([1, 2]))
    old = ballots[index].marks[order]
    new = draw(st.sampled_from([m for m in Mark if m is not old] + [None]))
    marks = dict(ballots[index].marks)
    if new is None:
        del marks[order]
    else:
        marks[order] = new
    changed = list(ballots)
    changed[index] = replace(ballots[index], marks=marks)
    return ballots, changed


@settings(max_examples=200, deadline=None)
@given(ballots_and_one_change())
def test_fingerprint_changes_with_any_single_mark(pair):
    ballots, changed = pair
    assert fingerprint(FINAL_SETUP, changed, HEAD) != fingerprint(FINAL_SETUP, ballots, HEAD)


def test_fingerprint_covers_status_reason_setup_and_log_head():
    expected = fingerprint(FINAL_SETUP, FINAL_BALLOTS, HEAD)
    assert fingerprint(FINAL_SETUP, [FINAL_B1, replace(FINAL_B2, invalid_reason="khác")], HEAD) != expected
    assert fingerprint(FINAL_SETUP, [FINAL_B1, replace(FINAL_B2, status=BallotStatus.VALID)], HEAD) != expected
    assert fingerprint(make_setup(COUNTS), FINAL_BALLOTS, HEAD) != expected
    assert fingerprint(FINAL_SETUP, FINAL_BALLOTS, "cd" * 32) != expected
    assert fingerprint(FINAL_SETUP, FINAL_BALLOTS, HEAD) == expected


def test_log_read_back_from_json_still_verifies():
    events = [
        replace(e, data=json.loads(json.dumps(e.data, ensure_ascii=False))) for e in build_log(session_entries())
    ]
    replayed = replay(events)
    assert replayed.issues == ()
    assert compare_with_log(FINAL_SETUP, FINAL_BALLOTS, replayed) == []
