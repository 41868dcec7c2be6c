"""A person's results across years: earlier figures, how a candidate is linked to them, and
suggested links.

A candidate is linked by its person key. A candidate typed in without one is still known inside its
round by its name and birth year (`candidate_ref`); in an earlier round file it is known by a key
carried from that file (`carried_key`), which is also the key it gets when next year's round is
started from that file, so that the link is made by key from then on.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from .issues import TinNhiemError
from .model import Candidate, RoundSetup
from .names import loose_name, name_key
from .rules import PriorShare


@dataclass(frozen=True)
class PriorResult:
    """A person's result in an earlier year: read from a sealed round file, or typed in by hand.

    `person_key` is the key of the person in the round that holds the record (for a record read
    from an earlier file: the key there). `base` is the figure that year's percentages were taken on.
    """

    person_key: str
    year: int
    name: str
    thap: int
    base: int
    position: str = ""
    cao: int | None = None
    tin_nhiem: int | None = None
    by_hand: bool = False
    source: str = ""
    source_fingerprint: str | None = None

    @property
    def share(self) -> PriorShare:
        return PriorShare(self.thap, self.base, self.year, self.by_hand, self.source)

    def as_data(self) -> dict[str, Any]:
        """How an audit event records it."""
        return {
            "person_key": self.person_key, "year": self.year, "name": self.name, "position": self.position,
            "cao": self.cao, "tin_nhiem": self.tin_nhiem, "thap": self.thap, "base": self.base,
            "by_hand": self.by_hand, "source": self.source, "source_fingerprint": self.source_fingerprint,
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> PriorResult:
        return cls(
            person_key=data["person_key"], year=data["year"], name=data["name"], thap=data["thap"],
            base=data["base"], position=data["position"], cao=data["cao"], tin_nhiem=data["tin_nhiem"],
            by_hand=data["by_hand"], source=data["source"], source_fingerprint=data["source_fingerprint"],
        )


def candidate_ref(candidate: Candidate) -> str:
    """How a round refers to its candidate's earlier results: the person key, or for a candidate
    without one, its name and birth year."""
    if candidate.person_key:
        return candidate.person_key
    return f"~{name_key(candidate.name)}|{candidate.birth_year or ''}"


def carried_key(round_uid: str, candidate: Candidate) -> str:
    """The candidate's person key, or one made from the round file it appears in: initials, birth
    year and a short hash ("NVA-1970-3f2a9c"), the same every time that file is read."""
    if candidate.person_key:
        return candidate.person_key
    initials = "".join(word[0] for word in loose_name(candidate.name).split() if word[0].isalnum()).upper()
    digest = hashlib.sha256(f"{round_uid}|{candidate_ref(candidate)}".encode("utf-8")).hexdigest()[:6]
    return "-".join(part for part in (initials or "X", str(candidate.birth_year or ""), digest) if part)


def check_prior_figures(year: int, this_year: int, thap: int, base: int, cao: int | None = None,
                        tin_nhiem: int | None = None, source: str = "", by_hand: bool = True) -> None:
    """Refuse earlier figures that cannot be right, saying which."""
    if year >= this_year:
        raise TinNhiemError("prior_year_not_earlier", year=year, this_year=this_year)
    for name, value in (("thap", thap), ("base", base), ("cao", cao), ("tin_nhiem", tin_nhiem)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            raise TinNhiemError("prior_bad_count", count=name, value=value)
    if base < 1:
        raise TinNhiemError("prior_base_zero")
    counted = thap + (cao or 0) + (tin_nhiem or 0)
    if counted > base:
        raise TinNhiemError("prior_exceeds_base", counted=counted, base=base)
    if by_hand and not source:
        raise TinNhiemError("prior_needs_source")


@dataclass(frozen=True)
class Suggestion:
    """An earlier record that may be this candidate: same name (ignoring diacritics and case) and
    the same birth year. A person confirms it before it counts."""

    form: str
    order: int
    candidate: Candidate
    earlier: PriorResult


def suggest_links(
    setup: RoundSetup,
    earlier: Iterable[tuple[PriorResult, int | None]],
    linked: Iterable[str] = (),
) -> list[Suggestion]:
    """For each candidate not linked yet (its ref not in `linked`), the earlier records (each with
    its person's birth year) of the same name and birth year."""
    done = set(linked)
    by_name: dict[tuple[str, int], list[PriorResult]] = {}
    for record, birth_year in earlier:
        if birth_year is not None:
            by_name.setdefault((loose_name(record.name), birth_year), []).append(record)
    suggestions = []
    for form in setup.forms:
        for candidate in form.candidates:
            if candidate_ref(candidate) in done or candidate.birth_year is None:
                continue
            for record in by_name.get((loose_name(candidate.name), candidate.birth_year), ()):
                suggestions.append(Suggestion(form.code, candidate.order, candidate, record))
    return suggestions
