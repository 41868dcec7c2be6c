"""Percentages (half-up, Vietnamese writing) and the rule presets' exact threshold bands."""

from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tinnhiem_desktop.core.percent import machine_percent, percent, vi_count, vi_percent
from tinnhiem_desktop.core.rules import PRESETS, Base, PriorShare, band_flags, quorum_met

HALF, TWO_THIRDS = Fraction(1, 2), Fraction(2, 3)


# --- percent() -------------------------------------------------------------------------------


def test_one_of_800_rounds_half_up_to_013():
    value = percent(1, 800)
    assert value == Decimal("0.13")
    assert machine_percent(value) == "0.13"
    assert vi_percent(value) == "0,13%"


def test_half_up_with_fewer_decimals():
    assert percent(1, 8, decimals=1) == Decimal("12.5")
    assert machine_percent(percent(1, 8, decimals=1), 1) == "12.5"
    assert percent(1, 8, decimals=0) == Decimal("13")
    assert vi_percent(percent(1, 8, decimals=0), 0) == "13%"


def test_two_of_three():
    assert percent(2, 3) == Decimal("66.67")


def test_forty_of_forty_seven_written_the_vietnamese_way():
    value = percent(40, 47)
    assert value == Decimal("85.11")
    assert vi_percent(value) == "85,11%"
    assert machine_percent(value) == "85.11"


def test_whole_numbers_keep_their_decimals():
    assert machine_percent(percent(30, 30)) == "100.00"
    assert vi_percent(percent(0, 30)) == "0,00%"


def test_base_zero_has_no_percentage():
    assert percent(0, 0) is None
    assert machine_percent(percent(0, 0)) is None
    assert vi_percent(percent(0, 0)) == "—"


def test_vi_count_groups_thousands_with_dots():
    assert vi_count(1234) == "1.234"
    assert vi_count(1234567) == "1.234.567"
    assert vi_count(999) == "999"


@st.composite
def count_and_base(draw):
    base = draw(st.integers(min_value=1, max_value=10**6))
    count = draw(st.integers(min_value=0, max_value=base))
    return count, base


@settings(max_examples=500, deadline=None)
@given(count_and_base(), st.integers(min_value=0, max_value=4))
def test_percent_equals_exact_decimal_rounded_half_up(pair, decimals):
    count, base = pair
    with localcontext() as ctx:
        ctx.prec = 200
        exact = Decimal(count * 100) / Decimal(base)
        expected = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    value = percent(count, base, decimals)
    assert value == expected
    assert machine_percent(value, decimals) == f"{expected:.{decimals}f}"


# --- presets: bases --------------------------------------------------------------------------

PRESET_BASES = {
    "huong-dan-2013": Base.COLLECTED,
    "qd-262-2014": Base.COLLECTED,
    "qd-96-2023": Base.COLLECTED,
    "nq-35-2012": Base.SUMMONED,
    "nq-85-2014": Base.SUMMONED,
    "nq-96-2023": Base.COLLECTED,
}


def test_presets_are_the_six_of_the_design_table():
    assert set(PRESETS) == set(PRESET_BASES)


@pytest.mark.parametrize("preset_id, base", sorted(PRESET_BASES.items()))
def test_preset_base(preset_id, base):
    assert PRESETS[preset_id].base is base
    assert PRESETS[preset_id].decimals == 2


# --- presets: thresholds at the exact fraction -----------------------------------------------

TWO_THIRDS_PRESETS = ("qd-96-2023", "nq-85-2014", "nq-96-2023")


@pytest.mark.parametrize("preset_id", TWO_THIRDS_PRESETS)
def test_exactly_two_thirds_is_two_thirds_or_more(preset_id):
    assert band_flags(PRESETS[preset_id], 20, 30) == ("thap_two_thirds_or_more",)
    assert band_flags(PRESETS[preset_id], 19, 30) == ("thap_over_half",)


def test_nq_35_needs_strictly_more_than_two_thirds():
    preset = PRESETS["nq-35-2012"]
    assert band_flags(preset, 20, 30) == ("thap_over_half",)
    assert band_flags(preset, 21, 30) == ("thap_over_two_thirds",)


@pytest.mark.parametrize("preset_id", sorted(PRESET_BASES))
def test_exactly_half_is_not_over_half(preset_id):
    assert band_flags(PRESETS[preset_id], 15, 30) == ()
    assert band_flags(PRESETS[preset_id], 16, 30) == ("thap_over_half",)


def test_huong_dan_eighty_percent_counts_at_eighty():
    preset = PRESETS["huong-dan-2013"]
    assert set(band_flags(preset, 24, 30)) == {"thap_over_half", "thap_80_percent"}
    assert band_flags(preset, 23, 30) == ("thap_over_half",)


