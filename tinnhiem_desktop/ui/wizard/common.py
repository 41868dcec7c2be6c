"""What every page of the round wizard shares: a page that refuses Next with its reason, a table
to key a list into, and small helpers for cells, setup paths and messages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

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

from ...core.issues import Issue
from ...services.candidates import clean_text
from ..i18n import describe_issue

ERROR_COLOUR, WARNING_COLOUR, NOTICE_COLOUR = "#b00020", "#8a4b00", "#1b5e20"


@dataclass(frozen=True)
class Problem:
    """Why a page cannot go on, and how to put the cursor where it must be fixed."""

    text: str
    focus: Callable[[], None] | None = None


Focus = Callable[[], None]
PathPart = tuple[str, int | None]
PATH_PART = re.compile(r"(\w+)(?:\[(\d+)\])?")


def path_parts(path: str) -> tuple[PathPart, ...]:
    """A setup path as its parts: `forms[1].candidates[0].name` is
    (("forms", 1), ("candidates", 0), ("name", None))."""
    return tuple((key, None if index is None else int(index))
                 for key, index in (PATH_PART.fullmatch(part).groups() for part in path.split(".")))


def issue_parts(issue: Issue) -> tuple[PathPart, ...]:
    return path_parts(issue.params.get("path", ""))


def focus_on(widget: QWidget) -> Callable[[], None]:
    return lambda: widget.setFocus(Qt.FocusReason.OtherFocusReason)


def focus_cell(table: QTableWidget, row: int, column: int) -> Focus:
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
    """A page that refuses Next with the reason written on the page (and the cursor put there).

    Two kinds of reason: what the page itself finds in text the setup cannot hold yet (`problem`),
    then the setup's issues from core on this page or one before it, which the wizard finds and
    the page that holds the field words (`describe`) and focuses (`locate`)."""

    def __init__(self) -> None:
        super().__init__()
        self.warning_label = message_label(WARNING_COLOUR)
        self.problem_label = message_label(ERROR_COLOUR)

    def _add_messages(self, layout: QVBoxLayout) -> None:
        layout.addWidget(self.warning_label)
        layout.addWidget(self.problem_label)

    def problem(self) -> Problem | None:
        return None

    def locate(self, parts: tuple[PathPart, ...]) -> Focus | None:
        """How to put the cursor on the field a setup path names; None when it is not on this page."""
        return None

    def describe(self, issue: Issue) -> str:
        return describe_issue(issue)

    def issue_problem(self, issues: Iterable[Issue]) -> Problem | None:
        """The first of `issues` whose field is on this page, worded, with the cursor put there."""
        for issue in issues:
            focus = self.locate(issue_parts(issue))
            if focus is not None:
                return Problem(self.describe(issue), focus)
        return None

    def warns_about(self, issue: Issue) -> bool:
        return self.locate(issue_parts(issue)) is not None

    def show_warnings(self, issues: Iterable[Issue]) -> None:
        """Show the warnings this page is concerned with (by default: those about its fields)."""
        show_message(self.warning_label, "\n".join(self.describe(i) for i in issues if self.warns_about(i)))

    def check(self) -> Problem | None:
        return self.problem() or self.wizard().setup_problem(self)

    def validatePage(self) -> bool:
        found = self.check()
        show_message(self.problem_label, found.text if found else "")
        if found is not None and found.focus is not None:
            found.focus()
        return found is None

    def show_problem(self, text: str) -> None:
        show_message(self.problem_label, text)

    def recheck(self) -> None:
        """After an edit, update a refusal already shown, so that it goes once fixed."""
        if not self.problem_label.isHidden():
            found = self.check()
            show_message(self.problem_label, found.text if found else "")
