"""Reading sources: where a ballot's reading came from, and the place it takes when readings are compared.

A ballot is stored with the code of its reading source. Counting and comparing never name a code:
they ask for the source in a slot (the first reading, the second, the reading made again to settle a
difference), so a new way of reading ballots (a scanner) is one more entry here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .model import EntryPass


class Slot(StrEnum):
    FIRST = "first"  # the only reading of a single-entry round; one side of a double-entry comparison
    SECOND = "second"  # the blind second reading of a double-entry round
    AGAIN = "again"  # read again with the paper in hand, to settle a difference


@dataclass(frozen=True)
class ReadingSource:
    code: EntryPass
    slot: Slot
    how: str  # "keyed" by a person


SOURCES: dict[EntryPass, ReadingSource] = {
    source.code: source
    for source in (
        ReadingSource(EntryPass.A, Slot.FIRST, "keyed"),
        ReadingSource(EntryPass.B, Slot.SECOND, "keyed"),
        ReadingSource(EntryPass.R, Slot.AGAIN, "keyed"),
    )
}


def source_in(slot: Slot) -> EntryPass:
    """The source that takes `slot` in the comparison."""
    return next(code for code, source in SOURCES.items() if source.slot is slot)


FIRST, SECOND, AGAIN = source_in(Slot.FIRST), source_in(Slot.SECOND), source_in(Slot.AGAIN)
