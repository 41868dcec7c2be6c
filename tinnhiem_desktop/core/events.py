"""The event vocabulary of a round's log, and the one function that applies an event to a state.

Every change to a round is an event, chained by hash to the one before it. Each kind of event is
declared once here: its name, the fields its data has, and how it changes a `RoundState`. Replaying
a log, verifying a file and a live action are all `apply` (`fold` for many events). An event of a
kind not declared here, or with a field its kind does not have, is an alteration of the file.
How the entry log words each kind is `export/entry_log.py`, which covers every kind declared here.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cached_property
from json.encoder import c_make_encoder, encode_basestring
from typing import Any, Callable, Iterable, Mapping

from .bulk import no_cycle_collection
from .double_entry import Resolution
from .issues import TinNhiemError
from .model import MARKS, Ballot, BallotStatus, Counts, EntryPass, Mark, Station
from .procedure import ProcedureRecord
from .spec import rule_to_dict, setup_from_dict, with_rule
from .state import GENESIS, NO_CHANGES, Changes, RoundState, Seal


_CANONICAL = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))
# The C encoder `_CANONICAL.encode` would build again for every value, made once (a log has tens of
# thousands of events to hash); the same text, without the check for self-containing values (values
# here come from JSON text or from this program's own events).
_ENCODE = None if c_make_encoder is None else c_make_encoder(
    None, _CANONICAL.default, encode_basestring, None, ":", ",", True, False, True)
_RAW_DECODE = json.JSONDecoder().raw_decode


def canonical_json(value: Any) -> str:
    return _CANONICAL.encode(value) if _ENCODE is None else "".join(_ENCODE(value, 0))


def json_value(text: str) -> Any:
    """`json.loads(text)`, faster for the text this program writes (no white space around it)."""
    try:
        value, end = _RAW_DECODE(text)
    except ValueError:
        return json.loads(text)  # the same error, or a value with white space around it
    return value if end == len(text) else json.loads(text)


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


@dataclass(frozen=True)
class Draft:
    """An event before the store numbers and chains it."""

    action: str
    data: Mapping[str, Any]


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
        {int(order): MARKS[mark] for order, mark in state["marks"].items()},
        state["reason"],
        EntryPass(entry_pass),
    )


def pass_data(entry_pass: EntryPass | str) -> dict[str, str]:
    """How an event names a ballot's source: pass A (all of single entry) is left implicit."""
    return {} if entry_pass == EntryPass.A else {"pass": EntryPass(entry_pass).value}


# -- the kinds -------------------------------------------------------------------------------

Handler = Callable[[RoundState, Event], Changes]


@dataclass(frozen=True)
class EventKind:
    name: str
    required: frozenset[str]
    optional: frozenset[str]
    apply: Handler
    note: str  # what the event records, for a reader of this module

    @cached_property
    def fields(self) -> frozenset[str]:
        return self.required | self.optional


KINDS: dict[str, EventKind] = {}


def kind(name: str, required: str, optional: str = "", note: str = "") -> Callable[[Handler], Handler]:
    """Declare a kind of event: its fields (space-separated) and its handler."""

    def register(handler: Handler) -> Handler:
        KINDS[name] = EventKind(name, frozenset(required.split()), frozenset(optional.split()), handler, note)
        return handler

    return register


def _inconsistent(state: RoundState, event: Event) -> None:
    state.problem("log_inconsistent", seq=event.seq)


_PASSES = {entry_pass.value: entry_pass for entry_pass in EntryPass}


def _source(data: Mapping[str, Any]) -> EntryPass:
    value = data.get("pass", "A")
    found = _PASSES.get(value) if isinstance(value, str) else None
    return found if found is not None else EntryPass(value)


def _current(state: RoundState, data: Mapping[str, Any]) -> tuple[str, EntryPass, int, Ballot | None]:
    form, source, number = data["form"], _source(data), data["ballot"]
    if state.setup is None or not state.has_form(form):
        raise KeyError(form)
    return form, source, number, state.ballot(form, source, number)


def _ballot_changed(state: RoundState, form: str, source: EntryPass, number: int, ballot: Ballot | None) -> Changes:
    key = frozenset({(form, source, number)})
    before = state.ballot(form, source, number)
    state.put_ballot(form, source, number, ballot)
    return Changes(forms=frozenset({form}), ballots=key, added=key if before is None and ballot is not None else
                   frozenset(), removed=key if before is not None and ballot is None else frozenset())


