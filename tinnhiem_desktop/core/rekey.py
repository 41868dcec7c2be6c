"""A ballot typed again in one line, with the paper in hand: `123x0`, one character per candidate
(1 tín nhiệm cao, 2 tín nhiệm, 3 tín nhiệm thấp, 0 no mark, x several marks; spaces ignored), or
`khl: lý do` for a ballot invalid as a whole."""

from __future__ import annotations

from .ballots_csv import MARK_BY_CELL
from .issues import TinNhiemError
from .model import Mark

INVALID_PREFIX = "khl"


def parse_marks(text: str, size: int) -> dict[int, Mark]:
    """The marks of a ballot of `size` candidates; a coded error naming what is wrong."""
    cells = [c for c in text.lower() if not c.isspace()]
    if len(cells) != size:
        raise TinNhiemError("rekey_wrong_length", size=size, typed=len(cells))
    for order, cell in enumerate(cells, 1):
        if cell not in MARK_BY_CELL:
            raise TinNhiemError("rekey_bad_cell", cell=cell, order=order)
    return {order: MARK_BY_CELL[cell] for order, cell in enumerate(cells, 1)}


def parse_rekey(text: str, size: int) -> tuple[dict[int, Mark], str]:
    """The marks and '' for a valid ballot, or no marks and the reason for one invalid as a whole."""
    text = text.strip()
    if text.lower().startswith(INVALID_PREFIX):
        reason = text[len(INVALID_PREFIX):].lstrip(" :").strip()
        if not reason:
            raise TinNhiemError("rekey_reason_missing")
        return {}, reason
    return parse_marks(text, size), ""
