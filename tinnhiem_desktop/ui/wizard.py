"""The round wizard: everything decided before counting starts, page by page, each page checked
before Next with the reason written on the page itself."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from itertools import count
from pathlib import Path
from typing import Callable, Sequence

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ..core.checks import COUNT_CHAIN
from ..core.issues import TinNhiemError
from ..core.model import (
    BallotForm, Candidate, Counts, EntryMode, Header, HeaderStyle, Meeting, RoundSetup, TeamMember,
)
from ..core.rules import Preset, RuleCustom, quorum_met
from ..core.spec import COUNT_KEYS, MAX_BIRTH_YEAR, MIN_BIRTH_YEAR
from ..services.candidates import (
    FIELDS,
    CandidateImport,
    Table,
    candidates_from_rows,
    clean_text,
    duplicate_pairs,
    guess_mapping,
    parse_birth_year,
    parse_clipboard,
    read_table,
    table_start,
)
from .dialogs import Dialogs
from .i18n import describe_error, sentence
from .rules import RuleEditor

ROUND_SUFFIX = ".tinnhiem"
# Defaults that become the round's own data, printed on the Vietnamese documents: not translated.
DEFAULT_TITLE = "Hội nghị lấy phiếu tín nhiệm năm {year}"
HEAD_ROLE, MEMBER_ROLE = "Tổ trưởng", "Thành viên"
MIN_YEAR, MAX_YEAR = 1945, 2100
MAX_COUNT = 1_000_000
PREVIEW_ROWS = 10
NO_DATE = QDate(1945, 1, 1)
ERROR_COLOUR, WARNING_COLOUR, NOTICE_COLOUR = "#b00020", "#8a4b00", "#1b5e20"
class PageId(IntEnum):
    INFO = 0
    RULES = 1
    TEAM = 2
    FORMS = 3
    COUNTS = 4
    SAVE = 5


@dataclass(frozen=True)
class Problem:
    """Why a page cannot go on, and how to put the cursor where it must be fixed."""

    text: str
    focus: Callable[[], None] | None = None


def _focus(widget: QWidget) -> Callable[[], None]:
    return lambda: widget.setFocus(Qt.FocusReason.OtherFocusReason)


def _focus_cell(table: QTableWidget, row: int, column: int) -> Callable[[], None]:
    def focus() -> None:
        table.setFocus(Qt.FocusReason.OtherFocusReason)
        table.setCurrentCell(row, column)

    return focus


def _name_key(name: str) -> str:
    return clean_text(name).casefold()


def _message_label(colour: str) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet(f"color: {colour};")
    label.hide()
    return label


def _show(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def _cell(text: str, *, editable: bool = True) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if not editable:
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    return item


def _cell_text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return clean_text(item.text()) if item is not None else ""


def _column_name(index: int) -> str:
    """Spreadsheet column letters: 0 -> A, 26 -> AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


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
        self.warning_label = _message_label(WARNING_COLOUR)
        self.problem_label = _message_label(ERROR_COLOUR)

    def _add_messages(self, layout: QVBoxLayout) -> None:
        layout.addWidget(self.warning_label)
        layout.addWidget(self.problem_label)

    def problem(self) -> Problem | None:
        return None

    def validatePage(self) -> bool:
        found = self.problem()
        _show(self.problem_label, found.text if found else "")
        if found is not None and found.focus is not None:
            found.focus()
        return found is None

    def show_problem(self, text: str) -> None:
        _show(self.problem_label, text)

    def recheck(self) -> None:
        """After an edit, update a refusal already shown, so that it goes once fixed."""
        if not self.problem_label.isHidden():
            found = self.problem()
            _show(self.problem_label, found.text if found else "")


