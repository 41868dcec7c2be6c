"""Scanned ballots as a reading source: a stack read by scan/ stored like keyed ballots, each in the
current pass, numbered in scan order after the pass's last ballot; cells the reader is not sure
of left unkeyed until someone confirms them.

Each stored ballot's `ballot_added` event carries `scan`: its pages (file, page number in the
stack, SHA-256 of the image) and the cells sent to review with what the reader measured. A
confirmation is a `mark_set` of that cell with `scan_confirmed`, recorded under the name of who
confirmed it. Nothing else changes: counting, double-entry comparison and resolution see an
ordinary ballot of pass A or B.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..core.events import Draft, ballot_state, pass_data
from ..core.issues import TinNhiemError
from ..core.model import BallotStatus, EntryPass, Mark
from .rounds import RoundService

HOW_SCANNED = "scanned"  # how the ballots with a `scan` record were read (core/sources.py: "keyed")


@dataclass(frozen=True)
class ReviewCell:
    """A cell of a stored scanned ballot that waits for a person."""

    form: str
    number: int  # the ballot's number: the one to write on the paper
    entry_pass: EntryPass
    order: int
    name: str
    reading: str  # doubtful, several (scan/reader.py Reading)
    proposal: str | None  # the reader's guess, a Mark value
    confidence: float
    fills: tuple[float, ...]
    page: int  # the page's number in the stack it came from
    file: str


@dataclass
class ScanReport:
    pages: int
    stored: list[tuple[str, int]] = field(default_factory=list)  # (form, number) in scan order
    review: list[ReviewCell] = field(default_factory=list)
    set_aside: list[dict] = field(default_factory=list)  # file, page, reason, words
    held_back: list[dict] = field(default_factory=list)  # form, pages (stack numbers), words
    accepted_cells: int = 0


def scan_ballots(service: RoundService, scans: Path,
                 progress: Callable[[int], None] | None = None, reader_result=None) -> ScanReport:
    """Read the stack and store every complete ballot in the current pass, in one transaction."""
    from ..scan.reader import REASONS, SetAside, SetAsidePage, read_scans

    service.check_writable()
    scans = Path(scans)
    if not scans.exists():
        raise TinNhiemError("scan_source_missing", file=str(scans))
    uid = service.info.uid
    if not uid:
        raise TinNhiemError("scan_round_without_id", file=str(service.path))
    reading = reader_result or read_scans(service.setup, uid, scans, progress)
    already = stored_page_hashes(service)
    report = ScanReport(reading.pages)
    drafts: list[Draft] = []
    numbers: dict[str, int] = {}
    for ballot in reading.ballots:
        hashes = [page.page.sha256 for page in ballot.pages]
        if any(h in already for h in hashes):
            for page in ballot.pages:
                report.set_aside.append(_aside(SetAsidePage(page.page, SetAside.DUPLICATE, "đã đọc ở lần trước"),
                                               REASONS))
            continue
        already.update(hashes)
        form = service.setup.form(ballot.form)
        number = numbers.get(form.code) or service.next_ballot_number(form.code)
        numbers[form.code] = number + 1
        marks = {cell.order: cell.proposal for cell in ballot.cells if cell.accepted}
        report.accepted_cells += len(marks)
        stored = service._new_ballot(form.code, number, marks, "")
        names = {c.order: c.name for c in form.candidates}
        review = []
        for page in ballot.pages:
            for cell in page.cells:
                if cell.accepted:
                    continue
                review.append({"candidate": cell.order, "reading": cell.reading.value,
                               "proposal": cell.proposal.value if cell.proposal else None,
                               "confidence": cell.confidence, "fills": list(cell.fills), "page": page.page.number})
                report.review.append(ReviewCell(form.code, number, service.entry_pass, cell.order,
                                                names[cell.order], cell.reading.value,
                                                cell.proposal.value if cell.proposal else None, cell.confidence,
                                                cell.fills, page.page.number, Path(page.page.source).name))
        scan = {"pages": [{"file": Path(p.page.source).name, "page": p.page.number, "sha256": p.page.sha256,
                           "form_page": p.code.page} for p in ballot.pages],
                "review": review}
        drafts.append(Draft("ballot_added", {"form": form.code, "ballot": number, **pass_data(service.entry_pass),
                                             "new": ballot_state(stored), "scan": scan}))
        report.stored.append((form.code, number))
    for page in reading.set_aside:
        report.set_aside.append(_aside(page, REASONS))
    for held in reading.held_back:
        report.held_back.append({"form": held.form, "pages": [p.page.number for p in held.pages],
                                 "files": [Path(p.page.source).name for p in held.pages], "words": held.words})
    service._commit(drafts)
    return report


def _aside(page, reasons) -> dict:
    return {"file": Path(page.page.source).name, "page": page.page.number, "sha256": page.page.sha256,
            "reason": page.reason.value, "words": page.words}


def stored_page_hashes(service: RoundService) -> set[str]:
    return {page["sha256"] for event in service.events() if event.action == "ballot_added"
            for page in event.data.get("scan", {}).get("pages", ())}


def pending_review(service: RoundService) -> list[ReviewCell]:
    """The cells of stored scanned ballots (every pass) still unkeyed, in scan order."""
    names = {f.code: {c.order: c.name for c in f.candidates} for f in service.setup.forms}
    out = []
    for event in service.events():
        scan = event.data.get("scan") if event.action == "ballot_added" else None
        if not scan:
            continue
        form, number = event.data["form"], event.data["ballot"]
        entry_pass = EntryPass(event.data.get("pass", EntryPass.A.value))
        ballot = service._state.ballot(form, entry_pass, number)
        if ballot is None or ballot.status is BallotStatus.INVALID:
            continue
        files = {p["page"]: p["file"] for p in scan["pages"]}
        for cell in scan["review"]:
            if cell["candidate"] in ballot.marks:
                continue
            out.append(ReviewCell(form, number, entry_pass, cell["candidate"], names[form][cell["candidate"]],
                                  cell["reading"], cell["proposal"], cell["confidence"], tuple(cell["fills"]),
                                  cell["page"], files.get(cell["page"], "")))
    return out


def confirm_cell(service: RoundService, form: str, number: int, order: int, mark: Mark) -> None:
    """Key one cell the reader left for review, as the person confirming it read the paper; the
    event is recorded under their name (the service's keyer)."""
    service.check_writable()
    waiting = {(c.form, c.number, c.order) for c in pending_review(service) if c.entry_pass is service.entry_pass}
    if (form, number, order) not in waiting:
        raise TinNhiemError("scan_cell_not_waiting", form=form, ballot=number, candidate=order,
                            entry_pass=service.entry_pass.value)
    service._commit([Draft("mark_set", {"form": form, "ballot": number, **pass_data(service.entry_pass),
                                        "candidate": order, "old": None, "new": mark.value,
                                        "scan_confirmed": True})])


def scanned_ballots(service: RoundService) -> int:
    """How many ballots of the round were read from scans (for the minutes' "how the ballots were read")."""
    return sum(1 for event in service.events() if event.action == "ballot_added" and event.data.get("scan"))
