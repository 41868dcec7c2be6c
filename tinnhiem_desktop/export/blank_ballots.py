"""The paper ballot (phiếu lấy phiếu tín nhiệm) printed before the meeting: one form, many copies.

A ballot that measures no taller than half an A4 sheet is printed two to a page with a cut line
between them; otherwise each copy starts a new page, and a long list runs on over further pages
with the table heading repeated and "(tiếp theo)" at the top of each.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from fpdf.fonts import FontFace

from ..core.model import BallotForm, RoundSetup
from .pdf import MARGIN_BOTTOM, MARGIN_TOP, OfficialPdf, composed, save

TITLE = "PHIẾU LẤY PHIẾU TÍN NHIỆM"
HEADINGS = ("STT", "Họ và tên", "Chức vụ", "Tín nhiệm cao", "Tín nhiệm", "Tín nhiệm thấp")
WIDTHS = (10, 47, 39, 23, 23, 23)  # mm; together the 165 mm between the margins
HEADING_STYLE = FontFace(emphasis="BOLD", size_pt=11)  # a level's name on two lines at most
ROW_HEIGHT = 8  # mm: room to write an X
INSTRUCTION = (
    "Cách đánh dấu: đánh dấu X vào một ô tương ứng với mức tín nhiệm đối với từng người; mỗi người chỉ "
    "đánh dấu một ô. Phiếu không đóng dấu, phiếu gạch tên hoặc ghi thêm tên là phiếu không hợp lệ."
)
SIGNING_NOTE = "Ghi chú: người tham gia lấy phiếu có thể ký tên hoặc không ký tên vào phiếu."
SEAL_SIDE = 30  # mm, the square left top right for the seal
HALF = 297 / 2  # mm, half an A4 sheet
HALF_TOP, HALF_BOTTOM = 10, 8  # mm, margins inside half a sheet


def round_title(setup: RoundSetup) -> str:
    """The round's title, with its year when the title does not say it."""
    return setup.title + ("" if str(setup.year) in setup.title else f" năm {setup.year}")


class BallotPdf(OfficialPdf):
    """Copies of forms' ballots: no page numbers, a continuation line on a ballot's later pages."""

    def __init__(self, setup: RoundSetup) -> None:
        super().__init__()
        self.setup = setup
        self.form: BallotForm = setup.forms[0]
        self.first_page = 0  # the page the ballot being drawn began on; 0 while none is

    def header(self) -> None:
        if self.first_page and self.page_no() > self.first_page:
            self.set_y(8)
            with self.style("I", 11):
                self.cell(0, 6, composed(f"{TITLE} — {self.form.title} (tiếp theo, trang "
                                         f"{self.page_no() - self.first_page + 1})"), align="C")
            self.set_y(MARGIN_TOP)

    def fits_half_sheet(self) -> bool:
        """Whether one ballot, drawn for real on a scratch page, ends within the top half."""
        start = self.page_no()
        with self.offset_rendering():
            self.add_page()
            self._bottom_at(HALF - HALF_BOTTOM)
            self.ballot(HALF_TOP)
            fits = self.page_no() == start + 1 and self.get_y() <= self.page_break_trigger
        return fits

    def two_per_page(self, copies: int) -> None:
        for copy in range(copies):
            top = (copy % 2) * HALF
            if copy % 2 == 0:
                self.add_page()
            else:
                self._cut_line()
            self._bottom_at(top + HALF - HALF_BOTTOM)
            self.ballot(top + HALF_TOP)

    def one_per_page(self, copies: int) -> None:
        self._bottom_at(self.h - MARGIN_BOTTOM)
        for _ in range(copies):
            self.first_page = 0
            self.add_page()
            self.first_page = self.page_no()
            self.ballot(MARGIN_TOP)

    def _bottom_at(self, y: float) -> None:
        self.set_auto_page_break(True, self.h - y)

    def _cut_line(self) -> None:
        self.set_line_width(0.2)
        self.set_dash_pattern(dash=2, gap=1.5)
        self.line(8, HALF, self.w - 8, HALF)
        self.set_dash_pattern()

    # -- one ballot --------------------------------------------------------------------------

    def ballot(self, top: float) -> None:
        self._seal_box(top)
        self.set_y(top)
        self._issuing_body()
        self._titles()
        self.set_y(max(self.get_y(), top + SEAL_SIDE) + 3)
        self._table()
        self.ln(2)
        with self.unbreakable() as block:  # the instructions stay together, after the last row
            block.paragraph(INSTRUCTION, size=11, after=1)
            block.paragraph(SIGNING_NOTE, emphasis="I", size=10, after=0)

    def _seal_box(self, top: float) -> None:
        x = self.w - self.r_margin - SEAL_SIDE
        self.set_line_width(0.3)
        self.set_dash_pattern(dash=1.5, gap=1)
        self.rect(x, top, SEAL_SIDE, SEAL_SIDE)
        self.set_dash_pattern()
        self.set_xy(x, top + SEAL_SIDE / 2 - 3)
        with self.style("I", 9):
            self.cell(SEAL_SIDE, 6, "Dấu của cơ quan", align="C")

    def _issuing_body(self) -> None:
        """Parent body and the unit in bold, with a short rule: the left of the official header."""
        width = 90
        header = self.setup.header
        if header.parent:
            with self.style("", 12):
                self.multi_cell(width, 5.5, composed(header.parent.upper()), align="C",
                                new_x="LMARGIN", new_y="NEXT")
        with self.style("B", 12):
            self.multi_cell(width, 5.5, composed(header.unit.upper()), align="C", new_x="LMARGIN", new_y="NEXT")
        self._rule(self.l_margin + width / 2, self.get_y() + 0.8, width / 3)
        self.ln(3)

    def _titles(self) -> None:
        """Centred on the page, in the column the seal box leaves free on both sides."""
        indent = SEAL_SIDE + 3
        for text, emphasis, size in (
            (TITLE, "B", 14),
            (self.form.title, "B", 13),
            (round_title(self.setup), "I", 13),
        ):
            with self.style(emphasis, size):
                self.set_x(self.l_margin + indent)
                self.multi_cell(self.epw - 2 * indent, size * 0.5, composed(text), align="C",
                                new_x="LMARGIN", new_y="NEXT")

    def _table(self) -> None:
        with self.table_of(WIDTHS, size=12, aligns=("C", "L", "L", "C", "C", "C")) as table:
            heading = table.row()
            for text in HEADINGS:
                heading.cell(text, align="C", style=HEADING_STYLE)
            for candidate in self.form.candidates:
                table.row((str(candidate.order), composed(candidate.name), composed(candidate.position), "", "", ""),
                          min_height=ROW_HEIGHT)


def write_blank_ballots(
    setup: RoundSetup, target: Path, copies: int | None = None, forms: Sequence[str] | None = None
) -> Path:
    """Every form's ballots (or those named), each as many as its issued count (or `copies`,
    at least one), one form after another in one file."""
    pdf = BallotPdf(setup)
    pdf.set_title(composed(f"{TITLE} — {round_title(setup)}"))
    for code in forms or [form.code for form in setup.forms]:
        pdf.form = setup.form(code)
        count = max(1, pdf.form.counts.issued if copies is None else copies)
        if pdf.fits_half_sheet():
            pdf.two_per_page(count)
        else:
            pdf.one_per_page(count)
    return save(pdf, target)
