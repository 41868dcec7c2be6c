"""A round's state: everything its log says, and what follows from it.

`core/events.py` holds the one function that changes it, `apply(state, event)`; replaying a log,
verifying a file and a live keystroke all go through it. The facts (setup, ballots of every reading
source, resolutions, earlier years' results, procedure records, the station, the seal, the log's
head) are kept at once; what follows from them — the counted set, the open differences between two
readings, each form's tally and results — is brought up to date when asked for, and then only for
the ballot numbers that changed since. A keystroke costs the ballot it touches, a replay the log once.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any, Iterable, Mapping

from .double_entry import Difference, Resolution, agreed_ballot, difference_at, unresolved_issues
from .history import PriorResult
from .issues import Issue, Severity
from .model import Ballot, Counts, EntryMode, EntryPass, RoundSetup, Station
from .procedure import ProcedureRecord
from .results import FormResult, RoundResults, Rule, form_results, round_rule
from .rules import PriorShare
from .sources import AGAIN, FIRST, SECOND
from .tally import FormTally, retally_many, tally_form

GENESIS = "0" * 64
FULL_RECOUNT_SHARE = 4  # recount a form in full once more than a quarter of its numbers changed


@dataclass(frozen=True)
class Seal:
    by: str
    at: str
    reason: str
    problems: tuple[str, ...]
    seq: int  # the seal event's number: nothing may follow it in the log
    format: int = 1  # which fingerprint it was sealed with (core/audit.py)
    head: str = ""  # the log's head at the seal: what records made after it chain from


@dataclass(frozen=True)
class Changes:
    """What one action (or one event) changed, so that each view refreshes only that."""

    forms: frozenset[str] = frozenset()  # forms whose counted ballots or counts changed
    ballots: frozenset[tuple[str, EntryPass, int]] = frozenset()  # (form, source, number) touched
    added: frozenset[tuple[str, EntryPass, int]] = frozenset()  # of those, the ones that were not there before
    removed: frozenset[tuple[str, EntryPass, int]] = frozenset()  # and the ones no longer there
    setup: bool = False  # the whole setup was replaced
    rule: bool = False
    counts: frozenset[str] = frozenset()
    resolutions: frozenset[tuple[str, int]] = frozenset()
    priors: bool = False
    procedure: bool = False
    station: bool = False
    seal: bool = False

    def __or__(self, other: Changes) -> Changes:
        merged = {}
        for item in fields(self):
            mine, theirs = getattr(self, item.name), getattr(other, item.name)
            merged[item.name] = mine | theirs
        return Changes(**merged)

    @property
    def results(self) -> bool:
        """Whether the results may differ after this change."""
        return bool(self.forms or self.counts or self.setup or self.rule or self.priors or self.resolutions)

    def __bool__(self) -> bool:
        return any(getattr(self, item.name) for item in fields(self))


NO_CHANGES = Changes()


@dataclass
class _FormState:
    """One form's ballots by source and number, its resolutions, and what follows from them."""

    ballots: dict[EntryPass, dict[int, Ballot]] = field(default_factory=lambda: {p: {} for p in EntryPass})
    resolutions: dict[int, Resolution] = field(default_factory=dict)
    counted: dict[int, Ballot] = field(default_factory=dict)
    differences: dict[int, Difference] = field(default_factory=dict)
    tally: FormTally | None = None
    result: FormResult | None = None
    earlier: FormResult | None = None  # the result before ballots changed since: its unchanged people are reused
    dirty: set[int] = field(default_factory=set)  # numbers whose counted ballot or difference may be stale

    def ballots_changed(self) -> None:
        """Only ballots or resolutions changed: the result is stale, but its people still serve."""
        if self.result is not None:
            self.earlier, self.result = self.result, None


