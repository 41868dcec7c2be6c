"""What every paper the program makes shares, whatever writes it (fpdf2, python-docx, openpyxl):
the A4 page's margins, the place-and-date line, the wording of the fingerprint and of the base.
Importing it loads no document library, so that a command only loads the one it writes with."""

from __future__ import annotations

import io
import re
import unicodedata

from ..core.model import Header
from ..core.percent import vi_count
from ..core.results import FormResult
from ..core.rules import Base
from .dates import vi_date
from .wording import BASE_NAMES

MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 20, 20, 30, 15
BODY_PT = 13
LOCALITY = re.compile(r"(?:^|\s)(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\s+(.+)$")


FINGERPRINT_HOW = ("So đủ 64 ký tự với tệp: tinnhiem-cli verify TỆP --fingerprint \"…\", hoặc trong chương trình: "
                   "Tệp › Kiểm tra tệp. Mã QR bên cạnh mang cùng dấu vân tay.")
FINGERPRINT_HOW_SHORT = "So đủ 64 ký tự với tệp (Tệp › Kiểm tra tệp); mã QR phía dưới mang cùng giá trị."


def qr_png(text: str) -> io.BytesIO:
    import segno

    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=8, border=2)
    buffer.seek(0)
    return buffer


def locality(header: Header) -> str | None:
    """The place name of the issuing body ('An Phú' from 'ỦY BAN NHÂN DÂN TỈNH AN PHÚ')."""
    for text in (header.unit, header.parent):
        found = LOCALITY.search(text.upper())
        if found:
            return found.group(1).strip().title()
    return None


def place_and_date(header: Header, iso_date: str) -> str:
    """'An Phú, ngày 27 tháng 11 năm 2026'; dots where the place or the date is not known."""
    return f"{locality(header) or '.........'}, {vi_date(iso_date) or 'ngày ..... tháng ..... năm .........'}"


HAIR_SPACE = "\u200a"


def apart_hyphens(text: str) -> str:
    """A hair space between two hyphens ("--fingerprint"): in italic type they touch and print as
    one dash."""
    return text.replace("--", f"-{HAIR_SPACE}-")


def composed(value: str) -> str:
    """fpdf2 renders Vietnamese right only when composed (NFC)."""
    return unicodedata.normalize("NFC", value)


LEVEL_HEADINGS = ("Tín nhiệm cao", "Tín nhiệm", "Tín nhiệm thấp")
DOTS = "................"


def count_lines(form: FormResult) -> tuple[str, ...]:
    """A form's counts as the minutes list them under its heading (PDF and .docx alike)."""
    counts, tally = form.form.counts, form.tally
    return (
        f"- Số người được triệu tập: {vi_count(counts.summoned)}; số người có mặt: {vi_count(counts.present)}.",
        f"- Số phiếu phát ra: {vi_count(counts.issued)}; số phiếu thu về: {vi_count(counts.collected)}.",
        f"- Số phiếu hợp lệ: {vi_count(tally.valid)}; số phiếu không hợp lệ: {vi_count(tally.invalid)}"
        + (f" (đã kiểm {vi_count(tally.keyed)} phiếu)." if tally.keyed != counts.collected else "."),
    )


def base_words(form: FormResult, decimals: int) -> str:
    if form.base_kind is Base.VALID_FOR_PERSON:
        base = f"Tỷ lệ % tính trên {BASE_NAMES[form.base_kind]}"
    else:
        base = f"Tỷ lệ % tính trên {BASE_NAMES[form.base_kind]}: {vi_count(form.base_value)} phiếu"
    return f"{base}; làm tròn đến {decimals} chữ số thập phân (từ 5 trở lên làm tròn lên)."


def issuer_symbol(header: Header) -> str:
    """The issuer's letters in the report's number and symbol: for a Party body its kind ('ĐU' for an
    Đảng ủy, 'CB' for a Chi bộ); a state body's own abbreviation cannot be guessed, so dots to fill."""
    unit = composed(header.unit).upper()
    for start, letters in (("ĐẢNG ỦY", "ĐU"), ("ĐẢNG UỶ", "ĐU"), ("CHI BỘ", "CB"), ("ĐẢNG ĐOÀN", "ĐĐ"),
                           ("BAN CÁN SỰ ĐẢNG", "BCSĐ")):
        if unit.startswith(start):
            return letters
    return "......"
