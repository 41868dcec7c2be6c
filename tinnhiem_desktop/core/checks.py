"""Reconciliation of a form's counts: summoned >= present >= issued >= collected = keyed."""

from __future__ import annotations

from enum import StrEnum
from typing import Iterable

from .issues import Issue, Severity
from .model import Counts
from .rules import Preset, quorum_met, quorum_text
from .tally import FormTally


COUNT_CHAIN = (  # (code, the larger count, the count that may not exceed it)
    ("present_exceeds_summoned", "summoned", "present"),
    ("issued_exceeds_present", "present", "issued"),
    ("collected_exceeds_issued", "issued", "collected"),
)


def count_chain_issues(form: str, counts: Counts, path: str | None = None) -> list[Issue]:
    """Each count larger than the one before it in the chain; with `path` (the form's path in
    the setup), each issue names the count's path."""
    values = counts.as_dict()
    return [Issue(code, Severity.ERROR, form, {smaller: values[smaller], larger: values[larger],
                                               **({"path": f"{path}.{smaller}"} if path else {})})
            for code, larger, smaller in COUNT_CHAIN if values[smaller] > values[larger]]


def quorum_issues(form: str, counts: Counts, preset: Preset, path: str | None = None) -> list[Issue]:
    """The present below the quorum the preset asks for (none asked for: never)."""
    if quorum_met(preset, counts.present, counts.summoned):
        return []
    return [Issue("quorum_not_met", Severity.WARNING, form,
                  {"present": counts.present, "summoned": counts.summoned, "required": quorum_text(preset.quorum),
                   **({"path": f"{path}.present"} if path else {})})]


def reconcile(form: str, counts: Counts, tally: FormTally, preset: Preset) -> list[Issue]:
    issues: list[Issue] = []

    def add(code: str, severity: Severity, **params: object) -> None:
        issues.append(Issue(code, severity, form, params))

    issues.extend(count_chain_issues(form, counts))
    if tally.keyed > counts.collected:
        add("keyed_exceeds_collected", Severity.WARNING, keyed=tally.keyed, collected=counts.collected)
    elif tally.keyed < counts.collected:
        add("keyed_below_collected", Severity.WARNING, keyed=tally.keyed, collected=counts.collected)
    issues.extend(quorum_issues(form, counts, preset))
    if tally.incomplete_ballots:
        add(
            "ballots_incomplete",
            Severity.WARNING,
            count=len(tally.incomplete_ballots),
            ballots=list(tally.incomplete_ballots),
        )
    return issues


class Reconciliation(StrEnum):
    """Where a form's reconciliation stands, worst first."""

    ERROR = "error"  # a count larger than the one before it, or more ballots keyed than collected
    WARNING = "warning"  # something to look at, e.g. the quorum not met
    INCOMPLETE = "incomplete"  # counting not done: fewer ballots keyed than collected, cells not keyed
    OK = "ok"


NOT_DONE = ("keyed_below_collected", "ballots_incomplete")


def reconciliation_state(issues: Iterable[Issue]) -> Reconciliation:
    issues = list(issues)
    if any(i.severity is Severity.ERROR or i.code == "keyed_exceeds_collected" for i in issues):
        return Reconciliation.ERROR
    if any(i.code not in NOT_DONE for i in issues):
        return Reconciliation.WARNING
    return Reconciliation.INCOMPLETE if issues else Reconciliation.OK


SEAL_BLOCKERS = ("keyed_exceeds_collected", "keyed_below_collected", "ballots_incomplete",
                 "double_entry_unresolved")


def seal_gate(issues: Iterable[Issue]) -> list[Issue]:
    """What stands in the way of sealing: a broken count chain, ballots keyed not equal to ballots
    collected, ballots with cells not keyed. Sealing past them needs a written reason."""
    return [i for i in issues if i.severity is Severity.ERROR or i.code in SEAL_BLOCKERS]
