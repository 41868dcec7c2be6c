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


def tally_form(form: BallotForm, ballots: Iterable[Ballot]) -> FormTally:
    """Count one form's ballots. Every candidate starts at zero; invalid ballots count for nobody."""
    size = len(form.candidates)
    counters = [[0, 0, 0, 0, 0, 0] for _ in range(size)]
    index = {Mark.CAO: 0, Mark.TIN_NHIEM: 1, Mark.THAP: 2, Mark.NO_MARK: 3, Mark.MULTI: 4}
    keyed = valid = invalid = 0
    incomplete: list[int] = []
    for ballot in ballots:
        if ballot.form != form.code:
            raise ValueError(f"ballot {ballot.number} belongs to form {ballot.form!r}, not {form.code!r}")
        keyed += 1
        if ballot.status is BallotStatus.INVALID:
            invalid += 1
            continue
        valid += 1
        marks = ballot.marks
        for order, mark in marks.items():
            if not 1 <= order <= size:
                raise ValueError(f"ballot {ballot.number} marks candidate {order} of {size}")
            counters[order - 1][index[mark]] += 1
        if len(marks) < size:
            incomplete.append(ballot.number)
            for order in range(1, size + 1):
                if order not in marks:
                    counters[order - 1][5] += 1
    return FormTally(
        form=form.code,
        keyed=keyed,
        valid=valid,
        invalid=invalid,
        candidates=tuple(CandidateTally(i + 1, *c) for i, c in enumerate(counters)),
        incomplete_ballots=tuple(sorted(incomplete)),
    )
