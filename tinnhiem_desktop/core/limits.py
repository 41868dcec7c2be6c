"""How large an input may be: beyond these it is certainly a mistake or an attack, and is refused
with a message rather than stored (or overflowing SQLite's 64-bit integers)."""

from __future__ import annotations

from .issues import Location, TinNhiemError

MAX_TEXT = 300  # a name, position, title, place or reason
MAX_BALLOT_NUMBER = 100_000
MAX_COUNT = 10_000_000  # any number of a round definition: counts, years
MAX_CSV_ROWS = 100_000
ROWS_PER_COUNT = 3  # a ballots file may hold up to 3 × a form's summoned count of its ballots


def check_ballot_number(number: int, location: Location | None = None) -> None:
    if number > MAX_BALLOT_NUMBER:
        raise TinNhiemError("ballot_number_too_large", location, ballot=number, maximum=MAX_BALLOT_NUMBER)


def check_text_length(text: str, location: Location | None = None) -> None:
    if len(text) > MAX_TEXT:
        raise TinNhiemError("text_too_long", location, length=len(text), maximum=MAX_TEXT)