class InfoPage(WizardPage):
    def __init__(self, initial: RoundSetup | None) -> None:
        super().__init__()
        self.setTitle(self.tr("Thông tin đợt lấy phiếu"))
        self.setSubTitle(self.tr("Tên hội nghị, cơ quan ban hành văn bản, thời gian và địa điểm họp."))
        today = QDate.currentDate()
        self.year_spin = QSpinBox()
        self.year_spin.setRange(MIN_YEAR, MAX_YEAR)
        self.year_spin.setValue(initial.year if initial else today.year())
        self.title_edit = QLineEdit(initial.title if initial else self._default_title(self.year_spin.value()))
        self._title_follows_year = initial is None
        self.style_combo = QComboBox()
        self.style_combo.addItem(self.tr("Nhà nước — Nghị định 30/2020/NĐ-CP"), HeaderStyle.STATE.value)
        self.style_combo.addItem(self.tr("Đảng — Hướng dẫn 36-HD/VPTW"), HeaderStyle.PARTY.value)
        self.parent_edit = QLineEdit(initial.header.parent if initial else "")
        self.parent_edit.setPlaceholderText(self.tr("VD: ỦY BAN NHÂN DÂN TỈNH AN PHÚ"))
        self.unit_edit = QLineEdit(initial.header.unit if initial else "")
        self.unit_edit.setPlaceholderText(self.tr("Bắt buộc, VD: SỞ GIAO THÔNG VẬN TẢI"))
        self.date_edit = QDateEdit()
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setMinimumDate(NO_DATE)
        self.date_edit.setSpecialValueText(self.tr("(chưa chọn)"))
        self.place_edit = QLineEdit(initial.meeting.place if initial else "")
        self.chair_edit = QLineEdit(initial.meeting.chair if initial else "")
        if initial:
            self.style_combo.setCurrentIndex(self.style_combo.findData(initial.header.style.value))
            stored = QDate.fromString(initial.meeting.date, "yyyy-MM-dd")
            self.date_edit.setDate(stored if stored.isValid() else NO_DATE)
        else:
            self.date_edit.setDate(today)

        form = QFormLayout()
        form.addRow(self.tr("Tên hội nghị:"), self.title_edit)
        form.addRow(self.tr("Năm:"), self.year_spin)
        form.addRow(self.tr("Thể thức văn bản:"), self.style_combo)
        form.addRow(self.tr("Cơ quan chủ quản:"), self.parent_edit)
        form.addRow(self.tr("Đơn vị:"), self.unit_edit)
        form.addRow(self.tr("Ngày họp:"), self.date_edit)
        self.deadline_label = QLabel()
        self.deadline_label.setWordWrap(True)
        form.addRow("", self.deadline_label)
        form.addRow(self.tr("Địa điểm:"), self.place_edit)
        form.addRow(self.tr("Chủ trì hội nghị:"), self.chair_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        self._add_messages(layout)

        self.date_edit.dateChanged.connect(self._show_deadline)
        self._show_deadline()
        self.title_edit.textEdited.connect(self._title_edited)
        self.year_spin.valueChanged.connect(self._year_changed)
        for edit in (self.title_edit, self.unit_edit):
            edit.textChanged.connect(self.recheck)

    def _default_title(self, year: int) -> str:
        return DEFAULT_TITLE.format(year=year)

    def _title_edited(self) -> None:
        self._title_follows_year = False

    def _year_changed(self, year: int) -> None:
        if self._title_follows_year:
            self.title_edit.setText(self._default_title(year))

    def title(self) -> str:
        return clean_text(self.title_edit.text())

    def year(self) -> int:
        return self.year_spin.value()

    def header(self) -> Header:
        return Header(
            HeaderStyle(self.style_combo.currentData()),
            clean_text(self.parent_edit.text()),
            clean_text(self.unit_edit.text()),
        )

    def _show_deadline(self) -> None:
        """The self-assessments' deadline (3 days before the meeting), under the meeting date."""
        from .procedure import deadline_text

        self.deadline_label.setText(deadline_text(self.meeting().date))

    def meeting(self) -> Meeting:
        date = self.date_edit.date()
        return Meeting(
            "" if date == NO_DATE else date.toString("yyyy-MM-dd"),
            clean_text(self.place_edit.text()),
            clean_text(self.chair_edit.text()),
        )

    def problem(self) -> Problem | None:
        if not self.title():
            return Problem(self.tr("Chưa nhập tên hội nghị."), _focus(self.title_edit))
        if not clean_text(self.unit_edit.text()):
            return Problem(
                self.tr("Chưa nhập tên đơn vị. Tên đơn vị in ở đầu biên bản, VD: SỞ GIAO THÔNG VẬN TẢI."),
                _focus(self.unit_edit),
            )
        return None


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

    def in_force(self) -> Preset:
        """The preset with this round's settings (its quorum is what the counts page checks)."""
        return self.editor.in_force()

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


class TeamPage(WizardPage):
    changed = Signal()

    def __init__(self, initial: RoundSetup | None) -> None:
        super().__init__()
        self.setTitle(self.tr("Tổ kiểm phiếu"))
        self.setSubTitle(
            self.tr("Tổ trưởng và các thành viên do hội nghị bầu; tên của họ in ở phần ký biên bản.")
        )
        self.table = EditTable([self.tr("Họ và tên"), self.tr("Vai trò")], self.add_member)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 220)
        self.add_button = QPushButton(self.tr("Thêm người"))
        self.remove_button = QPushButton(self.tr("Xóa người"))
        for member in initial.team if initial else (TeamMember("", HEAD_ROLE),):
            self._append(member.name, member.role)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._add_messages(layout)

        self.add_button.clicked.connect(self.add_member)
        self.remove_button.clicked.connect(self.remove_members)
        self.table.itemChanged.connect(self._edited)

    def _append(self, name: str, role: str) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, _cell(name))
        self.table.setItem(row, 1, _cell(role))
        return row

    def _edited(self) -> None:
        self.changed.emit()
        self.recheck()

    def add_member(self) -> None:
        role = HEAD_ROLE if self.table.rowCount() == 0 else MEMBER_ROLE
        row = self._append("", role)
        self.table.setFocus()
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))

    def remove_members(self) -> None:
        for row in reversed(self.table.selected_rows()):
            self.table.removeRow(row)
        self._edited()

    def members(self) -> tuple[TeamMember, ...]:
        rows = (
            (_cell_text(self.table, row, 0), _cell_text(self.table, row, 1)) for row in range(self.table.rowCount())
        )
        return tuple(TeamMember(name, role) for name, role in rows if name)

    def show_conflicts(self, names: Sequence[str]) -> None:
        _show(
            self.warning_label,
            self.tr(
                "Lưu ý: {names} có tên trong danh sách người được lấy phiếu. "
                "Thành viên Tổ kiểm phiếu không được là người được lấy phiếu; hãy kiểm tra lại."
            ).format(names=", ".join(names))
            if names
            else "",
        )

    def problem(self) -> Problem | None:
        if not self.members():
            return Problem(self.tr("Cần ít nhất một thành viên Tổ kiểm phiếu có họ và tên."), _focus(self.table))
        return None


