"""Rule presets as data: their source, percentage base, threshold bands and quorum.

A band is decided by comparing counts exactly (`3 x thap >= 2 x base`), never a rounded percentage.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction


class Base(StrEnum):
    """What a percentage is taken of."""

    SUMMONED = "summoned"
    PRESENT = "present"
    ISSUED = "issued"
    COLLECTED = "collected"
    VALID_BALLOTS = "valid_ballots"
    VALID_FOR_PERSON = "valid_for_person"


@dataclass(frozen=True)
class Bound:
    """`share > fraction` (strict) or `share >= fraction`."""

    fraction: Fraction
    inclusive: bool

    def below(self, count: int, base: int) -> bool:
        """True when count/base lies below this bound (does not reach it)."""
        lhs, rhs = count * self.fraction.denominator, self.fraction.numerator * base
        return lhs < rhs if self.inclusive else lhs <= rhs


@dataclass(frozen=True)
class Band:
    """A consequence band on the low-confidence share.

    `lower` must be reached; `upper`, when set, must not be. A two-year band also needs last
    year's share to reach `lower`.
    """

    flag: str
    lower: Bound
    upper: Bound | None = None
    two_years: bool = False

    def contains(self, count: int, base: int) -> bool:
        if base <= 0:
            return False
        if self.lower.below(count, base):
            return False
        return self.upper is None or self.upper.below(count, base)


@dataclass(frozen=True)
class Preset:
    id: str
    name: str
    source: str
    base: Base
    bands: tuple[Band, ...]
    quorum: Fraction | None = None
    decimals: int = 2


HALF = Fraction(1, 2)
TWO_THIRDS = Fraction(2, 3)


def over(fraction: Fraction) -> Bound:
    return Bound(fraction, inclusive=False)


def at_least(fraction: Fraction) -> Bound:
    return Bound(fraction, inclusive=True)


PRESETS: dict[str, Preset] = {
    preset.id: preset
    for preset in (
        Preset(
            id="huong-dan-2013",
            name="Hướng dẫn lấy phiếu tín nhiệm hằng năm (ngành GTVT, 2013)",
            source="Hướng dẫn hằng năm của ngành Giao thông vận tải (2013)",
            base=Base.COLLECTED,
            bands=(
                Band("thap_over_half", over(HALF)),
                Band("thap_80_percent", at_least(Fraction(4, 5))),
                Band("thap_70_percent_two_years", at_least(Fraction(7, 10)), two_years=True),
            ),
        ),
        Preset(
            id="qd-262-2014",
            name="Quy định 262-QĐ/TW (2014)",
            source="Bộ Chính trị, Quy định số 262-QĐ/TW ngày 08/10/2014",
            base=Base.COLLECTED,
            bands=(Band("thap_over_half", over(HALF)),),
        ),
        Preset(
            id="qd-96-2023",
            name="Quy định 96-QĐ/TW (2023)",
            source="Bộ Chính trị, Quy định số 96-QĐ/TW ngày 02/02/2023",
            base=Base.COLLECTED,
            bands=(
                Band("thap_over_half", over(HALF), at_least(TWO_THIRDS)),
                Band("thap_two_thirds_or_more", at_least(TWO_THIRDS)),
            ),
            quorum=TWO_THIRDS,
        ),
        Preset(
            id="nq-35-2012",
            name="Nghị quyết 35/2012/QH13",
            source="Quốc hội, Nghị quyết số 35/2012/QH13 ngày 21/11/2012",
            base=Base.SUMMONED,
            bands=(
                Band("thap_over_half", over(HALF), over(TWO_THIRDS)),
                Band("thap_over_two_thirds", over(TWO_THIRDS)),
                Band("thap_over_half_two_years", over(HALF), two_years=True),
            ),
        ),
        Preset(
            id="nq-85-2014",
            name="Nghị quyết 85/2014/QH13",
            source="Quốc hội, Nghị quyết số 85/2014/QH13 ngày 28/11/2014",
            base=Base.SUMMONED,
            bands=(
                Band("thap_over_half", over(HALF), at_least(TWO_THIRDS)),
                Band("thap_two_thirds_or_more", at_least(TWO_THIRDS)),
            ),
        ),
        Preset(
            id="nq-96-2023",
            name="Nghị quyết 96/2023/QH15",
            source="Quốc hội, Nghị quyết số 96/2023/QH15 ngày 23/06/2023",
            base=Base.COLLECTED,
            bands=(
                Band("thap_over_half", over(HALF), at_least(TWO_THIRDS)),
                Band("thap_two_thirds_or_more", at_least(TWO_THIRDS)),
            ),
        ),
    )
}


@dataclass(frozen=True)
class PriorShare:
    """Last year's low-confidence count and the base it was taken on; `by_hand` when the organiser
    typed the figures in (the earlier round was not counted with this program), `source` says where
    they come from (a round file's name, or the organiser's note)."""

    thap: int
    base: int
    year: int | None = None
    by_hand: bool = False
    source: str = ""


def band_flags(
    preset: Preset, thap: int, base: int, previous: PriorShare | None = None
) -> tuple[str, ...]:
    """The flags raised for a low-confidence count on a base, in the preset's order.

    A two-year band is raised only when last year's share is known and reached the band too.
    """
    flags = []
    for band in preset.bands:
        if not band.contains(thap, base):
            continue
        if band.two_years and (previous is None or not band.contains(previous.thap, previous.base)):
            continue
        flags.append(band.flag)
    return tuple(flags)


def quorum_met(preset: Preset, present: int, summoned: int) -> bool:
    if preset.quorum is None:
        return True
    return present * preset.quorum.denominator >= preset.quorum.numerator * summoned
