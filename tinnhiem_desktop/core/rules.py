"""Rule presets as data: their source, percentage base, threshold bands and quorum.

A band is decided by comparing counts exactly (`3 x thap >= 2 x base`), never a rounded percentage.
A round may move a band's lower bound (a band whose upper bound is another band's lower bound
follows it) and its quorum; it then holds those settings itself (`RuleCustom`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from typing import Sequence


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
    """`share > fraction` (strict) or `share >= fraction`; `as_percent` when it is written as a
    percentage ("80%") rather than a fraction ("4/5")."""

    fraction: Fraction
    inclusive: bool
    as_percent: bool = False

    def written(self, decimal_mark: str = ",") -> str:
        return written_share(self.fraction, self.as_percent, decimal_mark)

    def same_value(self, other: Bound | None) -> bool:
        """The same threshold, however it is written."""
        return other is not None and (self.fraction, self.inclusive) == (other.fraction, other.inclusive)

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
    team_name: str = "Tổ kiểm phiếu"  # what the rule's text calls the counting team (DEFAULT_TEAM_NAME)


DEFAULT_TEAM_NAME = "Tổ kiểm phiếu"  # the annual guideline's word; QĐ 262/96 and the NQ say "Ban kiểm phiếu"
MAX_TEAM_NAME = 60
HALF = Fraction(1, 2)
TWO_THIRDS = Fraction(2, 3)


def over(fraction: Fraction, as_percent: bool = False) -> Bound:
    return Bound(fraction, inclusive=False, as_percent=as_percent)


def at_least(fraction: Fraction, as_percent: bool = False) -> Bound:
    return Bound(fraction, inclusive=True, as_percent=as_percent)


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
                Band("thap_80_percent", at_least(Fraction(4, 5), as_percent=True)),
                Band("thap_70_percent_two_years", at_least(Fraction(7, 10), as_percent=True), two_years=True),
            ),
        ),
        Preset(
            id="qd-262-2014",
            name="Quy định 262-QĐ/TW (2014)",
            source="Bộ Chính trị, Quy định số 262-QĐ/TW ngày 08/10/2014",
            base=Base.COLLECTED,
            bands=(Band("thap_over_half", over(HALF)),),
            team_name="Ban kiểm phiếu",
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
            team_name="Ban kiểm phiếu",
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
            team_name="Ban kiểm phiếu",
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
            team_name="Ban kiểm phiếu",
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
            team_name="Ban kiểm phiếu",
        ),
    )
}


FLAGS: tuple[str, ...] = tuple(dict.fromkeys(band.flag for p in PRESETS.values() for band in p.bands))
BUILT_IN_BANDS = frozenset(band for preset in PRESETS.values() for band in preset.bands)
MAX_SHARE_DECIMALS = 4  # "66,6667%" at most
_FRACTION = re.compile(r"(\d{1,6})\s*/\s*(\d{1,6})")
_PERCENT = re.compile(r"(\d{1,3})(?:[.,](\d{1,%d}))?\s*%%" % MAX_SHARE_DECIMALS)


def parse_share(text: str) -> tuple[Fraction, bool]:
    """A share as typed, "2/3" or "75%" (or "66,5%"): its value and whether it is a percentage.

    Raises ValueError unless it is more than 0 and at most 1.
    """
    text = text.strip()
    if match := _FRACTION.fullmatch(text):
        numerator, denominator = int(match[1]), int(match[2])
        if denominator == 0:
            raise ValueError(text)
        value, as_percent = Fraction(numerator, denominator), False
    elif match := _PERCENT.fullmatch(text):
        value, as_percent = Fraction(Decimal(f"{match[1]}.{match[2] or 0}")) / 100, True
    else:
        raise ValueError(text)
    if not 0 < value <= 1:
        raise ValueError(text)
    return value, as_percent


def written_share(value: Fraction, as_percent: bool, decimal_mark: str = ",") -> str:
    """A share as written: 2/3, or 75% and 66,5% (the Vietnamese decimal comma unless told otherwise)."""
    if not as_percent:
        return f"{value.numerator}/{value.denominator}"
    hundredths = value * 100
    if hundredths.denominator == 1:
        return f"{hundredths.numerator}%"
    digits = Decimal(hundredths.numerator) / Decimal(hundredths.denominator)
    return f"{digits.quantize(Decimal(1).scaleb(-MAX_SHARE_DECIMALS)).normalize():f}".replace(".", decimal_mark) + "%"


def chained(bands: Sequence[Band]) -> dict[int, int]:
    """{i: j} where band i's upper bound is band j's lower bound (QĐ 96: "trên 1/2, dưới 2/3", then
    "từ 2/3 trở lên"): moving j's lower bound moves i's upper bound with it."""
    links = {}
    for i, band in enumerate(bands):
        for j, other in enumerate(bands):
            if i != j and band.upper is not None and band.upper == other.lower:
                links[i] = j
                break
    return links


def with_lower_bounds(bands: Sequence[Band], lowers: Sequence[Bound]) -> tuple[Band, ...]:
    """The bands with new lower bounds; an upper bound chained to a lower bound follows it."""
    links = chained(bands)
    return tuple(
        replace(band, lower=lowers[i], upper=lowers[links[i]] if i in links else band.upper)
        for i, band in enumerate(bands)
    )


def band_is_empty(band: Band) -> bool:
    """True when no share can fall in the band: its lower bound is not below its upper bound."""
    if band.upper is None:
        return band.lower.fraction == 1 and not band.lower.inclusive
    lower, upper = band.lower.fraction, band.upper.fraction
    return lower > upper or (lower == upper and not (band.lower.inclusive and not band.upper.inclusive))


@dataclass(frozen=True)
class RuleCustom:
    """What a round holds of its rule beyond the preset's id, base and decimals: the bands and
    quorum in force, the team's name when the round calls it otherwise than the preset (None: as the
    preset), and the whole definition of a preset saved by the user (None for a preset built into
    the program), so that the round file opens anywhere."""

    bands: tuple[Band, ...]
    quorum: Fraction | None
    preset: Preset | None = None
    team_name: str | None = None


def rule_custom(preset: Preset, bands: Sequence[Band], quorum: Fraction | None,
                built_in: bool, team_name: str | None = None) -> RuleCustom | None:
    """What the round must hold beyond the preset, or None when it holds nothing more (a built-in
    preset whose bands, quorum and team's name it keeps). A bound equal in value to the preset's is
    taken as the preset writes it, so that typing "4/5" for "80%" changes nothing; a team's name
    that is the preset's (or empty) is the preset's."""
    def as_preset_writes(band: Band, original: Band) -> Band:
        lower = original.lower if band.lower.same_value(original.lower) else band.lower
        upper = band.upper
        if upper is not None and upper.same_value(original.upper):
            upper = original.upper
        return replace(band, lower=lower, upper=upper)

    if len(bands) == len(preset.bands):
        bands = [as_preset_writes(band, original) for band, original in zip(bands, preset.bands)]
    bands = tuple(bands)
    team = " ".join((team_name or "").split()) or None
    if team == preset.team_name:
        team = None
    if built_in and bands == preset.bands and quorum == preset.quorum and team is None:
        return None
    return RuleCustom(bands, quorum, None if built_in else preset, team)


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
    """Whether the present reach the quorum the preset asks for (exact: 3 × present ≥ 2 × summoned)."""
    if preset.quorum is None:
        return True
    return present * preset.quorum.denominator >= preset.quorum.numerator * summoned


def quorum_text(quorum: Fraction | None) -> str | None:
    """A quorum as written: "2/3" (None for none)."""
    return None if quorum is None else written_share(quorum, as_percent=False)
