"""Dates and times written the Vietnamese way, for documents and the window."""

from __future__ import annotations

from datetime import date, datetime
from typing import Callable

DATETIME = "{hour:02d} giờ {minute:02d}, ngày {day:%d/%m/%Y}"


def vi_date(iso: str) -> str | None:
    """'ngày 05 tháng 02 năm 2026': days 1-9 and months 1-2 written with a leading zero."""
    try:
        day = date.fromisoformat(iso)
    except (TypeError, ValueError):
        return None
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def vi_datetime(iso: str, translate: Callable[[str], str] | None = None) -> str:
    """'10 giờ 42, ngày 27 tháng 11 năm 2026' from an ISO time, the long date of a document's body
    (NĐ 30); the text itself if it is not one. The window passes `translate` to have the short
    form ('10 giờ 42, ngày 27/11/2026') in its own language."""
    try:
        moment = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso
    if translate is None:
        return f"{moment.hour:02d} giờ {moment.minute:02d}, {vi_date(moment.date().isoformat())}"
    return translate(DATETIME).format(hour=moment.hour, minute=moment.minute, day=moment)


def short_date(iso: str) -> str:
    """'24/11/2026' from an ISO date; the text itself if it is not one."""
    try:
        return f"{date.fromisoformat(iso):%d/%m/%Y}"
    except (TypeError, ValueError):
        return iso
