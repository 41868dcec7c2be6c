"""Last year's result beside this year's, as every document writes it."""

from __future__ import annotations

from typing import Iterable

from ..core.percent import vi_percent
from ..core.results import CandidateResult, RoundResults

BY_HAND = "nhập tay"


def last_year(results: RoundResults) -> int | None:
    """The year before the round's, when any of its people has a result for it; else None."""
    people = (person for form in results.forms for person in form.candidates)
    return results.setup.year - 1 if any(person.prior is not None for person in people) else None


def prior_share(person: CandidateResult, decimals: int, *, mark: str = " ") -> str:
    """'75,00%', '75,00% (nhập tay)' (joined by `mark`), or '—' when last year is not known."""
    if person.prior is None:
        return "—"
    share = vi_percent(person.prior_percent, decimals)
    return f"{share}{mark}({BY_HAND})" if person.prior.by_hand else share


def by_hand_notes(people: Iterable[CandidateResult], year: int) -> list[str]:
    """'Số liệu năm 2025 của Đỗ Minh Tuấn nhập tay theo: Biên bản ...' for each figure typed in."""
    return [f"Số liệu năm {year} của {person.candidate.name} {BY_HAND} theo: {person.prior.source}."
            for person in people if person.prior is not None and person.prior.by_hand]