class FormEditor(QWidget):
    """One ballot form being prepared: its code, title and ordered candidate list. It also keeps
    the form's counts, which the counts page edits."""

    changed = Signal()
    reported = Signal(str)
    failed = Signal(str)

    NAME, POSITION, BIRTH_YEAR, PERSON_KEY, PROVINCIAL = 1, 2, 3, 4, 5

    def __init__(self, form: BallotForm, dialogs: Dialogs, folder: Path) -> None:
        super().__init__()
        self._dialogs = dialogs
        self._folder = folder
        self.counts = form.counts
        self.code_edit = QLineEdit(form.code)
        self.code_edit.setMaximumWidth(120)
        self.title_edit = QLineEdit(form.title)
        self.title_edit.setPlaceholderText(self.tr("Bắt buộc, VD: Lãnh đạo Sở"))
        self.table = EditTable(
            [self.tr("STT"), self.tr("Họ và tên"), self.tr("Chức vụ"), self.tr("Năm sinh"), self.tr("Mã"),
             self.tr("Diện Ban Thường vụ Tỉnh ủy quản lý")],
            self.add_row,
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.POSITION, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(self.BIRTH_YEAR, 80)
        self.table.setColumnWidth(self.PERSON_KEY, 90)
        header.setSectionResizeMode(self.PROVINCIAL, QHeaderView.ResizeMode.ResizeToContents)
        self.add_button = QPushButton(self.tr("Thêm"))
        self.remove_button = QPushButton(self.tr("Xóa"))
        self.up_button = QPushButton(self.tr("Lên"))
        self.down_button = QPushButton(self.tr("Xuống"))
        self.paste_button = QPushButton(self.tr("Dán từ Excel"))
        self.paste_button.setToolTip(self.tr("Chọn các ô trong Excel, nhấn Ctrl+C, rồi bấm nút này (hoặc Ctrl+V trong bảng)."))
        self.import_button = QPushButton(self.tr("Nhập từ tệp..."))
        paste = QShortcut(QKeySequence(QKeySequence.StandardKey.Paste), self.table)
        paste.setContext(Qt.ShortcutContext.WidgetShortcut)
        self._append_rows(
            [(c.name, c.position, str(c.birth_year or ""), c.person_key or "", "x" if c.provincial else "")
             for c in form.candidates]
            or [("", "", "", "", "")]
        )

        heading = QHBoxLayout()
        heading.addWidget(QLabel(self.tr("Mã:")))
        heading.addWidget(self.code_edit)
        heading.addWidget(QLabel(self.tr("Tên loại phiếu:")))
        heading.addWidget(self.title_edit, 1)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.paste_button)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.code_edit.textChanged.connect(self.changed)
        self.title_edit.textChanged.connect(self.changed)
        self.table.itemChanged.connect(self.changed)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_rows)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.paste_button.clicked.connect(self.paste)
        paste.activated.connect(self.paste)
        self.import_button.clicked.connect(self.import_file)

    def code(self) -> str:
        return clean_text(self.code_edit.text())

    def title(self) -> str:
        return clean_text(self.title_edit.text())

    def label(self) -> str:
        return f"{self.code()} — {self.title()}" if self.title() else self.code()

    # -- the candidate table ---------------------------------------------------------------

    def _set_row(self, row: int, values: Sequence[str]) -> None:
        """Name, position, birth year, key; a fifth value, when true, ticks "provincial"."""
        self.table.setItem(row, 0, _cell(str(row + 1), editable=False))
        for column, text in enumerate(values[:4], self.NAME):
            self.table.setItem(row, column, _cell(text))
        tick = QTableWidgetItem()
        tick.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
        provincial = len(values) > 4 and bool(values[4])
        tick.setCheckState(Qt.CheckState.Checked if provincial else Qt.CheckState.Unchecked)
        self.table.setItem(row, self.PROVINCIAL, tick)

    def _values(self, row: int) -> tuple[str, str, str, str, str]:
        name, position, year, key = (_cell_text(self.table, row, c) for c in range(self.NAME, self.PERSON_KEY + 1))
        tick = self.table.item(row, self.PROVINCIAL)
        provincial = "x" if tick is not None and tick.checkState() == Qt.CheckState.Checked else ""
        return name, position, year, key, provincial

    def _renumber(self) -> None:
        blocked = self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            self.table.setItem(row, 0, _cell(str(row + 1), editable=False))
        self.table.blockSignals(blocked)

    def _append_rows(self, rows: Sequence[Sequence[str]]) -> None:
        """Add rows after the last filled one (blank rows at the end are replaced)."""
        blocked = self.table.blockSignals(True)
        while self.table.rowCount() and not any(self._values(self.table.rowCount() - 1)[:4]):
            self.table.removeRow(self.table.rowCount() - 1)
        for values in rows:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self._set_row(row, values)
        self.table.blockSignals(blocked)

    def _filled_rows(self) -> list[tuple[int, tuple[str, str, str, str, str]]]:
        return [(row, values) for row in range(self.table.rowCount()) if any((values := self._values(row))[:4])]

    def add_row(self) -> None:
        row = self.table.currentRow() + 1 if self.table.currentRow() >= 0 else self.table.rowCount()
        blocked = self.table.blockSignals(True)
        self.table.insertRow(row)
        self._set_row(row, ("", "", "", "", ""))
        self.table.blockSignals(blocked)
        self._renumber()
        self.table.setFocus()
        self.table.setCurrentCell(row, self.NAME)
        self.table.editItem(self.table.item(row, self.NAME))
        self.changed.emit()

    def remove_rows(self) -> None:
        for row in reversed(self.table.selected_rows()):
            self.table.removeRow(row)
        self._renumber()
        self.changed.emit()

    def move(self, step: int) -> None:
        row, column = self.table.currentRow(), self.table.currentColumn()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        here, there = self._values(row), self._values(target)
        blocked = self.table.blockSignals(True)
        self._set_row(row, there)
        self._set_row(target, here)
        self.table.blockSignals(blocked)
        self.table.setCurrentCell(target, column)
        self.changed.emit()

    def candidates(self) -> tuple[Candidate, ...]:
        """The named rows, numbered in order; valid once problem() finds nothing."""
        named = [values for _, values in self._filled_rows() if values[0]]
        return tuple(
            Candidate(order, name, position, parse_birth_year(year), key or None, bool(provincial))
            for order, (name, position, year, key, provincial) in enumerate(named, 1)
        )

    def candidate_names(self) -> list[str]:
        return [values[0] for _, values in self._filled_rows() if values[0]]

    def duplicates(self) -> list[str]:
        """Names listed twice with the same birth year (rows whose year is wrong are not compared)."""
        try:
            candidates = self.candidates()
        except ValueError:
            return []
        return sorted({candidates[later - 1].name for _, later in duplicate_pairs(candidates)})

    def problem(self) -> Problem | None:
        """What is wrong in the candidate list (the code and title are checked by the page)."""
        code = self.code()
        keys: dict[str, int] = {}
        filled = self._filled_rows()
        for row, (name, _, year, key, _provincial) in filled:
            if not name:
                return Problem(
                    self.tr("Loại phiếu '{code}', dòng {row}: chưa có họ và tên.").format(code=code, row=row + 1),
                    _focus_cell(self.table, row, self.NAME),
                )
            try:
                parse_birth_year(year)
            except ValueError:
                return Problem(
                    self.tr(
                        "Loại phiếu '{code}', dòng {row}: năm sinh '{value}' không hợp lệ "
                        "(cần năm có 4 chữ số, từ {low} đến {high})."
                    ).format(code=code, row=row + 1, value=year, low=MIN_BIRTH_YEAR, high=MAX_BIRTH_YEAR),
                    _focus_cell(self.table, row, self.BIRTH_YEAR),
                )
            if key in keys:
                return Problem(
                    self.tr("Loại phiếu '{code}': mã '{key}' bị trùng ở dòng {first} và dòng {row}.").format(
                        code=code, key=key, first=keys[key] + 1, row=row + 1
                    ),
                    _focus_cell(self.table, row, self.PERSON_KEY),
                )
            if key:
                keys[key] = row
        if not filled:
            return Problem(
                self.tr(
                    "Loại phiếu '{code}' chưa có người được lấy phiếu nào. "
                    "Hãy gõ vào bảng, dán từ Excel hoặc nhập từ tệp."
                ).format(code=code),
                _focus_cell(self.table, 0, self.NAME) if self.table.rowCount() else _focus(self.table),
            )
        return None

    # -- bringing in a list ----------------------------------------------------------------

    def add_candidates(self, result: CandidateImport, source: str) -> None:
        self._append_rows(
            [(c.name, c.position, str(c.birth_year or ""), c.person_key or "") for c in result.candidates]
        )
        self._renumber()
        self.changed.emit()
        text = self.tr("Đã thêm {count} người {source} vào loại phiếu '{code}'.").format(
            count=len(result.candidates), source=source, code=self.code()
        )
        if result.skipped_blank:
            text += " " + self.tr("Bỏ qua {count} dòng không có họ và tên.").format(count=result.skipped_blank)
        self.reported.emit(text)

    def paste(self) -> None:
        rows = parse_clipboard(QGuiApplication.clipboard().text())
        if not rows:
            self.failed.emit(
                self.tr("Khay nhớ tạm không có dữ liệu. Hãy chọn các ô trong Excel, nhấn Ctrl+C rồi dán lại.")
            )
            return
        start = table_start(rows)
        guess = guess_mapping(rows[start])
        try:
            result = candidates_from_rows(
                rows[start:], guess.mapping, guess.first_row_is_header, first_line=start + 1
            )
        except TinNhiemError as error:
            line = error.location.line if error.location else "?"
            self.failed.emit(
                self.tr("Dữ liệu dán, dòng {line} — {reason}").format(
                    line=line, reason=sentence(error.code, error.params)
                )
            )
            return
        if not result.candidates:
            self.failed.emit(self.tr("Dữ liệu dán không có họ và tên nào."))
            return
        self.add_candidates(result, self.tr("từ Excel"))

    def import_file(self) -> None:
        path = self._dialogs.open_file(
            self.tr("Nhập danh sách từ tệp"),
            self._folder,
            self.tr("Bảng tính Excel hoặc CSV (*.xlsx *.xlsm *.csv);;Tất cả các tệp (*)"),
        )
        if path is None:
            return
        try:
            table = read_table(path)
        except TinNhiemError as error:
            self.failed.emit(describe_error(error))
            return
        dialog = CandidateImportDialog(path, table, self)
        dialog.accepted.connect(
            lambda: self.add_candidates(
                dialog.result_import(), self.tr("từ tệp '{file}'").format(file=path.name)
            )
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()


class CandidateImportDialog(QDialog):
    """Which sheet, from which row, and which column is which, with the first candidates it gives."""

    def __init__(self, path: Path, table: Table, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nhập danh sách từ tệp {file}").format(file=path.name))
        self.resize(860, 560)
        self._path = path
        self._table = table
        self._result: CandidateImport | None = None
        self.sheet_combo = QComboBox()
        self.sheet_combo.addItems(list(table.sheets))
        if table.sheet is not None:
            self.sheet_combo.setCurrentText(table.sheet)
        self.start_spin = QSpinBox()
        self.header_check = QCheckBox(self.tr("Dòng đầu là tiêu đề"))
        self.field_combos = {field: QComboBox() for field in FIELDS}
        self.preview = QTableWidget(0, 6)
        self.preview.setHorizontalHeaderLabels(
            [self.tr("STT"), self.tr("Họ và tên"), self.tr("Chức vụ"), self.tr("Năm sinh"), self.tr("Mã"),
             self.tr("Ghi chú")]
        )
        self.preview.verticalHeader().hide()
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.preview.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.summary_label = _message_label(NOTICE_COLOUR)
        self.error_label = _message_label(ERROR_COLOUR)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Nhập"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Trang tính:"), self.sheet_combo)
        form.setRowVisible(self.sheet_combo, bool(table.sheets))
        form.addRow(self.tr("Bắt đầu từ dòng:"), self.start_spin)
        form.addRow("", self.header_check)
        columns = QGridLayout()
        titles = {
            "name": self.tr("Họ và tên:"),
            "position": self.tr("Chức vụ:"),
            "birth_year": self.tr("Năm sinh:"),
            "person_key": self.tr("Mã:"),
        }
        for index, field in enumerate(FIELDS):
            columns.addWidget(QLabel(titles[field]), index // 2, (index % 2) * 2)
            columns.addWidget(self.field_combos[field], index // 2, (index % 2) * 2 + 1)
            columns.setColumnStretch((index % 2) * 2 + 1, 1)
        group = QGroupBox(self.tr("Cột nào chứa thông tin nào"))
        group.setLayout(columns)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(group)
        layout.addWidget(QLabel(self.tr("Xem trước {count} người đầu tiên:").format(count=PREVIEW_ROWS)))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.sheet_combo.currentTextChanged.connect(self._load_sheet)
        self.start_spin.valueChanged.connect(self._guess)
        self.header_check.toggled.connect(self._relabel)
        for combo in self.field_combos.values():
            combo.currentIndexChanged.connect(self._refresh)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._reset_start()

    def result_import(self) -> CandidateImport | None:
        return self._result

    def _rows(self) -> tuple[tuple[str, ...], ...]:
        return self._table.rows[self.start_spin.value() - 1 :]

    def _load_sheet(self, sheet: str) -> None:
        try:
            self._table = read_table(self._path, sheet)
        except TinNhiemError as error:
            self._table = Table(self._table.sheets, sheet, ())
            self._reset_start()
            _show(self.error_label, describe_error(error))
            return
        self._reset_start()

    def _reset_start(self) -> None:
        blocked = self.start_spin.blockSignals(True)
        self.start_spin.setRange(1, max(1, len(self._table.rows)))
        self.start_spin.setValue(table_start(self._table.rows) + 1)
        self.start_spin.blockSignals(blocked)
        self._guess()

    def _guess(self) -> None:
        rows = self._rows()
        guess = guess_mapping(rows[0] if rows else ())
        blocked = self.header_check.blockSignals(True)
        self.header_check.setChecked(guess.first_row_is_header)
        self.header_check.blockSignals(blocked)
        self._fill_combos(guess.mapping)

    def _relabel(self) -> None:
        self._fill_combos({field: combo.currentData() for field, combo in self.field_combos.items()})

    def _column_label(self, column: int) -> str:
        rows = self._rows()
        if self.header_check.isChecked():
            sample = rows[0][column]
        else:
            sample = next((row[column] for row in rows if row[column]), "")
        if len(sample) > 40:
            sample = sample[:39] + "…"
        return f"{_column_name(column)}: {sample}" if sample else _column_name(column)

    def _fill_combos(self, mapping: dict[str, int | None]) -> None:
        width = len(self._table.rows[0]) if self._table.rows else 0
        for field, combo in self.field_combos.items():
            blocked = combo.blockSignals(True)
            combo.clear()
            if field != "name":
                combo.addItem(self.tr("(không có)"), None)
            for column in range(width):
                combo.addItem(self._column_label(column), column)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(field))))
            combo.blockSignals(blocked)
        self._refresh()

    def _refresh(self) -> None:
        self._result = None
        self.preview.setRowCount(0)
        _show(self.summary_label, "")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        if not self._rows():
            _show(self.error_label, self.tr("Trang tính này không có dữ liệu."))
            return
        mapping = {field: combo.currentData() for field, combo in self.field_combos.items()}
        try:
            result = candidates_from_rows(
                self._rows(),
                mapping,
                self.header_check.isChecked(),
                source=str(self._path),
                first_line=self.start_spin.value(),
            )
        except TinNhiemError as error:
            _show(self.error_label, describe_error(error))
            return
        _show(self.error_label, "" if result.candidates else self.tr("Không có dòng nào có họ và tên."))
        self._result = result
        ok.setEnabled(bool(result.candidates))
        same: dict[int, list[int]] = {}
        for first, second in result.duplicates:
            same.setdefault(first, []).append(second)
            same.setdefault(second, []).append(first)
        for candidate in result.candidates[:PREVIEW_ROWS]:
            row = self.preview.rowCount()
            self.preview.insertRow(row)
            note = (
                self.tr("Trùng với số {orders}").format(
                    orders=", ".join(map(str, same[candidate.order]))
                )
                if candidate.order in same
                else ""
            )
            values = (
                str(candidate.order),
                candidate.name,
                candidate.position,
                str(candidate.birth_year or ""),
                candidate.person_key or "",
                note,
            )
            for column, text in enumerate(values):
                self.preview.setItem(row, column, _cell(text, editable=False))
        parts = [self.tr("Sẽ nhập {count} người.").format(count=len(result.candidates))]
        if result.skipped_blank:
            parts.append(self.tr("Bỏ qua {count} dòng không có họ và tên.").format(count=result.skipped_blank))
        if result.duplicates:
            parts.append(
                self.tr("Có {count} cặp trùng họ tên và năm sinh (xem cột Ghi chú).").format(
                    count=len(result.duplicates)
                )
            )
        _show(self.summary_label, " ".join(parts))


