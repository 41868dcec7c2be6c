"""The open round as the window sees it: a thin Qt adapter over the service's observers.

Every change goes through the service, which tells its observers once per action what changed
(`core.state.Changes`); the session turns that into Qt signals, so each view refreshes only what
the change touched. Errors from the service propagate to the caller unchanged (nothing was written).
"""

from __future__ import annotations

from typing import Mapping, NamedTuple

from PySide6.QtCore import QObject, Signal

from ..core.double_entry import Difference, Resolution, ballot_and_keyer
from ..core.model import Ballot, Counts, EntryPass, Mark
from ..core.results import FormResult, RoundResults
from ..core.state import Changes
from ..services.rounds import RoundService

MANY_BALLOTS = 100  # past this many ballots changed at once, views rebuild instead of row by row


KEYING_ACTIONS = ("ballot_added", "mark_set", "ballot_status_set", "ballot_removed")


class Cell(NamedTuple):
    """One cell of the tally grid: a ballot of a form, and a candidate on it."""

    form: str
    number: int
    order: int


class RoundSession(QObject):
    changed = Signal(object)  # Changes, once per action
    ballotAdded = Signal(object)  # Ballot of the pass being keyed
    ballotUpdated = Signal(object)  # Ballot
    ballotRemoved = Signal(str, int)  # form, number
    resultsChanged = Signal(str)  # form code
    setupChanged = Signal()  # the setup was replaced, the pass changed, the round sealed: views rebuild
    countsChanged = Signal(str)  # form code
    keyerChanged = Signal(str)
    passChanged = Signal(str)  # the keying pass (double entry): the grid shows that pass only
    resolutionsChanged = Signal()
    cellShown = Signal(object)  # Cell: an undo or redo changed it, the cursor goes there

    def __init__(self, service: RoundService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self._scanned: dict[tuple[str, str, int], object] = {}  # (pass, form, number) -> ScannedBallot read here
        self._pages_read: dict[tuple, object] = {}  # pages read again from their kept images, for the review
        service.subscribe(self._changed)

    def _changed(self, changes: Changes) -> None:
        state = self.service.state
        mine = sorted(key for key in changes.ballots if key[1] == self.entry_pass)
        rebuild = changes.setup or changes.seal or changes.station or len(mine) > MANY_BALLOTS
        if not rebuild:
            for key in mine:
                form, source, number = key
                ballot = state.ballot(form, source, number)
                if ballot is None:
                    if key not in changes.added:
                        self.ballotRemoved.emit(form, number)
                elif key in changes.added:
                    self.ballotAdded.emit(ballot)
                else:
                    self.ballotUpdated.emit(ballot)
        for form in sorted(changes.counts):
            self.countsChanged.emit(form)
        if changes.resolutions:
            self.resolutionsChanged.emit()
        if rebuild:
            self.setupChanged.emit()
        if changes.results:
            everything = changes.setup or changes.rule or changes.priors
            touched = changes.forms | changes.counts | {form for form, _ in changes.resolutions}
            for form in state.form_codes():
                if everything or form in touched:
                    self.resultsChanged.emit(form)
        self.changed.emit(changes)

    def reload_if_changed(self) -> bool:
        """For a read-only window: True when the file changed since last seen (views were told)."""
        return bool(self.service.refresh())

    # -- reading ---------------------------------------------------------------------------

    @property
    def setup(self):
        return self.service.setup

    @property
    def keyer(self) -> str:
        return self.service.keyer

    @property
    def results(self) -> RoundResults:
        return self.service.results()

    def form_results(self, code: str) -> FormResult:
        return self.service.state.form_result(code)

    def ballots(self, form: str) -> list[Ballot]:
        return self.service.ballots(form)

    def next_ballot_number(self, form: str) -> int:
        return self.service.next_ballot_number(form)

    @property
    def entry_pass(self) -> EntryPass:
        return self.service.entry_pass

    @property
    def double_entry(self) -> bool:
        return self.service.double_entry

    @property
    def blind(self) -> bool:
        """Pass B is keyed here: nothing of pass A (results, differences) may show."""
        return self.double_entry and self.entry_pass is EntryPass.B and not self.read_only

    def differences(self) -> list[Difference]:
        return self.service.differences()

    def keyers_passes(self) -> dict[str, EntryPass]:
        """Each keyer the log names, with the pass they keyed last; the last one to key comes last."""
        passes: dict[str, EntryPass] = {}
        for event in self.service.events():
            if event.action in KEYING_ACTIONS:
                (_form, entry_pass, _number), keyer = ballot_and_keyer(event)
                passes.pop(keyer, None)
                passes[keyer] = EntryPass(entry_pass)
        return passes

    @property
    def read_only(self) -> bool:
        return self.service.read_only

    @property
    def setup_editable(self) -> bool:
        return self.service.setup_editable

    def show_cell(self, cell: Cell) -> None:
        """Put the grid's cursor on `cell` (the window shows its form)."""
        self.cellShown.emit(cell)

    # -- changing (each call is one action of the service) ---------------------------------

    def set_keyer(self, name: str) -> None:
        self.service.keyer = name
        self.keyerChanged.emit(name)

    def set_entry_pass(self, entry_pass: EntryPass | str) -> None:
        self.service.set_entry_pass(entry_pass)
        self.passChanged.emit(self.service.entry_pass.value)
        self.setupChanged.emit()  # every view rebuilds on the pass now keyed

    def resolve(
        self, form: str, number: int, choice: Resolution, marks: Mapping[int, Mark] | None = None,
        invalid_reason: str = "",
    ) -> Ballot | None:
        return self.service.resolve(form, number, choice, marks, invalid_reason)

    def import_station(self, path):
        return self.service.import_station(path)

    def add_ballot(
        self, form: str, number: int, marks: Mapping[int, Mark] | None = None, invalid_reason: str = ""
    ) -> Ballot:
        return self.service.add_ballot(form, number, marks, invalid_reason)

    def set_marks(self, form: str, number: int, marks: Mapping[int, Mark | None]) -> Ballot:
        return self.service.set_marks(form, number, marks)

    def invalidate(self, form: str, number: int, reason: str) -> Ballot:
        return self.service.invalidate_ballot(form, number, reason)

    def restore(self, form: str, number: int, marks: Mapping[int, Mark] | None) -> Ballot:
        return self.service.restore_ballot(form, number, marks)

    def remove(self, form: str, number: int) -> Ballot:
        return self.service.remove_ballot(form, number)

    def change_counts(self, form: str, counts: Counts) -> Counts:
        return self.service.change_counts(form, counts)

    def seal(self, reason: str, by: str | None = None):
        """Seal the round (by default as the current keyer); the session is read-only from then on."""
        return self.service.seal(by or self.keyer, reason)

    def seal_to_file(self, target, reason: str, by: str | None = None):
        """Seal a round kept on a server into the round file `target`; the server round is read-only from then on."""
        return self.service.seal_to_file(target, by or self.keyer, reason)

    def change_rule(self, rule_id: str, percent_base: str | None, decimals: int | None, custom) -> None:
        """Another rule, or other settings of it: every form's percentages and flags are recounted."""
        self.service.change_rule(rule_id, percent_base, decimals, custom)

    def replace_setup(self, setup) -> None:
        self.service.replace_setup(setup)

    # -- scanned ballots (services/scanning.py) --------------------------------------------

    def read_scans(self, scans, progress=None, cancelled=lambda: False):
        """Read a stack for this round without storing anything: safe in a worker thread.
        Raises services.scanning.ScanCancelled when `cancelled()` turns true."""
        from ..services.scanning import read_stack

        return read_stack(self.setup, self.service.info.uid, scans, progress, cancelled)

    def scan_pages(self, scans) -> int:
        from ..services.scanning import count_pages

        return count_pages(scans)

    def keep_scan_images(self, reading) -> dict[str, str]:
        """Copy a stack's pages beside the round file (safe in a worker thread: no round file written)."""
        from ..services.scanning import images_folder, keep_page_images

        return keep_page_images(images_folder(self.service), reading)

    def store_scans(self, scans, reading, kept: dict[str, str] | None = None):
        """Store a stack read by `read_scans` in the pass keyed now (`kept`: its pages' copies, from
        `keep_scan_images`); its images stay at hand for the review."""
        from ..services.scanning import scan_ballots

        report = scan_ballots(self.service, scans, reader_result=reading, kept=kept or {})
        for (form, number), ballot in report.read.items():
            self._scanned[(self.entry_pass.value, form, number)] = ballot
        return report

    def scan_review(self):
        """The scanned cells of the pass keyed now that wait for a person, in scan order."""
        from ..services.scanning import pending_review

        return [cell for cell in pending_review(self.service) if cell.entry_pass is self.entry_pass]

    def scan_page(self, cell):
        """The read page a review cell is on (for its image): from this session's scan, else
        read again from the image kept beside the round file; None when neither has it."""
        ballot = self._scanned.get((cell.entry_pass.value, cell.form, cell.number))
        if ballot is not None:
            for page in ballot.pages:
                if any(c.order == cell.order for c in page.cells):
                    return page
        from ..services.scanning import review_page

        key = (cell.entry_pass.value, cell.form, cell.number, cell.page, cell.sha256)
        if key not in self._pages_read:  # read again once per page, not once per cell
            page = review_page(self.service, cell)
            if page is not None and any(c.order == cell.order for c in page.cells):
                self._pages_read[key] = page
            else:
                return page
        return self._pages_read[key]

    def confirm_scan_cell(self, cell, mark: Mark) -> None:
        """Key a waiting cell as the paper says, recorded under the keyer's name."""
        from ..services.scanning import confirm_cell

        confirm_cell(self.service, cell.form, cell.number, cell.order, mark)
