"""Earlier years' results a round holds: linked from sealed round files, or typed in by hand."""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from ..core.events import Draft
from ..core.history import PriorResult, candidate_ref, check_prior_figures
from ..core.issues import TinNhiemError
from ..core.model import Candidate
from ..core.rules import PriorShare
from ..core.spec import nfc


class EarlierYears:
    """Mixed into RoundService (services/rounds.py)."""

    def prior_results(self) -> list[PriorResult]:
        """Every earlier year's result the round holds: linked from sealed files or typed in."""
        return self.state.prior_results()

    def last_year(self) -> dict[str, PriorShare]:
        """Last year's shares the round holds, by person key: what the two-year rules use."""
        return self._state.last_year()

    def link_priors(self, links: Iterable[tuple[str, int, PriorResult]]) -> list[PriorResult]:
        """Link candidates (form, order) to earlier records: found by person key, a suggested match
        confirmed, or chosen by hand. Each is stored under the candidate's key, in one transaction."""
        self.check_writable()
        stored = []
        for form, order, earlier in links:
            candidate = self._candidate_at(form, order)
            check_prior_figures(earlier.year, self.setup.year, earlier.thap, earlier.base, earlier.cao,
                                earlier.tin_nhiem, earlier.source, by_hand=earlier.by_hand)
            stored.append(replace(earlier, person_key=candidate_ref(candidate)))
        self._save_priors(stored)
        return stored

    def _save_priors(self, priors: Iterable[PriorResult]) -> None:
        """Store earlier-year results (one per person key and year, replacing the one stored), each
        logged with what it replaced."""
        held = dict(self._state.priors)
        drafts = []
        for prior in priors:
            key = (prior.person_key, prior.year)
            drafts.append(Draft("prior_result_set", {"prior": prior.as_data(), "old": held.get(key)}))
            held[key] = prior.as_data()
        self._commit(drafts)

    def set_prior_result(
        self, form: str, order: int, year: int, thap: int, base: int, source: str,
        cao: int | None = None, tin_nhiem: int | None = None, position: str = "",
    ) -> PriorResult:
        """An earlier year's result typed in by hand, for a person whose earlier round was not counted
        with this program: the counts, the base they were taken on, and a note of the source."""
        self.check_writable()
        candidate = self._candidate_at(form, order)
        source, position = nfc(source), nfc(position)
        check_prior_figures(year, self.setup.year, thap, base, cao, tin_nhiem, source)
        prior = PriorResult(candidate_ref(candidate), year, candidate.name, thap, base, position, cao, tin_nhiem,
                            by_hand=True, source=source)
        return self.link_priors([(form, order, prior)])[0]

    def remove_prior_result(self, person_key: str, year: int) -> PriorResult:
        self.check_writable()
        held = self._state.priors.get((person_key, year))
        if held is None:
            raise TinNhiemError("prior_not_found", person_key=person_key, year=year)
        removed = PriorResult.from_data(held)
        self._commit([Draft("prior_result_removed", {"person_key": person_key, "year": year, "old": dict(held)})])
        return removed

    def _candidate_at(self, form: str, order: int) -> Candidate:
        self._check_orders(form, {order: None})
        return self._form(form).candidate(order)