class FormsPage(WizardPage):
    changed = Signal()

    def __init__(self, dialogs: Dialogs, folder: Path, forms: Sequence[BallotForm]) -> None:
        super().__init__()
        self.setTitle(self.tr("Loại phiếu và danh sách"))
        self.setSubTitle(
            self.tr("Mỗi loại phiếu có danh sách người được lấy phiếu riêng, theo thứ tự in trên phiếu.")
        )
        self._dialogs = dialogs
        self._folder = folder
        self._conflicts: list[str] = []
        self.form_list = QListWidget()
        self.add_form_button = QPushButton(self.tr("Thêm loại phiếu"))
        self.remove_form_button = QPushButton(self.tr("Xóa loại phiếu"))
        self.stack = QStackedWidget()
        self.status_label = _message_label(NOTICE_COLOUR)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Các loại phiếu:")))
        left_layout.addWidget(self.form_list, 1)
        left_layout.addWidget(self.add_form_button)
        left_layout.addWidget(self.remove_form_button)
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status_label)
        self._add_messages(layout)

        for form in forms:
            self._add_editor(form)
        self.form_list.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.form_list.setCurrentRow(0)
        self.add_form_button.clicked.connect(self.add_form)
        self.remove_form_button.clicked.connect(self.remove_form)
        self.changed.connect(self._update_warning)

    def initializePage(self) -> None:
        editor = self.current_editor()
        (editor.table if editor.title() else editor.title_edit).setFocus()

    def editors(self) -> list[FormEditor]:
        return [self.stack.widget(index) for index in range(self.stack.count())]

    def current_editor(self) -> FormEditor:
        return self.stack.currentWidget()

    def _add_editor(self, form: BallotForm) -> FormEditor:
        editor = FormEditor(form, self._dialogs, self._folder)
        self.stack.addWidget(editor)
        self.form_list.addItem(editor.label())
        editor.changed.connect(self._editor_changed)
        editor.reported.connect(lambda text: _show(self.status_label, text))
        editor.failed.connect(self.show_problem)
        self.remove_form_button.setEnabled(self.stack.count() > 1)
        return editor

    def _editor_changed(self) -> None:
        for index, editor in enumerate(self.editors()):
            self.form_list.item(index).setText(editor.label())
        self.changed.emit()
        self.recheck()

    def add_form(self) -> None:
        used = {editor.code() for editor in self.editors()}
        code = next(str(n) for n in count(1) if str(n) not in used)
        editor = self._add_editor(BallotForm(code, "", Counts(0, 0, 0, 0), ()))
        self.form_list.setCurrentRow(self.stack.count() - 1)
        editor.title_edit.setFocus()
        self.changed.emit()

    def remove_form(self) -> None:
        editor = self.current_editor()
        if self.stack.count() <= 1:
            return
        names = editor.candidate_names()
        if names and not self._dialogs.confirm(
            self.tr("Xóa loại phiếu '{form}' cùng danh sách {count} người?").format(
                form=editor.label(), count=len(names)
            )
        ):
            return
        index = self.stack.indexOf(editor)
        self.stack.removeWidget(editor)
        editor.deleteLater()
        self.form_list.takeItem(index)
        self.remove_form_button.setEnabled(self.stack.count() > 1)
        self.changed.emit()

    def select(self, editor: FormEditor) -> None:
        self.form_list.setCurrentRow(self.stack.indexOf(editor))

    def forms(self) -> tuple[BallotForm, ...]:
        return tuple(BallotForm(e.code(), e.title(), e.counts, e.candidates()) for e in self.editors())

    def candidate_names(self) -> list[str]:
        return [name for editor in self.editors() for name in editor.candidate_names()]

    def show_conflicts(self, names: Sequence[str]) -> None:
        self._conflicts = list(names)
        self._update_warning()

    def _update_warning(self) -> None:
        lines = []
        if self._conflicts:
            lines.append(
                self.tr(
                    "Lưu ý: {names} cũng là thành viên Tổ kiểm phiếu. "
                    "Thành viên Tổ kiểm phiếu không được là người được lấy phiếu; hãy kiểm tra lại."
                ).format(names=", ".join(self._conflicts))
            )
        for editor in self.editors():
            for name in editor.duplicates():
                lines.append(
                    self.tr("Lưu ý: loại phiếu '{code}' có {name} hai lần (trùng họ tên và năm sinh).").format(
                        code=editor.code(), name=name
                    )
                )
        _show(self.warning_label, "\n".join(lines))

    def problem(self) -> Problem | None:
        seen: set[str] = set()
        for number, editor in enumerate(self.editors(), 1):
            found = self._form_problem(number, editor, seen)
            if found is not None:
                return Problem(found.text, self._focus_in(editor, found.focus))
            seen.add(editor.code())
        return None

    def _form_problem(self, number: int, editor: FormEditor, seen: set[str]) -> Problem | None:
        code = editor.code()
        if not code:
            return Problem(self.tr("Loại phiếu thứ {number} chưa có mã.").format(number=number),
                           _focus(editor.code_edit))
        if "," in code:
            return Problem(self.tr("Mã loại phiếu '{code}' không được chứa dấu phẩy.").format(code=code),
                           _focus(editor.code_edit))
        if code in seen:
            return Problem(
                self.tr("Mã loại phiếu '{code}' bị trùng; mỗi loại phiếu cần một mã riêng.").format(code=code),
                _focus(editor.code_edit),
            )
        if not editor.title():
            return Problem(self.tr("Loại phiếu '{code}' chưa có tên (VD: Lãnh đạo Sở).").format(code=code),
                           _focus(editor.title_edit))
        return editor.problem()

    def _focus_in(self, editor: FormEditor, focus: Callable[[], None] | None) -> Callable[[], None]:
        def show() -> None:
            self.select(editor)
            if focus is not None:
                focus()

        return show


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
        _show(self.warning_label, "\n".join(lines))

    def problem(self) -> Problem | None:
        for editor, spins in self.rows:
            counts = editor.counts.as_dict()
            for code, larger, smaller in COUNT_CHAIN:
                if counts[smaller] > counts[larger]:
                    return Problem(
                        self.tr("Loại phiếu '{form}': {reason}").format(
                            form=editor.label(), reason=sentence(code, counts)
                        ),
                        _focus(spins[COUNT_KEYS.index(smaller)]),
                    )
        return None


