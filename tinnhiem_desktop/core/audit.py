"""The audit trail and the fingerprint.

Every change to a round is an event chained by hash to the one before it. Replaying the events
from the first gives the round's state, so a change made behind the program's back (an SQLite
editor, a deleted event) shows as a difference. The fingerprint is a SHA-256 over the canonical
serialisation of the whole round: setup, every ballot and mark, and the head of the log.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Mapping

from .issues import Issue, Severity, TinNhiemError
from .model import Ballot, BallotStatus, Counts, EntryPass, Mark, RoundSetup
from .spec import rule_to_dict, setup_from_dict, setup_to_dict, with_rule

GENESIS = "0" * 64
FINGERPRINT_FORMAT = 1


def canonical_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Event:
    seq: int
    at: str
    keyer: str
    action: str
    data: Mapping[str, Any]
    hash: str


def event_hash(prev_hash: str, seq: int, at: str, keyer: str, action: str, data: Mapping[str, Any]) -> str:
    return sha256(canonical_json([prev_hash, seq, at, keyer, action, data]))


def chain_event(prev: Event | None, at: str, keyer: str, action: str, data: Mapping[str, Any]) -> Event:
    seq = 1 if prev is None else prev.seq + 1
    prev_hash = GENESIS if prev is None else prev.hash
    return Event(seq, at, keyer, action, data, event_hash(prev_hash, seq, at, keyer, action, data))


def ballot_state(ballot: Ballot) -> dict[str, Any]:
    """How an event records a ballot's content."""
    return {
        "status": ballot.status.value,
        "reason": ballot.invalid_reason,
        "marks": {str(order): mark.value for order, mark in ballot.marks.items()},
    }


def ballot_from_state(form: str, number: int, state: Mapping[str, Any], entry_pass: str = "A") -> Ballot:
    return Ballot(
        form,
        number,
        BallotStatus(state["status"]),
        {int(order): Mark(mark) for order, mark in state["marks"].items()},
        state["reason"],
        EntryPass(entry_pass),
    )


def ballot_key(ballot: Ballot) -> tuple[str, str, int]:
    return (ballot.form, ballot.entry_pass.value, ballot.number)


def pass_data(entry_pass: EntryPass | str) -> dict[str, str]:
    """How an event names a ballot's pass: pass A (all of single entry) is left implicit."""
    return {} if entry_pass == EntryPass.A else {"pass": EntryPass(entry_pass).value}


def _ballot_row(ballot: Ballot, size: int) -> list[Any]:
    marks = [ballot.marks[o].value if o in ballot.marks else "" for o in range(1, size + 1)]
    row = [ballot.form, ballot.number, ballot.status.value, ballot.invalid_reason, marks]
    return row if ballot.entry_pass is EntryPass.A else [*row, ballot.entry_pass.value]


def fingerprint(
    setup: RoundSetup,
    ballots: Iterable[Ballot],
    log_head: str,
    resolutions: Mapping[tuple[str, int], str] | None = None,
) -> str:
    """SHA-256 over the setup, every ballot of every pass, the resolutions and the log's head.

    A single-entry round serialises as it did before passes existed, so old seals still verify.
    """
    sizes = {form.code: len(form.candidates) for form in setup.forms}
    order = {form.code: i for i, form in enumerate(setup.forms)}
    rows = [
        _ballot_row(b, sizes[b.form])
        for b in sorted(ballots, key=lambda b: (order[b.form], b.entry_pass.value, b.number))
    ]
    document = {
        "format": FINGERPRINT_FORMAT,
        "setup": setup_to_dict(setup),
        "ballots": rows,
        "log_head": log_head,
    }
    if resolutions:
        document["resolutions"] = sorted([form, number, choice] for (form, number), choice in resolutions.items())
    return sha256(canonical_json(document))


@dataclass(frozen=True)
class ReplayedRound:
    setup: RoundSetup | None
    ballots: Mapping[tuple[str, str, int], Ballot]
    issues: tuple[Issue, ...]
    resolutions: Mapping[tuple[str, int], str] = field(default_factory=dict)
    priors: Mapping[tuple[str, int], Mapping[str, Any]] = field(default_factory=dict)  # (person key, year)


def replay(events: Iterable[Event]) -> ReplayedRound:
    """Rebuild a round from its log, checking the hash chain and each event's `old` values."""
    setup: RoundSetup | None = None
    ballots: dict[tuple[str, str, int], Ballot] = {}
    resolutions: dict[tuple[str, int], str] = {}
    priors: dict[tuple[str, int], Mapping[str, Any]] = {}
    issues: list[Issue] = []
    prev_hash, expected_seq = GENESIS, 1

    def problem(code: str, **params: Any) -> None:
        issues.append(Issue(code, Severity.ERROR, params.pop("form", None), params))

    sealed_at_seq = None
    for event in events:
        if sealed_at_seq is not None:
            problem("log_changed_after_seal", seq=event.seq, sealed=sealed_at_seq)
        if event.seq != expected_seq:
            # The event after a gap cannot be checked: its predecessor's hash is gone.
            problem("log_events_missing", expected=expected_seq, found=event.seq)
        elif event_hash(prev_hash, event.seq, event.at, event.keyer, event.action, event.data) != event.hash:
            problem("log_event_altered", seq=event.seq)
        prev_hash, expected_seq = event.hash, event.seq + 1
        if event.action == "round_sealed":
            sealed_at_seq = event.seq
            continue
        try:
            if event.action in PRIOR_ACTIONS:
                _apply_prior_event(event, priors, problem)
                continue
            setup = _apply_event(event, setup, ballots, resolutions, problem)
        except (KeyError, ValueError, TypeError, AttributeError, TinNhiemError):
            problem("log_event_unreadable", seq=event.seq, action=event.action)
    return ReplayedRound(setup, ballots, tuple(issues), resolutions, priors)


