"""Use cases on a round: one call per user action, each one transaction, plain values back."""

from __future__ import annotations

import getpass
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Mapping

from ..core.audit import Event, compare_priors_with_log, compare_with_log, fingerprint, replay, replay_priors
from ..core.ballots_csv import parse_ballots_csv
from ..core.checks import seal_gate
from ..core.double_entry import (
    Difference, KeyerStats, Resolution, agreed_ballot, agreed_form, ballot_and_keyer, compare_form, keyer_stats,
    unresolved_issues,
)
from ..core.issues import Issue, Severity, TinNhiemError
from ..core.history import PriorResult, candidate_ref, check_prior_figures
from ..core.model import Ballot, BallotStatus, Candidate, Counts, EntryMode, EntryPass, Mark, RoundSetup
from ..core.procedure import ProcedureRecord
from ..core.results import RoundResults, Rule, results_from_tallies, round_rule
from ..core.rules import PriorShare, RuleCustom
from ..core.tally import FormTally, retally, tally_form
from ..core.spec import nfc, parse_round_spec, rule_custom_to_dict, rule_to_dict, with_rule
from sqlalchemy.exc import DBAPIError

from ..storage.repository import RoundInfo, RoundRepository, Station
from .files import read_text


def station_user() -> str:
    """The operating-system user of this machine, recorded beside changes made without a keyer."""
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment: still record the change
        return "?"


def command_line_keyer() -> str:
    """Who a command-line change is recorded as."""
    return f"{station_user()} (dòng lệnh)"


def load_round_spec(path: Path) -> RoundSetup:
    return parse_round_spec(read_text(path), str(path))


@dataclass(frozen=True)
class ImportReport:
    added: int
    issues: tuple[Issue, ...]


@dataclass(frozen=True)
class StationConflict:
    """A station's ballot the master did not take: keyed differently there, or out of range."""

    code: str  # station_ballot_differs | station_ballot_outside_range
    form: str
    number: int
    entry_pass: EntryPass
    master: Ballot | None = None
    station: Ballot | None = None


@dataclass(frozen=True)
class StationImport:
    station: str
    entry_pass: EntryPass
    added: int
    already: int
    conflicts: tuple[StationConflict, ...]


@dataclass(frozen=True)
class VerifyReport:
    problems: tuple[Issue, ...]
    fingerprint: str
    events: int
    sealed: bool

    @property
    def intact(self) -> bool:
        return not self.problems


Passes = dict[EntryPass, dict[int, Ballot]]


