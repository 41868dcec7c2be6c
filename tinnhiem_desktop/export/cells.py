"""Writing values into workbook cells so that the program's text stays text."""

from __future__ import annotations

from openpyxl.cell.cell import Cell


def put_text(cell: Cell, value: object) -> Cell:
    """Set the cell's value; a string is marked as a string, because openpyxl otherwise writes
    one that starts with "=" (a name typed as "=1+1") as a live formula."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    return cell