@kind("round_created", "setup", "uid", note="the round made, with its whole setup (and its id)")
@kind("setup_replaced", "setup", note="the lists, team, rule or counts replaced before the first ballot")
def _setup(state: RoundState, event: Event) -> Changes:
    if event.action == "round_created" and state.setup is not None:
        _inconsistent(state, event)
    if event.action == "setup_replaced" and (state.setup is None or state.any_ballot()):
        _inconsistent(state, event)
    state.put_setup(setup_from_dict(event.data["setup"], "log"))
    if event.action == "round_created" and state.created_at is None:
        state.created_at = event.at
        state.uid = event.data.get("uid")
    return Changes(setup=True, forms=frozenset(state.form_codes()))


@kind("rule_changed", "old new", note="another rule, or other settings of it, put in force before the seal")
def _rule(state: RoundState, event: Event) -> Changes:
    if state.setup is None:
        _inconsistent(state, event)
        return NO_CHANGES
    if rule_to_dict(state.setup) != event.data["old"]:
        _inconsistent(state, event)
    state.put_rule(with_rule(state.setup, event.data["new"], "log"))
    return Changes(rule=True)


@kind("counts_set", "form old new", note="a form's counts (summoned, present, issued, collected)")
def _counts(state: RoundState, event: Event) -> Changes:
    data = event.data
    if state.setup is None or not state.has_form(data["form"]):
        _inconsistent(state, event)
        return NO_CHANGES
    if state.setup.form(data["form"]).counts.as_dict() != data["old"]:
        _inconsistent(state, event)
    state.put_counts(data["form"], Counts(**data["new"]))
    return Changes(counts=frozenset({data["form"]}))


@kind("ballot_added", "form ballot new", "pass station keyed_by scan",
      note="a ballot read (keyed, or scanned: its pages' files, numbers and SHA-256, the cells left for review), "
           "with its content; from a station, the station and who keyed it there")
def _ballot_added(state: RoundState, event: Event) -> Changes:
    form, source, number, current = _current(state, event.data)
    if current is not None:
        _inconsistent(state, event)
    return _ballot_changed(state, form, source, number, ballot_from_state(form, number, event.data["new"], source))


@kind("ballot_removed", "form ballot old", "pass", note="a ballot taken out, with what it held")
def _ballot_removed(state: RoundState, event: Event) -> Changes:
    form, source, number, current = _current(state, event.data)
    if current is None or ballot_state(current) != event.data["old"]:
        _inconsistent(state, event)
    return _ballot_changed(state, form, source, number, None)


@kind("ballot_status_set", "form ballot old new", "pass", note="a ballot made invalid as a whole, or valid again")
def _ballot_status(state: RoundState, event: Event) -> Changes:
    form, source, number, current = _current(state, event.data)
    if current is None or ballot_state(current) != event.data["old"]:
        _inconsistent(state, event)
    return _ballot_changed(state, form, source, number, ballot_from_state(form, number, event.data["new"], source))


@kind("mark_set", "form ballot candidate old new", "pass scan_confirmed",
      note="one cell of a ballot keyed, changed or cleared; or a scanned ballot's doubtful cell confirmed")
def _mark(state: RoundState, event: Event) -> Changes:
    data = event.data
    form, source, number, current = _current(state, data)
    if current is None:
        _inconsistent(state, event)
        return NO_CHANGES
    order = data["candidate"]
    if not 1 <= order <= len(state.setup.form(form).candidates):
        raise ValueError(order)
    old = current.marks.get(order)
    if (None if old is None else old.value) != data["old"]:
        _inconsistent(state, event)
    marks = dict(current.marks)
    if data["new"] is None:
        marks.pop(order, None)
    else:
        marks[order] = MARKS[data["new"]]
    changed = Ballot(current.form, current.number, current.status, marks, current.invalid_reason, current.entry_pass)
    return _ballot_changed(state, form, source, number, changed)


@kind("difference_resolved", "form ballot choice old_choice keyed",
      note="a difference between the two readings settled with the paper: take A, take B, or read again")
