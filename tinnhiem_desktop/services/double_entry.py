"""Blind double entry: the differences between the two readings, per keyer, and settling them."""

from __future__ import annotations

from typing import Mapping

from ..core.double_entry import Difference, KeyerStats, Resolution, keyer_stats
from ..core.events import Draft, ballot_state
from ..core.issues import TinNhiemError
from ..core.model import Ballot, BallotStatus, EntryPass, Mark
from ..core.sources import FIRST, SECOND
from ..core.spec import nfc


class DoubleEntry:
    """Mixed into RoundService (services/rounds.py)."""

    def differences(self, form: str | None = None) -> list[Difference]:
        """Every ballot number where passes A and B differ, resolved or not (double entry only)."""
        return self.state.differences(None if form is None else self._form(form).code)

    def keyer_stats(self) -> list[KeyerStats]:
        """Per keyer: ballots started, marks keyed, and disagreements between passes in them."""
        return keyer_stats(self.events(), self.differences())

    def resolve(
        self,
        form: str,
        number: int,
        choice: Resolution | str,
        marks: Mapping[int, Mark] | None = None,
        invalid_reason: str = "",
    ) -> Ballot | None:
        """Settle a difference with the paper in hand: take A, take B, or key the ballot again
        (marks, or an invalid reason). Returns the ballot the round now counts (None: no ballot)."""
        self.check_writable()
        choice = Resolution(choice)
        if not self.double_entry:
            raise TinNhiemError("not_double_entry", file=str(self.path))
        code = self._form(form).code
        a, b = self._state.ballot(code, FIRST, number), self._state.ballot(code, SECOND, number)
        if a is None and b is None:
            raise TinNhiemError("ballot_not_found", form=form, ballot=number)
        if a is not None and b is not None and a.same_content(b):
            raise TinNhiemError("no_difference", form=form, ballot=number)
        keyed = None
        if choice is Resolution.KEYED_AGAIN:
            self._check_orders(form, marks or {})
            invalid_reason = nfc(invalid_reason)
            status = BallotStatus.INVALID if invalid_reason else BallotStatus.VALID
            keyed = Ballot(form, number, status, {} if invalid_reason else (marks or {}), invalid_reason, EntryPass.R)
        old = self._state.resolutions_of(code).get(number)
        self._commit([Draft("difference_resolved", {
            "form": code, "ballot": number, "choice": choice.value, "old_choice": None if old is None else old.value,
            "keyed": None if keyed is None else ballot_state(keyed)})])
        return self._state.counted(code).get(number)
