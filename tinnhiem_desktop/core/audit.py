"""The audit trail and the fingerprint.

Every change to a round is an event chained by hash to the one before it. Replaying the events
from the first gives the round's state, so a change made behind the program's back (an SQLite
editor, a deleted event) shows as a difference. The fingerprint is a SHA-256 over the canonical
serialisation of the whole round: setup, every ballot and mark, and the head of the log.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Mapping, Sequence

from .events import (  # noqa: F401  (the log's vocabulary, re-exported for older callers)
    PRIOR_ACTIONS, Event, ballot_from_state, ballot_state, canonical_json, chain_event, event_hash, fold, pass_data,
    sha256,
)
from .history import PriorResult
from .issues import Issue, Severity, TinNhiemError
from .model import Ballot, Counts, EntryPass, RoundInfo, RoundSetup
from .procedure import AFTER_SEAL, ProcedureRecord
from .spec import rule_to_dict, setup_to_dict
from .state import GENESIS, RoundState  # noqa: F401  (GENESIS: the chain's start, re-exported with the log's vocabulary)

FINGERPRINT_FORMAT = 1  # the first seals: setup, ballots, resolutions and the log's head
WHOLE_FILE_FORMAT = 2  # seals since schema 4: every stored value of the round, and the log's head


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


def whole_file_fingerprint(tables: Mapping[str, Sequence[Sequence[Any]]], log_head: str) -> str:
    """SHA-256 over every stored row of the round (as the store lists them, in key order) and the
    log's head: no stored value can change without changing it."""
    rows = {name: table if type(table) is list else list(table) for name, table in tables.items()}  # rows as JSON arrays
    return sha256(canonical_json({"format": WHOLE_FILE_FORMAT, "tables": rows, "log_head": log_head}))


def normalised_fingerprint(text: str) -> str:
    """A fingerprint as typed from paper: spaces, dashes and case do not matter."""
    return "".join(ch for ch in text.casefold() if ch not in " -\t\n\u00a0")


def paper_fingerprint(typed: str) -> str:
    """The fingerprint typed from paper, normalised; refused unless it is whole (64 hex characters):
    a few characters compared are no comparison."""
    paper = normalised_fingerprint(typed)
    if len(paper) != 64 or any(ch not in "0123456789abcdef" for ch in paper):
        raise TinNhiemError("paper_fingerprint_malformed", length=len(paper))
    return paper


def paper_problems(paper: str, sealed: str | None, current: str) -> list[Issue]:
    """The fingerprint from the signed paper (`paper_fingerprint`) against the file: the whole value
    must match the seal the file holds and the fingerprint of what it holds now."""
    if sealed is None:
        return [Issue("paper_round_not_sealed", Severity.ERROR, None, {"paper": grouped(paper)})]
    if paper != sealed or paper != current:
        return [Issue("paper_fingerprint_differs", Severity.ERROR, None,
                      {"paper": grouped(paper), "file": grouped(current)})]
    return []


def grouped(fingerprint: str, size: int = 4) -> str:
    """'7f3a 9b2c …': the fingerprint in groups a person compares one by one."""
    return " ".join(fingerprint[i:i + size] for i in range(0, len(fingerprint), size))


def after_seal_hash(prev: str, seq: int, key: str, data: Mapping[str, Any], at: str, by: str) -> str:
    """Records made after the seal (results presented, hand-over, reports) chain from the seal's
    head, one after another, so that none can be changed unnoticed."""
    return sha256(canonical_json([prev, seq, key, data, at, by]))


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
    """Procedure records that differ from the log, who and when included (before the seal), or that
    do not belong to this round's seal (after it): a change made behind the program's back."""
    issues = []

    def written(record: ProcedureRecord | None):
        return None if record is None else (dict(record.data), record.at, record.by)

    for key in sorted(stored.keys() | logged.keys()):
        if key.startswith(AFTER_SEAL):
            continue
        if written(stored.get(key)) != written(logged.get(key)):
            issues.append(Issue("procedure_differs_from_log", Severity.ERROR, None, {"key": key}))
    for key, record in sorted(stored.items()):
        if key.startswith(AFTER_SEAL) and (sealed_fingerprint is None
                                           or record.data.get("fingerprint") != sealed_fingerprint):
            issues.append(Issue("procedure_record_other_seal", Severity.ERROR, None, {"key": key}))
    return issues


def info_differences(info: RoundInfo, logged: RoundState) -> list[Issue]:
    """What the file says of itself (its seal, its station, its id) against what its log says."""
    issues = []
    seal = logged.seal
    stored_seal = (info.sealed_at, info.sealed_by, info.seal_reason or "") if info.sealed_at or info.sealed_by else None
    if stored_seal != (None if seal is None else (seal.at, seal.by, seal.reason)):
        issues.append(Issue("seal_differs_from_log", Severity.ERROR))
    if info.station != logged.station:
        issues.append(Issue("station_differs_from_log", Severity.ERROR))
    if logged.uid is not None and (info.uid, info.created_at) != (logged.uid, logged.created_at):
        issues.append(Issue("identity_differs_from_log", Severity.ERROR))
    return issues


def resolver_differences(stored: Iterable[tuple[str, int, str, str]], logged: RoundState) -> list[Issue]:
    """Who settled each difference, and when, as stored (form, number, by, at) against the log."""
    mine = {(form, number): (by, at) for form, number, by, at in stored}
    return [
        Issue("resolution_differs_from_log", Severity.ERROR, key[0],
              {"ballot": key[1], "stored": "/".join(mine.get(key, ("", ""))),
               "logged": "/".join(logged.resolved_by.get(key, ("", "")))})
        for key in sorted(mine.keys() | logged.resolved_by.keys()) if mine.get(key) != logged.resolved_by.get(key)
    ]


def after_seal_problems(
    versions: Mapping[tuple[str, int], tuple[Mapping[str, Any], str, str]], seal_head: str, chained_seal: bool
) -> list[Issue]:
    """The records made after the seal, checked along their chain from the seal's head; in a round
    sealed with a whole-file fingerprint every one of them must be on the chain."""
    issues = []
    chained = sorted((version["seq"], key, version, at, by)
                     for (key, _), (version, at, by) in versions.items() if "seq" in version)
    unchained = sorted({key for (key, _), (version, _, _) in versions.items() if "seq" not in version})
    if chained_seal:
        issues += [Issue("after_seal_record_altered", Severity.ERROR, None, {"key": key}) for key in unchained]
    prev = seal_head
    for place, (seq, key, version, at, by) in enumerate(chained, 1):
        content = {name: value for name, value in version.items() if name != "hash"}
        if seq != place or version.get("prev") != prev or \
                after_seal_hash(prev, seq, key, content, at, by) != version.get("hash"):
            issues.append(Issue("after_seal_record_altered", Severity.ERROR, None, {"key": key}))
        prev = version.get("hash")
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
