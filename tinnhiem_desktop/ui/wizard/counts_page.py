"""The wizard's page for each form's counts (summoned, present, issued, collected)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QSpinBox, QVBoxLayout, QWidget

from ...core.checks import COUNT_CHAIN
from ...core.model import Counts
from ...core.rules import quorum_met
from ...core.spec import COUNT_KEYS
from ..i18n import sentence
from .common import Problem, WizardPage, focus_on, show_message
from .forms_page import FormEditor, FormsPage
from .rules_page import RulesPage

MAX_COUNT = 1_000_000


class CountsPage(WizardPage):
    def __init__(self, forms_page: FormsPage, rules_page: RulesPage) -> None:
        super().__init__()
        self.setTitle(self.tr("Số liệu"))
        self.setSubTitle(
            self.tr("Số người và số phiếu của từng loại phiếu; có thể để 0 và sửa lại khi kiểm phiếu.")
        )
        self._forms_page = forms_page
        self._rules_page = rules_page
        self.rows: list[tuple[FormEditor, list[QSpinBox]]] = []
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
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
            self.tr("Số phiếu\nthu vào"),
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
        if chain:
            chain[0].setFocus()
        self._update_quorum()

    def _store(self, editor: FormEditor, spins: list[QSpinBox]) -> None:
        editor.counts = Counts(*(spin.value() for spin in spins))
        self._update_quorum()
        self.recheck()

    def _update_quorum(self) -> None:
        preset = self._rules_page.in_force()
        lines = []
        for editor, _ in self.rows:
            counts = editor.counts
            if preset.quorum is not None and counts.summoned and not quorum_met(preset, counts.present, counts.summoned):
                required = f"{preset.quorum.numerator}/{preset.quorum.denominator}"
                reason = sentence("quorum_not_met", {**counts.as_dict(), "required": required})
                lines.append(self.tr("Loại phiếu '{code}': {reason}").format(code=editor.code(), reason=reason))
        show_message(self.warning_label, "\n".join(lines))

    def problem(self) -> Problem | None:
        for editor, spins in self.rows:
            counts = editor.counts.as_dict()
            for code, larger, smaller in COUNT_CHAIN:
                if counts[smaller] > counts[larger]:
                    return Problem(
                        self.tr("Loại phiếu '{form}': {reason}").format(
                            form=editor.label(), reason=sentence(code, counts)
                        ),
                        focus_on(spins[COUNT_KEYS.index(smaller)]),
                    )
        return None