RULE_CHANGED = "rule_changed"  # the round's rule, before the seal: {"old": rule_to_dict, "new": ...}

PRIOR_ACTIONS = (
    "prior_result_set",  # an earlier year's result linked from a sealed file, or typed in by hand
    "prior_result_removed",
)

NO_STATE_ACTIONS = (
    "correction_of",  # which sealed round this one corrects
    "station_made",  # this file is a station's copy of a master round
    "station_imported",  # the ballots a station keyed follow as ballot_added events
    "procedure_recorded",  # a step of the procedure around the count (core/procedure.py)
)


def _apply_event(
    event: Event, setup: RoundSetup | None, ballots: dict, resolutions: dict, problem
) -> RoundSetup | None:
    """Apply one event to the replayed state; returns the setup after it."""
    data = event.data
    if event.action in ("round_created", "setup_replaced"):
        if event.action == "setup_replaced" and (setup is None or ballots):
            problem("log_inconsistent", seq=event.seq)
        return setup_from_dict(data["setup"], "log")
    if event.action == RULE_CHANGED:
        if setup is None or rule_to_dict(setup) != data["old"]:
            problem("log_inconsistent", seq=event.seq)
        return setup if setup is None else with_rule(setup, data["new"], "log")
    entry_pass = data.get("pass", EntryPass.A.value)
    key = (data["form"], entry_pass, data["ballot"]) if "ballot" in data else None
    current = ballots.get(key) if key else None
    if event.action == "difference_resolved":
        number = (data["form"], data["ballot"])
        if resolutions.get(number) != data["old_choice"]:
            problem("log_inconsistent", seq=event.seq)
        resolutions[number] = data["choice"]
        keyed_key = (data["form"], EntryPass.R.value, data["ballot"])
        if data.get("keyed") is None:
            ballots.pop(keyed_key, None)
        else:
            ballots[keyed_key] = ballot_from_state(data["form"], data["ballot"], data["keyed"], EntryPass.R)
    elif event.action == "ballot_added":
        if current is not None:
            problem("log_inconsistent", seq=event.seq)
        ballots[key] = ballot_from_state(key[0], key[2], data["new"], entry_pass)
    elif event.action == "ballot_removed":
        if current is None or ballot_state(current) != data["old"]:
            problem("log_inconsistent", seq=event.seq)
        ballots.pop(key, None)
    elif event.action == "ballot_status_set":
        if current is None or ballot_state(current) != data["old"]:
            problem("log_inconsistent", seq=event.seq)
        ballots[key] = ballot_from_state(key[0], key[2], data["new"], entry_pass)
    elif event.action == "mark_set":
        order = data["candidate"]
        if current is None:
            problem("log_inconsistent", seq=event.seq)
            return setup
        old = current.marks.get(order)
        if (None if old is None else old.value) != data["old"]:
            problem("log_inconsistent", seq=event.seq)
        marks = dict(current.marks)
        if data["new"] is None:
            marks.pop(order, None)
        else:
            marks[order] = Mark(data["new"])
        ballots[key] = replace(current, marks=marks)
    elif event.action in NO_STATE_ACTIONS:
        pass
    elif event.action == "counts_set":
        if setup is None or setup.form(data["form"]).counts.as_dict() != data["old"]:
            problem("log_inconsistent", seq=event.seq)
        if setup is not None:
            setup = _with_counts(setup, data["form"], Counts(**data["new"]))
    else:
        problem("log_unknown_action", seq=event.seq, action=event.action)
    return setup


def _apply_prior_event(event: Event, priors: dict, problem) -> None:
    """An earlier year's result stored or removed; its `old` must be what the log had before."""
    data = event.data
    if event.action == "prior_result_set":
        key = (data["prior"]["person_key"], data["prior"]["year"])
        new = dict(data["prior"])
    else:
        key, new = (data["person_key"], data["year"]), None
    if priors.get(key) != data["old"]:
        problem("log_inconsistent", seq=event.seq)
    if new is None:
        priors.pop(key, None)
    else:
        priors[key] = new


