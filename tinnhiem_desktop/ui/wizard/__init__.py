"""The round wizard: everything decided before counting starts, page by page, each page checked
before Next with the reason written on the page itself. One module per page; `common` holds what
the pages share and `round_wizard` puts them in order."""

from .candidate_import import CandidateImportDialog
from .info_page import DEFAULT_TITLE
from .round_wizard import PageId, RoundWizard
from .team_page import HEAD_ROLE, MEMBER_ROLE

__all__ = ["DEFAULT_TITLE", "HEAD_ROLE", "MEMBER_ROLE", "CandidateImportDialog", "PageId", "RoundWizard"]
