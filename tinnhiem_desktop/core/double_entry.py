"""Blind double entry: the stack keyed twice (passes A and B), compared, resolved with the paper.

The round counts the *agreed set*: for each ballot number, the ballot as both passes keyed it
alike, or as a resolution decided it — take A, take B (either may be "this ballot does not
exist", when only one pass has the number), or the ballot keyed again (pass R). A number whose
passes differ and that nobody has resolved counts for nobody, and the round cannot be sealed
without a written reason while one is left.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Iterable, Mapping

from .issues import Issue, Severity
from .model import Ballot, EntryMode, EntryPass
from .sources import AGAIN, FIRST, SECOND

if TYPE_CHECKING:
    from .events import Event


class Resolution(StrEnum):
    TAKE_A = "A"
    TAKE_B = "B"
    KEYED_AGAIN = "R"


@dataclass(frozen=True)
class Difference:
    """One ballot number on which the passes disagree, and how (if) it was resolved."""

    form: str
    number: int
    a: Ballot | None
    b: Ballot | None
    candidates: tuple[int, ...]  # the candidates whose cells differ (both passes valid)
    resolution: Resolution | None = None

    @property
    def kind(self) -> str:
        if self.a is None:
            return "only_b"
        if self.b is None:
            return "only_a"
        if self.a.status != self.b.status or self.a.invalid_reason != self.b.invalid_reason:
            return "status"
        return "marks"

    @property
    def resolved(self) -> bool:
        return self.resolution is not None


def differing_candidates(a: Ballot, b: Ballot) -> tuple[int, ...]:
    """The candidates whose cells the two keyings read differently (a missing cell counts)."""
    return tuple(sorted(o for o in a.marks.keys() | b.marks.keys() if a.marks.get(o) != b.marks.get(o)))


def agreed_ballot(
    a: Ballot | None, b: Ballot | None, keyed: Ballot | None, resolution: Resolution | None
) -> Ballot | None:
    """The ballot the round counts for one number of a double-entry round, or None.

    A resolution settles a difference; once the passes agree again (a pass was corrected after
    it), or neither pass has the number any more, there is no difference left and it no longer
    decides anything.
    """
    if a is None and b is None:
        return None
    if a is not None and b is not None and a.same_content(b):
        return a
    if resolution is Resolution.TAKE_A:
        return a
    if resolution is Resolution.TAKE_B:
        return b
    if resolution is Resolution.KEYED_AGAIN:
        return keyed
    return None


def agreed_form(
    mode: EntryMode,
    passes: Mapping[EntryPass, Mapping[int, Ballot]],
    resolutions: Mapping[int, Resolution],
) -> dict[int, Ballot]:
    """One form's counted ballots by number: pass A in single entry, the agreed set in double."""
    a = passes.get(FIRST, {})
    if mode is EntryMode.SINGLE:
        return dict(a)
    b, keyed = passes.get(SECOND, {}), passes.get(AGAIN, {})
    agreed = {}
    for number in a.keys() | b.keys() | resolutions.keys():
        ballot = agreed_ballot(a.get(number), b.get(number), keyed.get(number), resolutions.get(number))
        if ballot is not None:
            agreed[number] = ballot
    return agreed


def compare_form(
    form: str,
    passes: Mapping[EntryPass, Mapping[int, Ballot]],
    resolutions: Mapping[int, Resolution],
) -> list[Difference]:
    """Every ballot number where passes A and B differ, in order, with its resolution if any."""
    a, b = passes.get(FIRST, {}), passes.get(SECOND, {})
    found = (difference_at(form, number, a.get(number), b.get(number), resolutions.get(number))
             for number in sorted(a.keys() | b.keys()))
    return [difference for difference in found if difference is not None]


def difference_at(
    form: str, number: int, a: Ballot | None, b: Ballot | None, resolution: Resolution | None
) -> Difference | None:
    """How the two readings of one ballot number differ, or None when they agree (or neither has it)."""
    if a is None and b is None:
        return None
    if a is not None and b is not None:
        if a.same_content(b):
            return None
        return Difference(form, number, a, b, differing_candidates(a, b), resolution)
    return Difference(form, number, a, b, (), resolution)


def unresolved_issues(differences: Iterable[Difference]) -> list[Issue]:
    """One warning per form with differences still open; it stands in the way of sealing."""
    open_numbers: dict[str, list[int]] = {}
    for difference in differences:
        if not difference.resolved:
            open_numbers.setdefault(difference.form, []).append(difference.number)
    return [
        Issue("double_entry_unresolved", Severity.WARNING, form, {"count": len(numbers), "ballots": numbers})
        for form, numbers in open_numbers.items()
    ]


@dataclass(frozen=True)
class KeyerStats:
    keyer: str
    ballots: int  # ballots started (added) by this keyer
    marks: int  # cells keyed, corrections included
    disagreements: int  # differences between the passes in cells (or ballots) this keyer keyed last


def ballot_and_keyer(event: Event) -> tuple[tuple[str, str, int], str]:
    """The ballot (form, pass, number) an event is about, and who keyed it: the station's keyer
    for a ballot imported from a station, else the event's keyer."""
    data = event.data
    return (data["form"], data.get("pass", EntryPass.A.value), data["ballot"]), data.get("keyed_by", event.keyer)


def keyer_stats(events: Iterable[Event], differences: Iterable[Difference] = ()) -> list[KeyerStats]:
    """Per keyer, from the audit log: ballots and marks keyed, and disagreements found in them."""
    ballots: dict[str, int] = {}
    marks: dict[str, int] = {}
    cell_author: dict[tuple, str] = {}
    ballot_author: dict[tuple, str] = {}
    for event in events:
        data = event.data
        if "ballot" not in data or event.action not in ("ballot_added", "mark_set", "ballot_status_set"):
            continue
        key, keyer = ballot_and_keyer(event)
        if event.action == "mark_set":
            if data["new"] is not None:
                marks[keyer] = marks.get(keyer, 0) + 1
                cell_author[(*key, data["candidate"])] = keyer
            continue
        if event.action == "ballot_added":
            ballots[keyer] = ballots.get(keyer, 0) + 1
        ballot_author[key] = keyer
        for order in data["new"]["marks"]:
            marks[keyer] = marks.get(keyer, 0) + 1
            cell_author[(*key, int(order))] = keyer
    found: dict[str, int] = {}
    for difference in differences:
        for entry_pass in (FIRST, SECOND):
            key = (difference.form, entry_pass.value, difference.number)
            authors = [cell_author.get((*key, order)) for order in difference.candidates]
            if difference.kind != "marks":
                authors = [ballot_author.get(key)]
            for author in authors:
                if author is not None:
                    found[author] = found.get(author, 0) + 1
    keyers = sorted(ballots.keys() | marks.keys() | found.keys())
    return [KeyerStats(k, ballots.get(k, 0), marks.get(k, 0), found.get(k, 0)) for k in keyers]
