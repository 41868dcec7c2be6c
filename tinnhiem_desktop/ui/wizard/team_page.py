"""The wizard's page for the counting team (Tổ kiểm phiếu, or Ban kiểm phiếu as the rule calls it)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QPushButton, QVBoxLayout

from ...core.issues import Issue
from ...core.model import RoundSetup, TeamMember
from ...core.rules import DEFAULT_TEAM_NAME, PRESETS
from ...core.team import head_title
from ...export.team_words import TeamWords
from ..i18n import wording
from .common import EditTable, Focus, PathPart, WizardPage, cell_text, focus_cell, focus_on, table_cell

# Defaults that become the round's own data, printed on the Vietnamese documents: not translated.
HEAD_ROLE, MEMBER_ROLE = "Tổ trưởng", "Thành viên"
# the head's titles the rules' teams give ("Tổ trưởng", "Trưởng ban"), offered until changed by hand
HEAD_ROLES = tuple(dict.fromkeys(head_title(preset.team_name) for preset in PRESETS.values()))


class TeamPage(WizardPage):
    changed = Signal()

    def __init__(self, initial: RoundSetup | None) -> None:
        super().__init__()
        self._team = TeamWords(DEFAULT_TEAM_NAME)
        self._roles_follow = initial is None  # a round's own roles stay as they are until the rule changes
        self._name_page()
        self.table = EditTable([self.tr("Họ và tên"), self.tr("Vai trò")], self.add_member)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 220)
        self.add_button = QPushButton(self.tr("Thêm &người"))
        self.remove_button = QPushButton(self.tr("&Xóa người"))
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

    def _name_page(self) -> None:
        name = wording(self._team.name)
        self.setTitle(name[:1].upper() + name[1:])
        self.setSubTitle(self.tr("{head} và các thành viên do hội nghị bầu; tên của họ in ở phần ký biên bản.").format(
            head=wording(self._team.head)))

    def set_team_name(self, name: str) -> None:
        """The team as the rule chosen calls it: the page's title, and the head's role where the
        default role is still there ("Tổ trưởng" becomes "Trưởng ban" for a Ban kiểm phiếu)."""
        team = TeamWords(name)
        follow, self._roles_follow = self._roles_follow, True
        if team == self._team:
            return
        self._team = team
        self._name_page()
        if not follow:
            return
        for row in range(self.table.rowCount()):
            if cell_text(self.table, row, 1) in HEAD_ROLES and cell_text(self.table, row, 1) != team.head:
                self.table.item(row, 1).setText(team.head)

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
        role = self._team.head if self.table.rowCount() == 0 else MEMBER_ROLE
        row = self._append("", role)
        self.table.setFocus()
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))

    def remove_members(self) -> None:
        for row in reversed(self.table.selected_rows()):
            self.table.removeRow(row)
        self._edited()

    def first_field(self) -> Focus:
        return focus_cell(self.table, 0, 0) if self.table.rowCount() else focus_on(self.table)

    def _named_rows(self) -> list[int]:
        return [row for row in range(self.table.rowCount()) if cell_text(self.table, row, 0)]

    def members(self) -> tuple[TeamMember, ...]:
        """The rows with a name, in order (a row with only a role is no one)."""
        return tuple(TeamMember(cell_text(self.table, row, 0), cell_text(self.table, row, 1))
                     for row in self._named_rows())

    def locate(self, parts: tuple[PathPart, ...]) -> Focus | None:
        if parts[0][0] != "team":
            return None
        index = parts[0][1]
        if index is None:
            return focus_cell(self.table, 0, 0) if self.table.rowCount() else focus_on(self.table)
        return focus_cell(self.table, self._named_rows()[index], 0)

    def describe(self, issue: Issue) -> str:
        if issue.code == "team_not_proposed":
            return self.tr("Cần ít nhất một thành viên {team} có họ và tên.").format(team=wording(self._team.name))
        return super().describe(issue)
