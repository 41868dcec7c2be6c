"""The round wizard itself: its pages in order, and the setup they make together."""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path

from PySide6.QtWidgets import QWidget, QWizard

from ...core.issues import Issue, Severity
from ...core.model import BallotForm, Counts, RoundSetup
from ...core.validation import setup_issues
from ..dialogs import Dialogs
from .common import Problem, WizardPage
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


REFUSED_WARNINGS = ("team_not_proposed",)  # a round needs its counting team before it starts


class RoundWizard(QWizard):
    """Prepare a new round (then `result_path()` is where to create it and `result_preparer()` who
    prepares it) or edit the setup of an existing one (`initial` given: every field starts from it
    and no file is asked for). With `new_file`, `initial` only prefills a new round (e.g. next
    year's, from last year's file)."""

    def __init__(
        self,
        dialogs: Dialogs,
        default_folder: Path,
        initial: RoundSetup | None = None,
        parent: QWidget | None = None,
        new_file: bool = False,
    ) -> None:
        super().__init__(parent)
        makes_file = initial is None or new_file
        self.setWindowTitle(self.tr("Tạo đợt lấy phiếu mới") if makes_file else self.tr("Sửa thông tin đợt lấy phiếu"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Quay lại"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Tiếp theo >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Hoàn tất"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Hủy"))
        self.info_page = InfoPage(initial, ask_preparer=makes_file)
        self.rules_page = RulesPage(initial, dialogs)
        self.team_page = TeamPage(initial)
        self.forms_page = FormsPage(
            dialogs, Path(default_folder), initial.forms if initial else (BallotForm("1", "", Counts(0, 0, 0, 0), ()),)
        )
        self.counts_page = CountsPage(self.forms_page)
        self.save_page = SavePage(dialogs, Path(default_folder), self.info_page) if makes_file else None
        self.setPage(PageId.INFO, self.info_page)
        self.setPage(PageId.RULES, self.rules_page)
        self.setPage(PageId.TEAM, self.team_page)
        self.setPage(PageId.FORMS, self.forms_page)
        self.setPage(PageId.COUNTS, self.counts_page)
        if self.save_page is not None:
            self.setPage(PageId.SAVE, self.save_page)
        for source in (self.rules_page.editor, self.team_page, self.forms_page, self.counts_page):
            source.changed.connect(self._update_warnings)
        self.rules_page.editor.changed.connect(self._name_the_team)
        self._name_the_team()
        self._update_warnings()
        self.currentIdChanged.connect(self._focus_first_field)
        self.accepted.connect(self.rules_page.remember_rule)
        self.setMinimumSize(760, 520)
        self.resize(1000, 680)

    def _name_the_team(self) -> None:
        self.team_page.set_team_name(self.rules_page.editor.team_name())

    def _pages(self) -> list[WizardPage]:
        return [self.page(page_id) for page_id in self.pageIds()]

    def _focus_first_field(self) -> None:
        """After QWizard has put the cursor in the page's first widget in focus order (a list or a
        scroll area), put it in the page's first field, where typing is meant to go."""
        page = self.currentPage()
        focus = page.first_field() if page is not None else None
        if focus is not None:
            focus()

    def _issues(self) -> list[Issue]:
        return setup_issues(self.result_setup())

    def _update_warnings(self) -> None:
        """Each page shows core's warnings about its fields (the forms page also a rated member)."""
        warnings = [i for i in self._issues() if i.severity is Severity.WARNING and i.code not in REFUSED_WARNINGS]
        for page in self._pages():
            page.show_warnings(warnings)

    def setup_problem(self, page: WizardPage) -> Problem | None:
        """The first error of the setup on `page` or a page before it, as the page holding its
        field words it and with the cursor put on that field."""
        issues = [i for i in self._issues() if i.severity is Severity.ERROR or i.code in REFUSED_WARNINGS]
        pages = self._pages()
        for earlier in pages[: pages.index(page) + 1]:
            found = earlier.issue_problem(issues)
            if found is not None:
                return found
        return None

    def result_setup(self) -> RoundSetup:
        """The setup as the pages hold it. Its team is the table's named rows and each form's
        candidates are its rows with any text (see `TeamPage.members`, `FormEditor.candidates`), so
        that the paths of core's issues name the rows the user sees."""
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

    def result_preparer(self) -> str | None:
        """Who prepares the new round (None when editing one), as typed on the first page."""
        return self.info_page.preparer()
