"""The tally, the round's results on its rule, and the reconciliation of each form's counts."""

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tinnhiem_desktop.core.checks import reconcile
from tinnhiem_desktop.core.issues import Severity, TinNhiemError
from tinnhiem_desktop.core.model import (
    Ballot,
    BallotForm,
    BallotStatus,
    Candidate,
    Counts,
    Header,
    HeaderStyle,
    Mark,
    Meeting,
    RoundSetup,
)
from tinnhiem_desktop.core.results import round_results, round_rule
from tinnhiem_desktop.core.rules import PRESETS, Base, PriorShare
from tinnhiem_desktop.core.tally import retally, tally_form

C, T, L, N, X = Mark.CAO, Mark.TIN_NHIEM, Mark.THAP, Mark.NO_MARK, Mark.MULTI
MARKS = (C, T, L, N, X)


def make_form(code="1", size=3, counts=Counts(30, 30, 30, 30)):
    candidates = tuple(
        Candidate(i, f"Người {i}", "Phó Giám đốc", person_key=f"p{code}-{i}") for i in range(1, size + 1)
    )
    return BallotForm(code, f"Phiếu {code}", counts, candidates)


def make_setup(*forms, rule="qd-96-2023", percent_base=None, decimals=None):
    return RoundSetup(
        title="Lấy phiếu tín nhiệm năm 2024",
        year=2024,
        rule_id=rule,
        header=Header(HeaderStyle.STATE, "UBND tỉnh", "Sở Giao thông vận tải"),
        meeting=Meeting("2024-11-20", "Hội trường", "Chủ tọa"),
        team=(),
        forms=forms or (make_form(),),
        percent_base=percent_base,
        decimals=decimals,
    )


def valid(number, *marks, form="1"):
    return Ballot(form, number, BallotStatus.VALID, dict(enumerate(marks, start=1)))


def invalid(number, form="1", reason="không có dấu"):
    return Ballot(form, number, BallotStatus.INVALID, {}, reason)


# --- tally -----------------------------------------------------------------------------------


def test_form_without_ballots_is_zero_for_every_candidate():
    tally = tally_form(make_form(size=4), [])
    assert (tally.keyed, tally.valid, tally.invalid) == (0, 0, 0)
    assert [c.order for c in tally.candidates] == [1, 2, 3, 4]
    for counted in tally.candidates:
        assert (counted.cao, counted.tin_nhiem, counted.thap) == (0, 0, 0)
        assert (counted.no_mark, counted.multi, counted.unkeyed) == (0, 0, 0)
    assert tally.incomplete_ballots == ()


def test_marks_are_counted_per_candidate():
    ballots = [valid(1, C, T, L), valid(2, C, L, L), valid(3, T, L, C)]
    tally = tally_form(make_form(), ballots)
    first, second, third = tally.candidates
    assert (first.cao, first.tin_nhiem, first.thap) == (2, 1, 0)
    assert (second.cao, second.tin_nhiem, second.thap) == (0, 1, 2)
    assert (third.cao, third.tin_nhiem, third.thap) == (1, 0, 2)
    assert (tally.keyed, tally.valid, tally.invalid) == (3, 3, 0)


def test_invalid_ballot_counts_for_nobody():
    crossed_out = Ballot("1", 2, BallotStatus.INVALID, {}, "gạch tên")
    tally = tally_form(make_form(), [valid(1, C, C, C), crossed_out, invalid(3)])
    assert (tally.keyed, tally.valid, tally.invalid) == (3, 1, 2)
    for counted in tally.candidates:
        assert (counted.cao, counted.thap, counted.votes, counted.not_counted) == (1, 0, 1, 0)


def test_an_invalid_ballot_cannot_carry_marks():
    with pytest.raises(ValueError):
        Ballot("1", 2, BallotStatus.INVALID, {1: L}, "gạch tên")


def test_no_mark_and_multi_do_not_count_for_that_candidate_only():
    tally = tally_form(make_form(), [valid(1, N, X, L), valid(2, C, X, L)])
    first, second, third = tally.candidates
    assert (first.votes, first.no_mark, first.not_counted) == (1, 1, 1)
    assert (second.votes, second.multi, second.not_counted) == (0, 2, 2)
    assert (third.votes, third.thap, third.not_counted) == (2, 2, 0)
    assert tally.valid == 2
    assert tally.incomplete_ballots == ()