class SavePage(WizardPage):
    def __init__(self, dialogs: Dialogs, folder: Path, info_page: InfoPage) -> None:
        super().__init__()
        self.setTitle(self.tr("Lưu tệp"))
        self.setSubTitle(
            self.tr("Tệp .tinnhiem chứa toàn bộ đợt lấy phiếu: thông tin, các phiếu đã nhập và nhật ký.")
        )
        self._dialogs = dialogs
        self._folder = folder
        self._info_page = info_page
        self._chosen = False
        self.path_edit = QLineEdit()
        self.choose_button = QPushButton(self.tr("Chọn..."))
        note = QLabel(self.tr("Hãy lưu tệp ở thư mục được sao lưu thường xuyên. Chương trình không ghi đè lên tệp đã có."))
        note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Lưu đợt lấy phiếu vào tệp:")))
        layout.addLayout(row)
        layout.addWidget(note)
        layout.addStretch(1)
        self._add_messages(layout)
        self.path_edit.textEdited.connect(self._edited)
        self.choose_button.clicked.connect(self.choose)

    def initializePage(self) -> None:
        if not self._chosen:
            self.path_edit.setText(
                str(self._folder / f"lay-phieu-tin-nhiem-{self._info_page.year()}{ROUND_SUFFIX}")
            )

    def _edited(self) -> None:
        self._chosen = True
        self.recheck()

    def choose(self) -> None:
        chosen = self._dialogs.save_file(
            self.tr("Lưu đợt lấy phiếu"),
            self.path() or self._folder,
            self.tr("Tệp đợt lấy phiếu (*.tinnhiem)"),
        )
        if chosen is not None:
            self.path_edit.setText(str(chosen))
            self._edited()

    def path(self) -> Path | None:
        """The path typed or chosen, in the default folder when relative, ending in .tinnhiem."""
        text = self.path_edit.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        if not path.is_absolute():
            path = self._folder / path
        if path.suffix.lower() != ROUND_SUFFIX:
            path = path.with_name(path.name + ROUND_SUFFIX)
        return path

    def problem(self) -> Problem | None:
        path = self.path()
        if path is None:
            return Problem(self.tr("Chưa chọn nơi lưu tệp."), _focus(self.path_edit))
        if path.exists():
            return Problem(sentence("file_exists", {"file": str(path)}), _focus(self.path_edit))
        if not path.parent.is_dir():
            return Problem(
                self.tr("Thư mục '{folder}' không tồn tại.").format(folder=path.parent), _focus(self.path_edit)
            )
        return None

    def validatePage(self) -> bool:
        if not super().validatePage():
            return False
        self.path_edit.setText(str(self.path()))
        return True


