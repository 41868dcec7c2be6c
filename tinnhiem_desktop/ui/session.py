"""The open round as the window sees it: the service, and one signal after each change."""

from __future__ import annotations

from typing import Mapping

from PySide6.QtCore import QObject, Signal

from ..core.double_entry import Difference, Resolution
from ..core.model import Ballot, Counts, EntryPass, Mark
from ..core.results import FormResult, RoundResults
from ..services.rounds import RoundService


class RoundSession(QObject):
    """Every change goes through here, so every view hears of it once and refreshes only what
    it touched. Errors from the service propagate to the caller unchanged (nothing was written)."""

    ballotAdded = Signal(object)  # Ballot
    ballotUpdated = Signal(object)  # Ballot
    ballotRemoved = Signal(str, int)  # form, number
    resultsChanged = Signal(str)  # form code
    setupChanged = Signal()  # the whole setup was replaced (before counting)
    countsChanged = Signal(str)  # form code
    keyerChanged = Signal(str)
    passChanged = Signal(str)  # the keying pass (double entry): the grid shows that pass only
    resolutionsChanged = Signal()

    def __init__(self, service: RoundService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self._results = service.results()
        self._seen_head = service.file_log_head()

    def reload_if_changed(self) -> bool:
        """For a read-only window: True (and fresh results) when the file changed since last seen."""
        head = self.service.file_log_head()
        if head == self._seen_head:
            return False
        self._seen_head = head
        self._results = self.service.results()
        return True

    # -- reading ---------------------------------------------------------------------------

    @property
    def setup(self):
        return self.service.setup

    @property
    def keyer(self) -> str:
        return self.service.keyer

    @property
    def results(self) -> RoundResults:
        return self._results

    def form_results(self, code: str) -> FormResult:
        return next(f for f in self._results.forms if f.form.code == code)

    def ballots(self, form: str) -> list[Ballot]:
        return self.service.ballots(form)

    @property
    def entry_pass(self) -> EntryPass:
        return self.service.entry_pass

    @property
    def double_entry(self) -> bool:
        return self.service.double_entry

    def next_ballot_number(self, form: str) -> int:
        return self.service.next_ballot_number(form)

    def differences(self) -> list[Difference]:
        return self.service.differences()

    @property
    def read_only(self) -> bool:
        return self.service.read_only

    @property
    def setup_editable(self) -> bool:
        return self.service.setup_editable

    # -- changing --------------------------------------------------------------------------

    def set_keyer(self, name: str) -> None:
        self.service.keyer = name
        self.keyerChanged.emit(name)

    def refresh_results(self) -> None:
        """After last year's results (the history dialog) or the rule changed: recount, and tell every
        form's views."""
        self._results = self.service.results()
        for form in self.setup.forms:
            self.resultsChanged.emit(form.code)

    def set_entry_pass(self, entry_pass: EntryPass | str) -> None:
        self.service.set_entry_pass(entry_pass)
        self.passChanged.emit(self.service.entry_pass.value)
        self.setupChanged.emit()  # every view rebuilds on the pass now keyed

    def resolve(
        self, form: str, number: int, choice: Resolution, marks: Mapping[int, Mark] | None = None,
        invalid_reason: str = "",
    ) -> Ballot | None:
        counted = self.service.resolve(form, number, choice, marks, invalid_reason)
        self.resolutionsChanged.emit()
        self._recount(form)
        return counted

    def import_station(self, path):
        report = self.service.import_station(path)
        self._results = self.service.results()
        self.setupChanged.emit()  # the grid of the pass now keyed may have new ballots
        return report

    def add_ballot(
        self, form: str, number: int, marks: Mapping[int, Mark] | None = None, invalid_reason: str = ""
    ) -> Ballot:
        ballot = self.service.add_ballot(form, number, marks, invalid_reason)
        self.ballotAdded.emit(ballot)
        self._recount(form)
        return ballot

    def set_marks(self, form: str, number: int, marks: Mapping[int, Mark | None]) -> Ballot:
        return self._updated(self.service.set_marks(form, number, marks))

    def invalidate(self, form: str, number: int, reason: str) -> Ballot:
        return self._updated(self.service.invalidate_ballot(form, number, reason))

    def restore(self, form: str, number: int, marks: Mapping[int, Mark] | None) -> Ballot:
        return self._updated(self.service.restore_ballot(form, number, marks))

    def remove(self, form: str, number: int) -> Ballot:
        removed = self.service.remove_ballot(form, number)
        self.ballotRemoved.emit(form, number)
        self._recount(form)
        return removed

    def change_counts(self, form: str, counts: Counts) -> Counts:
        old = self.service.change_counts(form, counts)
        self.countsChanged.emit(form)
        self._recount(form)
        return old

    def seal(self, reason: str):
        """Seal as the current keyer; the session is read-only from then on."""
        info = self.service.seal(self.keyer, reason)
        self.setupChanged.emit()
        return info

    def change_rule(self, rule_id: str, percent_base: str | None, decimals: int | None, custom) -> None:
        """Another rule, or other settings of it: every form's percentages and flags are recounted."""
        self.service.change_rule(rule_id, percent_base, decimals, custom)
        self.refresh_results()

    def replace_setup(self, setup) -> None:
        self.service.replace_setup(setup)
        self._results = self.service.results()
        self.setupChanged.emit()

    def _updated(self, ballot: Ballot) -> Ballot:
        self.ballotUpdated.emit(ballot)
        self._recount(ballot.form)
        return ballot

    def _recount(self, form: str) -> None:
        self._results = self.service.results()
        self.resultsChanged.emit(form)