class RoundService:
    """One open round. Keying acts on `entry_pass` (always A in single entry); the results count
    pass A in single entry and the agreed set of passes A and B in double entry."""

    def __init__(self, repo: RoundRepository, keyer: str) -> None:
        self._repo = repo
        self.keyer = keyer
        station = repo.info().station
        self.entry_pass = station.entry_pass if station else EntryPass.A
        self._passes: dict[str, Passes] | None = None
        self._resolutions: dict[str, dict[int, Resolution]] = {}
        self._agreed: dict[str, dict[int, Ballot]] = {}
        self._tallies: dict[str, FormTally] = {}

    @classmethod
    def create(cls, path: Path, setup: RoundSetup, keyer: str) -> RoundService:
        return cls(RoundRepository.create(Path(path), setup, keyer, uuid.uuid4().hex), keyer)

    @classmethod
    def open(cls, path: Path, keyer: str, *, read_only: bool = False) -> RoundService:
        return cls(RoundRepository.open(Path(path), read_only=read_only), keyer)

    def close(self) -> None:
        self._repo.close()

    def __enter__(self) -> RoundService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def path(self) -> Path:
        return self._repo.path

    @property
    def setup(self) -> RoundSetup:
        return self._repo.setup()

    @property
    def info(self) -> RoundInfo:
        return self._repo.info()

    @property
    def read_only(self) -> bool:
        return self._repo.read_only or self._repo.info().sealed

    def events(self) -> list[Event]:
        """The audit trail, oldest first."""
        return self._repo.events()

    @property
    def double_entry(self) -> bool:
        return self.setup.entry_mode is EntryMode.DOUBLE

    @property
    def station(self) -> Station | None:
        return self.info.station

    def ballots(self, form: str | None = None, entry_pass: EntryPass | None = None) -> list[Ballot]:
        """The ballots of one pass (by default the one being keyed), in form order, then by number."""
        entry_pass = EntryPass(entry_pass or self.entry_pass)
        kept = self._kept()
        codes = [form] if form is not None else [f.code for f in self.setup.forms]
        return [kept[code][entry_pass][n] for code in codes for n in sorted(kept[code][entry_pass])]

    def counted_ballots(self, form: str | None = None) -> list[Ballot]:
        """The ballots the results count: pass A, or the agreed set of a double-entry round."""
        self._kept()
        codes = [form] if form is not None else [f.code for f in self.setup.forms]
        return [self._agreed[code][n] for code in codes for n in sorted(self._agreed[code])]

    def all_ballots(self) -> list[Ballot]:
        """Every ballot of every pass (what a correction copies)."""
        kept = self._kept()
        return [b for f in self.setup.forms for p in EntryPass for _, b in sorted(kept[f.code][p].items())]

    def results(self, previous: Mapping[str, PriorShare] | None = None) -> RoundResults:
        """The results counted now. `previous` maps a person key (`candidate_ref`) to last year's
        share; by default the last-year results the round holds (`last_year()`)."""
        self._kept()
        more = unresolved_issues(self.differences()) if self.double_entry else ()
        if previous is None:
            previous = self.last_year()
        return results_from_tallies(self.setup, self._tallies, previous, more_issues=more)

    def _kept(self) -> dict[str, Passes]:
        """Ballots of every pass, resolutions, the counted set and its tallies: read once and
        then kept current by this service's changes.

        A writer holds the file's lock, so nothing else changes it; a reader re-reads each time,
        since a writer elsewhere may have changed the file.
        """
        if self._passes is None or self._repo.read_only:
            snapshot = self._repo.snapshot()
            codes = [f.code for f in self.setup.forms]
            passes: dict[str, Passes] = {code: {p: {} for p in EntryPass} for code in codes}
            for ballot in snapshot.ballots:
                passes[ballot.form][ballot.entry_pass][ballot.number] = ballot
            self._resolutions = {code: {} for code in codes}
            for (code, number), choice in snapshot.resolutions.items():
                self._resolutions[code][number] = Resolution(choice)
            mode = self.setup.entry_mode
            self._agreed = {code: agreed_form(mode, passes[code], self._resolutions[code]) for code in codes}
            self._tallies = {f.code: tally_form(f, self._agreed[f.code].values()) for f in self.setup.forms}
            self._passes = passes
        return self._passes

    def _counted(self, form: str, entry_pass: EntryPass, number: int, new: Ballot | None) -> None:
        """Keep one changed ballot of one pass, and retally the counted set if it changed."""
        kept = self._kept()[form]
        if new is None:
            kept[entry_pass].pop(number, None)
        else:
            kept[entry_pass][number] = new
        old_counted = self._agreed[form].get(number)
        if self.double_entry:
            counted = agreed_ballot(kept[EntryPass.A].get(number), kept[EntryPass.B].get(number),
                                    kept[EntryPass.R].get(number), self._resolutions[form].get(number))
        else:
            counted = kept[EntryPass.A].get(number)
        if counted is old_counted:
            return
        if counted is None:
            del self._agreed[form][number]
        else:
            self._agreed[form][number] = counted
        self._tallies[form] = retally(self._tallies[form], self.setup.form(form), old_counted, counted)

    # -- keying ----------------------------------------------------------------------------

    def set_entry_pass(self, entry_pass: EntryPass | str) -> None:
        """Choose the pass to key: A or B in a double-entry round; a station keys its own pass."""
        entry_pass = EntryPass(entry_pass)
        allowed = {EntryPass.A, EntryPass.B} if self.double_entry else {EntryPass.A}
        if self.station is not None:
            allowed = {self.station.entry_pass}
        if entry_pass not in allowed:
            raise TinNhiemError("entry_pass_not_allowed", entry_pass=entry_pass.value,
                                allowed=", ".join(sorted(p.value for p in allowed)))
        self.entry_pass = entry_pass

    def next_ballot_number(self, form: str) -> int:
        numbers = self._kept()[self._form(form).code][self.entry_pass]
        station = self.station
        if station is not None and station.first is not None:
            in_range = [n for n in numbers if station.allows(n)]
            return max(in_range, default=station.first - 1) + 1
        return max(numbers, default=0) + 1

    def add_ballot(
        self,
        form: str,
        number: int | None = None,
        marks: Mapping[int, Mark] | None = None,
        invalid_reason: str = "",
    ) -> Ballot:
        """Start a ballot (by default numbered after the last one), valid with the given marks,
        or invalid as a whole when a reason is given."""
        self._repo.check_writable()
        self._check_orders(form, marks or {})
        if number is None:
            number = self.next_ballot_number(form)
        if number < 1:
            raise TinNhiemError("bad_ballot_number", value=number)
        self._check_station_range(number)
        if number in self._kept()[self._form(form).code][self.entry_pass]:
            raise TinNhiemError("duplicate_ballot", form=form, ballot=number)
        invalid_reason = nfc(invalid_reason)
        if invalid_reason:
            ballot = Ballot(form, number, BallotStatus.INVALID, {}, invalid_reason, self.entry_pass)
        else:
            ballot = Ballot(form, number, BallotStatus.VALID, marks or {}, "", self.entry_pass)
        self._repo.add_ballots([ballot], self.keyer)
        self._counted(form, self.entry_pass, number, ballot)
        return ballot

    def set_marks(self, form: str, number: int, marks: Mapping[int, Mark | None]) -> Ballot:
        """Key several cells of one ballot at once (one transaction); None clears a cell."""
        self._repo.check_writable()
        self._check_orders(form, marks)
        ballot = self._existing(form, number)
        if ballot.status is BallotStatus.INVALID:
            raise TinNhiemError("ballot_is_invalid", form=form, ballot=number)
        changes = {order: mark for order, mark in marks.items() if ballot.marks.get(order) != mark}
        if not changes:
            return ballot
        self._repo.set_marks(form, number, changes, self.keyer, self.entry_pass)
        merged = {**ballot.marks, **changes}
        changed = replace(ballot, marks={o: m for o, m in merged.items() if m is not None})
        self._counted(form, self.entry_pass, number, changed)
        return changed

    def file_log_head(self) -> str:
        """The hash of the newest event in the file now; it changes with every change."""
        return self._repo.current_log_head()

    @property
    def setup_editable(self) -> bool:
        """The lists, team and rule may change only before the first ballot is keyed."""
        return not self.read_only and self.station is None and not self._any_ballot()

    def _any_ballot(self) -> bool:
        return any(numbers for passes in self._kept().values() for numbers in passes.values())

    def replace_setup(self, setup: RoundSetup) -> None:
        """Change the round's setup (lists, team, rule, counts); only before counting starts."""
        self._repo.check_writable()
        if self.station is not None:
            raise TinNhiemError("station_setup_locked", file=str(self.path), station=self.station.name)
        if self._any_ballot():
            raise TinNhiemError("setup_locked_by_ballots", file=str(self.path))
        self._repo.replace_setup(setup, self.keyer)
        self._passes = None
        if not self.double_entry:
            self.entry_pass = EntryPass.A

    @property
    def rule(self) -> Rule:
        return round_rule(self.setup)

    @property
    def rule_editable(self) -> bool:
        """The rule may change until the round is sealed, also once ballots are keyed: it decides
        the percentages and flags, never what a ballot says. A station's copy keeps the master's."""
        return not self.read_only and self.station is None

    def change_rule(
        self, rule_id: str, percent_base: str | None = None, decimals: int | None = None,
        custom: RuleCustom | None = None,
    ) -> Rule:
        """Put another rule, or other settings of it, in force; logged with the rule it replaces.
        Nothing is written when nothing changes."""
        self._repo.check_writable()
        if self.station is not None:
            raise TinNhiemError("station_setup_locked", file=str(self.path), station=self.station.name)
        rule = {"rule": rule_id, "percent_base": percent_base, "decimals": decimals}
        if custom is not None:
            rule["rule_custom"] = rule_custom_to_dict(custom)
        new = with_rule(self.setup, rule, "rule")
        preset = round_rule(new).preset  # the preset's own base and decimals are no override
        new = replace(new, percent_base=None if new.percent_base == preset.base.value else new.percent_base,
                      decimals=None if new.decimals == preset.decimals else new.decimals)
        if rule_to_dict(new) != rule_to_dict(self.setup):
            self._repo.change_rule(new, self.keyer)
        return self.rule

    def invalidate_ballot(self, form: str, number: int, reason: str) -> Ballot:
        """Mark the whole ballot invalid, with a reason; it then carries no marks.

        The marks it had are in the audit event, and `restore_ballot` can put them back.
        """
        self._repo.check_writable()
        reason = nfc(reason)
        if not reason:
            raise TinNhiemError("invalid_reason_required", form=form, ballot=number)
        return self._replace(Ballot(form, number, BallotStatus.INVALID, {}, reason, self.entry_pass))

    def restore_ballot(self, form: str, number: int, marks: Mapping[int, Mark] | None = None) -> Ballot:
        """Make an invalidated ballot valid again, with the given marks; by default with the
        marks it had when it was invalidated, as the log recorded them."""
        self._repo.check_writable()
        if marks is None:
            self._existing(form, number)
            marks = self._repo.marks_before_invalidation(form, number, self.entry_pass)
        self._check_orders(form, marks)
        return self._replace(Ballot(form, number, BallotStatus.VALID, marks, "", self.entry_pass))

    def _replace(self, ballot: Ballot) -> Ballot:
        self._existing(ballot.form, ballot.number)
        changed = self._repo.set_ballot_status(ballot, self.keyer)
        self._counted(ballot.form, ballot.entry_pass, ballot.number, changed)
        return changed

    def remove_ballot(self, form: str, number: int) -> Ballot:
        self._repo.check_writable()
        self._existing(form, number)
        removed = self._repo.remove_ballot(form, number, self.keyer, self.entry_pass)
        self._counted(form, self.entry_pass, number, None)
        return removed

    def change_counts(self, form: str, counts: Counts) -> Counts:
        self._repo.check_writable()
        self._form(form)
        for name, value in counts.as_dict().items():
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise TinNhiemError("bad_count", form=form, count=name, value=value)
        return self._repo.set_counts(form, counts, self.keyer)

    def import_ballots_file(self, path: Path) -> ImportReport:
        """Append every ballot of a CSV file, or none of them."""
        self._repo.check_writable()
        path = Path(path)
        existing = {code: set(passes[self.entry_pass]) for code, passes in self._kept().items()}
        ballots = [replace(b, entry_pass=self.entry_pass)
                   for b in parse_ballots_csv(read_text(path), str(path), self.setup, existing)]
        for ballot in ballots:
            self._check_station_range(ballot.number)
        self._repo.add_ballots(ballots, self.keyer)
        for ballot in ballots:
            self._counted(ballot.form, self.entry_pass, ballot.number, ballot)
        touched = {b.form for b in ballots}
        issues = tuple(i for i in self.results().issues if i.form in touched)
        return ImportReport(len(ballots), issues)

    def copy_to(self, target: Path) -> Path:
        """A consistent copy of the round as it is now (for backups)."""
        try:
            return self._repo.copy_to(Path(target))
        except (OSError, DBAPIError) as error:
            raise TinNhiemError("file_not_writable", file=str(target), detail=str(error)) from None

    # -- stations --------------------------------------------------------------------------

    def make_station_copy(
        self, target: Path, name: str, entry_pass: EntryPass | str, first: int | None = None, last: int | None = None
    ) -> Path:
        """A station's own copy of this master round, to key one pass (and, when given, a range
        of ballot numbers) on another machine; `import_station` brings its ballots back."""
        self._repo.check_writable()
        name, entry_pass, target = nfc(name), EntryPass(entry_pass), Path(target)
        if not name:
            raise TinNhiemError("station_needs_name")
        if self.station is not None:
            raise TinNhiemError("station_of_station", file=str(self.path), station=self.station.name)
        allowed = {EntryPass.A, EntryPass.B} if self.double_entry else {EntryPass.A}
        if entry_pass not in allowed:
            raise TinNhiemError("entry_pass_not_allowed", entry_pass=entry_pass.value,
                                allowed=", ".join(sorted(p.value for p in allowed)))
        if (first is not None and first < 1) or (first is not None and last is not None and last < first):
            raise TinNhiemError("bad_station_range", first=first, last=last)
        if target.exists():
            raise TinNhiemError("file_exists", file=str(target))
        self.copy_to(target)
        try:
            with RoundService.open(target, self.keyer) as copy:
                copy._repo.make_station(Station(name, entry_pass, first, last), self.keyer)
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        return target

    def import_station(self, path: Path) -> StationImport:
        """Merge the ballots a station keyed: new ones are added (one transaction, logged with the
        station's name and its keyers); one keyed differently here, or outside the station's
        range, is listed as a conflict and never overwrites anything."""
        self._repo.check_writable()
        path = Path(path)
        try:
            station, theirs, keyed_by, report = self._read_station(path)
        except (DBAPIError, ValueError, KeyError, TypeError) as error:  # damaged inside, past its header
            raise TinNhiemError("round_file_corrupt", file=str(path), detail=str(error)) from None
        kept = self._kept()
        added, already, conflicts = [], 0, []
        for ballot in theirs:
            mine = kept[ballot.form][ballot.entry_pass].get(ballot.number)
            if mine is not None and mine.same_content(ballot):
                already += 1  # the master has it already (keyed here, or copied to the station)
            elif not station.allows(ballot.number):
                conflicts.append(StationConflict("station_ballot_outside_range", ballot.form, ballot.number,
                                                 ballot.entry_pass, mine, ballot))
            elif mine is None:
                added.append(ballot)
            else:
                conflicts.append(StationConflict("station_ballot_differs", ballot.form, ballot.number,
                                                 ballot.entry_pass, mine, ballot))
        summary = {"station": station.name, "pass": station.entry_pass.value, "file": path.name,
                   "fingerprint": report.fingerprint, "added": len(added), "already": already,
                   "conflicts": [[c.form, c.number, c.code] for c in conflicts]}
        self._repo.import_station(added, self.keyer, summary, keyed_by)
        for ballot in added:
            self._counted(ballot.form, ballot.entry_pass, ballot.number, ballot)
        return StationImport(station.name, station.entry_pass, len(added), already, tuple(conflicts))

    def _read_station(self, path: Path):
        """A station file's pass, ballots, keyers and verification, checked to be this round's."""
        with RoundService.open(path, self.keyer, read_only=True) as other:
            station = other.station
            if station is None:
                raise TinNhiemError("not_a_station_file", file=str(path))
            if other.info.uid != self.info.uid:
                raise TinNhiemError("station_other_round", file=str(path), title=other.setup.title)
            if _without_rule(other.setup) != _without_rule(self.setup):  # the rule may change after the copy
                raise TinNhiemError("station_setup_differs", file=str(path))
            report = other.verify()
            if not report.intact:
                raise TinNhiemError("station_file_altered", file=str(path), count=len(report.problems))
            theirs = other.ballots(entry_pass=station.entry_pass)
            keyed_by = _keyers_of_ballots(other.events())
        return station, theirs, keyed_by, report

    # -- double entry ----------------------------------------------------------------------

    def differences(self, form: str | None = None) -> list[Difference]:
        """Every ballot number where passes A and B differ, resolved or not (double entry only)."""
        if not self.double_entry:
            return []
        kept = self._kept()
        codes = [form] if form is not None else [f.code for f in self.setup.forms]
        return [d for code in codes for d in compare_form(code, kept[code], self._resolutions[code])]

    def keyer_stats(self) -> list[KeyerStats]:
        """Per keyer: ballots started, marks keyed, and disagreements between passes in them."""
        return keyer_stats(self._repo.events(), self.differences())

    def resolve(
        self,
        form: str,
        number: int,
        choice: Resolution | str,
        marks: Mapping[int, Mark] | None = None,
        invalid_reason: str = "",
    ) -> Ballot | None:
        """Settle a difference with the paper in hand: take A, take B, or key the ballot again
        (marks, or an invalid reason). Returns the ballot the round now counts (None: no ballot)."""
        self._repo.check_writable()
        choice = Resolution(choice)
        if not self.double_entry:
            raise TinNhiemError("not_double_entry", file=str(self.path))
        passes = self._kept()[self._form(form).code]
        a, b = passes[EntryPass.A].get(number), passes[EntryPass.B].get(number)
        if a is None and b is None:
            raise TinNhiemError("ballot_not_found", form=form, ballot=number)
        if a is not None and b is not None and a.same_content(b):
            raise TinNhiemError("no_difference", form=form, ballot=number)
        keyed = None
        if choice is Resolution.KEYED_AGAIN:
            self._check_orders(form, marks or {})
            invalid_reason = nfc(invalid_reason)
            status = BallotStatus.INVALID if invalid_reason else BallotStatus.VALID
            keyed = Ballot(form, number, status, {} if invalid_reason else (marks or {}), invalid_reason, EntryPass.R)
        self._repo.resolve(form, number, choice.value, keyed, self.keyer)
        self._resolutions[form][number] = choice
        self._counted(form, EntryPass.R, number, keyed)
        return self._agreed[form].get(number)

    # -- sealing ---------------------------------------------------------------------------

    def seal_problems(self) -> list[Issue]:
        """What stands in the way of sealing now (core's gate over the current results)."""
        return seal_gate(self.results().issues)

    def seal(self, by: str, reason: str = "") -> RoundInfo:
        """Chốt kết quả: record who and when, fingerprint the round, and make the file read-only.

        With problems in the way, only with a written reason, which is stored, logged and printed.
        """
        self._repo.check_writable()
        by, reason = nfc(by), nfc(reason)
        if not by:
            raise TinNhiemError("seal_needs_name")
        problems = self.seal_problems()
        if problems and not reason:
            raise TinNhiemError("seal_needs_reason", count=len(problems))
        return self._repo.seal(by, reason, [issue.code for issue in problems], self.keyer)

    @classmethod
    def correction(cls, source: Path, target: Path, reason: str, keyer: str) -> RoundService:
        """A sealed round is never unsealed: its correction is a new round file made from it, with
        the same setup and ballots, recording the reason and the fingerprint it replaces."""
        reason = nfc(reason)
        if not reason:
            raise TinNhiemError("correction_needs_reason")
        with cls.open(source, keyer, read_only=True) as sealed:
            if not sealed.info.sealed:
                raise TinNhiemError("correction_needs_sealed_round", file=str(source))
            setup, ballots, replaced = sealed.setup, sealed.all_ballots(), sealed.info.fingerprint
            resolutions = [(d.form, d.number, d.resolution) for d in sealed.differences() if d.resolved]
            priors = sealed.prior_results()
        corrected = cls.create(target, setup, keyer)
        corrected._repo.log_correction(replaced, Path(source).name, reason, keyer)
        if priors:  # last year's figures, and so the two-year flags, carry over
            corrected._repo.save_prior_results(priors, keyer)
        corrected._repo.add_ballots([b for b in ballots if b.entry_pass is not EntryPass.R], keyer)
        keyed = {(b.form, b.number): b for b in ballots if b.entry_pass is EntryPass.R}
        for form, number, choice in resolutions:
            corrected._repo.resolve(form, number, choice.value, keyed.get((form, number)), keyer)
        corrected._passes = None
        return corrected

    def corrects(self) -> dict | None:
        """The sealed round this one corrects: its fingerprint, file name and the reason."""
        for event in self._repo.events(first=3):  # it follows the creation, before any ballot
            if event.action == "correction_of":
                return dict(event.data)
        return None

    # -- checking --------------------------------------------------------------------------

    def verify(self) -> VerifyReport:
        """Recheck the file: SQLite's integrity, the hash chain of the log, the stored state
        against the log's replay, and the seal's fingerprint."""
        problems = [
            Issue("sqlite_integrity", Severity.ERROR, None, {"detail": detail})
            for detail in self._repo.integrity_problems()
        ]
        try:
            snapshot = self._repo.snapshot(with_events=True)
        except (DBAPIError, ValueError, KeyError, TypeError) as error:  # unreadable behind the header
            raise TinNhiemError("round_file_corrupt", file=str(self.path), detail=str(error)) from None
        events = snapshot.events
        replayed = replay(events)
        problems.extend(replayed.issues)
        problems.extend(compare_with_log(self.setup, snapshot.ballots, replayed, snapshot.resolutions))
        problems.extend(self.prior_problems())
        current = fingerprint(self.setup, snapshot.ballots, self._repo.log_head(), snapshot.resolutions)
        info = self.info
        if info.sealed and info.fingerprint != current:
            problems.append(
                Issue("fingerprint_mismatch", Severity.ERROR, None,
                      {"sealed": info.fingerprint, "current": current})
            )
        return VerifyReport(tuple(problems), current, len(events), info.sealed)

    # -- helpers ---------------------------------------------------------------------------

    def _form(self, code: str):
        try:
            return self.setup.form(code)
        except KeyError:
            raise TinNhiemError("unknown_form", form=code, known=[f.code for f in self.setup.forms]) from None

    def _check_orders(self, form: str, marks: Mapping[int, object]) -> None:
        size = len(self._form(form).candidates)
        for order in marks:
            if not 1 <= order <= size:
                raise TinNhiemError("candidate_out_of_range", form=form, candidate=order, size=size)

    def _check_station_range(self, number: int) -> None:
        station = self.station
        if station is not None and not station.allows(number):
            raise TinNhiemError("ballot_outside_station", ballot=number, station=station.name,
                                first=station.first, last=station.last)

    def _existing(self, form: str, number: int) -> Ballot:
        ballot = self._kept()[self._form(form).code][self.entry_pass].get(number)
        if ballot is None:
            raise TinNhiemError("ballot_not_found", form=form, ballot=number)
        return ballot

    # -- the procedure around the count (services/procedure.py) ----------------------------

    def check_writable(self) -> None:
        self._repo.check_writable()

    @property
    def opened_read_only(self) -> bool:
        """Opened only to read (unlike `read_only`, not merely sealed)."""
        return self._repo.read_only

    def procedure_records(self) -> dict[str, ProcedureRecord]:
        return self._repo.procedure_records()

    def record_procedure(self, key: str, data: Mapping[str, object] | None) -> None:
        """A step before the seal, logged (None clears it)."""
        self._repo.record_procedure(key, data, self.keyer)

    def record_after_seal(self, key: str, data: Mapping[str, object]) -> None:
        """A step that follows the seal, stored beside the sealed round without changing it."""
        self._repo.record_after_seal(key, data, self.keyer)


    # -- earlier years ---------------------------------------------------------------------

    _last_year_cache: tuple[int, dict[str, PriorShare]] | None = None  # (year, shares), kept by a writer

    def prior_results(self) -> list[PriorResult]:
        """Every earlier year's result the round holds: linked from sealed files or typed in."""
        return self._repo.prior_results()

    def last_year(self) -> dict[str, PriorShare]:
        """Last year's shares the round holds, by person key: what the two-year rules use."""
        year = self.setup.year - 1
        cached = self._last_year_cache
        if cached is None or cached[0] != year or self._repo.read_only:
            cached = (year, {p.person_key: p.share for p in self.prior_results() if p.year == year})
            self._last_year_cache = cached
        return cached[1]

    def link_priors(self, links: Iterable[tuple[str, int, PriorResult]]) -> list[PriorResult]:
        """Link candidates (form, order) to earlier records: found by person key, a suggested match
        confirmed, or chosen by hand. Each is stored under the candidate's key, in one transaction."""
        self._repo.check_writable()
        stored = []
        for form, order, earlier in links:
            candidate = self._candidate_at(form, order)
            check_prior_figures(earlier.year, self.setup.year, earlier.thap, earlier.base, earlier.cao,
                                earlier.tin_nhiem, earlier.source, by_hand=earlier.by_hand)
            stored.append(replace(earlier, person_key=candidate_ref(candidate)))
        self._repo.save_prior_results(stored, self.keyer)
        self._last_year_cache = None
        return stored

    def set_prior_result(
        self, form: str, order: int, year: int, thap: int, base: int, source: str,
        cao: int | None = None, tin_nhiem: int | None = None, position: str = "",
    ) -> PriorResult:
        """An earlier year's result typed in by hand, for a person whose earlier round was not counted
        with this program: the counts, the base they were taken on, and a note of the source."""
        self._repo.check_writable()
        candidate = self._candidate_at(form, order)
        source, position = nfc(source), nfc(position)
        check_prior_figures(year, self.setup.year, thap, base, cao, tin_nhiem, source)
        prior = PriorResult(candidate_ref(candidate), year, candidate.name, thap, base, position, cao, tin_nhiem,
                            by_hand=True, source=source)
        return self.link_priors([(form, order, prior)])[0]

    def remove_prior_result(self, person_key: str, year: int) -> PriorResult:
        self._repo.check_writable()
        removed = self._repo.remove_prior_result(person_key, year, self.keyer)
        self._last_year_cache = None
        return removed

    def prior_problems(self) -> list[Issue]:
        """Earlier-year results whose stored figures differ from what the log recorded (changed
        behind the program's back): part of checking the file."""
        priors, events = self._repo.prior_results_and_events()
        return compare_priors_with_log((p.as_data() for p in priors), replay_priors(events))

    def _candidate_at(self, form: str, order: int) -> Candidate:
        self._check_orders(form, {order: None})
        return self._form(form).candidate(order)


def _without_rule(setup: RoundSetup) -> RoundSetup:
    return replace(setup, rule_id="", percent_base=None, decimals=None, rule_custom=None)


def _keyers_of_ballots(events: list[Event]) -> dict[tuple[str, str, int], str]:
    """Who keyed each ballot (form, pass, number), as a station's log records it."""
    return dict(ballot_and_keyer(event) for event in events if event.action == "ballot_added")
