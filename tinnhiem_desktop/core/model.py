"""Domain types of a confidence-vote round. Plain, immutable values."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Mapping

from .rules import RuleCustom


class Mark(StrEnum):
    """What the voter did for one candidate on a valid ballot."""

    CAO = "cao"
    TIN_NHIEM = "tin_nhiem"
    THAP = "thap"
    NO_MARK = "none"
    MULTI = "multi"


LEVELS: tuple[Mark, ...] = (Mark.CAO, Mark.TIN_NHIEM, Mark.THAP)
MARKS: dict[str, Mark] = {mark.value: mark for mark in Mark}  # a stored value to its mark, without Enum's call


class BallotStatus(StrEnum):
    VALID = "valid"
    INVALID = "invalid"


class EntryMode(StrEnum):
    """How a round is keyed: once, or twice blind (passes A and B) with the differences resolved."""

    SINGLE = "single"
    DOUBLE = "double"


class EntryPass(StrEnum):
    """A keying pass: A (the only one in single entry), B (the blind second keying), or R, a
    ballot keyed again with the paper in hand to resolve a difference between A and B."""

    A = "A"
    B = "B"
    R = "R"


class HeaderStyle(StrEnum):
    STATE = "state"
    PARTY = "party"


@dataclass(frozen=True)
class Counts:
    """The counts a form's reconciliation chain is built from."""

    summoned: int
    present: int
    issued: int
    collected: int

    def as_dict(self) -> dict[str, int]:
        return {
            "summoned": self.summoned,
            "present": self.present,
            "issued": self.issued,
            "collected": self.collected,
        }


@dataclass(frozen=True)
class Candidate:
    order: int
    name: str
    position: str
    birth_year: int | None = None
    person_key: str | None = None
    provincial: bool = False  # managed by the provincial Party standing committee (reported separately)


@dataclass(frozen=True)
class BallotForm:
    code: str
    title: str
    counts: Counts
    candidates: tuple[Candidate, ...]

    def candidate(self, order: int) -> Candidate:
        return self.candidates[order - 1]


@dataclass(frozen=True)
class Header:
    style: HeaderStyle
    parent: str
    unit: str


@dataclass(frozen=True)
class Meeting:
    date: str
    place: str
    chair: str


@dataclass(frozen=True)
class TeamMember:
    name: str
    role: str


@dataclass(frozen=True)
class RoundSetup:
    """Everything decided before counting starts."""

    title: str
    year: int
    rule_id: str
    header: Header
    meeting: Meeting
    team: tuple[TeamMember, ...]
    forms: tuple[BallotForm, ...]
    percent_base: str | None = None
    decimals: int | None = None
    entry_mode: EntryMode = EntryMode.SINGLE
    rule_custom: RuleCustom | None = None  # the round's own thresholds, or a saved preset (core/rules.py)

    def __post_init__(self) -> None:
        object.__setattr__(self, "entry_mode", EntryMode(self.entry_mode))

    def form(self, code: str) -> BallotForm:
        for form in self.forms:
            if form.code == code:
                return form
        raise KeyError(code)


def _frozen_marks(marks: Mapping[int, Mark]) -> Mapping[int, Mark]:
    return MappingProxyType(dict(sorted(marks.items())))


@dataclass(frozen=True)
class Ballot:
    """One paper ballot as keyed.

    `marks` maps a candidate's order to its mark; a candidate missing from it has not been
    keyed yet (an empty cell), which is different from a keyed `Mark.NO_MARK`. A ballot invalid
    as a whole carries no marks: it counts for nobody.
    """

    form: str
    number: int
    status: BallotStatus = BallotStatus.VALID
    marks: Mapping[int, Mark] = field(default_factory=dict)
    invalid_reason: str = ""
    entry_pass: EntryPass = EntryPass.A

    def __post_init__(self) -> None:
        if type(self.status) is not BallotStatus:
            object.__setattr__(self, "status", BallotStatus(self.status))
        if type(self.entry_pass) is not EntryPass:
            object.__setattr__(self, "entry_pass", EntryPass(self.entry_pass))
        object.__setattr__(self, "marks", _frozen_marks(self.marks))
        if self.status is BallotStatus.INVALID and self.marks:
            raise ValueError(f"invalid ballot {self.number} cannot carry marks")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Ballot):
            return NotImplemented
        return self.entry_pass == other.entry_pass and self.form == other.form and self.number == other.number \
            and self.same_content(other)

    def same_content(self, other: Ballot) -> bool:
        """Whether two keyings of a ballot read the paper alike (whatever their pass)."""
        return (self.status, dict(self.marks), self.invalid_reason) == (
            other.status, dict(other.marks), other.invalid_reason,
        )

    def __hash__(self) -> int:
        return hash((self.form, self.entry_pass, self.number, self.status, tuple(self.marks.items())))


@dataclass(frozen=True)
class Station:
    """A station's copy of a master round: it keys one pass, within a range of ballot numbers."""

    name: str
    entry_pass: EntryPass
    first: int | None = None
    last: int | None = None

    def allows(self, number: int) -> bool:
        return (self.first is None or number >= self.first) and (self.last is None or number <= self.last)


@dataclass(frozen=True)
class RoundInfo:
    """What the round file says of itself: its id, when it was made, its seal, whether it is a station's copy."""

    uid: str
    created_at: str
    sealed_at: str | None
    sealed_by: str | None
    seal_reason: str | None
    fingerprint: str | None
    station: Station | None = None

    @property
    def sealed(self) -> bool:
        return self.sealed_at is not None
