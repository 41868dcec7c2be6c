"""Writing values into workbook cells so that the program's text stays text."""

from __future__ import annotations

from openpyxl.cell.cell import Cell
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.worksheet import Worksheet


def put_text(cell: Cell, value: object) -> Cell:
    """Set the cell's value; a string is marked as a string, because openpyxl otherwise writes
    one that starts with "=" (a name typed as "=1+1") as a live formula."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def merge(sheet: Worksheet, first_row: int, first_column: int, last_row: int, last_column: int) -> None:
    """Merge the range as Excel stores it: the range alone. openpyxl's merge_cells also puts a
    placeholder cell at every other cell of the range, which costs more than the rest of a
    300-unit report's sheet and adds nothing to the file (cells given a look are written anyway)."""
    sheet.merged_cells.add(CellRange(min_col=first_column, min_row=first_row, max_col=last_column, max_row=last_row))
