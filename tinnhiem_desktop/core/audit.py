"""The audit trail and the fingerprint.

Every change to a round is an event chained by hash to the one before it. Replaying the events
from the first gives the round's state, so a change made behind the program's back (an SQLite
editor, a deleted event) shows as a difference. The fingerprint is a SHA-256 over the canonical
serialisation of the whole round: setup, every ballot and mark, and the head of the log.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Mapping

from .events import (  # noqa: F401  (the log's vocabulary, re-exported for older callers)
    PRIOR_ACTIONS, Event, ballot_from_state, ballot_state, canonical_json, chain_event, event_hash, fold, pass_data,
    sha256,
)
from .history import PriorResult
from .issues import Issue, Severity
from .model import Ballot, Counts, EntryPass, RoundSetup
from .procedure import AFTER_SEAL, ProcedureRecord
from .spec import rule_to_dict, setup_to_dict
from .state import GENESIS, RoundState

FINGERPRINT_FORMAT = 1


def ballot_key(ballot: Ballot) -> tuple[str, str, int]:
    return (ballot.form, ballot.entry_pass.value, ballot.number)


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


def replayed_round(state: RoundState) -> ReplayedRound:
    """The parts of a folded log that the stored round is compared with."""
    ballots = {ballot_key(b): b for b in state.all_ballots()} if state.setup else {}
    return ReplayedRound(state.setup, ballots, tuple(state.issues), state.all_resolutions() if state.setup else {},
                         dict(state.priors))


def replay(events: Iterable[Event]) -> ReplayedRound:
    """Rebuild a round from its log, checking the hash chain and each event's `old` values."""
    return replayed_round(fold(events))


def prior_differences(stored: Iterable[PriorResult], logged: Mapping[tuple[str, int], Mapping[str, Any]]) -> list[Issue]:
    """Every earlier-year result whose stored figures differ from what the log recorded."""
    mine = {(prior.person_key, prior.year): prior.as_data() for prior in stored}
    issues = []
    for key in sorted(mine.keys() | logged.keys()):
        if mine.get(key) != (None if key not in logged else dict(logged[key])):
            record = mine.get(key) or logged[key]
            issues.append(Issue("prior_result_differs_from_log", Severity.ERROR, None,
                                {"name": record["name"], "year": key[1]}))
    return issues


def record_differences(
    stored: Mapping[str, ProcedureRecord], logged: Mapping[str, ProcedureRecord], sealed_fingerprint: str | None
) -> list[Issue]:
    """Procedure records that differ from the log (before the seal), or that do not belong to this
    round's seal (after it): a change made behind the program's back."""
    issues = []
    for key in sorted(stored.keys() | logged.keys()):
        if key.startswith(AFTER_SEAL):
            continue
        mine = dict(stored[key].data) if key in stored else None
        if mine != (dict(logged[key].data) if key in logged else None):
            issues.append(Issue("procedure_differs_from_log", Severity.ERROR, None, {"key": key}))
    for key, record in sorted(stored.items()):
        if key.startswith(AFTER_SEAL) and (sealed_fingerprint is None
                                           or record.data.get("fingerprint") != sealed_fingerprint):
            issues.append(Issue("procedure_record_other_seal", Severity.ERROR, None, {"key": key}))
    return issues


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
