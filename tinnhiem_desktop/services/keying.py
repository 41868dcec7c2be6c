"""Keying ballots: start a ballot, key its cells, make it invalid or valid again, remove it, the
counts of a form, and a whole CSV file of ballots at once."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Mapping

from ..core.ballots_csv import parse_ballots_csv
from ..core.events import Draft, ballot_state, pass_data
from ..core.issues import Issue, TinNhiemError
from ..core.limits import check_ballot_number
from ..core.model import Ballot, BallotStatus, Counts, EntryPass, Mark
from ..core.spec import nfc
from .files import read_text


@dataclass(frozen=True)
class ImportReport:
    added: int
    issues: tuple[Issue, ...]


class Keying:
    """Mixed into RoundService (services/rounds.py)."""

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
        """The number the next ballot of this pass takes: after the last one (within a station's range)."""
        numbers = self._state.ballots_of(self._form(form).code, self.entry_pass)
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
        self.check_writable()
        self._check_orders(form, marks or {})
        if number is None:
            number = self.next_ballot_number(form)
        ballot = self._new_ballot(form, number, marks or {}, nfc(invalid_reason))
        self._commit([_added(ballot)])
        return ballot

    def _new_ballot(self, form: str, number: int, marks: Mapping[int, Mark], invalid_reason: str) -> Ballot:
        if isinstance(number, bool) or not isinstance(number, int) or number < 1:
            raise TinNhiemError("bad_ballot_number", value=number)
        check_ballot_number(number)
        self._check_station_range(number)
        if number in self._state.ballots_of(self._form(form).code, self.entry_pass):
            raise TinNhiemError("duplicate_ballot", form=form, ballot=number)
        if invalid_reason:
            return Ballot(form, number, BallotStatus.INVALID, {}, invalid_reason, self.entry_pass)
        return Ballot(form, number, BallotStatus.VALID, marks, "", self.entry_pass)

    def set_marks(self, form: str, number: int, marks: Mapping[int, Mark | None]) -> Ballot:
        """Key several cells of one ballot at once (one transaction); None clears a cell."""
        self.check_writable()
        self._check_orders(form, marks)
        ballot = self._existing(form, number)
        if ballot.status is BallotStatus.INVALID:
            raise TinNhiemError("ballot_is_invalid", form=form, ballot=number)
        drafts = [
            Draft("mark_set", {"form": form, "ballot": number, **pass_data(self.entry_pass), "candidate": order,
                               "old": _value(ballot.marks.get(order)), "new": _value(mark)})
            for order, mark in marks.items() if ballot.marks.get(order) != mark
        ]
        self._commit(drafts)
        return self._existing(form, number)

    def invalidate_ballot(self, form: str, number: int, reason: str) -> Ballot:
        """Mark the whole ballot invalid, with a reason; it then carries no marks.

        The marks it had are in the audit event, and `restore_ballot` can put them back.
        """
        self.check_writable()
        reason = nfc(reason)
        if not reason:
            raise TinNhiemError("invalid_reason_required", form=form, ballot=number)
        return self._replace(Ballot(form, number, BallotStatus.INVALID, {}, reason, self.entry_pass))

    def restore_ballot(self, form: str, number: int, marks: Mapping[int, Mark] | None = None) -> Ballot:
        """Make an invalidated ballot valid again, with the given marks; by default with the
        marks it had when it was invalidated, as the log recorded them."""
        self.check_writable()
        if marks is None:
            self._existing(form, number)
            marks = self._marks_before_invalidation(form, number)
        self._check_orders(form, marks)
        return self._replace(Ballot(form, number, BallotStatus.VALID, marks, "", self.entry_pass))

    def _marks_before_invalidation(self, form: str, number: int) -> dict[int, Mark]:
        for event in reversed(self.events()):
            data = event.data
            if (event.action == "ballot_status_set" and data.get("form") == form and data.get("ballot") == number
                    and data.get("pass", EntryPass.A.value) == self.entry_pass.value
                    and data["new"]["status"] == BallotStatus.INVALID.value):
                return {int(order): Mark(mark) for order, mark in data["old"]["marks"].items()}
        return {}

    def _replace(self, ballot: Ballot) -> Ballot:
        current = self._existing(ballot.form, ballot.number)
        self._commit([Draft("ballot_status_set", {
            "form": ballot.form, "ballot": ballot.number, **pass_data(ballot.entry_pass),
            "old": ballot_state(current), "new": ballot_state(ballot)})])
        return ballot

    def remove_ballot(self, form: str, number: int) -> Ballot:
        self.check_writable()
        removed = self._existing(form, number)
        self._commit([Draft("ballot_removed", {"form": form, "ballot": number, **pass_data(self.entry_pass),
                                               "old": ballot_state(removed)})])
        return removed

    def change_counts(self, form: str, counts: Counts) -> Counts:
        """Change a form's counts; returns the counts they replaced."""
        self.check_writable()
        old = self._form(form).counts
        for name, value in counts.as_dict().items():
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise TinNhiemError("bad_count", form=form, count=name, value=value)
        self._commit([Draft("counts_set", {"form": form, "old": old.as_dict(), "new": counts.as_dict()})])
        return old

    def import_ballots_file(self, path: Path) -> ImportReport:
        """Append every ballot of a CSV file, or none of them."""
        self.check_writable()
        path = Path(path)
        existing = {code: set(self._state.ballots_of(code, self.entry_pass)) for code in self._state.form_codes()}
        ballots = [replace(b, entry_pass=self.entry_pass)
                   for b in parse_ballots_csv(read_text(path), str(path), self.setup, existing)]
        for ballot in ballots:
            self._check_station_range(ballot.number)
        self._commit([_added(ballot) for ballot in ballots])
        touched = {b.form for b in ballots}
        issues = tuple(i for i in self.results().issues if i.form in touched)
        return ImportReport(len(ballots), issues)

    # -- helpers ---------------------------------------------------------------------------

    def _check_station_range(self, number: int) -> None:
        station = self.station
        if station is not None and not station.allows(number):
            raise TinNhiemError("ballot_outside_station", ballot=number, station=station.name,
                                first=station.first, last=station.last)

    def _existing(self, form: str, number: int) -> Ballot:
        ballot = self._state.ballot(self._form(form).code, self.entry_pass, number)
        if ballot is None:
            raise TinNhiemError("ballot_not_found", form=form, ballot=number)
        return ballot


def _value(mark: Mark | None) -> str | None:
    return None if mark is None else mark.value


def _added(ballot: Ballot, **more: object) -> Draft:
    return Draft("ballot_added", {"form": ballot.form, "ballot": ballot.number, **pass_data(ballot.entry_pass),
                                  "new": ballot_state(ballot), **more})
