"""Use cases on a round: one call per user action, each one transaction, plain values back."""

from __future__ import annotations

import getpass
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Mapping

from ..core.audit import Event, compare_with_log, fingerprint, replay
from ..core.ballots_csv import parse_ballots_csv
from ..core.checks import seal_gate
from ..core.issues import Issue, Severity, TinNhiemError
from ..core.model import Ballot, BallotStatus, Counts, Mark, RoundSetup
from ..core.results import RoundResults, results_from_tallies
from ..core.tally import FormTally, retally, tally_form
from ..core.spec import nfc, parse_round_spec
from sqlalchemy.exc import DBAPIError

from ..storage.repository import RoundInfo, RoundRepository
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
class VerifyReport:
    problems: tuple[Issue, ...]
    fingerprint: str
    events: int
    sealed: bool

    @property
    def intact(self) -> bool:
        return not self.problems


class RoundService:
    def __init__(self, repo: RoundRepository, keyer: str) -> None:
        self._repo = repo
        self.keyer = keyer
        self._tallies: dict[str, FormTally] | None = None
        self._ballots: dict[str, dict[int, Ballot]] | None = None

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

    def ballots(self, form: str | None = None) -> list[Ballot]:
        """Ballots in form order, then by number."""
        kept = self._kept()
        codes = [form] if form is not None else [f.code for f in self.setup.forms]
        return [kept[code][n] for code in codes for n in sorted(kept[code])]

    def results(self) -> RoundResults:
        self._kept()
        return results_from_tallies(self.setup, self._tallies)

    def _kept(self) -> dict[str, dict[int, Ballot]]:
        """The ballots and tallies, read once and then kept current by this service's changes.

        A writer holds the file's lock, so nothing else changes it; a reader re-reads each time,
        since a writer elsewhere may have changed the file.
        """
        if self._ballots is None or self._repo.read_only:
            ballots, _ = self._repo.snapshot()
            by_form: dict[str, dict[int, Ballot]] = {f.code: {} for f in self.setup.forms}
            for ballot in ballots:
                by_form[ballot.form][ballot.number] = ballot
            self._ballots = by_form
            self._tallies = {f.code: tally_form(f, by_form[f.code].values()) for f in self.setup.forms}
        return self._ballots

    def _counted(self, form: str, old: Ballot | None, new: Ballot | None) -> None:
        if self._ballots is None:
            return
        if new is None:
            del self._ballots[form][old.number]
        else:
            self._ballots[form][new.number] = new
        self._tallies[form] = retally(self._tallies[form], self.setup.form(form), old, new)

    # -- keying ----------------------------------------------------------------------------

    def next_ballot_number(self, form: str) -> int:
        return max(self._kept()[self._form(form).code], default=0) + 1

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
        if number in self._kept()[self._form(form).code]:
            raise TinNhiemError("duplicate_ballot", form=form, ballot=number)
        invalid_reason = nfc(invalid_reason)
        if invalid_reason:
            ballot = Ballot(form, number, BallotStatus.INVALID, {}, invalid_reason)
        else:
            ballot = Ballot(form, number, BallotStatus.VALID, marks or {})
        self._repo.add_ballots([ballot], self.keyer)
        self._counted(form, None, ballot)
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
        self._repo.set_marks(form, number, changes, self.keyer)
        merged = {**ballot.marks, **changes}
        changed = replace(ballot, marks={o: m for o, m in merged.items() if m is not None})
        self._counted(form, ballot, changed)
        return changed

    def file_log_head(self) -> str:
        """The hash of the newest event in the file now; it changes with every change."""
        return self._repo.current_log_head()

    @property
    def setup_editable(self) -> bool:
        """The lists, team and rule may change only before the first ballot is keyed."""
        return not self.read_only and not any(self._kept().values())

    def replace_setup(self, setup: RoundSetup) -> None:
        """Change the round's setup (lists, team, rule, counts); only before counting starts."""
        self._repo.check_writable()
        if any(self._kept().values()):
            raise TinNhiemError("setup_locked_by_ballots", file=str(self.path))
        self._repo.replace_setup(setup, self.keyer)
        self._ballots = self._tallies = None

    def invalidate_ballot(self, form: str, number: int, reason: str) -> Ballot:
        """Mark the whole ballot invalid, with a reason; it then carries no marks.

        The marks it had are in the audit event, and `restore_ballot` can put them back.
        """
        self._repo.check_writable()
        reason = nfc(reason)
        if not reason:
            raise TinNhiemError("invalid_reason_required", form=form, ballot=number)
        return self._replace(Ballot(form, number, BallotStatus.INVALID, {}, reason))

    def restore_ballot(self, form: str, number: int, marks: Mapping[int, Mark] | None = None) -> Ballot:
        """Make an invalidated ballot valid again, with the given marks; by default with the
        marks it had when it was invalidated, as the log recorded them."""
        self._repo.check_writable()
        if marks is None:
            self._existing(form, number)
            marks = self._repo.marks_before_invalidation(form, number)
        self._check_orders(form, marks)
        return self._replace(Ballot(form, number, BallotStatus.VALID, marks))

    def _replace(self, ballot: Ballot) -> Ballot:
        old = self._existing(ballot.form, ballot.number)
        changed = self._repo.set_ballot_status(ballot, self.keyer)
        self._counted(ballot.form, old, changed)
        return changed

    def remove_ballot(self, form: str, number: int) -> Ballot:
        self._repo.check_writable()
        self._existing(form, number)
        removed = self._repo.remove_ballot(form, number, self.keyer)
        self._counted(form, removed, None)
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
        existing = {code: set(numbers) for code, numbers in self._kept().items()}
        ballots = parse_ballots_csv(read_text(path), str(path), self.setup, existing)
        self._repo.add_ballots(ballots, self.keyer)
        for ballot in ballots:
            self._counted(ballot.form, None, ballot)
        touched = {b.form for b in ballots}
        issues = tuple(i for i in self.results().issues if i.form in touched)
        return ImportReport(len(ballots), issues)

    def copy_to(self, target: Path) -> Path:
        """A consistent copy of the round as it is now (for backups)."""
        try:
            return self._repo.copy_to(Path(target))
        except (OSError, DBAPIError) as error:
            raise TinNhiemError("file_not_writable", file=str(target), detail=str(error)) from None

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
            setup, ballots, replaced = sealed.setup, sealed.ballots(), sealed.info.fingerprint
        corrected = cls.create(target, setup, keyer)
        corrected._repo.log_correction(replaced, Path(source).name, reason, keyer)
        corrected._repo.add_ballots(ballots, keyer)
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
        ballots, events = self._repo.snapshot(with_events=True)
        replayed = replay(events)
        problems.extend(replayed.issues)
        problems.extend(compare_with_log(self.setup, ballots, replayed))
        current = fingerprint(self.setup, ballots, self._repo.log_head())
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

    def _existing(self, form: str, number: int) -> Ballot:
        ballot = self._kept()[self._form(form).code].get(number)
        if ballot is None:
            raise TinNhiemError("ballot_not_found", form=form, ballot=number)
        return ballot
