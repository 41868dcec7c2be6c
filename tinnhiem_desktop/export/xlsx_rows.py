"""Rows of a large sheet written straight as the sheet's XML.

openpyxl builds an object for every cell and serialises each through lxml, about 40 µs a cell: the
consolidated report of 300 units has 230,000 cells in its data sheet alone. `StreamedRows` holds
such a sheet's rows as XML text instead; openpyxl still writes everything else (columns, print
setup, filters, the styles the rows name), and `save` puts the rows into the sheet's `sheetData`.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Sequence
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

DIMENSION = re.compile(rb'<dimension ref="[^"]*"\s*/>')


class StreamedRows:
    """Rows appended below the cells openpyxl holds for `sheet` (its rows must all come first)."""

    def __init__(self, sheet: Worksheet, first_row: int) -> None:
        self.sheet = sheet
        self.next_row = first_row
        self.last_column = 1
        self._parts: list[str] = []
        self._letters: dict[int, str] = {}

    def style_id(self, style: StyleArray) -> int:
        """The workbook's number for a cell look (openpyxl's own list of cell formats, which it writes)."""
        return self.sheet.parent._cell_styles.add(style)

    def append(self, cells: Sequence[tuple[object, int]], height: float | None = None) -> int:
        """One row of (value, style id) from column A; a string stays text. Returns its number."""
        number = self.next_row
        self.next_row += 1
        parts = [f'<row r="{number}"' + (f' ht="{height:g}" customHeight="1">' if height else ">")]
        for column, (value, style) in enumerate(cells, start=1):
            letter = self._letters.get(column) or self._letters.setdefault(column, get_column_letter(column))
            ref = f'<c r="{letter}{number}" s="{style}"'
            if value is None or value == "":
                parts.append(ref + "/>")
            elif isinstance(value, bool):
                parts.append(f'{ref} t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, (int, float)):
                parts.append(f"{ref}><v>{value!r}</v></c>")
            else:
                text = escape(ILLEGAL_CHARACTERS_RE.sub("", str(value)))
                space = ' xml:space="preserve"' if text != text.strip() else ""
                parts.append(f'{ref} t="inlineStr"><is><t{space}>{text}</t></is></c>')
        parts.append("</row>")
        self._parts.append("".join(parts))
        self.last_column = max(self.last_column, len(cells))
        return number

    def xml(self) -> bytes:
        return "".join(self._parts).encode("utf-8")


def save(workbook: Workbook, target: Path, streamed: Sequence[StreamedRows]) -> Path:
    """Write the workbook with the streamed rows in their sheets, beside the target and then
    renamed into place: never half a file."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    by_part = {f"xl/worksheets/sheet{workbook.worksheets.index(rows.sheet) + 1}.xml": rows for rows in streamed}
    target = Path(target)
    partial = target.with_name(target.name + ".partial")
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info)
            rows = by_part.get(info.filename)
            if rows is not None:
                data = _with_rows(data, rows)
            out.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    partial.replace(target)
    return target


def _with_rows(sheet_xml: bytes, rows: StreamedRows) -> bytes:
    rows_xml = rows.xml()
    if b"</sheetData>" in sheet_xml:
        sheet_xml = sheet_xml.replace(b"</sheetData>", rows_xml + b"</sheetData>", 1)
    else:
        sheet_xml = sheet_xml.replace(b"<sheetData/>", b"<sheetData>" + rows_xml + b"</sheetData>", 1)
    last = rows.next_row - 1
    ref = f'<dimension ref="A1:{get_column_letter(rows.last_column)}{last}"/>'.encode()
    return DIMENSION.sub(ref, sheet_xml, count=1)
