"""The look of a Vietnamese administrative document, shared by every PDF the program makes.

A4; margins 20 mm top and bottom, 30 mm left, 15 mm right; the issuing body top left and the
national motto (or "ĐẢNG CỘNG SẢN VIỆT NAM") top right, each with its rule; an italic place and
date line; page numbers centred at the top from page 2; signature blocks with printed names.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Iterator, Sequence

from fpdf import FPDF
from fpdf.fonts import FontFace

from ..core.audit import grouped
from ..core.model import Header, HeaderStyle
from .fonts import FontSet, document_fonts
from .paper import (  # noqa: F401  (the page's measures, shared with the Word and Excel papers)
    BODY_PT, FINGERPRINT_HOW, FINGERPRINT_HOW_SHORT, HAIR_SPACE, LOCALITY, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT,
    MARGIN_TOP, apart_hyphens, composed, locality, place_and_date, qr_png,
)

FIRST_LINE_INDENT = 10  # mm, the first line of a body paragraph
NBSP = "\u00a0"  # not stretched by justification, so an indent of these stays put


@dataclass(frozen=True)
class Signature:
    title: str  # "TỔ TRƯỞNG", "THÀNH VIÊN", ...
    name: str


SIGNATURE_ROW = 38  # mm: a signer's title, "(Ký, ghi rõ họ tên)", about 18 mm to sign in, the name

class OfficialPdf(FPDF):
    """An A4 document with Vietnamese fonts, the official header and page numbers."""

    def __init__(self, fonts: FontSet | None = None, landscape: bool = False) -> None:
        super().__init__(orientation="L" if landscape else "P", unit="mm", format="A4")
        self.font_set = fonts or document_fonts()
        for style, path in self.font_set.files.items():
            self.add_font(self.font_set.family, style, str(path))
        self.set_margins(MARGIN_LEFT, MARGIN_TOP, MARGIN_RIGHT)
        self.set_auto_page_break(True, MARGIN_BOTTOM)
        self.set_font(self.font_set.family, "", BODY_PT)
        self.set_creator("Tín Nhiệm Desktop")
        self.party = False  # set by official_header: HD 36 sizes and wording for Party bodies

    # -- page furniture --------------------------------------------------------------------

    def header(self) -> None:
        if self.page_no() >= 2:
            self.set_y(8)
            with self.style(size=BODY_PT):
                self.cell(0, 6, str(self.page_no()), align="C")
            self.set_y(MARGIN_TOP)

    @contextmanager
    def style(self, emphasis: str = "", size: float | None = None) -> Iterator[None]:
        """Temporarily another style (B, I, BI) and size."""
        family, old_style, old_size = self.font_family, self.font_style, self.font_size_pt
        self.set_font(self.font_set.family, emphasis, size or old_size)
        try:
            yield
        finally:
            self.set_font(family, old_style, old_size)

    # -- blocks ----------------------------------------------------------------------------

    def official_header(self, header: Header, iso_date: str, *, left_width: float | None = None,
                        symbol: tuple[str, str] | None = None, number: str = "") -> None:
        """Issuing body on the left, motto on the right, each with its rule; then place and date.

        With `symbol` (kind, issuer: ("BB", "TKP")), the number and symbol line under the issuing body:
        'Số: 12/BB-TKP' (NĐ 30/2020) or 'Số 12-BB/TKP' (HD 36 for Party bodies), dotted when the
        number is not given. Sizes follow NĐ 30 (12/12 bold/13) or HD 36 (14/14 bold/15 bold/14)."""
        party = header.style is HeaderStyle.PARTY
        self.party = party
        if left_width is None:
            left_width = 80 if party else 70  # HD 36's larger type needs the wider column
        top = self.get_y()
        right_x = self.l_margin + left_width
        right_width = self.epw - left_width
        # left: parent body, then the unit in bold, with a short rule under it
        line = 6.5 if party else 5.5
        self.set_xy(self.l_margin, top)
        with self.style(size=14 if party else 12):
            if header.parent:
                self.multi_cell(left_width, line, self.balanced(header.parent.upper(), left_width), align="C")
        with self.style("B", 14 if party else 12):
            self.set_x(self.l_margin)
            self.multi_cell(left_width, line, self.balanced(header.unit.upper(), left_width), align="C")
        if party:
            self.set_x(self.l_margin)
            self.cell(left_width, 5, "*", align="C", new_x="LMARGIN", new_y="NEXT")
        else:
            self._rule(self.l_margin + left_width / 2, self.get_y() + 0.8, left_width / 3)
        if symbol is not None:
            kind, issuer = symbol
            shown = composed(number.strip()) or "......"
            text = f"Số {shown}-{kind}/{issuer}" if party else f"Số: {shown}/{kind}-{issuer}"
            self.set_xy(self.l_margin, self.get_y() + (1 if party else 3))
            with self.style("", 14 if party else 13):
                self.cell(left_width, line, text, align="C", new_x="LMARGIN", new_y="NEXT")
        left_bottom = self.get_y() + 2
        # right: the motto with a rule as long as its second line
        self.set_xy(right_x, top)
        if party:
            with self.style("B", 15):
                self.cell(right_width, 7, "ĐẢNG CỘNG SẢN VIỆT NAM", align="C", new_x="LMARGIN", new_y="NEXT")
                width = self.get_string_width("ĐẢNG CỘNG SẢN VIỆT NAM")
        else:
            with self.style("B", 12):
                self.cell(right_width, 5.5, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", align="C",
                          new_x="LMARGIN", new_y="NEXT")
            self.set_x(right_x)
            with self.style("B", 13):
                self.cell(right_width, 6, "Độc lập - Tự do - Hạnh phúc", align="C", new_x="LMARGIN", new_y="NEXT")
                width = self.get_string_width("Độc lập - Tự do - Hạnh phúc")
        self._rule(right_x + right_width / 2, self.get_y() + 0.8, width)
        self.set_xy(right_x, self.get_y() + (6 if party else 4))
        with self.style("I", 14 if party else BODY_PT):
            self.multi_cell(right_width, 6.5 if party else 6, composed(place_and_date(header, iso_date)), align="C",
                            new_x="LMARGIN", new_y="NEXT")
        self.set_y(max(self.get_y(), left_bottom) + 6)

    def balanced(self, value: str, width: float) -> str:
        """Text that does not fit one line, broken into as few lines as fit, of even length, at
        word boundaries ('ỦY BAN NHÂN DÂN / TỈNH AN PHÚ'), as offices set their headers; a two-line
        break before the place name ('... / TỈNH AN PHÚ') is preferred when it fits."""
        value = composed(value)
        room = width - 2 * self.c_margin
        words = value.split()
        if self.get_string_width(value) <= room or len(words) < 2:
            return value
        width_of = self.get_string_width
        splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
        fitting = [s for s in splits if max(map(width_of, s)) <= room]
        if fitting:
            before_place = [s for s in fitting if LOCALITY.match(s[1])]  # "... / TỈNH AN PHÚ"
            return "\n".join(min(before_place or fitting, key=lambda s: max(map(width_of, s))))
        for count in (3, 4):  # the most even lines that fit: no one word left alone on the last
            cuts = combinations(range(1, len(words)), count - 1)
            parts = [tuple(" ".join(words[a:b]) for a, b in zip((0, *cut), (*cut, len(words)))) for cut in cuts]
            fitting = [p for p in parts if max(map(width_of, p)) <= room]
            if fitting:
                return "\n".join(min(fitting, key=lambda p: (max(map(width_of, p)) - min(map(width_of, p)))))
        return "\n".join(min(splits, key=lambda s: max(map(width_of, s))))

    def apart(self, text: str) -> str:
        """The text with a hair space between two hyphens ("--fingerprint"), when the font has one:
        in italic the hyphens touch and print as one dash."""
        return apart_hyphens(text) if ord(HAIR_SPACE) in self.current_font.cmap else text

    def _rule(self, centre_x: float, y: float, width: float) -> None:
        self.set_line_width(0.3)
        self.line(centre_x - width / 2, y, centre_x + width / 2, y)

    def title_block(self, title: str, subtitle: str = "") -> None:
        """The type name and the trích yếu, with the short rule under it: a solid line a third of
        the trích yếu's last line long (NĐ 30), or five hyphens for a Party body (HD 36)."""
        party = self.party
        with self.style("B", 16 if party else 14):
            self.multi_cell(0, 8 if party else 7, composed(title), align="C", new_x="LMARGIN", new_y="NEXT")
        last = title
        if subtitle:
            with self.style("B", 14):
                lines = self.multi_cell(0, 7, composed(subtitle), align="C", dry_run=True, output="LINES")
                self.multi_cell(0, 7, composed(subtitle), align="C", new_x="LMARGIN", new_y="NEXT")
                last = lines[-1] if lines else subtitle
        if party:
            with self.style("", 14):
                self.cell(0, 6, "-----", align="C", new_x="LMARGIN", new_y="NEXT")
            self.ln(3)
        else:
            with self.style("B", 14):
                width = max(self.get_string_width(composed(last)) / 3, 25)
            self._rule(self.l_margin + self.epw / 2, self.get_y() + 2, min(width, self.epw / 2))
            self.ln(8)

    @property
    def body_pt(self) -> float:
        """The body's size: 13 pt (NĐ 30 allows 13–14), 14 pt for a Party body (HD 36: 14–15)."""
        return 14 if self.party else BODY_PT

    def paragraph(self, value: str, *, emphasis: str = "", size: float | None = None, indent: float = 0,
                  align: str = "J", after: float = 2.2, first_line: bool | None = None) -> None:
        """A paragraph, in the body's size unless told; a justified body paragraph (not a list
        line) has its first line indented about 1 cm and 6 pt after it (NĐ 30/2020)."""
        size = size or self.body_pt
        text = composed(value)
        if first_line is None:
            first_line = align == "J" and indent == 0 and not text.startswith(("-", "(", "Ghi chú"))
        with self.style(emphasis, size):
            if first_line:
                count = max(1, round(FIRST_LINE_INDENT / max(self.get_string_width(NBSP), 0.1)))
                text = NBSP * count + text
            lines = len(self.multi_cell(self.epw - indent, size * 0.5, text, align=align, dry_run=True,
                                        output="LINES"))
            if lines <= 4 and self.will_page_break(lines * size * 0.5):
                self.add_page()  # a short paragraph (a flagged person's line) is never split
            self.set_x(self.l_margin + indent)
            self.multi_cell(self.epw - indent, size * 0.5, text, align=align,
                            new_x="LMARGIN", new_y="NEXT")
        self.ln(after)

    def heading(self, value: str, keep: float = 20) -> None:
        """A heading, on a new page unless `keep` mm (it and the start of what it heads) fit here."""
        if self.will_page_break(keep):
            self.add_page()
        self.paragraph(value, emphasis="B", after=1)

    def seal_block(self, lead: str, fingerprint: str, *, size: float | None = None, qr_side: float = 24.0,
                   how: str = "") -> None:
        """The seal's sentence, the fingerprint in groups to compare whole, how to compare it, and the
        same value as a QR code (read by a phone or a scanner) at the right; with `qr_side` 0 the
        page puts the QR code elsewhere (`qr_code`)."""
        size = size or self.body_pt
        if self.will_page_break(qr_side + 12):
            self.add_page()
        self.paragraph(lead, size=size, after=0.5)
        top = self.get_y()
        text_width = self.epw - qr_side - 4
        groups = grouped(fingerprint).split()
        lines = [" ".join(groups[i:i + 8]) for i in range(0, len(groups), 8)]
        with self.style("B", min(size, 11.5)):
            if self.get_string_width(" ".join(lines)) <= text_width - 2 * self.c_margin:
                lines = [" ".join(lines)]
            for line in lines:
                self.set_x(self.l_margin)
                self.cell(text_width, min(size, 11.5) * 0.5, line, align="C", new_x="LMARGIN", new_y="NEXT")
        with self.style("I", min(size, 11)):
            self.set_x(self.l_margin)
            self.multi_cell(text_width, min(size, 11) * 0.45, self.apart(composed(how or FINGERPRINT_HOW)),
                            align="J", new_x="LMARGIN", new_y="NEXT")
        if qr_side:
            self.qr_code(fingerprint, self.l_margin + self.epw - qr_side, top, qr_side)
        self.set_y(max(self.get_y(), top + qr_side) + 2)

    def qr_code(self, text: str, x: float, y: float, side: float) -> None:
        self.image(qr_png(text), x=x, y=y, w=side, h=side)

    @staticmethod
    def signatures_height(count: int, per_row: int = 2) -> float:
        """The height (mm) `signatures` takes for `count` signers: its heading and rows."""
        return 10.5 + -(-count // per_row) * (SIGNATURE_ROW + 2)  # 4 + 8.5 above the rows, no gap under the last

    def signatures(self, heading: str, signatures: Sequence[Signature], per_row: int = 2) -> None:
        """Signature blocks, `per_row` across: title, '(Ký, ghi rõ họ tên)', space, the name; all
        on one page (a new one if need be) unless they take more than a page."""
        height = SIGNATURE_ROW
        whole = self.signatures_height(len(signatures), per_row)
        if self.will_page_break(whole if whole <= self.eph else height + 12):
            self.add_page()
        self.ln(4)
        if heading:
            self.paragraph(heading, emphasis="B", align="C")
        width = self.epw / per_row
        for start in range(0, len(signatures), per_row):
            if self.will_page_break(height):
                self.add_page()
            top = self.get_y()
            row = signatures[start:start + per_row]
            offset = (per_row - len(row)) * width / 2  # a short last row is centred
            bottom = top + height + 2
            for column, signature in enumerate(row):
                x = self.l_margin + offset + column * width
                self.set_xy(x, top)
                with self.style("B", self.body_pt):
                    self.multi_cell(width, 6, composed(signature.title.upper()), align="C")
                self.set_x(x)
                with self.style("I", 12):
                    self.multi_cell(width, 5.5, "(Ký, ghi rõ họ tên)", align="C")
                self.set_xy(x, top + height - 8)
                with self.style("B", self.body_pt):
                    self.multi_cell(width, 6, composed(signature.name), align="C")
                bottom = max(bottom, self.get_y() + 2)  # a long name that wraps pushes the next row down
            self.set_y(bottom)

    def ruled_rows(self, widths: Sequence[float], headings: Sequence[str], rows, *, aligns: Sequence[str],
                   size: float = 10, spans: tuple[int, int] | None = None) -> None:
        """A long bordered table drawn cell by cell: far faster than `table_of` for thousands of
        rows (an entry log). The heading row is repeated on every page; a row grows only when one
        of its cells has to wrap, and a wrapped cell is broken into lines once. With `spans`
        (first, last), a row whose cells first..last-1 are empty and whose cell `last` would wrap
        writes that cell across all of them, on one line where it then fits."""
        line = size * 0.5

        def lines_of(texts: Sequence[str], widths: Sequence[float]) -> list[list[str]]:
            return [[text] if self.get_string_width(text) <= width - 2 * self.c_margin
                    else self.multi_cell(width, line, text, dry_run=True, output="LINES") or [""]
                    for text, width in zip(texts, widths)]

        def heading_row() -> None:
            with self.style("B", size):
                self._row(lines_of(headings, widths), widths, ["C"] * len(widths), line, fill=True)

        if spans is not None:
            first, last = spans
            joined = (*widths[:first], sum(widths[first:last + 1]), *widths[last + 1:])
            joined_aligns = (*aligns[:first], aligns[last], *aligns[last + 1:])
        with self.style("", size):
            heading_row()
            for row in rows:
                texts = [composed(text) for text in row]
                cells = lines_of(texts, widths)
                row_widths, row_aligns = widths, aligns
                if spans is not None and len(cells[last]) > 1 and not any(texts[first:last]):
                    texts = [*texts[:first], texts[last], *texts[last + 1:]]
                    cells, row_widths, row_aligns = lines_of(texts, joined), joined, joined_aligns
                if self.get_y() + max(map(len, cells)) * line > self.page_break_trigger:
                    self.add_page()
                    heading_row()
                self._row(cells, row_widths, row_aligns, line)

    def _lines(self, text: str, width: float) -> int:
        """How many lines `text` takes in a cell `width` wide."""
        return len(self.multi_cell(width, 1, text, dry_run=True, output="LINES")) or 1

    def _row(self, cells: Sequence[Sequence[str]], widths: Sequence[float], aligns: Sequence[str], line: float,
             fill: bool = False) -> None:
        top, x = self.get_y(), self.l_margin
        lines = max(map(len, cells))
        height = lines * line
        if fill:
            self.set_fill_color(235, 235, 235)
        for texts, width, align in zip(cells, widths, aligns):
            if lines == 1:  # the common case, and the fast one
                self.set_xy(x, top)
                self.cell(width, height, texts[0], border=1, align=align, fill=fill)
            else:
                self.rect(x, top, width, height, style="DF" if fill else "D")
                y = top + (height - len(texts) * line) / 2
                for text in texts:
                    self.set_xy(x, y)
                    self.cell(width, line, text, align=align)
                    y += line
            x += width
        self.set_xy(self.l_margin, top + height)

    @contextmanager
    def table_of(self, widths: Sequence[float], *, heading_rows: int = 1, size: float = 11,
                 aligns: Sequence[str] | None = None):
        """A bordered table of these column widths (mm), headings repeated on every page."""
        with self.style("", size):
            with self.table(
                col_widths=tuple(widths),
                width=sum(widths),
                align="LEFT",
                text_align=tuple(aligns) if aligns else "CENTER",
                num_heading_rows=heading_rows,
                repeat_headings=1,
                headings_style=FontFace(emphasis="BOLD"),
                line_height=size * 0.45,
                padding=(0.8, 1),
                v_align="MIDDLE",
            ) as table:
                yield table


def save(pdf: FPDF, target: Path) -> Path:
    """Write the PDF beside its target and rename it into place: never half a document."""
    target = Path(target)
    partial = target.with_name(target.name + ".partial")
    pdf.output(str(partial))
    partial.replace(target)
    return target