def replay_priors(events: Iterable[Event]) -> ReplayedRound:
    """The earlier-year results as the log's prior events build them, in order (the hash chain is
    `replay`'s to check)."""
    priors: dict[tuple[str, int], Mapping[str, Any]] = {}
    issues: list[Issue] = []

    def problem(code: str, **params: Any) -> None:
        issues.append(Issue(code, Severity.ERROR, None, params))

    for event in events:
        try:
            _apply_prior_event(event, priors, problem)
        except (KeyError, ValueError, TypeError, AttributeError):
            problem("log_event_unreadable", seq=event.seq, action=event.action)
    return ReplayedRound(None, {}, tuple(issues), {}, priors)


def compare_priors_with_log(stored: Iterable[Mapping[str, Any]], replayed: ReplayedRound) -> list[Issue]:
    """Every earlier-year result whose stored figures differ from what the log recorded (each as
    the `as_data()` of a PriorResult)."""
    mine = {(record["person_key"], record["year"]): dict(record) for record in stored}
    issues = []
    for key in sorted(mine.keys() | replayed.priors.keys()):
        if mine.get(key) != (None if key not in replayed.priors else dict(replayed.priors[key])):
            record = mine.get(key) or replayed.priors[key]
            issues.append(Issue("prior_result_differs_from_log", Severity.ERROR, None,
                                {"name": record["name"], "year": key[1]}))
    return [*replayed.issues, *issues]


def _with_counts(setup: RoundSetup, code: str, counts: Counts) -> RoundSetup:
    forms = tuple(replace(f, counts=counts) if f.code == code else f for f in setup.forms)
    return replace(setup, forms=forms)


def compare_with_log(
    setup: RoundSetup,
    ballots: Iterable[Ballot],
    replayed: ReplayedRound,
    resolutions: Mapping[tuple[str, int], str] | None = None,
) -> list[Issue]:
    """Every place where the stored round differs from what its log says it should be."""
    issues: list[Issue] = []
    if replayed.setup is None:
        return [Issue("log_missing_creation", Severity.ERROR)]
    for stored_form, logged_form in zip(setup.forms, replayed.setup.forms):
        stored, logged = stored_form.counts.as_dict(), logged_form.counts.as_dict()
        for name in stored:
            if stored[name] != logged[name]:
                issues.append(
                    Issue("count_differs_from_log", Severity.ERROR, stored_form.code,
                          {"count": name, "stored": stored[name], "logged": logged[name]})
                )
    if rule_to_dict(setup) != rule_to_dict(replayed.setup):
        issues.append(Issue("rule_differs_from_log", Severity.ERROR))
    logged_counts = [f.counts for f in replayed.setup.forms]
    logged_rule = _with_rule_of(_with_all_counts(setup, logged_counts), replayed.setup)
    if len(setup.forms) != len(logged_counts) or logged_rule != replayed.setup:
        issues.append(Issue("setup_differs_from_log", Severity.ERROR))

    stored_resolutions = dict(resolutions or {})
    for key in sorted(stored_resolutions.keys() | replayed.resolutions.keys()):
        stored_choice, logged_choice = stored_resolutions.get(key), replayed.resolutions.get(key)
        if stored_choice != logged_choice:
            issues.append(
                Issue("resolution_differs_from_log", Severity.ERROR, key[0],
                      {"ballot": key[1], "stored": stored_choice, "logged": logged_choice})
            )

    stored_ballots = {ballot_key(b): b for b in ballots}
    for key in sorted(stored_ballots.keys() | replayed.ballots.keys()):
        form, entry_pass, number = key
        if entry_pass != EntryPass.A.value:
            number = f"{number} (lượt {entry_pass})"
        stored_b, logged_b = stored_ballots.get(key), replayed.ballots.get(key)
        if logged_b is None:
            issues.append(Issue("ballot_not_in_log", Severity.ERROR, form, {"ballot": number}))
        elif stored_b is None:
            issues.append(Issue("ballot_missing", Severity.ERROR, form, {"ballot": number}))
        elif stored_b.status != logged_b.status or stored_b.invalid_reason != logged_b.invalid_reason:
            issues.append(
                Issue("ballot_status_differs_from_log", Severity.ERROR, form,
                      {"ballot": number, "stored": stored_b.status.value, "logged": logged_b.status.value,
                       "stored_reason": stored_b.invalid_reason, "logged_reason": logged_b.invalid_reason})
            )
        else:
            for order in sorted(stored_b.marks.keys() | logged_b.marks.keys()):
                s, l = stored_b.marks.get(order), logged_b.marks.get(order)
                if s != l:
                    issues.append(
                        Issue("mark_differs_from_log", Severity.ERROR, form,
                              {"ballot": number, "candidate": order,
                               "stored": s.value if s else None, "logged": l.value if l else None})
                    )
    return issues


def _with_rule_of(setup: RoundSetup, other: RoundSetup) -> RoundSetup:
    """The setup with the other's rule, to compare the rest of the two."""
    return replace(setup, rule_id=other.rule_id, percent_base=other.percent_base, decimals=other.decimals,
                   rule_custom=other.rule_custom)


def _with_all_counts(setup: RoundSetup, counts: list[Counts]) -> RoundSetup:
    return replace(setup, forms=tuple(replace(f, counts=c) for f, c in zip(setup.forms, counts)))
