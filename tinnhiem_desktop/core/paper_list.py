"""The fingerprints printed on the units' signed paper reports, as a list the organiser types or
receives: one line per round file, its name and the fingerprint on its paper."""

from __future__ import annotations

import csv
import io

from .audit import paper_fingerprint
from .issues import Location, TinNhiemError
from .names import folded

FILE_HEADINGS = {"tep", "ten tep", "file"}
FINGERPRINT_HEADINGS = {"dau van tay", "fingerprint"}


def parse_paper_list(text: str, source: str) -> dict[str, str]:
    """File name -> fingerprint (normalised). A first line naming the columns ("tệp", "dấu vân tay")
    is optional; the fingerprint must be whole (64 hex characters)."""
    rows = [row for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))) if any(cell.strip() for cell in row)]
    if rows and {folded(cell) for cell in rows[0][:2]} & (FILE_HEADINGS | FINGERPRINT_HEADINGS):
        start = 2
        rows = rows[1:]
    else:
        start = 1
    papers: dict[str, str] = {}
    for line, row in enumerate(rows, start=start):
        if len(row) < 2 or not row[0].strip():
            raise TinNhiemError("paper_list_bad_row", Location(source, line=line), columns=len(row))
        name = row[0].strip()
        try:
            fingerprint = paper_fingerprint(row[1])
        except TinNhiemError:
            raise TinNhiemError("paper_list_bad_fingerprint", Location(source, line=line, column=2), file=name) from None
        if name in papers:
            raise TinNhiemError("paper_list_duplicate", Location(source, line=line), file=name)
        papers[name] = fingerprint
    return papers