def test_unkeyed_cells_are_not_counted_and_listed():
    ballots = [valid(1, C, T, L), Ballot("1", 5, marks={1: C}), Ballot("1", 2, marks={3: T})]
    tally = tally_form(make_form(), ballots)
    assert tally.incomplete_ballots == (2, 5)
    assert [c.unkeyed for c in tally.candidates] == [1, 2, 1]
    assert [c.votes for c in tally.candidates] == [2, 1, 2]


def test_ballot_of_another_form_is_refused():
    with pytest.raises(ValueError):
        tally_form(make_form("1"), [valid(1, C, C, C, form="2")])


@st.composite
def ballots_of(draw, size=3):
    numbers = draw(st.lists(st.integers(1, 500), unique=True, max_size=40))
    ballots = []
    for number in numbers:
        if draw(st.booleans()) and draw(st.booleans()):
            ballots.append(invalid(number))
            continue
        orders = draw(st.sets(st.integers(1, size)))
        marks = {order: draw(st.sampled_from(MARKS)) for order in orders}
        ballots.append(Ballot("1", number, BallotStatus.VALID, marks))
    return ballots


@settings(max_examples=200, deadline=None)
@given(ballots_of(), st.randoms(use_true_random=False))
def test_order_of_ballots_never_changes_the_tally(ballots, rnd):
    shuffled = list(ballots)
    rnd.shuffle(shuffled)
    form = make_form()
    assert tally_form(form, shuffled) == tally_form(form, ballots)


@settings(max_examples=200, deadline=None)
@given(ballots_of())
def test_every_valid_ballot_is_a_vote_or_not_counted(ballots):
    tally = tally_form(make_form(), ballots)
    assert tally.keyed == len(ballots) == tally.valid + tally.invalid
    for counted in tally.candidates:
        assert counted.votes + counted.not_counted == tally.valid
        assert counted.votes == sum(
            1 for b in ballots
            if b.status is BallotStatus.VALID and b.marks.get(counted.order) in (C, T, L)
        )


# --- results: bases, decimals, overrides -----------------------------------------------------

COUNTS = Counts(summoned=40, present=36, issued=35, collected=33)


def sample_ballots():
    """20 valid ballots (candidate 1: 4 cao, 10 tin nhiem, 4 thap, 1 no mark, 1 multi) and 3 invalid."""
    marks = [C] * 4 + [T] * 10 + [L] * 4 + [N, X]
    return [valid(i, m, C, C) for i, m in enumerate(marks, start=1)] + [invalid(21), invalid(22), invalid(23)]


