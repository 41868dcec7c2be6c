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
    sha256: str = ""  # of the page's image, as the log keeps it


@dataclass
class ScanReport:
    pages: int
    stored: list[tuple[str, int]] = field(default_factory=list)  # (form, number) in scan order
    review: list[ReviewCell] = field(default_factory=list)
    set_aside: list[dict] = field(default_factory=list)  # file, page, reason, words
    held_back: list[dict] = field(default_factory=list)  # form, pages (stack numbers), words
    accepted_cells: int = 0
    read: dict = field(default_factory=dict)  # (form, number) -> the ScannedBallot stored there (its images)
    kept: list[str] = field(default_factory=list)  # page images kept beside the round file


def scan_ballots(service: RoundService, scans: Path,
                 progress: Callable[[int], None] | None = None, reader_result=None,
                 keep_images: bool = False, kept: dict[str, str] | None = None) -> ScanReport:
    """Read the stack and store every complete ballot in the current pass, in one transaction.
    With `keep_images`, every page image read is copied into `images_folder(service)` first (or
    `kept`, from `keep_page_images` run earlier, names the copies) and each stored page's record
    names its copy (`kept`)."""
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
    if kept is None:
        kept = keep_page_images(images_folder(service), reading) if keep_images else {}
    report.kept = sorted(set(kept.values()))
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
                                                cell.fills, page.page.number, Path(page.page.source).name,
                                                page.page.sha256))
        scan = {"pages": [{"file": Path(p.page.source).name, "page": p.page.number, "sha256": p.page.sha256,
                           "form_page": p.code.page, **({"kept": kept[p.page.sha256]} if p.page.sha256 in kept else {})}
                          for p in ballot.pages],
                "review": review}
        drafts.append(Draft("ballot_added", {"form": form.code, "ballot": number, **pass_data(service.entry_pass),
                                             "new": ballot_state(stored), "scan": scan}))
        report.stored.append((form.code, number))
        report.read[(form.code, number)] = ballot
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
        hashes = {p["page"]: p["sha256"] for p in scan["pages"]}
        for cell in scan["review"]:
            if cell["candidate"] in ballot.marks:
                continue
            out.append(ReviewCell(form, number, entry_pass, cell["candidate"], names[form][cell["candidate"]],
                                  cell["reading"], cell["proposal"], cell["confidence"], tuple(cell["fills"]),
                                  cell["page"], files.get(cell["page"], ""), hashes.get(cell["page"], "")))
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


# -- reading in a worker thread, the pages' images kept for audit, how the ballots were read ------


class ScanCancelled(Exception):
    """The person stopped the reading: nothing was stored."""


