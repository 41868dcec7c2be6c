"""Reading a personnel list the office already has (Excel, CSV or the clipboard) into candidates."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import time
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from ..core.issues import Location, TinNhiemError, os_reason
from ..core.model import Candidate
from ..core.names import folded
from ..core.spec import nfc
from ..core.validation import MAX_BIRTH_YEAR, MIN_BIRTH_YEAR, duplicate_pairs
from .files import read_text

FIELDS = ("name", "position", "birth_year", "person_key")
CSV_SUFFIXES = (".csv", ".tsv")
DELIMITERS = (",", ";", "\t")
HEADER_SEARCH_ROWS = 20
# A personnel list is a few hundred rows: far more is a wrong or a hostile file, refused at once.
MAX_ROWS, MAX_COLUMNS, MAX_SECONDS = 5_000, 50, 10
MAX_UNPACKED_BYTES = 64 * 1024 * 1024

Rows = tuple[tuple[str, ...], ...]

_BIRTH_YEAR = re.compile(r"(?:\d{1,2}[/.-]){0,2}(\d{4})")
_NAME_HEADERS = ("ho va ten", "ho ten", "ten can bo", "ten nguoi", "full name")
_POSITION_HEADERS = ("chuc vu", "chuc danh", "position")
_BIRTH_HEADERS = ("nam sinh", "ngay sinh", "birth")
_KEY_HEADERS = ("ma so", "ma can bo", "ma cb", "ma nguoi", "ma nhan su", "ma dinh danh")
_OTHER_HEADERS = ("stt", "tt", "so tt", "so thu tu", "ghi chu", "don vi", "phong ban", "gioi tinh")


@dataclass(frozen=True)
class Table:
    """One sheet (or CSV file) as stripped NFC text, padded to the same width; rows[i] is line i + 1."""

    sheets: tuple[str, ...]
    sheet: str | None
    rows: Rows


@dataclass(frozen=True)
class ColumnGuess:
    """Which column holds each of FIELDS (None: not in the table), and whether the row was a header."""

    mapping: dict[str, int | None]
    first_row_is_header: bool


@dataclass(frozen=True)
class CandidateImport:
    candidates: tuple[Candidate, ...]
    duplicates: tuple[tuple[int, int], ...]
    skipped_blank: int


def clean_text(value: str) -> str:
    """Runs of whitespace (line breaks and no-break spaces from Excel too) become one space; NFC."""
    return nfc(" ".join(value.split()))


def read_table(path: Path, sheet: str | None = None) -> Table:
    """An .xlsx sheet (the active one unless named) or a UTF-8 CSV file; anything else is refused."""
    path = Path(path)
    if not path.exists():
        raise TinNhiemError("file_not_found", file=str(path))
    if path.is_dir():
        raise TinNhiemError("path_is_folder", file=str(path))
    if path.suffix.lower() in CSV_SUFFIXES:
        return Table((), None, _rectangular(_bounded(_read_csv(path), path)))
    return _read_workbook(path, sheet)


def parse_clipboard(text: str) -> Rows:
    """Cells as Excel puts them on the clipboard: tab-separated, quoted when they hold a line break."""
    return _rectangular(csv.reader(io.StringIO(text, newline=""), delimiter="\t"))


def guess_mapping(header_row: Sequence[str]) -> ColumnGuess:
    """Recognise Vietnamese column titles, ignoring case and diacritics; without any, guess from
    the values of what is then a first data row. The name column is always given."""
    mapping: dict[str, int | None] = dict.fromkeys(FIELDS)
    recognised = False
    for column, cell in enumerate(header_row):
        words = folded(cell)
        field = _header_field(words)
        if field is not None and mapping[field] is None:
            mapping[field] = column
        recognised = recognised or field is not None or words in _OTHER_HEADERS
    if recognised:
        if mapping["name"] is None:
            used = set(mapping.values())
            mapping["name"] = next(
                (i for i, cell in enumerate(header_row) if i not in used and folded(cell) not in _OTHER_HEADERS),
                0,
            )
        return ColumnGuess(mapping, True)
    texts = []
    for column, cell in enumerate(header_row):
        if _is_birth_year(cell) and mapping["birth_year"] is None:
            mapping["birth_year"] = column
        elif cell and not cell.isdigit():
            texts.append(column)
    mapping["name"] = texts[0] if texts else 0
    mapping["position"] = texts[1] if len(texts) > 1 else None
    return ColumnGuess(mapping, False)


def table_start(rows: Rows) -> int:
    """Index of the row a list starts at: a recognised header row near the top (titles such as
    "DANH SÁCH ..." may sit above it), else the first row that is not blank."""
    filled = [i for i, row in enumerate(rows) if any(row)]
    for index in filled[:HEADER_SEARCH_ROWS]:
        if guess_mapping(rows[index]).first_row_is_header:
            return index
    return filled[0] if filled else 0


def parse_birth_year(text: str) -> int | None:
    """A 4-digit year, alone or ending a date such as 05/03/1970; None when blank. ValueError otherwise."""
    text = text.strip()
    if not text:
        return None
    match = _BIRTH_YEAR.fullmatch(text)
    if match is None or not MIN_BIRTH_YEAR <= int(match.group(1)) <= MAX_BIRTH_YEAR:
        raise ValueError(text)
    return int(match.group(1))


def candidates_from_rows(
    rows: Rows,
    mapping: Mapping[str, int | None],
    first_row_is_header: bool,
    *,
    source: str = "",
    first_line: int = 1,
) -> CandidateImport:
    """Candidates numbered 1..n in row order; rows[i] is reported as line first_line + i.

    Blank rows are passed over; rows with other data but no name are counted as skipped.
    """
    if mapping.get("name") is None:
        raise ValueError("the name column must be chosen")
    candidates: list[Candidate] = []
    skipped = 0
    for index, row in enumerate(rows):
        if (first_row_is_header and index == 0) or not any(row):
            continue
        cells = {
            field: row[column] if column is not None and column < len(row) else ""
            for field, column in ((f, mapping.get(f)) for f in FIELDS)
        }
        if not cells["name"]:
            skipped += 1
            continue
        try:
            birth_year = parse_birth_year(cells["birth_year"])
        except ValueError:
            raise TinNhiemError(
                "bad_birth_year", Location(source, line=first_line + index), value=cells["birth_year"]
            ) from None
        candidates.append(
            Candidate(len(candidates) + 1, cells["name"], cells["position"], birth_year, cells["person_key"] or None)
        )
    return CandidateImport(tuple(candidates), duplicate_pairs(candidates), skipped)




def _header_field(folded: str) -> str | None:
    if folded in ("ten", "name") or folded.startswith(_NAME_HEADERS):
        return "name"
    if folded.startswith(_POSITION_HEADERS):
        return "position"
    if any(words in folded for words in _BIRTH_HEADERS):
        return "birth_year"
    if folded == "ma" or folded.startswith(_KEY_HEADERS):
        return "person_key"
    return None


def _is_birth_year(text: str) -> bool:
    try:
        return parse_birth_year(text) is not None
    except ValueError:
        return False


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def _rectangular(rows: Iterable[Iterable[Any]]) -> Rows:
    """Cells cleaned, trailing blank rows and columns dropped, every row padded to one width."""
    cleaned = [tuple(clean_text(_cell_text(cell)) for cell in row) for row in rows]
    while cleaned and not any(cleaned[-1]):
        cleaned.pop()
    width = max((max((i + 1 for i, cell in enumerate(row) if cell), default=0) for row in cleaned), default=0)
    return tuple(row[:width] + ("",) * (width - len(row)) for row in cleaned)


def _read_csv(path: Path) -> list[list[str]]:
    text = read_text(path)
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text)))
    except csv.Error as error:
        raise TinNhiemError("file_unreadable", file=str(path), detail=str(error)) from None


def _sniff_delimiter(text: str) -> str:
    """The delimiter that splits most of the first lines into the same number (> 1) of cells."""
    sample = text.splitlines()[:50]

    def score(delimiter: str) -> tuple[bool, int, int]:
        widths = [len(row) for row in csv.reader(sample, delimiter=delimiter) if any(c.strip() for c in row)]
        if not widths:
            return (False, 0, 0)
        width, rows = Counter(widths).most_common(1)[0]
        return (width > 1, rows, width)

    return max(DELIMITERS, key=score)


def _bounded(rows: Iterable[Sequence[Any]], path: Path) -> list[Sequence[Any]]:
    """The rows, read no further than MAX_ROWS by MAX_COLUMNS cells (blank cells beyond do not
    count) and MAX_SECONDS; past that the file is refused, naming it."""
    deadline = time.monotonic() + MAX_SECONDS
    kept: list[Sequence[Any]] = []
    for number, row in enumerate(rows, start=1):
        if number > MAX_ROWS:
            outside = row  # mostly the empty rows openpyxl fills a gap with: kept cheap
        else:
            outside = row[MAX_COLUMNS:]
            kept.append(row[:MAX_COLUMNS])
        if (outside and any(_cell_text(cell).strip() for cell in outside)) or (
                number % 1024 == 0 and time.monotonic() > deadline):
            raise TinNhiemError("spreadsheet_too_large", file=str(path), rows=MAX_ROWS, columns=MAX_COLUMNS,
                                seconds=MAX_SECONDS)
    return kept


def _unpacked_size(path: Path) -> int:
    try:
        with zipfile.ZipFile(path) as archive:
            return sum(info.file_size for info in archive.infolist())
    except (OSError, zipfile.BadZipFile):
        return 0  # load_workbook says what is wrong with it


def _read_workbook(path: Path, sheet: str | None) -> Table:
    if _unpacked_size(path) > MAX_UNPACKED_BYTES:
        raise TinNhiemError("spreadsheet_too_large", file=str(path), rows=MAX_ROWS, columns=MAX_COLUMNS,
                            seconds=MAX_SECONDS)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except OSError as error:
        raise TinNhiemError("file_unreadable", file=str(path), detail=os_reason(error)) from None
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, EOFError):
        raise TinNhiemError("not_a_spreadsheet", file=str(path)) from None
    try:
        worksheets = book.worksheets
        names = tuple(ws.title for ws in worksheets)
        if not worksheets:
            raise TinNhiemError("not_a_spreadsheet", file=str(path))
        if sheet is None:
            chosen = book.active if book.active in worksheets else worksheets[0]
        elif sheet in names:
            chosen = book[sheet]
        else:
            raise TinNhiemError("unknown_sheet", file=str(path), sheet=sheet, known=list(names))
        chosen.reset_dimensions()  # stream the rows the sheet holds, not the size it declares
        rows = _rectangular(_bounded(chosen.iter_rows(values_only=True), path))
    finally:
        book.close()
    return Table(names, chosen.title, rows)
