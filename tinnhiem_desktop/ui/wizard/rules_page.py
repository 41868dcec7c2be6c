"""The wizard's rule page: the rule preset and its settings, and how the ballots are keyed."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QFrame, QScrollArea, QVBoxLayout, QWidget

from ...core.model import EntryMode, RoundSetup
from ...core.rules import Preset, RuleCustom
from ..dialogs import Dialogs
from ..rules import RuleEditor
from .common import Problem, WizardPage


class RulesPage(WizardPage):
    def __init__(self, initial: RoundSetup | None, dialogs: Dialogs) -> None:
        super().__init__()
        self.setTitle(self.tr("Quy tắc kiểm phiếu"))
        self.setSubTitle(self.tr("Văn bản quy định cách tính tỷ lệ và các ngưỡng tín nhiệm thấp."))
        self.editor = RuleEditor(initial, dialogs)
        self.preset_combo, self.description_label = self.editor.preset_combo, self.editor.description_label
        self.base_combo, self.decimals_spin = self.editor.base_combo, self.editor.decimals_spin
        self.override_label = self.editor.override_label
        self.entry_combo = QComboBox()
        self.entry_combo.addItem(self.tr("Nhập một lượt"), EntryMode.SINGLE.value)
        self.entry_combo.addItem(self.tr("Nhập hai lượt độc lập (A và B), đối chiếu rồi mới chốt"),
                                 EntryMode.DOUBLE.value)
        if initial:
            self.entry_combo.setCurrentIndex(self.entry_combo.findData(initial.entry_mode.value))
        entry_form = QFormLayout()
        entry_form.addRow(self.tr("Cách nhập phiếu:"), self.entry_combo)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.editor)
        inner.addSpacing(8)
        inner.addLayout(entry_form)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        self._add_messages(layout)
        self.editor.changed.connect(self.recheck)

    def preset(self) -> Preset:
        return self.editor.preset()

    def rule_id(self) -> str:
        return self.editor.rule_id()

    def percent_base(self) -> str | None:
        return self.editor.percent_base()

    def decimals(self) -> int | None:
        return self.editor.decimals()

    def rule_custom(self) -> RuleCustom | None:
        return self.editor.rule_custom()

    def entry_mode(self) -> EntryMode:
        return EntryMode(self.entry_combo.currentData())

    def problem(self) -> Problem | None:
        found = self.editor.problem()
        return None if found is None else Problem(found)