def test_huong_dan_seventy_percent_needs_two_years():
    preset = PRESETS["huong-dan-2013"]
    assert "thap_70_percent_two_years" in band_flags(preset, 21, 30, PriorShare(7, 10))
    assert "thap_70_percent_two_years" not in band_flags(preset, 21, 30, PriorShare(6, 10))
    assert "thap_70_percent_two_years" not in band_flags(preset, 21, 30)
    assert "thap_70_percent_two_years" not in band_flags(preset, 20, 30, PriorShare(10, 10))
    assert "thap_70_percent_two_years" not in band_flags(preset, 21, 30, PriorShare(0, 0))


def test_nq_35_over_half_two_years_running():
    preset = PRESETS["nq-35-2012"]
    assert "thap_over_half_two_years" in band_flags(preset, 16, 30, PriorShare(6, 10))
    assert "thap_over_half_two_years" not in band_flags(preset, 16, 30, PriorShare(5, 10))


def test_rounded_display_of_two_thirds_does_not_decide():
    preset = PRESETS["qd-96-2023"]
    # 13333/20000 = 66.665% is displayed 66.67% but is below 2/3.
    assert percent(13333, 20000) == Decimal("66.67")
    assert band_flags(preset, 13333, 20000) == ("thap_over_half",)
    # 6667/10000 reaches 2/3 (3 x 6667 = 20001 >= 20000); 6666/10000 does not.
    assert band_flags(preset, 6667, 10000) == ("thap_two_thirds_or_more",)
    assert percent(6666, 10000) == Decimal("66.66")
    assert band_flags(preset, 6666, 10000) == ("thap_over_half",)


def test_rounded_display_of_half_does_not_decide():
    preset = PRESETS["qd-262-2014"]
    assert percent(500001, 1000000) == Decimal("50.00")
    assert band_flags(preset, 500001, 1000000) == ("thap_over_half",)
    assert band_flags(preset, 500000, 1000000) == ()


@pytest.mark.parametrize("preset_id", sorted(PRESET_BASES))
def test_base_zero_raises_no_flag(preset_id):
    assert band_flags(PRESETS[preset_id], 0, 0, PriorShare(1, 1)) == ()


# The bands of DESIGN.md section 3, written independently of rules.Band.
ONE_YEAR_BANDS = {
    "huong-dan-2013": (
        ("thap_over_half", lambda f: f > HALF),
        ("thap_80_percent", lambda f: f >= Fraction(4, 5)),
    ),
    "qd-262-2014": (("thap_over_half", lambda f: f > HALF),),
    "qd-96-2023": (
        ("thap_over_half", lambda f: HALF < f < TWO_THIRDS),
        ("thap_two_thirds_or_more", lambda f: f >= TWO_THIRDS),
    ),
    "nq-35-2012": (
        ("thap_over_half", lambda f: HALF < f <= TWO_THIRDS),
        ("thap_over_two_thirds", lambda f: f > TWO_THIRDS),
    ),
    "nq-85-2014": (
        ("thap_over_half", lambda f: HALF < f < TWO_THIRDS),
        ("thap_two_thirds_or_more", lambda f: f >= TWO_THIRDS),
    ),
    "nq-96-2023": (
        ("thap_over_half", lambda f: HALF < f < TWO_THIRDS),
        ("thap_two_thirds_or_more", lambda f: f >= TWO_THIRDS),
    ),
}
TWO_YEAR_BANDS = {
    "huong-dan-2013": ("thap_70_percent_two_years", lambda f: f >= Fraction(7, 10)),
    "nq-35-2012": ("thap_over_half_two_years", lambda f: f > HALF),
}


@st.composite
def share(draw):
    base = draw(st.one_of(st.integers(1, 60), st.integers(1, 10**6)))
    return draw(st.integers(0, base)), base


@settings(max_examples=400, deadline=None)
@given(share(), share(), st.sampled_from(sorted(PRESET_BASES)))
def test_flags_follow_exact_fractions(this_year, last_year, preset_id):
    preset = PRESETS[preset_id]
    thap, base = this_year
    fraction = Fraction(thap, base)
    expected = [flag for flag, inside in ONE_YEAR_BANDS[preset_id] if inside(fraction)]
    assert band_flags(preset, thap, base) == tuple(expected)

    flags = band_flags(preset, thap, base, PriorShare(*last_year))
    assert [f for f in flags if not f.endswith("_two_years")] == expected
    if preset_id in TWO_YEAR_BANDS:
        flag, inside = TWO_YEAR_BANDS[preset_id]
        assert (flag in flags) == (inside(fraction) and inside(Fraction(*last_year)))
    else:
        assert all(not f.endswith("_two_years") for f in flags)


# --- quorum ----------------------------------------------------------------------------------


def test_quorum_of_qd_96_is_two_thirds_present():
    preset = PRESETS["qd-96-2023"]
    assert quorum_met(preset, 20, 30)
    assert not quorum_met(preset, 19, 30)


@pytest.mark.parametrize("preset_id", sorted(set(PRESET_BASES) - {"qd-96-2023"}))
def test_other_presets_have_no_quorum(preset_id):
    assert quorum_met(PRESETS[preset_id], 1, 30)
