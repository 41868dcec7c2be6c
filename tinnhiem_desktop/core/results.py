"""A round's results: the tally of every form on the round's rule, with flags and issues."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Iterable, Mapping

from .checks import reconcile
from .history import candidate_ref
from .issues import Issue, TinNhiemError
from .model import LEVELS, Ballot, BallotForm, Candidate, Mark, RoundSetup
from .percent import percent
from .rules import PRESETS, Band, Base, Preset, PriorShare, band_flags, quorum_text
from .tally import CandidateTally, FormTally, tally_form


@dataclass(frozen=True)
class Rule:
    """The rule in force for a round: the preset as written (built in, or saved by the user and
    held in the round file), and `in_force`, the same preset with the round's own settings."""

    preset: Preset
    in_force: Preset

    @property
    def base(self) -> Base:
        return self.in_force.base

    @property
    def decimals(self) -> int:
        return self.in_force.decimals

    @property
    def bands(self) -> tuple[Band, ...]:
        return self.in_force.bands

    def band(self, flag: str) -> Band | None:
        return next((band for band in self.in_force.bands if band.flag == flag), None)

    @property
    def overrides(self) -> dict[str, object]:
        """The settings that differ from the preset, to be printed beside its name: the base, the
        decimals, the flags of the bands whose bounds moved, the quorum ("2/3", or None for none),
        the team's name."""
        changed: dict[str, object] = {}
        if self.base is not self.preset.base:
            changed["percent_base"] = self.base.value
        if self.decimals != self.preset.decimals:
            changed["decimals"] = self.decimals
        moved = [band.flag for band, original in zip(self.bands, self.preset.bands) if band != original]
        if moved:
            changed["bands"] = moved
        quorum = self.in_force.quorum
        if quorum != self.preset.quorum:
            changed["quorum"] = quorum_text(quorum)
        if self.team_name != self.preset.team_name:
            changed["team_name"] = self.team_name
        return changed

    @property
    def team_name(self) -> str:
        """What the counting team is called: "Tổ kiểm phiếu", or "Ban kiểm phiếu" where the rule says so."""
        return self.in_force.team_name


def round_rule(setup: RoundSetup) -> Rule:
    custom = setup.rule_custom
    if custom is not None and custom.preset is not None:
        preset = custom.preset
    else:
        try:
            preset = PRESETS[setup.rule_id]
        except KeyError:
            raise TinNhiemError("unknown_rule", rule=setup.rule_id, known=sorted(PRESETS)) from None
    in_force = replace(
        preset,
        base=Base(setup.percent_base) if setup.percent_base else preset.base,
        decimals=preset.decimals if setup.decimals is None else setup.decimals,
        bands=preset.bands if custom is None else custom.bands,
        quorum=preset.quorum if custom is None else custom.quorum,
        team_name=preset.team_name if custom is None or custom.team_name is None else custom.team_name,
    )
    return Rule(preset, in_force)


@dataclass(frozen=True)
class CandidateResult:
    candidate: Candidate
    tally: CandidateTally
    base: int
    percents: Mapping[Mark, Decimal | None]
    flags: tuple[str, ...]
    prior: PriorShare | None = None  # last year's result, when known
    prior_percent: Decimal | None = None  # last year's low-confidence share, on this round's decimals


@dataclass(frozen=True)
class FormResult:
    form: BallotForm
    tally: FormTally
    base_kind: Base
    base_value: int | None
    candidates: tuple[CandidateResult, ...]
    issues: tuple[Issue, ...]


@dataclass(frozen=True)
class RoundResults:
    setup: RoundSetup
    rule: Rule
    forms: tuple[FormResult, ...]

    @property
    def issues(self) -> tuple[Issue, ...]:
        return tuple(issue for form in self.forms for issue in form.issues)


def form_base(kind: Base, form: BallotForm, tally: FormTally) -> int | None:
    """The form-wide base; None for `valid_for_person`, which differs per candidate."""
    counts = form.counts
    return {
        Base.SUMMONED: counts.summoned,
        Base.PRESENT: counts.present,
        Base.ISSUED: counts.issued,
        Base.COLLECTED: counts.collected,
        Base.VALID_BALLOTS: tally.valid,
        Base.VALID_FOR_PERSON: None,
    }[kind]


def form_results(
    form: BallotForm,
    tally: FormTally,
    rule: Rule,
    previous: Mapping[str, PriorShare] | None = None,
    earlier: FormResult | None = None,
) -> FormResult:
    """One form's results. `earlier`, a result of the same form on the same rule and last year's
    figures, lends the people whose count and base did not change (a keystroke changes one)."""
    base_value = form_base(rule.base, form, tally)
    kept = earlier.candidates if earlier is not None and earlier.form.candidates is form.candidates else ()
    candidates = []
    for i, (candidate, counted) in enumerate(zip(form.candidates, tally.candidates)):
        base = counted.votes if base_value is None else base_value
        prior = previous.get(candidate_ref(candidate)) if previous else None
        if kept:
            before = kept[i]
            if before.tally == counted and before.base == base and before.prior == prior:
                candidates.append(before)
                continue
        candidates.append(
            CandidateResult(
                candidate=candidate,
                tally=counted,
                base=base,
                percents={level: percent(counted.count(level), base, rule.decimals) for level in LEVELS},
                flags=band_flags(rule.in_force, counted.thap, base, prior),
                prior=prior,
                prior_percent=None if prior is None else percent(prior.thap, prior.base, rule.decimals),
            )
        )
    issues = reconcile(form.code, form.counts, tally, rule.in_force)
    return FormResult(form, tally, rule.base, base_value, tuple(candidates), tuple(issues))


def with_previous(results: RoundResults, previous: Mapping[str, PriorShare]) -> RoundResults:
    """The same results with last year's shares taken from `previous` instead, flags recomputed."""
    rule = results.rule

    def person(result: CandidateResult) -> CandidateResult:
        prior = previous.get(candidate_ref(result.candidate))
        return replace(result, prior=prior, flags=band_flags(rule.in_force, result.tally.thap, result.base, prior),
                       prior_percent=None if prior is None else percent(prior.thap, prior.base, rule.decimals))

    forms = tuple(replace(form, candidates=tuple(map(person, form.candidates))) for form in results.forms)
    return replace(results, forms=forms)


def results_from_tallies(
    setup: RoundSetup,
    tallies: Mapping[str, FormTally],
    previous: Mapping[str, PriorShare] | None = None,
    more_issues: Iterable[Issue] = (),
) -> RoundResults:
    """Results of every form from its tally; `more_issues` (e.g. double-entry differences not
    yet resolved) join the issues of the form they name."""
    rule = round_rule(setup)
    forms = tuple(form_results(form, tallies[form.code], rule, previous) for form in setup.forms)
    extra: dict[str, list[Issue]] = {}
    for issue in more_issues:
        extra.setdefault(issue.form, []).append(issue)
    if extra:
        forms = tuple(replace(f, issues=(*f.issues, *extra.get(f.form.code, ()))) for f in forms)
    return RoundResults(setup, rule, forms)


def round_results(
    setup: RoundSetup,
    ballots_by_form: Mapping[str, Iterable[Ballot]],
    previous: Mapping[str, PriorShare] | None = None,
) -> RoundResults:
    """Results of every form. `previous` maps a person key (`candidate_ref`) to last year's
    low-confidence share."""
    tallies = {form.code: tally_form(form, ballots_by_form.get(form.code, ())) for form in setup.forms}
    return results_from_tallies(setup, tallies, previous)