def _resolved(state: RoundState, event: Event) -> Changes:
    data = event.data
    form, number = data["form"], data["ballot"]
    if state.setup is None or not state.has_form(form):
        raise KeyError(form)
    current = state.resolutions_of(form).get(number)
    if (None if current is None else current.value) != data["old_choice"]:
        _inconsistent(state, event)
    state.put_resolution(form, number, Resolution(data["choice"]))
    state.resolved_by[(form, number)] = (event.keyer, event.at)
    keyed = None if data["keyed"] is None else ballot_from_state(form, number, data["keyed"], EntryPass.R)
    changes = _ballot_changed(state, form, EntryPass.R, number, keyed)
    return changes | Changes(resolutions=frozenset({(form, number)}))


@kind("station_made", "name pass first last", "token",
      note="this file made a station's copy, to key one pass and range; the token its master recorded")
def _station_made(state: RoundState, event: Event) -> Changes:
    data = event.data
    state.station = Station(data["name"], EntryPass(data["pass"]), data["first"], data["last"])
    state.station_token = data.get("token")
    return Changes(station=True)


@kind("station_copy_made", "name pass first last token file",
      note="the master made a station's copy: what that station may key, and the token that names it")
def _station_copy_made(state: RoundState, event: Event) -> Changes:
    data = event.data
    state.station_copies[data["token"]] = Station(data["name"], EntryPass(data["pass"]), data["first"], data["last"])
    return NO_CHANGES


@kind("station_imported", "station pass file fingerprint added already conflicts",
      note="a station's ballots merged; they precede it as ballot_added events")
def _station_imported(state: RoundState, event: Event) -> Changes:
    return NO_CHANGES


@kind("correction_of", "fingerprint file reason", note="which sealed round this one corrects, and why")
def _correction(state: RoundState, event: Event) -> Changes:
    state.correction = dict(event.data)
    return NO_CHANGES


@kind("procedure_recorded", "key old new", note="a step of the procedure around the count (core/procedure.py)")
def _procedure(state: RoundState, event: Event) -> Changes:
    data = event.data
    current = state.records.get(data["key"])
    if (None if current is None else dict(current.data)) != data["old"]:
        _inconsistent(state, event)
    if data["new"] is None:
        state.records.pop(data["key"], None)
    else:
        state.records[data["key"]] = ProcedureRecord(data["key"], data["new"], event.at, event.keyer)
    return Changes(procedure=True)


@kind("prior_result_set", "prior old", note="an earlier year's result linked from a sealed file, or typed in")
def _prior_set(state: RoundState, event: Event) -> Changes:
    prior = dict(event.data["prior"])
    key = (prior["person_key"], prior["year"])
    if state.priors.get(key) != event.data["old"]:
        _inconsistent(state, event)
    state.put_prior(key, prior)
    return Changes(priors=True)


@kind("prior_result_removed", "person_key year old", note="an earlier year's result taken out")
def _prior_removed(state: RoundState, event: Event) -> Changes:
    key = (event.data["person_key"], event.data["year"])
    if state.priors.get(key) != event.data["old"]:
        _inconsistent(state, event)
    state.put_prior(key, None)
    return Changes(priors=True)


@kind("round_sealed", "by reason problems at", "format",
      note="the seal: who, when, the reason for any problem left, and the fingerprint's format")
def _sealed(state: RoundState, event: Event) -> Changes:
    data = event.data
    state.seal = Seal(data["by"], data["at"], data["reason"], tuple(data["problems"]), event.seq,
                      int(data.get("format", 1)), event.hash)
    return Changes(seal=True)


PRIOR_ACTIONS = ("prior_result_set", "prior_result_removed")
UNPROJECTED = ("correction_of", "station_made", "station_copy_made")  # facts (or part: a token) only the log holds


# -- applying --------------------------------------------------------------------------------

