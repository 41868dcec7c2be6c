"""`fold` takes a ballot's run of cells on one working copy (verify of a keyed round is mostly
that); whatever the log holds, regular or tampered with, it must build exactly the state, and find
exactly the problems, that applying its events one by one does."""

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from tinnhiem_desktop.core.audit import ballot_state, replayed_round
from tinnhiem_desktop.core.events import apply, fold
from tinnhiem_desktop.core.model import Ballot, BallotStatus, EntryPass, Mark
from tinnhiem_desktop.core.spec import setup_to_dict
from tinnhiem_desktop.core.state import RoundState

from test_core_audit import build_log as chained, make_setup

VALUES = [mark.value for mark in Mark]


def one_by_one(events):
    state = RoundState()
    for event in events:
        apply(state, event)
    return state


def keyed_entries(draw_marks):
    """Form 1 (2 people) and form 2 (1 person): ballots added empty in passes A and B, then keyed
    cell by cell, some cells changed again, one cleared."""
    entries = [("round_created", {"setup": setup_to_dict(make_setup())})]
    cells = {}
    for form, size, ballots in (("1", 2, 4), ("2", 1, 2)):
        for entry_pass in ("A", "B"):
            for number in range(1, ballots + 1):
                extra = {} if entry_pass == "A" else {"pass": "B"}
                entries.append(("ballot_added", {"form": form, "ballot": number, **extra,
                                                 "new": ballot_state(Ballot(form, number))}))
                for order in range(1, size + 1):
                    for new in draw_marks(form, entry_pass, number, order):
                        old = cells.get((form, entry_pass, number, order))
                        entries.append(("mark_set", {"form": form, "ballot": number, "candidate": order,
                                                     "old": old, "new": new, **extra}))
                        cells[(form, entry_pass, number, order)] = new
    return entries


def marks_from(data):
    def draw_marks(form, entry_pass, number, order):
        return data.draw(st.lists(st.sampled_from(VALUES + [None]), min_size=1, max_size=3))
    return draw_marks


MUTATIONS = ("alter_unhashed", "alter_old", "delete", "swap", "candidate_out_of_range", "candidate_text",
             "extra_field", "missing_field", "bogus_mark", "bogus_pass", "invalid_mid_run", "sealed_mid_log",
             "unknown_form", "list_mark")


def mutate(entries, events, mutation, at, other):
    """A tampered log: `entries` changed and chained again, or `events` changed after chaining."""
    marks = [i for i, (action, _) in enumerate(entries) if action == "mark_set"]
    i = marks[at % len(marks)]
    action, data = entries[i]
    if mutation == "alter_unhashed":
        events = list(events)
        events[i] = replace(events[i], data={**data, "new": "cao" if data["new"] != "cao" else "thap"})
        return events
    if mutation == "delete":
        return [e for j, e in enumerate(events) if j != i]
    if mutation == "swap":
        j = marks[other % len(marks)]
        events = list(events)
        events[i], events[j] = events[j], events[i]
        return events
    entries = list(entries)
    changed = {
        "alter_old": {**data, "old": "nhieu" if data["old"] != "nhieu" else None},
        "candidate_out_of_range": {**data, "candidate": 9},
        "candidate_text": {**data, "candidate": "1"},
        "extra_field": {**data, "by": "x"},
        "missing_field": {k: v for k, v in data.items() if k != "old"},
        "bogus_mark": {**data, "new": "rat_cao"},
        "bogus_pass": {**data, "pass": "Z"},
        "unknown_form": {**data, "form": "9"},
        "list_mark": {**data, "new": ["cao"]},
    }.get(mutation)
    if changed is not None:
        entries[i] = (action, changed)
    elif mutation == "invalid_mid_run":
        form, number, extra = data["form"], data["ballot"], {k: v for k, v in data.items() if k == "pass"}
        before = fold(chained(entries[:i]))
        current = before.ballot(form, EntryPass(data.get("pass", "A")), number)
        invalid = Ballot(form, number, BallotStatus.INVALID, {}, "rách")
        entries.insert(i, ("ballot_status_set", {"form": form, "ballot": number, **extra,
                                                 "old": ballot_state(current), "new": ballot_state(invalid)}))
    elif mutation == "sealed_mid_log":
        entries.insert(i, ("round_sealed", {"by": "Lê Thị B", "reason": "", "problems": [], "at": "2024-11-20T10:00"}))
    return chained(entries)


def same(fast, slow):
    assert (fast.seq, fast.head) == (slow.seq, slow.head)
    assert replayed_round(fast) == replayed_round(slow)
    assert fast.seal == slow.seal


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_a_keyed_log_folds_as_its_events_apply_one_by_one(data):
    events = chained(keyed_entries(marks_from(data)))
    fast = fold(events)
    same(fast, one_by_one(events))
    assert fast.issues == []


@settings(max_examples=200, deadline=None)
@given(st.data(), st.sampled_from(MUTATIONS), st.integers(0, 200), st.integers(0, 200))
def test_a_tampered_log_folds_to_the_same_state_and_problems(data, mutation, at, other):
    entries = keyed_entries(marks_from(data))
    events = mutate(entries, chained(entries), mutation, at, other)
    fast, slow = fold(events), one_by_one(events)
    same(fast, slow)


def test_the_problems_of_a_tampered_run_are_found_where_they_are():
    entries = keyed_entries(lambda form, entry_pass, number, order: ["cao"])
    events = mutate(entries, chained(entries), "alter_old", 3, 0)
    assert [issue.code for issue in fold(events).issues] == ["log_inconsistent"]
    events = mutate(entries, chained(entries), "alter_unhashed", 3, 0)
    assert [issue.code for issue in fold(events).issues] == ["log_event_altered"]
