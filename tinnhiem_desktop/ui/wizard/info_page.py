"""The wizard's first page: the round's title and year, the document header, the meeting."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout

from ...core.issues import Issue
from ...core.model import Header, HeaderStyle, Meeting, RoundSetup
from ...core.validation import MAX_YEAR, MIN_YEAR
from ...services.candidates import clean_text
from .common import Focus, PathPart, WizardPage, focus_on

# A default that becomes the round's own data, printed on the Vietnamese documents: not translated.
DEFAULT_TITLE = "Hội nghị lấy phiếu tín nhiệm năm {year}"
NO_DATE = QDate(1945, 1, 1)


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
        from ..procedure import deadline_text

        self.deadline_label.setText(deadline_text(self.meeting().date))

    def meeting(self) -> Meeting:
        date = self.date_edit.date()
        return Meeting(
            "" if date == NO_DATE else date.toString("yyyy-MM-dd"),
            clean_text(self.place_edit.text()),
            clean_text(self.chair_edit.text()),
        )

    def locate(self, parts: tuple[PathPart, ...]) -> Focus | None:
        widget = {"title": self.title_edit, "header.unit": self.unit_edit}.get(".".join(key for key, _ in parts))
        return None if widget is None else focus_on(widget)

    def describe(self, issue: Issue) -> str:
        empty = {
            "title": self.tr("Chưa nhập tên hội nghị."),
            "header.unit": self.tr(
                "Chưa nhập tên đơn vị. Tên đơn vị in ở đầu biên bản, VD: SỞ GIAO THÔNG VẬN TẢI."),
        }
        if issue.code == "spec_empty_text" and issue.params["path"] in empty:
            return empty[issue.params["path"]]
        return super().describe(issue)
