"""The wizard's page for each form's counts (summoned, present, issued, collected)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QSpinBox, QVBoxLayout, QWidget

from ...core.issues import Issue
from ...core.model import Counts
from ...core.validation import COUNT_KEYS
from ..i18n import sentence
from .common import Focus, PathPart, WizardPage, focus_on, issue_parts
from .forms_page import FormEditor, FormsPage

MAX_COUNT = 1_000_000


class CountsPage(WizardPage):
    """The counts of each form; core checks their chain (refused) and the quorum (a warning)."""

    changed = Signal()

    def __init__(self, forms_page: FormsPage) -> None:
        super().__init__()
        self.setTitle(self.tr("Số liệu"))
        self.setSubTitle(
            self.tr("Số người và số phiếu của từng loại phiếu; có thể để 0 và sửa lại khi kiểm phiếu.")
        )
        self._forms_page = forms_page
        self.rows: list[tuple[FormEditor, list[QSpinBox]]] = []
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.addWidget(self._scroll, 1)
        self._add_messages(layout)

    def initializePage(self) -> None:
        container = QWidget()
        grid = QGridLayout(container)
        headers = (
            self.tr("Loại phiếu"),
            self.tr("Số người được\ntriệu tập"),
            self.tr("Số người\ncó mặt"),
            self.tr("Số phiếu\nphát ra"),
            self.tr("Số phiếu\nthu về"),
        )
        for column, text in enumerate(headers):
            header = QLabel(text)
            header.setStyleSheet("font-weight: bold;")
            grid.addWidget(header, 0, column)
        self.rows = []
        for row, editor in enumerate(self._forms_page.editors(), 1):
            label = QLabel(editor.label())
            label.setWordWrap(True)
            grid.addWidget(label, row, 0)
            spins = []
            for column, key in enumerate(COUNT_KEYS, 1):
                spin = QSpinBox()
                spin.setRange(0, MAX_COUNT)
                spin.setValue(getattr(editor.counts, key))
                spin.valueChanged.connect(lambda _, e=editor, s=spins: self._store(e, s))
                grid.addWidget(spin, row, column)
                spins.append(spin)
            self.rows.append((editor, spins))
        grid.setColumnStretch(0, 1)
        for column in range(1, len(headers)):
            grid.setColumnMinimumWidth(column, 120)
        grid.setRowStretch(len(self.rows) + 1, 1)
        self._scroll.setWidget(container)
        chain = [spin for _, spins in self.rows for spin in spins]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def first_field(self) -> Focus | None:
        return focus_on(self.rows[0][1][0]) if self.rows else None

    def _store(self, editor: FormEditor, spins: list[QSpinBox]) -> None:
        editor.counts = Counts(*(spin.value() for spin in spins))
        self.changed.emit()
        self.recheck()

    def _count_at(self, parts: tuple[PathPart, ...]) -> tuple[int, str] | None:
        """The form index and count key a path names, if it names a count."""
        if len(parts) == 2 and parts[0][0] == "forms" and parts[0][1] is not None and parts[1][0] in COUNT_KEYS:
            return parts[0][1], parts[1][0]
        return None

    def locate(self, parts: tuple[PathPart, ...]) -> Focus | None:
        found = self._count_at(parts)
        if found is None:
            return None
        index, key = found

        def focus() -> None:  # the spin boxes are made when the page is shown
            focus_on(self.rows[index][1][COUNT_KEYS.index(key)])()

        return focus

    def describe(self, issue: Issue) -> str:
        found = self._count_at(issue_parts(issue))
        if found is None:
            return super().describe(issue)
        return self.tr("Loại phiếu '{form}': {reason}").format(
            form=self._forms_page.editors()[found[0]].label(), reason=sentence(issue.code, issue.params))
