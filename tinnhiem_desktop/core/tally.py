"""The one tally: pure, zero-filled, with explicit counters for every outcome."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .model import Ballot, BallotForm, BallotStatus, Mark


@dataclass(frozen=True)
class CandidateTally:
    order: int
    cao: int = 0
    tin_nhiem: int = 0
    thap: int = 0
    no_mark: int = 0
    multi: int = 0
    unkeyed: int = 0

    @property
    def votes(self) -> int:
        """Valid ballots carrying exactly one mark for this person."""
        return self.cao + self.tin_nhiem + self.thap

    @property
    def not_counted(self) -> int:
        """Valid ballots that do not count for this person: no mark, several marks, or not keyed."""
        return self.no_mark + self.multi + self.unkeyed

    def count(self, mark: Mark) -> int:
        return getattr(self, _FIELD[mark])


_FIELD = {
    Mark.CAO: "cao",
    Mark.TIN_NHIEM: "tin_nhiem",
    Mark.THAP: "thap",
    Mark.NO_MARK: "no_mark",
    Mark.MULTI: "multi",
}


@dataclass(frozen=True)
class FormTally:
    form: str
    keyed: int
    valid: int
    invalid: int
    candidates: tuple[CandidateTally, ...]
    incomplete_ballots: tuple[int, ...]


_INDEX = {Mark.CAO: 0, Mark.TIN_NHIEM: 1, Mark.THAP: 2, Mark.NO_MARK: 3, Mark.MULTI: 4}
_UNKEYED = 5


class _Counters:
    """Mutable counters that one ballot's contribution is added to or taken from."""

    def __init__(self, form: BallotForm, tally: FormTally | None = None) -> None:
        self.form = form
        if tally is None:
            self.candidates = [[0] * 6 for _ in form.candidates]
            self.keyed = self.valid = self.invalid = 0
            self.incomplete: set[int] = set()
        else:
            self.candidates = [
                [c.cao, c.tin_nhiem, c.thap, c.no_mark, c.multi, c.unkeyed] for c in tally.candidates
            ]
            self.keyed, self.valid, self.invalid = tally.keyed, tally.valid, tally.invalid
            self.incomplete = set(tally.incomplete_ballots)

    def count(self, ballot: Ballot, sign: int) -> None:
        form = self.form
        if ballot.form != form.code:
            raise ValueError(f"ballot {ballot.number} belongs to form {ballot.form!r}, not {form.code!r}")
        self.keyed += sign
        if ballot.status is BallotStatus.INVALID:
            self.invalid += sign
            return
        self.valid += sign
        size = len(self.candidates)
        marks = ballot.marks
        for order, mark in marks.items():
            if not 1 <= order <= size:
                raise ValueError(f"ballot {ballot.number} marks candidate {order} of {size}")
            self.candidates[order - 1][_INDEX[mark]] += sign
        if len(marks) < size:
            for order in range(1, size + 1):
                if order not in marks:
                    self.candidates[order - 1][_UNKEYED] += sign
            if sign > 0:
                self.incomplete.add(ballot.number)
            else:
                self.incomplete.discard(ballot.number)

    def frozen(self) -> FormTally:
        return FormTally(
            form=self.form.code,
            keyed=self.keyed,
            valid=self.valid,
            invalid=self.invalid,
            candidates=tuple(CandidateTally(i + 1, *c) for i, c in enumerate(self.candidates)),
            incomplete_ballots=tuple(sorted(self.incomplete)),
        )


def tally_form(form: BallotForm, ballots: Iterable[Ballot]) -> FormTally:
    """Count one form's ballots. Every candidate starts at zero; invalid ballots count for nobody."""
    counters = _Counters(form)
    for ballot in ballots:
        counters.count(ballot, +1)
    return counters.frozen()


def retally(tally: FormTally, form: BallotForm, old: Ballot | None, new: Ballot | None) -> FormTally:
    """The tally after one ballot changed from `old` to `new` (None: absent), without recounting.

    The same counting as `tally_form`, applied as a difference; equal to a full recount.
    """
    return retally_many(tally, form, [(old, new)])


def retally_many(
    tally: FormTally, form: BallotForm, changes: Iterable[tuple[Ballot | None, Ballot | None]]
) -> FormTally:
    """The tally after several ballots changed, each from `old` to `new` (None: absent)."""
    counters = _Counters(form, tally)
    for old, new in changes:
        if old is not None:
            counters.count(old, -1)
        if new is not None:
            counters.count(new, +1)
    return counters.frozen()