class RoundState:
    """The state of one round. Changed only by `core.events.apply`; read by everyone else."""

    def __init__(self) -> None:
        self.setup: RoundSetup | None = None
        self.created_at: str | None = None
        self.uid: str | None = None  # as the first event names it (files made since schema 4)
        self.station: Station | None = None
        self.correction: Mapping[str, Any] | None = None
        self.station_copies: dict[str, Station] = {}  # a master's station copies, by their token
        self.station_token: str | None = None  # a station copy's token, as its master recorded it
        self.seal: Seal | None = None
        self.priors: dict[tuple[str, int], Mapping[str, Any]] = {}  # (person key, year) -> PriorResult data
        self.records: dict[str, ProcedureRecord] = {}
        self.resolved_by: dict[tuple[str, int], tuple[str, str]] = {}  # (form, number) -> (who, when)
        self.seq = 0
        self.head = GENESIS
        self.issues: list[Issue] = []  # what replaying the log found wrong
        self._forms: dict[str, _FormState] = {}
        self._rule: Rule | None = None
        self._last_year: dict[str, PriorShare] | None = None

    # -- facts -----------------------------------------------------------------------------

    @property
    def double_entry(self) -> bool:
        return self.setup is not None and self.setup.entry_mode is EntryMode.DOUBLE

    @property
    def sealed(self) -> bool:
        return self.seal is not None

    def form_codes(self) -> list[str]:
        return [form.code for form in self.setup.forms] if self.setup else []

    def has_form(self, code: str) -> bool:
        return code in self._forms

    def ballot(self, form: str, source: EntryPass, number: int) -> Ballot | None:
        return self._forms[form].ballots[source].get(number)

    def ballots_of(self, form: str, source: EntryPass) -> Mapping[int, Ballot]:
        """One source's ballots of one form, by number (not sorted)."""
        return self._forms[form].ballots[source]

    def all_ballots(self) -> list[Ballot]:
        """Every ballot of every source, in form order, then by source and number."""
        return [
            ballot for code in self.form_codes() for source in EntryPass
            for _, ballot in sorted(self._forms[code].ballots[source].items())
        ]

    def any_ballot(self) -> bool:
        return any(numbers for state in self._forms.values() for numbers in state.ballots.values())

    def resolutions_of(self, form: str) -> Mapping[int, Resolution]:
        return self._forms[form].resolutions

    def all_resolutions(self) -> dict[tuple[str, int], str]:
        return {(code, n): r.value for code in self.form_codes() for n, r in self._forms[code].resolutions.items()}

    def prior_results(self) -> list[PriorResult]:
        """Every earlier year's result, by year then person key."""
        return [PriorResult.from_data(self.priors[key]) for key in sorted(self.priors, key=lambda k: (k[1], k[0]))]

    def last_year(self) -> dict[str, PriorShare]:
        """Last year's shares by person key: what the two-year rules use."""
        if self._last_year is None:
            year = self.setup.year - 1 if self.setup else None
            self._last_year = {key: PriorResult.from_data(data).share
                               for (key, prior_year), data in self.priors.items() if prior_year == year}
        return self._last_year

    # -- what follows from the facts -------------------------------------------------------

    @property
    def rule(self) -> Rule:
        if self._rule is None:
            self._rule = round_rule(self.setup)
        return self._rule

    def counted(self, form: str) -> Mapping[int, Ballot]:
        """The ballots the results count, by number: the first reading, or the agreed set."""
        return self._fresh(form).counted

    def tally(self, form: str) -> FormTally:
        return self._fresh(form).tally

    def differences(self, form: str | None = None) -> list[Difference]:
        """Every number where the two readings differ, resolved or not, in form and number order."""
        if not self.double_entry:
            return []
        codes = [form] if form is not None else self.form_codes()
        return [d for code in codes for _, d in sorted(self._fresh(code).differences.items())]

    def form_result(self, form: str) -> FormResult:
        state = self._fresh(form)
        if state.result is None:
            result = form_results(self.setup.form(form), state.tally, self.rule, self.last_year(), state.earlier)
            if self.double_entry:
                open_issues = unresolved_issues(state.differences.values())
                if open_issues:
                    result = replace(result, issues=(*result.issues, *open_issues))
            state.result = result
        return state.result

    def results(self, previous: Mapping[str, PriorShare] | None = None) -> RoundResults:
        """The results counted now; with `previous`, last year's shares taken from it instead."""
        if previous is None:
            forms = tuple(self.form_result(code) for code in self.form_codes())
        else:
            forms = tuple(form_results(form, self.tally(form.code), self.rule, previous) for form in self.setup.forms)
            if self.double_entry:
                forms = tuple(replace(f, issues=(*f.issues, *unresolved_issues(self.differences(f.form.code))))
                              for f in forms)
        return RoundResults(self.setup, self.rule, forms)

    def _fresh(self, form: str) -> _FormState:
        state = self._forms[form]
        if state.tally is not None and not state.dirty:
            return state
        form_def = self.setup.form(form)
        full = state.tally is None or len(state.dirty) * FULL_RECOUNT_SHARE > max(len(state.counted), 64)
        changed = []
        double = self.double_entry
        for number in state.dirty:
            old = state.counted.get(number)
            if double:
                a, b = state.ballots[FIRST].get(number), state.ballots[SECOND].get(number)
                resolution = state.resolutions.get(number)
                new = agreed_ballot(a, b, state.ballots[AGAIN].get(number), resolution)
                difference = difference_at(form, number, a, b, resolution)
                if difference is None:
                    state.differences.pop(number, None)
                else:
                    state.differences[number] = difference
            else:
                new = state.ballots[FIRST].get(number)
            if new is None:
                state.counted.pop(number, None)
            else:
                state.counted[number] = new
            if old is not new:
                changed.append((old, new))
        state.dirty.clear()
        if full:
            state.tally = tally_form(form_def, state.counted.values())
        elif changed:
            state.tally = retally_many(state.tally, form_def, changed)
        return state

    # -- changes (only core/events.py calls these) -----------------------------------------

    def problem(self, code: str, severity: Severity = Severity.ERROR, **params: Any) -> None:
        self.issues.append(Issue(code, severity, params.pop("form", None), params))

    def put_setup(self, setup: RoundSetup) -> None:
        """A new setup (the round made, or its lists replaced before counting): every form afresh."""
        old = self._forms
        self.setup = setup
        self._forms = {}
        for form in setup.forms:
            state = old.get(form.code) or _FormState()
            state.tally, state.result, state.earlier = None, None, None
            state.counted, state.differences = {}, {}
            state.dirty = set().union(*(numbers.keys() for numbers in state.ballots.values()),
                                      state.resolutions.keys())
            self._forms[form.code] = state
        self._rule = None
        self._last_year = None

    def put_rule(self, setup: RoundSetup) -> None:
        self.setup = setup
        self._rule = None
        for state in self._forms.values():
            state.result = state.earlier = None

    def put_counts(self, form: str, counts: Counts) -> None:
        forms = tuple(replace(f, counts=counts) if f.code == form else f for f in self.setup.forms)
        self.setup = replace(self.setup, forms=forms)
        self._forms[form].result = self._forms[form].earlier = None

    def put_ballot(self, form: str, source: EntryPass, number: int, ballot: Ballot | None) -> None:
        """Store (or with None, remove) one source's reading of one ballot."""
        state = self._forms[form]
        if ballot is None:
            state.ballots[source].pop(number, None)
        else:
            state.ballots[source][number] = ballot
        state.dirty.add(number)
        state.ballots_changed()

    def put_resolution(self, form: str, number: int, choice: Resolution | None) -> None:
        state = self._forms[form]
        if choice is None:
            state.resolutions.pop(number, None)
        else:
            state.resolutions[number] = choice
        state.dirty.add(number)
        state.ballots_changed()

    def put_prior(self, key: tuple[str, int], data: Mapping[str, Any] | None) -> None:
        if data is None:
            self.priors.pop(key, None)
        else:
            self.priors[key] = data
        self._last_year = None
        for state in self._forms.values():
            state.result = state.earlier = None


def stored_state(
    setup: RoundSetup,
    ballots: Iterable[Ballot],
    resolutions: Mapping[tuple[str, int], str],
    priors: Iterable[PriorResult],
    records: Mapping[str, ProcedureRecord],
    station: Station | None,
    seal: Seal | None,
    head: tuple[int, str],
) -> RoundState:
    """The state as a round file's tables hold it (what `verify` compares with the log's replay)."""
    state = RoundState()
    state.put_setup(setup)
    for ballot in ballots:
        if state.has_form(ballot.form):
            state.put_ballot(ballot.form, ballot.entry_pass, ballot.number, ballot)
    for (form, number), choice in resolutions.items():
        if state.has_form(form):
            state.put_resolution(form, number, Resolution(choice))
    for prior in priors:
        state.put_prior((prior.person_key, prior.year), prior.as_data())
    state.records = dict(records)
    state.station, state.seal = station, seal
    state.seq, state.head = head
    return state

