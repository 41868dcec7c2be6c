"""`tinnhiem-cli results --json`: the round's results for machines."""

from __future__ import annotations

from typing import Any

from ..core.model import Mark
from ..core.percent import machine_percent
from ..core.results import CandidateResult, RoundResults
from ..core.spec import rule_custom_to_dict


def results_document(results: RoundResults, *, sealed: bool, fingerprint: str | None) -> dict[str, Any]:
    decimals = results.rule.decimals
    forms = []
    for form in results.forms:
        tally = form.tally
        forms.append(
            {
                "id": form.form.code,
                "title": form.form.title,
                "counts": {**form.form.counts.as_dict(), "keyed": tally.keyed, "valid": tally.valid,
                           "invalid": tally.invalid},
                "base": {"kind": form.base_kind.value, "value": form.base_value},
                "candidates": [
                    {
                        "order": c.candidate.order,
                        "name": c.candidate.name,
                        "position": c.candidate.position,
                        "base": c.base,
                        "votes": {
                            "cao": c.tally.cao,
                            "tin_nhiem": c.tally.tin_nhiem,
                            "thap": c.tally.thap,
                            "not_counted": c.tally.not_counted,
                        },
                        "percent": {
                            mark.value: machine_percent(c.percents[mark], decimals)
                            for mark in (Mark.CAO, Mark.TIN_NHIEM, Mark.THAP)
                        },
                        "flags": list(c.flags),
                        "previous": _previous(c, decimals),
                    }
                    for c in form.candidates
                ],
            }
        )
    return {
        "round": {
            "title": results.setup.title,
            "rule": results.rule.preset.id,
            **_rule_custom(results),
            "sealed": sealed,
            "fingerprint": fingerprint,
        },
        "forms": forms,
        "issues": [
            {"code": i.code, "severity": i.severity.value, "form": i.form, "params": dict(i.params)}
            for i in results.issues
        ],
    }


def _rule_custom(results: RoundResults) -> dict[str, Any]:
    """The thresholds the round set itself (the flags keep their ids), only when it set any."""
    custom = results.setup.rule_custom
    return {} if custom is None else {"rule_custom": rule_custom_to_dict(custom)}


def _previous(person: CandidateResult, decimals: int) -> dict[str, Any] | None:
    """Last year's low-confidence result, when known: `by_hand` when typed in, with its source."""
    prior = person.prior
    if prior is None:
        return None
    return {"year": prior.year, "thap": prior.thap, "base": prior.base,
            "percent": machine_percent(person.prior_percent, decimals), "by_hand": prior.by_hand,
            "source": prior.source}
