"""Percentages: exact integer arithmetic, rounded half-up, written the Vietnamese way."""

from __future__ import annotations

from decimal import Decimal


def percent(count: int, base: int, decimals: int = 2) -> Decimal | None:
    """count / base x 100 rounded half-up to `decimals` places; None when the base is zero.

    Computed on integers so that no intermediate rounding can move a value across a half.
    """
    if base <= 0:
        return None
    if decimals < 0:
        raise ValueError("decimals must be >= 0")
    scaled = count * 100 * 10**decimals
    quotient, remainder = divmod(scaled, base)
    if 2 * remainder >= base:
        quotient += 1
    return Decimal(quotient).scaleb(-decimals)


def machine_percent(value: Decimal | None, decimals: int = 2) -> str | None:
    """`85.11`: a dot and exactly `decimals` places, for JSON and CSV."""
    if value is None:
        return None
    return f"{value:.{decimals}f}"


def vi_number(value: Decimal, decimals: int = 2) -> str:
    """`85,11`: a decimal comma, as Vietnamese documents write it."""
    return f"{value:.{decimals}f}".replace(".", ",")


def vi_percent(value: Decimal | None, decimals: int = 2) -> str:
    """`85,11%`; an em dash when there is no base to divide by."""
    if value is None:
        return "—"
    return vi_number(value, decimals) + "%"


def vi_count(value: int) -> str:
    """`1.234`: thousands separated by dots."""
    return f"{value:,}".replace(",", ".")
