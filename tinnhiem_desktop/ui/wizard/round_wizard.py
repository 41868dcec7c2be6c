"""The round wizard itself: its pages in order, and the setup they make together."""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path

from PySide6.QtWidgets import QWidget, QWizard

from ...core.model import BallotForm, Counts, RoundSetup
from ...services.candidates import clean_text
from ..dialogs import Dialogs
from .counts_page import CountsPage
from .forms_page import FormsPage
from .info_page import InfoPage
from .rules_page import RulesPage
from .save_page import SavePage
from .team_page import TeamPage


class PageId(IntEnum):
    INFO = 0
    RULES = 1
    TEAM = 2
    FORMS = 3
    COUNTS = 4
    SAVE = 5


def _name_key(name: str) -> str:
    return clean_text(name).casefold()


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