def apply(state: RoundState, event: Event) -> tuple[RoundState, Changes]:
    """Apply one event: check its place in the chain and its fields, then change the state.

    What is wrong is added to `state.issues` (the event still applies when it can be read); the
    state is changed in place and returned, with what changed.
    """
    if state.seal is not None:
        state.problem("log_changed_after_seal", seq=event.seq, sealed=state.seal.seq)
    if event.seq != state.seq + 1:
        # The event after a gap cannot be checked: its predecessor's hash is gone.
        state.problem("log_events_missing", expected=state.seq + 1, found=event.seq)
    elif event_hash(state.head, event.seq, event.at, event.keyer, event.action, event.data) != event.hash:
        state.problem("log_event_altered", seq=event.seq)
    state.seq, state.head = event.seq, event.hash
    declared = KINDS.get(event.action)
    if declared is None:
        state.problem("log_unknown_action", seq=event.seq, action=event.action)
        return state, NO_CHANGES
    if type(event.data) is not dict and not isinstance(event.data, Mapping):
        state.problem("log_event_unreadable", seq=event.seq, action=event.action)
        return state, NO_CHANGES
    given = set(event.data)
    if given - declared.fields or declared.required - given:
        state.problem("log_event_fields", seq=event.seq, action=event.action,
                      fields=", ".join(sorted((given - declared.fields) | (declared.required - given))))
        if declared.required - given:
            return state, NO_CHANGES
    try:
        return state, declared.apply(state, event)
    except (KeyError, ValueError, TypeError, AttributeError, IndexError, TinNhiemError):
        state.problem("log_event_unreadable", seq=event.seq, action=event.action)
        return state, NO_CHANGES


def fold(events: Iterable[Event], state: RoundState | None = None) -> RoundState:
    """The state a log builds, event by event (from `state` when given, else from nothing).

    The same as `apply` for each event in turn, faster: a run of `mark_set` events on one ballot
    (a keyed log is mostly that) is applied to one working copy of the ballot's marks, and the
    ballot is put back once when the run ends. Each event of a run is still checked as `apply`
    checks it (its place in the chain, its hash, its fields, the old value it names); any event
    the fast path cannot take as it stands (an irregular one included) ends the run and goes
    through `apply`, so the state and the problems found are the same."""
    state = RoundState() if state is None else state
    run: _Run | None = None
    with no_cycle_collection():  # a long log makes a ballot for each run
        for event in events:
            if event.action == "mark_set" and state.seal is None and event.seq == state.seq + 1:
                run, took = _marked(state, run, event)
                if took:
                    continue
            if run is not None:
                run.end(state)
                run = None
            apply(state, event)
        if run is not None:
            run.end(state)
    return state


class _Run:
    """A ballot's marks while a run of `mark_set` events on it is folded."""

    __slots__ = ("form", "pass_value", "number", "base", "marks", "size", "changed")

    def __init__(self, form: str, pass_value: str, number: int, base: Ballot, size: int) -> None:
        self.form, self.pass_value, self.number, self.base, self.size = form, pass_value, number, base, size
        self.marks = dict(base.marks)
        self.changed = False

    def end(self, state: RoundState) -> None:
        """Put the ballot back with the marks the run left."""
        if self.changed:
            base = self.base
            state.put_ballot(self.form, base.entry_pass, self.number,
                             Ballot(base.form, base.number, base.status, self.marks, base.invalid_reason,
                                    base.entry_pass))


def _marked(state: RoundState, run: _Run | None, event: Event) -> tuple[_Run | None, bool]:
    """One `mark_set` event taken into the run, or left to `apply`: the run to go on with (this
    one, a new one for another ballot, or None) and whether the event was taken."""
    data = event.data
    declared = KINDS["mark_set"]
    if type(data) is not dict or not (data.keys() <= declared.fields and declared.required <= data.keys()):
        return run, False
    form, number, pass_value = data["form"], data["ballot"], data.get("pass", "A")
    if run is None or run.number != number or run.form != form or run.pass_value != pass_value:
        if run is not None:
            run.end(state)
            run = None
        source = _PASSES.get(pass_value) if type(pass_value) is str else None
        if source is None or type(form) is not str or state.setup is None or not state.has_form(form) \
                or type(number) is not int:
            return None, False
        base = state.ballot(form, source, number)
        if base is None or base.status is not BallotStatus.VALID:
            return None, False
        run = _Run(form, pass_value, number, base, len(state.setup.form(form).candidates))
    order, new = data["candidate"], data["new"]
    if type(order) is not int or not 1 <= order <= run.size \
            or (new is not None and (type(new) is not str or new not in MARKS)):
        return run, False
    old = run.marks.get(order)
    if (None if old is None else old.value) != data["old"]:
        return run, False
    if event_hash(state.head, event.seq, event.at, event.keyer, event.action, data) != event.hash:
        return run, False
    if new is None:
        run.marks.pop(order, None)
    else:
        run.marks[order] = MARKS[new]
    state.seq, state.head = event.seq, event.hash
    run.changed = True
    return run, True
