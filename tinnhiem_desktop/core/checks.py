"""Reconciliation of a form's counts: summoned >= present >= issued >= collected = keyed."""

from __future__ import annotations

from .issues import Issue, Severity
from .model import Counts
from .rules import Preset, quorum_met
from .tally import FormTally


def reconcile(form: str, counts: Counts, tally: FormTally, preset: Preset) -> list[Issue]:
    issues: list[Issue] = []

    def add(code: str, severity: Severity, **params: object) -> None:
        issues.append(Issue(code, severity, form, params))

    chain = (
        ("present_exceeds_summoned", "present", counts.present, "summoned", counts.summoned),
        ("issued_exceeds_present", "issued", counts.issued, "present", counts.present),
        ("collected_exceeds_issued", "collected", counts.collected, "issued", counts.issued),
    )
    for code, low_name, low, high_name, high in chain:
        if low > high:
            add(code, Severity.ERROR, **{low_name: low, high_name: high})
    if tally.keyed > counts.collected:
        add("keyed_exceeds_collected", Severity.WARNING, keyed=tally.keyed, collected=counts.collected)
    elif tally.keyed < counts.collected:
        add("keyed_below_collected", Severity.WARNING, keyed=tally.keyed, collected=counts.collected)
    if not quorum_met(preset, counts.present, counts.summoned):
        quorum = preset.quorum
        add(
            "quorum_not_met",
            Severity.WARNING,
            present=counts.present,
            summoned=counts.summoned,
            required=f"{quorum.numerator}/{quorum.denominator}",
        )
    if tally.incomplete_ballots:
        add(
            "ballots_incomplete",
            Severity.WARNING,
            count=len(tally.incomplete_ballots),
            ballots=list(tally.incomplete_ballots),
        )
    return issues
