"""The wizard's page for the counting team (Tổ kiểm phiếu)."""

from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QPushButton, QVBoxLayout

from ...core.model import RoundSetup, TeamMember
from .common import EditTable, Problem, WizardPage, cell_text, focus_on, show_message, table_cell

# Defaults that become the round's own data, printed on the Vietnamese documents: not translated.
HEAD_ROLE, MEMBER_ROLE = "Tổ trưởng", "Thành viên"


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
        self.table.setItem(row, 0, table_cell(name))
        self.table.setItem(row, 1, table_cell(role))
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
            (cell_text(self.table, row, 0), cell_text(self.table, row, 1)) for row in range(self.table.rowCount())
        )
        return tuple(TeamMember(name, role) for name, role in rows if name)

    def show_conflicts(self, names: Sequence[str]) -> None:
        show_message(
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
            return Problem(self.tr("Cần ít nhất một thành viên Tổ kiểm phiếu có họ và tên."), focus_on(self.table))
        return None