class RoundWizard(QWizard):
    """Prepare a new round (then `result_path()` is where to create it) or edit the setup of an
    existing one (`initial` given: every field starts from it and no file is asked for). With
    `new_file`, `initial` only prefills a new round (e.g. next year's, from last year's file)."""

    def __init__(
        self,
        dialogs: Dialogs,
        default_folder: Path,
        initial: RoundSetup | None = None,
        parent: QWidget | None = None,
        new_file: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Tạo đợt lấy phiếu mới") if initial is None or new_file else self.tr("Sửa thông tin đợt lấy phiếu")
        )
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Quay lại"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Tiếp theo >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Hoàn tất"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Hủy"))
        self.info_page = InfoPage(initial)
        self.rules_page = RulesPage(initial, dialogs)
        self.team_page = TeamPage(initial)
        self.forms_page = FormsPage(
            dialogs, Path(default_folder), initial.forms if initial else (BallotForm("1", "", Counts(0, 0, 0, 0), ()),)
        )
        self.counts_page = CountsPage(self.forms_page, self.rules_page)
        self.save_page = None if initial and not new_file else SavePage(dialogs, Path(default_folder), self.info_page)
        self.setPage(PageId.INFO, self.info_page)
        self.setPage(PageId.RULES, self.rules_page)
        self.setPage(PageId.TEAM, self.team_page)
        self.setPage(PageId.FORMS, self.forms_page)
        self.setPage(PageId.COUNTS, self.counts_page)
        if self.save_page is not None:
            self.setPage(PageId.SAVE, self.save_page)
        self.team_page.changed.connect(self._update_conflicts)
        self.forms_page.changed.connect(self._update_conflicts)
        self._update_conflicts()
        self.setMinimumSize(760, 520)
        self.resize(1000, 680)

    def _update_conflicts(self) -> None:
        members = {_name_key(member.name): member.name for member in self.team_page.members()}
        names = sorted({members[key] for key in map(_name_key, self.forms_page.candidate_names()) if key in members})
        self.team_page.show_conflicts(names)
        self.forms_page.show_conflicts(names)

    def result_setup(self) -> RoundSetup:
        return RoundSetup(
            title=self.info_page.title(),
            year=self.info_page.year(),
            rule_id=self.rules_page.rule_id(),
            header=self.info_page.header(),
            meeting=self.info_page.meeting(),
            team=self.team_page.members(),
            forms=self.forms_page.forms(),
            percent_base=self.rules_page.percent_base(),
            decimals=self.rules_page.decimals(),
            entry_mode=self.rules_page.entry_mode(),
            rule_custom=self.rules_page.rule_custom(),
        )

    def result_path(self) -> Path | None:
        return self.save_page.path() if self.save_page is not None else None
