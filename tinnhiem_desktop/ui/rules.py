"""The rule of a round, visible and adjustable: the preset, its source, base and threshold bands in
words, and the round's own setting of each (base, decimals, each band's lower bound, the quorum).
One editor serves the wizard's rule page and the rule dialog (Kết quả › Quy tắc của đợt…); the
current rule can be saved as a rule of one's own and chosen again in any round."""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core.issues import TinNhiemError
from ..core.model import RoundSetup
from ..core.results import Rule
from ..core.rules import PRESETS, Band, Base, Bound, Preset, RuleCustom, band_is_empty, chained, parse_share
from ..core.rules import MAX_TEAM_NAME, quorum_text, rule_custom, with_lower_bounds
from ..core.spec import MAX_DECIMALS
from ..export.wording import BASE_NAMES
from ..services.presets import load_presets, make_preset, preset_path, save_preset
from .dialogs import Dialogs
from .i18n import band_words, describe_error, override_words, sentence, wording

ERROR_COLOUR, WARNING_COLOUR, NOTE_COLOUR = "#b00020", "#8a4b00", "#555555"


def _label(colour: str | None = None) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if colour:
        label.setStyleSheet(f"color: {colour};")
    return label


def _show(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass
class BandRow:
    """One band's lower bound as the round sets it: strict or inclusive, and the share."""

    kind: QComboBox
    share: QLineEdit
    words: QLabel


class RuleEditor(QWidget):
    """Everything about a round's rule; `changed` after every edit."""

    changed = Signal()

    def __init__(self, initial: RoundSetup | None, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dialogs = dialogs
        self._own = initial.rule_custom.preset if initial and initial.rule_custom else None
        self._presets: dict[str, Preset] = {}
        self.preset_combo = QComboBox()
        self.save_button = QPushButton(self.tr("&Lưu thành quy tắc riêng…"))
        self.description_label = _label()
        self.saved_note = _label(NOTE_COLOUR)
        self.base_combo = QComboBox()
        self.base_combo.addItem(self.tr("Theo quy tắc"), None)
        for base in Base:
            self.base_combo.addItem(_capitalised(wording(BASE_NAMES[base])), base.value)
        self.decimals_spin = QSpinBox()
        self.decimals_spin.setRange(0, MAX_DECIMALS)
        self.band_rows: list[BandRow] = []
        self._bands_grid = QGridLayout()
        self._bands_grid.setColumnStretch(3, 1)
        self._bands_label = QLabel(self.tr("&Ngưỡng tín nhiệm thấp:"))  # Alt+N: the first band's kind
        self.quorum_check = QCheckBox(self.tr("Hội nghị hợp lệ khi số người có &mặt đạt từ"))
        self.quorum_edit = QLineEdit()
        self.quorum_edit.setMaximumWidth(90)
        self.team_edit = QLineEdit()
        self.team_edit.setMaxLength(MAX_TEAM_NAME)
        self.team_edit.setToolTip(self.tr("Tên gọi in trên biên bản, thông báo và phiếu: theo văn bản của quy tắc "
                                          "(\"Tổ kiểm phiếu\" hoặc \"Ban kiểm phiếu\")."))
        self.reset_button = QPushButton(self.tr("Theo quy tắc &gốc"))
        self.override_label = _label(WARNING_COLOUR)
        self.override_label.hide()

        self._fill_presets()
        if initial is not None:
            self.preset_combo.setCurrentIndex(max(0, self.preset_combo.findData(initial.rule_id)))
            self.base_combo.setCurrentIndex(max(0, self.base_combo.findData(initial.percent_base)))
        self._preset = self.preset()
        decimals = initial.decimals if initial else None
        self.decimals_spin.setValue(self._preset.decimals if decimals is None else decimals)
        custom = initial.rule_custom if initial else None
        self._show_bands(custom.bands if custom else self._preset.bands,
                         custom.quorum if custom else self._preset.quorum)
        self.team_edit.setText(custom.team_name if custom and custom.team_name else self._preset.team_name)

        top = QHBoxLayout()
        top.addWidget(self.preset_combo, 1)
        top.addWidget(self.save_button)
        form = QFormLayout()
        rule_label = QLabel(self.tr("Q&uy tắc:"))
        rule_label.setBuddy(self.preset_combo)
        form.addRow(rule_label, top)
        group = QGroupBox(self.tr("Điều chỉnh cho đợt này (chỉ khi cần)"))
        group_form = QFormLayout(group)
        group_form.addRow(self.tr("Tỷ lệ tính t&rên:"), self.base_combo)
        group_form.addRow(self.tr("Số chữ &số thập phân:"), self.decimals_spin)
        group_form.addRow(self._bands_label, self._bands_grid)
        quorum = QHBoxLayout()
        quorum.addWidget(self.quorum_check)
        quorum.addWidget(self.quorum_edit)
        quorum.addWidget(QLabel(self.tr("số người được triệu tập")))
        quorum.addStretch(1)
        group_form.addRow(quorum)
        group_form.addRow(self.tr("Tên gọi &bộ phận kiểm phiếu:"), self.team_edit)
        reset = QHBoxLayout()
        reset.addStretch(1)
        reset.addWidget(self.reset_button)
        group_form.addRow(reset)
        group_form.addRow(self.override_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.description_label)
        layout.addWidget(self.saved_note)
        layout.addSpacing(6)
        layout.addWidget(group)

        self.preset_combo.currentIndexChanged.connect(self._preset_changed)
        self.base_combo.currentIndexChanged.connect(self._describe)
        self.decimals_spin.valueChanged.connect(self._describe)
        self.quorum_check.toggled.connect(self._quorum_toggled)
        self.quorum_edit.textChanged.connect(self._describe)
        self.team_edit.textChanged.connect(self._describe)
        self.reset_button.clicked.connect(self.reset)
        self.save_button.clicked.connect(self.save_as_own)
        self._describe()

    # -- the presets offered ------------------------------------------------------------------

    def _fill_presets(self) -> None:
        """The built-in presets, then the round's own saved rule (the round file holds it), then the
        rules saved on this machine; a saved file that cannot be read is named in a note."""
        self.preset_combo.blockSignals(True)
        current = self.preset_combo.currentData()
        self.preset_combo.clear()
        self._presets = dict(PRESETS)
        for preset in PRESETS.values():
            self.preset_combo.addItem(wording(preset.name), preset.id)
        saved = load_presets()
        own = [self._own] if self._own is not None else []
        others = [*own, *(p for p in saved.presets if self._own is None or p.id != self._own.id)]
        if others:
            self.preset_combo.insertSeparator(self.preset_combo.count())
        for preset in others:
            self._presets[preset.id] = preset
            self.preset_combo.addItem(self.tr("{name} (quy tắc riêng)").format(name=preset.name), preset.id)
        notes = [self.tr("Bỏ qua một tệp quy tắc riêng không đọc được: {reason}").format(reason=describe_error(e))
                 for e in saved.skipped]
        _show(self.saved_note, "\n".join(notes))
        if current is not None:
            self.preset_combo.setCurrentIndex(max(0, self.preset_combo.findData(current)))
        self.preset_combo.blockSignals(False)

    # -- what the editor says -------------------------------------------------------------------

    def preset(self) -> Preset:
        return self._presets[self.preset_combo.currentData()]

    def rule_id(self) -> str:
        return self.preset().id

    def percent_base(self) -> str | None:
        chosen = self.base_combo.currentData()
        return chosen if chosen is not None and chosen != self.preset().base.value else None

    def decimals(self) -> int | None:
        value = self.decimals_spin.value()
        return value if value != self.preset().decimals else None

    def team_name(self) -> str:
        """The counting team's name in force: as typed, or the preset's when left empty."""
        return " ".join(self.team_edit.text().split()) or self.preset().team_name

    def _lowers(self) -> list[Bound | str]:
        """Each row's lower bound, or the reason it cannot be read."""
        lowers: list[Bound | str] = []
        for number, row in enumerate(self.band_rows, 1):
            try:
                fraction, as_percent = parse_share(row.share.text())
            except ValueError:
                lowers.append(self.tr("Ngưỡng {number}: {reason}").format(
                    number=number, reason=sentence("rule_bad_share", {"value": row.share.text().strip()})))
                continue
            lowers.append(Bound(fraction, bool(row.kind.currentData()), as_percent))
        return lowers

    def bands(self) -> tuple[Band, ...] | None:
        """The bands in force, or None while a bound cannot be read or leaves a band empty."""
        lowers = self._lowers()
        if any(isinstance(lower, str) for lower in lowers):
            return None
        bands = with_lower_bounds(self.preset().bands, lowers)
        return None if any(band_is_empty(band) for band in bands) else bands

    def quorum(self) -> Fraction | None:
        """The quorum in force (None: none asked for); raises ValueError when it cannot be read."""
        if not self.quorum_check.isChecked():
            return None
        return parse_share(self.quorum_edit.text())[0]

    def problem(self) -> str | None:
        """Why the settings cannot be used, in words; None when they can."""
        for lower in self._lowers():
            if isinstance(lower, str):
                return lower
        bands = with_lower_bounds(self.preset().bands, self._lowers())
        for number, band in enumerate(bands, 1):
            if band_is_empty(band):
                bounds = {"lower": band.lower.written(), "upper": band.upper.written() if band.upper else ""}
                return self.tr("Ngưỡng {number}: {reason}").format(
                    number=number, reason=sentence("rule_band_empty", bounds))
        try:
            self.quorum()
        except ValueError:
            return self.tr("Số người có mặt tối thiểu: {reason}").format(
                reason=sentence("rule_bad_share", {"value": self.quorum_edit.text().strip()}))
        return None

    def rule_custom(self) -> RuleCustom | None:
        """What the round must hold beyond the preset's id, base and decimals (see core/rules.py)."""
        preset, built_in = self.preset(), self.preset().id in PRESETS
        if self.problem() is not None:  # the preset's own, until the settings can be read
            return rule_custom(preset, preset.bands, preset.quorum, built_in, self.team_name())
        return rule_custom(preset, self.bands(), self.quorum(), built_in, self.team_name())

    def rule(self) -> Rule | None:
        """The rule these settings put in force, or None while they cannot be used."""
        if self.problem() is not None:
            return None
        preset = self.preset()
        base = Base(self.percent_base()) if self.percent_base() else preset.base
        decimals = preset.decimals if self.decimals() is None else self.decimals()
        in_force = replace(preset, base=base, decimals=decimals, bands=self.bands(), quorum=self.quorum(),
                           team_name=self.team_name())
        return Rule(preset, in_force)

    def in_force(self) -> Preset:
        """The preset with the settings in force (the preset itself while they cannot be used)."""
        rule = self.rule()
        return self.preset() if rule is None else rule.in_force

    def set_share(self, number: int, text: str, inclusive: bool | None = None) -> None:
        """Set band `number`'s lower bound (from 1), as typing it would."""
        row = self.band_rows[number - 1]
        if inclusive is not None:
            row.kind.setCurrentIndex(row.kind.findData(inclusive))
        row.share.setText(text)

    # -- changes ---------------------------------------------------------------------------------

    def _show_bands(self, bands: tuple[Band, ...], quorum: Fraction | None) -> None:
        """Rows for the bands (and the quorum) as given, one row per band of the preset."""
        while self._bands_grid.count():
            widget = self._bands_grid.takeAt(0).widget()
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        self.band_rows = []
        links = chained(self.preset().bands)
        followers = {j: i for i, j in links.items()}
        for index, band in enumerate(bands):
            kind = QComboBox()
            kind.addItem(self.tr("trên"), False)
            kind.addItem(self.tr("từ … trở lên"), True)
            kind.setCurrentIndex(kind.findData(band.lower.inclusive))
            share = QLineEdit(band.lower.written())
            share.setMaximumWidth(90)
            share.setPlaceholderText(self.tr("2/3 hoặc 75%"))
            if index in followers:
                share.setToolTip(self.tr("Ngưỡng {number} kết thúc tại mức này.").format(number=followers[index] + 1))
            words = _label()
            self._bands_grid.addWidget(QLabel(self.tr("{number}.").format(number=index + 1)), index, 0)
            self._bands_grid.addWidget(kind, index, 1)
            self._bands_grid.addWidget(share, index, 2)
            self._bands_grid.addWidget(words, index, 3)
            kind.currentIndexChanged.connect(self._describe)
            share.textChanged.connect(self._describe)
            self.band_rows.append(BandRow(kind, share, words))
        self._bands_label.setBuddy(self.band_rows[0].kind if self.band_rows else self.quorum_check)
        self.quorum_check.blockSignals(True)
        self.quorum_check.setChecked(quorum is not None)
        self.quorum_check.blockSignals(False)
        self.quorum_edit.setText(quorum_text(quorum) or "2/3")
        self.quorum_edit.setEnabled(quorum is not None)

    def _preset_changed(self) -> None:
        previous, self._preset = self._preset, self.preset()
        if self.decimals_spin.value() == previous.decimals:
            self.decimals_spin.blockSignals(True)
            self.decimals_spin.setValue(self._preset.decimals)
            self.decimals_spin.blockSignals(False)
        self._show_bands(self._preset.bands, self._preset.quorum)
        if self.team_name() == previous.team_name:
            self.team_edit.blockSignals(True)
            self.team_edit.setText(self._preset.team_name)
            self.team_edit.blockSignals(False)
        self._describe()

    def _quorum_toggled(self, checked: bool) -> None:
        self.quorum_edit.setEnabled(checked)
        self._describe()

    def reset(self) -> None:
        """Back to the preset's own settings."""
        preset = self.preset()
        for widget in (self.base_combo, self.decimals_spin):
            widget.blockSignals(True)
        self.base_combo.setCurrentIndex(0)
        self.decimals_spin.setValue(preset.decimals)
        for widget in (self.base_combo, self.decimals_spin):
            widget.blockSignals(False)
        self._show_bands(preset.bands, preset.quorum)
        self.team_edit.blockSignals(True)
        self.team_edit.setText(preset.team_name)
        self.team_edit.blockSignals(False)
        self._describe()

    def _describe(self) -> None:
        preset = self.preset()
        lines = [
            self.tr("Nguồn: {source}.").format(source=wording(preset.source)),
            self.tr("Tỷ lệ phần trăm tính trên {base}.").format(base=wording(BASE_NAMES[preset.base])),
            self.tr("Các ngưỡng tín nhiệm thấp được báo:"),
            *(f"    •  {band_words(band, preset)}" for band in preset.bands),
        ]
        if preset.quorum is not None:
            lines.append(
                self.tr("Hội nghị hợp lệ khi có mặt từ {fraction} số người được triệu tập.").format(
                    fraction=quorum_text(preset.quorum)
                )
            )
        lines.append(
            self.tr("Tỷ lệ làm tròn đến {decimals} chữ số thập phân (từ 5 trở lên làm tròn lên).").format(
                decimals=preset.decimals
            )
        )
        lines.append(self.tr("Bộ phận kiểm phiếu: {team}.").format(team=wording(preset.team_name)))
        self.description_label.setText("\n".join(lines))
        lowers = self._lowers()
        readable = [lower for lower in lowers if not isinstance(lower, str)]
        bands = with_lower_bounds(preset.bands, lowers) if len(readable) == len(lowers) else None
        for number, row in enumerate(self.band_rows, 1):
            if bands is None or band_is_empty(bands[number - 1]):
                row.words.setText(self.tr("⚠ chưa đọc được mức này") if isinstance(lowers[number - 1], str)
                                  else self.tr("⚠ ngưỡng không chứa tỷ lệ nào"))
                row.words.setStyleSheet(f"color: {ERROR_COLOUR};")
            else:
                row.words.setText("→ " + band_words(bands[number - 1], preset))
                row.words.setStyleSheet("")
        rule = self.rule()
        changes = override_words(rule) if rule is not None else []
        _show(
            self.override_label,
            self.tr("Đã điều chỉnh so với quy tắc gốc: {changes}. Điều chỉnh được ghi vào biên bản.").format(
                changes="; ".join(changes)
            )
            if changes
            else "",
        )
        self.changed.emit()

    # -- a rule of one's own -------------------------------------------------------------------

    def save_as_own(self) -> None:
        """Save the settings in force as a rule of one's own, then choose it for this round."""
        rule = self.rule()
        if rule is None:
            self._dialogs.error(self.problem())
            return
        preset = self.preset()
        own = preset.id not in PRESETS
        dialog = SaveRuleDialog(preset.name if own else "", preset.source if own else "", self)
        if not self._dialogs.run(dialog):
            return
        try:
            saved = make_preset(dialog.name(), dialog.source(), rule.base, rule.decimals, rule.bands,
                                rule.in_force.quorum, rule.team_name)
        except TinNhiemError as error:
            self._dialogs.error(describe_error(error))
            return
        if preset_path(saved).exists() and not self._dialogs.confirm(
            self.tr("Đã có quy tắc riêng tên '{name}'. Thay bằng các thiết lập này?").format(name=saved.name)
        ):
            return
        try:
            path = save_preset(saved)
        except TinNhiemError as error:
            self._dialogs.error(describe_error(error))
            return
        if self._own is not None and self._own.id == saved.id:
            self._own = saved
        self._fill_presets()
        self.preset_combo.setCurrentIndex(self.preset_combo.findData(saved.id))
        self.reset()
        notes = [self.saved_note.text()] if self.saved_note.text() else []
        _show(self.saved_note, "\n".join([*notes, self.tr("Đã lưu quy tắc riêng '{name}' ({file}); "
                                                          "có thể chọn lại ở mọi đợt lấy phiếu.").format(
            name=saved.name, file=path)]))


class SaveRuleDialog(QDialog):
    """The name and the source text of a rule of one's own."""

    def __init__(self, name: str, source: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lưu thành quy tắc riêng"))
        self.name_edit = QLineEdit(name)
        self.name_edit.setPlaceholderText(self.tr("VD: Quy chế lấy phiếu tín nhiệm của Sở (2026)"))
        self.source_edit = QLineEdit(source)
        self.source_edit.setPlaceholderText(self.tr("VD: Quyết định số 123/QĐ-SGTVT ngày 01/10/2026"))
        note = QLabel(self.tr("Tên và căn cứ in trong biên bản thay cho tên văn bản gốc. Quy tắc được lưu trên "
                              "máy này; tệp đợt lấy phiếu dùng nó vẫn chứa đủ quy tắc để mở ở máy khác."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Lưu"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(self.tr("Tên quy tắc:"), self.name_edit)
        layout.addRow(self.tr("Căn cứ (văn bản):"), self.source_edit)
        layout.addRow(note)
        layout.addRow(buttons)
        self.resize(560, self.sizeHint().height())

    def name(self) -> str:
        return self.name_edit.text()

    def source(self) -> str:
        return self.source_edit.text()


class RuleDialog(QDialog):
    """Kết quả › Quy tắc của đợt…: the rule may change until the seal, also after ballots are
    keyed; the window puts the change through `RoundSession.change_rule`."""

    def __init__(self, setup: RoundSetup, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Quy tắc của đợt lấy phiếu"))
        self.editor = RuleEditor(setup, dialogs, self)
        note = QLabel(self.tr("Quy tắc quyết định cách tính tỷ lệ và các ngưỡng; phiếu đã nhập không thay đổi. "
                              "Mỗi thay đổi được ghi vào nhật ký và in trong biên bản; sau khi chốt kết quả "
                              "không thể thay đổi nữa."))
        note.setWordWrap(True)
        self.problem_label = _label(ERROR_COLOUR)
        self.problem_label.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Áp dụng"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.editor)
        layout.addWidget(self.problem_label)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.editor.changed.connect(lambda: self.problem_label.hide())
        self.resize(820, 640)

    def accept(self) -> None:
        found = self.editor.problem()
        if found is not None:
            _show(self.problem_label, found)
            return
        super().accept()
