"""The paper ballot printed before the meeting: one form, as many copies as are issued.

Each form is laid out once (`ballot_layout`) as a regular grid: one box per level per person, every
box the same size, in three columns, at one row pitch, so that a scanner can find the boxes later.
A ballot that fits half a sheet prints two to a page (A5 halves, a cut line between them); one of up
to about 30 people fills one side of A4; a longer one runs on to the back of the sheet (and further
sheets, always an even number of pages), with the stamp box, a continuation line and the table
heading on every page. One copy is drawn; its pages are then repeated for every other copy.

A ballot printed for a round (its id known) is also made to be read by a scanner: four solid
squares at the corners of each copy (fiducials) fix where everything lies, and a QR code in the
left margin (a Micro QR, whose quiet zone is two modules) says which round, form and page of the
ballot it is and the layout version (`scan_code`).
The boxes' places are not printed in the code: they follow from the round's stored setup through
`ballot_layout`, whose rules are frozen under `LAYOUT_VERSION` (scan/ checks the grid lines on the
image where the layout puts them, so a layout that drifted is refused, never misread).
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from ..core.model import BallotForm, HeaderStyle, RoundSetup
from ..core.results import round_rule
from ..core.rules import Preset
from .pdf import OfficialPdf, composed, save

PAGE_W, PAGE_H = 210, 297  # mm, A4 portrait
SIDE = 15  # mm, left and right margins: a ballot is not bound
TOP = 8  # mm, top and bottom margins of a full page
HALF = PAGE_H / 2
HALF_TOP = 8  # mm, top and bottom margins inside half a sheet
STAMP = 30  # mm, the square left for the seal
BODY_W = 80  # mm, the issuing body's block, on the side away from the stamp
HEADER = 40  # mm from a copy's top to its table on the first page: stamp, issuing body, titles
CONTINUED = STAMP + 3  # the same on a later page: stamp and continuation line
HEADING = 8  # mm, the table's heading row
STT_W, LEVEL_W = 8, 18  # mm; a level's column is also the width of its box
NAME_MIN, NAME_MAX = 40, 72  # mm, the name column: as wide as the longest name, within these
MIN_PITCH, PREFERRED_PITCH = 6.2, 8.5  # mm; a box is one row high, at least 6 mm for a pen mark
SIZES = (11, 10.5, 10, 9.5, 9, 8.5, 8)  # pt, the rows' text, largest first
LINE = 0.38  # mm of line height per pt of type
ROW_PAD = 0.4  # mm, space above and below a row's text
INSTRUCTION_PT, NOTE_PT = 9.5, 9

TITLE = "PHIẾU LẤY PHIẾU TÍN NHIỆM"
HEADINGS = ("STT", "Họ và tên", "Chức vụ", "Tín nhiệm cao", "Tín nhiệm", "Tín nhiệm thấp")
HEADING_PT = 8.5  # a level's name on two lines in its box's width
MARKING = ("Cách đánh dấu: đánh dấu X vào một ô tương ứng với mức tín nhiệm đối với từng người; mỗi người chỉ "
           "đánh dấu một ô.")
SIGNING_NOTE = "Ghi chú: người tham gia lấy phiếu có thể ký tên hoặc không ký tên vào phiếu."
TURN_OVER = "(xem tiếp trang sau)"
LAYOUT_VERSION = 1  # the rules of `ballot_layout` and of the marks below; bump when either changes
FIDUCIAL = 5.0  # mm, the side of a corner square
FIDUCIAL_INSET = 8.0  # mm from a copy's edges to a corner square's centre (inside any printer's margin)
QR_X, QR_SIZE = 4.0, 10.0  # mm, the QR code in the left margin, centred on the copy's height
SCAN_PREFIX = "TN"
TURN_OVER_HEIGHT = 5  # mm under the last row of a page that is not a copy's last
STAMP_LABEL = "Dấu của cơ quan"


@dataclass(frozen=True)
class BallotWording:
    """What a rule calls its ballot and which ballots it holds invalid ("{team}": the counting
    team's name), and where it puts the seal."""

    title: str
    invalid: str
    stamp_left: bool = False


INVALID = "Phiếu không do {team} phát ra, phiếu không đóng dấu, phiếu gạch tên hoặc ghi thêm tên là phiếu không hợp lệ."
INVALID_PARTY = ("Phiếu không hợp lệ: phiếu không do {team} phát ra; phiếu gạch tên, ghi thêm tên hoặc thông tin "
                 "khác. Người không có ô nào hoặc có nhiều ô được đánh dấu: phiếu không hợp lệ đối với người đó.")
WORDING: dict[str, BallotWording] = {
    "qd-262-2014": BallotWording("PHIẾU TÍN NHIỆM", INVALID_PARTY),
    "qd-96-2023": BallotWording("PHIẾU TÍN NHIỆM", INVALID_PARTY),
    "nq-35-2012": BallotWording(TITLE, INVALID, stamp_left=True),
    "nq-85-2014": BallotWording(TITLE, INVALID, stamp_left=True),
    "nq-96-2023": BallotWording(TITLE, INVALID, stamp_left=True),
}


def ballot_wording(preset: Preset) -> BallotWording:
    """The preset's words for its ballot; a saved preset's are the annual guideline's."""
    return WORDING.get(preset.id, BallotWording(TITLE, INVALID))


def instructions(preset: Preset) -> str:
    return f"{MARKING} {ballot_wording(preset).invalid.format(team=preset.team_name)}"


def round_title(setup: RoundSetup) -> str:
    """The round's title, with its year when the title does not say it."""
    return setup.title + ("" if str(setup.year) in setup.title else f" năm {setup.year}")


@dataclass(frozen=True)
class BallotPage:
    first_row_y: float  # mm from the top of the sheet to the top of the page's first row
    orders: tuple[int, ...]  # the people on this page, top to bottom


@dataclass(frozen=True)
class BallotLayout:
    """Where one form's ballot puts everything, in mm from the top left corner of the A4 page."""

    pages: tuple[BallotPage, ...]  # the pages of one copy
    per_page: int  # copies on one side of A4: 2 on A5 halves, else 1
    copy_offset: float  # how far below the first copy on a page the second one lies
    widths: tuple[float, ...]  # the columns from the left margin: STT, name, position, three levels
    pitch: float  # the height of every row, and of every box
    size: float  # pt, the rows' text
    lines: int  # lines of text a row holds
    stamp_x: float  # the stamp box's left edge; its top is the copy's top margin
    instruction_height: float  # mm under the last row for the instructions

    @property
    def box_x(self) -> tuple[float, float, float]:
        """The left edge of each level's boxes: cao, tín nhiệm, thấp."""
        left = SIDE + sum(self.widths[:3])
        return left, left + LEVEL_W, left + 2 * LEVEL_W

    @property
    def box_size(self) -> tuple[float, float]:
        return LEVEL_W, self.pitch

    @property
    def top(self) -> float:
        return HALF_TOP if self.per_page == 2 else TOP

    @property
    def copy_height(self) -> float:
        """The height of the part of the sheet one copy takes: half of it, or all."""
        return HALF if self.per_page == 2 else PAGE_H

    def fiducials(self) -> tuple[tuple[float, float], ...]:
        """The corner squares' centres, from a copy's top left corner: top left, top right,
        bottom right, bottom left."""
        near, far_x, far_y = FIDUCIAL_INSET, PAGE_W - FIDUCIAL_INSET, self.copy_height - FIDUCIAL_INSET
        return (near, near), (far_x, near), (far_x, far_y), (near, far_y)

    def qr_box(self) -> tuple[float, float, float]:
        """The QR code's left, top and side, from a copy's top left corner."""
        return QR_X, (self.copy_height - QR_SIZE) / 2, QR_SIZE


def scan_code(round_id: str, setup: RoundSetup, form: BallotForm, page: int, pages: int) -> str:
    """What a copy's page says to a scanner, in a Micro QR code's capital letters and digits:
    layout version, round (the first 6 characters of its id), the form's place in the round,
    page and pages of the ballot, and a check of the form's people (so a list changed after the
    ballots were printed is not read against the wrong names)."""
    index = [f.code for f in setup.forms].index(form.code) + 1
    return f"{LAYOUT_VERSION}{round_id[:6].upper()}:{index}:{page}/{pages}:{form_check(form)}"


def form_check(form: BallotForm) -> str:
    """Four hex digits of the form's code, people and their order."""
    text = "\x1f".join([form.code, *(f"{c.order}\x1e{c.name}" for c in form.candidates)])
    return hashlib.sha256(composed(text).encode()).hexdigest()[:4].upper()


@dataclass(frozen=True)
class ScanCode:
    version: int
    round_id: str  # 6 capital hex digits
    form_index: int  # 1-based place of the form in the round
    page: int  # 1-based
    pages: int
    check: str


def parse_scan_code(text: str) -> ScanCode | None:
    """A page's code read back; None when it is not one of ours."""
    parts = text.split(":")
    if len(parts) != 4 or len(parts[0]) != 7 or "/" not in parts[2]:
        return None
    try:
        page, pages = (int(n) for n in parts[2].split("/"))
        return ScanCode(int(parts[0][0]), parts[0][1:], int(parts[1]), page, pages, parts[3])
    except ValueError:
        return None


def ballot_layout(form: BallotForm, preset: Preset, measure: OfficialPdf | None = None) -> BallotLayout:
    """The fewest sheets a copy of the form takes, then the largest type that does it: names on one
    line, positions on at most two where possible, rows at the preferred pitch where there is room."""
    pdf = measure or OfficialPdf()
    family = pdf.font_set.family
    pdf.set_font(family, "", INSTRUCTION_PT)
    instruction_height = len(_lines(pdf, instructions(preset), PAGE_W - 2 * SIDE)) * INSTRUCTION_PT * 0.5
    pdf.set_font(family, "I", NOTE_PT)
    instruction_height += len(_lines(pdf, SIGNING_NOTE, PAGE_W - 2 * SIDE)) * NOTE_PT * 0.5 + 3
    stamp_x = SIDE if ballot_wording(preset).stamp_left else PAGE_W - SIDE - STAMP
    people = len(form.candidates)
    best = None
    for size in SIZES:
        pdf.set_font(family, "", size)
        widths, name_wraps, lines = _columns(pdf, form)
        needed = round(max(MIN_PITCH, lines * size * LINE + 2 * ROW_PAD), 2)
        pages = 0 if _spread(people, _capacities(0, needed, instruction_height)) else 1
        while not _spread(people, _capacities(pages, needed, instruction_height)):
            pages += 1 if pages == 1 else 2
        key = (pages, name_wraps, max(lines - 2, 0), -size)
        if best is None or key < best[0]:
            best = key, pages, size, widths, lines, needed
    _, pages, size, widths, lines, pitch = best
    while pitch + 0.25 <= PREFERRED_PITCH and _spread(people, _capacities(pages, pitch + 0.25, instruction_height)):
        pitch = round(pitch + 0.25, 2)
    rows = _spread(people, _capacities(pages, pitch, instruction_height))
    top = HALF_TOP if pages == 0 else TOP
    layout_pages, start = [], 0
    for k, count in enumerate(rows):
        first_row_y = top + (HEADER if k == 0 else CONTINUED) + HEADING
        layout_pages.append(BallotPage(first_row_y, tuple(c.order for c in form.candidates[start:start + count])))
        start += count
    return BallotLayout(tuple(layout_pages), 2 if pages == 0 else 1, HALF if pages == 0 else 0, widths, pitch,
                        size, lines, stamp_x, instruction_height)


def _lines(pdf: OfficialPdf, text: str, width: float) -> list[str]:
    """The text broken at spaces into lines that fit `width` in the current font, as fpdf2 breaks
    them; measured here so that a layout needs no page."""
    room = width - 2 * pdf.c_margin
    lines: list[str] = []
    for word in composed(text).split():
        if lines and pdf.get_string_width(f"{lines[-1]} {word}") <= room:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def _columns(pdf: OfficialPdf, form: BallotForm) -> tuple[tuple[float, ...], bool, int]:
    """Column widths at the current type size, whether a name has to wrap, and the lines a row needs."""
    longest = max((pdf.get_string_width(composed(c.name)) for c in form.candidates), default=0)
    name_w = min(NAME_MAX, max(NAME_MIN, math.ceil(longest + 2 * pdf.c_margin + 0.5)))
    position_w = PAGE_W - 2 * SIDE - STT_W - name_w - 3 * LEVEL_W
    name_lines = max((len(_lines(pdf, c.name, name_w)) for c in form.candidates), default=1)
    position_lines = max((len(_lines(pdf, c.position, position_w)) for c in form.candidates), default=1)
    return (STT_W, name_w, position_w, LEVEL_W, LEVEL_W, LEVEL_W), name_lines > 1, max(name_lines, position_lines)


def _capacities(pages: int, pitch: float, instruction_height: float) -> list[int]:
    """Rows each page of a copy holds; `pages` 0 for a copy on half a sheet."""
    if pages == 0:
        room = HALF - 2 * HALF_TOP - HEADER - HEADING - instruction_height
        return [int(room // pitch)]
    return [
        int((PAGE_H - 2 * TOP - (HEADER if k == 0 else CONTINUED) - HEADING
             - (instruction_height if k == pages - 1 else TURN_OVER_HEIGHT)) // pitch)
        for k in range(pages)
    ]


def _spread(people: int, capacities: Sequence[int]) -> list[int] | None:
    """Rows per page, as even as the pages allow and none empty; None when they do not hold everyone."""
    if sum(capacities) < people or min(capacities) < 1:
        return None
    for even in range(math.ceil(people / len(capacities)), people + 1):
        rows = [min(capacity, even) for capacity in capacities]
        if sum(rows) >= people:
            for k in reversed(range(len(rows))):
                cut = min(sum(rows) - people, rows[k] - 1)
                rows[k] -= cut
            return rows
    return None


@dataclass(frozen=True)
class Ballot:
    """What one form's ballot prints, and where."""

    setup: RoundSetup
    form: BallotForm
    preset: Preset
    layout: BallotLayout
    round_id: str | None = None  # printed with fiducials and a QR code when known

    @property
    def wording(self) -> BallotWording:
        return ballot_wording(self.preset)


class BallotPdf(OfficialPdf):
    """Copies of forms' ballots. Each distinct page is drawn once and its content stream repeated
    for the other copies; the pages share one resource dictionary, so a repeated page needs nothing
    else."""

    def __init__(self) -> None:
        super().__init__()
        self.single_resources_object = True
        self.set_margins(SIDE, TOP, SIDE)
        self.set_auto_page_break(False)

    def header(self) -> None:
        """None: a ballot's later pages carry their own continuation line."""

    def print_copies(self, ballot: Ballot, copies: int) -> None:
        if ballot.layout.per_page == 2:
            self._two_per_page(ballot, copies)
            return
        first = self.page + 1
        for k in range(len(ballot.layout.pages)):
            self.add_page()
            self._page_of_copy(ballot, k, 0)
        self._repeat(range(first, self.page + 1), copies - 1)

    def _two_per_page(self, ballot: Ballot, copies: int) -> None:
        if copies >= 2:
            self.add_page()
            self._page_of_copy(ballot, 0, 0)
            self._cut_line()
            self._page_of_copy(ballot, 0, HALF)
            self._repeat([self.page], copies // 2 - 1)
        if copies % 2:
            self.add_page()
            self._page_of_copy(ballot, 0, 0)

    def _repeat(self, sources: Sequence[int], times: int) -> None:
        """`times` more of these finished pages, sharing their content (nothing draws on them again)."""
        contents = [self.pages[number].contents for number in sources]
        for _ in range(times):
            for content in contents:
                self.add_page()
                self.pages[self.page].contents = content

    def _cut_line(self) -> None:
        self.set_line_width(0.2)
        self.set_dash_pattern(dash=2, gap=1.5)
        self.line(8, HALF, self.w - 8, HALF)
        self.set_dash_pattern()

    # -- one page of one copy ----------------------------------------------------------------

    def _page_of_copy(self, ballot: Ballot, k: int, shift: float) -> None:
        layout = ballot.layout
        page = layout.pages[k]
        top = layout.top + shift
        self._stamp_box(layout.stamp_x, top)
        if k == 0:
            self._heading_block(ballot, top)
        else:
            self._continuation(ballot, k, top)
        if ballot.round_id:
            self._scan_marks(ballot, k, shift)
        first_row_y = page.first_row_y + shift
        self._grid(layout, first_row_y, len(page.orders))
        self._rows(ballot, page, first_row_y)
        bottom = first_row_y + len(page.orders) * layout.pitch
        if k == len(layout.pages) - 1:
            self._instructions(ballot, bottom + 2)
        else:
            with self.style("I", NOTE_PT):
                self.set_xy(SIDE, bottom + 1)
                self.cell(PAGE_W - 2 * SIDE, 4, TURN_OVER, align="R")

    def _scan_marks(self, ballot: Ballot, k: int, shift: float) -> None:
        """The corner squares and the QR code a scanner finds the page by."""
        import segno

        layout = ballot.layout
        self.set_fill_color(0)
        for x, y in layout.fiducials():
            self.rect(x - FIDUCIAL / 2, shift + y - FIDUCIAL / 2, FIDUCIAL, FIDUCIAL, style="F")
        code = segno.make_micro(scan_code(ballot.round_id, ballot.setup, ballot.form, k + 1, len(layout.pages)),
                                error="l", version="M4")
        x, y, side = layout.qr_box()
        module = side / code.symbol_size(border=0)[0]
        for row, bits in enumerate(code.matrix):
            for col, bit in enumerate(bits):
                if bit:
                    self.rect(x + col * module, shift + y + row * module, module, module, style="F")

    def _stamp_box(self, x: float, top: float) -> None:
        self.set_line_width(0.3)
        self.set_dash_pattern(dash=1.5, gap=1)
        self.rect(x, top, STAMP, STAMP)
        self.set_dash_pattern()
        self.set_xy(x, top + STAMP / 2 - 3)
        with self.style("I", 9):
            self.cell(STAMP, 6, STAMP_LABEL, align="C")

    def _heading_block(self, ballot: Ballot, top: float) -> None:
        """The issuing body on the side away from the stamp, then the titles between the stamp's
        column and its mirror, smaller when they would not fit the header's room."""
        texts = ((ballot.wording.title, "B", 14), (ballot.form.title, "B", 12.5),
                 (round_title(ballot.setup), "I", 12))
        title_x, title_w = SIDE + STAMP + 3, PAGE_W - 2 * (SIDE + STAMP + 3)
        for scale in (1, 0.92, 0.85, 0.78, 0.7):
            body = self._body_lines(ballot.setup, scale)
            height = sum((text.count("\n") + 1) * size * scale * 0.5 for text, _, size in body) + 5 * scale
            for text, emphasis, size in texts:
                with self.style(emphasis, size * scale):
                    height += len(_lines(self, text, title_w)) * size * scale * 0.5
            if height <= HEADER - 3:
                break
        body_x = PAGE_W - SIDE - BODY_W if ballot.wording.stamp_left else SIDE
        self.set_xy(body_x, top)
        for text, emphasis, size in body:
            with self.style(emphasis, size * scale):
                self.set_x(body_x)
                self.multi_cell(BODY_W, size * scale * 0.5, text, align="C", new_x="LMARGIN", new_y="NEXT")
        if ballot.setup.header.style is HeaderStyle.PARTY:
            with self.style("", 11 * scale):
                self.set_x(body_x)
                self.cell(BODY_W, 4 * scale, "*", align="C", new_x="LMARGIN", new_y="NEXT")
        else:
            self._rule(body_x + BODY_W / 2, self.get_y() + 0.8, BODY_W / 3)
            self.ln(2)
        self.ln(1 * scale)
        for text, emphasis, size in texts:
            with self.style(emphasis, size * scale):
                self.set_x(title_x)
                self.multi_cell(title_w, size * scale * 0.5, composed(text), align="C", new_x="LMARGIN",
                                new_y="NEXT")

    def _body_lines(self, setup: RoundSetup, scale: float) -> list[tuple[str, str, float]]:
        """The parent body and the unit in bold, each on at most two balanced lines."""
        lines = []
        for text, emphasis in ((setup.header.parent, ""), (setup.header.unit, "B")):
            if text:
                with self.style(emphasis, 11.5 * scale):
                    lines.append((self.balanced(text.upper(), BODY_W), emphasis, 11.5))
        return lines

    def _continuation(self, ballot: Ballot, k: int, top: float) -> None:
        text = (f"{ballot.wording.title} — {ballot.form.title} (tiếp theo, trang {k + 1}/"
                f"{len(ballot.layout.pages)})")
        title_x, title_w = SIDE + STAMP + 3, PAGE_W - 2 * (SIDE + STAMP + 3)
        with self.style("I", 11):
            self.set_xy(title_x, top + 6)
            self.multi_cell(title_w, 5.5, composed(text), align="C", new_x="LMARGIN", new_y="NEXT")

    def _grid(self, layout: BallotLayout, first_row_y: float, rows: int) -> None:
        """The heading row and the rules of every row and column: one box per level per person."""
        heading_y, bottom = first_row_y - HEADING, first_row_y + rows * layout.pitch
        self.set_line_width(0.3)
        right = SIDE + sum(layout.widths)
        for y in (heading_y, *(first_row_y + i * layout.pitch for i in range(rows + 1))):
            self.line(SIDE, y, right, y)
        x = SIDE
        for width in (0, *layout.widths):
            x += width
            self.line(x, heading_y, x, bottom)
        x = SIDE
        with self.style("B", HEADING_PT):
            for text, width in zip(HEADINGS, layout.widths):
                self._lines_at(_lines(self, text, width), x, heading_y, width, HEADING, HEADING_PT * LINE, "C")
                x += width

    def _rows(self, ballot: Ballot, page: BallotPage, first_row_y: float) -> None:
        layout = ballot.layout
        line = layout.size * LINE
        widths = layout.widths
        with self.style("", layout.size):
            for i, order in enumerate(page.orders):
                candidate = ballot.form.candidate(order)
                y = first_row_y + i * layout.pitch
                self.set_xy(SIDE, y)
                self.cell(widths[0], layout.pitch, str(order), align="C")
                x = SIDE + widths[0]
                for text, width in ((candidate.name, widths[1]), (candidate.position, widths[2])):
                    self._lines_at(_lines(self, text, width), x, y, width, layout.pitch, line, "L")
                    x += width

    def _lines_at(self, lines: Sequence[str], x: float, top: float, width: float, height: float, line: float,
                  align: str) -> None:
        """Lines centred one above the other in a cell of this height."""
        y = top + (height - len(lines) * line) / 2
        for text in lines:
            self.set_xy(x, y)
            self.cell(width, line, text, align=align)
            y += line

    def _instructions(self, ballot: Ballot, y: float) -> None:
        self.set_y(y)
        self.paragraph(instructions(ballot.preset), size=INSTRUCTION_PT, after=0.5, first_line=False)  # as measured
        self.paragraph(SIGNING_NOTE, emphasis="I", size=NOTE_PT, after=0)


def write_blank_ballots(
    setup: RoundSetup, target: Path, copies: int | None = None, forms: Sequence[str] | None = None,
    round_id: str | None = None,
) -> Path:
    """Every form's ballots (or those named), each as many as its issued count (or `copies`,
    at least one), one form after another in one file; with the marks a scanner reads them by
    when the round's id is given."""
    preset = round_rule(setup).in_force  # the round's own team name, where it gives one
    pdf = BallotPdf()
    pdf.set_title(composed(f"{ballot_wording(preset).title} — {round_title(setup)}"))
    for code in forms or [form.code for form in setup.forms]:
        form = setup.form(code)
        count = max(1, form.counts.issued if copies is None else copies)
        pdf.print_copies(Ballot(setup, form, preset, ballot_layout(form, preset, pdf), round_id), count)
    return save(pdf, target)
