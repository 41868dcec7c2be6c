"""The wizard's rule page: the rule preset and its settings, and how the ballots are keyed. A new
round starts on the rule last used on this machine, else on Quy định 96-QĐ/TW."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QFrame, QScrollArea, QVBoxLayout, QWidget

from ...core.model import EntryMode, RoundSetup
from ...core.rules import Preset, RuleCustom
from ..dialogs import Dialogs
from ..rules import RuleEditor
from .common import Focus, Problem, WizardPage, focus_on

LAST_RULE_SETTING = "lastRuleId"
DEFAULT_RULE_ID = "qd-96-2023"  # Quy định 96-QĐ/TW (2023), in force for most bodies


class RulesPage(WizardPage):
    def __init__(self, initial: RoundSetup | None, dialogs: Dialogs) -> None:
        super().__init__()
        self.setTitle(self.tr("Quy tắc kiểm phiếu"))
        self.setSubTitle(
            self.tr("Văn bản quy định cách tính tỷ lệ và các ngưỡng tín nhiệm thấp.") if initial else self.tr(
                "Văn bản quy định cách tính tỷ lệ và các ngưỡng tín nhiệm thấp. Đợt mới dùng quy tắc đã chọn lần "
                "trước trên máy này (lần đầu: Quy định 96-QĐ/TW); có thể chọn quy tắc khác ở ô đầu tiên.")
        )
        self.editor = RuleEditor(initial, dialogs)
        self.preset_combo, self.description_label = self.editor.preset_combo, self.editor.description_label
        self.base_combo, self.decimals_spin = self.editor.base_combo, self.editor.decimals_spin
        self.override_label = self.editor.override_label
        if initial is None:
            self._start_on(str(QSettings().value(LAST_RULE_SETTING, DEFAULT_RULE_ID)))
        self.entry_combo = QComboBox()
        self.entry_combo.addItem(self.tr("Nhập một lượt"), EntryMode.SINGLE.value)
        self.entry_combo.addItem(self.tr("Nhập hai lượt độc lập (A và B), đối chiếu rồi mới chốt"),
                                 EntryMode.DOUBLE.value)
        if initial:
            self.entry_combo.setCurrentIndex(self.entry_combo.findData(initial.entry_mode.value))
        entry_form = QFormLayout()
        entry_form.addRow(self.tr("&Cách nhập phiếu:"), self.entry_combo)
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
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        self._add_messages(layout)
        self.editor.changed.connect(self.recheck)

    def _start_on(self, rule_id: str) -> None:
        """The rule `rule_id`, or the default one when it is no longer offered (a rule of one's own deleted)."""
        index = self.preset_combo.findData(rule_id)
        self.preset_combo.setCurrentIndex(index if index >= 0 else self.preset_combo.findData(DEFAULT_RULE_ID))

    def remember_rule(self) -> None:
        """The next new round on this machine starts on this page's rule."""
        QSettings().setValue(LAST_RULE_SETTING, self.rule_id())

    def first_field(self) -> Focus:
        return focus_on(self.preset_combo)

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