def percent_of(count, base):
    return (Decimal(count * 100) / Decimal(base)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@pytest.mark.parametrize(
    "kind, expected_base",
    [
        (Base.SUMMONED, 40),
        (Base.PRESENT, 36),
        (Base.ISSUED, 35),
        (Base.COLLECTED, 33),
        (Base.VALID_BALLOTS, 20),
        (Base.VALID_FOR_PERSON, 18),
    ],
)
def test_percent_base_of_each_kind(kind, expected_base):
    setup = make_setup(make_form(counts=COUNTS), percent_base=kind.value)
    form = round_results(setup, {"1": sample_ballots()}).forms[0]
    assert form.base_kind is kind
    assert form.base_value == (None if kind is Base.VALID_FOR_PERSON else expected_base)
    first = form.candidates[0]
    assert first.base == expected_base
    assert first.percents[Mark.THAP] == percent_of(4, expected_base)
    assert first.percents[Mark.TIN_NHIEM] == percent_of(10, expected_base)


def test_valid_for_person_base_differs_per_candidate():
    setup = make_setup(make_form(counts=COUNTS), percent_base="valid_for_person")
    form = round_results(setup, {"1": sample_ballots()}).forms[0]
    assert [c.base for c in form.candidates] == [18, 20, 20]
    assert form.candidates[1].percents[Mark.CAO] == Decimal("100.00")


def test_preset_base_applies_without_override():
    form = round_results(make_setup(make_form(counts=COUNTS)), {"1": sample_ballots()}).forms[0]
    assert form.base_kind is Base.COLLECTED
    assert form.candidates[0].percents[Mark.THAP] == Decimal("12.12")  # 4 / 33


def test_form_without_ballots_has_zero_percentages():
    results = round_results(make_setup(make_form(counts=COUNTS)), {})
    first = results.forms[0].candidates[0]
    assert first.percents == {C: Decimal("0.00"), T: Decimal("0.00"), L: Decimal("0.00")}
    assert first.flags == ()


def test_zero_base_has_no_percentage():
    setup = make_setup(make_form(counts=COUNTS), percent_base="valid_for_person")
    first = round_results(setup, {"1": [invalid(1)]}).forms[0].candidates[0]
    assert first.percents[Mark.THAP] is None


@pytest.mark.parametrize("decimals, expected", [(0, Decimal("12")), (1, Decimal("12.1")), (3, Decimal("12.121"))])
def test_decimals_override(decimals, expected):
    setup = make_setup(make_form(counts=COUNTS), decimals=decimals)
    results = round_results(setup, {"1": sample_ballots()})
    assert results.rule.decimals == decimals
    value = results.forms[0].candidates[0].percents[Mark.THAP]
    assert value == expected
    assert value.as_tuple().exponent == -decimals


def test_overrides_list_only_what_differs_from_the_preset():
    assert round_rule(make_setup()).overrides == {}
    assert round_rule(make_setup(percent_base="summoned")).overrides == {"percent_base": "summoned"}
    assert round_rule(make_setup(decimals=1)).overrides == {"decimals": 1}
    assert round_rule(make_setup(percent_base="present", decimals=0)).overrides == {
        "percent_base": "present",
        "decimals": 0,
    }
    assert round_rule(make_setup(percent_base="collected", decimals=2)).overrides == {}
    assert round_rule(make_setup(rule="nq-85-2014", percent_base="collected")).overrides == {
        "percent_base": "collected"
    }


def test_unknown_rule_is_refused():
    with pytest.raises(TinNhiemError) as caught:
        round_rule(make_setup(rule="qd-1-1999"))
    assert caught.value.code == "unknown_rule"


def test_flags_are_decided_on_the_base_in_force():
    # 17 of 30 collected: over half; 17 of 40 summoned: nothing.
    form = make_form(counts=Counts(40, 30, 30, 30))
    ballots = [valid(i, L if i <= 17 else C, C, C) for i in range(1, 31)]
    collected = round_results(make_setup(form), {"1": ballots}).forms[0]
    summoned = round_results(make_setup(form, percent_base="summoned"), {"1": ballots}).forms[0]
    assert collected.candidates[0].flags == ("thap_over_half",)
    assert summoned.candidates[0].flags == ()


def test_last_years_share_is_found_by_person_key():
    form = make_form(counts=Counts(30, 30, 30, 30))
    ballots = [valid(i, L if i <= 21 else C, L if i <= 21 else C, C) for i in range(1, 31)]
    setup = make_setup(form, rule="huong-dan-2013")
    results = round_results(setup, {"1": ballots}, previous={"p1-1": PriorShare(7, 10)})
    first, second, _ = results.forms[0].candidates
    assert "thap_70_percent_two_years" in first.flags
    assert "thap_70_percent_two_years" not in second.flags


def test_every_form_is_counted_on_its_own():
    forms = (make_form("1", size=2, counts=Counts(3, 3, 3, 3)), make_form("2", size=1, counts=Counts(2, 2, 2, 2)))
    ballots = {"1": [valid(1, L, C, form="1")], "2": [valid(1, C, form="2"), valid(2, C, form="2")]}
    results = round_results(make_setup(*forms), ballots)
    assert [f.tally.keyed for f in results.forms] == [1, 2]
    assert [c.tally.thap for c in results.forms[0].candidates] == [1, 0]
    assert results.forms[1].candidates[0].tally.cao == 2


# --- reconciliation --------------------------------------------------------------------------


def issues_for(counts, ballots, rule="qd-96-2023"):
    form = make_form(counts=counts)
    return reconcile("1", counts, tally_form(form, ballots), PRESETS[rule])


def full(n):
    return [valid(i, C, C, C) for i in range(1, n + 1)]


def test_consistent_counts_raise_nothing():
    assert issues_for(Counts(30, 30, 30, 30), full(30)) == []


@pytest.mark.parametrize(
    "counts, code, params",
    [
        (Counts(29, 30, 30, 30), "present_exceeds_summoned", {"present": 30, "summoned": 29}),
        (Counts(30, 28, 29, 28), "issued_exceeds_present", {"issued": 29, "present": 28}),
        (Counts(30, 30, 27, 28), "collected_exceeds_issued", {"collected": 28, "issued": 27}),
    ],
)
def test_broken_chain_is_an_error(counts, code, params):
    issues = issues_for(counts, full(counts.collected))
    assert [(i.code, i.severity, i.form, dict(i.params)) for i in issues] == [
        (code, Severity.ERROR, "1", params)
    ]


def test_keyed_against_collected_is_a_warning():
    (above,) = issues_for(Counts(30, 30, 30, 28), full(29))
    assert (above.code, above.severity, dict(above.params)) == (
        "keyed_exceeds_collected", Severity.WARNING, {"keyed": 29, "collected": 28}
    )
    (below,) = issues_for(Counts(30, 30, 30, 28), full(27))
    assert (below.code, below.severity, dict(below.params)) == (
        "keyed_below_collected", Severity.WARNING, {"keyed": 27, "collected": 28}
    )


def test_invalid_ballots_are_keyed_too():
    assert issues_for(Counts(30, 30, 30, 30), full(28) + [invalid(29), invalid(30)]) == []


def test_quorum_only_under_qd_96():
    counts = Counts(30, 19, 19, 19)
    (issue,) = issues_for(counts, full(19))
    assert (issue.code, issue.severity, dict(issue.params)) == (
        "quorum_not_met", Severity.WARNING, {"present": 19, "summoned": 30, "required": "2/3"}
    )
    assert issues_for(Counts(30, 20, 20, 20), full(20)) == []
    for rule in sorted(set(PRESETS) - {"qd-96-2023"}):
        assert issues_for(counts, full(19), rule) == []


def test_incomplete_ballots_are_listed():
    ballots = [valid(1, C, C, C), Ballot("1", 7, marks={1: C}), Ballot("1", 3, marks={}), invalid(4)]
    (issue,) = issues_for(Counts(30, 30, 30, 4), ballots)
    assert (issue.code, issue.severity, dict(issue.params)) == (
        "ballots_incomplete", Severity.WARNING, {"count": 2, "ballots": [3, 7]}
    )


def test_round_issues_gather_every_form():
    forms = (make_form("1", counts=Counts(30, 30, 30, 2)), make_form("2", counts=Counts(30, 31, 30, 0)))
    results = round_results(make_setup(*forms), {"1": full(2)})
    assert [(i.form, i.code) for i in results.issues] == [("2", "present_exceeds_summoned")]


@settings(max_examples=200, deadline=None)
@given(
    before=st.lists(st.sampled_from([None, *Mark]), min_size=3, max_size=3),
    after=st.lists(st.sampled_from([None, *Mark]), min_size=3, max_size=3),
    others=st.lists(st.lists(st.sampled_from([None, *Mark]), min_size=3, max_size=3), max_size=8),
    old_valid=st.booleans(),
    new_valid=st.booleans(),
    kind=st.sampled_from(["change", "add", "remove"]),
)
def test_an_incremental_retally_equals_a_full_recount(before, after, others, old_valid, new_valid, kind):
    def ballot(number, marks, valid):
        if not valid:
            return Ballot("1", number, BallotStatus.INVALID, {}, "gạch tên")
        return Ballot("1", number, BallotStatus.VALID, {o: m for o, m in enumerate(marks, 1) if m is not None})

    form = make_form()
    rest = [ballot(n, marks, True) for n, marks in enumerate(others, start=2)]
    old = None if kind == "add" else ballot(1, before, old_valid)
    new = None if kind == "remove" else ballot(1, after, new_valid)
    start = tally_form(form, rest + ([old] if old else []))
    assert retally(start, form, old, new) == tally_form(form, rest + ([new] if new else []))


def test_the_reconciliation_state_of_a_form_worst_first():
    from tinnhiem_desktop.core.checks import Reconciliation, reconciliation_state
    from tinnhiem_desktop.core.issues import Issue, Severity

    def state(*codes_and_severities):
        return reconciliation_state(Issue(code, severity, "1") for code, severity in codes_and_severities)

    assert state() is Reconciliation.OK
    assert state(("keyed_below_collected", Severity.WARNING), ("ballots_incomplete", Severity.WARNING)) \
        is Reconciliation.INCOMPLETE
    assert state(("keyed_below_collected", Severity.WARNING), ("quorum_not_met", Severity.WARNING)) \
        is Reconciliation.WARNING
    assert state(("keyed_exceeds_collected", Severity.WARNING)) is Reconciliation.ERROR
    assert state(("quorum_not_met", Severity.WARNING), ("present_exceeds_summoned", Severity.ERROR)) \
        is Reconciliation.ERROR
