"""What every page of the round wizard shares: a page that refuses Next with its reason, a table
to key a list into, and small helpers for cells and messages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ...services.candidates import clean_text

ERROR_COLOUR, WARNING_COLOUR, NOTICE_COLOUR = "#b00020", "#8a4b00", "#1b5e20"


@dataclass(frozen=True)
class Problem:
    """Why a page cannot go on, and how to put the cursor where it must be fixed."""

    text: str
    focus: Callable[[], None] | None = None


def focus_on(widget: QWidget) -> Callable[[], None]:
    return lambda: widget.setFocus(Qt.FocusReason.OtherFocusReason)


def focus_cell(table: QTableWidget, row: int, column: int) -> Callable[[], None]:
    def focus() -> None:
        table.setFocus(Qt.FocusReason.OtherFocusReason)
        table.setCurrentCell(row, column)

    return focus


def message_label(colour: str) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet(f"color: {colour};")
    label.hide()
    return label


def show_message(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def table_cell(text: str, *, editable: bool = True) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if not editable:
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    return item


def cell_text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return clean_text(item.text()) if item is not None else ""


class EditTable(QTableWidget):
    """A table to key a list into. Enter goes down a row (adding one at the end) rather than
    pressing the wizard's Next button, so a half-typed list is not left by accident."""

    def __init__(self, headers: Sequence[str], add_row: Callable[[], None]) -> None:
        super().__init__(0, len(headers))
        self._add_row = add_row
        self.setHorizontalHeaderLabels(list(headers))
        self.verticalHeader().hide()
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )

    def keyPressEvent(self, event) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and self.state() != QAbstractItemView.State.EditingState:
            row = self.currentRow() + 1
            if row >= self.rowCount():
                self._add_row()
            else:
                self.setCurrentCell(row, max(self.currentColumn(), 0))
            return
        super().keyPressEvent(event)

    def selected_rows(self) -> list[int]:
        rows = {index.row() for index in self.selectedIndexes()}
        if not rows and self.currentRow() >= 0:
            rows = {self.currentRow()}
        return sorted(rows)


class WizardPage(QWizardPage):
    """A page that refuses Next with the reason written on the page (and the cursor put there)."""

    def __init__(self) -> None:
        super().__init__()
        self.warning_label = message_label(WARNING_COLOUR)
        self.problem_label = message_label(ERROR_COLOUR)

    def _add_messages(self, layout: QVBoxLayout) -> None:
        layout.addWidget(self.warning_label)
        layout.addWidget(self.problem_label)

    def problem(self) -> Problem | None:
        return None

    def validatePage(self) -> bool:
        found = self.problem()
        show_message(self.problem_label, found.text if found else "")
        if found is not None and found.focus is not None:
            found.focus()
        return found is None

    def show_problem(self, text: str) -> None:
        show_message(self.problem_label, text)

    def recheck(self) -> None:
        """After an edit, update a refusal already shown, so that it goes once fixed."""
        if not self.problem_label.isHidden():
            found = self.problem()
            show_message(self.problem_label, found.text if found else "")
