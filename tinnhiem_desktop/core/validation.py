"""What a round's setup must be, as issues that name the field they are about.

Each issue's params["path"] is the field's place in the round definition, in the syntax the JSON
parser reports (`forms[0].candidates[1].name`), which is also the setup's: form i, candidate j
(order j + 1), team member i. `definition_issues` is what no round can be (the parser refuses the
first; each an ERROR); `setup_issues` adds what the wizard shows before counting starts: a count
larger than the one before it (ERROR, as the reconciliation says), then the team, names listed
twice and the quorum (WARNING).
"""

from __future__ import annotations

from typing import Iterable

from .checks import count_chain_issues, quorum_issues
from .issues import Issue, Severity, TinNhiemError
from .model import Candidate, RoundSetup
from .names import name_key
from .results import round_rule
from .team import team_issues

MIN_YEAR, MAX_YEAR = 1945, 2100
MIN_BIRTH_YEAR, MAX_BIRTH_YEAR = 1900, 2100
COUNT_KEYS = ("summoned", "present", "issued", "collected")


def _error(code: str, path: str, on_form: str | None = None, **params: object) -> Issue:
    return Issue(code, Severity.ERROR, on_form, {"path": path, **params})


def _in_range(key: str, value: int, path: str, minimum: int, maximum: int | None,
              form: str | None = None) -> list[Issue]:
    if value < minimum:
        return [_error("spec_integer_too_small", path, form, key=key, value=value, minimum=minimum)]
    if maximum is not None and value > maximum:
        return [_error("spec_integer_too_large", path, form, key=key, value=value, maximum=maximum)]
    return []


def definition_issues(setup: RoundSetup) -> list[Issue]:
    """What makes a setup unusable, in the order of the definition file."""
    issues: list[Issue] = []
    if not setup.title:
        issues.append(_error("spec_empty_text", "title", key="title"))
    issues += _in_range("year", setup.year, "year", MIN_YEAR, MAX_YEAR)
    if not setup.header.unit:
        issues.append(_error("spec_empty_text", "header.unit", key="unit"))
    issues += [_error("spec_empty_text", f"team[{i}].name", key="name") for i, m in enumerate(setup.team) if not m.name]
    if not setup.forms:
        issues.append(_error("spec_empty_list", "forms"))
    seen: set[str] = set()
    for i, form in enumerate(setup.forms):
        path, code = f"forms[{i}]", form.code
        if not code:
            issues.append(_error("spec_missing_key", f"{path}.id", key="id"))
        elif "," in code:
            issues.append(_error("form_id_has_comma", f"{path}.id", code, form=code))
        elif code in seen:
            issues.append(_error("duplicate_form_id", f"{path}.id", code, form=code))
        seen.add(code)
        for key, value in form.counts.as_dict().items():
            issues += _in_range(key, value, f"{path}.{key}", 0, None, code or None)
        if not form.candidates:
            issues.append(_error("spec_empty_list", f"{path}.candidates", code or None))
        keys: set[str] = set()
        for j, candidate in enumerate(form.candidates):
            issues += _candidate_issues(candidate, f"{path}.candidates[{j}]", code or None, keys)
        if not form.title:
            issues.append(_error("spec_empty_text", f"{path}.title", code or None, key="title"))
    return issues


def _candidate_issues(candidate: Candidate, path: str, form: str | None, keys: set[str]) -> list[Issue]:
    issues = []
    if candidate.person_key:
        if candidate.person_key in keys:
            issues.append(_error("duplicate_person_key", f"{path}.person_key", form, key=candidate.person_key))
        keys.add(candidate.person_key)
    if not candidate.name:
        issues.append(_error("spec_empty_text", f"{path}.name", form, key="name"))
    if candidate.birth_year is not None:
        issues += _in_range("birth_year", candidate.birth_year, f"{path}.birth_year", MIN_BIRTH_YEAR,
                            MAX_BIRTH_YEAR, form)
    return issues


def duplicate_pairs(candidates: Iterable[Candidate]) -> tuple[tuple[int, int], ...]:
    """Pairs of orders (earlier, later) with the same name (`name_key`) and the same birth year."""
    seen: dict[tuple[str, int | None], list[int]] = {}
    pairs: list[tuple[int, int]] = []
    for candidate in candidates:
        earlier = seen.setdefault((name_key(candidate.name), candidate.birth_year), [])
        pairs.extend((order, candidate.order) for order in earlier)
        earlier.append(candidate.order)
    return tuple(pairs)


def setup_issues(setup: RoundSetup) -> list[Issue]:
    """Everything to tell whoever prepares the round: the definition's errors, the count chain's,
    then what to look at (the team, a person listed twice on a form, the quorum)."""
    issues = definition_issues(setup)
    for i, form in enumerate(setup.forms):
        issues += count_chain_issues(form.code, form.counts, f"forms[{i}]")
    issues += team_issues(setup)
    for i, form in enumerate(setup.forms):
        for _, later in duplicate_pairs(form.candidates):
            issues.append(Issue("candidate_listed_twice", Severity.WARNING, form.code,
                                {"path": f"forms[{i}].candidates[{later - 1}].name",
                                 "name": form.candidate(later).name}))
    try:
        preset = round_rule(setup).in_force
    except TinNhiemError:
        return issues
    for i, form in enumerate(setup.forms):
        issues += quorum_issues(form.code, form.counts, preset, f"forms[{i}]")
    return issues
