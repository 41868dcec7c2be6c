"""The wizard's page for the ballot forms, each with its ordered candidate list (typed, pasted
from Excel or imported from a file)."""

from __future__ import annotations

from itertools import count
from pathlib import Path
from typing import Iterable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.issues import Issue, TinNhiemError
from ...core.model import BallotForm, Candidate, Counts
from ...core.validation import MAX_BIRTH_YEAR, MIN_BIRTH_YEAR
from ...services.candidates import (
    CandidateImport,
    candidates_from_rows,
    clean_text,
    guess_mapping,
    parse_birth_year,
    parse_clipboard,
    read_table,
    table_start,
)
from ..dialogs import Dialogs
from ..i18n import describe_error, sentence
from .candidate_import import CandidateImportDialog
from .common import (
    NOTICE_COLOUR,
    EditTable,
    Focus,
    PathPart,
    Problem,
    WizardPage,
    cell_text,
    focus_cell,
    focus_on,
    issue_parts,
    message_label,
    show_message,
    table_cell,
)

FIELD_ORDER = {"id": 0, "title": 1, "candidates": 2}  # as the page shows a form, top first


def _birth_year(text: str) -> int | None:
    try:
        return parse_birth_year(text)
    except ValueError:
        return None


class FormEditor(QWidget):
    """One ballot form being prepared: its code, title and ordered candidate list. It also keeps
    the form's counts, which the counts page edits."""

    changed = Signal()
    reported = Signal(str)
    failed = Signal(str)

    NAME, POSITION, BIRTH_YEAR, PERSON_KEY, PROVINCIAL = 1, 2, 3, 4, 5
    COLUMNS = {"name": NAME, "birth_year": BIRTH_YEAR, "person_key": PERSON_KEY}  # by setup field

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
        self.table.setItem(row, 0, table_cell(str(row + 1), editable=False))
        for column, text in enumerate(values[:4], self.NAME):
            self.table.setItem(row, column, table_cell(text))
        tick = QTableWidgetItem()
        tick.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
        provincial = len(values) > 4 and bool(values[4])
        tick.setCheckState(Qt.CheckState.Checked if provincial else Qt.CheckState.Unchecked)
        self.table.setItem(row, self.PROVINCIAL, tick)

    def _values(self, row: int) -> tuple[str, str, str, str, str]:
        name, position, year, key = (cell_text(self.table, row, c) for c in range(self.NAME, self.PERSON_KEY + 1))
        tick = self.table.item(row, self.PROVINCIAL)
        provincial = "x" if tick is not None and tick.checkState() == Qt.CheckState.Checked else ""
        return name, position, year, key, provincial

    def _renumber(self) -> None:
        blocked = self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            self.table.setItem(row, 0, table_cell(str(row + 1), editable=False))
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
        """The rows with any text, numbered in order: a row without a name too, so that core's
        issues name it. A birth year that is not one reads as none (problem() refuses it)."""
        return tuple(
            Candidate(order, name, position, _birth_year(year), key or None, bool(provincial))
            for order, (_, (name, position, year, key, provincial)) in enumerate(self._filled_rows(), 1)
        )

    def candidate_names(self) -> list[str]:
        return [values[0] for _, values in self._filled_rows() if values[0]]

    def table_row(self, index: int) -> int:
        """The table row of candidate `index` (from 0) of `candidates()`."""
        return self._filled_rows()[index][0]

    def locate(self, index: int | None, field: str | None) -> Focus:
        """The cell of a candidate's field; the first name cell for the list as a whole."""
        if index is None:
            return focus_cell(self.table, 0, self.NAME) if self.table.rowCount() else focus_on(self.table)
        return focus_cell(self.table, self.table_row(index), self.COLUMNS.get(field, self.NAME))

    def problem(self) -> Problem | None:
        """A birth year that is not one: text the setup cannot hold, so core cannot see it."""
        for row, (_, _, year, _, _) in self._filled_rows():
            try:
                parse_birth_year(year)
            except ValueError:
                return Problem(
                    self.tr(
                        "Loại phiếu '{code}', dòng {row}: năm sinh '{value}' không hợp lệ "
                        "(cần năm có 4 chữ số, từ {low} đến {high})."
                    ).format(code=self.code(), row=row + 1, value=year, low=MIN_BIRTH_YEAR, high=MAX_BIRTH_YEAR),
                    focus_cell(self.table, row, self.BIRTH_YEAR),
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
        self.form_list = QListWidget()
        self.add_form_button = QPushButton(self.tr("Thêm loại phiếu"))
        self.remove_form_button = QPushButton(self.tr("Xóa loại phiếu"))
        self.stack = QStackedWidget()
        self.status_label = message_label(NOTICE_COLOUR)

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
        editor.reported.connect(lambda text: show_message(self.status_label, text))
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

    def problem(self) -> Problem | None:
        for editor in self.editors():
            found = editor.problem()
            if found is not None:
                return Problem(found.text, self._focus_in(editor, found.focus))
        return None

    def _editor_at(self, parts: tuple[PathPart, ...]) -> FormEditor | None:
        (key, index), *_ = parts
        editors = self.editors()
        return editors[index] if key == "forms" and index is not None and index < len(editors) else None

    def locate(self, parts: tuple[PathPart, ...]) -> Focus | None:
        editor = self._editor_at(parts)
        if editor is None or len(parts) < 2:
            return None
        field, index = parts[1]
        if field == "id":
            return self._focus_in(editor, focus_on(editor.code_edit))
        if field == "title":
            return self._focus_in(editor, focus_on(editor.title_edit))
        if field == "candidates":
            return self._focus_in(editor, editor.locate(index, parts[2][0] if len(parts) > 2 else None))
        return None  # a count: the counts page's

    def describe(self, issue: Issue) -> str:
        parts = issue_parts(issue)
        editor = self._editor_at(parts)
        if editor is None or len(parts) < 2:
            return super().describe(issue)
        code, (field, index) = editor.code(), parts[1]
        if field == "candidates" and index is not None:
            row = editor.table_row(index) + 1
            if issue.code == "spec_empty_text":
                return self.tr("Loại phiếu '{code}', dòng {row}: chưa có họ và tên.").format(code=code, row=row)
            return self.tr("Loại phiếu '{code}', dòng {row}: {reason}").format(
                code=code, row=row, reason=sentence(issue.code, issue.params))
        if field == "candidates":
            return self.tr(
                "Loại phiếu '{code}' chưa có người được lấy phiếu nào. "
                "Hãy gõ vào bảng, dán từ Excel hoặc nhập từ tệp."
            ).format(code=code)
        if field == "title":
            return self.tr("Loại phiếu '{code}' chưa có tên (VD: Lãnh đạo Sở).").format(code=code)
        if issue.code == "spec_missing_key":
            return self.tr("Loại phiếu thứ {number} chưa có mã.").format(number=parts[0][1] + 1)
        return sentence(issue.code, issue.params)

    def issue_problem(self, issues: Iterable[Issue]) -> Problem | None:
        """Form by form, as the page shows a form: its code, its title, then its list."""
        def place(issue: Issue) -> tuple[int, int, int]:
            parts = issue_parts(issue)
            field, row = parts[1] if len(parts) > 1 else ("", None)
            return parts[0][1] or 0, FIELD_ORDER.get(field, len(FIELD_ORDER)), row or 0

        return super().issue_problem(sorted(issues, key=place))

    def warns_about(self, issue: Issue) -> bool:
        """Also a team member who is rated: a candidate on this page."""
        return issue.code == "team_member_rated" or super().warns_about(issue)

    def _focus_in(self, editor: FormEditor, focus: Focus | None) -> Focus:
        def show() -> None:
            self.select(editor)
            if focus is not None:
                focus()

        return show