def count_pages(scans: Path) -> int:
    """How many pages a stack holds, for a progress bar (a multi-page TIFF counts as one)."""
    from ..scan.reader import IMAGE_SUFFIXES

    scans = Path(scans)
    if scans.is_dir():
        return sum(1 for p in scans.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
    if scans.suffix.lower() == ".pdf":
        import pypdfium2 as pdfium

        try:
            document = pdfium.PdfDocument(str(scans))
        except pdfium.PdfiumError as error:
            raise TinNhiemError("scan_pdf_unreadable", file=str(scans), detail=str(error).rstrip(".")) from None
        try:
            return len(document)
        finally:
            document.close()
    return 1 if scans.exists() else 0


def read_stack(setup, round_id: str, scans: Path, progress: Callable[[int], None] | None = None,
               cancelled: Callable[[], bool] = lambda: False):
    """Read a stack without storing anything (for a worker thread: it touches no round file).
    Raises ScanCancelled as soon as `cancelled()` is true between two pages."""
    from ..scan.reader import Reader, load_pages

    scans = Path(scans)
    if not scans.exists():
        raise TinNhiemError("scan_source_missing", file=str(scans))
    if not round_id:
        raise TinNhiemError("scan_round_without_id", file=str(scans))

    def pages():
        for page in load_pages(scans):
            if cancelled():
                raise ScanCancelled()
            yield page

    return Reader(setup, round_id).read_stack(pages(), progress)


def images_folder(service: RoundService) -> Path:
    """Where the page images of a round's scans are kept: a folder beside the round file."""
    return service.path.with_name(f"{service.path.stem}-anh-quet")


def keep_page_images(folder: Path, reading) -> dict[str, str]:
    """Copy every page of the reading into `folder`, named by its SHA-256: an image file as it
    came (the copy's own SHA-256 is the one logged), a PDF page as a PNG of the pixels read.
    Touches no round file (a worker thread may run it). Returns sha256 -> the copy's name."""
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    pages = [p.page for b in reading.ballots for p in b.pages] + [p.page for p in reading.set_aside]
    pages += [p.page for held in reading.held_back for p in held.pages]
    kept: dict[str, str] = {}
    for page in pages:
        if page.sha256 in kept:
            continue
        source = Path(page.source)
        suffix = source.suffix.lower()
        if suffix != ".pdf" and source.is_file() and _file_digest(source) == page.sha256:
            name = f"{page.sha256[:16]}{suffix}"
            if not (folder / name).exists():
                (folder / name).write_bytes(source.read_bytes())
        else:
            name = f"{page.sha256[:16]}.png"
            if not (folder / name).exists():
                Image.fromarray(page.image).save(folder / name)
        kept[page.sha256] = name
    return kept


def _file_digest(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def scanned_pages(service: RoundService) -> list[dict]:
    """Every page image the log records for the ballots read from scans, in the log's order: the
    stack's file and page number, SHA-256, the ballot it was stored as, and the copy kept (if any)."""
    pages = []
    for event in service.events():
        scan = event.data.get("scan") if event.action == "ballot_added" else None
        for page in (scan or {}).get("pages", ()):
            pages.append({**page, "form": event.data["form"], "ballot": event.data["ballot"],
                          "pass": event.data.get("pass", EntryPass.A.value)})
    return pages


def review_page(service: RoundService, cell: ReviewCell):
    """The page a review cell is on, read again from its kept image (None when it was not kept)."""
    from ..scan.reader import Reader, load_pages

    kept = next((p.get("kept") for p in scanned_pages(service)
                 if p["sha256"] == cell.sha256 and p["form"] == cell.form and p["ballot"] == cell.number
                 and p.get("kept")), None)
    path = images_folder(service) / kept if kept else None
    if path is None or not path.is_file() or not service.info.uid:
        return None
    reader = Reader(service.setup, service.info.uid)
    for page in load_pages(path):
        for copy in reader.read_page(page):
            if getattr(copy, "form", None) == cell.form and any(c.order == cell.order for c in copy.cells):
                return copy
    return None


def how_read(service: RoundService):
    """How the ballots now in the round were read, per pass: from scans or keyed, and how many
    scanned cells the team confirmed from the paper (for the minutes)."""
    from ..export.results_text import HowRead

    scanned: dict[tuple, bool] = {}
    confirmed: dict[tuple, int] = {}
    for event in service.events():
        data = event.data
        if event.action not in ("ballot_added", "ballot_removed", "mark_set") or "form" not in data:
            continue
        key = (data["form"], data.get("pass", EntryPass.A.value), data["ballot"])
        if event.action == "ballot_added":
            scanned[key] = bool(data.get("scan"))
            confirmed[key] = 0
        elif event.action == "ballot_removed":
            scanned.pop(key, None)
            confirmed.pop(key, None)
        elif data.get("scan_confirmed"):
            confirmed[key] = confirmed.get(key, 0) + 1
    state = service._state
    by_pass: dict[str, list[int]] = {}
    for (form, entry_pass, number), from_scan in scanned.items():
        if state.ballot(form, EntryPass(entry_pass), number) is None:
            continue
        counts = by_pass.setdefault(entry_pass, [0, 0, 0])
        counts[0 if from_scan else 1] += 1
        counts[2] += confirmed.get((form, entry_pass, number), 0)
    return HowRead({p: (s, k, c) for p, (s, k, c) in sorted(by_pass.items())})
