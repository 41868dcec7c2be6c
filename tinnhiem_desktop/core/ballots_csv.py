"""The ballots CSV: `form,ballot,status,1,2,...,N`, one paper ballot a row.

A mark is `1` (cao), `2` (tín nhiệm), `3` (thấp), empty or `0` (no mark), `x` (more than one);
`?` is a cell not keyed yet (the candidate is absent from the ballot's marks).
Status is `valid`, or `invalid` optionally followed by `:` and the reason (`invalid:không có dấu`).
Rows of several forms may share a file; a short row is padded with no mark. A form code that a
spreadsheet would run as a formula (`=1+1`, `+2`, `@x`) is written after a single quote, as
spreadsheet users type it (`'=1+1`), and read back with or without it.
"""

from __future__ import annotations

import csv
import io
from typing import AbstractSet, Iterable, Mapping

from .issues import Location, TinNhiemError
from .limits import MAX_CSV_ROWS, ROWS_PER_COUNT, check_ballot_number, check_text_length
from .model import Ballot, BallotStatus, Mark, RoundSetup
from .spec import nfc

FIXED_COLUMNS = ("form", "ballot", "status")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"

NOT_KEYED = "?"
MARK_BY_CELL: dict[str, Mark | None] = {
    NOT_KEYED: None,
    "": Mark.NO_MARK,
    "0": Mark.NO_MARK,
    "1": Mark.CAO,
    "2": Mark.TIN_NHIEM,
    "3": Mark.THAP,
    "x": Mark.MULTI,
}
CELL_BY_MARK = {
    Mark.NO_MARK: "0",
    Mark.CAO: "1",
    Mark.TIN_NHIEM: "2",
    Mark.THAP: "3",
    Mark.MULTI: "x",
}


def parse_ballots_csv(
    text: str,
    source: str,
    setup: RoundSetup,
    existing: Mapping[str, AbstractSet[int]] | None = None,
) -> list[Ballot]:
    """Parse every row or raise TinNhiemError at the first bad cell; `existing` holds the
    ballot numbers already in the round, per form, which a row may not repeat."""
    existing = existing or {}
    if text.startswith("\ufeff"):
        text = text[1:]
    reader = csv.reader(io.StringIO(text, newline=""))  # rows end at CR/LF only, as CSV means

    def fail(code: str, line: int, column: int | None = None, **params: object) -> TinNhiemError:
        return TinNhiemError(code, Location(source, line, column), **params)

    try:
        header = next(reader, None)
        if header is None:
            raise fail("csv_empty", 1)
        names = [cell.strip().lower() for cell in header]
        if tuple(names[:3]) != FIXED_COLUMNS:
            raise fail("csv_bad_header", 1, 1, expected="form,ballot,status,1,2,...")
        for index, name in enumerate(names[3:], start=1):
            if name != str(index):
                raise fail("csv_bad_header_column", 1, index + 3, expected=str(index), found=name)
        width = len(names) - 3

        forms = {form.code: form for form in setup.forms}
        seen: dict[str, set[int]] = {code: set(existing.get(code, ())) for code in forms}
        ballots: list[Ballot] = []
        rows_of: dict[str, int] = {code: len(seen[code]) for code in forms}
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(ballots) >= MAX_CSV_ROWS:
                raise fail("csv_too_many_rows", line, maximum=MAX_CSV_ROWS)
            if len(row) < 3:
                raise fail("csv_row_too_short", line, len(row) + 1)
            code = nfc(row[0])
            form = forms.get(code.removeprefix(QUOTE)) or forms.get(code)
            if form is None:
                raise fail("unknown_form", line, 1, form=code, known=sorted(forms))
            code = form.code
            number_text = row[1].strip()
            if not (number_text.isascii() and number_text.isdigit()) or int(number_text) < 1:
                raise fail("bad_ballot_number", line, 2, value=row[1])
            number = int(number_text)
            check_ballot_number(number, Location(source, line, 2))
            rows_of[code] += 1
            if rows_of[code] > ROWS_PER_COUNT * form.counts.summoned:
                raise fail("csv_too_many_ballots", line, form=code, summoned=form.counts.summoned,
                           maximum=ROWS_PER_COUNT * form.counts.summoned)
            if number in seen[code]:
                raise fail("duplicate_ballot", line, 2, form=code, ballot=number)
            status_text, _, reason = row[2].partition(":")
            status_text, reason = status_text.strip().lower(), nfc(reason)
            check_text_length(reason, Location(source, line, 3))
            if status_text not in set(BallotStatus) or (reason and status_text != BallotStatus.INVALID):
                raise fail("bad_status", line, 3, value=row[2])
            status = BallotStatus(status_text)
            size = len(form.candidates)
            read: dict[int, Mark | None] = {}
            for order, cell in enumerate(row[3:], start=1):
                value = cell.strip().lower()
                column = order + 3
                if value not in MARK_BY_CELL:
                    raise fail("bad_mark", line, column, value=cell.strip())
                mark = MARK_BY_CELL[value]
                if order > size or order > width:
                    if mark is not Mark.NO_MARK:
                        raise fail("candidate_out_of_range", line, column, form=code, candidate=order, size=size)
                    continue
                if status is BallotStatus.INVALID and mark is None:
                    raise fail("unkeyed_on_invalid_ballot", line, column, ballot=number)
                if status is BallotStatus.INVALID and mark is not Mark.NO_MARK:
                    raise fail("marks_on_invalid_ballot", line, column, ballot=number)
                read[order] = mark
            marks: dict[int, Mark] = {}
            if status is BallotStatus.VALID:  # a short row is padded with no mark
                marks = {o: m for o in range(1, size + 1) if (m := read.get(o, Mark.NO_MARK)) is not None}
            seen[code].add(number)
            ballots.append(Ballot(code, number, status, marks, reason))
    except csv.Error as error:
        raise fail("csv_syntax", reader.line_num, detail=str(error)) from None
    return ballots


def ballots_csv_rows(setup: RoundSetup, ballots: Iterable[Ballot]) -> list[list[str]]:
    """Rows (header first) that `parse_ballots_csv` reads back to the same ballots.

    A cell not keyed yet on a valid ballot is written `?`; an invalid ballot's cells are empty.
    """
    width = max(len(form.candidates) for form in setup.forms)
    rows = [[*FIXED_COLUMNS, *(str(i) for i in range(1, width + 1))]]
    order = {form.code: i for i, form in enumerate(setup.forms)}
    for ballot in sorted(ballots, key=lambda b: (order[b.form], b.number)):
        size = len(setup.form(ballot.form).candidates)
        unkeyed = NOT_KEYED if ballot.status is BallotStatus.VALID else ""
        cells = [CELL_BY_MARK[ballot.marks[o]] if o in ballot.marks else unkeyed for o in range(1, size + 1)]
        status = ballot.status.value + (f":{ballot.invalid_reason}" if ballot.invalid_reason else "")
        rows.append([spreadsheet_safe(ballot.form), str(ballot.number), spreadsheet_safe(status), *cells])
    return rows


def spreadsheet_safe(cell: str) -> str:
    """The cell after a single quote when a spreadsheet would run it as a formula; a cell that
    starts with the quote itself gets one more, so that reading drops exactly one."""
    return QUOTE + cell if cell.startswith((*FORMULA_STARTS, QUOTE)) else cell
